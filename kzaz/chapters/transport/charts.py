"""The transport chapter's charts (the maps are in `maps`): lengths, cargo, Baku's port, transit times,
and the two ways from Alat to Kars. Each fits a phone's width: one view that fills its column,
or narrow panels stacked."""

from __future__ import annotations

import altair as alt

from kzaz import theme
from kzaz.figures import Figure, figure
from kzaz.markdown import says

from . import cargo as cg
from . import network, ports, times, zangezur
from .inputs import Inputs

# Sections of a route: countries in their colours; the sea crossing and Belarus in greys.
SECTION_COLOURS = {
    "Kazakhstan": theme.COUNTRY["Kazakhstan"],
    network.SEA: theme.LIGHT_GREY,
    "Azerbaijan": theme.COUNTRY["Azerbaijan"],
    "Georgia": theme.COUNTRY["Georgia"],
    "Türkiye": theme.COUNTRY["Türkiye"],
    "Russia": theme.COUNTRY["Russia"],
    "Belarus": theme.GREY,
}
DOT_COLOURS = dict(zip(cg.DOT_KINDS, [theme.NEUTRAL[0], theme.NEUTRAL[2], theme.NEUTRAL[1]]))
DOT_SHAPES = dict(zip(cg.DOT_KINDS, ["diamond", "square", "circle"]))
UNCONFIRMED = "not re-confirmed"
BAR_FILL = {"confirmed": theme.ROUTE["Middle Corridor"], UNCONFIRMED: "#ffffff"}  # outlined: uncertain
STATUS_COLOURS = dict(zip(zangezur.STATUS, [theme.NEUTRAL[i] for i in (0, 2, 3, 4)]))  # running to proposed
# The routes in their colours (the sea route is no route of the book's maps: black).
TIME_ROUTE_COLOURS = {
    "Middle Corridor": theme.ROUTE["Middle Corridor"],
    "Northern route": theme.ROUTE["Northern route (through Russia)"],
    "Sea route via Suez": theme.BLACK,
}
TYPE_SHAPES = {
    "operator": "circle",
    "government": "square",
    "international organisation": "triangle-up",
    "media": "diamond",
    "analyst": "cross",
}


def _bar_labels(y: str, sort, text: str, dy: int = -24) -> alt.Chart:
    """A bar's name above it, at the left (long names do not fit a phone's y axis)."""
    return (
        alt.Chart()
        .mark_text(align="left", baseline="bottom", dy=dy, fontSize=12)
        .encode(y=alt.Y(f"{y}:N", sort=sort, title=None), x=alt.value(0), text=f"{text}:N")
    )


def lengths(inp: Inputs) -> Figure:
    rows = network.lengths(inp)
    totals = rows.groupby("route", sort=False)["km"].sum()
    mc, nr = totals.iloc[0], totals.iloc[1]
    diff = 100 * (mc - nr) / nr
    word = "longer" if diff > 0 else "shorter"
    y = alt.Y("route:N", title=None, sort=None, axis=None, scale=alt.Scale(paddingInner=0.55))
    bars = (
        alt.Chart()
        .mark_bar()
        .encode(
            y=y,
            x=alt.X("sum(km):Q", title="Drawn length, km (straight lines between points)"),
            color=alt.Color("section:N", title="Section", scale=theme.scale(SECTION_COLOURS, network.SECTIONS)),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("route:N", title="Route"),
                alt.Tooltip("section:N", title="Section"),
                alt.Tooltip("km_round:Q", title="km", format=",.0f"),
            ],
        )
    )
    names = (
        _bar_labels("route", None, "name")
        .transform_aggregate(total="sum(km)", groupby=["route"])
        .transform_calculate(name="datum.route + ': ' + format(datum.total, ',.0f') + ' km'")
    )
    mc_rows = rows[rows["route"] == rows["route"].iloc[0]].set_index("section")["km"]
    return figure(
        alt.layer(bars, names, data=rows).properties(width=600, height=150),
        name="fig-tr-lengths",
        title=f"From the Chinese border to the EU border: the Middle Corridor is drawn {abs(diff):.0f}% {word} "
        "than the Northern route",
        subtitle="Drawn length by country and by sea; the Middle Corridor ends at the Turkish-Bulgarian border, "
        "the Northern route at the Belarus-Poland border",
        sources=["transport_routes", "transport_nodes", "geo_countries"],
        alt_text=(
            "Two horizontal stacked bars, sections coloured by country ("
            + "; ".join(f"{theme.colour_name(c)}: {s}" for s, c in SECTION_COLOURS.items() if s in set(rows["section"]))
            + f"). The Middle Corridor from Dostyk to Kapikule, {mc:,.0f} km, is {abs(diff):.0f}% {word} than "
            f"the Northern route from Dostyk to Brest, {nr:,.0f} km; "
            f"{100 * mc_rows['Kazakhstan'] / mc:.0f}% of it "
            f"lies in Kazakhstan and {100 * mc_rows[network.SEA] / mc:.0f}% is the Caspian crossing. The "
            f"Northern route runs through {says(rows.loc[rows['route'] == rows['route'].iloc[-1], 'section'])}."
        ),
    )


