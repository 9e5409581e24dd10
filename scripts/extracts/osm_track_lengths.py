"""Track length between pairs of the chapter's nodes, measured along OpenStreetMap railways.

The upstream holds OSM railway lines only for a box around Azerbaijan (lon 44.77-50.63 E,
lat 38.39-41.91 N; ways that cross its edge are kept whole, so the Kars-Igdir-Nakhchivan
line is there too). Inside that box the rail network is a graph (ways meet at shared,
rounded coordinates); each node is snapped to the nearest track vertex and the shortest
path between two nodes is measured on the WGS84 ellipsoid. The chapter compares these
lengths with the straight segments it draws, to measure how much straight segments
understate the track.
"""

from __future__ import annotations

import heapq
import json
from pathlib import Path

import pandas as pd
from pyproj import Geod

from extracts import transport_nodes

RESOURCE = "osm_track_lengths"
GEOD = Geod(ellps="WGS84")

# from, to, railway tags the path may use, what the pair stands for
PAIRS = [
    ("baku_alat_port", "ganja", ("rail",), "Alat-Ganja (Baku-Tbilisi main line)"),
    ("ganja", "boyuk_kesik", ("rail",), "Ganja-Georgian border (Baku-Tbilisi main line)"),
    ("baku_alat_port", "imishli", ("rail",), "Alat-Imishli (line to Horadiz)"),
    ("imishli", "horadiz", ("rail",), "Imishli-Horadiz"),
    ("horadiz", "aghband", ("rail", "construction"), "Horadiz-Aghband (under construction)"),
    ("ordubad", "julfa", ("rail",), "Ordubad-Julfa (Nakhchivan line)"),
    ("julfa", "nakhchivan", ("rail",), "Julfa-Nakhchivan (Nakhchivan line)"),
    ("nakhchivan", "sadarak", ("rail",), "Nakhchivan-Sadarak (Nakhchivan line)"),
    ("dilucu", "kn_0", ("construction",), "Dilucu-Kars (Kars-Igdir-Nakhchivan line, under construction)"),
]
MAX_SNAP_KM = 1.0  # a node farther than this from any track is an error, not a measurement


def _graph(features, tags):
    adj: dict = {}
    for f in features:
        if f["properties"]["railway"] not in tags:
            continue
        pts = [tuple(c) for c in f["geometry"]["coordinates"]]
        for a, b in zip(pts, pts[1:]):
            w = GEOD.inv(a[0], a[1], b[0], b[1])[2] / 1000.0
            adj.setdefault(a, []).append((b, w))
            adj.setdefault(b, []).append((a, w))
    return adj


def _snap(adj, lon, lat):
    best = min(adj, key=lambda v: (v[0] - lon) ** 2 + (v[1] - lat) ** 2)
    return best, GEOD.inv(lon, lat, best[0], best[1])[2] / 1000.0


def _shortest(adj, source, target):
    dist, queue = {source: 0.0}, [(0.0, source)]
    while queue:
        d, u = heapq.heappop(queue)
        if u == target:
            return d
        if d > dist[u]:
            continue
        for v, w in adj[u]:
            if d + w < dist.get(v, float("inf")):
                dist[v] = d + w
                heapq.heappush(queue, (d + w, v))
    return None


def make(up: Path):
    way_file = up / "osm_railways_stations" / "osm_railways_azerbaijan_bbox.geojson"
    features = json.loads(way_file.read_text(encoding="utf-8"))["features"]
    nodes, node_files = transport_nodes.make(up)
    xy = nodes.set_index("node_id")[["lon", "lat"]]
    graphs: dict = {}
    rows = []
    for a, b, tags, label in PAIRS:
        if tags not in graphs:  # one graph per kind of track, built once
            graphs[tags] = _graph(features, tags)
        adj = graphs[tags]
        (va, da), (vb, db) = _snap(adj, *xy.loc[a]), _snap(adj, *xy.loc[b])
        if max(da, db) > MAX_SNAP_KM:
            raise ValueError(f"{a}-{b}: a node lies {max(da, db):.1f} km from the nearest OSM track")
        km = _shortest(adj, va, vb)
        if km is None:
            raise ValueError(f"{a}-{b}: no connected OSM track between the two nodes")
        rows.append([a, b, label, "+".join(tags), round(km, 1), round(max(da, db), 3)])
    out = pd.DataFrame(rows, columns=["from_node", "to_node", "section", "railway_tags", "track_km", "max_snap_km"])
    return out, [way_file] + [f for f in node_files if f != way_file]
