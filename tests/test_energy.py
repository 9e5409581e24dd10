"""The energy chapter: unit conversions, its data, the route geometry, and the built page."""

import re

import pytest
import shapely
from conftest import page_text

from kzaz import basemap, data, shares, units

HAND_CURATED = ["oil_kaz_via_btc", "oil_btc_agreements", "oil_kaz_exports", "oil_btc_pipeline", "oil_routes",
                "green_energy_caspian"]


# --------------------------------------------------------------------------- units


def test_barrels_and_tonnes_use_the_stated_factor():
    assert units.BARRELS_PER_TONNE == 7.32
    assert units.tonnes_to_barrels(1.0) == pytest.approx(7.32)
    assert units.barrels_to_tonnes(7.32) == pytest.approx(1.0)
    # A Kazakh-grade factor can be passed explicitly.
    assert units.tonnes_to_barrels(2.0, barrels_per_tonne=7.7) == pytest.approx(15.4)


def test_barrels_a_day_to_million_tonnes_a_year_and_back():
    # BTC at 1.2 million barrels a day: 1.2e6 * 365 / 7.32 = 59.836 Mt a year.
    assert units.barrels_per_day_to_mt_per_year(1.2e6) == pytest.approx(59.836, abs=0.001)
    assert units.mt_per_year_to_barrels_per_day(units.barrels_per_day_to_mt_per_year(345_678.0)) == pytest.approx(345_678.0)
    # The media's "50 Mt a year" is the original million barrels a day.
    assert units.barrels_per_day_to_mt_per_year(1.0e6) == pytest.approx(50, abs=0.2)


def test_energy_factors():
    assert units.TWH_PER_MT_OIL == pytest.approx(11.63, abs=1e-9)
    assert units.oil_twh_to_mt(116.3) == pytest.approx(10.0)
    assert units.oil_mt_to_twh(units.oil_twh_to_mt(123.4)) == pytest.approx(123.4)
    assert units.gas_twh_to_bcm(377.599) == pytest.approx(37.7599)


def test_conversions_refuse_bad_factors_and_unnamed_shares():
    with pytest.raises(ValueError, match="barrels_per_tonne"):
        units.tonnes_to_barrels(1.0, barrels_per_tonne=0)
    with pytest.raises(ValueError, match="name the denominator"):
        shares.percent_of(1, 2, whole_name="")
    with pytest.raises(ValueError, match="crude exports"):
        shares.percent_of(1, 0, whole_name="crude exports")
    assert shares.percent_of(1.5, 78.7, whole_name="crude exports") == pytest.approx(1.906, abs=0.001)


def test_implied_barrels_per_tonne_counts_leap_days():
    # 1,000 kb/d for a year of 365 days is 365 million barrels; in a leap year 366.
    assert units.implied_barrels_per_tonne(1000, 50, 2023) == pytest.approx(7.30)
    assert units.implied_barrels_per_tonne(1000, 50, 2024) == pytest.approx(7.32)


def test_statistical_review_converts_at_the_modules_factors():
    """The 2021 Review's TWh equal its tonnes x 11.63 and its bcm x 10, every country-year."""
    bp = data.load("bp_oil_gas_kaz_aze")
    assert len(bp) == 42
    oil = bp["oil_production_twh"] / bp["oil_production_mt"]
    gas = bp["gas_production_twh"] / bp["gas_production_bcm"]
    assert (oil / units.TWH_PER_MT_OIL - 1).abs().max() < 1e-4
    assert (gas / units.TWH_PER_BCM_GAS - 1).abs().max() < 1e-4


def test_country_crudes_bracket_the_standard_factor():
    bp = data.load("bp_oil_gas_kaz_aze").set_index(["country_code", "year"])
    kaz = bp.loc[("KAZ", 2020)]
    aze = bp.loc[("AZE", 2020)]
    k = units.implied_barrels_per_tonne(kaz["oil_production_kbd"], kaz["oil_production_mt"], 2020)
    a = units.implied_barrels_per_tonne(aze["oil_production_kbd"], aze["oil_production_mt"], 2020)
    assert 7.6 < k < 7.8 and 7.3 < a < 7.6
    assert a < k and units.BARRELS_PER_TONNE < k


