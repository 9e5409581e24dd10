"""The diplomacy chapter's verdicts on claims C01-C05 and C21, computed from the event table."""

from __future__ import annotations

import pandas as pd

from kzaz import claims, dates
from kzaz.claims import Assessment
from kzaz.computed import once_per_build
from kzaz.markdown import link, says

from . import search
from .facts import new_kinds, rates, relation_dates
from .inputs import KIND, Inputs


def _row_link(row, event_id: str) -> str:
    return f"Event table, row {event_id}: {link(row['source_publisher'], row['source_url'])}"


def c01(inp: Inputs) -> Assessment:
    rel = inp.by_id.loc["dipl-relations-1992"]
    found = relation_dates(inp)
    labels = " or ".join(dates.label(d) for d in found)
    same_month = len({d[:7] for d in found}) == 1
    return claims.assess(
        "C01",
        "supported" if all(d.startswith("1992-08") for d in found) else "not supported",
        f"Sources date the establishment of relations to {labels}: "
        + (
            f"both in {dates.label(found[0][:7])}, though they differ on the day."
            if same_month
            else "they differ on the month."
        ),
        f"{_row_link(rel, 'dipl-relations-1992')}; {link('second source', rel['alt_source_url'])}.",
    )


def _signed(inp: Inputs, event_id: str, claim_id: str, year: str, place: str, what: str, during: str = ""):
    row = inp.by_id.loc[event_id]
    return claims.assess(
        claim_id,
        "supported" if row["date"].startswith(year) and place in row["place"] else "not supported",
        f"The {what} was signed on {dates.label(row['date'])} in {row['place']}{during}.",
        _row_link(row, event_id) + ".",
    )


def c04(inp: Inputs) -> Assessment:
    measurable = claims.claims_table().loc["C04", "measurable"]
    return claims.assess(
        "C04",
        "partly supported" if measurable else "not verifiable",
        "Shared roots, language, religion and values are context and opinion, not a quantity the book can test.",
        "No data; the chapter records it for completeness.",
    )


def _kind_name(t: str) -> str:
    """A kind of event inside a sentence: the Council's name keeps its capitals."""
    return KIND[t] if t == "council" else KIND[t].lower()


def c05(inp: Inputs) -> Assessment:
    before, after = rates(inp)
    new, older = new_kinds(inp)
    e = search.effort(inp)
    naz = search.counted_visits(inp).set_index("count_id").loc["count-nazarbayev-baku-2019"]
    # A judgement: the data can support its visible part (more contact, new formats), never the whole.
    more_and_new = after > before and bool(new)
    # Searched as hard, recent years must still yield more events per look-up, or the rise is search effort.
    not_search = e["after"]["events_per_query"] > e["before"]["events_per_query"]
    older_note = (
        f" The {says(_kind_name(t) for t in older)} also appears only since {inp.split_year}, but its "
        "meetings are numbered from long before: it is older than the table."
        if older
        else ""
    )
    return claims.assess(
        "C05",
        "partly supported" if more_and_new and not_search else "not supported",
        f"Since {inp.split_year} the table has {after:.1f} events a year against {before:.1f} before, with every year "
        f"searched, and new formats ({says(_kind_name(t) for t in new) or 'none'}). Whether that is a new level in "
        "kind is a judgement the data cannot settle.",
        "Figures {numref}`fig-dipl-timeline`, {numref}`fig-dipl-pace` and {numref}`fig-dipl-search`; "
        "data/diplomacy_search_log.csv, data/diplomacy_visit_counts.csv.",
        detail=(
            f"Look-ups a year: {e['before']['queries_a_year']:.1f} for {inp.first_year}–{inp.split_year - 1}, "
            f"{e['after']['queries_a_year']:.1f} for {inp.split_year}–{inp.last_year}; events per look-up: "
            f"{e['before']['events_per_query']:.2f} and {e['after']['events_per_query']:.2f}. For the earlier "
            f"pace to equal the recent one, {search.missing_to_match(inp)} events before {inp.split_year} would "
            f"have to be missing from the table; Nazarbayev's own count of his visits to Baku "
            f"({int(naz['stated'])} by {dates.label(naz['statement_date'])}) finds {int(naz['missing'])} "
            f"missing ({int(naz['in_table'])} in the table). Accidents are counted as events but never as a "
            f"new format.{older_note}"
        ),
    )


def c21(inp: Inputs) -> Assessment:
    events = inp.events
    culture = events[events["type"] == "culture"]
    culture = culture[culture["title"].str.contains("days", case=False)]  # culture days, not the centre's works
    kaz_days = culture[(culture["year"] == 2023) & (culture["country"] == "AZE")]
    aze_days = culture[(culture["year"] == 2024) & (culture["country"] == "KAZ")]
    both = len(kaz_days) > 0 and len(aze_days) > 0
    all_confirmed = bool((pd.concat([kaz_days, aze_days])["verification"] == "confirmed").all())
    earlier = sorted(culture[culture["year"] < 2023]["year"])
    reason = (
        (
            f"Days of Kazakh culture were held in {kaz_days['place'].iloc[0]} from {kaz_days['when'].iloc[0]}, and "
            f"days of Azerbaijani culture in {aze_days['place'].iloc[0]} from {aze_days['when'].iloc[0]}."
            + (f" Earlier culture days ({says(earlier)}) show the exchange is older." if earlier else "")
        )
        if both
        else "The table has no culture days in one of the two years."
    )
    return claims.assess(
        "C21",
        ("supported" if all_confirmed else "partly supported") if both else "not supported",
        reason,
        "Event table, rows "
        + ", ".join(link(r.event_id, r.source_url) for r in pd.concat([kaz_days, aze_days]).itertuples())
        + ".",
    )


@once_per_build
def verdicts(inp: Inputs) -> list[Assessment]:
    return [
        c01(inp),
        _signed(
            inp,
            "declaration-friendship-2004",
            "C02",
            "2004",
            "Astana",
            "declaration on friendly relations and strategic partnership",
            ", during Ilham Aliyev's visit",
        ),
        _signed(
            inp,
            "treaty-strategic-allied-2005",
            "C03",
            "2005",
            "Baku",
            "treaty on strategic partnership and allied relations",
        ),
        c04(inp),
        c05(inp),
        c21(inp),
    ]
