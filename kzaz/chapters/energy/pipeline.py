"""The BTC pipeline: its capacity, how much of it is used, and the bounds its totals set on Kazakh oil.

Rows picked by id are named statements (the targets the text discusses).
"""

from __future__ import annotations

import pandas as pd

from kzaz import shares, units

from .inputs import Inputs
from .oil import latest_part_year

TARGETS = {
    "first_aim": "target-2022",
    "talks": "target-2027",
    "aspiration": "aspiration-20",
    "leaders": "target-7-leaders-2025",
    "potential": "potential-7-2026",
}


def pipeline_rows(inp: Inputs, measure: str, unit: str | None = None) -> pd.DataFrame:
    pipe = inp.pipeline
    rows = pipe[pipe["measure"] == measure]
    return rows if unit is None else rows[rows["unit"] == unit]


def capacity_rows(inp: Inputs) -> tuple[pd.Series, pd.Series]:
    """BTC's capacity now (the open-ended figure) and at the start (the earliest), in barrels a day."""
    cap = pipeline_rows(inp, "capacity", "million barrels per day").sort_values("period_start")
    return cap[cap["period_end"].isna()].iloc[-1], cap.iloc[0]


def capacity_bpd(inp: Inputs) -> tuple[float, float]:
    now, first = capacity_rows(inp)
    return float(now["value"]) * 1e6, float(first["value"]) * 1e6


def full_year(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows covering January to December of one year, with that year."""
    ok = rows["period_start"].notna() & rows["period_end"].notna()
    january = rows["period_start"].str.endswith("-01", na=False)
    rows = rows[ok & january & rows["period_end"].str.endswith("-12", na=False)]
    rows = rows[rows["period_start"].str[:4] == rows["period_end"].str[:4]].copy()
    rows["year"] = rows["period_start"].str[:4].astype(int)
    return rows


def latest_full_year(inp: Inputs, measure: str, unit: str) -> pd.Series:
    rows = full_year(pipeline_rows(inp, measure, unit))
    return rows.sort_values("year").iloc[-1]


def use_of_capacity(inp: Inputs) -> pd.DataFrame:
    """Per year: the barrels BTC carried through Turkey (BOTAS) and the share of capacity that is."""
    rows = full_year(pipeline_rows(inp, "throughput_turkey", "million barrels")).sort_values("year")
    cap_barrels_year = capacity_bpd(inp)[0] * units.DAYS_PER_YEAR / 1e6
    rows["pct"] = [shares.percent_of(v, cap_barrels_year, whole_name="BTC capacity") for v in rows["value"]]
    return rows


def bounds(inp: Inputs, year: int) -> dict:
    """The least and most Kazakh oil the route can have carried in a year, from other sources' totals.

    Floor: the largest figure for part of the year. Ceiling: all the Turkmen and Kazakh
    transit oil Azerbaijan's statistics committee counted in BTC that year (as if none were
    Turkmen). Either is None where no source gives it.
    """
    part = latest_part_year(inp, year)
    transit = full_year(pipeline_rows(inp, "transit_kaz_tkm", "million tonnes"))
    transit = transit[transit["year"] == year]
    return {
        "lo": float(part["value_mt"].max()) if len(part) else None,
        "lo_end": part["period_end"].iloc[0] if len(part) else None,
        "hi": float(transit["value"].iloc[0]) if len(transit) else None,
    }


def years_without_throughput(inp: Inputs) -> list[int]:
    """Years of the BTC series after the last full-year BTC throughput of any kind."""
    counted = full_year(inp.pipeline[inp.pipeline["measure"].isin(["throughput", "transit_kaz_tkm"])])
    return [y for y in inp.years if y > counted["year"].max()]


def share_of_capacity(inp: Inputs, year: int) -> float:
    cap_barrels_year = capacity_bpd(inp)[0] * units.DAYS_PER_YEAR / 1e6
    return shares.percent_of(units.tonnes_to_barrels(inp.used_btc[year]), cap_barrels_year, whole_name="BTC capacity")


def target(inp: Inputs, key: str) -> pd.Series:
    return inp.agreements.set_index("agreement_id").loc[TARGETS[key]]
