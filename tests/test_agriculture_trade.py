"""Agriculture and trade chapter: its data, its helpers (shares, periods, the crops parser), the chapter's
computation (kzaz.chapters.agriculture_trade: facts, charts, verdicts, checks, a next year's rows) and its page."""

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from conftest import load_script, page_text

from kzaz import data, paths, periods, shares, theme
from kzaz.chapters import agriculture_trade as chapter
from kzaz.chapters.agriculture_trade import bounds, business, claim, trade
from kzaz.chapters.agriculture_trade.inputs import (
    check_flags,
    check_grain,
    check_investment,
    check_milestones,
    check_trade,
)

ROOT = Path(__file__).resolve().parent.parent
PAGE = "chapters/agriculture_trade.html"
CHARTS = ("production", "balance", "suppliers", "mirror", "kaz_share", "turnover", "ytd", "bounds")


@pytest.fixture(scope="module")
def inp():
    return chapter.inputs()


@pytest.fixture(scope="module")
def ag(inp):
    return chapter.facts(inp)


@pytest.fixture(scope="module")
def figs(inp):
    return {name: getattr(chapter.charts, name)(inp) for name in CHARTS}


# ------------------------------------------------------------------ data


def fao_value(reporter, flow, partner, item, year):
    t = data.load("fao_trade_kz_az")
    row = t[
        (t["reporter_code"] == reporter)
        & (t["flow"] == flow)
        & (t["partner_code"] == partner)
        & (t["item"] == item)
        & (t["year"] == year)
    ]
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
    # Kazakhstan's count for 2024: the foreign ministry, 13 March 2025 (Kazakhstan Today, kt.kz).
    assert by_id["kz-2024-turnover"] == 533.4
    kz24 = t.set_index("figure_id").loc["kz-2024-turnover"]
    assert (kz24["source_date"], kz24["reported_by"], kz24["book_uses"]) == ("2025-03-13", "Kazakhstan", True)
    # Trend's 2022-2023 Kazakh figures are its own note "according to Kazakh statistics" (Trend 3870385).
    assert t.set_index("figure_id").loc["kz-2022-turnover", "basis"] == "Kazakh statistics, as cited by Trend"


def test_grain_table_holds_the_ambassadors_85_as_a_statement_not_an_outturn():
    g = data.load("grain_imports_azerbaijan")
    assert g["source_url"].str.match(r"https?://").all()
    kz_2025 = g[
        (g["supplier"] == "Kazakhstan") & (g["metric"] == "supplier_share") & g["period_start"].str.startswith("2025")
    ]
    assert set(kz_2025["reported_by"]) == {"Kazakhstan"}  # no Azerbaijani 2025 share was found
    # The 85% has a source: the Kazakh ambassador, 13 August 2025 (Day.az, from the Kazakh embassy); he gave
    # "about 80%" of the wheat market on 5 November 2025 (Report.az). Both are year-to-date statements.
    by_value = kz_2025.set_index("value")
    assert by_value.loc[85, "source_date"] == "2025-08-13" and "day.az" in by_value.loc[85, "source_url"]
    assert by_value.loc[80, "source_date"] == "2025-11-05"
    assert set(kz_2025["kind"]) == {"to date"} and kz_2025["basis"].str.contains("statement").all()
    rows = g.set_index("figure_id")
    # Russia's 90.2% of 2024 is a share of value: FAO's matrix reproduces it (251.450 / 278.829 million US$).
    assert rows.loc["az-2024-russia-share", "value"] == 90.2
    assert rows.loc["az-2024-russia-share", "commodity"] == "wheat (share of value)"
    assert "value or of tonnes" not in rows.loc["az-2024-russia-share", "note"]
    assert 100 * 251_450 / 278_829 == pytest.approx(90.2, abs=0.05)
    # Saratov's 198 kt are grain products, mostly food wheat (Report.az, 1 November 2025), not wheat alone.
    assert rows.loc["ru-2025m01-10-saratov", "commodity"].startswith("grain products, mostly food wheat")
    # The two Kazakh new-crop figures cover different windows, so both are kept and neither contradicts the other.
    ktz, moa = rows.loc[["kz-2025m09-10-newcrop", "kz-2025m09-newcrop-moa"]].itertuples()
    assert (ktz.value, ktz.growth_multiple, moa.value, moa.growth_multiple) == (56000, 3.1, 65000, 1.3)
    assert (ktz.period_end, moa.period_end) == ("2025-10", "2025-11")
    assert "Disagrees" not in moa.note and "do not contradict" in moa.note
    # Azerbaijan's wheat imports from all origins, January-November 2025: 1,131 kt, +1.3% (Rasthaber, customs).
    assert (rows.loc["az-2025m01-11-imports", "value"], rows.loc["az-2025m01-11-imports", "growth_multiple"]) == (
        1_131_000,
        1.013,
    )
    # January 2025's value as revised in the report on January 2026 (Haqqin.az): the book uses the revision.
    assert not rows.loc["az-2025m01-imports", "book_uses"] and rows.loc["az-2025m01-imports-revised", "book_uses"]
    assert rows.loc["az-2025m01-imports-revised", "value_musd"] == 18.695


