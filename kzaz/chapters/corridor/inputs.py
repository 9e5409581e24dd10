"""The corridor chapter's inputs: promises and outturns, the capacity chain, the sea, the scenarios.

Promises and outturns come from the tables the transport, energy and trade chapters already
use (titr_cargo, oil_kaz_via_btc, trade_milestones, bilateral_trade), so a figure is recorded
once. The capacity chain, the Caspian's level and the model's scenarios have their own tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from kzaz import data, dates

PARAMETERS = ("demand_growth", "delay", "loading", "capacity_growth")
FLOW_MEASURES = ("throughput",)


@dataclass(frozen=True)
class Inputs:
    cargo: pd.DataFrame  # titr_cargo
    btc: pd.DataFrame  # oil_kaz_via_btc
    milestones: pd.DataFrame  # trade_milestones
    trade: pd.DataFrame  # bilateral_trade
    chain: pd.DataFrame  # corridor_capacity
    links: pd.DataFrame  # corridor_links
    level: pd.DataFrame  # caspian_level
    effects: pd.DataFrame  # caspian_effects
    time_split: pd.DataFrame  # corridor_time_split
    transit: pd.DataFrame  # transit_times (the transport chapter's): more checkpoints, earlier totals
    scenarios: pd.DataFrame  # corridor_scenarios
    routes: pd.DataFrame  # transport_routes: where the link through southern Armenia leaves the corridor

    @cached_property
    def link_names(self) -> dict[str, str]:
        return dict(zip(self.links["link"], self.links["name"]))

    @cached_property
    def used_chain(self) -> pd.DataFrame:
        c = self.chain[self.chain["book_uses"]].copy()
        c["order"] = c["link"].map(dict(zip(self.links["link"], self.links["order"])))
        return c

    @cached_property
    def corridor_traffic(self) -> dict[str, tuple[int, float, str]]:
        """The route's latest full-year traffic the book uses, by unit: (year, value, figure_id)."""
        c = self.cargo
        out = {}
        for unit, measure in (("Mt", "cargo"), ("TEU", "containers")):
            rows = c[
                c["book_uses"]
                & (c["kind"] == "outturn")
                & (c["scope"] == "corridor")
                & (c["measure"] == measure)
                & (c["months"] == 12)
            ].sort_values("year")
            r = rows.iloc[-1]
            out[unit] = (int(r["year"]), float(r["value"]), r["figure_id"])
        return out

    @cached_property
    def data_through(self) -> str:
        used = [
            self.chain[self.chain["book_uses"]]["statement_date"],
            self.level["statement_date"],
            self.effects["statement_date"],
            self.time_split["statement_date"],
            self.cargo[self.cargo["book_uses"]]["statement_date"],
        ]
        found = [d for col in used for d in col.dropna() if d]
        return max(found, key=lambda d: (dates.start_of(d), len(d)))

    @property
    def checked_on(self) -> pd.Timestamp:
        return max(t["checked_on"].max() for t in (self.chain, self.level, self.effects, self.time_split))


# ---------------------------------------------------------------------------- checks


def link_problems(chain: pd.DataFrame, links: pd.DataFrame) -> list[str]:
    known = set(links["link"])
    return [
        data.problem("corridor_capacity", row, "link", f"'{link}' is not a link of corridor_links")
        for row, link in enumerate(chain["link"], start=2)
        if link not in known
    ]


def months_problems(chain: pd.DataFrame) -> list[str]:
    """A throughput says how many months it covers; a capacity, an expansion or a count does not."""
    out = []
    for row, (measure, months) in enumerate(zip(chain["measure"], chain["months"]), start=2):
        if (measure in FLOW_MEASURES) == pd.isna(months):
            must = "must give months" if measure in FLOW_MEASURES else "must not give months"
            out.append(data.problem("corridor_capacity", row, "months", f"a {measure} row {must}"))
    return out


def choice_problems(chain: pd.DataFrame) -> list[str]:
    """A row the book leaves out says why; two used throughputs of a link for one period agree."""
    rows = chain.assign(_row=range(2, len(chain) + 2))
    out = [
        data.problem("corridor_capacity", r, "book_uses_reason", "a row the book does not use must say why")
        for r, uses, reason in zip(rows["_row"], rows["book_uses"], rows["book_uses_reason"])
        if not uses and not (isinstance(reason, str) and reason.strip())
    ]
    # A capacity may change within a year (an upgrade) and the latest statement holds; two used
    # throughputs for the same link and period must agree.
    used = rows[rows["book_uses"].astype(bool) & (rows["measure"] == "throughput")]
    same = ["link", "unit", "year", "months"]
    for key, group in used.groupby(same, sort=False):
        if group["value"].nunique() > 1:
            first, *others = group["_row"].tolist()
            out += [
                data.problem(
                    "corridor_capacity",
                    r,
                    "book_uses",
                    f"gives another value than row {first} for the same quantity "
                    f"({', '.join(map(str, key))}) and both are used",
                )
                for r in others
            ]
    return out


