"""The transport chapter's inputs: points, routes, cargo, ports, times, distances, documents.

`inputs()` loads every table (each checked against its schema by `kzaz.data`), checks
them against each other, and builds the route legs. Which of two disagreeing figures the
book uses is recorded in the data (`book_uses`, `book_uses_reason`); the series the chapter
follows and their latest years are read from the rows, never from a row id.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import geopandas as gpd
import pandas as pd

from kzaz import basemap, data, dates, routes

# Box for splitting the routes by country: Belarus and the Balkans to western China.
COUNTRY_BOX = (10.0, 30.0, 95.0, 58.0)
FLOW_KINDS = ("outturn", "forecast", "plan")  # a flow covers months; a capacity or target does not
# The pages the evidence pass of December 2026 could search run to about this month: a figure published
# later was not found, and the chapter says so rather than treating it as not published.


@dataclass(frozen=True)
class Inputs:
    nodes: pd.DataFrame
    route_rows: pd.DataFrame
    legs: gpd.GeoDataFrame  # one straight leg per pair of consecutive nodes of a route
    track: pd.DataFrame  # OpenStreetMap track length between pairs of nodes
    rails: gpd.GeoDataFrame  # OpenStreetMap railway lines around Azerbaijan
    cargo: pd.DataFrame
    ports: pd.DataFrame
    times: pd.DataFrame
    published: pd.DataFrame
    documents: pd.DataFrame
    positions: pd.DataFrame

    @cached_property
    def node(self) -> pd.DataFrame:
        return self.nodes.set_index("node_id")

    @cached_property
    def rail_graph(self) -> dict:
        """The OpenStreetMap railway lines as a graph, for drawing legs along the track (built once)."""
        from .track import graph

        return graph(self.rails)

    @cached_property
    def countries(self) -> gpd.GeoDataFrame:
        return basemap.countries(COUNTRY_BOX)

    @cached_property
    def country_name(self) -> dict[str, str]:
        return dict(zip(self.countries["iso3"], self.countries["name"]))

    @cached_property
    def series_rows(self) -> pd.DataFrame:
        """The book's yearly cargo series: whole-route, full-year outturns it uses, by year."""
        c = self.cargo
        rows = c[
            c["book_uses"]
            & (c["measure"] == "cargo")
            & (c["kind"] == "outturn")
            & (c["scope"] == "corridor")
            & (c["months"] == 12)
        ]
        return rows.sort_values("year").set_index("year", drop=False)

    @cached_property
    def series(self) -> pd.Series:
        """Cargo in Mt by year (int index)."""
        s = self.series_rows["value"].astype(float)
        s.index = s.index.astype(int)
        return s

    @property
    def first_year(self) -> int:
        return int(self.series.index.min())

    @property
    def latest_year(self) -> int:
        return int(self.series.index.max())

    @property
    def latest_confirmed(self) -> bool:
        """Whether the series' latest figure was found again in its source (no 'not reconfirmed' caveat)."""
        return self.series_rows.loc[self.latest_year, "caveat"] != "not reconfirmed"

    @cached_property
    def containers(self) -> pd.Series:
        """The book's whole-route, full-year container counts (TEU) by year."""
        c = self.cargo
        rows = c[
            c["book_uses"]
            & (c["measure"] == "containers")
            & (c["kind"] == "outturn")
            & (c["scope"] == "corridor")
            & (c["months"] == 12)
        ]
        s = rows.set_index("year")["value"].astype(float).sort_index()
        s.index = s.index.astype(int)
        return s

    @cached_property
    def roadmap_all(self) -> pd.DataFrame:
        """Every statement on the 2022 Aktau roadmap (a named document), later ones included."""
        return self.documents[self.documents["document"] == "aktau_roadmap_2022"]

    @cached_property
    def roadmap(self) -> pd.DataFrame:
        """The statements on the roadmap the book relies on (book_uses: those made when it was signed)."""
        return self.roadmap_all[self.roadmap_all["book_uses"]]

    @cached_property
    def roadmap_later(self) -> pd.DataFrame:
        """Later statements on the roadmap that disagree with the signing-day ones (kept, and reported)."""
        return self.roadmap_all[~self.roadmap_all["book_uses"]]

    @property
    def target(self) -> float:
        return float(self.roadmap["capacity_target_mt"].max())

    @property
    def target_years(self) -> list[int]:
        return sorted(int(y) for y in self.roadmap["target_year"].dropna().unique())

    @cached_property
    def target_datings(self) -> pd.DataFrame:
        """Every statement that dates the roadmap's target (the same tonnage), with who said it and when.

        Rows of corridor_documents (the roadmap) and of titr_cargo (targets of the same tonnage for the
        route or for Kazakh exports on it), one row per statement, oldest statement first.
        """
        rm = self.roadmap_all.dropna(subset=["target_year"])
        docs = pd.DataFrame(
            {
                "year": rm["target_year"].astype(int),
                "what": "capacity (the roadmap)",
                "who": rm["primary_source"],
                "said": rm["statement_date"],
                "publisher": rm["source_publisher"],
                "url": rm["source_url"],
                "signing_day": rm["book_uses"],
            }
        )
        c = self.cargo
        t = c[
            (c["kind"] == "target")
            & (c["measure"] == "cargo")
            & (c["value"] == self.target)
            & c["scope"].isin(["corridor", "kazakh_exports"])
        ]
        what = [
            ("Kazakh exports on the route" if s == "kazakh_exports" else f"{w} of the route")
            for s, w in zip(t["scope"], t["target_of"].fillna("capacity"))
        ]
        cargo = pd.DataFrame(
            {
                "year": t["year"].astype(int),
                "what": what,
                "who": t["primary_source"],
                "said": t["statement_date"],
                "publisher": t["source_publisher"],
                "url": t["source_url"],
                "signing_day": False,
            }
        )
        out = pd.concat([docs, cargo], ignore_index=True)
        out["said_at"] = [dates.start_of(d) if isinstance(d, str) and d else pd.NaT for d in out["said"]]
        return out.sort_values(["said_at", "year"], na_position="last").reset_index(drop=True)

    @cached_property
    def data_through(self) -> str:
        """The latest date on which a statement the chapter uses was made (a partial date)."""
        used = [
            self.cargo[self.cargo["book_uses"]]["statement_date"],
            self.ports[self.ports["book_uses"]]["statement_date"],
            self.times["statement_date"],
            self.published[self.published["book_uses"]]["statement_date"],
            self.documents[self.documents["book_uses"]]["statement_date"],
            self.positions["date"],
        ]
        found = [d for col in used for d in col.dropna() if d]
        return max(found, key=lambda d: (dates.start_of(d), len(d)))

    @property
    def checked_on(self) -> pd.Timestamp:
        """The day the chapter's rows were last checked at their sources (the latest check)."""
        tables = [self.cargo, self.ports, self.times, self.published, self.documents, self.positions, self.route_rows]
        return max(t["checked_on"].max() for t in tables)

    @cached_property
    def capacity(self) -> pd.Series:
        """The latest stated capacity of the whole route (a row of titr_cargo)."""
        c = self.cargo
        caps = c[(c["kind"] == "capacity") & (c["scope"] == "corridor") & (c["measure"] == "cargo")]
        return caps.sort_values("year").iloc[-1]


