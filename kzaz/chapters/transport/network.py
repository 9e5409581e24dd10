"""Lengths on the book's drawn network: routes by country, the track comparison, published distances.

Every length here is measured along the straight (geodesic) legs the routes are drawn
with (`kzaz.routes`); the comparisons with OpenStreetMap track and with published
distances say how much such lines understate the real path.
"""

from __future__ import annotations

import heapq

import pandas as pd

from kzaz import basemap, dates, routes
from kzaz.markdown import says
from kzaz.prose import fmt

from .inputs import Inputs

SEA = "Caspian Sea (by ship)"
# Sections of the two long routes, west of the Chinese border in route order, then the Northern route's.
SECTIONS = ["Kazakhstan", SEA, "Azerbaijan", "Georgia", "Türkiye", "Russia", "Belarus"]
# The two routes compared from the Kazakh-Chinese border to the border of the European Union.
COMPARED = {
    "middle_corridor": ("dostyk", "kapikule", "Middle Corridor: Dostyk to Kapikule"),
    "northern": ("dostyk", "brest", "Northern route: Dostyk to Brest"),
}
# A published sea distance ending at the old port in the city is measured along the map's sea lane.
SEA_LANE_VIA = {("aktau_port", "baku_central"): ["aktau_port", "chilov", "baku_central"]}
COMPARABLE_MODES = ("rail", "sea", "rail and sea")  # published stretches the drawn legs stand for


def route_km(inp: Inputs, route_id: str) -> float:
    start, end, _ = COMPARED[route_id]
    return routes.path_km(inp.legs, route_id, start, end)


def by_section(inp: Inputs, route_id: str, start: str, end: str) -> pd.DataFrame:
    """Drawn km from `start` to `end` on a route, split by country (rail) or sea."""
    rows = []
    for leg in routes.path_legs(inp.legs, route_id, start, end).itertuples():
        if leg.mode == "sea":
            rows.append((SEA, leg.km))
            continue
        shares = routes.km_by_country(leg.geometry, inp.countries)
        for iso3, km in shares.items():  # scaled so that the parts add up to the leg
            rows.append((inp.country_name[iso3], leg.km * km / shares.sum()))
    return pd.DataFrame(rows, columns=["section", "km"]).groupby("section", sort=False)["km"].sum().reset_index()


def lengths(inp: Inputs) -> pd.DataFrame:
    """The two routes' drawn lengths by section (the lengths chart's rows)."""
    parts = [by_section(inp, rid, start, end).assign(route=label) for rid, (start, end, label) in COMPARED.items()]
    out = pd.concat(parts, ignore_index=True)
    out["order"] = out["section"].map(SECTIONS.index)
    out["km_round"] = out["km"].round(0)
    return out


# ------------------------------------------------------------------ shortest paths


def shortest(adj: dict, source, target) -> tuple[float, list] | None:
    """Length and vertices of the shortest path in a graph {vertex: [(neighbour, km), ...]}."""
    dist, prev, queue = {source: 0.0}, {}, [(0.0, source)]
    while queue:
        d, u = heapq.heappop(queue)
        if u == target:
            path = [u]
            while path[-1] != source:
                path.append(prev[path[-1]])
            return d, path[::-1]
        if d > dist[u]:
            continue
        for v, w in adj.get(u, ()):
            if d + w < dist.get(v, float("inf")):
                dist[v], prev[v] = d + w, u
                heapq.heappush(queue, (d + w, v))
    return None


def drawn_km(inp: Inputs, start: str, end: str) -> float:
    """Length along the drawn legs between two nodes (the shortest way through the routes)."""
    via = SEA_LANE_VIA.get((start, end))
    if via:
        return basemap.geodesic_km(basemap.line_through(inp.nodes, via))
    adj: dict = {}
    for a, b, km in zip(inp.legs["from_id"], inp.legs["to_id"], inp.legs["km"]):
        adj.setdefault(a, []).append((b, km))
        adj.setdefault(b, []).append((a, km))
    found = shortest(adj, start, end)
    if found is None:
        raise KeyError(f"no drawn path from '{start}' to '{end}'")
    return found[0]


# ------------------------------------------------------------- track and published


def route_of(inp: Inputs, start: str, end: str) -> str:
    """The first route (in the route table's order) that runs from `start` to `end`."""
    for route_id in dict.fromkeys(inp.legs["route_id"]):
        try:
            routes.path_legs(inp.legs, route_id, start, end)
            return route_id
        except KeyError:
            continue
    raise KeyError(f"no route runs from '{start}' to '{end}'")


