"""Every number and phrase the transport chapter's prose quotes, as the `tr` namespace."""

from __future__ import annotations

from kzaz import dates
from kzaz.computed import once_per_build
from kzaz.prose import Facts, verdict

from . import cargo, network, ports, times, zangezur
from .inputs import Inputs
from .verdicts import c09_parts, verdicts


def roadmap_facts(inp: Inputs) -> dict:
    k = c09_parts(inp)
    return dict(
        n_roadmap_sources=len(inp.roadmap),
        roadmap_update="an update of it agreed in 2024 is recorded"
        if k["update_2024"]
        else "no update of it agreed in 2024 could be found",
    )


def dating_facts(inp: Inputs) -> dict:
    """The date the chapter's data run to and the day its rows were checked, from the rows themselves."""
    return dates.dating(inp.data_through, inp.checked_on)


@once_per_build
def facts(inp: Inputs) -> Facts:
    out = Facts(
        "tr",
        **network.facts(inp),
        **cargo.facts(inp),
        **ports.facts(inp),
        **times.facts(inp),
        **zangezur.facts(inp),
        **roadmap_facts(inp),
        **dating_facts(inp),
    )
    for a in verdicts(inp):
        out[a.claim_id.lower()] = verdict(a.verdict, a.claim_id)
    return out.publish()
