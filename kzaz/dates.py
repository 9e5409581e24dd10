"""Dates known to the day, the month or only the year.

Sources often give "August 1992" or "2009". The book keeps such dates as text
(YYYY, YYYY-MM or YYYY-MM-DD) and never invents the missing part: for plotting a
date is placed at the start of the period it names, and labels say how precise
it is.
"""

from __future__ import annotations

import calendar

import pandas as pd


def start_of(partial: str) -> pd.Timestamp:
    """First day of the period a partial date names ('2009-10' -> 2009-10-01)."""
    parts = partial.split("-")
    if not 1 <= len(parts) <= 3 or len(parts[0]) != 4:
        raise ValueError(f"not a YYYY, YYYY-MM or YYYY-MM-DD date: {partial!r}")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else 1
    day = int(parts[2]) if len(parts) > 2 else 1
    return pd.Timestamp(year=year, month=month, day=day)


def precision(partial: str) -> str:
    return {1: "year", 2: "month", 3: "day"}[len(partial.split("-"))]


def label(partial: str) -> str:
    """'30 August 1992', 'October 2009' or '2009'."""
    ts = start_of(partial)
    p = precision(partial)
    if p == "day":
        return f"{ts.day} {calendar.month_name[ts.month]} {ts.year}"
    if p == "month":
        return f"{calendar.month_name[ts.month]} {ts.year}"
    return str(ts.year)


# The stored copies of sources the evidence pass could search end about this month: what a
# chapter could not find may have been published since.
SEARCHED_TO = "2026-03"


def dating(data_through: str, checked_on: pd.Timestamp) -> dict:
    """A chapter's dating facts: the latest statement its rows use, the day they were checked, and
    how far the searchable sources reach."""
    return dict(
        data_through=label(data_through),
        checked_on=label(checked_on.strftime("%Y-%m-%d")),
        searched_to=label(SEARCHED_TO),
    )
