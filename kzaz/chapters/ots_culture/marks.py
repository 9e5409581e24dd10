"""Small pieces the chapter's charts share: axis domains from the data, scales, labels that stay readable."""

from __future__ import annotations

import altair as alt
import pandas as pd

from kzaz import theme

HALF_YEAR = pd.DateOffset(months=6)


def years(first: pd.Timestamp, last: pd.Timestamp, margin=HALF_YEAR) -> list[str]:
    """An axis domain from the data: the first and last dates with a margin each side."""
    return [f"{first - margin:%Y-%m-%d}", f"{last + margin:%Y-%m-%d}"]


def colour_scale(colours: dict, present) -> alt.Scale:
    """A colour scale over the categories the chart shows, in the order of `colours`."""
    return theme.scale(colours, [k for k in colours if k in set(present)])


def opacity_scale(values: dict) -> alt.Scale:
    """An opacity per category (an ordinal scale: a point scale would blend more than two)."""
    return alt.Scale(type="ordinal", domain=list(values), range=list(values.values()))


def halo(chart: alt.Chart, **text) -> list[alt.Chart]:
    """Text with a white outline under it, readable over dashed rules and gridlines."""
    return [chart.mark_text(stroke="white", strokeWidth=4, strokeJoin="round", **text), chart.mark_text(**text)]


def side(start: pd.Series, domain: list[str]) -> pd.Series:
    """Labels right of their point in the first half of the axis, left of it in the second."""
    lo, hi = (pd.Timestamp(d) for d in domain)
    return (start > lo + (hi - lo) / 2).map({True: "left", False: "right"})