def test_every_compiled_row_records_its_check_and_the_changes_are_logged():
    for name in (
        "grain_imports_azerbaijan",
        "bilateral_trade",
        "trade_goods",
        "trade_milestones",
        "investment_figures",
        "fao_national_checks",
    ):
        t = data.load(name)
        assert (t["checked_on"] == pd.Timestamp("2026-12-02")).all(), name
    changes = data.load("changes_agriculture_trade")
    assert changes["change_id"].is_unique and set(changes["kind"]) >= {
        "added",
        "corrected",
        "re-attributed",
        "re-dated",
        "caveat removed",
        "flagged",
    }
    logged = set(zip(changes["resource"], changes["key"]))
    assert ("grain_imports_azerbaijan", "kz-2025-share-ambassador-aug") in logged
    assert ("fao_national_checks", "kaz-2023-cereal-imports") in logged


def test_kazakhstans_2023_cereal_imports_in_fao_are_flagged_against_the_national_record():
    # FAO's 4.728 Mt against the 1.297 Mt of wheat Kazakh statistics called a record (2021/22; Grain-protrade).
    f = data.load("fao_national_checks").set_index("check_id").loc["kaz-2023-cereal-imports"]
    b = data.load("fao_cereal_balance").set_index(["country_code", "year"])
    assert f["upstream_value"] == b.loc[("KAZ", 2023), "import_t"] == 4_728_000
    assert (f["national_value"], f["finding"], f["book_uses"]) == (1_297_000, "implausible", "FAO, flagged")


def test_investment_keeps_both_march_2024_figures_and_the_2022_ones():
    inv = data.load("investment_figures").set_index("figure_id")
    assert inv.loc["stock-2024-03-aze", "value"] == 215 and inv.loc["stock-2024-03-aze-commission", "value"] == 211.4
    assert inv.loc["stock-2022-10-kaz", "value"] == 100 and inv.loc["stock-2022-10-aze", "value"] == 204
    # Non-oil sums for 1995-2021 (AzerNews, June 2022) are a measure of their own, not comparable with 2005-2022's.
    assert inv.loc["nonoil-1995-2021-aze", "measure"] == "investment_cumulative_nonoil"


def test_turnover_figures_without_a_stated_period_are_flagged_and_never_used():
    t = data.load("bilateral_trade").set_index("figure_id")
    unstated = t[~t["period_stated"]]
    assert set(unstated.index) == {"az-2023-04-turnover-unstated", "ns-2023-turnover-commission"}
    assert t.loc["az-2023-04-turnover-unstated", "value_musd"] == 680
    # 314 million at the 20th commission (Astana Times, 6 March 2024): no period, no statistics named.
    assert t.loc["ns-2023-turnover-commission", "value_musd"] == 314
    assert not unstated["book_uses"].any()


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
    russia = ("Russia", 70, "Azerbaijan", "official statistics, as cited", "wheat")
    assert judge(_shares(amb, russia)) == "not supported"
    # Close on the claim's base: supported; close only on another base: main supplier, partly supported.
    assert judge(_shares(("Kazakhstan", 82, "Azerbaijan", "State Customs Committee", "grain"))) == "supported"
    assert judge(_shares(("Kazakhstan", 84, "Azerbaijan", "State Customs Committee", "wheat"))) == "partly supported"
    assert judge(_shares(("Kazakhstan", 60, "Azerbaijan", "State Customs Committee", "grain"))) == "partly supported"
    bns = ("Kazakhstan", 60, "Kazakhstan", "Bureau of National Statistics", "grain")
    assert judge(_shares(bns)) == "partly supported"
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
        "Afghanistan",
        1961,
        "Cereals, primary",
        "Production",
        "t",
        3695000.0,
    )
    assert crops.parse_line("World,2022,Pulses,Yield,kg/ha,1000.5", 3)[2] == "Pulses"
    with pytest.raises(ValueError, match="line 9"):
        crops.parse_line("Korea, Republic of,1961,Pulses,Production,t,5", 9)


