"""Agriculture and trade chapter: its data, its helpers (shares, periods, the crops parser) and its built page."""

import re
from pathlib import Path

import pandas as pd
import pytest
from conftest import load_script, page_text

from kzaz import data, periods, shares

ROOT = Path(__file__).resolve().parent.parent
PAGE = "chapters/agriculture_trade.html"




# ------------------------------------------------------------------ data


def fao_value(reporter, flow, partner, item, year):
    t = data.load("fao_trade_kz_az")
    row = t[(t["reporter_code"] == reporter) & (t["flow"] == flow) & (t["partner_code"] == partner)
            & (t["item"] == item) & (t["year"] == year)]
    assert len(row) == 1
    return int(row["value_kusd"].iloc[0])


def test_fao_trade_extract_keeps_the_rows_upstream_verified():
    # Values checked by hand in upstream/faostat_trade_matrix/PROVENANCE.md (1000 US$).
    assert fao_value("AZE", "import", "KAZ", "Wheat", 2010) == 249_827
    assert fao_value("AZE", "import", "KAZ", "Wheat", 2024) == 27_379
    assert fao_value("AZE", "import", "RUS", "Wheat", 2024) == 251_450
    assert fao_value("KAZ", "export", "AZE", "Wheat", 2013) == 248_186
    t = data.load("fao_trade_kz_az")
    assert ((t["reporter_code"] == "AZE") & (t["partner_code"] == "KAZ")).sum() == 156
    assert ((t["reporter_code"] == "KAZ") & (t["partner_code"] == "AZE")).sum() == 118
    # Kazakhstan fell below the listing threshold in 2020-2021: no row, not a zero.
    aze_wheat = t[(t["reporter_code"] == "AZE") & (t["item"] == "Wheat") & (t["flow"] == "import")]
    assert set(aze_wheat.loc[aze_wheat["year"].isin([2020, 2021]), "partner_code"]) == {"RUS"}


def test_crop_extract_matches_the_provenance_check_rows():
    p = data.load("fao_cereal_production").set_index(["country_code", "year"])["production_t"]
    assert p[("KAZ", 2022)] == 21_722_294
    assert p[("KAZ", 2024)] == 24_565_948
    assert p[("AZE", 2023)] == 3_153_906
    assert p[("WLD", 2024)] > 100 * p[("KAZ", 2024)]


def test_food_balance_is_cereals_for_both_countries_and_the_world():
    b = data.load("fao_cereal_balance")
    assert set(b["country_code"]) == {"AZE", "KAZ", "WLD"}
    aze23 = b[(b["country_code"] == "AZE") & (b["year"] == 2023)].iloc[0]
    assert aze23["import_t"] == 1_666_000 and aze23["production_t"] == 3_153_000
    # Kazakhstan is a net exporter and Azerbaijan a net importer in every year.
    kz, az = b[b["country_code"] == "KAZ"], b[b["country_code"] == "AZE"]
    assert (kz["export_t"] > kz["import_t"]).all() and (az["import_t"] > az["export_t"]).all()


def test_bilateral_flows_add_up_to_the_turnover_of_the_same_period_and_side():
    t = data.load("bilateral_trade")
    key = ["period_start", "period_end", "reported_by"]
    checked = 0
    for _, grp in t.groupby(key):
        flows = grp.set_index("flow")["value_musd"]
        exact = grp.set_index("flow")["value_qualifier"] == "exact"
        if {"turnover", "kaz_to_aze", "aze_to_kaz"} <= set(flows.index) and exact.all():
            assert abs(flows["kaz_to_aze"] + flows["aze_to_kaz"] - flows["turnover"]) < 0.5
            checked += 1
    assert checked >= 1  # 2024 H1 (Kazakh BNS): 256.1 + 24.5 = 280.6
    by_id = t.set_index("figure_id")["value_musd"]
    assert by_id["kz-2023-turnover"] == 529.4 and by_id["az-2024-turnover"] == 470


