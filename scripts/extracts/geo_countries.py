"""Country boundaries for the book's maps: Natural Earth 1:50m, clipped to the region
from Hungary to western China and simplified for the web."""

from pathlib import Path

import geopandas as gpd
import shapely

RESOURCE = "geo_countries"
BBOX = (10.0, 30.0, 95.0, 58.0)  # lon_min, lat_min, lon_max, lat_max: Hungary to Dostyk/Khorgos
TOLERANCE_DEG = 0.03  # ~3 km: invisible at the book's map scales, keeps pages light


def make(up: Path):
    src = up / "natural_earth_geojson" / "ne_50m_admin_0_countries.json"
    world = gpd.read_file(src)
    # Clip first: Russia crosses the antimeridian, and the region is all the book maps.
    box = shapely.box(*BBOX)
    region = world[world.intersects(box)].copy()
    region["geometry"] = region.geometry.intersection(box).simplify(TOLERANCE_DEG, preserve_topology=True)
    region = region[~region.geometry.is_empty]
    region["geometry"] = shapely.make_valid(region.geometry.values)
    out = gpd.GeoDataFrame(
        {"iso3": region["ADM0_A3"], "name": region["NAME"]}, geometry=region.geometry, crs="EPSG:4326"
    )
    return out.sort_values("iso3").reset_index(drop=True), [src]
