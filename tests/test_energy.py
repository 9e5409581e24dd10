"""The energy chapter: unit conversions, its data, its computation (kzaz.chapters.energy), and the built page.

Everything but the last section runs without a book build: the chapter's package is
imported and its inputs, facts, charts, tables and verdicts are checked directly.
"""

import importlib
import re

import pandas as pd
import pytest
import shapely
from conftest import page_text

from kzaz import basemap, claims, data, shares, theme, units
from kzaz.chapters import energy
from kzaz.chapters.energy import colours, maps, oil, pipeline

checks = importlib.import_module("kzaz.chapters.energy.inputs")  # the module; `energy.inputs` is its function

HAND_CURATED = [
    "oil_kaz_via_btc",
    "oil_btc_agreements",
    "oil_kaz_exports",
    "oil_btc_pipeline",
    "oil_routes",
    "green_energy_caspian",
    "green_energy_projects",
    "energy_upstream_checks",
]
FIGURES = (
    "fig-energy-production",
    "fig-energy-mix",
    "fig-energy-renewables",
    "fig-energy-btc",
    "fig-energy-exports",
    "fig-energy-map",
)
CHARTS = ("production", "mix", "renewables", "btc", "exports", "routes_map")


@pytest.fixture(scope="module")
def inp():
    return energy.inputs()


@pytest.fixture(scope="module")
def en(inp):
    return energy.facts(inp)


@pytest.fixture(scope="module")
def figs(inp):
    return {name: getattr(energy.charts, name)(inp) for name in CHARTS}


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
    back = units.mt_per_year_to_barrels_per_day(units.barrels_per_day_to_mt_per_year(345_678.0))
    assert back == pytest.approx(345_678.0)
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


def test_statistical_review_converts_at_the_modules_factors(inp):
    """The 2021 Review's TWh equal its tonnes x 11.63 and its bcm x 10, every country-year."""
    assert len(inp.bp) == 42
    assert energy.production.bp_max_deviation_pct(inp) < 1e-2


def test_country_crudes_bracket_the_standard_factor(inp):
    implied = energy.production.implied_factors(inp)
    k, a = implied["Kazakhstan"], implied["Azerbaijan"]
    assert 7.6 < k < 7.8 and 7.3 < a < 7.6
    assert a < k and units.BARRELS_PER_TONNE < k


def test_converted_owid_oil_matches_the_ministrys_production(inp):
    deviation = energy.production.official_against_converted(inp)
    assert len(deviation) == 3 and deviation.abs().max() < 1.0


# --------------------------------------------------------------------------- data


def test_owid_extract_holds_known_values():
    owid = data.load("owid_energy_kaz_aze").set_index(["country_code", "year"])
    # The figures quoted in the upstream PROVENANCE.md.
    assert owid.loc[("KAZ", 2024), "oil_production"] == pytest.approx(1018.305)
    assert owid.loc[("KAZ", 2024), "renewables_share_elec"] == pytest.approx(15.214)
    assert owid.loc[("AZE", 2024), "gas_production"] == pytest.approx(377.599)
    assert owid.index.get_level_values("year").min() == 2000


@pytest.mark.parametrize("name", HAND_CURATED)
def test_every_hand_curated_row_has_a_source_and_its_check(name):
    table = data.load(name)
    assert table["source_url"].str.match(r"https?://").all()
    assert table["source_publisher"].str.len().gt(0).all()
    # The evidence pass re-read every row at its source on 2 December 2026.
    assert (table["checked_on"] == pd.Timestamp("2026-12-02")).all()
    assert set(table["check"]) <= {"confirmed", "corrected", "single source", "conflicting"}


@pytest.mark.parametrize("name", ["oil_kaz_via_btc", "oil_kaz_exports"])
def test_every_figure_says_why_it_is_used_or_not(name):
    table = data.load(name)
    assert table["book_uses_reason"].str.len().gt(10).all()
    assert table.loc[~table["book_uses"], "book_uses_reason"].str.startswith("Not used").all()


def test_2023_btc_volume_keeps_both_figures_and_uses_the_total(inp):
    tengiz, total = oil.tengiz_rows(inp)
    assert (total["value_mt"], total["scope"], bool(total["book_uses"])) == (1.392, "total", True)
    assert (tengiz["value_mt"], tengiz["scope"], bool(tengiz["book_uses"])) == (1.057, "tengiz_only", False)
    assert total["source_url"] != tengiz["source_url"]


