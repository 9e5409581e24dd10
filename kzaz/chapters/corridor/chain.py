"""The capacity chain: each link's stated capacity, its latest throughput, its planned expansions.

Utilisation is throughput over capacity in the same unit and for the link as a whole (a
port's capacity serves all its cargo, not only the corridor's). Where a link has figures
in tonnes and in containers, the tighter (the higher utilisation) is the one that binds.
A throughput known only for part of a year is annualised (x 12 / months), and the table
and chart say so. The Caspian fleet's capacity is the one a source states, or, where the
sources give the fleet instead, vessels x capacity per vessel x round trips a year.
"""

from __future__ import annotations

import pandas as pd

from kzaz import computed, dates

from . import model
from .inputs import Inputs

UNITS = ("Mt", "TEU")


def amount(value: float, unit: str) -> str:
    """'150,000 TEU', '5.39 Mt', '6 Mt': containers counted, tonnes to the hundredth without trailing zeros."""
    if unit == "TEU":
        return f"{value:,.0f} TEU"
    return f"{value:,.2f}".rstrip("0").rstrip(".") + f" {unit}"


def _latest(rows: pd.DataFrame) -> pd.Series | None:
    if rows.empty:
        return None
    rows = rows.assign(
        _at=[
            dates.start_of(str(d)) if isinstance(d, str) else pd.Timestamp(year=int(y), month=1, day=1)
            for d, y in zip(rows["statement_date"], rows["year"])
        ]
    )
    return rows.sort_values(["year", "_at"]).iloc[-1]


def fleet_capacity(rows: pd.DataFrame, unit: str) -> dict | None:
    """vessels x capacity per vessel x round trips a year, from rows that give them (TEU only)."""

    def one(measure):
        r = _latest(rows[rows["measure"] == measure])
        return r

    v, per, trips = one("vessels"), one("vessel_capacity"), one("round_trips")
    if unit != "TEU" or v is None or per is None or trips is None or per["unit"] != "TEU":
        return None
    value = float(v["value"]) * float(per["value"]) * float(trips["value"])
    return dict(
        value=value,
        year=int(max(v["year"], per["year"], trips["year"])),
        basis=f"{v['value']:.0f} vessels x {per['value']:,.0f} TEU x {trips['value']:.0f} round trips a year",
        figure_id=" ".join([v["figure_id"], per["figure_id"], trips["figure_id"]]),
        source_publisher=v["source_publisher"],
        source_url=v["source_url"],
    )


def fleet_growth(rows: pd.DataFrame, capacity: float) -> list[tuple[int, float]]:
    """Ships on order as capacity: the fleet's stated capacity times (ships + ships ordered) / ships.

    An assumption, said wherever it shows: new ships carry as much a year as today's average.
    """
    now = _latest(rows[rows["measure"] == "vessels"])
    orders = rows[(rows["measure"] == "expansion") & (rows["unit"] == "vessels") & rows["year"].notna()]
    if now is None or orders.empty:
        return []
    out, ships = [], float(now["value"])
    for year, added in zip(orders.sort_values("year")["year"], orders.sort_values("year")["value"]):
        ships += float(added)
        out.append((int(year), capacity * ships / float(now["value"])))
    return out


def links(inp: Inputs) -> pd.DataFrame:
    """One row per link and unit with a capacity and a throughput: utilisation, and whether it is the
    tighter unit of its link (`binds_in_unit`).

    Worked out once for the tables it reads (the chapter's facts, charts and model ask for it
    two dozen times): the result is kept by the content of those tables, so a reader who changes
    one gets it worked out again, and each caller gets its own copy."""
    key = computed.digest(inp.used_chain, inp.links, inp.corridor_traffic)
    if key not in _LINKS:
        if len(_LINKS) >= 8:
            _LINKS.pop(next(iter(_LINKS)))
        _LINKS[key] = _links(inp)
    return _LINKS[key].copy()


_LINKS: dict[str, pd.DataFrame] = {}  # by the content of the tables links() reads


