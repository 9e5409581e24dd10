"""The energy chapter's figures, one function each: `energy.charts.production(inputs)`."""

from __future__ import annotations

import altair as alt

from kzaz import theme
from kzaz.figures import Figure, figure
from kzaz.markdown import says

from . import btc_chart, colours, electricity, maps, oil
from . import production as prod
from .inputs import COUNTRIES, Inputs

COUNTRY_SCALE = theme.scale(theme.COUNTRY, COUNTRIES)
SUB_WIDTH = 560  # px: a stacked view in pictures and JupyterLab (the page fills the column)
YEAR_AXIS = alt.Axis(format="d", tickCount=6, labelOverlap=True)


def by_country(chart: alt.Chart, height: int) -> alt.VConcatChart:
    """One view per country, stacked, each titled with its country: fits a phone and fills a page."""
    return alt.vconcat(
        *(
            chart.transform_filter(alt.datum.country == c).properties(
                title=alt.Title(c, anchor="start", fontSize=13), width=SUB_WIDTH, height=height
            )
            for c in COUNTRIES
        ),
        spacing=18,
    )


def production(inp: Inputs) -> Figure:
    rows = prod.series(inp)
    first, last = int(rows["year"].min()), prod.years_with(inp, "oil_production")[1]
    lines = (
        alt.Chart(rows)
        .mark_line(strokeWidth=2.2)
        .encode(
            x=alt.X("year:Q", title=None, axis=YEAR_AXIS, scale=alt.Scale(domain=[first, int(rows["year"].max())])),
            y=alt.Y("twh:Q", title="TWh"),
            color=alt.Color(
                "label:N",
                title=None,
                sort=list(colours.SERIES_COLOUR),
                scale=theme.scale(colours.SERIES_COLOUR),
                legend=alt.Legend(symbolType="stroke"),
            ),
            # Energy use dashed, in the legend too (same field as the colour: one legend).
            strokeDash=alt.StrokeDash(
                "label:N",
                title=None,
                sort=list(colours.SERIES_COLOUR),
                scale=alt.Scale(domain=list(colours.SERIES_COLOUR), range=[[1, 0]] * 3 + [[5, 3]]),
                legend=alt.Legend(symbolType="stroke"),
            ),
            tooltip=[
                alt.Tooltip("country:N", title="Country"),
                alt.Tooltip("year:Q", title="Year"),
                alt.Tooltip("label:N", title="Series"),
                alt.Tooltip("twh:Q", title="TWh", format=",.0f"),
                alt.Tooltip("physical:N", title="In physical units"),
            ],
        )
    )
    return figure(
        by_country(lines, 200).resolve_scale(y="shared"),
        name="fig-energy-production",
        title=f"Fossil-fuel production and primary energy use, {first}–{last}",
        subtitle="Energy content in terawatt-hours (TWh); dashed: primary energy used at home",
        hint="Hover or tap for oil in tonnes and gas in cubic metres",
        sources=["owid_energy_kaz_aze"],
        alt_text=production_alt(inp, first, last),
    )


def oil_above_use(rows) -> bool:
    return bool((rows["oil_production"] > rows["primary_energy_consumption"]).all())


def production_alt(inp: Inputs, first: int, last: int) -> str:
    kaz, aze = inp.by_country["Kazakhstan"].loc[first:last], inp.by_country["Azerbaijan"].loc[first:last]
    peak_year = prod.peak(aze["oil_production"])[0]
    gas_over_use = prod.stays_above(aze["gas_production"], aze["primary_energy_consumption"])
    names = "; ".join(f"{theme.colour_name(c)}: {s.lower()}" for s, c in colours.SERIES_COLOUR.items())
    growth = kaz["oil_production"].iloc[-1] / kaz["oil_production"].iloc[0]
    return (
        f"Two line charts, one above the other, Kazakhstan and Azerbaijan, {first} to {last} ({names}). "
        f"Kazakhstan's oil production grows {growth:.1f}-fold and "
        + ("stays above" if oil_above_use(kaz) else "is not always above")
        + " its primary energy use; it also produces coal and gas. Azerbaijan's oil production climbs steeply "
        f"to a peak in {peak_year} and then declines, while its gas production rises until it passes oil in "
        f"{prod.stays_above(aze['gas_production'], aze['oil_production'])}. "
        + (
            "Its oil output stays above its primary energy use throughout"
            if oil_above_use(aze)
            else "Its oil output is not always above its primary energy use"
        )
        + (
            f"; its gas output alone exceeds it from {gas_over_use}."
            if gas_over_use
            else "; its gas output alone never exceeds it."
        )
    )


