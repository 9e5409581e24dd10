"""The chapter's three maps: the routes across the region, the Caspian crossing, Alat to Kars.

Routes take their colours from `theme.ROUTE`. Lines follow OpenStreetMap track where the
book has it (`track.drawn_legs`) and are otherwise schematic straight lines, dashed and
named so in the legend. Countries and seas are labelled (`maplabels`).
"""

from __future__ import annotations

import altair as alt
import geopandas as gpd
import pandas as pd

from kzaz import basemap, theme
from kzaz.figures import Figure, figure

from . import ports, track, zangezur
from .inputs import Inputs
from .maplabels import area_labels, label_text, run_labels, station_labels

GROUP = {
    "middle_corridor": "Middle Corridor",
    "altynkol_feeder": "Middle Corridor",
    "kuryk_branch": "Middle Corridor",
    "black_sea_branch": "Middle Corridor",
    "batumi_branch": "Middle Corridor",
    "northern": "Northern route (through Russia)",
    "zangezur": "Proposed link through southern Armenia",
}
NORTHERN = "Northern route (through Russia)"
DASH = {track.ALONG_TRACK: [1, 0], track.SCHEMATIC: [6, 3], track.BY_SHIP: [2, 3]}
LEGEND = dict(
    symbolType="stroke",
    symbolStrokeWidth=3,
    symbolSize=500,
    labelExpr="width < 450 ? replace(datum.label, / [(].*[)]$/, '') : datum.label",
)  # short on a phone
LINE_COLS = ["group", "route_name", "from_name", "to_name", "mode", "status", "line", "km", "geometry"]
COORDINATES = {
    "osm_station": "OpenStreetMap station",
    "natural_earth_ports": "Natural Earth port",
    "natural_earth_places": "Natural Earth place",
    "wikipedia": "Wikipedia",
}
POINT_TOOLTIP = [
    alt.Tooltip("name:N", title="Place"),
    alt.Tooltip("role:N", title="Role"),
    alt.Tooltip("country_iso3:N", title="Country"),
    alt.Tooltip("throughput:N", title="Throughput"),
    alt.Tooltip("capacity:N", title="Capacity"),
    alt.Tooltip("coordinates:N", title="Coordinates from"),
]
POINT_COLS = ["lon", "lat", "name", "role", "country_iso3", "throughput", "capacity", "coordinates"]
MAP_SOURCES = ["transport_routes", "transport_nodes", "caspian_ports", "geo_countries"]

