"""Points the energy chapter's route map draws its schematic oil export routes through.

Each node is taken from one named feature of a public dataset, never typed in:
- Natural Earth 10m populated places (cities) and 10m ports (public domain);
- OpenStreetMap railway stations (ODbL) for places Natural Earth lacks: the Tengiz
  field's station, the Aktau port station, Ceyhan and Alashankou.
A feature that is missing or matched twice stops the extract with an error.
"""

from pathlib import Path

import geopandas as gpd
import pandas as pd

RESOURCE = "oil_route_nodes"

NE_PLACES = "Natural Earth 10m populated places"
NE_PORTS = "Natural Earth 10m ports"
OSM = "OpenStreetMap railway station"

# node_id, name shown on the map, ISO3, role, (dataset, match on the dataset's fields), note
NODES = [
    (
        "tengiz",
        "Tengiz",
        "KAZ",
        "oil field; start of the CPC pipeline",
        (OSM, {"id": "5723270365"}),
        "railway station named after the field (Тенгиз), used as the field's location",
    ),
    (
        "atyrau",
        "Atyrau",
        "KAZ",
        "CPC pump station; start of the Atyrau-Samara pipeline",
        (NE_PLACES, {"nameascii": "Atyrau", "adm0_a3": "KAZ"}),
        "city point",
    ),
    (
        "astrakhan",
        "Astrakhan",
        "RUS",
        "CPC crosses Astrakhan Oblast",
        (NE_PLACES, {"nameascii": "Astrakhan", "adm0_a3": "RUS"}),
        "regional capital, stands for the oblast the CPC crosses",
    ),
    (
        "novorossiysk",
        "Novorossiysk",
        "RUS",
        "CPC marine terminal (Black Sea)",
        (NE_PORTS, {"name": "Novorossiysk"}),
        "port point; the CPC terminal lies near the port",
    ),
    (
        "samara",
        "Samara",
        "RUS",
        "end of the Atyrau-Samara pipeline",
        (NE_PLACES, {"nameascii": "Samara", "adm0_a3": "RUS"}),
        "city point",
    ),
    (
        "atasu",
        "Atasu",
        "KAZ",
        "start of the Atasu-Alashankou pipeline section",
        (NE_PLACES, {"nameascii": "Atasu", "adm0_a3": "KAZ"}),
        "settlement point",
    ),
    (
        "alashankou",
        "Alashankou",
        "CHN",
        "Kazakhstan-China border, pipeline entry to China",
        (OSM, {"id": "2662698005"}),
        "railway station (阿拉山口)",
    ),
    (
        "aktau",
        "Aktau",
        "KAZ",
        "Caspian oil port: tankers to Baku and Makhachkala",
        (OSM, {"id": "7066248958"}),
        "Aktau port railway station (Ақтау порты)",
    ),
    (
        "makhachkala",
        "Makhachkala",
        "RUS",
        "Caspian port receiving Kazakh oil by tanker",
        (NE_PLACES, {"nameascii": "Makhachkala", "adm0_a3": "RUS"}),
        "city point",
    ),
    (
        "baku",
        "Baku",
        "AZE",
        "start of BTC (Sangachal terminal, south of the city)",
        (NE_PLACES, {"nameascii": "Baku", "adm0_a3": "AZE"}),
        "city point; no public point for the Sangachal terminal was available",
    ),
    (
        "tbilisi",
        "Tbilisi",
        "GEO",
        "BTC passes through Georgia",
        (NE_PLACES, {"nameascii": "Tbilisi", "adm0_a3": "GEO"}),
        "city point, stands for the Georgian section",
    ),
    (
        "ceyhan",
        "Ceyhan",
        "TUR",
        "BTC terminal on the Mediterranean",
        (OSM, {"id": "13142516199"}),
        "town railway station, not the marine terminal",
    ),
]


def _pick(table: pd.DataFrame, match: dict, what: str) -> pd.Series:
    hit = table
    for field, value in match.items():
        hit = hit[hit[field].astype(str) == value]
    hit = hit.drop_duplicates(subset=["lon", "lat"])
    if len(hit) != 1:
        raise ValueError(f"{what}: expected one feature matching {match}, found {len(hit)}")
    return hit.iloc[0]


def _points(path: Path) -> pd.DataFrame:
    gdf = gpd.read_file(path)
    return pd.DataFrame(gdf.drop(columns="geometry")).assign(lon=gdf.geometry.x, lat=gdf.geometry.y)


def make(up: Path):
    ne = up / "natural_earth_geojson"
    files = {
        NE_PLACES: ne / "ne_10m_populated_places_simple.json",
        NE_PORTS: ne / "ne_10m_ports.json",
        OSM: up / "osm_railways_stations" / "osm_rail_stations_region.geojson",
    }
    tables = {name: _points(path) for name, path in files.items()}
    rows = []
    for node_id, name, iso3, role, (dataset, match), note in NODES:
        feat = _pick(tables[dataset], match, f"{RESOURCE}/{node_id} in {files[dataset].name}")
        if dataset == OSM:
            feature = f"OSM node {feat['id']} '{feat['name']}'"
        else:
            feature = f"'{feat['name']}'" + (f" (GeoNames {int(feat['geonameid'])})" if dataset == NE_PLACES else "")
        rows.append(
            {
                "node_id": node_id,
                "name": name,
                "country_iso3": iso3,
                "role": role,
                "lon": round(float(feat["lon"]), 5),
                "lat": round(float(feat["lat"]), 5),
                "coord_source": dataset,
                "source_feature": feature,
                "note": note,
            }
        )
    used = sorted({files[n[4][0]] for n in NODES})
    return pd.DataFrame(rows), used
