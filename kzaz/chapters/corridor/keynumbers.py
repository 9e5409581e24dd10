"""The numbers the corridor chapter's findings rest on, for the summary's key-numbers table."""

from __future__ import annotations

from kzaz.computed import once_per_build
from kzaz.markdown import link

from . import chain, promises
from .inputs import Inputs


def _period(row) -> str:
    """The throughput's year, and the months it is annualised from when it covers part of one."""
    year = str(int(row["throughput_year"]))
    return f"{year}, {int(row['months'])} months annualised" if row["annualised"] else year


@once_per_build
def key_numbers(inp: Inputs) -> list[dict]:
    """The narrowest link's use of its capacity, and the capacity target against the capacity stated."""
    top = chain.binding(inp)
    cap = promises.judged(inp)
    cap = cap[cap["subject"] == promises.CAPACITY].iloc[0]
    stated = inp.cargo.set_index("figure_id").loc[cap["outturn_id"]]  # the capacity statement, not the target's
    return [
        {
            "what": f"Narrowest link of the corridor: {top['name']}, throughput over capacity (in {top['unit']})",
            "value": f"{top['utilisation_pct']:.0f}% of capacity",
            "period": _period(top),
            "source": link(top["source_publisher"], top["source_url"]),
        },
        {
            "what": f"Corridor capacity stated against the {cap['promised']:.0f} Mt target",
            "value": f"{cap['outturn']:.1f} Mt",
            "period": str(int(cap["year"])),
            "source": link(stated["source_publisher"], stated["source_url"]),
        },
    ]
