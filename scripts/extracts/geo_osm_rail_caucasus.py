"""OpenStreetMap railway lines around Azerbaijan, merged and simplified for a close-up map.

Ways tagged railway=rail or railway=construction in the upstream box around Azerbaijan
(which also holds track in Georgia, Armenia, Iran and Turkey near the borders) are
merged into continuous lines; pieces shorter than 3 km (sidings, yards) are dropped and
the rest simplified to about 300 m. For drawing only: lengths come from
osm_track_lengths, measured on the full-detail network.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import shapely
from pyproj import Geod
from shapely.ops import linemerge

RESOURCE = "geo_osm_rail_caucasus"
MIN_KM = 3.0
TOLERANCE_DEG = 0.003
GEOD = Geod(ellps="WGS84")


def make(up: Path):
    src = up / "osm_railways_stations" / "osm_railways_azerbaijan_bbox.geojson"
    ways = gpd.read_file(src)
    rows = []
    for tag, label in (("rail", "in service"), ("construction", "under construction")):
        merged = linemerge(shapely.MultiLineString(list(ways[ways["railway"] == tag].geometry)))
        parts = [p for p in getattr(merged, "geoms", [merged]) if GEOD.geometry_length(p) / 1000 >= MIN_KM]
        rows.append({"status": label, "geometry": shapely.MultiLineString([p.simplify(TOLERANCE_DEG) for p in parts])})
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326"), [src]