def test_stated_rounding_is_half_the_last_stated_digit():
    assert shares.stated_rounding("+50%") == pytest.approx(0.005)
    assert shares.stated_rounding("4.2 times") == pytest.approx(0.05)
    assert shares.stated_rounding("+12.5%") == pytest.approx(0.0005)
    with pytest.raises(ValueError, match="cannot read a growth figure"):
        shares.stated_rounding("more than fourfold")


# ------------------------------------------------------------------ the chapter's facts


def test_facts_quote_the_data(ag):
    prod = data.load("fao_cereal_production").pivot(index="year", columns="country_code", values="production_t")
    last = int(prod.index.max())
    assert ag.prod_last_year.value == last and ag.prod_kaz_last == f"{prod.loc[last, 'KAZ'] / 1e6:.1f}"
    t = data.load("fao_trade_kz_az")
    w = t[(t["reporter_code"] == "AZE") & (t["item"] == "Wheat") & (t["flow"] == "import") & (t["year"] == 2024)]
    kaz = 100 * w.loc[w["partner_code"] == "KAZ", "value_kusd"].sum() / w["value_kusd"].sum()
    rus = 100 * w.loc[w["partner_code"] == "RUS", "value_kusd"].sum() / w["value_kusd"].sum()
    assert (ag.tm_last.value, ag.tm_kaz_last, ag.tm_rus_last) == (2024, f"{kaz:.1f}", f"{rus:.1f}")
    tr = data.load("bilateral_trade").set_index("figure_id")["value_musd"]
    # Kazakhstan's latest whole year is now 2024 (533.4, Kazakh foreign ministry, 13 March 2025).
    assert (ag.kz_prev, ag.kz_latest) == (f"{tr['kz-2023-turnover']:.1f}", f"{tr['kz-2024-turnover']:.1f}")
    assert (ag.kz_prev_year.value, ag.kz_latest_year.value) == (2023, 2024) and ag.kz_growth == "0.8"
    econ = data.load("wb_gdp_population").pivot(index="year", columns="country_code", values="gdp_current_usd")
    assert ag.pct_kaz == f"{100 * tr['kz-2023-turnover'] * 1e6 / econ.loc[2023, 'KAZ']:.2f}"
    g = data.load("grain_imports_azerbaijan").set_index("figure_id")
    rest_kt = (100 - g.loc["az-2024-russia-share", "value"]) / 100 * (g.loc["az-2024-imports", "value"] + 50_000) / 1000
    assert ag.rest_kt_high == f"{rest_kt:.0f}" and ag.importer_year.value == 2024
    # Azerbaijan's minister gave more for eight months of 2022 than 3/4 of Kazakhstan's whole year.
    assert ag.minister_vs_kz == f"{100 * tr['az-2022m01-08-turnover'] / tr['kz-2022-turnover']:.0f}"
    # ... and an Azerbaijani MP more for ten months than Kazakhstan's whole year (Agsaqqallar.com, Dec 2022).
    assert ag.mp_vs_kz.value > 100
    assert (ag.data_through, ag.checked_on) == ("18 February 2026", "2 December 2026")


def test_facts_are_named_by_meaning_and_phrases_read_as_words(ag):
    assert not [n for n in ag if re.search(r"(19|20)\d\d", n)]  # no fact named after a year
    assert ag.tm_kaz_absent == "2020 and 2021" and ag.kz_dest_aze_recent == "only once"
    assert ag.c14_importer_n == "no Azerbaijani shares" and ag.c14_statement_n == "2 Kazakh official statements"
    assert ag.season_span == "September 2024 to April 2025" and ag.newcrop_span == "September–October 2025"


def test_the_two_new_crop_figures_are_quoted_with_their_windows(ag):
    # The railway's Sep-Oct and the ministry's longer window (into November) are both quoted; no contradiction.
    quoted = (ag.newcrop_kt, ag.newcrop_multiple, ag.moa_newcrop_kt, ag.moa_newcrop_growth_pct)
    assert quoted == ("56", "3.1", "65", "30")
    assert (ag.newcrop_span, ag.moa_newcrop_to) == ("September–October 2025", "November 2025")
    assert "newcrop_base_ratio" not in ag