def test_one_figure_used_per_year_and_every_year_covered(inp):
    assert inp.years == list(range(2022, 2026))
    used = inp.btc[inp.btc["book_uses"]]
    assert (used["status"] == "outturn").all() and used["full_year"].all() and used["period_stated"].all()


def test_2025_uses_kazmunaygas_outturn_not_the_ministers_expectation(inp):
    # KazMunayGas via Day.Az (news.day.az/economy/1809740): 1.3 Mt "по итогам 2025 года".
    assert inp.used_btc[2025] == 1.3
    assert oil.used_row(inp, 2025)["figure_id"] == "btc-2025-kmg"
    btc = inp.btc.set_index("figure_id")
    # The minister's 1.5 Mt: an expectation at his year-end briefing (Vestnik Kavkaza, 12 December 2025) ...
    assert btc.loc["btc-2025-min-dec", ["status", "value_mt"]].tolist() == ["estimate", 1.5]
    # ... repeated on 28 January 2026 without a period (Day.Az 1812501): not an outturn, not used.
    assert btc.loc["btc-2025", ["status", "book_uses", "period_stated"]].tolist() == ["unspecified", False, False]
    assert inp.btc.loc[~inp.btc["period_stated"], "figure_id"].tolist() == ["btc-2025"]


def test_2025_keeps_every_expectation_stated_before_the_year_ended(inp):
    _, _, expected = oil.halt_rows(inp)
    # Caspian Post and Anadolu (2 Oct 2025), Reuters (14 Oct 2025, misdated to 2024 in the first edition),
    # the minister's briefing (12 Dec 2025).
    assert expected["value_mt"].tolist() == [1.2, 1.7, 1.7, 1.5]
    assert expected["source_url"].nunique() == 4 and not expected["book_uses"].any()


def test_reuters_article_of_october_2025_is_dated_to_2025():
    # DFWatch/Reuters of 15 Oct 2025 (Shahbazov at the 21st intergovernmental commission, 14 Oct 2025).
    btc = data.load("oil_kaz_via_btc").set_index("figure_id")
    assert btc.loc["btc-2025-plan-reuters", ["period_start", "period_end", "source_date"]].tolist() == [
        "2025-01",
        "2025-12",
        "2025-10-14",
    ]
    assert btc.loc["btc-cumulative-2025-10", ["period_end", "source_date"]].tolist() == ["2025-10", "2025-10-14"]
    pipe = data.load("oil_btc_pipeline").set_index("figure_id")
    # State Statistics Committee via Bakou24: 18,356.5 kt and 2,887.5 kt in January-August 2025.
    assert pipe.loc["btc-throughput-2025-01-08", ["period_start", "period_end", "value"]].tolist() == [
        "2025-01",
        "2025-08",
        18.3565,
    ]
    assert pipe.loc["btc-transit-2025-01-08", "value"] == 2.8875
    agreements = data.load("oil_btc_agreements").set_index("agreement_id")
    assert agreements.loc["target-2027", "date"] == "2025-10-14"
    old_ids = ("btc-cumulative-2024", "btc-throughput-2024-01-08", "btc-2024-plan-az")
    assert not any(i.startswith(old_ids) for i in btc.index.append(pipe.index))


def test_april_2023_is_the_baku_part_of_aktau_exports():
    # KazTransOil, 10 May 2023 (commonspace.eu): April 312.6 kt from Aktau in all, 152.4 kt of it to Baku.
    btc = data.load("oil_kaz_via_btc").set_index("figure_id")
    assert btc.loc["btc-2023-04", ["value_mt", "reported_by"]].tolist() == [0.1524, "KazTransOil"]
    assert btc.loc["btc-2023-03", "value_mt"] == 0.087


def test_route_figures_that_name_no_period_are_not_used(inp):
    # The minister's 8.8 / 1.0 / 2.2 Mt of 28 January 2026 (Day.Az 1812501; Kazinform in Kazakh: future tense).
    ex = inp.exports.set_index("figure_id")
    for key in ("kz-atyrau-samara-2025", "kz-china-2025", "kz-makhachkala-2025"):
        assert ex.loc[key, ["status", "book_uses"]].tolist() == ["unspecified", False]
    assert not (
        inp.used_exports["year"].eq(2025)
        & inp.used_exports["flow"].isin(["atyrau_samara", "kazakhstan_china", "aktau_makhachkala"])
    ).any()


