"""The days of each leg, as the days from the Chinese border at which a container reaches each checkpoint."""

from __future__ import annotations

import altair as alt

from kzaz import theme
from kzaz.figures import Figure, figure

from . import timesplit
from .inputs import Inputs

BAR, ROW = 12, 44  # px: a bar, and a row of label over bar


def time_split(inp: Inputs) -> Figure:
    lg = timesplit.legs(inp)
    f = timesplit.facts(inp)
    lg["days"] = [f"{lo:.0f}" if lo == hi else f"{lo:.0f}–{hi:.0f}" for lo, hi in zip(lg["days_low"], lg["days_high"])]
    lg["label"] = [f"{leg}: {d} days" for leg, d in zip(lg["leg"], lg["days"])]
    y = alt.Y("leg:N", sort=list(lg["leg"]), title=None, axis=None)
    tip = [
        alt.Tooltip("leg:N", title="Leg"),
        alt.Tooltip("days:N", title="Days (difference of the stated times)"),
        alt.Tooltip("primary_source:N", title="Stated by"),
        alt.Tooltip("source_publisher:N", title="Published by"),
    ]
    x = alt.X("start_low:Q", title=f"Days from {f['time_from']}")
    solid = (
        alt.Chart(lg)
        .mark_bar(height=BAR, color=theme.ROUTE["Middle Corridor"])
        .encode(y=y, x=x, x2="end_low:Q", tooltip=tip)
    )
    spread = (
        alt.Chart(lg)
        .mark_bar(height=BAR, color=theme.ROUTE["Middle Corridor"], opacity=0.35)
        .encode(y=y, x="end_low:Q", x2="end_high:Q", tooltip=tip)
    )
    labels = (
        alt.Chart(lg)
        .mark_text(align="left", baseline="bottom", dy=-BAR / 2 - 3, fontSize=11)
        .encode(y=y, x=alt.value(0), text="label:N")
    )
    return figure(
        alt.layer(solid, spread, labels).properties(width=600, height=ROW * len(lg)),
        name="fig-mc-time",
        title=f"{f['time_sea_leg']}: {f['time_sea_days']} days, for a crossing of {f['crossing_hours']} hours",
        subtitle=f"Days from {f['time_from']} to each checkpoint in {f['time_period']}, as the {f['time_by']} "
        f"and {f['time_first_by']} stated them; each leg is the difference (pale: the range a source gives)",
        hint="Hover or tap for the source",
        sources=["corridor_time_split", "transit_times"],
        alt_text=(
            f"Green bars for {len(lg)} legs of the route, each starting where the one before ends: "
            + "; ".join(f"{r.leg}, {r.days} days" for r in lg.itertuples())
            + f". {f['time_total']} days in all."
        ),
    )
