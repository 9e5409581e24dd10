"""The map of Kazakhstan's crude export routes.

No surveyed pipeline path is in data/, so every line is schematic: it links the places
its source names (data/oil_routes.csv), and the map says so (dashed, "schematic" in the
legend). Where a straight link between two land points would cross the Caspian, the line
is bent around the shore, a little inland, because the pipelines run on land: the CPC
goes from Tengiz via Atyrau north of the sea and on to Novorossiysk.
"""

from __future__ import annotations

import altair as alt
import geopandas as gpd
import pandas as pd
from shapely.geometry import LineString, Point
from shapely.ops import substring

from kzaz import basemap, shares, theme
from kzaz.prose import fmt

from . import colours, oil, pipeline
from .inputs import Inputs

BOX = (33.0, 35.0, 86.0, 55.5)  # lon/lat: Türkiye's coast to the Chinese border
INLAND_DEG = 0.15  # how far from the shore a bent pipeline is drawn
SIMPLIFY_DEG = 0.03
MODE = {"pipeline": "Pipeline (schematic)", "tanker": "Tanker crossing (schematic)"}
DASH = {"pipeline": [7, 3], "tanker": [1.5, 4]}
# Country and sea names, centred on these points (lon, lat), clear of the lines.
COUNTRY_LABELS = {
    "KAZAKHSTAN": (67.0, 47.0),
    "RUSSIA": (42.0, 52.1),
    "AZERBAIJAN": (47.0, 39.6),
    "GEORGIA": (42.8, 43.0),
    "TÜRKIYE": (37.0, 40.3),
    "TURKMENISTAN": (58.8, 40.1),
    "UZBEKISTAN": (63.8, 42.5),
    "CHINA": (83.5, 40.7),
    "IRAN": (55.5, 36.9),
}
SEA_LABELS = {"Caspian Sea": (51.0, 38.3), "Black Sea": (35.6, 43.2)}
# Names left out on a phone, where the map is too small for them (the tooltips still name every country).
MINOR = ("GEORGIA", "UZBEKISTAN", "TURKMENISTAN", "IRAN", "CHINA", "TÜRKIYE", "Black Sea")
# Where each place's label sits (basemap.PLACES), and the labels drawn away from a crowded
# point with a leader line: (lon, lat) of the label's end of the line.
LABEL_AT = {
    "novorossiysk": "above left",
    "astrakhan": "left",
    "tengiz": "right",
    "aktau": "right",
    "makhachkala": "left",
    "baku": "right",
    "tbilisi": "left",
    "ceyhan": "below right",
    "samara": "right",
    "alashankou": "below",
    "atasu": "above",
    "atyrau": "right",
}
LEADERS = {"astrakhan": (45.3, 47.6), "atyrau": (55.2, 48.6), "tengiz": (56.2, 46.0), "makhachkala": (45.2, 44.0)}
FONT = {"expr": "width < 450 ? 9 : 11"}  # smaller names on a phone
AREA_FONT = {"expr": "width < 450 ? 8 : 11"}
HIDE_ON_PHONE = {"expr": "width < 450 ? 0 : 1"}
CENTRE = ("center", 0, 4)  # a country's or sea's name centred on its point
SHORT_ON_PHONE = "width < 450 ? split(datum.label, ' (')[0] : datum.label"  # route names without their ends
ASPECT = 0.62  # the map's height to its width, at every width (a Vega signal: the page sets the width)


def around(ring: LineString, a, b) -> LineString:
    """The shorter way along `ring` from the point nearest `a` to the point nearest `b`."""
    length, da, db = ring.length, ring.project(Point(a)), ring.project(Point(b))
    one = substring(ring, da, db)
    if da < db:
        other = LineString((list(substring(ring, db, length).coords) + list(substring(ring, 0, da).coords)[1:])[::-1])
    else:
        other = LineString(list(substring(ring, da, length).coords) + list(substring(ring, 0, db).coords)[1:])
    return min((one, other), key=lambda line: line.length)


