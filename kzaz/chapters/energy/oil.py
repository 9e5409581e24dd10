"""Kazakh oil through Azerbaijan: the yearly figures, the agreements, the pipeline, the other routes.

Which figure the book uses for a year is recorded in the data (`book_uses`, with
`book_uses_reason`); here it is only selected. Rows picked by id are named historical
statements (the cumulative figure of October 2025, the first half of the year of the halt,
Azerbaijan's count of 2023 at the entry into BTC).
"""

from __future__ import annotations

import re

import pandas as pd

from kzaz import dates, shares
from kzaz.markdown import says

from .inputs import Inputs

SCOPE = {"total": "All Kazakh oil on the route", "tengiz_only": "Tengiz oil only"}
SCOPE_IN_TEXT = {"total": "all Kazakh oil on the route", "tengiz_only": "Tengiz oil only"}
FLOW_IN_TEXT = {
    "cpc": "the CPC",
    "atyrau_samara": "the Atyrau–Samara pipeline",
    "aktau_makhachkala": "the tankers to Makhachkala",
    "kazakhstan_china": "the pipeline to China",
}
# Named statements the text discusses.
CUMULATIVE = "btc-cumulative-2025-10"  # Azerbaijan's energy minister, October 2025
HALF_YEAR_BEFORE_HALT = "btc-2025-01-06"  # the first half of the year shipments were halted
AT_BTC_ENTRY = ("btc-2023-04-09-az", "btc-2023-01-09")  # Azerbaijan's count at BTC's entry; Aktau loadings
# Kazakhstan's export routes, as the exports chart names them, in stacking order; "rest" is what
# the sources do not assign to a route.
FLOW = {
    "cpc": "CPC to Novorossiysk",
    "atyrau_samara": "Atyrau–Samara",
    "aktau_makhachkala": "Aktau–Makhachkala (tanker)",
    "kazakhstan_china": "Pipeline to China",
    "aktau_btc": "Aktau–Baku–BTC",
    "rest": "Not itemised in the sources",
}


def full_year_figures(inp: Inputs) -> pd.DataFrame:
    """Every full-year figure for Kazakh oil toward BTC, reported or estimated (no plans)."""
    btc = inp.btc
    return btc[btc["full_year"] & btc["status"].isin(["outturn", "estimate"])].copy()


def flows_by_scope(inp: Inputs) -> dict[str, pd.Series]:
    """The flow an agreement is measured by: the book's figure for all oil, full-year outturns for one field."""
    btc = inp.btc
    out = {"total": inp.used_btc}
    single = btc[(btc["scope"] != "total") & btc["full_year"] & (btc["status"] == "outturn")]
    for scope, g in single.groupby("scope"):
        out[scope] = g.set_index("year")["value_mt"].astype(float)
    return out


def compare(inp: Inputs) -> pd.DataFrame:
    """Each agreement in force against the flow of the same oil, year by year, with the share used."""
    flows = flows_by_scope(inp)
    rows = [
        {
            "year": y,
            "agreement_id": d.agreement_id,
            "scope": d.scope,
            "ceiling": float(d.volume_max_mt_per_year),
            "flow": float(flows[d.scope][y]),
            "signed": d.date,
            "applies_from": d.applies_from,
            "oil": d.oil,
        }
        for y in inp.years
        for d in inp.deals[inp.deals["from_year"] <= y].itertuples()
        if d.scope in flows and y in flows[d.scope].index
    ]
    out = pd.DataFrame(rows)
    out["util"] = [
        shares.percent_of(f, c, whole_name="agreed ceiling for the same oil")
        for f, c in zip(out["flow"], out["ceiling"])
    ]
    return out


