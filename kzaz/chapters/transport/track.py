"""Legs drawn along OpenStreetMap track where the book has it, and schematic elsewhere.

The book measures its routes along straight legs between stations (`kzaz.routes`). For
the maps, a rail leg is drawn along the OpenStreetMap railway lines of
`geo_osm_rail_caucasus` where both its stations lie on mapped track and the track joins
them; every other leg stays a straight line and is marked schematic. Lengths are never
taken from these drawings.
"""

from __future__ import annotations

import geopandas as gpd
from pyproj import Geod
from shapely.geometry import LineString

from .inputs import Inputs
from .network import shortest

GEOD = Geod(ellps="WGS84")
SNAP_KM = 1.5  # a station farther than this from mapped track is not on it
JOIN_KM = 1.0  # line ends this close to another line's vertex are joined (the lines are simplified)
LONGER = (0.95, 1.6)  # track / straight: outside this, the path found is not the leg's line
ALONG_TRACK = "rail, along the track (OpenStreetMap)"
SCHEMATIC = "rail, schematic (straight)"
BY_SHIP = "by ship, schematic"
LINE_KINDS = [ALONG_TRACK, SCHEMATIC, BY_SHIP]


def _km(a, b) -> float:
    return GEOD.inv(a[0], a[1], b[0], b[1])[2] / 1000.0


def graph(rails: gpd.GeoDataFrame) -> dict:
    """The railway lines as a graph of their vertices, line ends joined to nearby lines."""
    adj: dict = {}
    ends = []
    for geom in rails.geometry:
        for part in getattr(geom, "geoms", [geom]):
            pts = list(part.coords)
            ends += [pts[0], pts[-1]]
            for a, b in zip(pts, pts[1:]):
                adj.setdefault(a, []).append((b, _km(a, b)))
                adj.setdefault(b, []).append((a, _km(a, b)))
    vertices = list(adj)
    for e in ends:
        for v in vertices:
            if v != e and abs(v[0] - e[0]) < 0.02 and abs(v[1] - e[1]) < 0.02 and _km(e, v) < JOIN_KM:
                adj[e].append((v, _km(e, v)))
                adj[v].append((e, _km(e, v)))
    return adj


def _snap(adj: dict, point) -> tuple:
    best = min(adj, key=lambda v: (v[0] - point[0]) ** 2 + (v[1] - point[1]) ** 2)
    return best, _km(point, best)


def along_track(adj: dict, line: LineString, straight_km: float) -> LineString | None:
    """The leg's path along the track, from station to station, or None where there is none."""
    a, b = line.coords[0], line.coords[-1]
    (va, da), (vb, db) = _snap(adj, a), _snap(adj, b)
    if max(da, db) > SNAP_KM:
        return None
    found = shortest(adj, va, vb)
    if found is None or not LONGER[0] <= found[0] / straight_km <= LONGER[1]:
        return None
    return LineString([a, *found[1], b])


def drawn_legs(inp: Inputs) -> gpd.GeoDataFrame:
    """The route legs as the maps draw them, with `line` saying how (LINE_KINDS)."""
    legs = inp.legs.copy()
    adj = inp.rail_graph
    geoms, kinds = [], []
    for geom, mode, km in zip(legs.geometry, legs["mode"], legs["km"]):
        path = along_track(adj, geom, km) if mode == "rail" else None
        geoms.append(path or geom)
        kinds.append(BY_SHIP if mode == "sea" else ALONG_TRACK if path else SCHEMATIC)
    legs["geometry"], legs["line"] = geoms, kinds
    return legs
