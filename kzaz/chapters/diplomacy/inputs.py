"""The chapter's inputs: the event table, the log of how it was searched, and the presidents'
own counts of their visits, checked against each other and prepared."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from kzaz import data, dates

# How each kind of event is named in sentences, in the order of the timeline's rows.
KIND = {
    "relations": "Relations & anniversaries",
    "embassy": "Embassies & consulates",
    "declaration": "Declarations",
    "treaty": "Treaties & agreements",
    "council": "Supreme Interstate Council",
    "commission": "Intergovernmental commission",
    "visit": "Visits & summits",
    "forum": "Business forums & missions",
    "culture": "Culture days & centres",
    "accident": "Accidents & incidents",
}
# ... and beside the timeline, short enough for a phone (the tooltip has the event itself).
KIND_SHORT = {
    "relations": "Relations",
    "embassy": "Embassies",
    "declaration": "Declarations",
    "treaty": "Treaties",
    "council": "Interstate Council",
    "commission": "Joint commission",
    "visit": "Visits & summits",
    "forum": "Business forums",
    "culture": "Culture",
    "accident": "Incidents",
}
# Three broad groups: few enough that three clearly different greys tell them apart.
GROUP = {
    "relations": "Documents & institutions",
    "embassy": "Documents & institutions",
    "declaration": "Documents & institutions",
    "treaty": "Documents & institutions",
    "council": "Documents & institutions",
    "commission": "Documents & institutions",
    "visit": "Visits & summits",
    "forum": "Forums, culture & other",
    "culture": "Forums, culture & other",
    "accident": "Forums, culture & other",
}
GROUPS = ["Visits & summits", "Documents & institutions", "Forums, culture & other"]
# Kinds that happen to the two states rather than being made by them: never a "new format".
NOT_A_FORMAT = {"accident"}
HOSTS = {"KAZ": "Kazakhstan", "AZE": "Azerbaijan"}
ELSEWHERE = "elsewhere or not known"
# "Recent years" start with the latest founding document, the declaration on allied relations.
SPLIT_EVENT = "declaration-allied-2022"
FIRST_PERIOD_YEAR = 1991  # five-year periods count from independence; the search starts there too
SEP = "; "  # between event ids in the search log


@dataclass(frozen=True)
class Inputs:
    events: pd.DataFrame  # one row per event, oldest first, with start/when/year/host/kind/group
    search: pd.DataFrame  # one row per year searched, with the events found as lists
    counts: pd.DataFrame  # the presidents' own counts of their visits

    @cached_property
    def by_id(self) -> pd.DataFrame:
        return self.events.set_index("event_id")

    @property
    def first_year(self) -> int:
        return int(self.events["year"].min())

    @property
    def last_year(self) -> int:
        return int(self.events["year"].max())

    @property
    def split_year(self) -> int:
        return int(self.by_id.loc[SPLIT_EVENT, "date"][:4])

    @property
    def recent(self) -> pd.Series:
        return self.events["year"] >= self.split_year

    @property
    def unlogged(self) -> pd.Series:
        """Rows the search log does not name (added after the logged search)."""
        return ~self.events["event_id"].isin({e for found in self.search["found"] for e in found})

    @property
    def added(self) -> pd.Series:
        """Rows the evidence pass's search added to the first edition's table."""
        ids = {e for found in self.search["added"] for e in found}
        return self.events["event_id"].isin(ids)


def ids(cell) -> list[str]:
    return [e for e in cell.split(SEP) if e] if isinstance(cell, str) else []


def check_events(events: pd.DataFrame) -> list[str]:
    """A date's stated precision agrees with its written form ("2009-10" is a month), and a
    second date says why the book uses the first."""
    out = [
        data.problem("diplomacy_events", row, "date_precision", f"'{p}' does not match date '{d}'")
        for row, (d, p) in enumerate(zip(events["date"], events["date_precision"]), start=2)
        if dates.precision(d) != p
    ]
    out += [
        data.problem("diplomacy_events", row, "date_choice", "a row with date_alt says why the book uses 'date'")
        for row, (alt, why) in enumerate(zip(events["date_alt"], events["date_choice"]), start=2)
        if isinstance(alt, str) and not isinstance(why, str)
    ]
    return out


def check_search(search: pd.DataFrame, events: pd.DataFrame) -> list[str]:
    """The log names only events of its year, and covers every year from independence to its last.

    An event the log does not name is allowed (a row added after the logged search: `unlogged`
    counts them), so that a new year's event reaches the page without touching the log.
    """
    year_of = dict(zip(events["event_id"], events["date"].str[:4].astype(int)))
    out = []
    for row, r in enumerate(search.itertuples(), start=2):
        found = ids(r.events_found)
        out += [
            data.problem(
                "diplomacy_search_log", row, "events_found", f"'{e}' is not an event of {r.year} in diplomacy_events"
            )
            for e in found
            if year_of.get(e) != r.year
        ]
        out += [
            data.problem("diplomacy_search_log", row, "events_added", f"'{e}' is not in events_found")
            for e in ids(r.events_added)
            if e not in found
        ]
    years = set(search["year"])
    out += [
        data.problem("diplomacy_search_log", "-", "year", f"{y} was not searched (no row)")
        for y in range(FIRST_PERIOD_YEAR, max(years) + 1)
        if y not in years
    ]
    return out


def check_counts(counts: pd.DataFrame, events: pd.DataFrame) -> list[str]:
    """Each count's visitor is named in the events' parties, so that the table can be counted alike."""
    parties = " ".join(events["parties"].dropna())
    return [
        data.problem("diplomacy_visit_counts", row, "visitor", f"'{v}' is named in no event's parties")
        for row, v in enumerate(counts["visitor"], start=2)
        if v not in parties
    ]


def inputs() -> Inputs:
    events = data.load("diplomacy_events")
    search = data.load("diplomacy_search_log")
    counts = data.load("diplomacy_visit_counts")
    problems = check_events(events) + check_search(search, events) + check_counts(counts, events)
    if problems:
        raise data.DataError(problems)
    events = events.assign(
        start=events["date"].map(dates.start_of),
        when=events["date"].map(dates.label),
        host=events["country"].map(HOSTS).fillna(ELSEWHERE),
        kind=events["type"].map(KIND_SHORT),
        group=events["type"].map(GROUP),
    )
    events["year"] = events["start"].dt.year
    search = search.assign(found=search["events_found"].map(ids), added=search["events_added"].map(ids))
    return Inputs(
        events.sort_values("start", kind="stable").reset_index(drop=True),
        search.sort_values("year").reset_index(drop=True),
        counts,
    )


def per_period(inp: Inputs) -> pd.DataFrame:
    """Events per five-year period (from independence) and group; empty cells left out."""
    events = inp.events
    starts = list(range(FIRST_PERIOD_YEAR, inp.last_year + 1, 5))
    period = pd.cut(
        events["year"],
        bins=[b - 1 for b in starts] + [starts[-1] + 4],
        labels=[f"{b}–{b + 4}" for b in starts],
        right=True,
    )
    counts = events.assign(period=period).groupby(["period", "group"], observed=False).size()
    out = counts.rename("events").reset_index()
    out["period"] = out["period"].astype(str)
    out = out[out["events"] > 0].copy()
    out["group_rank"] = out["group"].map(GROUPS.index)
    return out