def test_grain_table_holds_sourced_figures_only_and_not_the_claimed_85():
    g = data.load("grain_imports_azerbaijan")
    assert g["source_url"].str.match(r"https?://").all()
    kz_2025 = g[(g["supplier"] == "Kazakhstan") & (g["metric"] == "supplier_share") & g["period_start"].str.startswith("2025")]
    assert 85 not in set(kz_2025["value"])  # no source was found for it
    assert set(kz_2025["reported_by"]) == {"Kazakhstan"}  # no Azerbaijani 2025 share was found
    assert g.set_index("figure_id").loc["az-2024-russia-share", "value"] == 90.2
    # The source does not say whether Russia's 2024 share is of value or tonnes; the row says so.
    assert "value or of tonnes" in g.set_index("figure_id").loc["az-2024-russia-share", "note"]
    # Two Kazakh new-crop figures for autumn 2025 disagree on the year-earlier base; both are kept.
    ktz, moa = g.set_index("figure_id").loc[["kz-2025m09-10-newcrop", "kz-2025m09-newcrop-moa"]].itertuples()
    assert (ktz.value, ktz.growth_multiple, moa.value, moa.growth_multiple) == (56000, 3.1, 65000, 1.3)
    assert ktz.value / ktz.growth_multiple < 0.5 * moa.value / moa.growth_multiple


def test_investment_keeps_both_march_2024_figures_and_the_2022_ones():
    inv = data.load("investment_figures").set_index("figure_id")["value"]
    assert inv["stock-2024-03-aze"] == 215 and inv["stock-2024-03-aze-commission"] == 211.4
    assert inv["stock-2022-10-kaz"] == 100 and inv["stock-2022-10-aze"] == 204


def test_a_turnover_figure_without_a_stated_period_is_flagged():
    t = data.load("bilateral_trade").set_index("figure_id")
    assert not t.loc["az-2023-04-turnover-unstated", "period_stated"]
    assert t.loc["az-2023-04-turnover-unstated", "value_musd"] == 680
    assert t.drop("az-2023-04-turnover-unstated")["period_stated"].all()


# ------------------------------------------------------------------ helpers


def test_listed_partner_shares_divide_by_the_listed_sum_and_are_upper_bounds():
    true_total = pd.DataFrame({"year": [2024] * 3, "p": ["RUS", "KAZ", "TUR"], "v": [250.0, 27.0, 10.0]})
    listed = true_total[true_total["v"] >= 0.05 * true_total["v"].sum()]  # TUR (3.5%) is cut
    out = shares.listed_partner_shares(listed, value="v", partner="p", by=["year"])
    assert out["share_pct"].sum() == pytest.approx(100.0)
    assert out.set_index("p").loc["KAZ", "share_pct"] == pytest.approx(100 * 27 / 277)
    true_share = 100 * 27 / true_total["v"].sum()
    assert out.set_index("p").loc["KAZ", "share_pct"] > true_share
    assert "sum of the partners listed" in out["denominator"].iloc[0]
    assert f"{shares.FAO_LISTING_THRESHOLD_PCT:g}%" in shares.LISTED_PARTNERS


def test_listed_partner_shares_refuse_bad_input():
    df = pd.DataFrame({"y": [1, 1], "p": ["A", "A"], "v": [1.0, 2.0]})
    with pytest.raises(ValueError, match="twice"):
        shares.listed_partner_shares(df, value="v", partner="p", by=["y"])
    with pytest.raises(ValueError, match="non-negative"):
        shares.listed_partner_shares(df.assign(p=["A", "B"], v=[1.0, -1.0]), value="v", partner="p", by=["y"])
    with pytest.raises(KeyError):
        shares.listed_partner_shares(df, value="value", partner="p", by=["y"])


def test_residual_percent_ratio_and_implied_base():
    assert shares.residual_share(90.2) == pytest.approx(9.8)
    assert shares.residual_share(81, 19) == pytest.approx(0)
    with pytest.raises(ValueError):
        shares.residual_share(90, 20)
    assert shares.percent_of(529.4e6, 261.421e9) == pytest.approx(0.2025, abs=1e-4)
    for bad in (0, float("nan"), None):
        with pytest.raises(ValueError):
            shares.percent_of(1, bad)
    assert shares.self_sufficiency_ratio(3_153_000, 1_666_000, 20_000) == pytest.approx(65.70, abs=0.01)
    with pytest.raises(ValueError):
        shares.self_sufficiency_ratio(0, 0, 10)
    base = shares.implied_base(501, 4.2, rounding=0.05)
    assert base.low == pytest.approx(501 / 4.25) and base.high == pytest.approx(501 / 4.15)
    assert base.low < base.mid < base.high
    with pytest.raises(ValueError):
        shares.implied_base(10, 0.0)