def test_converted_owid_oil_matches_the_ministrys_production():
    owid = data.load("owid_energy_kaz_aze")
    kaz = owid[owid["country_code"] == "KAZ"].set_index("year")
    exports = data.load("oil_kaz_exports")
    official = exports[(exports["flow"] == "oil_production") & exports["book_uses"]]
    assert len(official) == 3
    for r in official.itertuples():
        year = int(r.period_start[:4])
        assert units.oil_twh_to_mt(kaz.loc[year, "oil_production"]) == pytest.approx(r.value_mt, rel=0.01)


# --------------------------------------------------------------------------- data


def test_owid_extract_holds_known_values():
    owid = data.load("owid_energy_kaz_aze").set_index(["country_code", "year"])
    # The figures quoted in the upstream PROVENANCE.md.
    assert owid.loc[("KAZ", 2024), "oil_production"] == pytest.approx(1018.305)
    assert owid.loc[("KAZ", 2024), "renewables_share_elec"] == pytest.approx(15.214)
    assert owid.loc[("AZE", 2024), "gas_production"] == pytest.approx(377.599)
    assert owid.index.get_level_values("year").min() == 2000


@pytest.mark.parametrize("name", HAND_CURATED)
def test_every_hand_curated_row_has_a_source(name):
    table = data.load(name)
    assert table["source_url"].str.match(r"https?://").all()
    assert table["source_publisher"].str.len().gt(0).all()


def test_2023_btc_volume_keeps_both_figures_and_uses_the_total():
    btc = data.load("oil_kaz_via_btc").set_index("figure_id")
    total, tengiz = btc.loc["btc-2023-kto"], btc.loc["btc-2023-tengiz"]
    assert (total["value_mt"], total["scope"], bool(total["book_uses"])) == (1.392, "total", True)
    assert (tengiz["value_mt"], tengiz["scope"], bool(tengiz["book_uses"])) == (1.057, "tengiz_only", False)
    assert total["source_url"] != tengiz["source_url"]


def test_one_figure_used_per_year_and_every_year_covered():
    btc = data.load("oil_kaz_via_btc")
    used = btc[btc["book_uses"]]
    years = used["period_start"].str[:4].astype(int)
    assert sorted(years) == list(range(2022, 2026))
    assert (used["status"] == "outturn").all()
    assert (used["period_start"].str.endswith("-01") & used["period_end"].str.endswith("-12")).all()


def test_2025_keeps_both_reported_plans_and_flags_the_unnamed_period():
    btc = data.load("oil_kaz_via_btc").set_index("figure_id")
    plans = btc[(btc["status"] == "plan") & (btc["period_start"] == "2025-01") & (btc["period_end"] == "2025-12")]
    assert sorted(plans["value_mt"]) == [1.2, 1.7]
    assert plans["source_url"].nunique() == 2 and not plans["book_uses"].any()
    # Only the Day.Az figure, whose article names no period, is flagged.
    assert btc.index[~btc["period_stated"]].tolist() == ["btc-2025"]


def test_field_specific_agreement_is_only_compared_with_that_fields_oil():
    deals = data.load("oil_btc_agreements").set_index("agreement_id")
    assert deals.loc["socar-kmg-2022", "oil"] == "Tengiz"
    btc = data.load("oil_kaz_via_btc").set_index("figure_id")
    like = shares.percent_of(btc.loc["btc-2023-tengiz", "value_mt"], deals.loc["socar-kmg-2022", "volume_max_mt_per_year"],
                            whole_name="Tengiz ceiling")
    assert like == pytest.approx(70.5, abs=0.1)


def test_agreements_and_capacity():
    deals = data.load("oil_btc_agreements").set_index("agreement_id")
    assert deals.loc["socar-kmg-2022", "volume_max_mt_per_year"] == 1.5
    assert deals.loc["socar-kmg-2024", "volume_max_mt_per_year"] == 2.2
    assert (deals["volume_min_mt_per_year"] <= deals["volume_max_mt_per_year"]).all()
    pipe = data.load("oil_btc_pipeline").set_index("figure_id")
    assert (pipe.loc["btc-capacity-2009", "value"], pipe.loc["btc-capacity-2009", "unit"]) == (1.2, "million barrels per day")