def cargo(inp: Inputs) -> Figure:
    rows = cg.yearly(inp)
    years = [str(y) for y in range(inp.first_year, cg.horizon(inp) + 1)]
    refs = cg.references(inp)
    tip = [
        alt.Tooltip("year_label:N", title="Year"),
        alt.Tooltip("value:Q", title="Million tonnes", format=".2f"),
        alt.Tooltip("kind:N", title="Kind"),
        alt.Tooltip("scope_label:N", title="Scope"),
        alt.Tooltip("primary_source:N", title="Figure from"),
        alt.Tooltip("source_publisher:N", title="Published by"),
        alt.Tooltip("note:N", title="Note"),
    ]
    x = alt.X(
        "year_label:N",
        title=None,
        sort=years,
        scale=alt.Scale(domain=years),
        axis=alt.Axis(labelAngle=0, labelOverlap=True),
    )
    top = 1.1 * max(rows["value"].max(), inp.target)  # room above the highest figure and the target line
    y = alt.Y("value:Q", title="Million tonnes a year", scale=alt.Scale(domain=[0, top]))
    base = alt.Chart(rows)
    # A bar the book could not re-confirm is outlined; the legend names only the kinds of bar drawn.
    bar_kinds = {
        k: v
        for k, v in BAR_FILL.items()
        if k == "confirmed" or (rows.loc[rows["series"] == cg.SERIES, "caveat"] == "not reconfirmed").any()
    }
    bars = (
        base.transform_filter(alt.datum.series == cg.SERIES)
        .transform_calculate(bar=f"datum.caveat == 'not reconfirmed' ? '{UNCONFIRMED}' : 'confirmed'")
        .mark_bar(stroke=BAR_FILL["confirmed"], strokeWidth=1.5, opacity=0.9, width={"band": 0.6})
        .encode(
            x=x,
            y=y,
            tooltip=tip,
            fill=alt.Fill(
                "bar:N",
                title="Ministry of Transport series",
                scale=theme.scale(bar_kinds),
                legend=None if len(bar_kinds) == 1 else alt.Legend(),
            ),
        )
    )
    dots = (
        base.transform_filter(alt.datum.series != cg.SERIES)
        .mark_point(size=90, filled=False, strokeWidth=2)
        .encode(
            x=x,
            y=y,
            tooltip=tip,
            color=alt.Color("series:N", title="Other figures", scale=theme.scale(DOT_COLOURS)),
            shape=alt.Shape("series:N", title="Other figures", scale=theme.scale(DOT_SHAPES)),
        )
    )
    rules = (
        alt.Chart(refs)
        .mark_rule(strokeDash=[4, 3], color=theme.GREY)
        .encode(y="value:Q", tooltip=[alt.Tooltip("label:N", title="Reference")])
    )
    rule_text = (
        alt.Chart(refs)
        .mark_text(align="left", dx=4, dy=-7, color=theme.GREY, fontSize=11)
        .encode(y="value:Q", x=alt.value(0), text="label:N")
    )
    s = inp.series
    low, peak, last = int(s.idxmin()), int(s.idxmax()), inp.latest_year
    return figure(
        alt.layer(bars, dots, rules, rule_text).properties(width=600, height=320),
        name="fig-tr-volume",
        title=f"Cargo on the Middle Corridor, against forecasts, capacity and the {inp.target:.0f} Mt target",
        subtitle="Bars: the Kazakh Ministry of Transport's annual series"
        + (" (outlined: a figure the book could not re-confirm)" if not inp.latest_confirmed else "")
        + "; open symbols: other published figures, forecasts and plans",
        hint="Hover or tap for sources",
        sources=["titr_cargo", "corridor_documents"],
        alt_text=(
            f"Bar chart of cargo on the Middle Corridor from {inp.first_year} to {last}, bars "
            f"{theme.colour_name(BAR_FILL['confirmed'])}: lowest in {low} at {s[low]:.2f} million tonnes, then "
            f"rising to {s[peak]:.1f} million tonnes in {peak}"
            + (f"; {s[last]:.1f} in {last}" if last != peak else "")
            + ("" if inp.latest_confirmed else ", drawn as an outlined bar because the book could not re-confirm it")
            + ". Open symbols in greys show other sources' figures close to the bars, forecasts and plans, and "
            f"figures of narrower scope. Dashed lines mark the stated capacity of {inp.capacity['value']:.0f} "
            f"million tonnes and the roadmap target of {inp.target:.0f}."
        ),
    )


