"""Timelines where every event stays countable, on screen and in print.

Events of one row that are closer in time than a symbol is wide would print on top of
each other. `sub_rows` gives each event the first sub-row of its row that is free by
then; `centre_out` orders the sub-rows so that the first sits beside the row's label.
"""

from __future__ import annotations

import pandas as pd


def sub_rows(starts: pd.Series, min_gap_days: int) -> pd.Series:
    """Sub-row (0, 1, ...) of each event, same index as `starts`; 0 unless crowded."""
    free_from: list[pd.Timestamp] = []
    rows = {}
    for i, when in starts.sort_values().items():
        row = next((k for k, t in enumerate(free_from) if when >= t), len(free_from))
        free_from[row : row + 1] = [when + pd.Timedelta(days=min_gap_days)]
        rows[i] = row
    return pd.Series(rows, dtype=int).reindex(starts.index)


def centre_out(n: int) -> list[int]:
    """Sub-rows top to bottom: 0 in the middle, then alternately above and below."""
    return [k for k in range(n - 1, 0, -1) if k % 2] + [0] + [k for k in range(2, n) if k % 2 == 0]


def stacked(frame: pd.DataFrame, row: str, start: str, min_gap_days: int) -> tuple[pd.Series, list[int]]:
    """Sub-rows for every event of `frame`, grouped by `row`, and their top-to-bottom order."""
    subs = pd.concat([sub_rows(g[start], min_gap_days) for _, g in frame.groupby(row)]).reindex(frame.index)
    return subs, centre_out(int(subs.max()) + 1)


def shift_zoom():
    """Zoom and pan along time with the shift key held: a plain wheel or drag scrolls the page
    (a timeline that took them would trap a reader scrolling past it, on a phone too)."""
    import altair as alt

    return alt.selection_interval(
        bind="scales",
        encodings=["x"],
        zoom="wheel![event.shiftKey]",
        translate="[pointerdown[event.shiftKey], window:pointerup] > window:pointermove!",
    )
