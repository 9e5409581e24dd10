"""The diplomacy chapter's figures: the timeline of events, their pace, and how hard each year was searched."""

from __future__ import annotations

import altair as alt

from kzaz import theme
from kzaz.figures import Figure, figure
from kzaz.timeline import shift_zoom, stacked

from . import search as search_log
from .inputs import ELSEWHERE, GROUPS, KIND, KIND_SHORT, Inputs, per_period

SYMBOL_DAYS = 240  # about one symbol's width on the 35-year axis: closer events stack
HOST_COLOURS = {
    "Kazakhstan": theme.COUNTRY["Kazakhstan"],
    "Azerbaijan": theme.COUNTRY["Azerbaijan"],
    ELSEWHERE: theme.GREY,
}
# Kinds of event are not countries: greys for what the states did, one other colour for what befell them.
GROUP_COLOURS = dict(zip(GROUPS, theme.NEUTRAL[::2]))  # kinds of event are not countries: greys, well apart
SERIES = {"Events in the table": theme.NEUTRAL[2], "Look-ups made": theme.BLACK}
TOOLTIP = [
    alt.Tooltip("when:N", title="Date"),
    alt.Tooltip("date_precision:N", title="Date known to the"),
    alt.Tooltip("title:N", title="Event"),
    alt.Tooltip("place:N", title="Place"),
    alt.Tooltip("source_publisher:N", title="Source"),
    alt.Tooltip("verification:N", title="Verification"),
]
PLOTTED = [
    "start",
    "kind",
    "row_within_kind",
    "host",
    "verification",
    "source_url",
    "when",
    "date_precision",
    "title",
    "place",
    "source_publisher",
]  # only the columns the chart shows travel into the page