def test_green_corridor_has_no_published_capacity_or_cost():
    green = data.load("green_energy_caspian")
    assert green["capacity_mw"].isna().all() and green["project_cost_usd"].isna().all()
    assert green["amount_usd"].sum() == 2_225_000
    assert set(green["kind"]) >= {"memorandum", "agreement", "funding"}


# --------------------------------------------------------------------------- route geometry


def route_lines():
    nodes = data.load("oil_route_nodes")
    routes = data.load("oil_routes")
    return {r.route_id: (r.mode, basemap.line_through(nodes, r.nodes.split(";"))) for r in routes.itertuples()}


def test_every_node_lies_in_its_country():
    nodes = data.load("oil_route_nodes")
    land = basemap.countries(bbox=(10, 30, 95, 58)).set_index("iso3").geometry
    for r in nodes.itertuples():
        point = shapely.Point(r.lon, r.lat)
        assert land[r.country_iso3].distance(point) < 0.1, f"{r.node_id} is not in {r.country_iso3}"


def test_tankers_cross_the_caspian_and_pipelines_stay_on_land_but_the_cpc():
    sea = basemap.caspian().geometry.union_all()
    lines = route_lines()
    for rid, (mode, line) in lines.items():
        if mode == "tanker":
            assert line.intersects(sea), rid
        elif rid != "cpc":
            assert not line.intersects(sea), rid
    # The chapter says the straight CPC links cut the northern Caspian; this keeps the text true.
    assert lines["cpc"][1].intersects(sea)


def test_schematic_btc_is_shorter_than_the_real_pipeline():
    real = data.load("oil_btc_pipeline").set_index("figure_id").loc["btc-length", "value"]
    schematic = basemap.geodesic_km(route_lines()["btc"][1])
    assert 0.7 * real < schematic < real


# --------------------------------------------------------------------------- the built page




@pytest.fixture(scope="module")
def energy_html(html_dir):
    path = html_dir / "chapters" / "energy.html"
    if not path.exists():
        pytest.fail("the energy chapter is not built: run scripts/build.py")
    return path.read_text()


def test_page_has_six_numbered_charts_and_is_light(energy_html, html_dir):
    assert energy_html.count('class="kzaz-chart"') == 6
    for fig in ("fig-energy-production", "fig-energy-mix", "fig-energy-renewables", "fig-energy-btc",
                "fig-energy-exports", "fig-energy-map"):
        assert f'id="{fig}"' in energy_html
    assert len(re.findall(r"Fig\. \d+\.6", page_text(energy_html, tight=True))) >= 1
    assert (html_dir / "chapters" / "energy.html").stat().st_size < 2_000_000


def test_glued_btc_numbers_equal_the_data(energy_html):
    text = page_text(energy_html, tight=True)
    btc = data.load("oil_kaz_via_btc").set_index("figure_id")
    total, tengiz = btc.loc["btc-2023-kto", "value_mt"], btc.loc["btc-2023-tengiz", "value_mt"]
    assert f"{btc.loc['btc-2022', 'value_mt']:.2f} million tonnes (Mt) for 2022" in text
    assert f"{total:.3f} Mt for 2023" in text
    assert f"the Tengiz share ({100 * tengiz / total:.0f}%)" in text


def test_glued_export_share_and_capacity_equal_the_data(energy_html):
    text = page_text(energy_html, tight=True)
    exports = data.load("oil_kaz_exports").set_index("figure_id")
    btc = data.load("oil_kaz_via_btc").set_index("figure_id")
    total25 = exports.loc["kz-exports-2025", "value_mt"]
    share = shares.percent_of(btc.loc["btc-2025", "value_mt"], total25, whole_name="crude exports")
    assert f"{share:.1f}% of the {total25:.1f} Mt in 2025" in text
    cap = units.barrels_per_day_to_mt_per_year(1.2e6)
    assert f"that is about {cap:.0f} Mt a year" in text


def test_claims_have_their_verdicts(energy_html):
    text = page_text(energy_html, tight=True)
    assert re.search(r"C12 .*? supported Kazakh oil has been shipped", text)
    assert re.search(r"C13 .*? partly supported The three governments", text)