def _port_panel(rows, caps, forecasts, measure: str, title: str, years: list[str]) -> alt.LayerChart:
    tip = [
        alt.Tooltip("year_label:N", title="Year"),
        alt.Tooltip("value:Q", title="Value", format=",.1f"),
        alt.Tooltip("primary_source:N", title="Figure from"),
        alt.Tooltip("source_publisher:N", title="Published by"),
        alt.Tooltip("note:N", title="Note"),
    ]
    d = rows[rows["measure"] == measure]
    x = alt.X("year_label:N", title=None, sort=years, scale=alt.Scale(domain=years), axis=alt.Axis(labelAngle=0))
    y = alt.Y("value:Q", title=title, axis=alt.Axis(format=",.0f"))
    bars = (
        alt.Chart(d)
        .transform_filter(alt.datum.series == "outturn")
        .mark_bar(color=theme.COUNTRY["Azerbaijan"], opacity=0.85)
        .encode(x=x, y=y, tooltip=tip)
    )
    other = (
        alt.Chart(d)
        .transform_filter(alt.datum.series == "other figure")
        .mark_point(shape="diamond", size=80, filled=False, strokeWidth=2, color=theme.BLACK)
        .encode(x=x, y=y, tooltip=tip)
    )
    c = caps[caps["measure"] == measure][["value", "label"]]
    cap = (
        alt.Chart(c)
        .mark_rule(strokeDash=[4, 3], color=theme.GREY)
        .encode(y="value:Q", tooltip=[alt.Tooltip("label:N", title="Capacity")])
    )
    cap_text = (
        alt.Chart(c)
        .mark_text(align="left", dx=2, dy=-6, color=theme.GREY, fontSize=11)
        .encode(y="value:Q", x=alt.value(0), text="label:N")
    )
    f = forecasts[forecasts["measure"] == measure][["year_label", "value", "label"]]
    tick = (
        alt.Chart(f)
        .mark_tick(color=theme.BLACK, thickness=3, size=30)
        .encode(x=x, y="value:Q", tooltip=[alt.Tooltip("label:N", title="Forecast")])
    )
    return alt.layer(bars, other, cap, cap_text, tick).properties(width=270, height=220)


