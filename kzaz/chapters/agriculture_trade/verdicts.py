"""The chapter's verdicts on claims C14-C18, computed from its tables."""

from __future__ import annotations

from kzaz import claims, dates, periods, shares
from kzaz.claims import Assessment
from kzaz.computed import once_per_build
from kzaz.markdown import link, says

from . import bounds, business, claim, fao, trade
from .facts import confidence, counted
from .inputs import Inputs

SECOND = {  # C14's second sentence, by verdict
    "supported": f"A usable {claim.CLAIM_BASE} figure lies within {shares.SHARE_CLOSE_POINTS:g} points of the claim",
    "not supported": "The importer's figures contradict Kazakhstan being the main supplier",
    "partly supported": "Usable figures make Kazakhstan the main supplier, but none is near the claimed share on the "
    "same base",
    "not verifiable": "Without a figure from the importer, or one that reconciles with its data, the claim can be "
    "neither confirmed nor refuted",
}


def _doc_link(row) -> str:
    """A grain figure's source as a link: 'Report.az (citing Kazinform), 2025 to date (said 5 November 2025)'."""
    return link(f"{row['source_publisher']}, {claim.period_words(row)}", row["source_url"])


# What the bounds on the share say of the claim, by the verdict they give.
BOUND_SAYS = {
    "not verifiable": "which admits the claim but also a Kazakhstan that was not the main supplier",
    "not supported": "which leaves no room for the claim",
    "partly supported": "which makes Kazakhstan the main supplier without pinning its share to the claim",
    "supported": f"within {shares.SHARE_CLOSE_POINTS:g} points of the claim",
}


def _statements(inp: Inputs) -> str:
    """The Kazakh officials' statements for the claim year, the claimed figure first, in words."""
    st = claim.evidence(inp).statements.sort_values("source_date")
    words = [
        f"{r.value:.0f}% of Azerbaijan's {r.commodity.split(' (')[0]} imports ({dates.label(r.source_date)})"
        if "market" not in r.commodity
        else f'"about {r.value:.0f}%" of the {r.commodity.split("(share of the ")[-1].rstrip(")")} '
        f"({dates.label(r.source_date)})"
        for r in st.itertuples()
    ]
    return says(words)


def c14(inp: Inputs) -> Assessment:
    ev, year, claimed = claim.evidence(inp), claim.claim_year(), claim.claimed_share()
    verdict, b = bounds.verdict(inp), bounds.share_bounds(inp)
    if len(ev.statements):
        first = f"The Kazakh ambassador in Baku gave {_statements(inp)}"
    else:
        first = f"No source gives {claimed:.0f}%"
    if len(ev.importer):
        first += f"; Azerbaijani figures for {year} give Kazakhstan " + says(
            f"{r.value:.0f}% ({r.commodity}, {periods.label(r.period_start, r.period_end)})"
            for r in ev.importer.itertuples()
        )
    else:
        first += f", but no Azerbaijani figure by country for {year} was found"
    if ev.verdict != "not verifiable":
        second = SECOND[ev.verdict]
    else:
        second = (
            f"Sourced totals put Kazakhstan's {year} share of Azerbaijan's wheat imports between about "
            f"{b.lower:.0f}% and {b.upper_year_tight:.0f}–{b.high:.0f}%, {BOUND_SAYS[verdict]}"
        )
    latest = claim.importer_year(inp)
    sources = [
        _doc_link(inp.doc("ambassador_first")),
        _doc_link(inp.doc("ambassador")),
        _doc_link(inp.doc("importer_months")),
        _doc_link(inp.doc("saratov")),
        _doc_link(inp.doc("rail_growth")),
        _doc_link(latest.russia),
    ]
    return claims.assess(
        claim.CLAIM,
        verdict,
        f"{first}. {second} (confidence: {confidence(verdict)}).",
        "; ".join(sources + ["{numref}`fig-agt-kaz-share` and {numref}`fig-agt-bounds`."]),
        detail=(
            f"Figures found for {year}: {counted(len(ev.importer), 'Azerbaijani share', 'Azerbaijani shares')} "
            f"and {counted(len(ev.statements), 'Kazakh official statement', 'Kazakh official statements')}. "
            "The book decides the claim on the importer's figures or the exporter's statistics, and tests "
            f"closeness to the claimed share on the same product base ({claim.CLAIM_BASE}); a statement by an "
            "official of the supplying country decides nothing on its own. Where no figure is usable, the bounds "
            "decide: below the claim by more than the tolerance refutes it, both bounds within it confirms it, a "
            "lower bound above half makes Kazakhstan the main supplier. "
            f"Upper bound: Azerbaijan imported {b.total['value'] / 1000:,.0f} thousand tonnes of wheat in "
            f"{periods.label(b.total['period_start'], b.total['period_end'])} (one relay of customs data), and "
            f"Russia's Saratov region alone shipped it {b.saratov_tight / 1000:,.0f} thousand tonnes of grain "
            f"products, mostly wheat, in {periods.label(b.saratov['period_start'], b.saratov['period_end'])}; "
            f"so Kazakhstan had at most {b.upper_months_tight:.1f}% if all of Saratov's tonnage was wheat, "
            f"{b.upper_months_loose:.1f}% if only half was. For the whole year, with December no larger than "
            f"the {b.prior_december_high / 1000:,.0f} thousand tonnes the year before at most, imports were at "
            f"most {b.year_high / 1000:,.0f} thousand tonnes and the bounds {b.upper_year_tight:.1f}% and "
            f"{b.upper_year_loose:.1f}%. Lower bound: the railway's tonnage to Azerbaijan, at least "
            f'{b.rail_low / 1000:,.0f} thousand tonnes (at least {b.rail_stated / 1000:,.0f} if "3 times" is '
            f"exact), is {b.lower:.1f}% of that largest total; it holds only if every tonne railed was wheat "
            "cleared in Azerbaijan that year. On the claim's base, grain, the total also holds maize, rice and "
            "barley, which lowers the upper bound a little. The latest full year of Azerbaijan's own figures, "
            f"{latest.year}, gives Russia {latest.russia['value']:.1f}% of the value of wheat imports."
        ),
    )


