"""The facts of the trade sections: the two counts, flows, the goal, investment and business events."""

from __future__ import annotations

import re

from kzaz import dates, shares
from kzaz.markdown import says
from kzaz.prose import fmt

from . import business, fao, trade
from .inputs import Inputs


def _span(first: str, last: str) -> str:
    from .facts import span

    return span(first, last)


def counts_facts(inp: Inputs) -> dict:
    kz, az = trade.annual_by(inp, "Kazakhstan"), trade.annual_by(inp, "Azerbaijan")
    ns = trade.annual(inp)[lambda d: d["reported_by"] == trade.NOT_STATED]
    implied = trade.implied_annual(inp).sort_values("year").groupby("reported_by").last()  # the latest each side
    kz_implied, az_implied = implied.loc["Kazakhstan"], implied.loc["Azerbaijan"]
    az_latest = trade.annual(inp)[lambda d: d["reported_by"] == "Azerbaijan"].iloc[-1]
    ns_first_year = int(ns["year"].iloc[0])
    part = trade.turnover(inp)[
        lambda d: (
            (d["reported_by"] == "Kazakhstan") & (d["year"] == ns_first_year) & d["from_january"] & (d["months"] < 12)
        )
    ].iloc[-1]
    return dict(
        trade_earliest=int(inp.stated["period_start"].str[:4].astype(int).min()),
        fao_agri_first=int(inp.fao_trade["year"].min()),
        kz_prev=fmt(kz.iloc[-2], ".1f"),
        kz_prev_year=int(kz.index[-2]),
        kz_latest=fmt(kz.iloc[-1], ".1f"),
        kz_latest_year=int(kz.index[-1]),
        kz_growth=fmt(100 * (kz.iloc[-1] / kz.iloc[-2] - 1), ".1f"),
        kz_next_year=int(kz.index[-1]) + 1,
        az_next_year=int(az_latest["year"]) + 1,
        az_first=fmt(az.iloc[0], "g"),
        az_first_year=int(az.index[0]),
        az_latest=fmt(az.iloc[-1], ".0f"),
        az_latest_year=int(az.index[-1]),
        az_latest_growth=az_latest["growth_stated"],
        az_latest_by=az_latest["speaker"],
        az_implied=fmt(az_implied["value_musd"], ".0f"),
        az_implied_year=int(az_implied["year"]),
        kz_same_year=fmt(kz.loc[int(az_implied["year"])], ".1f"),
        ns_latest=fmt(ns["value_musd"].iloc[-1], ".1f"),
        ns_latest_year=int(ns["year"].iloc[-1]),
        ns_latest_published=ns["source_date"].iloc[-1][:4],
        ns_first=fmt(ns["value_musd"].iloc[0], ".1f"),
        ns_first_year=ns_first_year,
        ns_first_kz_part=fmt(part["value_musd"], ".0f"),
        ns_first_kz_part_span=_span(part["period_start"], part["period_end"]),
        kz_implied=fmt(kz_implied["value_musd"], ".0f"),
        kz_implied_year=int(kz_implied["year"]),
        kz_implied_growth=kz_implied["growth_stated"],
    )


def gap_facts(inp: Inputs) -> dict:
    kz_half, az_half = inp.doc("kz_first_half"), inp.doc("az_first_half")
    az_base = trade.implied(az_half)
    minister, mp = inp.doc("minister_2022"), inp.doc("mp_2022")
    kz_that_year = trade.annual_by(inp, "Kazakhstan").loc[minister["year"]]
    unstated, commission = inp.doc("unstated"), inp.doc("unstated_commission")
    return dict(
        kz_half=fmt(kz_half["value_musd"], ".1f"),
        kz_half_year=int(kz_half["year"]),
        az_half_multiple=fmt(az_half["growth_multiple"], ".1f"),
        az_half_year=int(az_half["year"]),
        az_half_implied_low=fmt(az_base.low, ".0f"),
        az_half_implied_high=fmt(az_base.high, ".0f"),
        kz_vs_az_half=fmt(kz_half["value_musd"] / az_base.mid, ".1f"),
        minister_value=fmt(minister["value_musd"], ".0f"),
        minister_span=_span(minister["period_start"], minister["period_end"]),
        minister_year=int(minister["year"]),
        minister_vs_kz=fmt(shares.percent_of(minister["value_musd"], kz_that_year), ".0f"),
        minister_pace=fmt(minister["value_musd"] / minister["months"] * 12, ".0f"),
        mp_value=fmt(mp["value_musd"], ".1f"),
        mp_span=_span(mp["period_start"], mp["period_end"]),
        mp_vs_kz=fmt(shares.percent_of(mp["value_musd"], kz_that_year), ".0f"),
        commission_unstated=fmt(commission["value_musd"], ".0f"),
        commission_unstated_when=dates.label(commission["source_date"]),
        unstated=fmt(unstated["value_musd"], ".0f"),
        unstated_multiple=fmt(unstated["growth_multiple"], ".1f"),
        unstated_when=dates.label(unstated["source_date"]),
    )