def _links(inp: Inputs) -> pd.DataFrame:
    c = inp.used_chain
    recs = []
    for lk in inp.links.sort_values("order").itertuples(index=False):
        rows = c[c["link"] == lk.link]
        for unit in UNITS:
            cap = _latest(rows[(rows["measure"] == "capacity") & (rows["unit"] == unit)])
            cap_d = (
                None
                if cap is None
                else dict(
                    value=float(cap["value"]),
                    year=int(cap["year"]),
                    basis="stated",
                    figure_id=cap["figure_id"],
                    source_publisher=cap["source_publisher"],
                    source_url=cap["source_url"],
                )
            )
            if cap_d is None and lk.mode == "sea":
                cap_d = fleet_capacity(rows, unit)
            flows = rows[(rows["measure"] == "throughput") & (rows["unit"] == unit)]
            # The latest year with a figure; in it, the figure covering most months.
            thr = (
                None
                if flows.empty
                else _latest(flows[flows["year"] == flows["year"].max()].sort_values("months").tail(1))
            )
            if cap_d is None or thr is None:
                continue
            months = int(thr["months"])
            value = float(thr["value"]) * 12 / months
            exp = rows[(rows["measure"] == "expansion") & (rows["unit"] == unit)].sort_values("year")
            dated = [(int(y), float(v)) for y, v in zip(exp["year"], exp["value"]) if pd.notna(y)]
            undated = [float(v) for y, v in zip(exp["year"], exp["value"]) if pd.isna(y)]
            if lk.mode == "sea":
                dated += fleet_growth(rows, cap_d["value"])
            recs.append(
                dict(
                    link=lk.link,
                    name=lk.name,
                    order=lk.order,
                    mode=lk.mode,
                    caspian=bool(lk.caspian),
                    unit=unit,
                    capacity=cap_d["value"],
                    capacity_year=cap_d["year"],
                    capacity_basis=cap_d["basis"],
                    capacity_id=cap_d["figure_id"],
                    throughput=value,
                    throughput_year=int(thr["year"]),
                    months=months,
                    annualised=months != 12,
                    throughput_id=thr["figure_id"],
                    utilisation_pct=100 * value / cap_d["value"],
                    corridor=min(value, inp.corridor_traffic[unit][1]),
                    room=1 + (max(cap_d["value"], value) - value) / min(value, inp.corridor_traffic[unit][1]),
                    expansions=tuple(sorted(dated)),
                    undated=tuple(undated),
                    source_publisher=thr["source_publisher"],
                    source_url=thr["source_url"],
                )
            )
    out = pd.DataFrame(recs)
    if out.empty:
        return out
    # Of a link's units, the one with the least room for the corridor binds.
    out["binds_in_unit"] = out["room"] == out.groupby("link")["room"].transform("min")
    return out.sort_values(["order", "unit"]).reset_index(drop=True)


def binding(inp: Inputs) -> pd.Series:
    """The link with the least room for the corridor's traffic: the one that binds first as it grows."""
    t = links(inp)
    t = t[t["binds_in_unit"]]
    return t.loc[t["room"].idxmin()]


def unmeasured(inp: Inputs) -> list[str]:
    """Links of the chain for which the data have no capacity and throughput in one unit."""
    have = set(links(inp)["link"])
    return [
        n
        for lk, n in zip(inp.links.sort_values("order")["link"], inp.links.sort_values("order")["name"])
        if lk not in have
    ]


def to_model(inp: Inputs, corridor: dict[str, float], base_year: int) -> model.Chain:
    """The chain for the scenario model, each link in its tighter unit, traffic as multiples (T0 = 1).

    corridor: the route's own traffic in the base year by unit (Mt, TEU). The corridor's part of a
    link's throughput is taken as the smaller of the two: all of a small link's traffic, and all
    of the corridor's at a large shared one. Either way the link's room is, if anything, understated.
    """
    t = links(inp)
    t = t[t["binds_in_unit"]]
    return model.Chain(
        links=tuple(
            model.Link(
                link=r.link,
                name=r.name,
                throughput=r.throughput,
                capacity=r.capacity,
                sea=r.caspian,
                expansions=r.expansions,
                corridor=min(r.throughput, corridor[r.unit]),
            )
            for r in t.itertuples(index=False)
        ),
        base_year=base_year,
        base=1.0,
        unit="times",
    )


BRANCH = "zangezur"  # transport_routes' id of the proposed link through southern Armenia


def branch(inp: Inputs) -> dict:
    """Where the link through southern Armenia leaves the chain, and whether that is past the narrowest link.

    Capacity added after the narrowest link cannot raise what the whole route carries until the
    links before it are widened: the arithmetic behind claim C11's "raise the capacity".
    """
    r = inp.routes[inp.routes["route_id"] == BRANCH].sort_values("seq")
    start = r["node_id"].iloc[0]
    fork = inp.links[inp.links["node"] == start].iloc[0]
    top = binding(inp)
    return dict(
        fork_link=fork["name"],
        fork_order=int(fork["order"]),
        binding=top["name"],
        binding_order=int(top["order"]),
        past_binding=int(fork["order"]) >= int(top["order"]),
    )
