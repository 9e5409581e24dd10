"""The diplomacy chapter's tables: the founding documents, the presidents' counts of their visits, the search log."""

from __future__ import annotations

import pandas as pd

from kzaz import dates, tables
from kzaz.markdown import link

from . import search
from .facts import founding_documents
from .inputs import Inputs


def founding(inp: Inputs) -> tables.Table:
    docs = founding_documents(inp.events)
    when = [
        w + (f" (other source: {dates.label(alt)})" if isinstance(alt, str) else "")
        for w, alt in zip(docs["when"], docs["date_alt"])
    ]
    event = [
        t + ("" if v == "confirmed" else " (the source covers part of it)")
        for t, v in zip(docs["title"], docs["verification"])
    ]
    frame = pd.DataFrame(
        {
            "Date": when,
            "Event": event,
            "Place": docs["place"].fillna("—"),
            "Source": [link(p, u) for p, u in zip(docs["source_publisher"], docs["source_url"])],
        }
    )
    return tables.table(frame, fold=f"The {len(frame)} milestones, with their sources")


COUNTRY = {"KAZ": "Kazakhstan", "AZE": "Azerbaijan"}


def visit_counts(inp: Inputs) -> tables.Table:
    """The presidents' own counts of their visits beside the table's (narrow enough for a phone)."""
    c = search.counted_visits(inp)
    to = [p if isinstance(p, str) else COUNTRY[h] for p, h in zip(c["place"], c["host_country"])]
    frame = pd.DataFrame(
        {
            "Visits": [f"{v.split()[-1]} to {place}" for v, place in zip(c["visitor"], to)],
            "Period": [f"{s[:4]}–{dates.label(e)}" for s, e in zip(c["period_start"], c["statement_date"])],
            "Their count": [
                f"{n} ({link(short(p), u)})" for n, p, u in zip(c["stated"], c["source_publisher"], c["source_url"])
            ],
            "In the table": c["in_table"],
        }
    )
    return tables.table(frame, fold=False)


def short(publisher: str) -> str:
    """'Report.az' for 'Report.az (citing ...)'."""
    return publisher.split(" (")[0]


def search_log(inp: Inputs) -> tables.Table:
    """The year-by-year search: look-ups, events found (new ones marked), what was left out."""
    s, url = inp.search, inp.by_id["source_url"]
    found = [
        ", ".join(link(e, url[e]) + (" (new)" if e in added else "") for e in f) or "—"
        for f, added in zip(s["found"], s["added"])
    ]
    frame = pd.DataFrame(
        {
            "Year": s["year"].astype(str),
            "Look-ups": s["n_queries"],
            "Events found": found,
            "Found but left out": s["not_added"].fillna("—"),
        }
    )
    return tables.table(
        frame,
        fold=f"The search, year by year: {len(frame)} years, {search.distinct_queries(inp)} "
        "look-ups, the events found and what was left out",
    )