def test_field_specific_agreement_is_only_compared_with_that_fields_oil(inp):
    c = oil.compare(inp).set_index(["agreement_id", "year"])
    assert c.loc[("socar-kmg-2022", 2023), "scope"] == "tengiz_only"
    assert c.loc[("socar-kmg-2022", 2023), "util"] == pytest.approx(70.5, abs=0.1)
    # KazMunayGas's 1.3 Mt for 2025 against the 2.2 Mt agreement of March 2024: 59%.
    assert c.loc[("socar-kmg-2024", 2025), "util"] == pytest.approx(100 * 1.3 / 2.2)
    # The Kashagan agreement counts oil no figure counts alone: it is not measured.
    assert oil.unmeasured_deals(inp)["oil"].tolist() == ["Kashagan"]


def test_agreements_and_capacity(inp):
    deals = inp.agreements.set_index("agreement_id")
    assert deals.loc["socar-kmg-2022", "volume_max_mt_per_year"] == 1.5
    assert deals.loc["socar-kmg-2024", "volume_max_mt_per_year"] == 2.2
    assert (deals["volume_min_mt_per_year"] <= deals["volume_max_mt_per_year"]).all()
    assert pipeline.capacity_bpd(inp) == (1.2e6, 1.0e6)
    assert oil.latest_ceiling(inp) == 2.2


def test_green_corridor_has_no_published_capacity_or_cost(inp):
    assert energy.green.quantified(inp) == (0, 0)
    assert energy.green.funding_range(inp) == (2.0, 2.225)
    assert set(inp.green["kind"]) >= {"memorandum", "agreement", "funding", "meeting"}
    # Through March 2026: the joint venture (27 Dec 2024; 1 Jul 2025) and the first seminar on the study (4 Mar 2026).
    assert len(energy.green.documents(inp)) == 6
    assert energy.green.latest_step(inp)["date"] == "2026-03-04"
    assert energy.green.expectation(inp) == ("2026", "2030")
    # National wind and solar plants are kept apart: none is Kazakh-Azerbaijani.
    assert inp.projects.groupby("country")["capacity_mw"].sum().to_dict() == {"Azerbaijan": 1230, "Kazakhstan": 2000}


# --------------------------------------------------------------------------- upstream sanity


def test_the_datasets_azerbaijani_solar_is_flagged_against_the_plant_and_the_national_figures(inp):
    up = inp.upstream.set_index("check_id")
    # OWID/Ember: 0.08 TWh (2024), 0.0 (2025); national statistics 556.3 million kWh (2024, APA) and
    # 484 million kWh in January-September 2025; Garadagh alone 1 billion kWh by October 2025 (Trend 4098657).
    solar = up.loc["aze-2024-solar", ["dataset_value", "reference_value", "contradicts"]]
    assert solar.tolist() == [0.08, 0.5563, True]
    assert up.loc["aze-2025-solar", "contradicts"] and up.loc["aze-garadagh-2023-2025", "contradicts"]
    assert up.loc["aze-garadagh-2023-2025", "reference_value"] > 6 * up.loc["aze-garadagh-2023-2025", "dataset_value"]
    assert not up.loc["aze-2023-solar", "contradicts"]  # Garadagh began only in late October 2023
    assert sorted(map(tuple, energy.electricity.flags(inp)[["country", "year"]].values)) == [
        ("Azerbaijan", 2024),
        ("Azerbaijan", 2025),
    ]


def test_the_text_uses_azerbaijans_national_breakdown_for_2024(inp, en):
    row = energy.electricity.text_row(inp, "Azerbaijan", 2024)
    assert row["electricity_generation"] == pytest.approx(28.3941)
    # Wind 51.1 + solar 556.3 million kWh of 28,394.1: 2.1%, not the dataset's 0.6%.
    assert (en.aze_ws_share_last, en.flag_ws_dataset) == ("2.1", "0.6")
    assert en.aze_ren_share_last == f"{100 * 3.8509 / 28.3941:.1f}"  # green total 3,850.9 million kWh
    assert energy.electricity.text_row(inp, "Kazakhstan", 2024).equals(inp.by_country["Kazakhstan"].loc[2024])