def test_reconciliation_needs_more_a_month_than_azerbaijan_imported(inp, ag):
    rec = claim.reconciliation(inp)
    assert rec.base.year == 2024 and rec.months_after == 4
    assert rec.monthly["figure_id"] == "az-2025m01-imports-revised"  # the revised January 2025, same tonnage
    assert rec.needed_a_month > rec.monthly["value"]
    assert claim.half_unit(1_300_000) == 50_000 and claim.half_unit(86_654) == 0.5


def test_bounds_on_kazakhstans_2025_share_are_the_hand_arithmetic(inp, ag):
    b = bounds.share_bounds(inp)
    # Upper: Azerbaijan's 1,131 kt of Jan-Nov 2025 (Rasthaber) less Saratov's 198 kt (Report.az), or half of it.
    assert b.upper_months_tight == pytest.approx(100 * (1_131_000 - 198_000) / 1_131_000)  # 82.5%
    assert b.upper_months_loose == pytest.approx(100 * (1_131_000 - 99_000) / 1_131_000)  # 91.2%
    # December 2025 no larger than December 2024 at most: 1.35 Mt less 1,131 kt / 1.013.
    december = 1_350_000 - 1_131_000 / 1.013
    assert b.prior_december_high == pytest.approx(december)
    year_high = 1_131_500 + december
    assert b.year_high == pytest.approx(year_high)
    assert b.upper_year_tight == pytest.approx(100 * (year_high - 198_000) / year_high)  # 85.5%
    assert b.upper_year_loose == pytest.approx(100 * (year_high - 99_000) / year_high)  # 92.7%
    # Lower: KTZ's 379 kt Sep 2024-early Mar 2025 (WNAM) + 56 kt Sep-Oct 2025 (Kazinform), "3 times" 2024 (Trend),
    # at least 101 kt in Dec 2024 (Paryz.kz): min over X of max(m X, 435 - X) = 435 m / (m + 1), m down to 2.5.
    assert b.rail_low == pytest.approx(435_000 * 2.5 / 3.5) and b.rail_stated == pytest.approx(435_000 * 3 / 4)
    assert b.rail_floor(2.5)[1] > 101_000  # December 2024's floor does not bind
    assert b.lower == pytest.approx(100 * 435_000 * 2.5 / 3.5 / year_high)  # 22.8%
    assert (ag.bd_lower, ag.bd_high_tight, ag.bd_high, ag.bd_upper_months_tight) == ("23", "85", "93", "82.5")
    # The bounds admit the claim (within 5 points of even the tight upper bound) and a share below half.
    assert bounds.verdict(inp) == "not verifiable"
    assert bounds.bounded_verdict(23, 80, 85) == "not verifiable"  # 80 is within 5 points of 85
    assert bounds.bounded_verdict(23, 70, 85) == "not supported"
    assert bounds.bounded_verdict(60, 95, 85) == "partly supported"
    assert bounds.bounded_verdict(82, 88, 85) == "supported"


def test_key_numbers_rest_on_sourced_rows(inp):
    rows = chapter.key_numbers(inp)
    assert 2 <= len(rows) <= 4 and all(set(r) == {"what", "value", "period", "source"} for r in rows)
    assert rows[0]["value"] == "23–93%" and rows[0]["period"] == "2025"
    assert {r["value"] for r in rows} >= {"1.13 Mt", "533.4 million US\\$", "600.3 million US\\$"}
    assert all(re.search(r"\]\(https?://", r["source"]) for r in rows)


# ------------------------------------------------------------------ which figure the book uses


def test_the_book_uses_one_figure_per_period_flow_and_side(inp):
    annual = trade.annual(inp)
    assert not annual.duplicated(["year", "reported_by"]).any()
    kz22 = annual[(annual["year"] == 2022) & (annual["reported_by"] == "Kazakhstan")]
    assert kz22["figure_id"].tolist() == ["kz-2022-turnover"]  # the exact 463.3, not "more than 460"
    # ... whose stated +40% still implies 2021
    implied = trade.implied_annual(inp).set_index("reported_by")["year"].to_dict()
    assert implied == {"Kazakhstan": 2021, "Azerbaijan": 2023}
    cited, other = business.disputed(inp)
    assert (cited["aze_to_kaz"]["value"], other["aze_to_kaz"]["value"]) == (211.4, 215)
    unused = data.load("investment_figures").query("not book_uses")
    assert unused["book_uses_reason"].notna().all()


# ------------------------------------------------------------------ charts


