"""Where the corridor's transit time goes: the legs between checkpoints.

A source that gives the days from the start of the route to several checkpoints gives the days
of each leg by difference: low from low, high from high. The transport chapter's table of transit
times (transit_times) adds a checkpoint where it gives the days from the same start in the same
year, as "Altynkol-Aktau". The legs are the book's arithmetic on the sources' figures, and the
table and chart say so.
"""

from __future__ import annotations

import pandas as pd

from kzaz import dates
from kzaz.prose import fmt

from .inputs import Inputs


def checkpoints(inp: Inputs) -> pd.DataFrame:
    """Days from the start to each checkpoint: the latest source with the most, and transit_times' rows
    counted from the same start in the same year."""
    t = inp.time_split
    cum = t[t["cumulative"]].copy()
    cum["at"] = [dates.start_of(d) for d in cum["statement_date"]]
    counts = cum.groupby(["source_url", "period"]).agg(n=("figure_id", "size"), at=("at", "max"))
    url, period = counts.sort_values(["n", "at"]).index[-1]  # a source's checkpoints for one year
    own = cum[(cum["source_url"] == url) & (cum["period"] == period)]
    start = own["from_point"].iloc[0]
    tt = inp.transit
    more = tt[
        tt["stretch"].str.startswith(f"{start}-")
        & (tt["basis"] == "reported")
        & (tt["unit"] == "days")
        & tt["period"].astype(str).str.startswith(period)
    ]
    extra = pd.DataFrame(
        dict(
            figure_id=more["figure_id"],
            from_point=start,
            to_point=[s.split("-", 1)[1].split(" (")[0] for s in more["stretch"]],
            period=period,
            value_low=more["value_low"],
            value_high=more["value_high"].fillna(more["value_low"]),
            source_publisher=more["source_publisher"],
            primary_source=more["primary_source"],
            source_url=more["source_url"],
            statement_date=more["statement_date"],
        )
    )
    cols = list(extra.columns)
    return pd.concat([own[cols], extra], ignore_index=True).sort_values(["value_low", "value_high"])


def legs(inp: Inputs) -> pd.DataFrame:
    """Each leg between successive checkpoints: from, to, start and end day (low, high), days."""
    s = checkpoints(inp).reset_index(drop=True)
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


def halving(inp: Inputs) -> dict:
    """One statement's days to the Black Sea ports and on the Kazakh section, before and after (transit_times)."""
    tt = inp.transit
    now = tt[(tt["stretch"] == "China-Black Sea ports") & (tt["basis"] == "reported")].iloc[0]
    same = tt[tt["source_url"] == now["source_url"]]
    before = same[(same["stretch"] == now["stretch"]) & (same["basis"] == "earlier")].iloc[0]
    rail = same[same["stretch"] == "Kazakh section"].set_index("basis")["value_low"]
    return dict(now=now, before=before, rail_now=float(rail["reported"]), rail_before=float(rail["earlier"]))


def _days(lo: float, hi: float) -> str:
    return fmt(lo, ".0f") if lo == hi else f"{lo:.0f}–{hi:.0f}"


def facts(inp: Inputs) -> dict:
    lg, c, h = legs(inp), crossing(inp), halving(inp)
    first, last = lg.iloc[0], lg.iloc[-1]
    sea = lg.iloc[1] if len(lg) > 1 else first
    total_lo, total_hi = float(last["end_low"]), float(last["end_high"])
    hi_of = lambda r: r["value_high"] if pd.notna(r["value_high"]) else r["value_low"]  # noqa: E731
    return dict(
        time_by=lg["primary_source"].iloc[-1],
        time_said=dates.label(lg["statement_date"].iloc[-1]),
        time_period=lg["period"].iloc[0],
        time_from=first["leg"].split(" to ")[0],
        time_to=last["leg"].split(" to ")[-1],
        time_total=_days(total_lo, total_hi),
        n_legs=len(lg),
        n_time_sources=lg["source_url"].nunique(),
        time_first_leg=first["leg"],
        time_first_days=_days(first["days_low"], first["days_high"]),
        time_first_by=first["primary_source"],
        time_sea_leg=sea["leg"],
        time_sea_days=_days(sea["days_low"], sea["days_high"]),
        time_last_leg=last["leg"],
        time_last_days=_days(last["days_low"], last["days_high"]),
        time_last_share=f"{100 * last['days_low'] / total_lo:.0f}–{100 * last['days_high'] / total_hi:.0f}",
        crossing_hours=f"{24 * float(c['value_low']):.0f}–{24 * float(c['value_high']):.0f}",
        # The sea leg less the crossing: the days at the two ports (loading, waiting, handling).
        port_days=_days(
            round(sea["days_low"] - float(c["value_high"])), round(sea["days_high"] - float(c["value_low"]))
        ),
        crossing_by=c["source_publisher"].split(" (")[0],
        halving_from=str(h["before"]["period"]),
        halving_to=dates.label(str(h["now"]["period"])),
        halving_old=_days(float(h["before"]["value_low"]), float(hi_of(h["before"]))),
        halving_new=_days(float(h["now"]["value_low"]), float(hi_of(h["now"]))),
        halving_rail_old=fmt(h["rail_before"], ".0f"),
        halving_rail_new=fmt(h["rail_now"], ".0f"),
    )
