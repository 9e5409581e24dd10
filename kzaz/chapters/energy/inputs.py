"""The energy chapter's inputs: eleven tables, checked against each other and prepared.

Every check reports the file, the spreadsheet row and the field (`kzaz.data.problem`),
and all problems are raised together, before anything is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from kzaz import data, periods

COUNTRIES = ("Kazakhstan", "Azerbaijan")
# Electricity by source, and the renewable sources, as OWID names them.
SOURCES = [
    "fossil_electricity",
    "hydro_electricity",
    "wind_electricity",
    "solar_electricity",
    "other_renewable_electricity",
    "nuclear_electricity",
]
RENEWABLES = ["hydro_electricity", "wind_electricity", "solar_electricity", "other_renewable_electricity"]
# OWID rounds each source to 0.01 TWh: six of them may miss the total by up to 0.06, four by 0.03.
SOURCES_TOLERANCE_TWH = 0.06
RENEWABLES_TOLERANCE_TWH = 0.03
ROUTES_TOLERANCE_MT = 0.05  # the routes of a year may exceed its export total by rounding only
# An upstream check repeats the extract's value; national parts may miss their total by rounding (0.1 GWh each).
UPSTREAM_TOLERANCE_TWH = 0.005
NATIONAL_TOLERANCE_TWH = 0.01
PERIODIC = ("oil_kaz_via_btc", "oil_kaz_exports")  # tables of figures over a period, with book_uses


@dataclass(frozen=True)
class Inputs:
    owid: pd.DataFrame  # OWID energy, one row per country and year
    bp: pd.DataFrame  # BP Statistical Review 2021: oil and gas in physical units and TWh
    btc: pd.DataFrame  # Kazakh oil shipped from Aktau toward BTC: every figure found
    agreements: pd.DataFrame  # agreements, targets and aspirations on that oil
    exports: pd.DataFrame  # Kazakh crude exports, in total and by route
    pipeline: pd.DataFrame  # BTC's capacity, length and throughput
    routes: pd.DataFrame  # the export routes drawn on the map
    nodes: pd.DataFrame  # the places they are drawn through
    green: pd.DataFrame  # the steps toward a Caspian power link
    projects: pd.DataFrame  # national wind and solar projects (not bilateral)
    upstream: pd.DataFrame  # the extract's electricity checked against national statistics and plant output

    @cached_property
    def by_country(self) -> dict[str, pd.DataFrame]:
        return {c: self.owid[self.owid["country"] == c].set_index("year") for c in COUNTRIES}

    @cached_property
    def used_btc(self) -> pd.Series:
        """The figure the book uses for each year (all Kazakh oil on the route), by year."""
        used = self.btc[self.btc["book_uses"]].set_index("year")["value_mt"].sort_index()
        return used.astype(float)

    @property
    def years(self) -> list[int]:
        return [int(y) for y in self.used_btc.index]

    @property
    def first_year(self) -> int:
        return self.years[0]

    @property
    def last_year(self) -> int:
        return self.years[-1]

    @cached_property
    def used_exports(self) -> pd.DataFrame:
        return self.exports[self.exports["book_uses"]]

    @cached_property
    def export_totals(self) -> pd.Series:
        """Crude exports in each year with a full-year outturn the book uses."""
        totals = self.used_exports[self.used_exports["flow"] == "crude_exports"]
        return totals.set_index("year")["value_mt"].sort_index().astype(float)

    @cached_property
    def deals(self) -> pd.DataFrame:
        """Agreements (not targets), with the year they apply from and the oil they cover."""
        deals = self.agreements[self.agreements["kind"] == "agreement"].copy()
        deals["from_year"] = deals["applies_from"].str[:4].astype(int)
        deals["scope"] = deals["oil"].map(lambda o: "total" if o == "not specified" else f"{o.lower()}_only")
        return deals

    @cached_property
    def nodes_by_id(self) -> pd.DataFrame:
        return self.nodes.set_index("node_id")


# --------------------------------------------------------------------------- checks


def periods_checked(name: str, table: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """A table of figures over periods, with months, year and full_year added; and its problems.

    A period may not end before it starts; only a full-year outturn whose source names its
    period can be the figure the book uses ("full year": January to December of one year).
    """
    table = table.copy()
    table["months"] = [
        periods.months_covered(s, e) if s <= e else 0 for s, e in zip(table["period_start"], table["period_end"])
    ]
    table["year"] = table["period_end"].str[:4].astype(int)
    table["full_year"] = (table["months"] == 12) & table["period_start"].str.endswith("-01")
    problems = []
    for row, r in enumerate(table.itertuples(), start=2):
        if r.months < 1:
            problems.append(
                data.problem(name, row, "period_end", f"{r.period_end} is before period_start {r.period_start}")
            )
        elif r.book_uses and not (r.full_year and r.status == "outturn"):
            problems.append(
                data.problem(name, row, "book_uses", "only a full-year outturn can be the figure the book uses")
            )
        elif r.book_uses and not r.period_stated:
            problems.append(
                data.problem(
                    name, row, "book_uses", "a figure whose source names no period is not an outturn the book can use"
                )
            )
    return table, problems


def one_used_per(name: str, table: pd.DataFrame, keys: list[str]) -> list[str]:
    """At most one figure the book uses per year (and flow)."""
    used = table[table["book_uses"]]
    dup = used.duplicated(subset=keys, keep="first")
    return [
        data.problem(name, i + 2, "book_uses", f"a second figure marked as used for {used.loc[i, keys].tolist()}")
        for i in dup[dup].index
    ]


def every_year_used(table: pd.DataFrame) -> list[str]:
    """Every year from the first to the last of the BTC series has a figure the book uses."""
    years = set(table.loc[table["book_uses"], "year"])
    if not years:
        return [data.problem("oil_kaz_via_btc", "-", "book_uses", "no figure is marked as the one the book uses")]
    missing = sorted(set(range(min(years), max(years) + 1)) - years)
    if not missing:
        return []
    return [data.problem("oil_kaz_via_btc", "-", "book_uses", f"no figure marked book_uses for {missing}")]


def agreement_problems(agreements: pd.DataFrame) -> list[str]:
    problems = []
    for row, r in enumerate(agreements.itertuples(), start=2):
        if r.volume_min_mt_per_year > r.volume_max_mt_per_year:
            problems.append(
                data.problem("oil_btc_agreements", row, "volume_max_mt_per_year", "is below volume_min_mt_per_year")
            )
        if r.kind == "agreement" and not isinstance(r.applies_from, str):
            problems.append(
                data.problem(
                    "oil_btc_agreements", row, "applies_from", "an agreement needs the month its volume applies from"
                )
            )
    return problems


def route_problems(routes: pd.DataFrame, nodes: pd.DataFrame) -> list[str]:
    known = set(nodes["node_id"])
    return [
        data.problem("oil_routes", row, "nodes", f"{unknown} not in data/oil_route_nodes.csv")
        for row, r in enumerate(routes.itertuples(), start=2)
        if (unknown := [n for n in r.nodes.split(";") if n not in known])
    ]


def electricity_problems(owid: pd.DataFrame) -> list[str]:
    """Electricity by source adds up to the dataset's total, and renewables to their total (to rounding)."""
    rows = owid[owid["electricity_generation"].notna()]
    gap = (rows[SOURCES].fillna(0).sum(axis=1) - rows["electricity_generation"]).abs()
    problems = [
        data.problem(
            "owid_energy_kaz_aze", i + 2, "electricity_generation", f"sources add up to {gap[i]:.2f} TWh more or less"
        )
        for i in gap[gap > SOURCES_TOLERANCE_TWH].index
    ]
    gap = (rows[RENEWABLES].sum(axis=1) - rows["renewables_electricity"]).abs()
    problems += [
        data.problem(
            "owid_energy_kaz_aze", i + 2, "renewables_electricity", "differs from hydro + wind + solar + other"
        )
        for i in gap[gap > RENEWABLES_TOLERANCE_TWH].index
    ]
    return problems