def timeline(inp: Inputs) -> Figure:
    events = inp.events.copy()
    events["row_within_kind"], sub_order = stacked(events, "kind", "start", SYMBOL_DAYS)
    first, last, split, recent = inp.first_year, inp.last_year, inp.split_year, inp.recent
    base = alt.Chart(events[PLOTTED]).encode(
        x=alt.X(
            "start:T",
            title=None,
            axis=alt.Axis(format="%Y", tickCount=12, labelOverlap=True),
            scale=alt.Scale(domain=[f"{first - 1}-06-01", f"{last + 1}-06-30"]),
        ),  # half a year each side
        y=alt.Y("kind:N", title=None, sort=list(KIND_SHORT.values()), scale=alt.Scale(paddingInner=0.15)),
        yOffset=alt.YOffset("row_within_kind:O", scale=alt.Scale(domain=sub_order)),
    )
    marks = base.encode(
        color=alt.Color("host:N", title="Held in", scale=theme.scale(HOST_COLOURS)),
        href="source_url:N",
        tooltip=TOOLTIP,
    )
    confirmed = marks.transform_filter(alt.datum.verification == "confirmed").mark_point(
        size=80, filled=True, opacity=0.9
    )
    partial = marks.transform_filter(alt.datum.verification == "partial").mark_point(
        size=80, shape="diamond", filled=False, strokeWidth=2
    )
    points = alt.layer(confirmed, partial).add_params(shift_zoom())
    by_kind = events[recent]["type"].value_counts()
    return figure(
        points.properties(width=620, height=90 + 36 * len(sub_order) * len(KIND) // 3),
        name="fig-dipl-timeline",
        title=f"Kazakhstan–Azerbaijan bilateral events, {first}–{last}",
        subtitle="One symbol per event (open diamond: source supports part of the row); events close in time are "
        "stacked within their row",
        hint="Hover or tap for details, click to open the source, shift+scroll to zoom",
        sources=["diplomacy_events"],
        alt_text=(
            f"Timeline of Kazakh-Azerbaijani bilateral events from {first} to {last} in "
            f"{events['kind'].nunique()} rows by kind of event, coloured by where they took place "
            f"({', '.join(f'{theme.colour_name(c)}: {h}' for h, c in HOST_COLOURS.items())}): "
            f"{int((~recent).sum())} events before {split}, spread thinly, and {int(recent.sum())} from "
            f"{split} to {last}, including " + ", ".join(f"{n} {KIND[t].lower()}" for t, n in by_kind.items()) + "."
        ),
    )


def pace(inp: Inputs) -> Figure:
    counts = per_period(inp)
    totals = counts.groupby("period", sort=False)["events"].sum()
    bars = (
        alt.Chart(counts)
        .mark_bar(stroke="white", strokeWidth=0.5)
        .encode(
            x=alt.X("period:N", title="Five-year period", sort=None, axis=alt.Axis(labelAngle=0, labelOverlap=True)),
            y=alt.Y("events:Q", title="Events in the table", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("group:N", title="Kind of event", sort=GROUPS, scale=theme.scale(GROUP_COLOURS)),
            order=alt.Order("group_rank:Q"),
            tooltip=[
                alt.Tooltip("period:N", title="Period"),
                alt.Tooltip("group:N", title="Kind"),
                alt.Tooltip("events:Q", title="Events"),
            ],
        )
        .properties(width=620, height=280)
    )
    return figure(
        bars,
        name="fig-dipl-pace",
        title="Bilateral events per five-year period, by kind",
        subtitle="Counts of events in the book's table, not of all contacts between the two states",
        sources=["diplomacy_events"],
        alt_text=(
            f"Stacked bar chart of bilateral events per five-year period, {totals.index[0]} to "
            f"{totals.index[-1]}, kinds in shades of grey ("
            + ", ".join(f"{theme.colour_name(c)}: {g.lower()}" for g, c in GROUP_COLOURS.items())
            + "): "
            + "; ".join(f"{p}: {n}" for p, n in totals.items())
            + " events."
        ),
    )


def search(inp: Inputs) -> Figure:
    """Events in the table and look-ups made, year by year: does the count follow the searching?"""
    years = search_log.per_year(inp)
    long = years.melt(id_vars=["year"], value_vars=["events", "n_queries"], var_name="series", value_name="count")
    long["series"] = long["series"].map({"events": "Events in the table", "n_queries": "Look-ups made"})
    first, last = int(years["year"].min()), int(years["year"].max())
    x = alt.X("year:O", title=None, axis=alt.Axis(values=list(range(first, last + 1, 5)), labelAngle=0))
    colour = alt.Color("series:N", title=None, scale=theme.scale(SERIES))
    # One legend for both layers, each entry with its own mark's shape.
    shape = alt.Shape("series:N", title=None, scale=alt.Scale(domain=list(SERIES), range=["square", "diamond"]))
    tooltip = [
        alt.Tooltip("year:O", title="Year"),
        alt.Tooltip("series:N", title="What"),
        alt.Tooltip("count:Q", title="Number"),
    ]
    bars = (
        alt.Chart(long)
        .transform_filter(alt.datum.series == "Events in the table")
        .mark_bar()
        .encode(x=x, y=alt.Y("count:Q", title="Number", axis=alt.Axis(tickMinStep=1)), color=colour, tooltip=tooltip)
    )
    dots = (
        alt.Chart(long)
        .transform_filter(alt.datum.series == "Look-ups made")
        .mark_point(filled=True, size=60)
        .encode(x=x, y="count:Q", color=colour, shape=shape, tooltip=tooltip)
    )
    e = search_log.effort(inp)
    return figure(
        alt.layer(bars, dots).properties(width=620, height=240),
        name="fig-dipl-search",
        title=f"Events found and look-ups made, year by year, {first}–{last}",
        subtitle=f"Every year was searched; from {inp.split_year} each look-up found about "
        f"{e['after']['events_per_query'] / e['before']['events_per_query']:.1f} times as many events",
        sources=["diplomacy_search_log", "diplomacy_events"],
        alt_text=(
            f"Bar chart of the events in the book's table for each year from {first} to {last} "
            f"({theme.colour_name(SERIES['Events in the table'])} bars), with the look-ups made for each year "
            f"({theme.colour_name(SERIES['Look-ups made'])} diamonds): before {inp.split_year} "
            f"{e['before']['events']} events from {e['before']['queries']} look-ups, from {inp.split_year} to "
            f"{inp.last_year} {e['after']['events']} events from {e['after']['queries']} look-ups. "
            + "; ".join(f"{r.year}: {r.events} events, {r.n_queries} look-ups" for r in years.itertuples())
            + "."
        ),
    )