def test_an_upstream_check_that_no_longer_matches_the_extract_is_named(inp):
    bad = inp.upstream.copy()
    bad.loc[bad["check_id"] == "aze-2024-solar", "dataset_value"] = 0.3
    problems = checks.upstream_problems(bad, inp.owid)
    assert problems == [
        "data/energy_upstream_checks.csv, row 2, field 'dataset_value': 0.3 TWh, but the extract has 0.08 TWh"
    ]
    bad = inp.upstream.copy()
    bad.loc[bad["check_id"] == "aze-2024-hydro", "reference_value"] = 4.0
    assert checks.upstream_problems(bad, inp.owid) == [
        "data/energy_upstream_checks.csv, row 2, field 'reference_value': the national parts for AZE 2024 do not add "
        "up to one national total"
    ]


# --------------------------------------------------------------------------- checks: file, row, field


def test_a_period_that_ends_before_it_starts_is_named(inp):
    bad = inp.btc.drop(columns=["months", "year", "full_year"]).copy()
    bad.loc[2, "period_end"] = "2022-01"
    _, problems = checks.periods_checked("oil_kaz_via_btc", bad)
    assert problems == ["data/oil_kaz_via_btc.csv, row 4, field 'period_end': 2022-01 is before period_start 2023-01"]


def test_only_a_full_year_outturn_can_be_used(inp):
    bad = inp.btc.drop(columns=["months", "year", "full_year"]).copy()
    bad.loc[3, "book_uses"] = True  # April 2023 only
    _, problems = checks.periods_checked("oil_kaz_via_btc", bad)
    assert problems == [
        "data/oil_kaz_via_btc.csv, row 5, field 'book_uses': only a full-year outturn can be the figure the book uses"
    ]


def test_a_figure_whose_source_names_no_period_cannot_be_used(inp):
    bad = inp.btc.drop(columns=["months", "year", "full_year"]).copy()
    row = bad.index[bad["figure_id"] == "btc-2025"][0]
    bad.loc[row, ["status", "book_uses"]] = ["outturn", True]
    _, problems = checks.periods_checked("oil_kaz_via_btc", bad)
    assert problems == [
        f"data/oil_kaz_via_btc.csv, row {row + 2}, field 'book_uses': "
        "a figure whose source names no period is not an outturn the book can use"
    ]


def test_two_used_figures_for_one_year_are_named(inp):
    bad = inp.btc.copy()
    bad.loc[bad["figure_id"] == "btc-2023-tengiz", "book_uses"] = True
    assert checks.one_used_per("oil_kaz_via_btc", bad, ["year"]) == [
        "data/oil_kaz_via_btc.csv, row 4, field 'book_uses': a second figure marked as used for [2023]"
    ]


def test_a_year_without_a_used_figure_is_named(inp):
    bad = inp.btc[inp.btc["figure_id"] != "btc-2024-tca"]
    assert checks.every_year_used(bad) == [
        "data/oil_kaz_via_btc.csv, row -, field 'book_uses': no figure marked book_uses for [2024]"
    ]


def test_agreement_and_route_faults_are_named(inp):
    bad = inp.agreements.copy()
    bad.loc[0, "volume_min_mt_per_year"] = 9.0
    assert checks.agreement_problems(bad) == [
        "data/oil_btc_agreements.csv, row 2, field 'volume_max_mt_per_year': is below volume_min_mt_per_year"
    ]
    routes = inp.routes.copy()
    routes.loc[1, "nodes"] = "atyrau;kazan"
    assert checks.route_problems(routes, inp.nodes) == [
        "data/oil_routes.csv, row 3, field 'nodes': ['kazan'] not in data/oil_route_nodes.csv"
    ]


def test_electricity_that_does_not_add_up_is_named(inp):
    bad = inp.owid.copy()
    bad.loc[0, "fossil_electricity"] += 1.0
    assert checks.electricity_problems(bad) == [
        "data/owid_energy_kaz_aze.csv, row 2, field 'electricity_generation': sources add up to 1.00 TWh more or less"
    ]


def test_routes_that_exceed_the_export_total_are_named(inp):
    bad = inp.exports.copy()
    bad.loc[bad["figure_id"] == "kz-cpc-2025-minister", "value_mt"] = 80.0
    problems = checks.exports_problems(bad, inp.used_btc)
    assert len(problems) == 1 and problems[0].startswith(
        "data/oil_kaz_exports.csv, row 18, field 'value_mt': the routes of 2025, BTC included, add up to"
    )


