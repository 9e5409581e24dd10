"""The targets the what-if chart measures the model against: the corridor's open traffic goals and
plans, each as a multiple of the base year's traffic in its own unit (tonnes or containers)."""

from __future__ import annotations

import pandas as pd

from . import chain
from . import promises as pr
from .inputs import Inputs


def bases(inp: Inputs) -> dict[str, tuple[int, float, str]]:
    """The corridor's latest full-year traffic the book uses, by unit: (year, value, figure_id)."""
    return inp.corridor_traffic


def base_year(inp: Inputs) -> int:
    """The model's base year: the latest year with the route's traffic in tonnes."""
    return bases(inp)["Mt"][0]


def open_targets(inp: Inputs) -> pd.DataFrame:
    """Traffic targets and plans for the whole route for years after the base year, as multiples."""
    p = pr.promises(inp)
    b = bases(inp)
    rows = p[
        p["subject"].isin([pr.CARGO, pr.TEU])
        & (p["scope"] == "corridor")
        & (p["year"] > base_year(inp))
        & p["kind"].isin(["target", "plan"])
    ].copy()
    rows["base"] = [b[u][1] for u in rows["unit"]]
    rows["base_year"] = [b[u][0] for u in rows["unit"]]
    rows["multiple"] = rows["promised"] / rows["base"]
    rows["label"] = [
        f"{chain.amount(v, u)} by {y} ({k}, {w})"
        for v, u, y, k, w in zip(rows["promised"], rows["unit"], rows["year"], rows["kind"], rows["who"])
    ]
    # The same multiple for the same year is one line on the chart.
    return rows.drop_duplicates(["year", "promised", "unit"]).sort_values(["year", "multiple"]).reset_index(drop=True)


def short_label(goal: pd.Series) -> str:
    """'7.2 Mt (plan)': what a chart can print beside a target's mark."""
    return f"{chain.amount(goal['promised'], goal['unit'])} ({goal['kind']})"