def exports_problems(exports: pd.DataFrame, used_btc: pd.Series) -> list[str]:
    """The routes the book uses for a year, BTC included, may not add up to more than its export total."""
    used = exports[exports["book_uses"]]
    problems = []
    for year, rows in used.groupby("year"):
        total = rows[rows["flow"] == "crude_exports"]
        routes = rows.loc[~rows["flow"].isin(["crude_exports", "oil_production"]), "value_mt"].sum()
        routes += float(used_btc.get(year, 0.0))
        if len(total) and routes > total["value_mt"].iloc[0] + ROUTES_TOLERANCE_MT:
            problems.append(
                data.problem(
                    "oil_kaz_exports",
                    int(total.index[0]) + 2,
                    "value_mt",
                    f"the routes of {year}, BTC included, add up to {routes:g} Mt, more than this export total",
                )
            )
    return problems


def upstream_problems(upstream: pd.DataFrame, owid: pd.DataFrame) -> list[str]:
    """Each check repeats the extract's value (summed over its years), so a changed extract is looked at again;
    and a national breakdown the book uses adds up to its national total."""
    by = owid.set_index(["country_code", "year"])
    problems = []
    for row, r in enumerate(upstream.itertuples(), start=2):
        years = [(r.country_code, y) for y in range(int(r.dataset_year_first), int(r.dataset_year_last) + 1)]
        if not all(k in by.index for k in years):
            problems.append(
                data.problem(
                    "energy_upstream_checks",
                    row,
                    "dataset_year_last",
                    f"the extract has no {r.country_code} row for every year to it",
                )
            )
            continue
        value = by.loc[years, r.field].fillna(0).sum()
        if abs(value - r.dataset_value) > UPSTREAM_TOLERANCE_TWH * len(years):
            problems.append(
                data.problem(
                    "energy_upstream_checks",
                    row,
                    "dataset_value",
                    f"{r.dataset_value:g} TWh, but the extract has {value:g} TWh",
                )
            )
    for (country, year), g in national_breakdowns(upstream).items():
        parts = g.loc[g["field"] != "electricity_generation", "reference_value"].sum()
        total = g.loc[g["field"] == "electricity_generation", "reference_value"]
        if len(total) != 1 or abs(parts - total.iloc[0]) > NATIONAL_TOLERANCE_TWH:
            problems.append(
                data.problem(
                    "energy_upstream_checks",
                    int(g.index[0]) + 2,
                    "reference_value",
                    f"the national parts for {country} {year} do not add up to one national total",
                )
            )
    return problems


