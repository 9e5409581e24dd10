"""The BTC chart: the figure the book uses each year, the other sources' figures, the agreed ceilings.

Uncertain values look uncertain: a used figure that only one source gives is a pale,
outlined bar; a figure stated before the year ended is an open circle, a plan for a year
not yet reported an open diamond; each has its legend entry. (A figure whose source names
no period is never used and not drawn: it is in the table.)
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from kzaz import dates, theme
from kzaz.figures import Figure, figure
from kzaz.markdown import says

from . import colours, oil
from .inputs import Inputs

BAR = {True: "Figure the book uses", False: "The same, from a single source (less certain)"}
OTHER = {
    "total": "Another source: all Kazakh oil",
    "tengiz_only": "Another source: Tengiz oil only",
    "estimate": "Another source: stated before the year ended",
    "plan": "Plan for a year not yet reported",
}
OTHER_SHAPE = {"total": "circle", "tengiz_only": "triangle-down", "estimate": "circle", "plan": "diamond"}
OPEN = ("estimate", "plan")  # drawn as outlines
CEILING = "Agreed ceiling for the same oil (SOCAR–KMG)"
STATUS = {
    "outturn": "reported after the year",
    "estimate": "stated before the year ended",
    "plan": "a plan or expectation",
}
PALE = "#d4efe6"  # the route's green, pale: a used figure that only one source gives
X = alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0))


def bar_rows(inp: Inputs) -> pd.DataFrame:
    full = oil.full_year_figures(inp)
    bars = full[full["book_uses"]][["year", "value_mt", "source_publisher", "reported_by", "check"]].copy()
    bars["what"] = (bars["check"] != "single source").map(BAR)
    return bars


def other_rows(inp: Inputs) -> pd.DataFrame:
    """Other sources' full-year figures, and the plans for the years after the last one reported."""
    full = oil.full_year_figures(inp)
    others = pd.concat([full[~full["book_uses"]], oil.plans_after(inp)])
    others["what"] = [OTHER[s if s in OPEN else c] for s, c in zip(others["status"], others["scope"])]
    others["scope_label"] = others["scope"].map(oil.SCOPE)
    others["status_label"] = others["status"].map(STATUS)
    return others[["year", "value_mt", "what", "scope_label", "status_label", "source_publisher", "reported_by"]]


def ranges(inp: Inputs) -> pd.DataFrame:
    rng = oil.full_year_figures(inp).groupby("year")["value_mt"].agg(["min", "max"]).reset_index()
    return rng[rng["min"] < rng["max"]]


def ceilings(inp: Inputs) -> pd.DataFrame:
    c = oil.compare(inp)
    out = c.assign(
        what=CEILING, counts=c["scope"].map(oil.SCOPE), tip=[f"Agreement of {dates.label(d)}" for d in c["signed"]]
    )
    return out[["year", "ceiling", "what", "counts", "tip", "util"]]


def layers(inp: Inputs) -> list[alt.Chart]:
    green = colours.VIA_AZERBAIJAN
    bars = (
        alt.Chart(bar_rows(inp))
        .mark_bar(width={"band": 0.55}, stroke=green, strokeWidth=1.5)
        .encode(
            x=X,
            y=alt.Y("value_mt:Q", title="Million tonnes"),
            color=alt.Color(
                "what:N",
                scale=alt.Scale(domain=list(BAR.values()), range=[green, PALE]),
                legend=alt.Legend(
                    title=None,
                    symbolType="square",
                    symbolStrokeColor=green,
                    symbolStrokeWidth=1.5,
                    columns=1,
                    labelLimit=380,
                ),
            ),
            tooltip=[
                alt.Tooltip("year:O", title="Year"),
                alt.Tooltip("value_mt:Q", title="Million tonnes", format=".3g"),
                alt.Tooltip("source_publisher:N", title="Source"),
                alt.Tooltip("reported_by:N", title="Figure from"),
                alt.Tooltip("check:N", title="Check"),
            ],
        )
    )
    rule = (
        alt.Chart(ranges(inp))
        .mark_rule(strokeWidth=1.5, color=colours.GREY_DARK)
        .encode(
            x=X,
            y="min:Q",
            y2="max:Q",
            tooltip=[
                alt.Tooltip("year:O", title="Year"),
                alt.Tooltip("min:Q", title="Lowest figure (Mt)", format=".3g"),
                alt.Tooltip("max:Q", title="Highest figure (Mt)", format=".3g"),
            ],
        )
    )
    rows = other_rows(inp)
    present = [k for k in OTHER if OTHER[k] in set(rows["what"])]  # a legend names only what is drawn
    kinds = [OTHER[k] for k in present]
    legend = alt.Legend(title=None, columns=1, labelLimit=380)
    points = (
        alt.Chart(rows)
        .mark_point(size=90, filled=True, stroke=colours.GREY_DARK, strokeWidth=1.5, opacity=1)
        .encode(
            x=X,
            y="value_mt:Q",
            shape=alt.Shape(
                "what:N", scale=alt.Scale(domain=kinds, range=[OTHER_SHAPE[k] for k in present]), legend=legend
            ),
            fill=alt.Fill(
                "what:N",
                scale=alt.Scale(domain=kinds, range=["white" if k in OPEN else colours.GREY_DARK for k in present]),
                legend=legend,
            ),
            tooltip=[
                alt.Tooltip("year:O", title="Year"),
                alt.Tooltip("value_mt:Q", title="Million tonnes", format=".3g"),
                alt.Tooltip("scope_label:N", title="Counts"),
                alt.Tooltip("status_label:N", title="Figure"),
                alt.Tooltip("source_publisher:N", title="Source"),
                alt.Tooltip("reported_by:N", title="Figure from"),
            ],
        )
    )
    # A bar of no height with a thick outline: a tick as wide as its band, on a phone too.
    ticks = (
        alt.Chart(ceilings(inp))
        .mark_bar(width={"band": 0.75}, strokeWidth=3, fillOpacity=0)
        .encode(
            x=X,
            y="ceiling:Q",
            y2="ceiling:Q",
            stroke=alt.Stroke(
                "what:N",
                title=None,
                scale=alt.Scale(domain=[CEILING], range=[theme.BLACK]),
                legend=alt.Legend(symbolType="stroke", symbolStrokeWidth=3),
            ),
            tooltip=[
                alt.Tooltip("year:O", title="Year"),
                alt.Tooltip("ceiling:Q", title="Ceiling (Mt a year)"),
                alt.Tooltip("counts:N", title="Oil it covers"),
                alt.Tooltip("tip:N", title="Agreement"),
                alt.Tooltip("util:Q", title="Used (%)", format=".0f"),
            ],
        )
    )
    return [bars, rule, points, ticks]