# --------------------------------------------------------------------------- facts


def test_facts_the_prose_quotes(inp, en):
    assert en.namespace == "en"
    assert (en.btc_first_year, en.btc_last_year, en.btc_first, en.btc_second) == ("2022", "2025", "0.25", "1.392")
    assert (en.btc_latest, en.btc_latest_by) == ("1.3", "KazMunayGas")
    assert en.tengiz_pct == f"{100 * 1.057 / 1.392:.0f}"
    # 1.3 Mt (KazMunayGas) of 78.7 Mt of crude exports (minister via EFE, 27 Feb 2026): 1.65%.
    assert en.btc_share_latest == f"{100 * 1.3 / 78.7:.1f}" == "1.7"
    assert en.util_latest == "59" and en.kaz_share_cap_latest == "2.2"  # of 2.2 Mt; of 1.2 mb/d (bp)
    assert (en.cpc, en.cpc_year, en.cpc_share) == ("64.8", "2025", f"{100 * 64.8 / 78.7:.0f}")
    assert en.cap_mt == f"{units.barrels_per_day_to_mt_per_year(1.2e6):.0f}"
    assert en.elec_ref_year == "2024" and en.elec_last_year == "2025"
    assert "the text uses 2024, the latest year without such a break" in en.elec_caution
    assert en.c12 == "C12 supported" and en.c13 == "C13 partly supported"  # the chips, with their claim
    assert (en.data_through, en.checked_on) == ("11 March 2026", "2 December 2026")
    assert en.plans_next == "Kazakh Energy Minister Y. Akkenzhenov expected 1.5 Mt and KazMunayGas 1.6 Mt"


def test_cumulative_figure_is_a_little_below_the_yearly_figures(en):
    # About 3.4 Mt to 14 Oct 2025 (Shahbazov); 1.392 (2023) + 1.2-1.4 (2024) + 0.9-0.923 (Jan-Aug 2025).
    assert (en.cum_claimed, en.cum_lo, en.cum_hi) == ("3.4", f"{1.392 + 1.2 + 0.9:.2f}", f"{1.392 + 1.4 + 0.923:.2f}")
    assert (en.cum_lo_with_earlier, en.cum_vs_sum) == (f"{0.25 + 1.392 + 1.2 + 0.9:.2f}", "below")
    assert en.cum_when == "October 2025"


def test_bounds_on_kazakh_oil_in_btc(en):
    # Floor: 0.923 Mt by end-August 2025 (minister). Ceiling: 4.1223 Mt of Turkmen and Kazakh transit oil in BTC in
    # 2025 (State Statistics Committee via Report.az). Against 78.7 Mt of exports and 59.8 Mt of capacity.
    assert (en.bound_lo, en.bound_hi) == ("0.923", "4.12")
    assert (en.bound_lo_exports, en.bound_hi_exports) == (f"{100 * 0.923 / 78.7:.1f}", f"{100 * 4.1223 / 78.7:.1f}")
    assert en.bound_hi_cap == f"{100 * 4.1223 / units.barrels_per_day_to_mt_per_year(1.2e6):.1f}"
    assert en.kaz_share_transit == f"{100 * 1.3 / 4.1223:.0f}"
    # BOTAS: 206.434 million barrels through Turkey in 2025, 47% of 1.2 mb/d.
    assert (en.use_year, en.use_pct) == ("2025", f"{100 * 206.434 / (1.2 * 365):.0f}")
    assert en.kaz_share_tonnes == f"{100 * 1.3 / 27.1792:.1f}" and en.no_throughput_years == "none"


def test_no_fact_is_named_after_a_year(en):
    assert not [k for k in en if re.search(r"(19|20)\d\d", k)]