def track_comparison(inp: Inputs) -> pd.DataFrame:
    """OpenStreetMap track against the drawn path, per measured section, with the legs' status."""
    track = inp.track.copy()
    legs = [routes.path_legs(inp.legs, route_of(inp, a, b), a, b) for a, b in zip(track["from_node"], track["to_node"])]
    track["drawn_km"] = [float(part["km"].sum()) for part in legs]
    track["extra_pct"] = 100 * (track["track_km"] / track["drawn_km"] - 1)
    track["status"] = [" / ".join(sorted(set(part["status"]))) for part in legs]  # the route table's, not OSM's tags
    return track


def distance_checks(inp: Inputs) -> pd.DataFrame:
    """Published distances between two of the book's nodes against the drawn path, sorted by length.

    Only stretches the legs stand for (by rail or sea) from standard sources; a second row giving
    the same stretch the same length is compared once.
    """
    pub = inp.published
    rows = pub[
        pub["from_node"].notna()
        & pub["to_node"].notna()
        & pub["mode"].isin(COMPARABLE_MODES)
        & (pub["reliability"] == "standard")
    ]
    rows = rows.sort_values("book_uses", ascending=False, kind="stable").drop_duplicates(["from_node", "to_node", "km"])
    out = rows.set_index("figure_id")
    out["drawn_km"] = [drawn_km(inp, a, b) for a, b in zip(out["from_node"], out["to_node"])]
    out["ratio"] = out["drawn_km"] / out["km"]
    out["ok"] = [routes.within_tolerance(d, k) for d, k in zip(out["drawn_km"], out["km"])]
    track = inp.track.set_index(["from_node", "to_node"])["track_km"]
    out["track_km"] = [track.get((a, b)) for a, b in zip(out["from_node"], out["to_node"])]
    return out.sort_values("km", kind="stable")


def stretch_readings(inp: Inputs) -> dict:
    """The stretch whose published lengths disagree most: the length the book uses, the track measured in
    OpenStreetMap, a length of track including sidings (not a route length), and other lengths passed over."""
    pub = inp.published
    ends = pub[pub["from_node"].notna() & (pub["reliability"] == "standard")]
    used_km = ends[ends["book_uses"]].groupby(["from_node", "to_node"])["km"].first()
    passed = ends[~ends["book_uses"]].join(used_km.rename("used_km"), on=["from_node", "to_node"])
    passed = passed.dropna(subset=["used_km"])
    worst = passed.loc[(passed["km"] / passed["used_km"] - 1).abs().idxmax()]
    a, b = worst["from_node"], worst["to_node"]
    same = pub[(pub["from_node"] == a) & (pub["to_node"] == b)]
    track = inp.track.set_index(["from_node", "to_node"])["track_km"]
    rail = same[same["mode"].isin(COMPARABLE_MODES)]
    return dict(
        used=rail[rail["book_uses"]].iloc[0],
        track_km=track.get((a, b)),
        drawn_km=drawn_km(inp, a, b),
        sidings=same[same["mode"] == "track including sidings"],
        others=rail[~rail["book_uses"]],
    )


# -------------------------------------------------------------------------- facts

# Published figures the prose cites by their source.
NAMED = {
    "northern": "northern-china-europe",
    "saving": "wef-saving",
    "overland": "aktau-poti-russia",
    "via_caspian": "aktau-poti-caspian",
}
COORD_SOURCES = {"osm": "osm", "ne": "natural_earth", "wiki": "wikipedia"}


def route_facts(inp: Inputs) -> dict:
    table = routes.km_by_mode(inp.legs)
    mc, nr = route_km(inp, "middle_corridor"), route_km(inp, "northern")
    mc_sea = table.loc["middle_corridor", "sea"]
    sections = by_section(inp, "middle_corridor", *COMPARED["middle_corridor"][:2]).set_index("section")
    kaz = sections.loc["Kazakhstan", "km"]
    src = inp.nodes["coord_source"]
    return dict(
        n_nodes=len(inp.nodes),
        **{f"n_{k}": int(src.str.startswith(v).sum()) for k, v in COORD_SOURCES.items()},
        mc_km=fmt(mc, ",.0f"),
        mc_sea_km=fmt(mc_sea, ",.0f"),
        mc_kaz_km=fmt(kaz, ",.0f"),
        mc_kaz_pct=fmt(100 * kaz / mc, ".0f"),
        mc_sea_pct=fmt(100 * mc_sea / mc, ".0f"),
        nr_km=fmt(nr, ",.0f"),
        mc_nr_diff=fmt(abs(mc - nr), ",.0f"),
        mc_nr_pct=fmt(abs(100 * (mc - nr) / nr), ".0f"),
        mc_nr_word="longer" if mc > nr else "shorter",
    )