# ---------------------------------------------------------------------------- checks


def node_problems(inp_nodes: pd.DataFrame, name: str, table: pd.DataFrame) -> list[str]:
    """Every node a table names must be a point of transport_nodes."""
    known = set(inp_nodes["node_id"])
    return [
        data.problem(name, row, field, f"'{node}' is not in transport_nodes")
        for field in ("from_node", "to_node")
        for row, node in enumerate(table[field], start=2)
        if isinstance(node, str) and node and node not in known
    ]


def months_problems(name: str, table: pd.DataFrame) -> list[str]:
    """A flow says how many months it covers; a capacity or a target does not."""
    out = []
    for row, (kind, months) in enumerate(zip(table["kind"], table["months"]), start=2):
        if (kind in FLOW_KINDS) == pd.isna(months):
            must = "must give months" if kind in FLOW_KINDS else "must not give months"
            out.append(data.problem(name, row, "months", f"a {kind} row {must}"))
    return out


def choice_problems(name: str, table: pd.DataFrame, same: list[str], value: str, among=None) -> list[str]:
    """Where rows disagree on the same quantity, the book uses one of them, and a row it passes over says why.

    `same`: the fields that make two rows the same quantity; `among`: which rows to compare (a mask).
    """
    rows = table.assign(_row=range(2, len(table) + 2))
    out = [
        data.problem(name, r, "book_uses_reason", "a row the book does not use must say why")
        for r, uses, reason in zip(rows["_row"], rows["book_uses"], rows["book_uses_reason"])
        if not uses and not (isinstance(reason, str) and reason.strip())
    ]
    if among is not None:
        rows = rows[among(rows)]
    used = rows[rows["book_uses"].astype(bool)].dropna(subset=same)
    for key, group in used.groupby(same, sort=False):
        if group[value].nunique() > 1:
            first, *others = group["_row"].tolist()
            what = ", ".join(f"{k}={v}" for k, v in zip(same, key))
            out += [
                data.problem(
                    name,
                    r,
                    "book_uses",
                    f"disagrees with row {first} on the same quantity ({what}) "
                    "and both are used: set book_uses to false on the one the book does not use",
                )
                for r in others
            ]
    return out


def full_year(rows: pd.DataFrame) -> pd.Series:
    return (rows["kind"] == "outturn") & (rows["months"] == 12)


def check(nodes, track, published, cargo, ports) -> None:
    problems = node_problems(nodes, "osm_track_lengths", track) + node_problems(nodes, "published_distances", published)
    problems += months_problems("titr_cargo", cargo) + months_problems("caspian_ports", ports)
    problems += choice_problems("titr_cargo", cargo, ["measure", "scope", "year"], "value", among=full_year)
    problems += choice_problems("caspian_ports", ports, ["port", "measure", "year"], "value", among=full_year)
    problems += choice_problems("published_distances", published, ["from_node", "to_node", "mode"], "km")
    if problems:
        raise data.DataError(problems)


def inputs() -> Inputs:
    nodes = data.load("transport_nodes")
    route_rows = data.load("transport_routes")
    track = data.load("osm_track_lengths")
    published = data.load("published_distances")
    cargo = data.load("titr_cargo")
    ports = data.load("caspian_ports")
    check(nodes, track, published, cargo, ports)
    return Inputs(
        nodes=nodes,
        route_rows=route_rows,
        legs=routes.legs(route_rows, nodes),  # also checks that every route is a chain of known nodes
        track=track,
        rails=data.load("geo_osm_rail_caucasus"),
        cargo=cargo,
        ports=ports,
        times=data.load("transit_times"),
        published=published,
        documents=data.load("corridor_documents"),
        positions=data.load("zangezur_positions"),
    )
