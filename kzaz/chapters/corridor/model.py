"""The corridor as a chain of links: a scenario model small enough to state in five lines.

Each link l (a border crossing, a railway, a port, the Caspian fleet) carried X_l in the base
year against a capacity c_l(y), in tonnes or containers as its sources give them; B_l of that
was the corridor's. Only the corridor's traffic grows: other traffic at a shared link (the
Chinese border also serves the route through Russia) stays as it was. For a year y after the
base year y0, with traffic as a multiple of the base year's:

    demand      D(y)   = (1 + g) ** (y - y0)
    capacity    c_l(y) = max(c_l, X_l, projects of l due by y - d) * (1 + k) ** (y - y0) * (loading, on the sea, y > y0)
    room        r_l(y) = 1 + (c_l(y) - X_l) / B_l
    carried     T(y)   = T0 * min(D(y), smallest r_l(y))

with T0 the corridor's traffic in y0, g the yearly growth of demand, d the years by which
planned projects are late, k capacity added each year beyond the plans, and loading the share
of today's load a ship can take. A link that carried more than its stated capacity is taken as
full (X_l), not as carrying less than it did. The binding link in a year is the one with the
least room, when that room is below demand. The route never carries more than a link allows:
X_l + B_l * (T(y) / T0 - 1) <= c_l(y) for every link. The what-if chart in the browser
(`charts.what_if`) evaluates the same equations, so the page and this function agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

DEMAND = "demand"  # what `binding` says in a year when no link binds


@dataclass(frozen=True)
class Link:
    link: str
    name: str
    throughput: float  # X_l, carried in the base year
    capacity: float  # c_l, stated capacity in the base year (same unit as throughput)
    sea: bool = False  # its capacity scales with the ships' loading
    expansions: tuple[tuple[int, float], ...] = ()  # (year due, capacity after the project)
    corridor: float | None = None  # B_l, the corridor's part of X_l (None: all of it)

    def __post_init__(self):
        if self.throughput <= 0 or self.capacity <= 0:
            raise ValueError(f"link {self.link}: throughput and capacity must be positive")
        if self.corridor is not None and not 0 < self.corridor <= self.throughput:
            raise ValueError(f"link {self.link}: the corridor's part must be positive and at most the throughput")

    @property
    def own(self) -> float:
        return self.throughput if self.corridor is None else self.corridor


@dataclass(frozen=True)
class Scenario:
    name: str
    demand_growth: float  # g, per year (0.1 = 10%)
    delay: int = 0  # d, years
    loading: float = 1.0  # λ
    capacity_growth: float = 0.0  # k, per year
    description: str = ""


@dataclass(frozen=True)
class Chain:
    links: tuple[Link, ...]
    base_year: int
    base: float  # T0
    unit: str
    targets: tuple[tuple[int, float, str], ...] = field(default=())  # (year, value, who)


def capacity(link: Link, year: int, s: Scenario, base_year: int) -> float:
    """c_l(y): the stated capacity, raised by the expansions due (late by d years) by that year."""
    due = [cap for when, cap in link.expansions if when + s.delay <= year]
    c = max([link.capacity, link.throughput, *due]) * (1 + s.capacity_growth) ** (year - base_year)
    return c * (s.loading if link.sea and year > base_year else 1.0)  # the base year is as observed


def room(link: Link, year: int, s: Scenario, base_year: int) -> float:
    """r_l(y): how many times its base-year traffic the corridor could send through the link."""
    return 1 + (capacity(link, year, s, base_year) - link.throughput) / link.own


def run(chain: Chain, s: Scenario, last_year: int) -> pd.DataFrame:
    """Throughput, demand, the room of the narrowest link and the binding link, year by year."""
    if last_year < chain.base_year:
        raise ValueError(f"last year {last_year} is before the base year {chain.base_year}")
    rows = []
    for y in range(chain.base_year, last_year + 1):
        growth = (1 + s.demand_growth) ** (y - chain.base_year)
        head = {lk.link: room(lk, y, s, chain.base_year) for lk in chain.links}
        narrow = min(head, key=head.get)
        factor = min(growth, head[narrow])
        rows.append(
            dict(
                year=y,
                demand=chain.base * growth,
                throughput=chain.base * factor,
                room=head[narrow],
                binding=narrow if head[narrow] < growth else DEMAND,
                narrowest=narrow,
            )
        )
    return pd.DataFrame(rows)


def link_loads(chain: Chain, s: Scenario, last_year: int) -> pd.DataFrame:
    """Each link's traffic and capacity by year under the scenario (its other traffic as in the base year)."""
    out = run(chain, s, last_year).set_index("year")
    rows = []
    for y, r in out.iterrows():
        for lk in chain.links:
            rows.append(
                dict(
                    year=y,
                    link=lk.link,
                    traffic=lk.throughput + lk.own * (r["throughput"] / chain.base - 1),
                    capacity=capacity(lk, y, s, chain.base_year),
                )
            )
    return pd.DataFrame(rows)


def year_met(result: pd.DataFrame, value: float) -> int | None:
    """The first year the throughput reaches `value` (None: not within the years run)."""
    hit = result[result["throughput"] >= value * (1 - 1e-12)]
    return int(hit["year"].iloc[0]) if len(hit) else None


def binding_years(result: pd.DataFrame) -> dict[str, list[int]]:
    """The years each link binds (and the years demand does)."""
    return {k: list(v) for k, v in result.groupby("binding", sort=False)["year"]}