def mix(inp: Inputs) -> Figure:
    rows = electricity.mix(inp)
    first, last = electricity.span(inp)
    areas = (
        alt.Chart(rows)
        .mark_area()
        .encode(
            x=alt.X("year:Q", title=None, axis=YEAR_AXIS),
            y=alt.Y("twh:Q", title="TWh", stack="zero"),
            color=alt.Color(
                "label:N", title=None, sort=list(colours.MIX_COLOUR), scale=theme.scale(colours.MIX_COLOUR)
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("country:N", title="Country"),
                alt.Tooltip("year:Q", title="Year"),
                alt.Tooltip("label:N", title="Source"),
                alt.Tooltip("twh:Q", title="TWh", format=",.2f"),
                alt.Tooltip("share:Q", title="Share of generation (%)", format=".1f"),
            ],
        )
    )
    return figure(
        by_country(areas, 190).resolve_scale(y="independent"),
        name="fig-energy-mix",
        title=f"Electricity generation by source, {first}–{last}",
        subtitle="Stacked, in terawatt-hours (TWh); each country on its own scale",
        hint="Hover or tap for the share of each source",
        sources=["owid_energy_kaz_aze"],
        alt_text=mix_alt(inp, first, last),
    )


def mix_alt(inp: Inputs, first: int, last: int) -> str:
    growth = {c: inp.by_country[c]["electricity_generation"].dropna() for c in COUNTRIES}
    growth = {c: s.iloc[-1] / s.iloc[0] for c, s in growth.items()}
    names = "; ".join(f"{theme.colour_name(c)}: {s.lower()}" for s, c in colours.MIX_COLOUR.items())
    return (
        f"Two stacked area charts of electricity generation by source, one above the other, {first} to {last} "
        f"({names}). Kazakhstan's generation grows {growth['Kazakhstan']:.1f}-fold, almost all from fossil fuels "
        f"with a band of hydropower; thin bands of wind and solar appear from {electricity.wind_solar_start(inp)} "
        f"and widen in the following years. Azerbaijan's generation grows {growth['Azerbaijan']:.1f}-fold, almost "
        "all from fossil fuels, with hydropower as the only sizeable renewable source."
    )


def renewables(inp: Inputs) -> Figure:
    rows = electricity.renewable_shares(inp)
    first, last = electricity.span(inp)
    measures = list(electricity.MEASURE.values())
    x = alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickCount=8, labelOverlap=True))
    base = alt.Chart(rows).encode(
        x=x,
        y=alt.Y("pct:Q", title="Share of generation (%)"),
        color=alt.Color("country:N", title=None, scale=COUNTRY_SCALE),
        tooltip=[
            alt.Tooltip("country:N", title="Country"),
            alt.Tooltip("year:Q", title="Year"),
            alt.Tooltip("measure:N", title="Source"),
            alt.Tooltip("pct:Q", title="Share (%)", format=".1f"),
        ],
    )
    # Lines and points in separate layers, so the dash legend draws its dashes.
    dashes = base.mark_line(strokeWidth=2.2).encode(
        strokeDash=alt.StrokeDash(
            "measure:N",
            title=None,
            sort=measures,
            scale=alt.Scale(domain=measures, range=[[1, 0], [4, 3]]),
            legend=alt.Legend(symbolType="stroke", symbolStrokeColor=theme.GREY, symbolStrokeWidth=2.2),
        ),
        detail="measure:N",
    )
    layers = [dashes, base.mark_circle(size=18, opacity=1), *marked_points(inp, x)]
    lines = alt.layer(*layers).properties(width=620, height=260)
    return figure(
        lines,
        name="fig-energy-renewables",
        title=f"Renewables' share of electricity, {first}–{last}",
        subtitle="Solid: all renewables (hydro, wind, solar, bioenergy and waste); dashed: wind and solar only; "
        "ringed: a dataset value the book flags",
        sources=["owid_energy_kaz_aze", "energy_upstream_checks"],
        alt_text=renewables_alt(inp),
    )


