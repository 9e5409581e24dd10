"""Bilateral trade as each side counts it: annual totals, cumulative figures, implied values, the goal."""

from __future__ import annotations

import pandas as pd

from kzaz import periods, shares

from .inputs import WHOLE_YEAR, Inputs

SIDES = ["Kazakhstan", "Azerbaijan"]
NOT_STATED = "not stated"
AS_REPORTED = "as reported"
IMPLIED = "implied by stated growth (our arithmetic)"
KINDS = [AS_REPORTED, IMPLIED]
POINT_FIELDS = ["year", "reported_by", "value_musd", "kind", "when", "speaker", "source_publisher", "source_url"]


def turnover(inp: Inputs) -> pd.DataFrame:
    """Turnover figures the book uses (both directions together), oldest first."""
    t = inp.used
    return t[t["flow"] == "turnover"].sort_values(["year", "end_month"])


def annual(inp: Inputs) -> pd.DataFrame:
    """Whole-year turnover, one figure per year and side (the one the data mark as used)."""
    t = turnover(inp)
    return t[t["months"] == WHOLE_YEAR].assign(kind=AS_REPORTED)


def annual_by(inp: Inputs, side: str) -> pd.Series:
    """One side's whole-year turnover by year, million US$."""
    a = annual(inp)
    return a[a["reported_by"] == side].set_index("year")["value_musd"]


def implied(row: pd.Series) -> shares.Implied:
    """The year-earlier value a figure's stated growth implies, within the rounding of the statement."""
    return shares.implied_base(row["value_musd"], row["growth_multiple"], shares.stated_rounding(row["growth_stated"]))


def _year_earlier(d: str) -> str:
    return str(int(d[:4]) - 1) + d[4:]


def implied_point(row: pd.Series) -> dict:
    """A point for the value implied for the same months a year earlier, labelled with what it rests on."""
    more = "more than " if row["value_qualifier"] == "lower_bound" else ""
    return {
        "year": int(row["year"]) - 1,
        "reported_by": row["reported_by"],
        "end_month": int(row["end_month"]),
        "value_musd": implied(row).mid,
        "when": periods.label(_year_earlier(row["period_start"]), _year_earlier(row["period_end"])),
        "kind": IMPLIED,
        "speaker": f"implied by {more}{row['value_musd']:g} million for {row['when']}, {row['growth_stated']}",
        "source_publisher": row["source_publisher"],
        "source_url": row["source_url"],
        "growth_stated": row["growth_stated"],
    }


def implied_annual(inp: Inputs) -> pd.DataFrame:
    """Whole years a side reports no figure for, implied by its next year's stated growth."""
    t = inp.stated
    rows = t[(t["flow"] == "turnover") & (t["months"] == WHOLE_YEAR) & t["growth_multiple"].notna()]
    # One implied year per side: from the latest statement of the next year's growth.
    rows = rows.assign(said=rows["source_date"].fillna("0000")).sort_values("said", ascending=False)
    rows = rows.drop_duplicates(["year", "reported_by"], keep="first").sort_values(["year", "end_month"])
    reported = set(zip(annual(inp)["year"], annual(inp)["reported_by"]))
    pts = [implied_point(r) for _, r in rows.iterrows() if (r["year"] - 1, r["reported_by"]) not in reported]
    return pd.DataFrame(pts, columns=[*POINT_FIELDS, "end_month", "growth_stated"])


def annual_points(inp: Inputs) -> pd.DataFrame:
    """The annual chart: every whole-year figure as reported, and the implied earlier years."""
    imp = implied_annual(inp).sort_values("reported_by", key=lambda s: s.map(_side_order), kind="stable")
    return pd.concat([annual(inp)[POINT_FIELDS], imp[POINT_FIELDS]], ignore_index=True)


def _side_order(side: str) -> int:
    return (["Azerbaijan", "Kazakhstan", NOT_STATED]).index(side)


# --------------------------------------------------------------------------- since January