def alt_text(inp: Inputs) -> str:
    used, first, last = inp.used_btc, inp.first_year, inp.last_year
    c = oil.compare(inp)
    tengiz = sorted(oil.flows_by_scope(inp).get("tengiz_only", pd.Series(dtype=float)).index)
    pale = [int(r.year) for r in bar_rows(inp).itertuples() if r.what == BAR[False]]
    others = other_rows(inp)
    estimates, plans = (others[others["what"] == OTHER[k]] for k in ("estimate", "plan"))
    green = theme.colour_name(colours.VIA_AZERBAIJAN)
    return (
        f"Bar chart of Kazakh oil sent through BTC from {first} to {last}, in {green}: {used.iloc[0]:.2f} "
        f"million tonnes in {first}, then between {used.iloc[1:].min():.1f} and {used.iloc[1:].max():.1f} million "
        "tonnes a year. "
        + (f"The bars for {says(map(str, pale))} are pale and outlined: only one source gives them. " if pale else "")
        + "".join(f"In {y} a grey triangle marks the Tengiz-only figure. " for y in tengiz)
        + "".join(
            f"In {r.year} an open grey circle marks a figure of {r.value_mt:g} million tonnes stated before "
            "the year ended. "
            for r in estimates.itertuples()
        )
        + (
            f"For {says(sorted(set(map(str, plans['year']))))} open diamonds mark plans of "
            f"{says(f'{v:g}' for v in plans['value_mt'])} million tonnes. "
            if len(plans)
            else ""
        )
        + f"{theme.colour_name(theme.BLACK).capitalize()} ticks show the agreed ceiling for the same oil: "
        + "; ".join(
            f"{r.ceiling:.1f} million tonnes in {r.year} ({oil.SCOPE_IN_TEXT[r.scope]})" for r in c.itertuples()
        )
        + (
            ". The shipments stay below it in every year."
            if (c["flow"] < c["ceiling"]).all()
            else ". The shipments exceed it in " + ", ".join(map(str, c[c["flow"] >= c["ceiling"]]["year"])) + "."
        )
    )


def figure_(inp: Inputs) -> Figure:
    chart = alt.layer(*layers(inp)).properties(width=560, height=300)
    others = other_rows(inp)
    planned = sorted(set(map(str, others[others["what"] == OTHER["plan"]]["year"])))
    plan_years = f", and the plans for {says(planned)}" if planned else ""  # the axis runs to them
    return figure(
        chart,
        name="fig-energy-btc",
        title=f"Kazakh oil shipped from Aktau into the BTC pipeline, {inp.first_year}–{inp.last_year}{plan_years}",
        subtitle="Bars: the figure the book uses; grey symbols: other sources' full-year figures and the next "
        "year's plans; black ticks: the agreed ceiling for the same oil",
        sources=["oil_kaz_via_btc", "oil_btc_agreements"],
        alt_text=alt_text(inp),
    )
