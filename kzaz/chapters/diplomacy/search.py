"""Does "events per year" measure contact or search effort? The search log and the presidents'
own counts of their visits, set against the event table."""

from __future__ import annotations

import calendar

import pandas as pd

from kzaz import dates

from .inputs import Inputs


def per_year(inp: Inputs) -> pd.DataFrame:
    """Every year searched: events in the table, look-ups made, and whether it is a recent year."""
    events = inp.events.groupby("year").size()
    out = inp.search[["year", "n_queries"]].copy()
    out["events"] = out["year"].map(events).fillna(0).astype(int)
    out["recent"] = out["year"] >= inp.split_year
    return out


def distinct_queries(inp: Inputs) -> int:
    """Look-ups made in all (one may serve several years: the log numbers each)."""
    numbers = {q.split(":", 1)[0].strip() for cell in inp.search["queries"] for q in cell.split(" | ")}
    return len(numbers)


def effort(inp: Inputs) -> dict:
    """Look-ups a year and events per look-up, before the split year and from it to the table's last year.

    Years after the table's last event (searched, nothing found) count in neither: the pages searched
    cover only the first weeks of them.
    """
    years = per_year(inp)
    years = years[(years["year"] >= inp.first_year) & (years["year"] <= inp.last_year)]
    out = {}
    for name, part in (("before", years[~years["recent"]]), ("after", years[years["recent"]])):
        out[name] = {
            "years": len(part),
            "queries": int(part["n_queries"].sum()),
            "events": int(part["events"].sum()),
            "queries_a_year": part["n_queries"].mean(),
            "events_per_query": part["events"].sum() / part["n_queries"].sum(),
        }
    return out


def rates_first_edition(inp: Inputs) -> tuple[float, float]:
    """Events a year before and since the split, counting only the first edition's rows."""
    first = inp.events[~inp.added & ~inp.unlogged]
    recent = first["year"] >= inp.split_year
    return (
        int((~recent).sum()) / (inp.split_year - inp.first_year),
        int(recent.sum()) / (inp.last_year - inp.split_year + 1),
    )


def missing_to_match(inp: Inputs) -> int:
    """Events the years before the split would have to lack for their pace to equal the recent one."""
    recent = inp.recent
    after = recent.sum() / (inp.last_year - inp.split_year + 1)
    return round(after * (inp.split_year - inp.first_year) - (~recent).sum())


def end_of(partial: str) -> pd.Timestamp:
    """Last day of the period a partial date names ('2019-10' -> 2019-10-31)."""
    parts = [int(p) for p in partial.split("-")]
    if len(parts) == 3:
        return pd.Timestamp(*parts)
    year, month = parts[0], parts[1] if len(parts) == 2 else 12
    return pd.Timestamp(year, month, calendar.monthrange(year, month)[1])


def counted_visits(inp: Inputs) -> pd.DataFrame:
    """Each of the presidents' counts beside the table's visits by the same person, to the same
    country (or city), from the start of the period to the day of the statement."""
    events = inp.events
    rows = []
    for c in inp.counts.itertuples():
        visits = events[
            (events["type"] == "visit")
            & (events["country"] == c.host_country)
            & events["parties"].fillna("").str.contains(c.visitor, regex=False)
            & (events["start"] >= dates.start_of(c.period_start))
            & (events["start"] <= end_of(c.statement_date))
        ]
        if isinstance(c.place, str):
            visits = visits[visits["place"].fillna("").str.contains(c.place, regex=False)]
        rows.append(
            {
                "count_id": c.count_id,
                "visitor": c.visitor,
                "host_country": c.host_country,
                "place": c.place,
                "period_start": c.period_start,
                "statement_date": c.statement_date,
                "stated": c.stated_count,
                "in_table": len(visits),
                "event_ids": list(visits["event_id"]),
                "stated_by": c.stated_by,
                "source_publisher": c.source_publisher,
                "source_url": c.source_url,
                "note": c.note,
            }
        )
    out = pd.DataFrame(rows)
    out["missing"] = (out["stated"] - out["in_table"]).clip(lower=0)
    return out