REGION = (22.0, 35.5, 88.5, 57.5)
REGION_LABELS = [
    "dostyk",
    "altynkol",
    "aktau_port",
    "baku_alat_port",
    "istanbul_port",
    "moscow",
    "brest",
    "astana",
    "kapikule",
    "beyneu",
]
REGION_PLACE = {"baku_alat_port": "below", "aktau_port": "below right", "brest": "below right", "beyneu": "below right"}
REGION_AREAS = {
    "KAZ": (66.0, 48.8),
    "RUS": (44.0, 50.5),
    "CHN": (85.0, 41.0),
    "TUR": (33.5, 38.8),
    "IRN": (54.5, 36.4),
    "UZB": (63.0, 41.8),
    "TKM": (58.5, 38.9),
    "BLR": (28.3, 52.6),
    "UKR": (31.5, 48.5),
    "AZE": ((47.6, 40.4), (39.0, 36.6)),
    "GEO": ((43.6, 42.1), (39.0, 45.2)),
}  # (at, label): leader line
REGION_SEAS = {"Caspian Sea": (50.2, 45.4), "Black Sea": (38.0, 43.0)}
REGION_MINOR = {
    "altynkol",
    "istanbul_port",
    "brest",
    "astana",
    "beyneu",
    "IRN",
    "UZB",
    "TKM",
    "BLR",
    "UKR",
    "GEO",
    "Black Sea",
}  # names left out on a phone, where the map is drawn at half its size
CASPIAN_LABELS = {
    "aktau_port": "Aktau",
    "kuryk_port": "Kuryk",
    "baku_central": "Baku",
    "turkmenbashi": "Turkmenbashi",
    "beyneu": "Beyneu",
    "ganja": "Ganja",
    "horadiz": "Horadiz",
    "baku_alat_port": "Baku (Alat)",
}
CASPIAN_PLACE = {
    "aktau_port": "left",
    "beyneu": "below right",
    "horadiz": "above left",
    "baku_alat_port": "below right",
    "baku_central": "left",
}
CASPIAN_AREAS = {
    "KAZ": (53.6, 46.4),
    "AZE": (48.0, 41.25),
    "RUS": (45.6, 44.6),
    "TKM": (55.2, 39.6),
    "IRN": (52.6, 37.2),
    "UZB": (56.0, 43.4),
    "GEO": (45.7, 42.3),
    "ARM": (45.0, 40.3),
}
CASPIAN_SEAS = {"Caspian Sea": (51.3, 38.6)}
CASPIAN_MINOR = {"ganja", "horadiz", "beyneu", "baku_central", "GEO", "ARM", "UZB", "RUS"}
ZBOX = (42.7, 38.4, 50.0, 42.0)
ZLABELS = [
    "baku_alat_port",
    "horadiz",
    "meghri",
    "julfa",
    "nakhchivan",
    "kars",
    "akhalkalaki",
    "ganja",
    "boyuk_kesik",
    "tbilisi",
    "sadarak",
]
ZPLACE = {"kars": "left", "akhalkalaki": "below right", "julfa": "below left", "meghri": "above"}
ZAREAS = {"ARM": (45.2, 40.6), "AZE": None, "IRN": (47.8, 38.75), "TUR": (43.3, 39.55), "GEO": (43.75, 41.8)}
ZSEAS = {"Caspian Sea": (49.72, 39.1)}
ZMINOR = {"boyuk_kesik", "tbilisi", "akhalkalaki", "sadarak", "ganja", "julfa", "Caspian Sea"}
ZRUNS = {
    "baku_alat_port": "below",
    "horadiz": "below right",
    "aghband": "below",
    "salamalik": "left",
    "dilucu": "right",
}  # where each status label of the link sits, by the run's first node


def points(inp: Inputs) -> pd.DataFrame:
    """Named points (not waypoints) with the ports' throughput and capacity for their tooltips."""
    waypoint = inp.nodes["coord_source"].eq("osm_way") | inp.nodes["role"].str.startswith("sea waypoint")
    out = inp.nodes[~waypoint].copy()
    out["throughput"], out["capacity"] = "—", "—"  # sourced for the three ports only
    for nid, port in ports.PORT_OF.items():
        out.loc[out["node_id"] == nid, ["throughput", "capacity"]] = list(ports.summary(inp, port))
    out["coordinates"] = out["coord_source"].map(COORDINATES)
    return out


def in_box(df: pd.DataFrame, bbox) -> pd.DataFrame:
    x0, y0, x1, y1 = bbox
    return df[df["lon"].between(x0, x1) & df["lat"].between(y0, y1)]


def drawn(inp: Inputs) -> gpd.GeoDataFrame:
    legs = track.drawn_legs(inp)
    legs["group"] = legs["route_id"].map(GROUP)
    return legs


def _scale(colours: dict, shown) -> alt.Scale:
    return theme.scale(colours, [k for k in colours if k in set(shown)])


def route_lines(
    gdf: gpd.GeoDataFrame,
    colour: str = "group",
    colours: dict = theme.ROUTE,
    title: str = "Route",
    width: float = 2.5,
    shown: gpd.GeoDataFrame | None = None,
) -> alt.Chart:
    """Legs coloured by route and dashed by how they are drawn; `shown`: all the legs the map shows,
    when it draws them in several layers (the scales must be the same in each)."""
    data = gdf.copy()
    data["km"] = data["km"].round(0)
    shown = data if shown is None else shown
    return (
        alt.Chart(data)
        .mark_geoshape(filled=False, strokeWidth=width)
        .encode(
            stroke=alt.Stroke(
                f"{colour}:N", scale=_scale(colours, shown[colour]), title=title, legend=alt.Legend(**LEGEND)
            ),
            strokeDash=alt.StrokeDash(
                "line:N", scale=_scale(DASH, shown["line"]), title="Line", legend=alt.Legend(**LEGEND)
            ),
            tooltip=[
                alt.Tooltip("route_name:N", title="Route"),
                alt.Tooltip("from_name:N", title="From"),
                alt.Tooltip("to_name:N", title="To"),
                alt.Tooltip("status:N", title="Status"),
                alt.Tooltip("line:N", title="Drawn"),
                alt.Tooltip("km:Q", title="Straight-line km", format=",.0f"),
            ],
        )
    )