def goal(inp: Inputs) -> pd.DataFrame:
    """The statements of the trade goal in money, oldest first (all give one value: inputs checks it)."""
    m = inp.milestones
    return m[(m["kind"] == "target") & (m["unit"] == "million US$")].sort_values("start")


def goal_value(inp: Inputs) -> float:
    return float(goal(inp)["value"].iloc[0])


def cumulative_from(inp: Inputs) -> int:
    """The cumulative chart starts with the year the goal was first stated."""
    return int(goal(inp)["start"].iloc[0].year)


def cumulative(inp: Inputs) -> pd.DataFrame:
    """Figures from January of each year since the goal, by the side that gives them."""
    t = turnover(inp)
    return t[(t["reported_by"] != NOT_STATED) & (t["year"] >= cumulative_from(inp)) & t["from_january"]]


def cumulative_implied(inp: Inputs) -> list[dict]:
    """The year-earlier path implied by each side's latest year of figures from January, and implied years."""
    c = inp.stated
    c = c[
        (c["flow"] == "turnover") & (c["reported_by"] != NOT_STATED) & c["from_january"] & c["growth_multiple"].notna()
    ]
    latest = cumulative(inp).groupby("reported_by")["year"].max()
    rows = c[c["year"] == c["reported_by"].map(latest)]
    pts = [implied_point(r) for _, r in rows.sort_values("end_month").iterrows()]
    pts += [p for p in implied_annual(inp).to_dict("records") if p["year"] >= cumulative_from(inp)]
    return pts


def cumulative_points(inp: Inputs) -> pd.DataFrame:
    fields = [
        "year",
        "reported_by",
        "end_month",
        "value_musd",
        "when",
        "kind",
        "speaker",
        "source_publisher",
        "source_url",
    ]
    reported = cumulative(inp).assign(kind=AS_REPORTED).sort_values(["year", "end_month"], kind="stable")
    out = pd.concat([reported[fields], pd.DataFrame(cumulative_implied(inp))[fields]], ignore_index=True)
    out["year"] = out["year"].astype(str)
    return out


def latest_cumulative(inp: Inputs, side: str) -> pd.Series:
    """A side's latest figure from January (the most months of its latest year)."""
    c = cumulative(inp)
    c = c[c["reported_by"] == side]
    return c.sort_values(["year", "end_month"]).iloc[-1]


# --------------------------------------------------------------------------- flows each way


def flows(inp: Inputs, side: str) -> pd.DataFrame:
    """One side's periods, a column per flow (million US$) and per flow's qualifier (`<flow>_q`)."""
    t = inp.used
    t = t[t["reported_by"] == side]
    key = ["period_start", "period_end", "year", "months", "when"]
    value = t.pivot_table(index=key, columns="flow", values="value_musd", aggfunc="first")
    qualifier = t.pivot_table(index=key, columns="flow", values="value_qualifier", aggfunc="first")
    return value.join(qualifier.add_suffix("_q")).reset_index().sort_values(["year", "months"])


def both_ways(inp: Inputs, side: str, whole_year: bool = False) -> pd.Series:
    """A side's latest period with both directions given (optionally a whole year)."""
    f = flows(inp, side)
    f = f[f["kaz_to_aze"].notna() & f["aze_to_kaz"].notna()]
    if whole_year:
        f = f[f["months"] == WHOLE_YEAR]
    return f.iloc[-1]


def with_turnover(inp: Inputs, side: str) -> pd.Series:
    """A side's latest period with its imports from Kazakhstan and the turnover given."""
    f = flows(inp, side)
    return f[f["kaz_to_aze"].notna() & f["turnover"].notna()].iloc[-1]


def export_share(row: pd.Series) -> float:
    """Kazakhstan's exports as a % of turnover: of the two flows added where both are exact, else of
    the turnover the source gives (a flow given as 'more than' makes the sum a bound)."""
    exact = row.get("kaz_to_aze_q") == "exact" and row.get("aze_to_kaz_q") == "exact"
    total = row["kaz_to_aze"] + row["aze_to_kaz"] if exact else row["turnover"]
    return shares.percent_of(row["kaz_to_aze"], total, whole_name="turnover")
