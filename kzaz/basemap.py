"""The regional basemap and the geometry helpers every map in the book uses.

- `countries(bbox)` / `caspian()`: boundaries from data/ (Natural Earth, EPSG:4326),
  clipped to a lon/lat box;
- `layers(bbox, fill=...)`: altair layers for land and the Caspian Sea, ready to put
  routes or points on top; an optional column colours countries (a choropleth);
- `PROJECTION`: one equal-area conic projection centred on the Caspian;
- `geodesic_km(geometry)`: lengths on the WGS84 ellipsoid, never in degrees;
- `line_through(nodes, ids)`: a route as a LineString through named nodes.

Vega draws a polygon whose outer ring runs counter-clockwise as "everything but
this shape", so polygons are re-oriented clockwise before they go to a chart.
"""

from __future__ import annotations

import altair as alt
import geopandas as gpd
import pandas as pd
import shapely
from pyproj import Geod
from shapely.geometry import LineString

from . import data, theme

# lon_min, lat_min, lon_max, lat_max
REGION = (26.0, 34.0, 90.0, 56.0)  # Türkiye to the China border, the book's default view
CASPIAN_CLOSEUP = (44.0, 36.5, 56.5, 47.5)
CRS = "EPSG:4326"
LAND = "#eceae4"
LAND_EDGE = "#ffffff"
SEA = "#cfe3f0"
# Equal-area conic with standard parallels bracketing the region, centred on 55 E.
PROJECTION = {"type": "conicEqualArea", "parallels": [35, 52], "rotate": [-55, 0, 0]}

_GEOD = Geod(ellps="WGS84")


def _box(bbox):
    """The lon/lat box with vertices every half degree: Vega joins vertices by great circles,
    so a cut along a parallel needs them to stay on the parallel."""
    return shapely.segmentize(shapely.box(*bbox), max_segment_length=0.5)


def clip(gdf: gpd.GeoDataFrame, bbox) -> gpd.GeoDataFrame:
    """Features intersecting a lon/lat box, cut to it."""
    box = _box(bbox)
    out = gdf[gdf.intersects(box)].copy()
    out["geometry"] = out.geometry.intersection(box)
    return out[~out.geometry.is_empty]


# Natural Earth v4.0 predates the country's 2022 request that the UN use "Türkiye"; the book
# uses the current name everywhere (the OTS chapter quotes documents that do).
DISPLAY_NAME = {"Turkey": "Türkiye"}


def countries(bbox=REGION) -> gpd.GeoDataFrame:
    """Country shapes cut to the box, under the names the book uses."""
    out = clip(data.load("geo_countries"), bbox)
    out["name"] = out["name"].replace(DISPLAY_NAME)
    return out


def caspian(bbox=REGION) -> gpd.GeoDataFrame:
    return clip(data.load("geo_caspian"), bbox)


def for_vega(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Copy with polygon rings oriented clockwise (outer) as Vega expects."""
    out = gdf.copy()
    out["geometry"] = shapely.orient_polygons(out.geometry.values, exterior_cw=True)
    return out


def open_sea(bbox=REGION) -> gpd.GeoDataFrame:
    """The whole box as water, drawn under the land: the Black Sea and the Mediterranean read as sea.

    It has the same densified edges as the land cut by `clip`, so the two meet exactly.
    """
    return gpd.GeoDataFrame({"name": ["sea"]}, geometry=[_box(bbox)], crs=CRS)


def layers(
    bbox=REGION, fill: pd.Series | None = None, fill_title: str = "", fill_scale: alt.Scale | None = None
) -> alt.LayerChart:
    """Sea, land and the Caspian; if `fill` (indexed by iso3) is given, countries are coloured by it."""
    land = for_vega(countries(bbox))
    water = alt.Chart(for_vega(open_sea(bbox))).mark_geoshape(fill=SEA, stroke=None)
    ground = (
        alt.Chart(land)
        .mark_geoshape(fill=LAND, stroke=LAND_EDGE, strokeWidth=0.8)
        .encode(tooltip=[alt.Tooltip("name:N", title="Country")])
    )
    sea = alt.Chart(for_vega(caspian(bbox))).mark_geoshape(fill=SEA, stroke=None)
    parts = [water, ground, sea]
    if fill is not None:
        coloured = land[land["iso3"].isin(fill.index)].copy()
        coloured["category"] = coloured["iso3"].map(fill)
        parts.append(
            alt.Chart(coloured)
            .mark_geoshape(stroke=LAND_EDGE, strokeWidth=0.8)
            .encode(
                color=alt.Color("category:N", title=fill_title, scale=fill_scale or alt.Undefined),
                tooltip=[
                    alt.Tooltip("name:N", title="Country"),
                    alt.Tooltip("category:N", title=fill_title or "Category"),
                ],
            )
        )
    return alt.layer(*parts).project(**PROJECTION)


def geodesic_km(geometry) -> float:
    """Length of a (Multi)LineString on the WGS84 ellipsoid, in kilometres."""
    return _GEOD.geometry_length(geometry) / 1000.0


def line_through(nodes: pd.DataFrame, ids: list[str], id_col: str = "node_id") -> LineString:
    """LineString through the nodes named in `ids`, in that order (lon/lat columns)."""
    indexed = nodes.set_index(id_col)
    missing = [i for i in ids if i not in indexed.index]
    if missing:
        raise KeyError(f"route names nodes that are not in the table: {missing}")
    return LineString([(indexed.loc[i, "lon"], indexed.loc[i, "lat"]) for i in ids])


def label_layer(
    points: pd.DataFrame, text: str = "name", dx: int = 6, dy: int = -6, align: str = "left", bold: bool = False
) -> alt.Chart:
    """Small labels for points with lon/lat columns (same projection as the basemap)."""
    return (
        alt.Chart(points)
        .mark_text(align=align, dx=dx, dy=dy, fontSize=11, color=theme.GREY, fontWeight="bold" if bold else "normal")
        .encode(longitude="lon:Q", latitude="lat:Q", text=f"{text}:N")
    )


# Where a label sits against its point: (align, dx, dy) in pixels.
PLACES = {
    "above right": ("left", 7, -7),
    "below right": ("left", 7, 12),
    "left": ("right", -8, 0),
    "right": ("left", 8, 3),
    "above": ("center", 0, -12),
    "below": ("center", 0, 16),
    "above left": ("right", -7, -7),
    "below left": ("right", -7, 12),
}


def label_layers(
    points: pd.DataFrame,
    text: str = "label",
    place: dict | None = None,
    default: str = "above right",
    bold: bool = False,
) -> list[alt.Chart]:
    """Labels that sit where the map's lines leave room: `place` maps a point's `node_id` to
    one of PLACES; the others take `default`."""
    where = points["node_id"].map(place or {}).fillna(default)
    unknown = set(where) - set(PLACES)
    if unknown:
        raise ValueError(f"label places must be one of {sorted(PLACES)}, not {sorted(unknown)}")
    return [
        label_layer(
            points.loc[where == w, ["lon", "lat", text]],
            text=text,
            dx=PLACES[w][1],
            dy=PLACES[w][2],
            align=PLACES[w][0],
            bold=bold,
        )
        for w in dict.fromkeys(where)
    ]