def point_marks(df: pd.DataFrame, size: int = 45) -> alt.Chart:
    return (
        alt.Chart(df[POINT_COLS])
        .mark_circle(size=size, color="#333333", stroke="white", strokeWidth=1, opacity=0.9)
        .encode(longitude="lon:Q", latitude="lat:Q", tooltip=POINT_TOOLTIP)
    )


def _colours(gdf: gpd.GeoDataFrame, colour: str = "group", colours: dict = theme.ROUTE) -> str:
    return "; ".join(f"{theme.colour_name(colours[g])}: {g}" for g in colours if g in set(gdf[colour]))


def _lines_said(gdf: gpd.GeoDataFrame) -> str:
    kinds = {
        track.ALONG_TRACK: "solid where they follow OpenStreetMap track",
        track.SCHEMATIC: "dashed where they are schematic straight lines",
        track.BY_SHIP: "dotted for the sea crossing",
    }
    return ", ".join(v for k, v in kinds.items() if k in set(gdf["line"]))


def region(inp: Inputs) -> Figure:
    legs = basemap.clip(drawn(inp)[LINE_COLS], REGION)
    northern = legs["group"] == NORTHERN
    pts = points(inp)
    labels = label_text(pts[pts["node_id"].isin(REGION_LABELS)])
    chart = (
        alt.layer(
            basemap.layers(REGION),
            *area_labels(REGION, REGION_AREAS, REGION_SEAS, REGION_MINOR),
            # The Northern route wide and underneath: where both share the track from Dostyk, the Middle
            # Corridor shows inside it instead of vanishing under it.
            route_lines(legs[northern], width=5, shown=legs),
            route_lines(legs[~northern], shown=legs),
            point_marks(in_box(pts, REGION), size=30),
            *station_labels(labels, REGION_PLACE, REGION_MINOR),
        )
        .project(**basemap.PROJECTION)
        .properties(width=660, height=430)
    )
    return figure(
        chart,
        name="fig-tr-map-region",
        aspect=660 / 430,
        min_height=380,
        title="The Middle Corridor and the Northern route, drawn through sourced points",
        subtitle="Schematic: straight lines between stations, ports and border crossings, except where they follow "
        "OpenStreetMap track in the Caucasus; dotted: by ship across the Caspian",
        hint="Hover or tap for details",
        sources=MAP_SOURCES,
        alt_text=(
            f"Map from Belarus and Türkiye in the west to the Kazakh-Chinese border in the east, with countries "
            f"and seas named. Route colours: {_colours(legs)}. Lines are {_lines_said(legs)}. The Middle "
            "Corridor runs from Dostyk and Altynkol across Kazakhstan to Aktau and Kuryk, crosses the Caspian "
            "Sea to Alat near Baku, and continues through Georgia to Kars and across Türkiye to the Bulgarian "
            "border. The Northern route runs from Dostyk north through Astana and Russia to Moscow and Brest. A "
            "short line in the South Caucasus marks the proposed link through southern Armenia."
        ),
    )


def caspian(inp: Inputs) -> Figure:
    box = basemap.CASPIAN_CLOSEUP
    legs = basemap.clip(drawn(inp)[LINE_COLS], box)
    pts = in_box(points(inp), box)
    labels = pts[pts["node_id"].isin(CASPIAN_LABELS)].assign(label=lambda d: d["node_id"].map(CASPIAN_LABELS))
    chart = (
        alt.layer(
            basemap.layers(box),
            *area_labels(box, CASPIAN_AREAS, CASPIAN_SEAS, CASPIAN_MINOR),
            route_lines(legs, width=3),
            point_marks(pts, size=70),
            *station_labels(labels, CASPIAN_PLACE, CASPIAN_MINOR),
        )
        .project(**basemap.PROJECTION)
        .properties(width=560, height=480)
    )
    return figure(
        chart,
        name="fig-tr-map-caspian",
        aspect=560 / 480,
        min_height=420,
        title="The Caspian crossing: Aktau and Kuryk to the Port of Baku at Alat",
        subtitle="Sea lanes drawn round the Absheron peninsula past Chilov island (schematic); rail lines follow "
        "OpenStreetMap track in Azerbaijan and are schematic elsewhere",
        hint="Hover over or tap a port for throughput and capacity",
        sources=MAP_SOURCES + ["geo_caspian", "geo_osm_rail_caucasus"],
        alt_text=(
            f"Map of the Caspian Sea with its shores' countries named. Route colours: {_colours(legs)}; lines "
            f"are {_lines_said(legs)}. Dotted lines run from Aktau and from Kuryk on the Kazakh coast south "
            "past the tip of the Absheron peninsula to Alat, south of Baku. Rail lines lead to Aktau from Beyneu "
            "and from Alat west towards Georgia and south-west towards Horadiz. Turkmenbashi is marked on the "
            "eastern shore."
        ),
    )


