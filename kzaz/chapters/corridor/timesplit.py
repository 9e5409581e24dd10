"""Where the corridor's transit time goes: the legs between one source's checkpoints.

A source that gives the days from the start of the route to several checkpoints gives the days
of each leg by difference: low from low, high from high. The legs are the book's arithmetic on
the source's figures, and the table and chart say so.
"""

from __future__ import annotations

import pandas as pd

from kzaz import dates
from kzaz.prose import fmt

from .inputs import Inputs


def legs(inp: Inputs) -> pd.DataFrame:
    """Legs from the latest source with the most checkpoints: from, to, start and end day (low, high)."""
    t = inp.time_split
    cum = t[t["cumulative"]].copy()
    cum["at"] = [dates.start_of(d) for d in cum["statement_date"]]
    counts = cum.groupby(["source_url", "period"]).agg(n=("figure_id", "size"), at=("at", "max"))
    url, period = counts.sort_values(["n", "at"]).index[-1]  # a source's checkpoints for one year
    s = cum[(cum["source_url"] == url) & (cum["period"] == period)].sort_values("value_low").reset_index(drop=True)
    rows, start_lo, start_hi, start = [], 0.0, 0.0, s["from_point"].iloc[0]
    for r in s.itertuples(index=False):
        rows.append(
            dict(
                leg=f"{start} to {r.to_point}",
                start_low=start_lo,
                start_high=start_hi,
                end_low=float(r.value_low),
                end_high=float(r.value_high),
                days_low=float(r.value_low) - start_lo,
                days_high=float(r.value_high) - start_hi,
                period=r.period,
                source_publisher=r.source_publisher,
                primary_source=r.primary_source,
                source_url=r.source_url,
                statement_date=r.statement_date,
            )
        )
        start_lo, start_hi, start = float(r.value_low), float(r.value_high), r.to_point
    return pd.DataFrame(rows)


def crossing(inp: Inputs) -> pd.Series:
    """The sea crossing on its own (a leg, not counted from the start)."""
    t = inp.time_split
    return t[~t["cumulative"]].iloc[0]


def halving(inp: Inputs) -> pd.DataFrame:
    """One source's totals to the Black Sea for successive years, with the Kazakh rail section."""
    t = inp.time_split
    cum = t[t["cumulative"] & (t["to_point"] == "Black Sea ports")].sort_values("period")
    rail = t[t["cumulative"] & (t["to_point"] == "Kazakh Caspian ports")].set_index("period")
    cum = cum.assign(rail=[float(rail.loc[p, "value_low"]) if p in rail.index else None for p in cum["period"]])
    return cum.reset_index(drop=True)


def _days(lo: float, hi: float) -> str:
    return fmt(lo, ".0f") if lo == hi else f"{lo:.0f}–{hi:.0f}"


def facts(inp: Inputs) -> dict:
    lg, c, h = legs(inp), crossing(inp), halving(inp)
    first, last = lg.iloc[0], lg.iloc[-1]
    total_lo, total_hi = float(last["end_low"]), float(last["end_high"])
    old, new = h.iloc[0], h.iloc[-1]
    return dict(
        time_by=lg["primary_source"].iloc[0],
        time_said=dates.label(lg["statement_date"].iloc[0]),
        time_period=lg["period"].iloc[0],
        time_from=first["leg"].split(" to ")[0],
        time_to=last["leg"].split(" to ")[-1],
        time_total=_days(total_lo, total_hi),
        time_first_leg=first["leg"],
        time_first_days=_days(first["days_low"], first["days_high"]),
        time_last_leg=last["leg"],
        time_last_days=_days(last["days_low"], last["days_high"]),
        time_last_share=f"{100 * last['days_low'] / total_lo:.0f}–{100 * last['days_high'] / total_hi:.0f}",
        crossing_hours=f"{24 * float(c['value_low']):.0f}–{24 * float(c['value_high']):.0f}",
        crossing_by=c["source_publisher"].split(" (")[0],
        halving_from=old["period"],
        halving_to=new["period"],
        halving_old=_days(float(old["value_low"]), float(old["value_high"])),
        halving_new=_days(float(new["value_low"]), float(new["value_high"])),
        halving_rail_old=fmt(old["rail"], ".0f"),
        halving_rail_new=fmt(new["rail"], ".0f"),
    )
