"""Every number and phrase the diplomacy chapter's prose quotes."""

from __future__ import annotations

import re

import pandas as pd

from kzaz import dates
from kzaz.computed import once_per_build
from kzaz.markdown import says
from kzaz.prose import Facts, fmt, verdict
from kzaz.prose import times as fmt_times

from . import search
from .inputs import NOT_A_FORMAT, Inputs, per_period


def meeting_number(title: str) -> float:
    """19 for "19th meeting of ...": a numbered meeting implies the earlier ones."""
    m = re.search(r"\b(\d+)(?:st|nd|rd|th) meeting", title)
    return float(m[1]) if m else float("nan")


def rates(inp: Inputs) -> tuple[float, float]:
    """Events a year before the split year (from the first year) and from it to the last."""
    recent = inp.recent
    return ((~recent).sum() / (inp.split_year - inp.first_year), recent.sum() / (inp.last_year - inp.split_year + 1))


def new_kinds(inp: Inputs) -> tuple[list[str], list[str]]:
    """Formats the table has only since the split: (new, older than the table).

    A kind whose numbered meetings run past the table's count of them is older than the
    table, whatever the table shows. Accidents are not formats of the relationship.
    """
    events, recent = inp.events, inp.recent
    only_recent = sorted(set(events[recent]["type"]) - set(events[~recent]["type"]) - NOT_A_FORMAT)
    older = [
        t
        for t in only_recent
        if (events.loc[events["type"] == t, "title"].map(meeting_number) > (events["type"] == t).sum()).any()
    ]
    return [t for t in only_recent if t not in older], older


def relation_dates(inp: Inputs) -> list[str]:
    """The dates the sources give for the establishment of diplomatic relations."""
    rel = inp.by_id.loc["dipl-relations-1992"]
    return [d for d in (rel["date"], rel["date_alt"]) if isinstance(d, str)]


def data_dates(inp: Inputs) -> dict:
    """How far the data run (the latest statement of a source, the latest event, the pages searched)
    and when they were checked."""
    events = inp.events
    checked = max(events["checked_on"].max(), inp.search["checked_on"].max(), inp.counts["checked_on"].max())
    return dict(
        data_through=dates.label(max(events["source_date"].dropna(), key=search.end_of)),
        latest_event=dates.label(max(events["date"], key=search.end_of)),
        search_reaches=dates.label(inp.search["store_reaches"].max().strftime("%Y-%m-%d")),
        checked_on=dates.label(checked.strftime("%Y-%m-%d")),
    )


ORDINAL_WORDS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
]


def ordinal(n: int, words: bool = False) -> str:
    """'9th', '21st', '12th'; in words up to twelve if asked ('ninth')."""
    if words and 1 <= n <= len(ORDINAL_WORDS):
        return ORDINAL_WORDS[n - 1]
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def search_facts(inp: Inputs) -> dict:
    e = search.effort(inp)
    before, after = e["before"], e["after"]
    first_before, first_after = search.rates_first_edition(inp)
    years = search.per_year(inp)
    later = years[years["year"] > inp.last_year]
    counted = search.counted_visits(inp).set_index("count_id")
    naz, ali, tok = (
        counted.loc[k] for k in ("count-nazarbayev-baku-2019", "count-aliyev-kaz-2025", "count-tokayev-aze-2025")
    )
    return dict(
        search_first_year=int(years["year"].min()),
        search_last_year=int(years["year"].max()),
        n_queries=search.distinct_queries(inp),
        n_added=int(inp.added.sum()),
        n_first_edition=int((~inp.added & ~inp.unlogged).sum()),
        n_unlogged=int(inp.unlogged.sum()),
        n_years_without_events=int((years["events"] == 0).sum()),
        years_after_table=says(str(y) for y in later["year"]),
        queries_a_year_before=fmt(before["queries_a_year"], ".1f"),
        queries_a_year_after=fmt(after["queries_a_year"], ".1f"),
        per_query_before=fmt(before["events_per_query"], ".1f"),
        per_query_after=fmt(after["events_per_query"], ".1f"),
        per_query_multiple=fmt(after["events_per_query"] / before["events_per_query"], ".1f"),
        rate_before_first=fmt(first_before, ".1f"),
        rate_after_first=fmt(first_after, ".1f"),
        rate_multiple_first=fmt(first_after / first_before, ".0f"),
        missing_to_match=int(search.missing_to_match(inp)),
        missing_multiple=fmt(search.missing_to_match(inp) / (~inp.recent).sum(), ".0f"),
        naz_stated=int(naz["stated"]),
        naz_ordinal=ordinal(int(naz["stated"]), words=True),
        naz_in_table=int(naz["in_table"]),
        naz_missing=int(naz["missing"]),
        naz_said=dates.label(naz["statement_date"]),
        ali_stated=int(ali["stated"]),
        ali_in_table=int(ali["in_table"]),
        tok_stated=int(tok["stated"]),
        tok_in_table=int(tok["in_table"]),
    )


