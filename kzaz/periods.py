"""Periods given as a first and a last partial date ("2024-09" to "2025-04", "2023" to "2023").

Trade and grain figures cover a month, several months, a year, or a crop season. To
place them on a time axis without pretending to more precision, a period is drawn at
its midpoint, and labelled in words.
"""

from __future__ import annotations

import pandas as pd

from . import dates


def end_of(partial: str) -> pd.Timestamp:
    """The first day after the period a partial date names ('2024-06' -> 2024-07-01)."""
    start = dates.start_of(partial)
    step = {"year": pd.DateOffset(years=1), "month": pd.DateOffset(months=1), "day": pd.DateOffset(days=1)}
    return start + step[dates.precision(partial)]


def midpoint(first: str, last: str) -> pd.Timestamp:
    """Middle of the period from the start of `first` to the end of `last`."""
    start, stop = dates.start_of(first), end_of(last)
    if stop <= start:
        raise ValueError(f"period ends before it starts: {first} to {last}")
    return (start + (stop - start) / 2).normalize()


def months_covered(first: str, last: str) -> int:
    """Whole months from the start of `first` to the end of `last` (a year counts 12)."""
    start, stop = dates.start_of(first), end_of(last)
    return (stop.year - start.year) * 12 + stop.month - start.month


def label(first: str, last: str) -> str:
    """'2023', 'Jan 2022', 'Jan-Jun 2024', 'Sep 2024-Apr 2025'; January to December of one year is '2024'."""
    if first == last:
        return dates.label(first) if dates.precision(first) != "month" else dates.start_of(first).strftime("%b %Y")
    a, b = dates.start_of(first), end_of(last) - pd.DateOffset(days=1)
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) and a.year == b.year:
        return str(a.year)
    if dates.precision(first) == "year" and dates.precision(last) == "year":
        return f"{a.year}-{b.year}"
    if a.year == b.year:
        return f"{a.strftime('%b')}-{b.strftime('%b')} {a.year}"
    return f"{a.strftime('%b %Y')}-{b.strftime('%b %Y')}"
