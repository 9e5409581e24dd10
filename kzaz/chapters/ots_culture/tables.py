"""The chapter's tables: summits, members and observers, bodies, initiatives, culture days."""

from __future__ import annotations

import pandas as pd

from kzaz import dates, tables
from kzaz.markdown import link

from .charts import LANE
from .inputs import Inputs


def _sources(frame: pd.DataFrame) -> list[str]:
    return [link(p, u) for p, u in zip(frame["source_publisher"], frame["source_url"])]


def _when(frame: pd.DataFrame) -> list[str]:
    """The date the book uses, and the other source's where two disagree."""
    return [
        w + (f" (other source: {dates.label(a)})" if isinstance(a, str) else "")
        for w, a in zip(frame["when"], frame["date_alt"])
    ]


def summits(inp: Inputs) -> tables.Table:
    s = inp.summits
    basis = {"Wikipedia only": " (day: Wikipedia only)", "scholarly source": " (day: scholarly article)"}
    when = [w + basis.get(b, "") for w, b in zip(_when(s), s["day_basis"])]
    name = [
        f"{LANE[r.series]} no. {int(r.number)}"
        if r.format == "regular"
        else f"*{r.format.capitalize()} summit ({LANE[r.series]})*"
        for r in s.itertuples()
    ]
    place = [
        f"{r.host_city}, {inp.names[r.host_country]}"
        if r.mode == "in person"
        else f"video link (chair: {inp.names[r.chair_country]})"
        for r in s.itertuples()
    ]
    frame = pd.DataFrame(
        {"Date": when, "Summit": name, "Where": place, "Main outcome": s["outcome"].fillna("—"), "Source": _sources(s)}
    )
    return tables.table(frame, fold=f"All {len(frame)} summits, with their outcomes and sources")


def members(inp: Inputs) -> tables.Table:
    m = inp.members.sort_values(["since", "name"])
    status = [
        r.status
        + ("" if r.kind == "state" else f" ({r.kind})")
        + (": as listed by the OTS; disputed (see the text)" if r.status_disputed else "")
        for r in m.itertuples()
    ]
    frame = pd.DataFrame(
        {"Party": m["name"], "Status": status, "Since": m["when"], "Occasion": m["since_event"], "Source": _sources(m)}
    )
    return tables.table(frame, fold=f"The {len(frame)} members and observers: since when, and the source")


def bodies(inp: Inputs) -> tables.Table:
    b = inp.bodies
    frame = pd.DataFrame(
        {
            "Body": b["short_name"] + " — " + b["full_name"],
            "Founded": b["when"],
            "How": b["founded_event"],
            "Seat": b["seat"],
            "Tie to the OTS": b["ots_link"].fillna("none found"),
            "Source": _sources(b),
        }
    )
    return tables.table(frame, fold=f"The {len(frame)} bodies: how each was founded, its seat and its tie to the OTS")


def initiatives(inp: Inputs) -> tables.Table:
    """The initiatives the book uses: where sources date one differently, the row it prefers (the text gives both)."""
    ini = inp.initiatives[inp.initiatives["book_uses"]].sort_values(
        ["country", "start"], ascending=[False, True], kind="stable"
    )
    return tables.table(
        fold=f"The {len(ini)} initiatives credited to Kazakhstan and Azerbaijan",
        frame=pd.DataFrame(
            {
                "Country": ini["country"].map(inp.names),
                "When": ini["when"],
                "Initiative": ini["initiative"],
                "Credited to": ini["initiator"],
                "Source (kind)": [f"{s} ({k})" for s, k in zip(_sources(ini), ini["source_kind"])],
            }
        ),
    )


def culture(inp: Inputs) -> tables.Table:
    c = inp.culture
    event = [
        t + ("" if v == "confirmed" else " (source supports part of the row)")
        for t, v in zip(c["title"], c["verification"])
    ]
    return tables.table(pd.DataFrame({"Date": _when(c), "Event": event, "Place": c["place"], "Source": _sources(c)}))