def _shares(*rows):
    return pd.DataFrame(rows, columns=["supplier", "value", "reported_by", "basis", "commodity"])


def test_supplier_share_claim_is_judged_on_importer_side_figures_only():
    judge = lambda df: shares.judge_supplier_share(85, "Kazakhstan", "Azerbaijan", "grain", df).verdict  # noqa: E731
    amb = ("Kazakhstan", 80, "Kazakhstan", "ambassador's statement", "wheat")
    # An interested official's statement alone decides nothing.
    assert judge(_shares(amb)) == "not verifiable"
    assert judge(_shares(("Kazakhstan", 85, "Kazakhstan", "ambassador's statement", "grain"))) == "not verifiable"
    # Any Azerbaijani basis counts (not only the two statistics committees); a low figure refutes the claim.
    assert judge(_shares(amb, ("Kazakhstan", 30, "Azerbaijan", "Ministry of Agriculture", "grain"))) == "not supported"
    assert judge(_shares(amb, ("Russia", 70, "Azerbaijan", "official statistics, as cited", "wheat"))) == "not supported"
    # Close on the claim's base: supported; close only on another base: main supplier, partly supported.
    assert judge(_shares(("Kazakhstan", 82, "Azerbaijan", "State Customs Committee", "grain"))) == "supported"
    assert judge(_shares(("Kazakhstan", 84, "Azerbaijan", "State Customs Committee", "wheat"))) == "partly supported"
    assert judge(_shares(("Kazakhstan", 60, "Azerbaijan", "State Customs Committee", "grain"))) == "partly supported"
    assert judge(_shares(("Kazakhstan", 60, "Kazakhstan", "Bureau of National Statistics", "grain"))) == "partly supported"
    with pytest.raises(KeyError):
        shares.judge_supplier_share(85, "Kazakhstan", "Azerbaijan", "grain", pd.DataFrame({"value": [1]}))


def test_periods():
    assert periods.end_of("2024-06") == pd.Timestamp("2024-07-01")
    assert periods.end_of("2023") == pd.Timestamp("2024-01-01")
    assert periods.months_covered("2024-09", "2025-04") == 8
    assert periods.months_covered("2023", "2023") == 12
    assert periods.midpoint("2024-01", "2024-06") == pd.Timestamp("2024-04-01")
    assert periods.label("2024-01", "2024-06") == "Jan-Jun 2024"
    assert periods.label("2024-09", "2025-04") == "Sep 2024-Apr 2025"
    assert periods.label("2022-01", "2022-01") == "Jan 2022"
    assert periods.label("2024-01", "2024-12") == "2024"  # a whole calendar year reads as the year
    with pytest.raises(ValueError):
        periods.midpoint("2025", "2024")


def test_every_bilateral_row_states_the_months_it_covers():
    t = data.load("bilateral_trade")
    assert [periods.months_covered(a, b) for a, b in zip(t["period_start"], t["period_end"])] == t["months"].tolist()


def load_extract(name):
    return load_script(f"scripts/extracts/{name}.py")


def test_crops_parser_handles_the_unquoted_comma_and_rejects_a_shifted_line():
    crops = load_extract("fao_cereal_production")
    assert crops.parse_line("Afghanistan,1961,Cereals, primary,Production,t,3695000", 2) == (
        "Afghanistan", 1961, "Cereals, primary", "Production", "t", 3695000.0)
    assert crops.parse_line("World,2022,Pulses,Yield,kg/ha,1000.5", 3)[2] == "Pulses"
    with pytest.raises(ValueError, match="line 9"):
        crops.parse_line("Korea, Republic of,1961,Pulses,Production,t,5", 9)


# ------------------------------------------------------------------ the built page


@pytest.fixture(scope="module")
def page(html_dir):
    path = html_dir / PAGE
    assert path.exists(), "the chapter was not built"
    return path.read_text()


def test_page_has_seven_captioned_charts_and_stays_small(page, html_dir):
    assert page.count('class="kzaz-chart"') == 7
    for fig in ("production", "balance", "suppliers", "mirror", "kaz-share", "turnover", "ytd"):
        assert f'id="fig-agt-{fig}"' in page
    assert page.count("Source: FAO") >= 4
    assert (html_dir / PAGE).stat().st_size < 2_000_000