def test_facts_say_where_the_sources_disagree(en):
    assert en.btc_later.startswith(
        "For 2024 The Times of Central Asia reported 1.4 Mt, a figure only one source "
        "gives; the Ministry of Energy of Kazakhstan had counted 1.2 Mt by the end of "
        "October"
    )
    assert "For 2025 KazMunayGas reported 1.3 Mt" in en.btc_later and "expected 1.5 Mt in December 2025" in en.btc_later
    assert en.halt_expected == (
        "1.2 Mt (The Caspian Post, 2 October 2025), 1.7 Mt (Star, 2 October 2025; Pipeline & "
        "Gas Journal, 14 October 2025) and 1.5 Mt (Vestnik Kavkaza, 12 December 2025)"
    )
    assert (en.halt_vague, en.halt_vague_when) == ("1.5 Mt", "28 January 2026")
    assert "The Prime Minister's press service gave 63.8 Mt" in en.cpc_others
    assert "70.5 Mt, a ceiling that both figures respect" in en.cpc_all  # CPC, all shippers, 70.52 Mt
    assert "Set against the Tengiz oil shipped, shipments used 70% in 2023" in en.agreements_text
    # The all-oil total is never divided by the Tengiz-only ceiling.
    assert f"used {100 * 1.392 / 1.5:.0f}% in 2023" not in en.agreements_text
    assert en.export_gaps.startswith(
        "For 2023, 9.9 Mt is not assigned, because we found no 2023 figure that names "
        "its period for the Atyrau–Samara pipeline. For 2025, 12.6 Mt is not assigned"
    )
    assert "together 12.0 Mt, but without naming a period" in en.export_gaps
    assert "2.1 Mt delivered to Germany" in en.export_gaps  # KazTransOil via Interfax-Kazakhstan: a floor
    assert re.fullmatch(r"\d\.\d", en.kaz_share_carried_lo) and en.kaz_share_carried_lo < en.kaz_share_carried_hi
    assert not any("cannot both be right" in str(en[k]) for k in en)


# --------------------------------------------------------------------------- charts


def test_six_figures_with_their_names_and_alt_texts(figs):
    assert [f.name for f in figs.values()] == list(FIGURES)
    for f in figs.values():
        assert len(f.spec["description"]) > 100


def test_every_chart_fills_its_column(figs):
    from kzaz.figures import width_views

    for f in figs.values():
        views = width_views(f.spec)
        assert views and all(v["width"] == "container" for v in views), f.name


def test_production_and_electricity_data_are_the_first_editions(inp, figs):
    assert len(figs["production"].data) == len(energy.production.series(inp)) == 175
    assert not (
        (figs["production"].data["country"] == "Azerbaijan") & (figs["production"].data["label"] == "Coal production")
    ).any()
    assert len(figs["mix"].data) == 260 and len(energy.electricity.renewable_shares(inp)) == 104
    # The renewables chart adds four ringed points (Azerbaijan 2024 and 2025, both measures) and two diamonds.
    assert len(figs["renewables"].data) == 104 + 4 + 2


def test_no_countrys_colour_means_anything_else():
    # Routes through Russia take Russia's colour, as the theme's route through Russia does.
    countries = {c for name, c in theme.COUNTRY.items() if name != "Russia"}
    for colour_map in (colours.FLOW_COLOUR, colours.SERIES_COLOUR, colours.MIX_COLOUR):
        assert not countries & set(colour_map.values())
    assert colours.FLOW_COLOUR["aktau_btc"] == theme.ROUTE["Middle Corridor"]
    assert colours.FLOW_COLOUR["cpc"] == theme.ROUTE["Northern route (through Russia)"]


def test_uncertain_figures_look_uncertain(figs):
    btc = figs["btc"].data
    bars = btc[btc["what"].isin(energy.btc_chart.BAR.values())].set_index("year")["what"]
    # 2024 (The Times of Central Asia) and 2025 (KazMunayGas) rest on one source each: pale, outlined, in the legend.
    assert bars[bars == energy.btc_chart.BAR[False]].index.tolist() == [2024, 2025]
    # Open circles: the minister's expectations of November 2024 and December 2025.
    assert sorted(btc.loc[btc["what"] == energy.btc_chart.OTHER["estimate"], "year"]) == [2024, 2025]
    # Open diamonds: the plans for 2026 (minister 1.5 Mt, KazMunayGas 1.6 Mt); no 2026 outturn yet.
    plans = btc[btc["what"] == energy.btc_chart.OTHER["plan"]]
    assert sorted(plans["value_mt"]) == [1.5, 1.6] and set(plans["year"]) == {2026}
    # The exports chart only stacks figures whose source names their period; 2025 leaves 12.6 Mt unassigned.
    exports = figs["exports"].data.set_index(["year", "flow"])["mt"]
    assert exports[("2025", oil.FLOW["rest"])] == pytest.approx(78.7 - 64.8 - 1.3)