def spec_scales(spec):
    """Every (domain, range) pair of an explicit scale in a spec, however nested."""
    if isinstance(spec, dict):
        if isinstance(spec.get("scale"), dict) and "domain" in spec["scale"] and "range" in spec["scale"]:
            yield spec["scale"]["domain"], spec["scale"]["range"]
        for v in spec.values():
            yield from spec_scales(v)
    elif isinstance(spec, list):
        for v in spec:
            yield from spec_scales(v)


# Categories that stand for a country without naming it: the share a country's own officials reported.
SPEAKS_FOR = {
    claim.KZ_STATED: "Kazakhstan",
    claim.AZ_RESIDUAL: "Azerbaijan",
    "Russian Federation": "Russia",
    chapter.charts_bounds.STATED: "Kazakhstan",
}


def test_country_colours_mean_countries_only(figs, inp):
    for name, fig in figs.items():
        for domain, rng in spec_scales(fig.spec):
            if not all(isinstance(c, str) and c.startswith("#") for c in rng):
                continue
            for item, colour in zip(domain, rng):
                for country, c in theme.COUNTRY.items():
                    if colour == c:
                        assert country in str(item) or SPEAKS_FOR.get(item) == country, (
                            f"{name}: {country}'s colour used for {item!r}"
                        )
    colours = chapter.charts.partner_colours(chapter.charts.fao.suppliers(inp).shares)
    assert colours["Kazakhstan"] == theme.COUNTRY["Kazakhstan"]
    assert colours["Russian Federation"] == theme.COUNTRY["Russia"]
    others = [c for p, c in colours.items() if p not in ("Kazakhstan", "Russian Federation")]
    assert others and not set(others) & set(theme.COUNTRY.values())


def test_uncertain_values_are_open_or_pale_with_a_legend_entry(figs):
    # Kazakh share: bounds and statements drawn without fill, FAO's bounds pale grey; each kind a legend entry.
    spec = json.dumps(figs["kaz_share"].spec)
    for kind in claim.kinds():
        assert kind in spec
    style = chapter.charts.share_style()
    assert not style[claim.AZ_RESIDUAL][2] and not style[claim.KZ_STATED][2]
    assert style[claim.FAO_BOUND][0] == theme.LIGHT_GREY
    # Trade: the implied values are open, and the legend says so.
    for name in ("turnover", "ytd"):
        assert chapter.charts_trade.OPEN in json.dumps(figs[name].spec), name
        assert (figs[name].data["kind"] == trade.IMPLIED).any()


def test_chart_data_is_what_the_text_describes(figs, ag):
    turnover = figs["turnover"].data
    implied = turnover[turnover["kind"] == trade.IMPLIED]
    assert sorted(zip(implied["reported_by"], implied["year"])) == [("Azerbaijan", 2023.0), ("Kazakhstan", 2021.0)]
    ytd = figs["ytd"].data
    # Implied: Azerbaijan's four 2025 multiples, Kazakhstan's Jan-Apr 2024 (+0.5%) and the two implied years.
    assert ytd["year"].min() == str(ag.ytd_from) and (ytd["kind"] == trade.IMPLIED).sum() == 6
    share = figs["kaz_share"].data.dropna(subset=["kind"])
    claimed = share[share["kind"] == claim.CLAIMED]
    assert len(claimed) == 1 and claimed["share"].iloc[0] == 85
    stated = share[share["kind"] == claim.KZ_STATED]
    assert sorted(stated["share"]) == [80, 85] and stated["period"].str.contains("to date").all()
    b = figs["bounds"].data.dropna(subset=["kind"])
    ranges = b[b["kind"] == chapter.charts_bounds.RANGE]
    assert ranges["low"].round(1).tolist() == [22.8, 22.8] and ranges["high"].round(1).tolist() == [85.5, 92.7]
    flagged = figs["balance"].data.dropna(subset=["note"])
    assert flagged[["country", "year"]].values.tolist() == [["Kazakhstan", 2023]]
    assert set(figs["suppliers"].data["year"].dropna().astype(int)) >= set(range(2018, 2025)) - {2020, 2021}


def test_charts_fill_the_column_and_alt_texts_name_the_colours(figs):
    for name, fig in figs.items():
        spec = fig.spec
        views = spec.get("vconcat", [spec])
        assert all(v.get("width") == "container" for v in views), name
        assert spec["autosize"]["type"] == "fit-x", name
    assert "blue: Kazakhstan" in figs["production"].spec["description"]
    assert "red" in figs["kaz_share"].spec["description"] and "light grey" in figs["kaz_share"].spec["description"]


