"""The numbers the transport chapter's findings rest on, for the summary's key-numbers table."""

from __future__ import annotations

from kzaz.computed import once_per_build
from kzaz.markdown import link

from . import cargo, ports
from .inputs import Inputs


def _source(row) -> str:
    """The row's source as a link: who made the statement, and the publisher the book read it in."""
    who = cargo.by_whom(row["primary_source"]) if row["primary_source"] else ""
    publisher = row["source_publisher"]
    text = publisher if not who or who == publisher else f"{who}, via {publisher}"
    return link(text, row["source_url"])


@once_per_build
def key_numbers(inp: Inputs) -> list[dict]:
    """Cargo and containers on the route in the latest year, the plan for that year, and Baku's containers."""
    year = inp.latest_year
    cargo_row = inp.series_rows.loc[year]
    c = inp.cargo
    teu = c[
        c["book_uses"]
        & (c["measure"] == "containers")
        & (c["kind"] == "outturn")
        & (c["scope"] == "corridor")
        & (c["months"] == 12)
        & (c["year"] == inp.containers.index.max())
    ].iloc[0]
    plan, _ = cargo.latest_plan(inp)
    baku = ports.used(inp, "Baku")
    baku_teu = baku[(baku["measure"] == "containers") & (baku["kind"] == "outturn") & (baku["months"] == 12)]
    baku_teu = baku_teu.sort_values("year").iloc[-1]
    design = ports._capacity(baku, "containers").iloc[0]
    return [
        {
            "what": "Cargo on the Middle Corridor (Kazakh Ministry of Transport)",
            "value": f"{cargo_row['value']:.2f} Mt",
            "period": str(year),
            "source": _source(cargo_row),
        },
        {
            "what": "Containers on the Middle Corridor",
            "value": f"about {teu['value']:,.0f} TEU",
            "period": str(int(teu["year"])),
            "source": _source(teu),
        },
        {
            "what": f"Plan for the route's cargo ({cargo.by_whom(plan['primary_source'])})",
            "value": f"{plan['value']:.1f} Mt",
            "period": f"{int(plan['year'])} (plan)",
            "source": _source(plan),
        },
        {
            "what": f"Containers at the Port of Baku, against a design capacity of {design:,.0f} TEU",
            "value": f"{baku_teu['value']:,.0f} TEU",
            "period": str(int(baku_teu["year"])),
            "source": _source(baku_teu),
        },
    ]
