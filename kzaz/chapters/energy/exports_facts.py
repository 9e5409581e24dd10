"""What the prose says about Kazakhstan's exports by route (the exports chart's numbers)."""

from __future__ import annotations

from kzaz import dates, shares
from kzaz.markdown import says
from kzaz.prose import fmt

from . import oil
from .inputs import Inputs


def btc_share(inp: Inputs, year: int) -> float:
    return shares.percent_of(inp.used_btc[year], inp.export_totals[year], whole_name="crude exports")


def earlier_shares(inp: Inputs) -> str:
    """'0.4% of 64.3 Mt in 2022 and 2.0% of 70.5 Mt in 2023': the chart's years before the latest."""
    years = oil.chart_years(inp)[:-1]
    return says(f"{btc_share(inp, y):.1f}% of {inp.export_totals[y]:.1f} Mt in {y}" for y in years)


def cpc_facts(inp: Inputs) -> dict:
    used = inp.used_exports[inp.used_exports["flow"] == "cpc"]
    charted = [y for y in used["year"] if y in oil.chart_years(inp)]  # the exports chart's year, if it has one
    year = int(max(charted)) if charted else int(used["year"].max())
    rows = oil.flow_rows(inp, "cpc", year)
    chosen, others = rows.iloc[0], rows.iloc[1:]
    alt = " ".join(
        f"{oil.who(r.reported_by)[0].upper() + oil.who(r.reported_by)[1:]} gave {r.value_mt:.1f} Mt."
        for r in others.itertuples()
    )
    reason = chosen["book_uses_reason"]
    ex = inp.exports
    everyone = ex[(ex["flow"] == "cpc_all_shippers") & (ex["year"] == year) & ex["full_year"]]
    return {
        "cpc_all": (
            f"The consortium's own total for all its shippers, Russian ones included, was "
            f"{everyone['value_mt'].iloc[0]:.1f} Mt, a ceiling that {'both figures' if len(others) else 'it'} "
            "respect."
            if len(everyone)
            else ""
        ),
        "cpc_year": year,
        "cpc": fmt(chosen["value_mt"], ".1f"),
        "cpc_by": chosen["reported_by"],
        "cpc_share": fmt(
            shares.percent_of(chosen["value_mt"], inp.export_totals[year], whole_name="crude exports"), ".0f"
        )
        if year in inp.export_totals.index
        else "not known",
        "cpc_others": (alt + f" The book uses the first figure: {reason[0].lower() + reason[1:]}")
        if len(others)
        else "",
    }


def gaps(inp: Inputs) -> str:
    """Sentences on the years whose routes the sources itemise only in part, and what bounds the rest."""
    parts = oil.route_parts(inp)
    rest = parts[parts["flow"] == oil.FLOW["rest"]].set_index("year")["mt"]
    out = []
    for year in oil.chart_years(inp):
        missing = oil.missing_routes(inp, year, oil.FLOW_IN_TEXT)
        if missing and year not in oil.btc_only_years(inp):
            out.append(
                f"For {year}, {rest[str(year)]:.1f} Mt is not assigned, because we found no {year} figure "
                f"that names its period for {says(missing)}."
            )
            out.append(vague_routes(inp, year) + lower_bounds(inp, year))
    return " ".join(t for t in out if t)


def vague_routes(inp: Inputs, year: int) -> str:
    """The route figures for a year whose source names no period: given, not counted."""
    ex = inp.exports
    vague = ex[(ex["year"] == year) & (ex["status"] == "unspecified") & ex["flow"].isin(oil.FLOW)]
    if vague.empty:
        return ""
    who = says(sorted(set(vague["reported_by"])))
    when = says(sorted({dates.label(d) for d in vague["source_date"]}))
    figures = says(f"{r.value_mt:g} Mt for {oil.FLOW_IN_TEXT[r.flow]}" for r in vague.itertuples())
    return (
        f"{oil.who(who)} gave {figures} on {when}, together {vague['value_mt'].sum():.1f} Mt, but without naming "
        "a period, so the book does not count them as the year's outturns. "
    )


def lower_bounds(inp: Inputs, year: int) -> str:
    """Flows that are part of an unassigned route and so bound it from below."""
    ex = inp.exports
    part = ex[(ex["year"] == year) & (ex["flow"] == "druzhba_germany") & ex["full_year"] & (ex["status"] == "outturn")]
    return " ".join(
        f"{r.reported_by}'s {r.value_mt:g} Mt delivered to Germany through Atyrau–Samara and Druzhba is "
        "part of that rest, so the Atyrau–Samara route carried at least as much."
        for r in part.itertuples()
    )


def no_total(inp: Inputs) -> str:
    """Sentences on the years inside the chart's span with no export total, and what was expected."""
    ex, out = inp.exports, []
    for year in oil.years_without_total(inp):
        est = ex[(ex["flow"] == "crude_exports") & (ex["status"] == "estimate") & (ex["year"] == year)]
        said = "".join(
            f": in {dates.label(r.source_date[:7])} {r.reported_by} expected {r.value_mt:.1f} Mt"
            for r in est.itertuples()
        )
        out.append(
            f"We found no full-year outturn for {year}{said}, and the chart leaves the year out rather than "
            "use an expectation."
        )
    return " ".join(out)


def facts(inp: Inputs) -> dict:
    years = oil.chart_years(inp)
    latest = years[-1]
    parts = oil.route_parts(inp)
    rest = parts[parts["flow"] == oil.FLOW["rest"]].set_index("year")["mt"]
    mak = oil.latest_by_flow(inp)["aktau_makhachkala"]
    mak_year, mak = mak["year"], mak["mt"]
    return {
        "exports_first_year": years[0],
        "exports_latest_year": latest,
        "exports_latest": fmt(inp.export_totals[latest], ".1f"),
        "btc_share_latest": fmt(btc_share(inp, latest), ".1f"),
        "btc_share_earlier": earlier_shares(inp),
        **cpc_facts(inp),
        "mak_year": mak_year,
        "mak": fmt(mak, ".1f"),
        "mak_vs_btc": "more" if mak > inp.used_btc.get(mak_year, 0) else "less",
        "rest_latest": fmt(rest[str(latest)], ".1f"),
        "rest_latest_pct": fmt(100 * rest[str(latest)] / inp.export_totals[latest], ".0f"),
        "export_gaps": gaps(inp),
        "export_no_total": no_total(inp),
        "no_total_years": says(map(str, oil.years_without_total(inp))) or "none",
        "route_gap_years": "; ".join(
            f"{says(oil.missing_routes(inp, y))} volumes for {y}"
            for y in years
            if y not in oil.btc_only_years(inp) and oil.missing_routes(inp, y)
        )
        or "none",
    }