def on_land(line: LineString, water) -> LineString:
    """`line` with each straight link that crosses `water` bent around its shore, INLAND_DEG inland."""
    ring = water.buffer(INLAND_DEG).exterior
    coords = list(line.coords)
    out = [coords[0]]
    for a, b in zip(coords, coords[1:]):
        if LineString([a, b]).intersects(water):
            out += list(around(ring, a, b).simplify(SIMPLIFY_DEG).coords)
        out.append(b)
    return LineString(out)


def route_lines(inp: Inputs) -> gpd.GeoDataFrame:
    """One row per route: its schematic line (pipelines kept on land), volume, colour and length."""
    sea = basemap.caspian().geometry.union_all()
    latest = oil.latest_by_flow(inp)
    rows = []
    for r in inp.routes.itertuples():
        straight = basemap.line_through(inp.nodes, r.nodes.split(";"))
        line = on_land(straight, sea) if r.mode == "pipeline" else straight
        v = latest[r.flow]
        volume = f"{v['mt']:.1f} Mt in {v['label']}" + ("" if v["full"] else " (part of a year; no full-year figure)")
        rows.append(
            {
                "route": r.name,
                "route_id": r.route_id,
                "flow": r.flow,
                "mode": MODE[r.mode],
                "year": v["year"],
                "mt": v["mt"],
                "full": v["full"],
                "period": v["label"],
                "volume": volume,
                "source": r.source_publisher,
                "km": basemap.geodesic_km(line),
                "bent": not line.equals(straight),
                "geometry": line,
            }
        )
    return gpd.GeoDataFrame(rows, crs=basemap.CRS)


def text_layer(points: pd.DataFrame, place, colour: str = theme.GREY, size=FONT, **style) -> alt.Chart:
    """Names at their points; `place` is one of basemap.PLACES or (align, dx, dy)."""
    align, dx, dy = basemap.PLACES[place] if isinstance(place, str) else place
    return (
        alt.Chart(points)
        .mark_text(align=align, dx=dx, dy=dy, fontSize=size, color=colour, **style)
        .encode(longitude="lon:Q", latitude="lat:Q", text="label:N")
    )


def place_labels(inp: Inputs) -> list[alt.Chart]:
    """The places' names, beside their points or at the end of a leader line."""
    nodes = inp.nodes.assign(label=inp.nodes["name"])
    at = nodes["node_id"].map(LEADERS)
    far = nodes[at.notna()].assign(lon=[p[0] for p in at.dropna()], lat=[p[1] for p in at.dropna()])
    leader_rows = pd.concat(
        [nodes[at.notna()][["node_id", "lon", "lat"]].assign(end=0), far[["node_id", "lon", "lat"]].assign(end=1)]
    )
    leaders = (
        alt.Chart(leader_rows)
        .mark_line(color=theme.GREY, strokeWidth=0.7)
        .encode(longitude="lon:Q", latitude="lat:Q", detail="node_id:N", order="end:Q")
    )
    near = nodes[at.isna()]
    layers = [leaders]
    for place in dict.fromkeys(near["node_id"].map(LABEL_AT).fillna("above right")):
        rows = near[near["node_id"].map(LABEL_AT).fillna("above right") == place]
        layers.append(text_layer(rows[["lon", "lat", "label"]], place, fontWeight="bold"))
    ends = far.assign(
        side=["left" if lon < p_lon else "right" for lon, p_lon in zip(far["lon"], nodes[at.notna()]["lon"])]
    )
    for side in dict.fromkeys(ends["side"]):
        layers.append(text_layer(ends.loc[ends["side"] == side, ["lon", "lat", "label"]], side, fontWeight="bold"))
    return layers


def area_labels() -> list[alt.Chart]:
    names = pd.DataFrame(
        [
            {"label": k, "lon": v[0], "lat": v[1], "sea": k in SEA_LABELS}
            for k, v in {**COUNTRY_LABELS, **SEA_LABELS}.items()
        ]
    )
    layers = []
    for sea in (False, True):
        style = {"colour": "#3d6f8e", "fontStyle": "italic"} if sea else {"colour": colours.GREY_MID, "size": AREA_FONT}
        rows = names[names["sea"] == sea]
        minor = rows["label"].isin(MINOR)
        layers += [
            text_layer(rows[~minor][["label", "lon", "lat"]], CENTRE, **style),
            text_layer(rows[minor][["label", "lon", "lat"]], CENTRE, opacity=HIDE_ON_PHONE, **style),
        ]
    return layers