MARKS = {electricity.FLAG: "circle", electricity.NATIONAL: "diamond"}


def marked_points(inp: Inputs, x: alt.X) -> list[alt.Chart]:
    """Rings round the points a flagged value enters, and the national figures the text uses, as diamonds."""
    shape = alt.Shape(
        "what:N",
        title=None,
        scale=alt.Scale(domain=list(MARKS), range=list(MARKS.values())),
        legend=alt.Legend(
            symbolStrokeColor=theme.BLACK,
            symbolFillColor="white",
            labelLimit=380,
            symbolStrokeWidth=1.6,
            symbolSize=120,
        ),
    )
    tips = [
        alt.Tooltip("country:N", title="Country"),
        alt.Tooltip("year:Q", title="Year"),
        alt.Tooltip("measure:N", title="Source"),
        alt.Tooltip("pct:Q", title="Share (%)", format=".1f"),
        alt.Tooltip("what:N", title="Mark"),
    ]
    y = alt.Y("pct:Q")
    rings = (
        alt.Chart(electricity.flagged_points(inp))
        .mark_point(size=230, filled=False, strokeWidth=1.6, color=theme.BLACK)
        .encode(x=x, y=y, shape=shape, tooltip=tips)
    )
    national = (
        alt.Chart(electricity.national_points(inp))
        .mark_point(size=110, filled=True, opacity=1, stroke=theme.BLACK, strokeWidth=1.2)
        .encode(x=x, y=y, shape=shape, fill=alt.Fill("country:N", scale=COUNTRY_SCALE, legend=None), tooltip=tips)
    )
    return [rings, national]


def renewables_alt(inp: Inputs) -> str:
    rows = electricity.renewable_shares(inp)
    first, last = electricity.span(inp)
    ws = rows[rows["measure"] == electricity.MEASURE["wind_solar_share"]]
    flagged = electricity.flagged_points(inp)
    national = electricity.national_points(inp)
    marks = ""
    if len(flagged):
        marks += (
            " Black rings mark the points that the dataset's flagged values enter: "
            + says(f"{c} in {says(map(str, sorted(set(g['year']))))}" for c, g in flagged.groupby("country"))
            + "."
        )
    if len(national):
        marks += (
            " Diamonds outlined in black show the national statistics the text uses instead: "
            + says(f"{r.pct:.1f} per cent ({r.measure.lower()}, {r.country}, {r.year})" for r in national.itertuples())
            + "."
        )
    return (
        f"Line chart of the renewable share of electricity, {first} to {last}, Kazakhstan in "
        f"{theme.colour_name(theme.COUNTRY['Kazakhstan'])}, Azerbaijan in "
        f"{theme.colour_name(theme.COUNTRY['Azerbaijan'])}. Both countries stay between "
        f"{inp.owid['renewables_share_elec'].min():.0f} and {inp.owid['renewables_share_elec'].max():.0f} "
        "per cent, mostly hydropower. Kazakhstan's wind and solar share rises from zero in the mid-2010s to "
        f"{ws[ws['country'] == 'Kazakhstan']['pct'].iloc[-1]:.0f} per cent; in the dataset Azerbaijan's wind and "
        f"solar share peaks at {ws[ws['country'] == 'Azerbaijan']['pct'].max():.2f} per cent." + marks
    )


def btc(inp: Inputs) -> Figure:
    return btc_chart.figure_(inp)


