"""The model's named scenarios, read from corridor_scenarios: each parameter a value or a rate
derived from sourced rows (a plan's growth from one year to another)."""

from __future__ import annotations

import pandas as pd

from . import chain, model, targets
from .inputs import Inputs

HORIZON = 2035  # the model runs to this year: past the latest target year the sources give


def growth_from(inp: Inputs, ids: list[str]) -> float:
    """The yearly growth between two rows of titr_cargo (value and year of each): (v2 / v1) ** (1 / years) - 1."""
    rows = inp.cargo.set_index("figure_id").loc[ids].sort_values("year")
    first, last = rows.iloc[0], rows.iloc[-1]
    years = int(last["year"]) - int(first["year"])
    if years <= 0:
        raise ValueError(f"corridor_scenarios: rows {ids} must be for different years")
    return (float(last["value"]) / float(first["value"])) ** (1 / years) - 1


def value(inp: Inputs, row) -> float:
    return growth_from(inp, row["derived_from"].split()) if pd.isna(row["value"]) else float(row["value"])


def scenarios(inp: Inputs) -> list[model.Scenario]:
    out = []
    for name, g in inp.scenarios.sort_values("order").groupby("scenario", sort=False):
        p = {r["parameter"]: value(inp, r) for _, r in g.iterrows()}
        out.append(
            model.Scenario(
                name=name,
                demand_growth=p["demand_growth"],
                delay=int(p["delay"]),
                loading=p["loading"],
                capacity_growth=p["capacity_growth"],
                description=" ".join(g["description"]),
            )
        )
    return out


def default(inp: Inputs) -> model.Scenario:
    return scenarios(inp)[0]


def assumptions(inp: Inputs) -> pd.DataFrame:
    """Which parameters are sourced and which are the book's assumptions, scenario by scenario."""
    s = inp.scenarios.sort_values(["order"]).copy()
    s["value_used"] = [value(inp, r) for _, r in s.iterrows()]
    return s


def chain_model(inp: Inputs) -> model.Chain:
    """The chain as the model takes it: traffic as a multiple of the base year (T0 = 1)."""
    own = {unit: value for unit, (_, value, _) in targets.bases(inp).items()}
    return chain.to_model(inp, corridor=own, base_year=targets.base_year(inp))