def agreement_sentence(inp: Inputs, deal) -> str:
    rows = compare(inp)
    rows = rows[rows["agreement_id"] == deal.agreement_id]
    what = f"{deal.oil} oil" if deal.scope != "total" else "Kazakh oil, naming no field"
    head = (
        f"The agreement of {dates.label(deal.date)} covers {deal.volume_max_mt_per_year:g} Mt a year of {what}, "
        f"applying from {dates.label(deal.applies_from)}"
    )
    if not len(rows):
        return head + "; no figure counts that oil alone, so it cannot be measured."
    counted = f"the {deal.oil} oil shipped" if deal.scope != "total" else "all Kazakh oil on the route"
    uses = ", ".join(f"{r.util:.0f}% in {r.year} ({r.flow:.3g} Mt)" for r in rows.itertuples())
    return head + f". Set against {counted}, shipments used {uses}."


def unmeasured_deals(inp: Inputs) -> pd.DataFrame:
    """Agreements for oil that no figure counts alone (the chart cannot show them)."""
    measured = set(compare(inp)["agreement_id"])
    return inp.deals[~inp.deals["agreement_id"].isin(measured)]


def latest_ceiling(inp: Inputs) -> float:
    """The largest agreed volume for Kazakh oil naming no field: the contracted volume."""
    return float(inp.deals.loc[inp.deals["scope"] == "total", "volume_max_mt_per_year"].max())


def used_row(inp: Inputs, year: int) -> pd.Series:
    return inp.btc[inp.btc["book_uses"] & (inp.btc["year"] == year)].iloc[0]


def part_year_outturns(inp: Inputs, year: int, scope: str = "total") -> pd.DataFrame:
    """Outturns of a year counted from January to a month before December (Aktau loadings, not the cumulative)."""
    btc = inp.btc
    return btc[
        (btc["year"] == year)
        & (btc["status"] == "outturn")
        & (btc["scope"] == scope)
        & ~btc["full_year"]
        & (btc["period_start"] == f"{year}-01")
        & (btc["figure_id"] != CUMULATIVE)
    ]


def latest_part_year(inp: Inputs, year: int, by_end: str | None = None) -> pd.DataFrame:
    """The figures for the longest part of a year reported (to `by_end` at most): the latest floor for the year."""
    rows = part_year_outturns(inp, year)
    if by_end is not None:
        rows = rows[rows["period_end"] <= by_end]
    return rows[rows["period_end"] == rows["period_end"].max()]


def floor(inp: Inputs, year: int) -> float:
    """The least a year's shipments can have been: the book's figure, unless only one source gives it; then the
    largest figure for part of the year."""
    row = used_row(inp, year)
    if row["check"] != "single source" or part_year_outturns(inp, year).empty:
        return float(row["value_mt"])
    return float(latest_part_year(inp, year)["value_mt"].max())


def estimates(inp: Inputs, year: int) -> pd.DataFrame:
    """Full-year figures for all oil on the route stated before the year ended."""
    btc = inp.btc
    return btc[(btc["year"] == year) & btc["full_year"] & (btc["status"] == "estimate") & (btc["scope"] == "total")]


def who(name: str) -> str:
    """A source's name as the subject of a sentence: 'the Ministry of Energy of Kazakhstan', 'KazMunayGas'."""
    return "the " + name if name.split(" ")[0] in ("Ministry", "State", "Government", "Prime") else name


def year_text(inp: Inputs, year: int) -> str:
    """What the sources give for one year: the figure the book uses, how sure it is, and what was expected."""
    row = used_row(inp, year)
    text = f"for {year} {who(row['reported_by'])} reported {row['value_mt']:g} Mt"
    said: dict[str, list[str]] = {}
    if row["check"] == "single source":
        text += ", a figure only one source gives"
        part = latest_part_year(inp, year)
        if len(part):
            p = part.sort_values("value_mt").iloc[-1]
            said.setdefault(p["reported_by"], []).append(
                f"counted {p['value_mt']:g} Mt by the end of {dates.start_of(p['period_end']).strftime('%B')}"
            )
    for r in estimates(inp, year).itertuples():
        said.setdefault(r.reported_by, []).append(f"expected {r.value_mt:g} Mt in {dates.label(r.source_date[:7])}")
    if said:
        text += "; " + says(f"{who(name)} had {' and '.join(what)}" for name, what in said.items())
    return text