def test_exports_chart_adds_up_to_each_years_total(inp, figs):
    parts = figs["exports"].data.groupby("year")["mt"].sum()
    assert parts.to_dict() == pytest.approx({str(y): inp.export_totals[y] for y in (2022, 2023, 2025)})


def test_btc_alt_text_names_the_colours_the_chart_uses(figs):
    alt_text = figs["btc"].spec["description"]
    assert theme.colour_name(colours.VIA_AZERBAIJAN) in alt_text and "pale and outlined" in alt_text


# --------------------------------------------------------------------------- the map


def test_every_node_lies_in_its_country():
    nodes = data.load("oil_route_nodes")
    land = basemap.countries(bbox=(10, 30, 95, 58)).set_index("iso3").geometry
    for r in nodes.itertuples():
        point = shapely.Point(r.lon, r.lat)
        assert land[r.country_iso3].distance(point) < 0.1, f"{r.node_id} is not in {r.country_iso3}"


def test_tankers_cross_the_caspian_and_every_pipeline_stays_on_land(inp):
    sea = basemap.caspian().geometry.union_all()
    lines = maps.route_lines(inp).set_index("route_id")
    for rid, r in lines.iterrows():
        crosses = r["geometry"].intersects(sea)
        assert crosses == (r["mode"] == maps.MODE["tanker"]), rid
    # The straight CPC links would cut the northern Caspian: the drawn line goes round it, via Atyrau.
    straight = basemap.line_through(inp.nodes, inp.routes.set_index("route_id").loc["cpc", "nodes"].split(";"))
    assert straight.intersects(sea) and lines.loc["cpc", "bent"]
    atyrau = inp.nodes_by_id.loc["atyrau"]
    assert lines.loc["cpc", "geometry"].distance(shapely.Point(atyrau["lon"], atyrau["lat"])) < 1e-9
    assert lines["bent"].sum() == 1


def test_schematic_btc_is_shorter_than_the_real_pipeline(inp):
    real = pipeline.pipeline_rows(inp, "length", "km")["value"].iloc[0]
    schematic = maps.route_lines(inp).set_index("route_id").loc["btc", "km"]
    assert 0.7 * real < schematic < real


def test_map_is_marked_schematic_and_labels_countries_and_seas(figs):
    spec = figs["routes_map"].spec
    assert "Schematic" in figs["routes_map"].meta["subtitle"]
    texts = {row.get("label") for rows in spec["datasets"].values() for row in rows if isinstance(row, dict)}
    assert {"KAZAKHSTAN", "AZERBAIJAN", "RUSSIA", "Caspian Sea", "Black Sea"} <= texts


# --------------------------------------------------------------------------- verdicts and tables


def test_verdicts_are_unchanged_and_short(inp):
    found = {a.claim_id: a for a in energy.verdicts(inp)}
    assert found["C12"].verdict == "supported" and found["C13"].verdict == "partly supported"
    for a in found.values():
        assert claims.sentences(a.reason) <= 2
    assert "The shipments of 2022 came before the first SOCAR–KazMunayGas agreement" in found["C12"].detail
    assert "No source gives the link's capacity or cost" in found["C13"].reason
    assert "13.6% in Azerbaijan (2024; Azerbaijan from national statistics" in found["C13"].detail
    assert "even if all of it had been Kazakh, it would be 5.2% of the exports" in found["C12"].detail
    assert "names its period; only that source gives it" in found["C12"].detail


def test_long_tables_fold(inp):
    btc = energy.tables.btc_figures(inp)
    assert len(btc) == 31 and btc.fold and btc.markdown().startswith(":::{dropdown}")
    assert energy.tables.green_steps(inp).fold and energy.tables.projects(inp).fold


def test_key_numbers_for_the_summary(inp):
    rows = energy.key_numbers(inp)
    assert [r["value"] for r in rows] == [
        "1.3 Mt",
        "1.7% of 78.7 Mt",
        "59% of 2.2 Mt a year",
        "2.2% of about 60 Mt a year",
    ]
    assert all(r["period"] == "2025" and r["source"].startswith("[") and "](http" in r["source"] for r in rows)
    assert "news.day.az/economy/1809740" in rows[0]["source"]


def test_map_widths_fall_back_to_a_part_year_figure_where_no_full_year_is_found(inp, en):
    lines = maps.route_lines(inp).set_index("route_id")
    assert not lines.loc["atyrau-samara", "full"] and lines.loc["atyrau-samara", "mt"] == 7.2  # Jan-Oct 2024
    assert lines.loc["kazakhstan-china", ["year", "mt"]].tolist() == [2024, 1.2]  # KMG annual report 2024
    assert "January–October 2024" in en.map_part_year