def cumulative_facts(inp: Inputs) -> dict:
    """The latest figures from January, and the year-earlier values two of them imply."""
    latest = trade.latest_cumulative(inp, "Azerbaijan")
    before = trade.annual_by(inp, "Azerbaijan").loc[latest["year"] - 1]
    u = inp.used
    nonoil = u[u["flow"] == "aze_nonoil_to_kaz"].sort_values("period_end").iloc[-1]
    return dict(
        ytd_from=trade.cumulative_from(inp),
        az_half=fmt(inp.doc("az_first_half")["value_musd"], ".0f"),
        az_half_span=_span(inp.doc("az_first_half")["period_start"], inp.doc("az_first_half")["period_end"]),
        az_cum=fmt(latest["value_musd"], ".1f"),
        az_cum_span=_span(latest["period_start"], latest["period_end"]),
        az_cum_multiple=fmt(latest["growth_multiple"], ".1f"),
        az_cum_vs_year_before=fmt(shares.percent_of(latest["value_musd"], before), ".0f"),
        az_cum_year_before=int(latest["year"] - 1),
        az_nonoil=fmt(nonoil["value_musd"], ".1f"),
        az_nonoil_span=_span(nonoil["period_start"], nonoil["period_end"]),
        goal_vs_az_cum=fmt(shares.percent_of(latest["value_musd"], trade.goal_value(inp)), ".0f"),
    )


def path_facts(inp: Inputs) -> dict:
    """Two of Azerbaijan's multiples imply a path for the year before that does not fit together."""
    short, long = inp.doc("az_eight_months"), inp.doc("az_ten_months")
    year = int(long["year"]) - 1
    short_base, long_base = trade.implied(short), trade.implied(long)
    whole = trade.annual_by(inp, "Azerbaijan").loc[year]
    m1, m2 = int(short["end_month"]), int(long["end_month"])
    return dict(
        path_short_span=_span(short["period_start"], short["period_end"]),
        path_short_implied=fmt(short_base.mid, ".0f"),
        path_short_implied_span=_span(f"{year}-01", f"{year}-{m1:02d}"),
        path_long_multiple=fmt(long["growth_multiple"], ".1f"),
        path_long_low=fmt(long_base.low, ".0f"),
        path_long_high=fmt(long_base.high, ".0f"),
        path_long_implied_span=_span(f"{year}-01", f"{year}-{m2:02d}"),
        path_between=fmt(long_base.low - short_base.mid, ".0f"),
        path_between_span=_span(f"{year}-{m1 + 1:02d}", f"{year}-{m2:02d}"),
        path_months_before=m1,
        path_whole=fmt(whole, ".0f"),
        path_rest_high=fmt(whole - long_base.high, ".0f"),
        path_rest_span=_span(f"{year}-{m2 + 1:02d}", f"{year}-12"),
    )


def flow_facts(inp: Inputs) -> dict:
    year = trade.both_ways(inp, "Kazakhstan", whole_year=True)
    part = trade.both_ways(inp, "Kazakhstan")
    az = trade.with_turnover(inp, "Azerbaijan")
    top = fao.top_farm_goods(inp)
    return dict(
        kz_flows_year=int(year["year"]),
        kz_exp=fmt(year["kaz_to_aze"], ".1f"),
        kz_imp=fmt(year["aze_to_kaz"], ".1f"),
        kz_exp_share=fmt(trade.export_share(year), ".0f"),
        kz_exp_share_part=fmt(trade.export_share(part), ".0f"),
        kz_part_span=_span(part["period_start"], part["period_end"]),
        az_flows_year=int(az["year"]),
        az_imp_share=fmt(trade.export_share(az), ".0f"),
        agri_from=fao.FARM_TRADE_FROM,
        agri_to=int(inp.fao_trade["year"].max()),
        agri_top_to_aze=top.loc["kaz_to_aze"].index[0].lower(),
        agri_top_to_aze_musd=fmt(top.loc["kaz_to_aze"].iloc[0] / 1000, ".1f"),
        agri_top_to_kaz=top.loc["aze_to_kaz"].index[0].lower(),
        agri_top_to_kaz_musd=fmt(top.loc["aze_to_kaz"].iloc[0] / 1000, ".1f"),
    )


def economy_facts(inp: Inputs) -> dict:
    from .tables import relative_to_gdp

    rel = relative_to_gdp(inp)
    kz = rel[rel["reported_by"] == "Kazakhstan"].iloc[-1]
    pop = inp.economy.pivot(index="year", columns="country_code", values="population")
    gdp = inp.economy.pivot(index="year", columns="country_code", values="gdp_current_usd")
    y = int(kz["year"])
    return dict(
        gdp_last=int(gdp.dropna().index.max()),
        gdp_year=y,
        gdp_turnover=fmt(kz["value_musd"], ".1f"),
        pct_kaz=fmt(kz["pct_kaz"], ".2f"),
        pct_aze=fmt(kz["pct_aze"], ".2f"),
        per_head=fmt(kz["value_musd"] * 1e6 / (pop.loc[y, "KAZ"] + pop.loc[y, "AZE"]), ".0f"),
        gdp_kaz_bn=fmt(gdp.loc[y, "KAZ"] / 1e9, ".0f"),
        gdp_aze_bn=fmt(gdp.loc[y, "AZE"] / 1e9, ".0f"),
    )