def plans_after(inp: Inputs) -> pd.DataFrame:
    """Plans for all oil on the route for the years after the last reported one."""
    btc = inp.btc
    return btc[
        (btc["year"] > inp.last_year) & btc["full_year"] & (btc["status"] == "plan") & (btc["scope"] == "total")
    ].sort_values("value_mt")


def tengiz_rows(inp: Inputs) -> tuple[pd.Series, pd.Series]:
    """The Tengiz-only full-year figure, and the used total of the same year it is part of."""
    tengiz = inp.btc[(inp.btc["scope"] == "tengiz_only") & inp.btc["full_year"]].iloc[0]
    return tengiz, used_row(inp, int(tengiz["year"]))


def halt_rows(inp: Inputs) -> tuple[pd.Series, pd.Series, pd.DataFrame]:
    """The year of the halt: its first half, the figures to the end of August, and what was expected for the year
    before it ended (plans and estimates), in the order they were stated."""
    btc = inp.btc.set_index("figure_id", drop=False)
    half = btc.loc[HALF_YEAR_BEFORE_HALT]
    year = int(half["year"])
    to_aug = btc[(btc["period_start"] == f"{year}-01") & (btc["period_end"] == f"{year}-08")]["value_mt"]
    expected = btc[
        btc["status"].isin(["plan", "estimate"]) & (btc["year"] == year) & btc["full_year"] & (btc["scope"] == "total")
    ]
    return half, to_aug, expected.sort_values(["source_date", "value_mt"])


def publisher(name: str) -> str:
    """A publisher's name without its parenthesis ('Star (Anadolu Agency, in Turkish)' -> 'Star')."""
    return re.sub(r"\s*\(.*\)$", "", name)


def expected_text(rows: pd.DataFrame) -> str:
    """'1.2 Mt (The Caspian Post, 2 October 2025), 1.7 Mt (Star, 2 October 2025; ...) and 1.5 Mt (...)'."""
    by_value: dict[float, list[str]] = {}
    for r in rows.itertuples():
        by_value.setdefault(r.value_mt, []).append(f"{publisher(r.source_publisher)}, {dates.label(r.source_date)}")
    return says(f"{v:g} Mt ({'; '.join(who)})" for v, who in by_value.items())


def unspecified(inp: Inputs, year: int) -> pd.DataFrame:
    """Figures for a year whose source names no period (not outturns)."""
    btc = inp.btc
    return btc[(btc["year"] == year) & (btc["status"] == "unspecified")]


def cumulative(inp: Inputs) -> dict:
    """The minister's cumulative figure against the yearly figures it spans, as a range.

    The statement covers whole years from its start and part of its last year: the whole
    years at the book's figures (at their floor for the low end) plus the longest part of
    the last year reported before the statement.
    """
    btc = inp.btc.set_index("figure_id", drop=False)
    cum = btc.loc[CUMULATIVE]
    first, last = int(cum["period_start"][:4]), int(cum["period_end"][:4])
    whole = [y for y in inp.years if first <= y < last]
    part = latest_part_year(inp, last, cum["period_end"])
    lo = sum(floor(inp, y) for y in whole) + float(part["value_mt"].min())
    hi = float(inp.used_btc[whole].sum()) + float(part["value_mt"].max())
    earlier = float(inp.used_btc[[y for y in inp.years if y < first]].sum())
    floored = [y for y in whole if floor(inp, y) < inp.used_btc[y]]
    return {
        "row": cum,
        "since": first,
        "lo": lo,
        "hi": hi,
        "lo_with_earlier": lo + earlier,
        "hi_with_earlier": hi + earlier,
        "part_end": part["period_end"].iloc[0],
        "floored": floored,
    }


