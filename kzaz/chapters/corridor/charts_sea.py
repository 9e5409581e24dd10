"""The Caspian's level: what gauges measured, and where published projections put it."""

from __future__ import annotations

import math

import altair as alt

from kzaz import theme
from kzaz.figures import Figure, figure

from . import sea
from .inputs import Inputs

KINDS = {"observed": theme.BLACK, "projection": theme.GREY}  # measured in black; a study's projection in grey


def level(inp: Inputs) -> Figure:
    lv = sea.level(inp)
    c = sea.change(inp)
    lv = lv[lv["year"] >= c["last_year"] - sea.WINDOW]  # the fall the chapter is about, from the 1977 low
    obs = lv[lv["kind"] == "observed"]
    proj = lv[lv["kind"] == "projection"]
    x = alt.X("year:Q", title=None, axis=alt.Axis(format="d", labelOverlap=True))
    lo, hi = float(lv["level_m"].min()), float(lv["level_m"].max())
    y = alt.Y(
        "level_m:Q",
        title="Metres against the Baltic datum",
        scale=alt.Scale(domain=[math.floor(lo) - 0.5, math.ceil(hi)], nice=False),  # room under the lowest label
    )
    tip = [
        alt.Tooltip("year:Q", title="Year", format="d"),
        alt.Tooltip("level_m:Q", title="Level, m", format=".2f"),
        alt.Tooltip("kind:N", title="Kind"),
        alt.Tooltip("series:N", title="Series"),
        alt.Tooltip("note:N", title="Note"),
        alt.Tooltip("source_publisher:N", title="Published by"),
    ]
    colour = alt.Color("kind:N", title=None, scale=theme.scale(KINDS, [k for k in KINDS if k in set(lv["kind"])]))
    # A thin dotted line only joins the years the sources give: it is no measurement in between.
    line = alt.Chart(obs).mark_line(strokeWidth=1, strokeDash=[2, 3]).encode(x=x, y=y, color=colour)
    dots = alt.Chart(lv).mark_point(filled=True, size=55, opacity=1).encode(x=x, y=y, color=colour, tooltip=tip)
    layers = [line, dots]
    if len(proj):
        last = proj[proj["year"] == proj["year"].max()].assign(
            label=lambda d: [f"{s.split(' (')[0]}, {sc}" for s, sc in zip(d["series"], d["scenario"])]
        )
        layers.append(
            alt.Chart(last)
            .mark_text(align="right", dx=-8, fontSize=10, color=theme.GREY)
            .encode(x=x, y=y, text="label:N")
        )
    return figure(
        alt.layer(*layers).properties(width=600, height=300),
        name="fig-mc-sea",
        title=f"The Caspian has fallen {c['fall_m']:.1f} m since {c['peak_year']}",
        subtitle=f"Level of the sea in the years the sources give, {int(lv['year'].min())}–{int(lv['year'].max())}"
        + ("; grey points are published projections" if len(proj) else ""),
        hint="Hover or tap for the source of each point",
        sources=["caspian_level"],
        alt_text=(
            f"Line of the Caspian's level in metres below the ocean from {int(obs['year'].min())} to "
            f"{int(obs['year'].max())} ({theme.colour_name(KINDS['observed'])}), highest in {c['peak_year']} at "
            f"{c['peak_m']:.2f} m and {c['last_m']:.2f} m in {c['last_year']}"
            + (
                f"; {len(proj)} projections ({theme.colour_name(KINDS['projection'])}) reach "
                f"{proj['level_m'].min():.1f} m by {int(proj['year'].max())}."
                if len(proj)
                else "."
            )
        ),
    )