def port(inp: Inputs) -> Figure:
    rows = ports.baku(inp)
    caps, fc = ports.baku_capacity(inp), ports.baku_forecasts(inp)
    years = sorted(set(rows["year_label"]) | set(fc["year_label"]))
    panels = alt.vconcat(
        _port_panel(rows, caps, fc, "cargo", "All cargo, Mt", years),
        _port_panel(rows, caps, fc, "containers", "Containers, TEU", years),
        spacing=24,
    ).resolve_scale(y="independent")
    f = ports.baku_facts(inp)
    return figure(
        panels,
        name="fig-tr-ports",
        title="Port of Baku: cargo and containers against capacity",
        subtitle="Full-year outturn; dashed lines: capacity; black ticks: forecasts (hover for when each was stated)"
        + ("; open diamond: a second figure the book does not use" if (rows["series"] != "outturn").any() else ""),
        sources=["caspian_ports"],
        alt_text=(
            f"Two bar charts for the Port of Baku, {rows['year_label'].min()} to {rows['year_label'].max()}"
            + (
                f", with forecasts up to {fc['year_label'].max()}"
                if fc["year_label"].max() > rows["year_label"].max()
                else ""
            )
            + ", bars "
            f"{theme.colour_name(theme.COUNTRY['Azerbaijan'])}. Top: all cargo rises from {f['baku_first']} to "
            f"{f['baku_latest']} million tonnes, about {f['baku_use_latest_pct']}% of the {f['baku_capacity']} "
            f"million tonne capacity. Bottom: containers reach {f['baku_teu']} TEU in {f['baku_teu_year']}, "
            f"{f['baku_teu_use_design_pct']}% of the {f['baku_teu_design']} TEU design capacity and "
            f"{f['baku_teu_use_effective_pct']}% of the {f['baku_teu_effective']} TEU effective capacity."
        ),
    )


def transit(inp: Inputs) -> Figure:
    d = times.days(inp)
    tip = [
        alt.Tooltip("route:N", title="Route"),
        alt.Tooltip("stretch:N", title="Stretch"),
        alt.Tooltip("range:N", title="Days"),
        alt.Tooltip("basis:N", title="Kind"),
        alt.Tooltip("primary_source:N", title="Stated by"),
        alt.Tooltip("source_publisher:N", title="Published by"),
        alt.Tooltip("quality:N", title="Read in"),
        alt.Tooltip("note:N", title="Note"),
    ]
    # One row per kind of figure, the routes side by side within it, in the routes' colours.
    y = alt.Y("basis:N", title=None, sort=times.BASIS, scale=alt.Scale(domain=times.BASIS, paddingInner=0.2))
    y_off = alt.YOffset("route:N", sort=times.ROUTES, scale=alt.Scale(domain=times.ROUTES))
    x = alt.X("value_low:Q", title="Days", scale=alt.Scale(domain=[0, 1.08 * d["high"].max()]))
    route = alt.Color("route:N", title="Route", scale=theme.scale(TIME_ROUTE_COLOURS))
    ranges = (
        alt.Chart()
        .transform_filter(alt.datum.value_low != alt.datum.high)
        .mark_rule(strokeWidth=3)
        .encode(y=y, yOffset=y_off, x=x, x2="high:Q", color=route, tooltip=tip)
    )
    marks = (
        alt.Chart()
        .mark_point(size=110, filled=True)
        .encode(
            y=y,
            yOffset=y_off,
            x=x,
            tooltip=tip,
            color=route,
            shape=alt.Shape("source_type:N", title="Stated by", scale=theme.scale(TYPE_SHAPES)),
            opacity=alt.Opacity(
                "quality:O",
                title="Read in",
                scale=alt.Scale(domain=["original outlet", "repost (weak)"], range=[0.95, 0.35]),
            ),
        )
    )
    mc = d[d["route"] == "Middle Corridor"]
    t = inp.times.set_index("figure_id")
    return figure(
        alt.layer(ranges, marks, data=d).properties(width=560, height=250),
        name="fig-tr-times",
        title="How long the journey takes depends on who is asked",
        subtitle="Stated transit times in days, by kind of figure; lines: ranges; faint symbols: figures read in a "
        "repost rather than the original",
        hint="Hover or tap for the stretch and source",
        sources=["transit_times"],
        alt_text=(
            f"Dot chart of {len(d)} stated transit times in days, one row per kind of figure (reported, earlier, "
            "planned, target, aspiration), routes by colour ("
            + "; ".join(f"{theme.colour_name(c)}: {r}" for r, c in TIME_ROUTE_COLOURS.items())
            + f") and who states it by shape. For the Middle Corridor the figures scatter from "
            f"{mc['value_low'].min():.0f} to {mc['high'].max():.0f} days. The Northern route has "
            f"{t.loc['nr-analyst-scmp', 'value_low']:.0f} and up to {t.loc['nr-wef', 'value_low']:.0f} days, the "
            f"sea route {t.loc['sea-wef', 'value_low']:.0f} to {t.loc['sea-wef', 'value_high']:.0f} days."
        ),
    )


