"""Routes drawn as chains of named nodes: leg geometries, geodesic lengths, checks.

A route is a table of rows (route_id, seq, node_id, leg_mode, leg_status): each row's
leg runs from its node to the next row's node; the last row of a route has no leg.
`legs()` turns such a table and a node table (node_id, name, lon, lat) into one
LineString per leg, measured on the WGS84 ellipsoid (`basemap.geodesic_km`).

Straight legs between nodes are shorter than the track or shipping lane they stand
for (a geodesic is the shortest path between two points): `chord_ratio()` compares a
drawn length with a published or measured one, and `TOLERANCE` states how far below
the published length a drawn one may fall before the drawing is suspect.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from . import basemap, shares
from .data import DataError

# A drawn (straight-leg) length divided by the published length of the same stretch.
# It cannot exceed 1 (plus rounding of the published figure); below 0.75 the real path
# would be a third longer than the chord, more than the railways measured along
# OpenStreetMap track in this region show (see the transport chapter).
TOLERANCE = (0.75, 1.0)
ROUNDING = 0.01  # published figures are rounded; allow 1% above the upper bound


def check_chains(routes: pd.DataFrame, nodes: pd.DataFrame, path: str = "data/transport_routes.csv") -> None:
    """Every node exists, seq runs 1..n, and only a route's last row lacks a leg."""
    problems = []
    known = set(nodes["node_id"])
    for i, row in enumerate(routes.itertuples(index=False), start=2):
        if row.node_id not in known:
            problems.append(f"{path}, row {i}, field 'node_id': '{row.node_id}' is not in transport_nodes")
    for route_id, chain in routes.groupby("route_id", sort=False):
        seqs = list(chain["seq"])
        if seqs != list(range(1, len(seqs) + 1)):
            problems.append(f"{path}, route '{route_id}', field 'seq': expected 1..{len(seqs)} in order, found {seqs}")
        for k, (idx, row) in enumerate(chain.iterrows()):
            last = k == len(chain) - 1
            has_leg = isinstance(row["leg_mode"], str) and row["leg_mode"] != ""
            if has_leg == last:
                what = "has a leg after its last node" if last else "has no leg mode"
                problems.append(f"{path}, row {idx + 2}, field 'leg_mode': route '{route_id}' {what}")
    if problems:
        raise DataError(problems)


def legs(routes: pd.DataFrame, nodes: pd.DataFrame) -> gpd.GeoDataFrame:
    """One row per leg: route, order, end nodes, mode, status, geodesic km, LineString (EPSG:4326)."""
    check_chains(routes, nodes)
    names = nodes.set_index("node_id")["name"]
    rows = []
    for route_id, chain in routes.groupby("route_id", sort=False):
        chain = chain.sort_values("seq")
        ids = list(chain["node_id"])
        for k in range(len(ids) - 1):
            row = chain.iloc[k]
            line = basemap.line_through(nodes, [ids[k], ids[k + 1]])
            rows.append(
                {
                    "route_id": route_id,
                    "route_name": row["route_name"],
                    "seq": int(row["seq"]),
                    "from_id": ids[k],
                    "to_id": ids[k + 1],
                    "from_name": names[ids[k]],
                    "to_name": names[ids[k + 1]],
                    "mode": row["leg_mode"],
                    "status": row["leg_status"],
                    "km": basemap.geodesic_km(line),
                    "geometry": line,
                }
            )
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=basemap.CRS)


def path_legs(route_legs: gpd.GeoDataFrame, route_id: str, start: str, end: str) -> gpd.GeoDataFrame:
    """The legs of one route from node `start` to node `end`, in route order."""
    chain = route_legs[route_legs["route_id"] == route_id].sort_values("seq").reset_index(drop=True)
    if chain.empty:
        raise KeyError(f"no route '{route_id}'")
    starts, ends = list(chain["from_id"]), list(chain["to_id"])
    if start not in starts or end not in ends:
        raise KeyError(f"route '{route_id}' does not run from '{start}' to '{end}'")
    i, j = starts.index(start), ends.index(end)
    if j < i:
        raise KeyError(f"on route '{route_id}', '{end}' comes before '{start}'")
    return chain.loc[i:j]


def path_km(route_legs: gpd.GeoDataFrame, route_id: str, start: str, end: str) -> float:
    """Drawn length along one route from node `start` to node `end` (in route order)."""
    return float(path_legs(route_legs, route_id, start, end)["km"].sum())


def km_by_mode(route_legs: gpd.GeoDataFrame) -> pd.DataFrame:
    """Drawn km per route and mode, with the route total."""
    table = route_legs.pivot_table(index="route_id", columns="mode", values="km", aggfunc="sum", fill_value=0.0)
    table["total"] = table.sum(axis=1)
    return table


def km_by_country(line, countries: gpd.GeoDataFrame) -> pd.Series:
    """Geodesic km of a line inside each country polygon (index: iso3), longest first."""
    out = {}
    for iso3, geom in zip(countries["iso3"], countries.geometry):
        if line.intersects(geom):
            km = basemap.geodesic_km(line.intersection(geom))
            if km > 0:
                out[iso3] = km
    return pd.Series(out, dtype=float).sort_values(ascending=False)


def chord_ratio(drawn_km: float, reference_km: float) -> float:
    if reference_km <= 0:
        raise ValueError("the reference length must be positive")
    return drawn_km / reference_km


def within_tolerance(drawn_km: float, reference_km: float, tolerance=TOLERANCE) -> bool:
    low, high = tolerance
    return low <= chord_ratio(drawn_km, reference_km) <= high + ROUNDING


def share_saved(via_km: float, alternative_km: float) -> float:
    """Percentage of `via_km` saved by taking `alternative_km` instead (negative: the alternative is longer)."""
    return shares.percent_of(via_km - alternative_km, via_km, whole_name="the reference route's length")