def track_facts(inp: Inputs) -> dict:
    t = track_comparison(inp)
    service, restored = t[t["status"] == "in service"], t[t["status"] == "being restored"]
    building = t[t["status"] == "under construction"]
    worst = restored.loc[restored["extra_pct"].idxmax()]
    low, high = routes.TOLERANCE
    band_extra = 100 * (1 / low - 1)
    return dict(
        osm_n=len(t),
        osm_n_service=len(service),
        osm_min=fmt(service["extra_pct"].min(), ".0f"),
        osm_max=fmt(service["extra_pct"].max(), ".0f"),
        osm_total=fmt(100 * (service["track_km"].sum() / service["drawn_km"].sum() - 1), ".0f"),
        osm_restored_max=fmt(worst["extra_pct"], ".0f"),
        osm_restored_section=worst["section"].split(" (")[0],
        osm_building=says(f"{r.extra_pct:.0f}% on {r.section.split(' (')[0]}" for r in building.itertuples()),
        tol_low=fmt(low, ".2f"),
        tol_high=fmt(high, ".2f"),
        tol_extra=fmt(band_extra, ".0f"),
        service_vs_band="more than" if band_extra > service["extra_pct"].max() else "less than",
        restored_vs_band="more than" if band_extra > restored["extra_pct"].max() else "less than",
    )


def distance_facts(inp: Inputs) -> dict:
    checks = distance_checks(inp)
    k = stretch_readings(inp)
    used, sidings, others = k["used"], k["sidings"], k["others"]
    n_failed = int((~checks["ok"]).sum())
    pub = inp.published.set_index("figure_id")
    oecd = pub.loc[NAMED["northern"], "km"]
    nr = route_km(inp, "northern")
    low = routes.TOLERANCE[0]
    service = track_comparison(inp).query("status == 'in service'")
    extra_low, extra_high = service["extra_pct"].min() / 100, 1 / low - 1
    return dict(
        checks_n=len(checks),
        checks_within=int(checks["ok"].sum()),
        checks_sentence=(
            "all of them fall in that band" if n_failed == 0 else f"{len(checks) - n_failed} of them fall in that band"
        ),
        ratio_min=fmt(checks["ratio"].min(), ".2f"),
        ratio_max=fmt(checks["ratio"].max(), ".2f"),
        length_rival_stretch=used["stretch"].split(" (")[0],
        length_rival_used_km=fmt(used["km"], ".1f"),
        length_rival_drawn_km=fmt(k["drawn_km"], ".0f"),
        length_rival_track_km=fmt(k["track_km"], ".1f"),
        length_sidings_km=says(f"{v:.1f}" for v in sidings["km"]) or "no",
        length_others=says(
            f"{r.km:.1f} km ({dates.label(r.statement_date[:7]) if r.statement_date else 'undated'})"
            for r in others.itertuples()
        )
        or "none",
        length_others_ok=(
            "inside" if all(routes.within_tolerance(k["drawn_km"], v) for v in others["km"]) else "outside"
        ),
        wef_saving=fmt(pub.loc[NAMED["saving"], "km"], ",.0f"),
        northern_oecd=fmt(oecd, ",.0f"),
        northern_outside=fmt(100 * (1 - nr / oecd), ".0f"),
        northern_outside_low=fmt(100 * (1 - nr * (1 + extra_high) / oecd), ".0f"),
        northern_outside_high=fmt(100 * (1 - nr * (1 + extra_low) / oecd), ".0f"),
        overland_km=fmt(pub.loc[NAMED["overland"], "km"], ",.0f"),
        via_caspian_km=fmt(pub.loc[NAMED["via_caspian"], "km"], ",.0f"),
    )


def caspian_facts(inp: Inputs) -> dict:
    return dict(
        sea_aktau=fmt(routes.path_km(inp.legs, "middle_corridor", "aktau_port", "baku_alat_port"), ".0f"),
        sea_kuryk=fmt(routes.path_km(inp.legs, "kuryk_branch", "kuryk_port", "baku_alat_port"), ".0f"),
        aktau_kuryk_km=fmt(basemap.geodesic_km(basemap.line_through(inp.nodes, ["aktau_port", "kuryk_port"])), ".0f"),
    )


def facts(inp: Inputs) -> dict:
    return {**route_facts(inp), **track_facts(inp), **distance_facts(inp), **caspian_facts(inp)}
