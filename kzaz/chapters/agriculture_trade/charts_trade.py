"""The two trade charts: annual turnover as each side reports it, and turnover since January."""

from __future__ import annotations

import altair as alt
import pandas as pd

from kzaz import theme
from kzaz.figures import Figure, figure

from . import trade
from .inputs import Inputs

SIDE = {
    "Kazakhstan": theme.COUNTRY["Kazakhstan"],
    "Azerbaijan": theme.COUNTRY["Azerbaijan"],
    trade.NOT_STATED: theme.GREY,
}
OPEN = "open: implied (our arithmetic)"
WHITE = "#ffffff"


def _fill(sides: list[str]) -> tuple[dict, alt.Fill]:
    """Points filled with their side's colour; implied values open. One legend says which is which."""
    colours = {**{s: SIDE[s] for s in sides}, OPEN: WHITE}
    calc = {"fill_key": alt.expr.if_(alt.datum.kind == trade.IMPLIED, OPEN, alt.datum.reported_by)}
    legend = alt.Legend(title="Figure from", symbolStrokeColor=theme.GREY, symbolStrokeWidth=1.5)
    return calc, alt.Fill("fill_key:N", scale=theme.scale(colours), legend=legend)


TIPS = [
    alt.Tooltip("when:N", title="Period"),
    alt.Tooltip("value_musd:Q", title="Million US$", format=",.1f"),
    alt.Tooltip("kind:N", title="Kind"),
    alt.Tooltip("speaker:N", title="Given by"),
    alt.Tooltip("source_publisher:N", title="Source"),
]


def _listed(points: pd.DataFrame, side: str, what) -> str:
    rows = points[points["reported_by"] == side]
    return ", ".join(what(r) + (" (implied)" if r.kind != trade.AS_REPORTED else "") for r in rows.itertuples())