def goal_facts(inp: Inputs) -> dict:
    goal = trade.goal(inp)
    since = goal[goal["start"] > dates.start_of(inp.doc("goal_presidential")["date"])]
    m = inp.milestones
    double = m[(m["kind"] == "target") & (m["unit"] == "times")].sort_values("start").iloc[0]
    kz = trade.annual_by(inp, "Kazakhstan")
    return dict(
        double_when=dates.label(double["date"]),
        double_by=re.search(r"by (\d{4})", double["title"])[1],
        goal_bn=fmt(trade.goal_value(inp) / 1000, ".0f"),
        goal_first_when=dates.label(goal["date"].iloc[0]),
        goal_pres_when=dates.label(inp.doc("goal_presidential")["date"]),
        goal_n=len(goal),
        goal_latest_when=dates.label(goal["date"].iloc[-1]),
        goal_restated=says(f"{r.actors.replace(';', ' and')} on {dates.label(r.date)}" for r in since.itertuples()),
        goal_vs_kz_latest=fmt(shares.percent_of(kz.iloc[-1], trade.goal_value(inp)), ".0f"),
    )


def trade_facts(inp: Inputs) -> dict:
    return {
        **counts_facts(inp),
        **gap_facts(inp),
        **cumulative_facts(inp),
        **path_facts(inp),
        **flow_facts(inp),
        **economy_facts(inp),
        **goal_facts(inp),
    }


def business_facts(inp: Inputs) -> dict:
    first, latest, cum = business.stated_on(inp, "first"), business.stated_on(inp, "latest"), business.cumulative(inp)
    cited, other = business.disputed(inp)
    fund, contracts, activated = business.fund(inp), business.contracts(inp), business.fund_steps(inp)
    biz = business.business_events(inp)
    run = business.latest_run(biz["year"])
    digital = business.digital(inp)
    bilateral = digital[digital["scope"] == "bilateral"].sort_values("start")
    nonoil = business.cumulative(inp, nonoil=True)
    k, a = "kaz_to_aze", "aze_to_kaz"
    more = {"lower_bound": "more than ", "approximate": "about ", "exact": ""}
    return dict(
        inv_n_stated=len(business.as_stated(inp, used=False)),
        inv_first_when=dates.label(first[k]["period_end"]),
        inv_first_kaz=fmt(first[k]["value"], ".0f"),
        inv_first_aze=fmt(first[a]["value"], ".0f"),
        inv_disputed_when=dates.label(cited[k]["period_end"]),
        inv_cited_kaz=fmt(cited[k]["value"], "g"),
        inv_cited_aze=fmt(cited[a]["value"], "g"),
        inv_other_kaz=fmt(other[k]["value"], "g"),
        inv_other_aze=fmt(other[a]["value"], "g"),
        inv_other_publisher=other[a]["source_publisher"],
        inv_other_days=(dates.start_of(other[a]["source_date"]) - dates.start_of(cited[a]["source_date"])).days,
        inv_latest_when=dates.label(latest[k]["period_end"]),
        inv_latest_kaz=fmt(latest[k]["value"], ".1f"),
        inv_latest_aze=fmt(latest[a]["value"], ".1f"),
        inv_cum_span=f"{cum[k]['period_start']}–{cum[k]['period_end']}",
        inv_cum_kaz=fmt(cum[k]["value"], ".0f"),
        inv_cum_aze=fmt(cum[a]["value"], ".0f"),
        inv_nonoil_span=f"{nonoil[k]['period_start']}–{nonoil[k]['period_end']}",
        inv_nonoil_kaz=more[nonoil[k]["value_qualifier"]] + fmt(nonoil[k]["value"], ".0f"),
        inv_nonoil_aze=more[nonoil[a]["value_qualifier"]] + fmt(nonoil[a]["value"], ".0f"),
        firms_aze_in_kaz=says(
            f"{more[r.value_qualifier]}{r.value:.0f} in {dates.label(r.period_end)}"
            for r in business.companies(inp, a).itertuples()
        ),
        fund_musd=fmt(fund["value"], ".0f"),
        fund_when=dates.label(fund["date"]),
        fund_activated_when=says(dates.label(d) for d in activated["date"]) if len(activated) else "",
        biz_n=len(biz),
        biz_first=int(biz["year"].min()),
        biz_last=int(biz["year"].max()),
        biz_run=len(run),
        biz_next_year=int(biz["year"].max()) + 1,
        biz_formats=business.formats_by_year(biz),
        contracts_words=says(
            f"{more[r.value_qualifier]}{r.value:.0f} million US$ in {dates.label(r.date[:7])}"
            for r in contracts.itertuples()
        ),
        digital_bilateral_n=len(bilateral),
        digital_bilateral_first=bilateral["date"].iloc[0][:4],
        digital_bilateral_last=bilateral["date"].iloc[-1][:4],
        digital_multilateral_year=digital.loc[digital["scope"] == "multilateral", "date"].iloc[0][:4],
    )
