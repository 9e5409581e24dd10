"""Labels on the chapter's maps: countries and seas, station names, and the status of a line's stretches.

Country names come from the boundary data (the book's names); where a country is too
small for its name, the name sits beside it with a leader line. Text shrinks on a narrow
screen (a phone), where the map is drawn at about half its size.
"""

from __future__ import annotations

import altair as alt
import geopandas as gpd
import pandas as pd
from shapely.ops import linemerge

from kzaz import basemap, theme

LAND_TEXT = "#77736b"  # country names: quieter than the station names, readable on the land colour
SEA_TEXT = "#3f6f96"
SMALL = "width < 450"  # the map's width on a phone
MIN_RUN_KM = 25  # a stretch shorter than this gets no status label


def _size(large: int, small: int) -> dict:
    return {"expr": f"{SMALL} ? {small} : {large}"}


def _on_wide(chart: alt.Chart, minor: bool) -> alt.Chart:
    """A minor label shows only where the map is drawn large enough (not on a phone)."""
    return chart.encode(opacity=alt.condition(SMALL, alt.value(0), alt.value(1))) if minor else chart


def area_labels(bbox, areas: dict, seas: dict, minor=()) -> list[alt.Chart]:
    """Country names (`areas`: iso3 -> None for the shape's own point, (lon, lat), or ((lon, lat) of the
    country, (lon, lat) of the name) for a leader line) and sea names (`seas`: name -> (lon, lat));
    names in `minor` (iso3 codes or sea names) are left out on a phone."""
    land = basemap.countries(bbox).set_index("iso3")
    rows, leaders = [], []
    for iso3, where in areas.items():
        name, small = land.loc[iso3, "name"], iso3 in minor
        if where is None:
            p = land.loc[iso3, "geometry"].representative_point()
            rows.append({"lon": p.x, "lat": p.y, "label": name, "minor": small})
        elif isinstance(where[0], tuple):
            (x0, y0), (x1, y1) = where
            rows.append({"lon": x1, "lat": y1, "label": name, "minor": small})
            leaders.append({"lon": x1, "lat": y1, "lon2": x0, "lat2": y0, "minor": small})
        else:
            rows.append({"lon": where[0], "lat": where[1], "label": name, "minor": small})
    rows = pd.DataFrame(rows)
    out = []
    for small, group in rows.groupby("minor", sort=False):
        out.append(
            _on_wide(
                alt.Chart(group.drop(columns="minor"))
                .mark_text(fontSize=_size(13, 9), fontWeight="bold", color=LAND_TEXT)
                .encode(longitude="lon:Q", latitude="lat:Q", text="label:N"),
                small,
            )
        )
    for small, group in pd.DataFrame(leaders, columns=["lon", "lat", "lon2", "lat2", "minor"]).groupby("minor"):
        rule = alt.Chart(group.drop(columns="minor")).mark_rule(color=LAND_TEXT, strokeWidth=0.8)
        out.insert(
            0,
            _on_wide(rule.encode(longitude="lon:Q", latitude="lat:Q", longitude2="lon2:Q", latitude2="lat2:Q"), small),
        )
    for name, (x, y) in seas.items():
        sea = pd.DataFrame([{"lon": x, "lat": y, "label": name.replace(" ", "\n")}])
        out.append(
            _on_wide(
                alt.Chart(sea)
                .mark_text(fontSize=_size(13, 9), fontStyle="italic", color=SEA_TEXT, lineBreak="\n")
                .encode(longitude="lon:Q", latitude="lat:Q", text="label:N"),
                name in minor,
            )
        )
    return out


def station_labels(points: pd.DataFrame, place: dict, minor=(), default: str = "above right") -> list[alt.Chart]:
    """Station names beside their points (`place`: basemap.PLACES by node_id); `minor` ones not on a phone."""
    where = points["node_id"].map(place).fillna(default)
    small = points["node_id"].isin(minor)
    out = []
    for (w, m), group in points.groupby([where, small], sort=False):
        align, dx, dy = basemap.PLACES[w]
        out.append(
            _on_wide(
                alt.Chart(group[["lon", "lat", "label"]])
                .mark_text(align=align, dx=dx, dy=dy, fontSize=_size(11, 9), color=theme.GREY)
                .encode(longitude="lon:Q", latitude="lat:Q", text="label:N"),
                m,
            )
        )
    return out


SHORT = {"Port of Baku at Alat": "Baku (Alat)", "Astana-1": "Astana"}


def label_text(points: pd.DataFrame, short: dict | None = None) -> pd.DataFrame:
    """Station names as the maps show them: no parenthesis, short names for long ones."""
    out = points.copy()
    out["label"] = out["name"].str.replace(r" \(.*\)$", "", regex=True).replace(short or SHORT)
    return out


def runs(legs: gpd.GeoDataFrame) -> pd.DataFrame:
    """Consecutive legs of one route with the same status: first node, status, km and the middle point."""
    legs = legs.sort_values("seq")
    block = (legs["status"] != legs["status"].shift()).cumsum()
    rows = []
    for _, run in legs.groupby(block, sort=False):
        line = linemerge(list(run.geometry))
        if line.geom_type != "LineString":  # pieces that do not meet: the longest carries the label
            line = max(line.geoms, key=lambda g: g.length)
        mid = line.interpolate(0.5, normalized=True)
        rows.append(
            {
                "node_id": run["from_id"].iloc[0],
                "label": run["status"].iloc[0],
                "km": run["km"].sum(),
                "lon": mid.x,
                "lat": mid.y,
            }
        )
    return pd.DataFrame(rows)


def run_labels(legs: gpd.GeoDataFrame, place: dict) -> list[alt.Chart]:
    """The status of each stretch of a line, in italics beside its middle (`place`: basemap.PLACES by first node)."""
    r = runs(legs)
    r = r[r["km"] >= MIN_RUN_KM]
    out = []
    for where, group in r.groupby(r["node_id"].map(place).fillna("above right"), sort=False):
        align, dx, dy = basemap.PLACES[where]
        out.append(
            alt.Chart(group[["lon", "lat", "label"]])
            .mark_text(align=align, dx=dx, dy=dy, fontSize=_size(11, 9), fontStyle="italic", color=theme.GREY)
            .encode(longitude="lon:Q", latitude="lat:Q", text="label:N")
        )
    return out