def national_breakdowns(upstream: pd.DataFrame) -> dict[tuple[str, int], pd.DataFrame]:
    """The full-year national figures the book uses in place of the extract's, by country and year."""
    used = upstream[
        (upstream["book_uses"] == "reference")
        & (upstream["reference_kind"] == "national statistics")
        & (upstream["dataset_year_first"] == upstream["dataset_year_last"])
        & upstream["reference_period_start"].str.endswith("-01")
        & upstream["reference_period_end"].str.endswith("-12")
    ]
    return {(c, int(y)): g for (c, y), g in used.groupby(["country_code", "dataset_year_first"])}


def check(inp: Inputs) -> None:
    problems = (
        one_used_per("oil_kaz_via_btc", inp.btc, ["year"])
        + one_used_per("oil_kaz_exports", inp.exports, ["year", "flow"])
        + every_year_used(inp.btc)
        + agreement_problems(inp.agreements)
        + route_problems(inp.routes, inp.nodes)
        + electricity_problems(inp.owid)
        + exports_problems(inp.exports, inp.used_btc)
        + upstream_problems(inp.upstream, inp.owid)
    )
    if problems:
        raise data.DataError(problems)


def inputs() -> Inputs:
    tables = {
        name: data.load(name)
        for name in (
            "owid_energy_kaz_aze",
            "bp_oil_gas_kaz_aze",
            "oil_kaz_via_btc",
            "oil_btc_agreements",
            "oil_kaz_exports",
            "oil_btc_pipeline",
            "oil_routes",
            "oil_route_nodes",
            "green_energy_caspian",
            "green_energy_projects",
            "energy_upstream_checks",
        )
    }
    problems = []
    for name in PERIODIC:
        tables[name], found = periods_checked(name, tables[name])
        problems += found
    if problems:
        raise data.DataError(problems)
    inp = Inputs(
        tables["owid_energy_kaz_aze"],
        tables["bp_oil_gas_kaz_aze"],
        tables["oil_kaz_via_btc"],
        tables["oil_btc_agreements"],
        tables["oil_kaz_exports"],
        tables["oil_btc_pipeline"],
        tables["oil_routes"],
        tables["oil_route_nodes"],
        tables["green_energy_caspian"],
        tables["green_energy_projects"],
        tables["energy_upstream_checks"],
    )
    check(inp)
    return inp