def zangezur_km(inp: Inputs) -> Figure:
    rows = zangezur.status_km(inp)
    k = zangezur.lengths(inp)
    word = "longer" if k["armenia"] > k["georgia"] else "shorter"
    order = list(zangezur.ALT.values())
    y = alt.Y("alternative:N", title=None, sort=order, axis=None, scale=alt.Scale(paddingInner=0.55))
    bars = (
        alt.Chart()
        .mark_bar(stroke="white", strokeWidth=1)
        .encode(
            y=y,
            x=alt.X("sum(km):Q", title="Drawn length from Alat to Kars, km"),
            color=alt.Color("status:N", title="Status of the line", scale=theme.scale(STATUS_COLOURS)),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("alternative:N", title="Route"),
                alt.Tooltip("status:N", title="Status"),
                alt.Tooltip("km_round:Q", title="km", format=",.0f"),
            ],
        )
    )
    names = (
        _bar_labels("alternative", order, "name")
        .transform_aggregate(total="sum(km)", groupby=["alternative"])
        .transform_calculate(
            name="replace(datum.alternative, / [(].*[)]$/, '') + ': ' + format(datum.total, ',.0f') + ' km'"
        )
    )
    georgia = rows[rows["alternative"] == zangezur.ALT["georgia"]]
    armenia = rows[rows["alternative"] == zangezur.ALT["armenia"]]
    return figure(
        alt.layer(bars, names, data=rows).properties(width=560, height=140),
        name="fig-tr-zangezur-km",
        title=f"Alat to Kars: {abs(k['armenia'] - k['georgia']):,.0f} km ({abs(k['saved']):.0f}%) {word} through "
        "southern Armenia, as drawn",
        subtitle="Drawn length of the two ways by the status of each stretch",
        sources=["transport_routes", "transport_nodes"],
        alt_text=(
            f"Two horizontal stacked bars, statuses in greys from "
            f"{theme.colour_name(STATUS_COLOURS['in service'])}"
            f" (in service) to {theme.colour_name(STATUS_COLOURS['proposed'])} (proposed). The way via Georgia, "
            f"{k['georgia']:,.0f} km, is "
            f"{100 * georgia.loc[georgia['status'] == 'in service', 'km'].sum() / k['georgia']:.0f}% in service. "
            f"The way through southern Armenia, {k['armenia']:,.0f} km, is {abs(k['saved']):.0f}% {word} and "
            f"made of stretches {says(s for s in zangezur.STATUS if s in set(armenia['status']))}."
        ),
    )