# ------------------------------------------------------------------ verdicts


def test_verdicts_c14_to_c18(inp):
    found = {a.claim_id: a for a in chapter.verdicts(inp)}
    g = data.load("grain_imports_azerbaijan")
    s25 = g[(g["metric"] == "supplier_share") & g["period_start"].str.startswith("2025")]
    expected = shares.judge_supplier_share(85, "Kazakhstan", "Azerbaijan", "grain", s25).verdict
    assert expected == "not verifiable"  # today's data: only the ambassador's statement for 2025
    assert {k: a.verdict for k, a in found.items()} == {
        "C14": expected,
        "C15": "partly supported",
        "C16": "partly supported",
        "C17": "partly supported",
        "C18": "partly supported",
    }
    # The 85% has a source (the Kazakh ambassador, 13 August 2025); the verdict rests on the bounds.
    c14 = found["C14"].reason
    assert c14.startswith("The Kazakh ambassador in Baku gave 85% of Azerbaijan's grain imports (13 August 2025)")
    assert "No source gives" not in c14 and "between about 23% and 85–93%" in c14 and "(confidence: low)" in c14
    for a in found.values():  # sentences a person would write, the counts in the folded detail
        assert not re.search(r"found: \d|\(s\)|: \d+;", a.reason), a.claim_id
    assert "no Azerbaijani shares and 2 Kazakh official statements" in found["C14"].detail
    assert "82.5%" in found["C14"].detail and "311 thousand tonnes" in found["C14"].detail
    # Business events every year, but a different format each year.
    assert (
        "trade missions in 2022 and 2023, an agricultural forum in 2024 and a business forum in 2025"
        in found["C18"].reason
    )
    assert "4 agreements from 2022 to 2023" in found["C17"].reason
    assert "activate it on 21 October 2025" in found["C16"].reason


# ------------------------------------------------------------------ the checks


def first_problem(fn, *args) -> str:
    problems = fn(*args)
    assert problems, "the check found nothing"
    return problems[0]


def test_checks_name_file_row_and_field(inp):
    t = inp.trade.copy()
    t.loc[t.index[0], "months"] = 5
    assert first_problem(check_trade, t).startswith("data/bilateral_trade.csv, row 2, field 'months'")
    t = inp.trade.copy()
    pm = t.index[t["figure_id"] == "kz-2022-turnover-pm"][0]
    t.loc[pm, "book_uses"] = True
    msg = first_problem(check_trade, t)
    assert "field 'book_uses'" in msg and "mark the one the book uses" in msg
    t.loc[pm, ["book_uses", "book_uses_reason"]] = [False, None]
    assert "field 'book_uses_reason'" in first_problem(check_trade, t)
    g = inp.grain.copy()
    g.loc[g["metric"] == "supplier_share", "value"] = 120
    assert "data/grain_imports_azerbaijan.csv, row " in first_problem(check_grain, g)
    m = inp.milestones.copy()
    m.loc[m.index[0], "date_precision"] = "day"
    assert first_problem(check_milestones, m).startswith("data/trade_milestones.csv, row 2, field 'date_precision'")
    inv = inp.investment.copy()
    inv.loc[inv["figure_id"] == "stock-2024-03-aze", "book_uses"] = True
    assert "data/investment_figures.csv, row " in first_problem(check_investment, inv)
    m = inp.milestones.copy()
    memo = m.index[m["milestone_id"] == "fibre-memo-2022-09"][0]
    m.loc[memo, "title"] = "A joint e-commerce platform"
    assert "field 'title'" in first_problem(check_milestones, m) and "fibre-optic" in first_problem(check_milestones, m)
    g = inp.grain.copy()
    amb = g.index[g["figure_id"] == "kz-2025-share-ambassador"][0]
    g.loc[amb, ["kind", "period_start", "period_end"]] = ["outturn", "2025", "2025"]  # a year to date as the year
    msg = first_problem(check_grain, g)
    assert "field 'kind'" in msg and "cannot have been stated" in msg
    t = inp.trade.copy()
    t.loc[t["figure_id"] == "kz-2024-turnover", "period_stated"] = False
    t.loc[t["figure_id"] == "kz-2024-turnover", "book_uses"] = False
    assert "does not describe it" in " ".join(check_trade(t))
    f = inp.flags.copy()
    f.loc[f.index[0], "upstream_value"] = 1
    assert first_problem(
        check_flags, f, {"fao_cereal_balance": inp.balance, "fao_cereal_production": inp.production}
    ).startswith("data/fao_national_checks.csv, row 2")