def scenario_problems(scen: pd.DataFrame, cargo: pd.DataFrame) -> list[str]:
    out = []
    ids = set(cargo["figure_id"])
    for row, r in enumerate(scen.itertuples(index=False), start=2):
        if r.parameter not in PARAMETERS:
            out.append(
                data.problem(
                    "corridor_scenarios",
                    row,
                    "parameter",
                    f"'{r.parameter}' is no parameter of the model ({', '.join(PARAMETERS)})",
                )
            )
        refs = str(r.derived_from).split() if isinstance(r.derived_from, str) else []
        if pd.isna(r.value) == (not refs):
            out.append(
                data.problem(
                    "corridor_scenarios",
                    row,
                    "value",
                    "give a value or the rows it is derived from (derived_from), not both and not neither",
                )
            )
        out += [
            data.problem("corridor_scenarios", row, "derived_from", f"'{ref}' is not a row of titr_cargo")
            for ref in refs
            if ref not in ids
        ]
    for name, group in scen.groupby("scenario"):
        missing = set(PARAMETERS) - set(group["parameter"])
        if missing:
            out.append(
                data.problem(
                    "corridor_scenarios", "-", "parameter", f"scenario '{name}' lacks {', '.join(sorted(missing))}"
                )
            )
    return out


# Links whose figures the book already holds in other tables: a figure is recorded once.
PORT_LINKS = {"Aktau": "aktau", "Kuryk": "kuryk", "Baku": "baku_alat"}  # caspian_ports' port
CARGO_LINKS = {"btk": "btk"}  # titr_cargo's scope
# Every container on the route crosses the Caspian: the route's containers are the fleet's traffic.
SEA_TRAFFIC = ("corridor", "containers", "caspian_fleet")  # titr_cargo's scope and measure, the link
MEASURES = {"outturn": "throughput", "capacity": "capacity"}  # kind there, measure here
UNITS = {"cargo": "Mt", "containers": "TEU"}


def borrowed(table: str, rows: pd.DataFrame, key: str, links: dict) -> pd.DataFrame:
    """Throughputs and capacities of chain links from another table, in corridor_capacity's shape."""
    r = rows[rows[key].isin(links) & rows["kind"].isin(MEASURES) & rows["measure"].isin(UNITS)].copy()
    r["link"] = r[key].map(links)
    r["unit"] = r["measure"].map(UNITS)
    r["measure"] = r["kind"].map(MEASURES)
    r["table"] = table
    return r


def chain_rows(own: pd.DataFrame, ports: pd.DataFrame, cargo: pd.DataFrame) -> pd.DataFrame:
    cols = list(own.columns)
    scope, measure, link = SEA_TRAFFIC
    sea = cargo[(cargo["scope"] == scope) & (cargo["measure"] == measure) & (cargo["kind"] == "outturn")]
    found = (
        borrowed("caspian_ports", ports, "port", PORT_LINKS),
        borrowed("titr_cargo", cargo, "scope", CARGO_LINKS),
        borrowed("titr_cargo", sea, "scope", {scope: link}),
    )
    parts = [own.assign(table="corridor_capacity")] + [
        b[[c for c in cols if c in b.columns] + ["table"]] for b in found
    ]
    return pd.concat(parts, ignore_index=True)


def inputs() -> Inputs:
    cargo = data.load("titr_cargo")
    own = data.load("corridor_capacity")
    links = data.load("corridor_links")
    scenarios = data.load("corridor_scenarios")
    problems = (
        link_problems(own, links) + months_problems(own) + choice_problems(own) + scenario_problems(scenarios, cargo)
    )
    if problems:
        raise data.DataError(problems)
    return Inputs(
        cargo=cargo,
        btc=data.load("oil_kaz_via_btc"),
        milestones=data.load("trade_milestones"),
        trade=data.load("bilateral_trade"),
        chain=chain_rows(own, data.load("caspian_ports"), cargo),
        links=links,
        level=data.load("caspian_level"),
        effects=data.load("caspian_effects"),
        time_split=data.load("corridor_time_split"),
        transit=data.load("transit_times"),
        scenarios=scenarios,
        routes=data.load("transport_routes"),
    )