def route_layer(inp: Inputs, lines: gpd.GeoDataFrame) -> alt.Chart:
    order = inp.routes["name"].tolist()
    colour = {r.name: colours.FLOW_COLOUR[r.flow] for r in inp.routes.itertuples()}
    depth = {r.name: colours.FLOW_OPACITY[r.flow] for r in inp.routes.itertuples()}
    legend = alt.Legend(
        title=None, columns=1, symbolType="stroke", symbolStrokeWidth=4, labelLimit=320, labelExpr=SHORT_ON_PHONE
    )
    return (
        alt.Chart(lines[["route", "mode", "volume", "mt", "source", "geometry"]])
        .mark_geoshape(filled=False, strokeCap="butt")
        .encode(
            color=alt.Color("route:N", scale=alt.Scale(domain=order, range=[colour[n] for n in order]), legend=legend),
            opacity=alt.Opacity(
                "route:N", scale=alt.Scale(domain=order, range=[depth[n] for n in order]), legend=legend
            ),
            strokeWidth=alt.StrokeWidth(
                "mt:Q",
                title="Kazakh oil, latest year (Mt)",
                scale=alt.Scale(range=[2, 9]),
                legend=alt.Legend(values=[1, 10, 60], symbolType="stroke", symbolStrokeColor=theme.GREY),
            ),
            strokeDash=alt.StrokeDash(
                "mode:N",
                title=None,
                scale=alt.Scale(domain=list(MODE.values()), range=list(DASH.values())),
                legend=alt.Legend(symbolType="stroke", symbolStrokeColor=theme.GREY, symbolStrokeWidth=2.5),
            ),
            tooltip=[
                alt.Tooltip("route:N", title="Route"),
                alt.Tooltip("mode:N", title="Mode"),
                alt.Tooltip("volume:N", title="Kazakh oil (book's figure)"),
                alt.Tooltip("source:N", title="Route source"),
            ],
        )
    )


def map_chart(inp: Inputs) -> alt.LayerChart:
    lines = route_lines(inp)
    points = (
        alt.Chart(inp.nodes[["name", "role", "lon", "lat", "coord_source"]])
        .mark_circle(size=34, color="#222222", opacity=0.9)
        .encode(
            longitude="lon:Q",
            latitude="lat:Q",
            tooltip=[
                alt.Tooltip("name:N", title="Place"),
                alt.Tooltip("role:N", title="Role"),
                alt.Tooltip("coord_source:N", title="Coordinate from"),
            ],
        )
    )
    base = basemap.layers(BOX)
    return (
        alt.layer(*base.layer, *area_labels(), route_layer(inp, lines), points, *place_labels(inp))
        .project(**basemap.PROJECTION)
        .properties(width=600, height=round(600 * ASPECT))
        .add_params(alt.param(name="height", expr=f"width * {ASPECT}"))
    )


def facts(inp: Inputs) -> dict:
    lines = route_lines(inp)
    btc = lines[(lines["flow"] == "aktau_btc") & (lines["mode"] == MODE["pipeline"])].iloc[0]
    btc_real = pipeline.pipeline_rows(inp, "length", "km")["value"].iloc[0]
    bent = lines[lines["bent"]]["route"].tolist()
    part = lines[~lines["full"]]
    return {
        "btc_km": fmt(btc_real, ",.0f"),
        "btc_schematic_km": fmt(btc["km"], ",.0f"),
        "btc_schematic_pct": fmt(shares.percent_of(btc["km"], btc_real, whole_name="BTC length (bp)"), ".0f"),
        "bent_routes": " and ".join(bent) if bent else "none",
        "n_nodes": len(inp.nodes),
        "map_part_year": " ".join(
            f"For the {r.route}, whose full-year volume we did not find, the width is its {r.period} figure."
            for r in part.itertuples()
        ),
    }