def test_agreement_use_is_like_for_like_on_the_page(energy_html):
    text = page_text(energy_html, tight=True)
    btc = data.load("oil_kaz_via_btc").set_index("figure_id")
    deals = data.load("oil_btc_agreements").set_index("agreement_id")
    tengiz = 100 * btc.loc["btc-2023-tengiz", "value_mt"] / deals.loc["socar-kmg-2022", "volume_max_mt_per_year"]
    assert f"Set against the Tengiz oil shipped, shipments used {tengiz:.0f}% in 2023" in text
    total25 = 100 * btc.loc["btc-2025", "value_mt"] / deals.loc["socar-kmg-2024", "volume_max_mt_per_year"]
    assert f"{total25:.0f}% in 2025" in text
    # The all-oil total is never divided by the Tengiz-only ceiling.
    wrong = 100 * btc.loc["btc-2023-kto", "value_mt"] / deals.loc["socar-kmg-2022", "volume_max_mt_per_year"]
    assert f"used {wrong:.0f}% in 2023" not in text


def test_who_gave_the_added_up_figures_comes_from_the_rows(energy_html):
    text = page_text(energy_html, tight=True)
    btc = data.load("oil_kaz_via_btc").set_index("figure_id")
    assert f"{btc.loc['btc-2024-01-10', 'reported_by']}'s for January–October 2024" in text
    assert "KazTransOil's figures for 2023 and for January–October 2024" not in text


def test_2025_plans_and_uncertain_period_are_shown(energy_html):
    text = page_text(energy_html, tight=True)
    assert "1.2 Mt (The Caspian Post" in text and "1.7 Mt (Star (Anadolu Agency" in text
    assert "names no period" in text


def test_c12_says_the_first_year_came_before_the_agreements(energy_html):
    text = page_text(energy_html, tight=True)
    deals = data.load("oil_btc_agreements")
    first_from = int(deals[deals["kind"] == "agreement"]["applies_from"].min()[:4])
    assert first_from == 2023
    assert re.search(r"C12 .*? supported .*?The shipments of 2022 came before the first SOCAR–KazMunayGas agreement", text)


def test_c13_reason_follows_the_data(energy_html):
    text = page_text(energy_html, tight=True)
    green = data.load("green_energy_caspian")
    assert green["capacity_mw"].isna().all() and green["project_cost_usd"].isna().all()
    assert re.search(r"C13 .*? partly supported .*?No source gives the link's capacity or cost", text.replace("’", "'"))
    lo, hi = green["amount_usd"].max() / 1e6, green["amount_usd"].sum() / 1e6
    assert f"between {lo:.2f} and {hi:.3f} million US dollars" in text


def test_electricity_text_uses_the_latest_year_without_a_break(energy_html):
    text = page_text(energy_html, tight=True)
    owid = data.load("owid_energy_kaz_aze").set_index(["country", "year"])
    last = int(owid.index.get_level_values("year").max())
    # Azerbaijan's solar falls from a material value to zero in the last year: the text uses the year before.
    assert owid.loc[("Azerbaijan", last - 1), "solar_electricity"] >= 0.05
    assert not owid.loc[("Azerbaijan", last), "solar_electricity"] > 0
    assert f"the text uses {last - 1}, the latest year without such a break" in text
    aze = owid.loc[("Azerbaijan", last - 1), "renewables_share_elec"]
    assert f"{aze:.1f}% in Azerbaijan" in text
    assert re.search(r"C13 .*?% in Azerbaijan \(" + str(last - 1) + r"\)", text)


def test_chart_titles_take_their_years_from_the_data(energy_html):
    owid = data.load("owid_energy_kaz_aze")
    first, last = int(owid["year"].min()), int(owid["year"].max())
    assert f"Electricity generation by source, {first}–{last}" in energy_html
    assert f"Renewables' share of electricity, {first}–{last}" in energy_html.replace("&#x27;", "'").replace("\u2019", "'")


def test_share_of_lifted_oil_is_a_range(energy_html):
    text = page_text(energy_html, tight=True)
    assert re.search(r"about \d\.\d ?– ?\d\.\d% of what was lifted", text)