# ------------------------------------------------------------------ a next year's rows


def data_with(tmp: Path, rows: dict[str, list[dict]]) -> Path:
    """A copy of data/ with rows appended (and year limits widened to take them); its datapackage.json."""
    dst = tmp / "data"
    shutil.copytree(paths.DATA_DIR, dst)
    pkg = json.loads((dst / "datapackage.json").read_text())
    for name, new in rows.items():
        res = next(r for r in pkg["resources"] if r["name"] == name)
        for f in res["schema"]["fields"]:
            c = f.get("constraints", {})
            if "maximum" in c and f["name"] == "year":
                c["maximum"] = max(c["maximum"], max(int(r["year"]) for r in new))
            elif "maximum" in c and f["type"] == "partialdate":
                c["maximum"] = "2030-12-31"
        path = dst / res["path"]
        text = path.read_text(encoding="utf-8")
        buf = io.StringIO()
        csv.DictWriter(buf, fieldnames=next(csv.reader(io.StringIO(text))), lineterminator="\n").writerows(new)
        path.write_text(text + buf.getvalue(), encoding="utf-8")
    (dst / "datapackage.json").write_text(json.dumps(pkg, indent=2))
    return dst / "datapackage.json"


def _trade_row(**kw) -> dict:
    row = dict(
        months=12,
        period_stated="true",
        flow="turnover",
        value_qualifier="exact",
        growth_multiple="",
        growth_stated="",
        speaker="test",
        source_publisher="Test",
        source_title="Test",
        source_url="https://example.org",
        source_date="2026-02",
        note="",
        book_uses="true",
        book_uses_reason="",
        checked_on="2026-12-02",
        check="single source",
    )
    return {**row, **kw}


NEXT_YEAR = {
    "production": (
        {
            "fao_cereal_production": [
                {
                    "country_code": c,
                    "country": n,
                    "year": 2025,
                    "production_t": p,
                    "area_harvested_ha": 1,
                    "yield_kg_ha": 1,
                }
                for c, n, p in (
                    ("AZE", "Azerbaijan", 3_400_000),
                    ("KAZ", "Kazakhstan", 26_000_000),
                    ("WLD", "World", 3_100_000_000),
                )
            ]
        },
        "prod_last_year",
        2025,
        "production",
    ),
    "balance": (
        {
            "fao_cereal_balance": [
                {
                    "country_code": c,
                    "country": n,
                    "year": 2024,
                    "production_t": p,
                    "import_t": i,
                    "export_t": e,
                    "stock_variation_t": 0,
                    "food_t": 1,
                    "feed_t": 1,
                }
                for c, n, p, i, e in (
                    ("AZE", "Azerbaijan", 3_300_000, 1_700_000, 20_000),
                    ("KAZ", "Kazakhstan", 24_000_000, 3_000_000, 12_000_000),
                    ("WLD", "World", 3_000_000_000, 500_000_000, 500_000_000),
                )
            ]
        },
        "fbs_last",
        2024,
        "balance",
    ),
    "fao trade": (
        {
            "fao_trade_kz_az": [
                {
                    "reporter_code": "AZE",
                    "reporter": "Azerbaijan",
                    "flow": "import",
                    "partner_code": p,
                    "partner": n,
                    "item_group": "Cereals",
                    "item": "Wheat",
                    "year": 2025,
                    "value_kusd": v,
                }
                for p, n, v in (("KAZ", "Kazakhstan", 150_000), ("RUS", "Russian Federation", 120_000))
            ]
        },
        "tm_last",
        2025,
        "suppliers",
    ),
    "bilateral trade": (
        {
            "bilateral_trade": [
                _trade_row(
                    figure_id="kz-2025-turnover",
                    period_start="2025",
                    period_end="2025",
                    reported_by="Kazakhstan",
                    basis="Bureau of National Statistics",
                    value_musd=600,
                ),
                _trade_row(
                    figure_id="az-2025-turnover",
                    period_start="2025-01",
                    period_end="2025-12",
                    reported_by="Azerbaijan",
                    basis="State Customs Committee",
                    value_musd=700,
                    growth_multiple=1.49,
                    growth_stated="+49%",
                ),
            ]
        },
        "kz_latest_year",
        2025,
        "turnover",
    ),
}


