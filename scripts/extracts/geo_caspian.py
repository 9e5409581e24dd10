"""The Caspian Sea polygon (Natural Earth 1:50m marine areas), simplified for the web."""

from pathlib import Path

import geopandas as gpd

RESOURCE = "geo_caspian"
TOLERANCE_DEG = 0.03


def make(up: Path):
    src = up / "natural_earth_geojson" / "caspian_sea_ne_50m.geojson"
    sea = gpd.read_file(src)
    out = gpd.GeoDataFrame(
        {"name": ["Caspian Sea"]},
        geometry=sea.geometry.simplify(TOLERANCE_DEG, preserve_topology=True).values,
        crs="EPSG:4326",
    )
    return out, [src]
