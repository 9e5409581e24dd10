"""The capacity chain and the what-if: the chart a reader changes with sliders, offline.

The what-if evaluates the model's equations (`model`) in the browser: its data are the links'
capacities and planned expansions by year, and Vega-Lite parameters bound to sliders stand
for the scenario's inputs. The picture (PNG, PDF) shows the default scenario.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from kzaz import theme
from kzaz.figures import Figure, figure

from . import chain, model, scenarios, targets
from .inputs import Inputs

# The chain's figures: its own table, and the ports' and the railway's rows the transport chapter holds.
CHAIN_SOURCES = ["corridor_capacity", "caspian_ports", "titr_cargo", "corridor_links"]
CLOSE = 0.4  # times the base year: two targets nearer than this would print their labels on each other
BAR, ROW = 14, 46  # px: a bar, and a row of label over bar
SEA_GREY = theme.LIGHT_GREY  # the Caspian fleet is in no country: the sea's grey, as on the maps
WHERE = {"sea": "On the Caspian"}  # the fleet's legend entry; every other link is named by its country


def link_colours(inp: Inputs) -> dict[str, str]:
    """A link in the colour of its country (the fleet in the sea's grey)."""
    return {
        r.name: (SEA_GREY if r.mode == "sea" else theme.COUNTRY.get(r.country, theme.GREY))
        for r in inp.links.itertuples(index=False)
    }


def capacity_chain(inp: Inputs) -> Figure:
    t = chain.links(inp)
    # The chart plots flat values (its CSV download is the data): the projects stay in the table.
    t = t[t["binds_in_unit"]].drop(columns=["expansions", "undated"]).merge(inp.links[["link", "country"]], on="link")
    top = chain.binding(inp)
    t["label"] = [
        f"{n}: {u:.0f}% ({unit}, {y}{', annualised' if a else ''}"
        + (f"; capacity as stated in {cy}" if cy < y else "")  # an old statement may understate the link
        + ")"
        for n, u, unit, y, a, cy in zip(
            t["name"], t["utilisation_pct"], t["unit"], t["throughput_year"], t["annualised"], t["capacity_year"]
        )
    ]
    t["where"] = [WHERE.get(lk, c) for lk, c in zip(t["mode"], t["country"])]
    t["short"] = [f"{n}: {u:.0f}%" for n, u in zip(t["name"], t["utilisation_pct"])]  # for a phone
    order = list(t.sort_values("order")["label"])
    where_colours = {**{c: theme.COUNTRY[c] for c in ("Kazakhstan", "Azerbaijan", "Georgia")}, WHERE["sea"]: SEA_GREY}
    y = alt.Y("label:N", sort=order, title=None, axis=None)
    x = alt.X(
        "utilisation_pct:Q",
        title="Throughput as % of stated capacity",
        scale=alt.Scale(domain=[0, max(100.0, float(t["utilisation_pct"].max()) * 1.05)]),
    )
    tip = [
        alt.Tooltip("name:N", title="Link"),
        alt.Tooltip("utilisation_pct:Q", title="Utilisation %", format=".0f"),
        alt.Tooltip("throughput:Q", title="Throughput (a year)", format=",.3~f"),
        alt.Tooltip("capacity:Q", title="Capacity (a year)", format=",.3~f"),
        alt.Tooltip("unit:N", title="Unit"),
        alt.Tooltip("capacity_basis:N", title="Capacity"),
        alt.Tooltip("room:Q", title="Room, times the route's traffic", format=".2f"),
        alt.Tooltip("source_publisher:N", title="Throughput from"),
    ]
    base = alt.Chart(t)
    bars = base.mark_bar(height=BAR).encode(
        y=y,
        x=x,
        tooltip=tip,
        color=alt.Color(
            "where:N", title=None, scale=theme.scale(where_colours, [w for w in where_colours if w in set(t["where"])])
        ),
        stroke=alt.condition(alt.datum.link == top["link"], alt.value(theme.BLACK), alt.value(None)),
        strokeWidth=alt.value(2),
    )
    bold = {"expr": f"datum.link == '{top['link']}' ? 'bold' : 'normal'"}  # the narrowest link's label
    text = (
        base.transform_calculate(shown=f"width < {theme.NARROW} ? datum.short : datum.label")
        .mark_text(align="left", baseline="bottom", dy=-BAR / 2 - 3, fontSize=11, fontWeight=bold)
        .encode(y=y, x=alt.value(0), text="shown:N")
    )
    full = alt.Chart().mark_rule(color=theme.GREY, strokeDash=[4, 3]).encode(x=alt.datum(100))
    return figure(
        alt.layer(bars, text, full).properties(width=600, height=ROW * len(t)),
        name="fig-mc-chain",
        title=f"The narrowest link: {top['name']}, at {top['utilisation_pct']:.0f}% of its capacity",
        subtitle="Each link from the Chinese border to the Black Sea, in the order cargo passes it: latest "
        "throughput over stated capacity (in tonnes or containers, whichever is tighter)",
        hint="Hover or tap for the figures",
        sources=CHAIN_SOURCES,
        alt_text=(
            f"Horizontal bars for {len(t)} links of the corridor in route order, coloured by country, the "
            f"Caspian fleet grey. The most utilised is {top['name']} at {top['utilisation_pct']:.0f}% "
            f"({top['unit']}); the least is {t.loc[t['utilisation_pct'].idxmin(), 'name']} at "
            f"{t['utilisation_pct'].min():.0f}%. A dashed line marks 100%."
        ),
    )


def what_if_rows(inp: Inputs) -> pd.DataFrame:
    """One row per link, year and capacity candidate (the stated capacity and each planned expansion),
    from the same chain the model runs on (`scenarios.chain_model`)."""
    ch = scenarios.chain_model(inp)
    rows = []
    for lk in ch.links:
        # Always in force: the stated capacity, and what the link carried (a link is never smaller).
        cands = [(ch.base_year - 100, lk.capacity), (ch.base_year - 100, lk.throughput), *lk.expansions]
        for year in range(ch.base_year, scenarios.HORIZON + 1):
            for due, cap in cands:
                rows.append(
                    dict(year=year, link=lk.name, due=due, cap=cap, throughput=lk.throughput, own=lk.own, sea=lk.sea)
                )
    return pd.DataFrame(rows)


def basis(inp: Inputs, scenario: str) -> dict[str, str]:
    """'from the data' or 'assumption', by parameter, for a scenario's defaults (corridor_scenarios' basis)."""
    rows = inp.scenarios[inp.scenarios["scenario"] == scenario]
    return {p: "from the data" if b == "sourced" else "assumption" for p, b in zip(rows["parameter"], rows["basis"])}


def _slider(name, value, lo, hi, step, label):
    return alt.param(name=name, value=value, bind=alt.binding_range(min=lo, max=hi, step=step, name=label))


def what_if(inp: Inputs) -> Figure:
    s = scenarios.default(inp)
    y0 = targets.base_year(inp)
    goals = targets.open_targets(inp)
    said = basis(inp, s.name)  # each slider says whether its default is sourced or the book's assumption
    g = _slider("g", round(100 * s.demand_growth, 1), 0, 40, 0.5, f"Demand growth, % a year ({said['demand_growth']}) ")
    d = _slider("delay", s.delay, 0, 6, 1, f"Planned projects late by, years ({said['delay']}) ")
    lam = _slider("loading", round(100 * s.loading), 50, 100, 5, f"Ship loading, % of today's ({said['loading']}) ")
    k = _slider(
        "k",
        round(100 * s.capacity_growth, 1),
        0,
        10,
        0.5,
        f"Capacity added beyond plans, % a year ({said['capacity_growth']}) ",
    )
    sea_factor = f"(datum.sea && datum.year > {y0} ? loading / 100 : 1)"  # as model.capacity
    base = (
        alt.Chart(what_if_rows(inp))
        .transform_calculate(eff="datum.due + delay <= datum.year ? datum.cap : 0")
        .transform_aggregate(cap0="max(eff)", groupby=["year", "link", "throughput", "own", "sea"])
        .transform_calculate(
            cap=f"datum.cap0 * pow(1 + k / 100, datum.year - {y0}) * {sea_factor}",
            head="1 + (datum.cap - datum.throughput) / datum.own",  # model.room
        )
        .transform_joinaggregate(hmin="min(head)", groupby=["year"])
        .transform_calculate(demand=f"pow(1 + g / 100, datum.year - {y0})")
        .transform_calculate(
            carried="min(datum.demand, datum.hmin)", binds="datum.head == datum.hmin && datum.hmin < datum.demand"
        )
    )
    x = alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0, labelOverlap=True))
    y = alt.Y(
        "value:Q",
        title=f"Traffic, times the {y0} level",
        scale=alt.Scale(domain=[0, float(max(goals["multiple"].max() * 1.1, 2))], clamp=True),
    )
    per_year = base.transform_filter("datum.head == datum.hmin").transform_aggregate(
        demand="max(demand)", carried="max(carried)", link="min(link)", binds="max(binds)", groupby=["year"]
    )
    lines = (
        per_year.transform_fold(["demand", "carried"], as_=["series", "value"])
        .transform_calculate(series="datum.series == 'carried' ? 'Traffic the chain can carry' : 'Demand'")
        .mark_line(strokeWidth=3)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "series:N",
                title=None,
                scale=alt.Scale(
                    domain=["Traffic the chain can carry", "Demand"], range=[theme.ROUTE["Middle Corridor"], theme.GREY]
                ),
            ),
            strokeDash=alt.StrokeDash(
                "series:N",
                legend=None,
                scale=alt.Scale(domain=["Traffic the chain can carry", "Demand"], range=[[1, 0], [5, 4]]),
            ),
            tooltip=[alt.Tooltip("year:O", title="Year"), alt.Tooltip("value:Q", title="Times base", format=".2f")],
        )
    )
    colours = link_colours(inp)
    names = [n for n in colours if n in set(what_if_rows(inp)["link"])]
    ch = scenarios.chain_model(inp)
    run = model.run(ch, s, scenarios.HORIZON)
    by_id = {lk.link: lk.name for lk in ch.links}
    binds_now = [by_id[k] for k in dict.fromkeys(run["binding"]) if k in by_id]
    dots = (
        per_year.transform_filter("datum.binds")
        .transform_calculate(value="datum.carried")
        .mark_point(filled=True, size=80, stroke=theme.BLACK, strokeWidth=0.5)
        .encode(
            x=x,
            y=y,
            fill=alt.Fill(
                "link:N",
                title="Binding link",
                scale=theme.scale(colours, names),
                legend=alt.Legend(values=binds_now),  # the links that bind at the sliders' defaults
            ),
            tooltip=[
                alt.Tooltip("year:O", title="Year"),
                alt.Tooltip("link:N", title="Binding link"),
                alt.Tooltip("value:Q", title="Times base", format=".2f"),
            ],
        )
    )
    # A target is for a year: a mark at that year and its multiple of the base, above or below the line.
    goal_rows = goals.assign(value=goals["multiple"], short=[targets.short_label(r) for _, r in goals.iterrows()])
    goal_tip = [alt.Tooltip("label:N", title="Target"), alt.Tooltip("value:Q", title="Times base", format=".2f")]
    marks = (
        alt.Chart(goal_rows)
        .mark_point(shape="diamond", size=90, filled=True, color=theme.BLACK)
        .encode(x=x, y=y, tooltip=goal_tip)
    )
    # Two close targets for one year: the lower one's label goes under its mark, so the two do not overlap.
    above = goal_rows.groupby("year")["value"].transform(lambda v: v.sort_values().shift(-1).reindex(v.index))
    goal_rows["lower"] = (above - goal_rows["value"]) < CLOSE
    marks_text = alt.layer(
        *(
            alt.Chart(goal_rows[goal_rows["lower"] == lower])
            .mark_text(align="left", dx=8, dy=9 if lower else 0, fontSize=10, color=theme.BLACK)
            .encode(x=x, y=y, text="short:N", tooltip=goal_tip)
            for lower in (False, True)
        )
    )
    chart = alt.layer(lines, dots, marks, marks_text).add_params(g, d, lam, k).properties(width=600, height=340)
    return figure(
        chart,
        name="fig-mc-what-if",
        title="What the chain could carry, and when it binds: move the sliders",
        subtitle=f"Default: {s.name.lower()} ({s.demand_growth:.1%} demand growth a year, expansions on time). "
        "Diamonds: the route's open targets for a year, as multiples of the base year's traffic (in tonnes, "
        "or in containers for a target in containers)",
        hint="Hover or tap for values",
        sources=[*CHAIN_SOURCES, "corridor_scenarios"],
        source="This book's model (kzaz.chapters.corridor.model) on the links' published capacities and "
        "throughputs and the targets' statements (sources in the data files)",
        alt_text=(
            f"Line chart from {y0} to {scenarios.HORIZON} of demand (dashed grey) and the traffic the chain "
            f"can carry (green), as multiples of {y0}, with sliders for demand growth, delays to planned "
            f"expansions, ship loading and extra capacity. Dots mark the years a link binds, in its "
            f"country's colour. Black diamonds mark {len(goals)} targets at their years."
        ),
    )