def exports(inp: Inputs) -> Figure:
    rows = oil.route_parts(inp)
    years = oil.chart_years(inp)
    flows = list(oil.FLOW)
    labels = [oil.FLOW[f] for f in flows]
    bars = (
        alt.Chart(rows)
        .mark_bar(height={"band": 0.7}, stroke="white", strokeWidth=1.2)
        .encode(
            y=alt.Y("year:N", title=None, sort="descending"),
            x=alt.X("mt:Q", title="Million tonnes", stack="zero"),
            color=alt.Color(
                "flow:N",
                title=None,
                sort=labels,
                legend=alt.Legend(symbolStrokeWidth=0),
                scale=alt.Scale(domain=labels, range=[colours.FLOW_COLOUR[f] for f in flows]),
            ),
            opacity=alt.Opacity(
                "flow:N",
                title=None,
                sort=labels,
                scale=alt.Scale(domain=labels, range=[colours.FLOW_OPACITY[f] for f in flows]),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("year:N", title="Year"),
                alt.Tooltip("flow:N", title="Route"),
                alt.Tooltip("mt:Q", title="Million tonnes", format=".2f"),
                alt.Tooltip("share:Q", title="Share of crude exports (%)", format=".1f"),
            ],
        )
        .properties(width=600, height=44 * len(years) + 20)
    )
    no_total = oil.years_without_total(inp)
    return figure(
        bars,
        name="fig-energy-exports",
        title="Kazakhstan's crude exports by route",
        subtitle=(
            "Each bar is the year's total exports; pale grey: the part the sources do not assign to a route "
            "with a figure for the year" + (f". {says(map(str, no_total))}: no total found" if no_total else "")
        ),
        sources=["oil_kaz_exports", "oil_kaz_via_btc"],
        alt_text=exports_alt(inp),
    )


def exports_alt(inp: Inputs) -> str:
    years, totals = oil.chart_years(inp), inp.export_totals
    only = oil.btc_only_years(inp)
    rest = oil.route_parts(inp)
    rest = rest[rest["flow"] == oil.FLOW["rest"]].set_index("year")["share"]
    return (
        f"Stacked horizontal bars of Kazakh crude exports for {says(map(str, years))}, between "
        f"{totals[years].min():.0f} and {totals[years].max():.0f} million tonnes. The CPC pipeline to Novorossiysk "
        f"({colours.flow_name('cpc')}) makes up most of each itemised bar; Atyrau-Samara "
        f"({colours.flow_name('atyrau_samara')}), tankers to Makhachkala "
        f"({colours.flow_name('aktau_makhachkala')}) "
        f"and the pipeline to China ({colours.flow_name('kazakhstan_china')}) are small where they are itemised, "
        f"and the Aktau-Baku-BTC route ({colours.flow_name('aktau_btc')}) is a thin sliver."
        + (f" For {says(map(str, only))} only the BTC volume is itemised." if only else "")
        + " The pale grey part the sources do not assign is "
        + says(f"{rest[str(y)]:.0f}% of the total in {y}" for y in years if str(y) not in map(str, only))
        + "."
    )


def routes_map(inp: Inputs) -> Figure:
    lines = maps.route_lines(inp)
    bent = lines[lines["bent"]]["route"].tolist()
    return figure(
        maps.map_chart(inp),
        name="fig-energy-map",
        title="Kazakhstan's crude export routes",
        subtitle="Schematic: each line links the places its source names; line width is the Kazakh oil carried in the "
        "latest year with a figure",
        sources=["oil_routes", "oil_route_nodes", "oil_kaz_exports", "oil_kaz_via_btc", "geo_countries"],
        alt_text=(
            "Map from Türkiye to western China, with the Caspian and Black seas and the countries named. "
            f"A thick {colours.flow_name('cpc')} line runs from the Tengiz field north of the Caspian past "
            "Atyrau "
            "and Astrakhan to Novorossiysk on the Black Sea (CPC). Thinner lines run from Atyrau north to Samara "
            f"({colours.flow_name('atyrau_samara')}), from Atasu east to Alashankou on the Chinese border "
            f"({colours.flow_name('kazakhstan_china')}), by tanker from Aktau to Makhachkala "
            f"({colours.flow_name('aktau_makhachkala')}) and, in {colours.flow_name('aktau_btc')}, by tanker to "
            "Baku, from where the BTC pipeline continues via Tbilisi to Ceyhan on the Mediterranean. "
            "Pipelines are dashed and tanker crossings dotted: all lines are schematic"
            + (f"; the {says(bent)} is bent around the sea's northern shore." if bent else ".")
        ),
    )
