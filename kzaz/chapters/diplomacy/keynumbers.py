"""The numbers the chapter's findings rest on, for the book's key-numbers table."""

from __future__ import annotations

from kzaz import dates
from kzaz.computed import once_per_build
from kzaz.markdown import link

from . import search
from .facts import meeting_number, rates
from .inputs import Inputs


@once_per_build
def key_numbers(inp: Inputs) -> list[dict]:
    before, after = rates(inp)
    events = inp.events
    table = "The book's {doc}`event table </chapters/sources>` (one source per row)"
    council = events[(events["type"] == "council") & events["title"].map(meeting_number).notna()]
    latest = council.iloc[-1]
    naz = search.counted_visits(inp).set_index("count_id").loc["count-nazarbayev-baku-2019"]
    return [
        {
            "what": "Bilateral events a year, since the 2022 declaration on allied relations",
            "value": f"{after:.1f} events a year",
            "period": f"{inp.split_year}–{inp.last_year}",
            "source": table,
        },
        {
            "what": "Bilateral events a year, before it",
            "value": f"{before:.1f} events a year",
            "period": f"{inp.first_year}–{inp.split_year - 1}",
            "source": table,
        },
        {
            "what": "Meetings of the Supreme Interstate Council",
            "value": f"{len(council)} meetings",
            "period": f"to {dates.label(latest['date'])}",
            "source": link(latest["source_publisher"], latest["source_url"]),
        },
        {
            "what": "Nazarbayev's visits to Baku, by his own count",
            "value": f"{int(naz['stated'])} visits ({int(naz['in_table'])} in the table)",
            "period": f"to {dates.label(naz['statement_date'])}",
            "source": link(naz["source_publisher"], naz["source_url"]),
        },
    ]