def test_glued_numbers_match_the_data(page):
    text = page_text(page, tight=True)
    prod = data.load("fao_cereal_production").pivot(index="year", columns="country_code", values="production_t")
    last = int(prod.index.max())
    assert f"In {last} Kazakhstan harvested {prod.loc[last, 'KAZ'] / 1e6:.1f} million tonnes" in text
    t = data.load("fao_trade_kz_az")
    w = t[(t["reporter_code"] == "AZE") & (t["item"] == "Wheat") & (t["flow"] == "import") & (t["year"] == 2024)]
    kaz = 100 * w.loc[w["partner_code"] == "KAZ", "value_kusd"].sum() / w["value_kusd"].sum()
    assert f"in 2024 it had {kaz:.1f}% of the listed value" in text
    tr = data.load("bilateral_trade").set_index("figure_id")["value_musd"]
    assert (f"put turnover at {tr['kz-2022-turnover']:.1f} million US$ in 2022 and {tr['kz-2023-turnover']:.1f} "
            "million in 2023") in text
    econ = data.load("wb_gdp_population").pivot(index="year", columns="country_code", values="gdp_current_usd")
    assert f"was {100 * tr['kz-2023-turnover'] * 1e6 / econ.loc[2023, 'KAZ']:.2f}% of Kazakhstan" in text
    g = data.load("grain_imports_azerbaijan").set_index("figure_id")
    rest_kt = (100 - g.loc["az-2024-russia-share", "value"]) / 100 * (g.loc["az-2024-imports", "value"] + 50_000) / 1000
    assert f"at most about {rest_kt:.0f} thousand tonnes" in text


def test_claims_c14_to_c18_have_verdicts_and_c14_a_confidence(page):
    text = page_text(page, tight=True)
    for cid in ("C14", "C15", "C16", "C17", "C18"):
        assert re.search(rf"{cid} .*? (supported|partly supported|not supported|not verifiable) ", text), cid
    m = re.search(r"The book rates the claim (partly supported|not supported|not verifiable|supported) with (\w+) "
                  r"confidence", text)
    g = data.load("grain_imports_azerbaijan")
    s25 = g[(g["metric"] == "supplier_share") & g["period_start"].str.startswith("2025")]
    expected = shares.judge_supplier_share(85, "Kazakhstan", "Azerbaijan", "grain", s25).verdict
    assert m and m.group(1) == expected and m.group(2) == "low"
    assert expected == "not verifiable"  # today's data: only the ambassador's statement for 2025
    assert f"C14 In 2025 Kazakhstan became" in text and f"{expected} No source gives 85%" in text
    statements = f"{len(s25)} Kazakh official statement" + ("" if len(s25) == 1 else "s")
    assert f"we found no Azerbaijani shares and {statements}. " in text  # counted in words, no "(s)"


def test_text_qualifies_fao_and_the_two_counts(page):
    text = page_text(page, tight=True)
    assert "agrees independently" not in text and "built from the same Azerbaijani declarations" in text
    assert "runs the same way whenever" not in text and "typically accounts for a few per cent" not in text
    tr = data.load("bilateral_trade").set_index("figure_id")["value_musd"]
    assert f"already {100 * tr['az-2022m01-08-turnover'] / tr['kz-2022-turnover']:.0f}% of Kazakhstan" in text
    t = data.load("fao_trade_kz_az")
    w = t[(t["reporter_code"] == "AZE") & (t["item"] == "Wheat") & (t["flow"] == "import") & (t["year"] == 2024)]
    rus = 100 * w.loc[w["partner_code"] == "RUS", "value_kusd"].sum() / w["value_kusd"].sum()
    assert f"against Russia" in text and f"{rus:.1f}%. Azerbaijan" in text


def test_stated_rounding_is_half_the_last_stated_digit():
    assert shares.stated_rounding("+50%") == pytest.approx(0.005)
    assert shares.stated_rounding("4.2 times") == pytest.approx(0.05)
    assert shares.stated_rounding("+12.5%") == pytest.approx(0.0005)
    with pytest.raises(ValueError, match="cannot read a growth figure"):
        shares.stated_rounding("more than fourfold")