def _supplies(inp: Inputs) -> tuple[str, bool | None, str, str]:
    """C15's farm supplies: the Kazakh growth figures and FAO's importer-side trend, in words."""
    season, growth = inp.doc("season"), inp.doc("rail_growth")
    kz_up = bool(season["growth_multiple"] > 1 and growth["value"] > 1)
    sup = fao.suppliers(inp)
    value = sup.value("KAZ")
    start, end = sup.kaz_run_from, sup.last
    fao_up = None if start not in value.index or end not in value.index else bool(value[end] > value[start])
    state = "rising" if kz_up and fao_up is not False else "mixed" if kz_up or fao_up else "not rising"
    kz_words = (
        f"Kazakh figures show grain shipments to Azerbaijan {'rising steeply' if kz_up else 'not rising'} "
        f"({season['growth_multiple']:.0f} times a year earlier in the season from "
        f"{dates.label(season['period_start'])}, {growth['value']:g} times by rail in "
        f"{growth['period_end'][:4]})"
    )
    fao_words = (
        "FAO has no comparable years from Azerbaijan's declarations"
        if fao_up is None
        else f"FAO's figures from Azerbaijan's declarations {'rise' if fao_up else 'fall'} from {start} to {end}"
    )
    detail = (
        ""
        if fao_up is None
        else f"FAO: Azerbaijan's wheat imports from Kazakhstan were {value[start]:.1f} million US\\$ in {start} and "
        f"{value[end]:.1f} million in {end}; the Kazakh figures cover other months. "
    )
    return state, fao_up, f"{kz_words}, {'and' if fao_up else 'but'} {fao_words}.", detail


def c15(inp: Inputs) -> Assessment:
    state, _, first, detail = _supplies(inp)
    projects, technology = business.farm_projects(inp), business.farm_technology(inp)
    found = [state == "rising", not projects.empty, not technology.empty]
    verdict = "supported" if all(found) else ("partly supported" if any(found) or state == "mixed" else "not supported")
    forums = business.farm_milestones(inp)[lambda d: d["kind"] == "business_event"]
    discussed = "".join(
        f"; joint farm exports were discussed at a forum in {dates.label(r.date)}" for r in forums.head(1).itertuples()
    )
    second = (
        f"{counted(len(projects), 'joint farm project', 'joint farm projects').capitalize()} with a value "
        f"and {counted(len(technology), 'exchange', 'exchanges')} of farm technology were found{discussed}."
    )
    return claims.assess(
        "C15",
        verdict,
        f"{first} {second}",
        "{numref}`fig-agt-suppliers` and {numref}`fig-agt-kaz-share`; "
        + "; ".join(link(f"{r.title}, {dates.label(r.date)}", r.source_url) for r in forums.itertuples())
        + ".",
        detail=(
            f"{detail}Farm-related rows in the milestone table: {len(business.farm_milestones(inp))}; "
            f"of them with a value (investments or contracts): {len(projects)}; "
            f"mentioning technology: {len(technology)}."
        ),
    )