def turnover(inp: Inputs) -> Figure:
    pts, goal = trade.annual_points(inp), trade.goal_value(inp)
    years = list(range(int(pts["year"].min()), int(pts["year"].max()) + 1))
    calc, fill = _fill(list(SIDE))
    marks = (
        alt.Chart(pts)
        .transform_calculate(**calc)
        .mark_point(size=140, strokeWidth=2, opacity=1)
        .encode(
            x=alt.X("year:O", title=None, scale=alt.Scale(domain=years), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("value_musd:Q", title="Million US$", scale=alt.Scale(domain=[0, 1.05 * goal])),
            stroke=alt.Stroke("reported_by:N", scale=theme.scale(SIDE), legend=None),
            fill=fill,
            href="source_url:N",
            tooltip=[
                alt.Tooltip("when:N", title="Period"),
                alt.Tooltip("value_musd:Q", title="Million US$", format=",.1f"),
                alt.Tooltip("reported_by:N", title="Figure from"),
                alt.Tooltip("kind:N", title="Kind"),
                alt.Tooltip("speaker:N", title="Given by"),
                alt.Tooltip("source_publisher:N", title="Source"),
            ],
        )
    )
    line = alt.Chart(pd.DataFrame({"y": [goal], "label": [f"USD {goal / 1000:g} billion goal"]}))
    rule = line.mark_rule(color=theme.BLACK, strokeDash=[6, 4]).encode(y="y:Q")
    text = line.mark_text(align="left", dx=4, dy=-8, color=theme.BLACK).encode(y="y:Q", x=alt.value(0), text="label:N")
    words = {"not stated": "Reporting side not stated"}
    ordered = pts.sort_values("year", kind="stable")
    return figure(
        alt.layer(rule, text, marks).properties(width=620, height=300),
        name="fig-agt-turnover",
        title="Annual Kazakh-Azerbaijani trade turnover, as each side reports it",
        subtitle=(
            "Million US$. Filled: figure as reported; open: an earlier year implied by a stated growth rate "
            f"(our arithmetic); dashed line: the USD {goal / 1000:g} billion goal"
        ),
        hint="Click a point to open its source",
        sources=["bilateral_trade", "trade_milestones"],
        alt_text=(
            "Dot chart of annual trade turnover in million US dollars, coloured by the side that gives the "
            f"figure ({', '.join(f'{theme.colour_name(c)}: {s}' for s, c in SIDE.items())}); implied values "
            "are open circles. "
            + " ".join(
                f"{words.get(side, side)}: " + _listed(ordered, side, lambda r: f"{r.value_musd:.0f} in {r.year}") + "."
                for side in ["Azerbaijan", "Kazakhstan", trade.NOT_STATED]
            )
            + f" All lie below the goal of {goal:.0f} million."
        ),
    )


def _panel(points: pd.DataFrame, side: str, fill: tuple) -> alt.LayerChart:
    colour = SIDE[side]
    x = alt.X("end_month:Q", title="Months from January", scale=alt.Scale(domain=[1, 12]), axis=alt.Axis(tickCount=12))
    y = alt.Y("value_musd:Q", title="Million US$")
    base = alt.Chart(points).transform_filter(alt.datum.reported_by == side).encode(x=x, y=y)
    lines = base.mark_line(color=colour, strokeDash=[4, 3], opacity=0.7).encode(detail="year:N")
    calc, fill_channel = fill
    marks = (
        base.transform_calculate(**calc)
        .mark_point(size=90, strokeWidth=2, opacity=1, color=colour)
        .encode(fill=fill_channel, href="source_url:N", tooltip=TIPS)
    )
    # Each year's line is named at its last point; ends that nearly coincide share one label.
    names = (
        base.transform_filter(alt.datum.end_label != "")
        .mark_text(align="left", dx=8, fontSize=11, color=theme.GREY)
        .encode(text="end_label:N")
    )
    title = alt.TitleParams(f"Figures from {side}", fontSize=13, color=colour)
    return alt.layer(lines, marks, names).properties(width="container", height=210, title=title)


CLOSE = 0.04  # line ends closer than this share of a panel's range share a label


def end_labels(pts: pd.DataFrame) -> pd.Series:
    """The label at the end of each year's line ('2023, 2024' where two ends nearly coincide), '' elsewhere."""
    labels = pd.Series("", index=pts.index)
    for _, side in pts.groupby("reported_by"):
        ends = side[side["end_month"] == side.groupby("year")["end_month"].transform("max")]
        ends = ends.drop_duplicates("year", keep="first").sort_values("value_musd")
        span = CLOSE * side["value_musd"].max()
        group, last = [], None
        for i, r in ends.iterrows():
            if group and (r["end_month"] != last["end_month"] or r["value_musd"] - last["value_musd"] > span):
                labels[group[0]] = ", ".join(sorted(pts.loc[group, "year"]))
                group = []
            group.append(i)
            last = r
        if group:
            labels[group[0]] = ", ".join(sorted(pts.loc[group, "year"]))
    return labels


def ytd(inp: Inputs) -> Figure:
    pts = trade.cumulative_points(inp)
    pts = pts.assign(end_label=end_labels(pts))
    years = sorted(pts["year"].unique())
    fill = _fill(trade.SIDES)
    chart = alt.vconcat(*(_panel(pts, side, fill) for side in trade.SIDES), spacing=18).resolve_scale(fill="shared")
    per_side = " ".join(
        f"{side} figures: "
        + "; ".join(
            f"{y}: "
            + ", ".join(
                f"{r.value_musd:.0f} after {r.end_month} months" + (" (implied)" if r.kind != trade.AS_REPORTED else "")
                for r in grp.sort_values("end_month").itertuples()
            )
            for y, grp in pts[pts["reported_by"] == side].groupby("year")
        )
        + "."
        for side in trade.SIDES
    )
    return figure(
        chart,
        name="fig-agt-ytd",
        title=f"Trade turnover since January, {years[0]}–{years[-1]}, by the side that reports it",
        subtitle="Million US$ from January to the month shown, one line per year; open circles: the same months "
        "a year earlier, implied by a stated growth multiple (our arithmetic)",
        hint="Click a point to open its source",
        sources=["bilateral_trade"],
        alt_text=(
            f"Two panels, one above the other, of cumulative turnover since January against months covered: "
            f"Kazakhstan's figures in {theme.colour_name(SIDE['Kazakhstan'])}, Azerbaijan's in "
            f"{theme.colour_name(SIDE['Azerbaijan'])}, one dashed line per year, named at its end; implied "
            f"values are open circles. {per_side}"
        ),
    )
