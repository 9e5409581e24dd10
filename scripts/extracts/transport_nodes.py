"""Named points of the transport chapter's routes, each with the source of its coordinates.

Most points are OpenStreetMap railway stations (picked by OSM node id from the
upstream station layer); a few are Natural Earth ports or populated places (picked
by name and country); twelve are vertices of OSM ways (the Horadiz-Aghband and
Kars-Igdir-Nakhchivan lines under construction, which have no stations in the
extract yet); three come from Wikipedia pages read by hand (two towns with no
station in the extracts, and one island used as a sea waypoint): their coordinates
and the pages they were read from are written below.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

RESOURCE = "transport_nodes"

OSM_URL = "https://www.openstreetmap.org/node/{}"
OSM_WAY_URL = "https://www.openstreetmap.org/way/{}"

# node_id, name, ISO3, role, OSM node id
OSM_STATIONS = [
    (
        "khorgos_cn",
        "Khorgos (Chinese side)",
        "CHN",
        "China-Kazakhstan rail border crossing, Chinese station",
        6316474613,
    ),
    ("altynkol", "Altynkol", "KAZ", "China-Kazakhstan rail border crossing (Khorgos gateway)", 4046956026),
    ("dostyk", "Dostyk", "KAZ", "China-Kazakhstan rail border crossing (opposite Alashankou)", 4025083258),
    ("almaty_1", "Almaty-1", "KAZ", "rail hub", 260543817),
    ("chu", "Shu (Chu)", "KAZ", "rail junction", 4032336053),
    ("aktogay", "Aktogay", "KAZ", "rail junction", 4020137341),
    ("moyinty", "Moyinty", "KAZ", "rail junction, end of the Dostyk-Moyinty second track", 1843860384),
    ("zhezkazgan", "Zhezkazgan", "KAZ", "rail junction, start of the Zhezkazgan-Beyneu line", 922818608),
    ("saksaulskaya", "Saksaulskaya (Sekseuil)", "KAZ", "rail junction on the Zhezkazgan-Beyneu line", 2404537552),
    ("shalkar", "Shalkar", "KAZ", "rail junction on the Zhezkazgan-Beyneu line", 4032336057),
    ("beyneu", "Beyneu", "KAZ", "rail junction towards Aktau and Kuryk", 4064729697),
    ("mangystau", "Mangystau", "KAZ", "rail station serving Aktau", 4034464670),
    ("aktau_port", "Aktau port", "KAZ", "Caspian seaport (oil, dry cargo, containers)", 7066248958),
    ("kuryk_port", "Kuryk port", "KAZ", "Caspian ferry and ro-ro port", 11910129790),
    ("turkmenbashi", "Turkmenbashi", "TKM", "Caspian port (another ferry route to Baku)", 2945761272),
    (
        "baku_alat_port",
        "Port of Baku at Alat (Yeni Alat station)",
        "AZE",
        "Caspian seaport and ferry terminal; the nearest station stands for the port",
        3078997905,
    ),
    ("baku_central", "Baku Central", "AZE", "capital, rail hub", 3950438053),
    ("imishli", "Imishli", "AZE", "station on the Alat-Horadiz line", 2058340615),
    ("horadiz", "Horadiz", "AZE", "start of the Horadiz-Aghband line", 3078736354),
    ("ganja", "Ganja", "AZE", "station on the Baku-Tbilisi line", 3072419334),
    ("boyuk_kesik", "Boyuk Kesik", "AZE", "Azerbaijan-Georgia rail border crossing", 2857851598),
    ("tbilisi", "Tbilisi (Tbilisi-Cargo)", "GEO", "capital, rail hub", 3072368499),
    ("marabda", "Marabda", "GEO", "junction where the Baku-Tbilisi-Kars line leaves the main line", 10781805793),
    ("khashuri", "Khashuri", "GEO", "station on the Tbilisi-Black Sea line", 10776367478),
    ("samtredia", "Samtredia", "GEO", "junction for Poti and Batumi", 10056291746),
    ("kartsakhi", "Kartsakhi", "GEO", "Georgia-Türkiye border on the Baku-Tbilisi-Kars line", 13249471534),
    ("kars", "Kars", "TUR", "Turkish end of the Baku-Tbilisi-Kars line", 2005962642),
    ("erzurum", "Erzurum", "TUR", "station on the Kars-Ankara line", 13239613528),
    ("sivas", "Sivas", "TUR", "station on the Kars-Ankara line", 10820137957),
    ("ankara", "Ankara", "TUR", "capital, rail hub", 9747501490),
    ("kapikule", "Kapikule", "TUR", "Türkiye-Bulgaria rail border crossing (EU border)", 11132878356),
    ("salamalik", "Salamalik", "AZE", "station on the Nakhchivan line near the Armenian border", 3963704035),
    ("ordubad", "Ordubad", "AZE", "station on the Nakhchivan line", 3082835805),
    ("deste", "Deste", "AZE", "station on the Nakhchivan line", 3893015328),
    ("asagi_aza", "Asagi Aza", "AZE", "station on the Nakhchivan line", 3082841257),
    ("yayci", "Yayci", "AZE", "station on the Nakhchivan line", 3893018487),
    ("julfa", "Julfa", "AZE", "station on the Nakhchivan line, Azerbaijan-Iran border", 235460157),
    ("nakhchivan", "Nakhchivan", "AZE", "capital of the Nakhchivan Autonomous Republic", 8631252675),
    ("sadarak", "Sadarak", "AZE", "station near the Nakhchivan-Türkiye border", 3963722257),
    ("karaganda", "Karaganda", "KAZ", "rail hub", 4025962078),
    ("astana", "Astana-1", "KAZ", "capital, rail hub", 4020137343),
    ("petropavl", "Petropavl", "KAZ", "rail junction near the Russian border", 1448632804),
    ("chelyabinsk", "Chelyabinsk", "RUS", "rail hub", 4074554082),
    ("samara", "Samara", "RUS", "rail hub", 457012018),
    ("moscow", "Moscow (Kazansky station)", "RUS", "capital, rail hub", 85698866),
    ("smolensk", "Smolensk", "RUS", "rail hub", 2011389433),
    ("krasnoe", "Krasnoe", "RUS", "Russia-Belarus rail border", 272715670),
    ("minsk", "Minsk", "BLR", "capital, rail hub", 27184541),
]

# Points on two lines that have no stations in the extract yet (railway=construction):
# node_id, name, OSM way id, vertex index (0 = first, -1 = last), role.
HAL = "on the Horadiz-Aghband railway (under construction)"
KNL = "on the Kars-Igdir-Nakhchivan railway (under construction)"
KN_WAY = 1329000251  # 224.7 km from near Kars to Dilucu on the Nakhchivan border
OSM_WAY_POINTS = [
    ("hal_1", "Horadiz-Aghband line, waypoint 1", 1065808658, -1, HAL),
    ("hal_2", "Horadiz-Aghband line, waypoint 2", 1052865553, -1, HAL),
    ("hal_3", "Horadiz-Aghband line, waypoint 3", 1253657437, -1, HAL),
    ("hal_4", "Horadiz-Aghband line, waypoint 4", 190520443, 0, HAL),
    (
        "aghband",
        "Aghband (end of the Horadiz-Aghband line as mapped)",
        529022587,
        -1,
        "western end of the Horadiz-Aghband railway, at the Armenian border",
    ),
    (
        "dilucu",
        "Dilucu (Nakhchivan end of the Kars-Igdir-Nakhchivan line as mapped)",
        KN_WAY,
        -1,
        "Türkiye-Nakhchivan border crossing on the Kars-Igdir-Nakhchivan railway (under construction)",
    ),
    ("kn_5", "Kars-Igdir-Nakhchivan line, waypoint 5", KN_WAY, 400, KNL),
    ("kn_4", "Kars-Igdir-Nakhchivan line, waypoint 4", KN_WAY, 350, KNL),
    ("kn_3", "Kars-Igdir-Nakhchivan line, waypoint 3 (near Igdir)", KN_WAY, 300, KNL),
    ("kn_2", "Kars-Igdir-Nakhchivan line, waypoint 2", KN_WAY, 200, KNL),
    ("kn_1", "Kars-Igdir-Nakhchivan line, waypoint 1", KN_WAY, 100, KNL),
    ("kn_0", "Kars end of the Kars-Igdir-Nakhchivan line as mapped", KN_WAY, 0, KNL),
]

# node_id, name, ISO3, role, Natural Earth layer, NE name, NE country (adm0_a3; ports have none)
NATURAL_EARTH = [
    ("poti_port", "Poti port", "GEO", "Black Sea port", "ports", "Poti", None),
    ("batumi_port", "Batumi port", "GEO", "Black Sea port and oil terminal", "ports", "Batumi", None),
    ("istanbul_port", "Istanbul port", "TUR", "Bosporus crossing, gateway to Europe", "ports", "Istanbul", None),
    ("brest", "Brest", "BLR", "Belarus-Poland rail border (EU border)", "places", "Brest", "BLR"),
]
NE_FILES = {"ports": "ne_10m_ports.json", "places": "ne_10m_populated_places_simple.json"}
NE_URL = {
    "ports": "https://www.naturalearthdata.com/downloads/10m-cultural-vectors/ports/",
    "places": "https://www.naturalearthdata.com/downloads/10m-cultural-vectors/10m-populated-places/",
}

# Read by hand: node_id, name, ISO3, role, lat, lon, page, what the page says, who read it.
WIKIPEDIA = [
    (
        "akhalkalaki",
        "Akhalkalaki",
        "GEO",
        "break-of-gauge station on the Baku-Tbilisi-Kars line",
        41.4,
        43.48333,
        "https://de.zxc.wiki/wiki/Achalkalaki",
        "town centre 41°24'N 43°29'E (German Wikipedia, mirror)",
        "research",
    ),
    (
        "meghri",
        "Meghri",
        "ARM",
        "town in Syunik on the former Soviet railway along the Aras",
        38.9,
        46.25,
        "https://de.wikiup.org/index.php?oldid=219810551&title=Meghri",
        "town centre 38°54'N 46°15'E (German Wikipedia, mirror)",
        "research",
    ),
    (
        "chilov",
        "Chilov island (sea waypoint)",
        "AZE",
        "sea waypoint: ships between Kazakhstan and Baku round the Absheron peninsula",
        40.33333,
        50.58333,
        "https://defzone.net/wiki/de/Chilov",
        "island 40°20'N 50°35'E (German Wikipedia, mirror)",
        "chapter author",
    ),
]

COLUMNS = [
    "node_id",
    "name",
    "country_iso3",
    "role",
    "lat",
    "lon",
    "coord_source",
    "coord_source_ref",
    "coord_source_url",
    "coord_note",
]


def _stations(path: Path) -> dict:
    stations = {}
    for f in json.loads(path.read_text(encoding="utf-8"))["features"]:
        stations.setdefault(f["properties"]["id"], f)  # the same node recurs in several country boxes
    return stations


def _ways(path: Path) -> dict:
    return {f["properties"]["osm_way_id"]: f for f in json.loads(path.read_text(encoding="utf-8"))["features"]}


def make(up: Path):
    osm_dir = up / "osm_railways_stations"
    ne_dir = up / "natural_earth_geojson"
    st_file = osm_dir / "osm_rail_stations_region.geojson"
    way_file = osm_dir / "osm_railways_azerbaijan_bbox.geojson"
    stations, ways = _stations(st_file), _ways(way_file)
    rows = []
    for node_id, name, iso, role, osm_id in OSM_STATIONS:
        f = stations.get(osm_id)
        if f is None:
            raise KeyError(f"OSM station {osm_id} ({node_id}) is not in {st_file}")
        lon, lat = f["geometry"]["coordinates"]
        p = f["properties"]
        osm_name = " / ".join(n for n in (p.get("name"), p.get("nameLocal")) if n)
        rows.append(
            [
                node_id,
                name,
                iso,
                role,
                lat,
                lon,
                "osm_station",
                f"node {osm_id}",
                OSM_URL.format(osm_id),
                f"OSM railway={p.get('type')} '{osm_name}'",
            ]
        )
    for node_id, name, way_id, index, role in OSM_WAY_POINTS:
        coords = ways[way_id]["geometry"]["coordinates"]
        lon, lat = coords[index]
        where = {0: "first vertex", -1: "last vertex"}.get(index, f"vertex {index} of {len(coords)}")
        iso = "TUR" if way_id == KN_WAY else "AZE"
        rows.append(
            [
                node_id,
                name,
                iso,
                role,
                lat,
                lon,
                "osm_way",
                f"way {way_id} ({where})",
                OSM_WAY_URL.format(way_id),
                f"OSM railway={ways[way_id]['properties']['railway']}",
            ]
        )
    ne_cache = {}
    for node_id, name, iso, role, layer, ne_name, ne_iso in NATURAL_EARTH:
        if layer not in ne_cache:
            ne_cache[layer] = json.loads((ne_dir / NE_FILES[layer]).read_text(encoding="utf-8"))["features"]
        hits = [
            f
            for f in ne_cache[layer]
            if f["properties"]["name"] == ne_name and (ne_iso is None or f["properties"].get("adm0_a3") == ne_iso)
        ]
        if len(hits) != 1:
            raise KeyError(f"Natural Earth {layer} '{ne_name}' ({ne_iso}): {len(hits)} matches, expected 1")
        lon, lat = hits[0]["geometry"]["coordinates"]
        rows.append(
            [
                node_id,
                name,
                iso,
                role,
                lat,
                lon,
                f"natural_earth_{layer}",
                f"{NE_FILES[layer]}: {ne_name}",
                NE_URL[layer],
                "Natural Earth 10m v4.0",
            ]
        )
    for node_id, name, iso, role, lat, lon, url, said, reader in WIKIPEDIA:
        rows.append([node_id, name, iso, role, lat, lon, "wikipedia", said, url, f"read by the {reader}"])
    out = pd.DataFrame(rows, columns=COLUMNS)
    out["lat"] = out["lat"].round(5)
    out["lon"] = out["lon"].round(5)
    return out, [st_file, way_file] + [ne_dir / NE_FILES[k] for k in sorted(ne_cache)]