def c16(inp: Inputs) -> Assessment:
    kz, az = trade.annual_by(inp, "Kazakhstan"), trade.annual_by(inp, "Azerbaijan")
    cum = trade.latest_cumulative(inp, "Azerbaijan")
    # Each count up on its own earlier figures; Azerbaijan's latest months against the whole year before.
    trade_up = bool(
        kz.iloc[-1] > kz.iloc[-2] and az.iloc[-1] > az.iloc[0] and cum["value_musd"] > az.loc[cum["year"] - 1]
    )
    trend = business.investment_trend(inp)
    verdict = (
        "supported"
        if trade_up and trend
        else "partly supported"
        if trade_up or trend
        else "not verifiable"
        if trend is None
        else "not supported"
    )
    fund, steps = business.fund(inp), business.fund_steps(inp)
    inv = (
        "the investment figures found do not say whether they are stocks or flows and disagree for the same "
        "month, so no trend can be read from them"
        if trend is None
        else f"investment {'grew' if trend else 'did not grow'} on a defined measure"
    )
    return claims.assess(
        "C16",
        verdict,
        f"Trade {'grew' if trade_up else 'did not grow throughout'} on both sides' counts, "
        f"{'but' if not trend else 'and'} {inv}. A planned {fund['value']:.0f} million US\\$ joint fund has no "
        "reported investments"
        + (f"; the presidents agreed to activate it on {dates.label(steps['date'].iloc[-1])}." if len(steps) else "."),
        "{numref}`fig-agt-turnover` and {numref}`fig-agt-ytd`; the investment table (`data/investment_figures.csv`).",
        detail=(
            f"Kazakh count: {kz.iloc[-2]:.1f} million US\\$ in {kz.index[-2]}, "
            f"{kz.iloc[-1]:.1f} in {kz.index[-1]}. "
            f"Azerbaijani count: {az.iloc[0]:.1f} in {az.index[0]}, {az.iloc[-1]:.0f} in {az.index[-1]}, "
            f"{cum['value_musd']:.1f} in {periods.label(cum['period_start'], cum['period_end'])}. "
            f"Investment: {len(business.as_stated(inp, used=False))} figures without a definition; "
            f"{business.comparable_pairs(inp)} pairs of figures on one defined measure."
        ),
    )


def c17(inp: Inputs) -> Assessment:
    dig = business.digital(inp)
    bilateral, platforms = dig[dig["scope"] == "bilateral"], business.digital_platforms(inp)
    multilateral = dig[dig["scope"] == "multilateral"]
    verdict = "supported" if len(platforms) else ("partly supported" if len(bilateral) else "not verifiable")
    bilateral = bilateral.sort_values("start")
    first, last = (
        bilateral["date"].iloc[0][:4] if len(bilateral) else "",
        bilateral["date"].iloc[-1][:4] if len(bilateral) else "",
    )
    span = first if first == last else f"{first} to {last}"
    reason = (
        f"There is bilateral digital cooperation ({counted(len(bilateral), 'agreement', 'agreements')} from "
        f"{span} on a trans-Caspian fibre-optic line)"
        if len(bilateral)
        else "No bilateral digital agreement was found"
    )
    reason += (
        f" and a multilateral OTS digital-economy agreement covering e-commerce ({multilateral['date'].iloc[0][:4]})"
        if len(multilateral)
        else ""
    )
    reason += (
        ", and a bilateral platform for e-services or e-commerce was found."
        if len(platforms)
        else ", but no bilateral joint platform for e-services or e-commerce was found."
    )
    return claims.assess("C17", verdict, reason, "; ".join(link(r.title, r.source_url) for r in dig.itertuples()) + ".")


def c18(inp: Inputs) -> Assessment:
    biz = business.business_events(inp)
    run, recurring = business.latest_run(biz["year"]), business.recurring_formats(biz)
    verdict = "supported" if len(run) >= 3 and recurring else ("partly supported" if len(run) >= 3 else "not supported")
    formats = ", ".join(f"{n} {f}{'s' if n != 1 else ''}" for f, n in biz["format"].value_counts().items())
    looked = dates.label(inp.milestones["checked_on"].max().strftime("%Y-%m-%d"))
    return claims.assess(
        "C18",
        verdict,
        f"Business events were found in every year from {run[0]} to {run[-1]}, "
        + (
            f"with a {recurring[0]} every year."
            if recurring
            else f"but the format changed: {business.formats_by_year(biz[biz['year'].isin(run)])}."
        )
        + f" None was found before {biz['year'].min()}, or after {biz['year'].max()} when we looked on {looked}.",
        "The business events table; " + ", ".join(link(r.event_id, r.source_url) for r in biz.itertuples()) + ".",
        detail=f"Formats: {formats}. Several were held beside a state visit or an intergovernmental commission.",
    )


@once_per_build
def verdicts(inp: Inputs) -> list[Assessment]:
    return [c14(inp), c15(inp), c16(inp), c17(inp), c18(inp)]