def zangezur_map(inp: Inputs) -> Figure:
    legs = drawn(inp)
    alts = zangezur.alternatives(legs)
    colours = {
        zangezur.ALT["georgia"]: theme.ROUTE["Middle Corridor"],
        zangezur.ALT["armenia"]: theme.ROUTE["Proposed link through southern Armenia"],
    }
    shown = basemap.clip(alts[LINE_COLS + ["alternative"]], ZBOX)
    rails = (
        alt.Chart(basemap.clip(inp.rails, ZBOX))
        .mark_geoshape(filled=False, stroke="#9a9a9a", strokeWidth=0.8)
        .encode(
            strokeDash=alt.StrokeDash(
                "status:N",
                scale=alt.Scale(domain=["in service", "under construction"], range=[[1, 0], [2, 2]]),
                legend=None,
            ),
            tooltip=[alt.Tooltip("status:N", title="OpenStreetMap railway")],
        )
    )
    pts = in_box(points(inp), ZBOX)
    pts = pts[pts["node_id"].isin(set(alts["from_id"]) | set(alts["to_id"]) | {"tbilisi", "baku_central"})]
    labels = label_text(pts[pts["node_id"].isin(ZLABELS)], short={"Port of Baku at Alat": "Alat"})
    link = legs[legs["route_id"] == zangezur.LINK]
    chart = (
        alt.layer(
            basemap.layers(ZBOX),
            *area_labels(ZBOX, ZAREAS, ZSEAS, ZMINOR),
            rails,
            route_lines(shown, colour="alternative", colours=colours, title="From Alat to Kars", width=3),
            point_marks(pts, size=55),
            *station_labels(labels, ZPLACE, ZMINOR),
            *run_labels(link, ZRUNS),
        )
        .resolve_scale(strokeDash="independent")
        .project(**basemap.PROJECTION)
        .properties(width=620, height=420)
    )
    k = zangezur.lengths(inp)
    return figure(
        chart,
        name="fig-tr-map-zangezur",
        aspect=620 / 420,
        min_height=400,
        title="Two ways from the Port of Baku at Alat to Kars",
        subtitle="Through Georgia, or through southern Armenia and Nakhchivan, with the status of each stretch; lines "
        "follow OpenStreetMap track (grey: all railways mapped there) where it exists, dashed where schematic",
        hint="Hover or tap for details",
        sources=["transport_routes", "transport_nodes", "geo_osm_rail_caucasus", "geo_countries"],
        alt_text=(
            f"Close-up map of the South Caucasus with Armenia, Azerbaijan, Georgia, Iran and Türkiye named. "
            f"Colours: {_colours(shown, 'alternative', colours)}; lines are {_lines_said(shown)}. The way via "
            "Georgia runs from Alat west through Ganja into Georgia, then south-west through Akhalkalaki to Kars "
            "in Türkiye. The way through Armenia runs from Alat south-west to Horadiz, west along the Iranian "
            "border through Armenia's southern tip at Meghri into Nakhchivan, north-west along the Aras through "
            f"Julfa and Nakhchivan, and into Türkiye near Igdir to Kars; labels along it give each stretch's "
            f"status. Drawn straight, the way via Georgia is {k['georgia']:,.0f} km and the way through Armenia "
            f"{k['armenia']:,.0f} km."
        ),
    )