@once_per_build
def facts(inp: Inputs) -> Facts:
    events = inp.events
    counts = events["type"].value_counts()
    rate_before, rate_after = rates(inp)
    totals = per_period(inp).groupby("period", sort=False)["events"].sum()
    council = events[events["type"] == "council"]
    founding = council[council["title"].map(meeting_number).isna()].iloc[0]
    forums = events[events["type"] == "forum"]
    commission = events[events["type"] == "commission"].iloc[0]
    checks = events["check"].value_counts()
    out = Facts(
        "dip",
        n_events=len(events),
        first_year=inp.first_year,
        last_year=inp.last_year,
        n_visits=int(counts.get("visit", 0)),
        n_documents=int(counts.get("treaty", 0) + counts.get("declaration", 0)),
        n_accidents=int(counts.get("accident", 0)),
        n_partial=int((events["verification"] == "partial").sum()),
        n_date_disputes=int(events["date_alt"].notna().sum()),
        n_sources=events["source_url"].nunique(),
        n_hosted_kaz=int((events["host"] == "Kazakhstan").sum()),
        n_hosted_aze=int((events["host"] == "Azerbaijan").sum()),
        n_confirmed=int(checks.get("confirmed", 0)),
        n_single=int(checks.get("single source", 0)),
        n_conflicting=int(checks.get("conflicting", 0)),
        n_corrected=int(checks.get("corrected", 0)),
        split_year=inp.split_year,
        before_split=inp.split_year - 1,
        last_period=totals.index[-1],
        busiest_period=totals.idxmax(),
        rate_before=fmt(rate_before, ".1f"),
        rate_after=fmt(rate_after, ".1f"),
        rate_multiple=fmt(rate_after / rate_before, ".0f"),
        n_after=int(inp.recent.sum()),
        share_after=fmt(100 * inp.recent.mean(), ".0f"),
        council_founded=dates.label(founding["date"]),
        n_council_meetings=fmt_times(int(council["title"].map(meeting_number).notna().sum())),
        n_forums=len(forums),
        first_forum_year=int(forums["year"].min()),
        commission_first_in_table=ordinal(int(meeting_number(commission["title"]))),
        commission_first_year=int(commission["year"]),
        rel_dates=" or ".join(dates.label(d) for d in sorted(relation_dates(inp))),
        n_founding=len(founding_documents(events)),
        **data_dates(inp),
        **search_facts(inp),
    )
    from .verdicts import verdicts  # they use the helpers above

    for a in verdicts(inp):
        out[a.claim_id.lower()] = verdict(a.verdict, a.claim_id)
    return out.publish()


FOUNDING_TYPES = ("relations", "embassy", "declaration", "treaty", "council")


def founding_documents(events: pd.DataFrame) -> pd.DataFrame:
    return events[events["type"].isin(FOUNDING_TYPES)]