# --------------------------------------------------------------------------- a next year's row


def test_a_next_years_btc_figure_flows_into_chart_prose_and_verdict(tmp_path, monkeypatch):
    import shutil

    from kzaz import paths

    shutil.copytree(paths.DATA_DIR, tmp_path / "data")
    monkeypatch.setattr(paths, "DATAPACKAGE", tmp_path / "data" / "datapackage.json")
    with (tmp_path / "data" / "oil_kaz_via_btc.csv").open("a") as f:
        f.write(
            "btc-2026,2026-01,2026-12,outturn,total,1.8,true,The only full-year figure found for the year.,true,"
            "Kazakh oil to BTC in 2026,Test,Test,https://example.org/x,2027-01-20,KazTransOil,,2027-01-21,"
            "confirmed\n"
        )
    inp = energy.inputs()
    en = energy.facts(inp)
    assert en.btc_last_year == "2026" and en.btc_latest == "1.8"
    assert en.btc_later.endswith("For 2026 KazTransOil reported 1.8 Mt.")
    assert 2026 in energy.charts.btc(inp).data["year"].tolist()
    assert "every year from 2022 to 2026" in energy.verdicts(inp)[0].reason


# --------------------------------------------------------------------------- the built page


@pytest.fixture(scope="module")
def energy_html(html_dir):
    path = html_dir / "chapters" / "energy.html"
    if not path.exists():
        pytest.fail("the energy chapter is not built: run scripts/build.py")
    return path.read_text()


@pytest.mark.book
def test_page_has_six_numbered_charts_and_is_light(energy_html, html_dir):
    assert energy_html.count('class="kzaz-chart"') == 6
    for fig in FIGURES:
        assert f'id="{fig}"' in energy_html
    assert len(re.findall(r"Fig\. \d+\.6", page_text(energy_html, tight=True))) >= 1
    assert (html_dir / "chapters" / "energy.html").stat().st_size < 2_000_000


@pytest.mark.book
def test_page_opens_with_the_findings_and_quotes_the_data(energy_html):
    text = page_text(energy_html, tight=True)
    assert text.index("What the evidence says") < text.index("Both countries produce far more energy than they use")
    assert "{eval}" not in text
    exports = data.load("oil_kaz_exports").set_index("figure_id")
    # KazMunayGas's 1.3 Mt for 2025 (Day.Az 1809740), not the minister's 1.5 Mt expectation.
    share = shares.percent_of(1.3, exports.loc["kz-exports-2025", "value_mt"], whole_name="crude exports")
    assert f"It carried {share:.1f}% of Kazakhstan's crude exports in 2025" in text
    assert f"It carried {share:.1f}% of the 78.7 Mt exported in 2025" in text
    assert f"that is about {units.barrels_per_day_to_mt_per_year(1.2e6):.0f} Mt a year" in text
    assert "0.25 million tonnes (Mt) for 2022" in text and "1.392 Mt for 2023" in text
    assert "The data run to 11 March 2026" in text and "checked at its source on 2 December 2026" in text
    assert "cannot both be right" not in text


@pytest.mark.book
def test_claims_have_their_verdicts(energy_html):
    text = page_text(energy_html, tight=True)
    assert re.search(r"C12 supported .*?Kazakh oil has been shipped", text)
    assert re.search(r"C13 partly supported .*?The three countries", text)


@pytest.mark.book
def test_chart_titles_take_their_years_from_the_data(energy_html):
    owid = data.load("owid_energy_kaz_aze")
    first, last = int(owid["year"].min()), int(owid["year"].max())
    html = energy_html.replace("&#x27;", "'").replace("\u2019", "'")
    assert f"Electricity generation by source, {first}–{last}" in html
    assert f"Renewables' share of electricity, {first}–{last}" in html


@pytest.mark.book
def test_share_of_lifted_oil_is_a_range(energy_html):
    text = page_text(energy_html, tight=True)
    assert re.search(r"about \d\.\d ?– ?\d\.\d% of the barrels", text)


def test_years_of_the_series_are_integers(inp):
    assert pd.api.types.is_integer_dtype(inp.btc["year"])