@pytest.mark.parametrize("case", NEXT_YEAR)
def test_a_next_year_row_flows_into_facts_and_chart_data(case, tmp_path, monkeypatch):
    rows, fact, year, chart = NEXT_YEAR[case]
    monkeypatch.setattr(paths, "DATAPACKAGE", data_with(tmp_path, rows))
    inp = chapter.inputs()
    ag = chapter.facts(inp)
    assert ag[fact].value == year
    plotted = getattr(chapter.charts, chart)(inp).data
    assert year in set(pd.to_numeric(plotted["year"], errors="coerce").dropna().astype(int))
    for name in CHARTS:  # every chart and table still builds
        getattr(chapter.charts, name)(inp)
    for name in ("recent_grain", "goods", "gdp_share", "investment", "events"):
        getattr(chapter.tables, name)(inp).markdown()
    assert [a.claim_id for a in chapter.verdicts(inp)] == ["C14", "C15", "C16", "C17", "C18"]


def test_the_next_full_year_of_azerbaijans_grain_figures_becomes_the_latest(tmp_path, monkeypatch):
    common = dict(
        unit="percent",
        value_qualifier="exact",
        value_musd="",
        growth_multiple="",
        reported_by="Azerbaijan",
        basis="State Customs Committee",
        speaker="t",
        source_publisher="T",
        source_title="T",
        source_url="https://example.org",
        source_date="",
        note="",
        period_start="2025",
        period_end="2025",
        commodity="wheat",
        kind="outturn",
        book_uses="true",
        book_uses_reason="",
        checked_on="2026-12-02",
        check="single source",
    )
    rows = [
        dict(common, figure_id="az-2025-russia-share", metric="supplier_share", supplier="Russia", value=40),
        dict(
            common,
            figure_id="az-2025-imports",
            metric="imports_all_origins",
            supplier="all origins",
            value=1_400_000,
            unit="tonnes",
            value_qualifier="approximate",
            value_musd=300,
        ),
    ]
    monkeypatch.setattr(paths, "DATAPACKAGE", data_with(tmp_path, {"grain_imports_azerbaijan": rows}))
    inp = chapter.inputs()
    ag = chapter.facts(inp)
    assert (ag.importer_year.value, ag.rus_share) == (2025, "40.0")
    assert ag.rec_year.value == 2024  # the reconciliation stays with the season's own year


# ------------------------------------------------------------------ the built page


@pytest.fixture(scope="module")
def page(html_dir):
    path = html_dir / PAGE
    assert path.exists(), "the chapter was not built"
    return path.read_text()


@pytest.mark.book
def test_page_has_eight_captioned_charts_and_stays_small(page, html_dir):
    assert page.count('class="kzaz-chart"') == 8
    for fig in ("production", "balance", "suppliers", "mirror", "kaz-share", "bounds", "turnover", "ytd"):
        assert f'id="fig-agt-{fig}"' in page
    assert page.count("Source: FAO") >= 4
    assert (html_dir / PAGE).stat().st_size < 2_000_000


@pytest.mark.book
def test_page_opens_with_the_findings_and_quotes_the_facts(page, ag):
    assert page.index("kzaz-findings") < page.index('id="two-grain-economies"')
    text = page_text(page, tight=True)
    assert "{eval}" not in text and "ag.prod_" not in text  # every fact was looked up
    assert f"In {ag.prod_last_year} Kazakhstan harvested {ag.prod_kaz_last} million tonnes" in text
    assert f"in {ag.tm_last} it had {ag.tm_kaz_last}% against Russia's {ag.tm_rus_last}%" in text
    assert "built from the same Azerbaijani declarations" in text and "agrees independently" not in text
    assert "runs the same way whenever" not in text and "typically accounts for a few per cent" not in text
    assert "The book rates the claim C14 not verifiable, with low confidence" in text
    assert "the railway's base is 0.36 times" not in text  # reconciliation reads as sentences, folded


@pytest.mark.book
def test_claim_cards_c14_to_c18_with_verdict_chips(page):
    for cid in ("C14", "C15", "C16", "C17", "C18"):
        assert f'id="claim-{cid.lower()}"' in page, cid
    assert page.count("kzaz-verdict-partly-supported") >= 4 and "kzaz-verdict-not-verifiable" in page
    text = page_text(page, tight=True)
    assert "C14 not verifiable In 2025 Kazakhstan became" in text
    assert "No source gives 85%" not in text and "The Kazakh ambassador in Baku gave 85%" in text
    assert "The data in this chapter run to 18 February 2026" in text