def periodic_label(row: pd.Series) -> str:
    """'January–October 2024' for a part of one year."""
    a, b = dates.start_of(row["period_start"]), dates.start_of(row["period_end"])
    return f"{a.strftime('%B')}–{b.strftime('%B')} {a.year}"


# --------------------------------------------------------------------------- exports by route


def chart_years(inp: Inputs) -> list[int]:
    """Years with both an export total and a BTC figure the book uses."""
    return [int(y) for y in inp.export_totals.index if y in inp.used_btc.index]


def route_parts(inp: Inputs) -> pd.DataFrame:
    """The exports chart's rows: each year's total split by route, with what the sources do not assign.

    Only figures whose source names their period can be used (inputs checks it), so every part is one.
    """
    used, totals, parts = inp.used_exports, inp.export_totals, []
    for year in chart_years(inp):
        rows = used[(used["year"] == year) & used["flow"].isin(FLOW)]
        items = {f: float(v) for f, v in zip(rows["flow"], rows["value_mt"])}
        items["aktau_btc"] = float(inp.used_btc[year])
        items["rest"] = max(totals[year] - sum(items.values()), 0.0)
        for flow, value in items.items():  # stacked by `order`; rows in the order the sources list them
            parts.append(
                {
                    "year": str(year),
                    "flow": FLOW[flow],
                    "order": list(FLOW).index(flow),
                    "mt": value,
                    "share": shares.percent_of(value, totals[year], whole_name=f"Kazakh crude exports {year}"),
                }
            )
    return pd.DataFrame(parts)


def years_without_total(inp: Inputs) -> list[int]:
    years = chart_years(inp)
    return [y for y in range(min(years), max(years) + 1) if y not in years]


def btc_only_years(inp: Inputs) -> list[int]:
    """Chart years for which the sources itemise no route but BTC."""
    used = inp.used_exports
    return [y for y in chart_years(inp) if used[(used["year"] == y) & used["flow"].isin(FLOW)].empty]


def missing_routes(inp: Inputs, year: int, names: dict[str, str] = FLOW) -> list[str]:
    """The routes (other than BTC) with no figure for a year whose other routes are itemised."""
    have = set(inp.used_exports.loc[inp.used_exports["year"] == year, "flow"])
    return [names[f] for f in FLOW if f not in ("aktau_btc", "rest") and f not in have]


def latest_by_flow(inp: Inputs) -> dict[str, dict]:
    """For each route: the latest full-year figure the book uses; where there is none, the latest outturn for part
    of a year (`full` False). Each: year, label (the period in words), mt, full."""
    used = inp.used_exports[inp.used_exports["flow"].isin(FLOW)]
    latest = {}
    for flow, g in used.groupby("flow"):
        r = g.loc[g["year"].idxmax()]
        latest[flow] = {"year": int(r["year"]), "label": str(int(r["year"])), "mt": float(r["value_mt"]), "full": True}
    ex = inp.exports
    part = ex[ex["flow"].isin(FLOW) & (ex["status"] == "outturn") & ~ex["flow"].isin(list(latest))]
    for flow, g in part.groupby("flow"):
        r = g.sort_values(["period_end", "period_start"]).iloc[-1]
        latest[flow] = {"year": int(r["year"]), "label": periodic_label(r), "mt": float(r["value_mt"]), "full": False}
    latest["aktau_btc"] = {
        "year": inp.last_year,
        "label": str(inp.last_year),
        "mt": float(inp.used_btc[inp.last_year]),
        "full": True,
    }
    return latest


def flow_rows(inp: Inputs, flow: str, year: int) -> pd.DataFrame:
    """Full-year outturns of one flow and year: the one the book uses first."""
    ex = inp.exports
    rows = ex[(ex["flow"] == flow) & (ex["year"] == year) & ex["full_year"] & (ex["status"] == "outturn")]
    return rows.sort_values("book_uses", ascending=False)
