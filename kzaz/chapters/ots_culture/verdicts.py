"""The chapter's verdicts on claims C19 (areas of cooperation) and C20 (bodies linked to the OTS).

C21, on the culture days, is the diplomacy chapter's (its event table holds them).
"""

from __future__ import annotations

from kzaz import claims
from kzaz.claims import Assessment
from kzaz.computed import once_per_build
from kzaz.markdown import link, says

from .derive import (
    STRONG_TIES,
    beyond,
    bounds,
    bounds_of,
    documents,
    latest_said,
    ots_messages,
    said_before,
    sg_moves,
    wording,
)
from .inputs import Inputs

TIE_PHRASE = {
    "listed by the OTS": "on the OTS's list of related institutions",
    "summit decision": "created by decision of a Turkic Council or OTS summit",
    "own statement": "tied to the OTS only by its own description",
    "none found": "without a documented tie to the OTS",
}


def c19_verdict(inp: Inputs) -> str:
    """A count above the threshold in an OTS document supports the claim; officials' statements above it
    only partly (no list to check, and the numbers shift); statements at or below it not at all."""
    t, latest = inp.threshold, latest_said(inp)
    if documents(inp).apply(lambda r: beyond(r, t), axis=1).any():
        return "supported"
    if len(latest) and latest.apply(lambda r: beyond(r, t), axis=1).all():
        return "partly supported"
    return "not supported" if len(said_before(inp)) else "not verifiable"


def month_said(inp: Inputs) -> str:
    """'October 2025': the month of the last statements before the article."""
    latest = latest_said(inp)
    return f"{latest['date'].max():%B %Y}" if len(latest) else ""


def who(inp: Inputs, r) -> str:
    """'the OTS's own message of 3 October', 'the OTS Secretary General at Gabala'."""
    if r["kind"] == "OTS message":
        return f"the OTS's own message of {r['date']:%-d %B}"
    summit = inp.summit_on(r["date"])
    return f"the {r['speaker_role']}" + (f" at {summit['host_city']}" if summit is not None else "")


def bound_phrase(r) -> str:
    """'36 or more', 'at most 39', '30'."""
    low, high = bounds(r)
    if low is not None and high is not None:
        return str(low) if low == high else f"{low} to {high}"
    return f"{low} or more" if low is not None else f"at most {high}"


def bounds_sentence(inp: Inputs) -> str:
    """The arithmetic: what the last month's statements allow, read as bounds, and whether they agree."""
    latest, t = latest_said(inp), inp.threshold
    if latest.empty:
        return ""
    b = bounds_of(latest)
    text = (
        f"Read as bounds, the statements of {month_said(inp)} allow "
        + says(f"{bound_phrase(r)} ({who(inp, r)}: {r['qualifier']} {r['count']})" for _, r in latest.iterrows())
        + "."
    )
    weakest, strongest, ceiling = b["weakest"], b["strongest"], b["ceiling"]
    if not b["consistent"]:
        first = who(inp, strongest[1])
        text += f" {first[0].upper()}{first[1:]} and {who(inp, ceiling[1])} cannot both be right"
        if weakest and weakest[0] <= ceiling[0]:
            text += f"; {who(inp, weakest[1])} and {who(inp, ceiling[1])} together allow {weakest[0]} to {ceiling[0]}"
        text += "."
    if weakest:
        text += f" Even the weakest lower bound, {weakest[0]}, is {'above' if weakest[0] > t else 'not above'} {t}."
    return text


def c19_finding(inp: Inputs) -> str:
    """The verdict in one sentence, for the findings and the prose."""
    t, month = inp.threshold, month_said(inp)
    b = bounds_of(latest_said(inp))
    floor = f": even the weakest of their figures means at least {b['weakest'][0]}" if b["weakest"] else ""
    return {
        "supported": f"An OTS document puts the number above {t}, so the article's figure can be checked.",
        "partly supported": f"The article's figure of more than {t} matches what the OTS itself and officials were "
        f"saying in {month}, when it appeared{floor}. But it rests on speeches and messages that "
        "give different counts, not on a list a reader could check.",
        "not supported": f"What officials said in {month}, before the article appeared, does not go beyond {t}.",
        "not verifiable": "No statement or document on the number of areas predates the article.",
    }[c19_verdict(inp)]


def c19_reason(inp: Inputs) -> str:
    """Two sentences: what was said just before the article and what it allows; why that is not enough."""
    latest, moves, t = latest_said(inp), sg_moves(inp), inp.threshold
    if latest.empty:
        return "No statement on the number of areas predates the article."
    msgs = latest[latest["kind"] == "OTS message"]
    others = latest[latest["kind"] != "OTS message"]
    said = says(
        ([f"the OTS's own message spoke of {says(wording(r) for r in msgs.itertuples())}"] if len(msgs) else [])
        + ([f"officials of {says(wording(r) for r in others.itertuples())}"] if len(others) else [])
    )
    weakest = bounds_of(latest)["weakest"]
    reason = f"In {month_said(inp)}, just before the article, {said}"
    reason += (
        f": read as bounds, even the weakest means {weakest[0]} or more, "
        f"{'above' if weakest[0] > t else 'not above'} {t}."
        if weakest
        else "."
    )
    docs = "an OTS document counts them" if len(documents(inp)) else "no OTS document counts them"
    shifts = [
        f"from {a.qualifier} {a.count} to {b.qualifier if b.qualifier != 'reached' else ''} {b.count} within "
        f"{(b.date - a.date).days} days in {a.date.year}".replace("  ", " ")
        for a, b in moves
    ]
    reason += f" But {docs}" + (f", and the Secretary General's own figure moved {says(shifts)}." if shifts else ".")
    return reason


def c19(inp: Inputs) -> Assessment:
    msgs = ots_messages(inp)
    return claims.assess(
        "C19",
        c19_verdict(inp),
        c19_reason(inp),
        "{numref}`fig-ots-areas`; table ots_cooperation_areas: "
        + ", ".join(link(r.statement_id, r.source_url) for r in inp.areas.itertuples())
        + ".",
        detail=(
            f"The rule: a count above {inp.threshold} in an OTS document that lists or counts the areas would "
            "support the claim; statements above it, officials' or the OTS's own messages, support it only in "
            "part, as there is no list to check and the numbers shift; statements at or below it would not "
            "support it. 'More than N' and 'over N' are read as N + 1 or more, 'almost N' as at most N - 1 "
            "(and as above the threshold when N - 1 is), 'reached N' as N. "
            + bounds_sentence(inp)
            + f" Statements made after the article ({inp.article_date:%-d %B %Y}) are not counted. "
            + (f"The OTS's own messages: {says(r.statement_id for r in msgs.itertuples())}. " if len(msgs) else "")
            + "Statements before the article: "
            + "; ".join(
                f"{r.statement_id}, {r.speaker_role}, {r.date:%-d %B %Y}: {wording(r)}"
                for r in said_before(inp).itertuples()
            )
            + "."
        ),
    )


def named_bodies(inp: Inputs):
    """The bodies the claim names (named_in_claim), and those of them with a tie C20 counts."""
    named = inp.bodies[inp.bodies["named_in_claim"]]
    return named, named[named["ots_tie"].isin(STRONG_TIES)]


def c20_verdict(inp: Inputs) -> str:
    named, tied = named_bodies(inp)
    if named.empty:
        return "not verifiable"
    return "supported" if len(tied) == len(named) else "partly supported" if len(tied) else "not supported"


def ties(bodies) -> str:
    """'TURKSOY and TURKPA are on the OTS's list ...; TCHF was created by ...'"""
    parts = []
    for tie, group in bodies.groupby("ots_tie", sort=False):
        verb = "are" if len(group) > 1 else "is"
        if tie == "summit decision":
            verb = "were" if len(group) > 1 else "was"
        parts.append(f"{says(group['short_name'])} {verb} {TIE_PHRASE[tie]}")
    return "; ".join(parts)


def c20(inp: Inputs) -> Assessment:
    named, tied = named_bodies(inp)
    share = f"All {len(named)}" if len(tied) == len(named) else f"{len(tied)} of the {len(named)}"
    others = inp.bodies[~inp.bodies["named_in_claim"]]
    return claims.assess(
        "C20",
        c20_verdict(inp),
        f"{share} bodies the claim names have a documented tie to the OTS: {ties(named)}.",
        "{numref}`fig-ots-bodies`; table ots_bodies: "
        + ", ".join(link(r.short_name, r.source_url) for r in named.itertuples())
        + ".",
        detail=(
            "A body counts as linked when the OTS lists it or a summit created it; a body's own description "
            "of itself does not count. Not named in the claim: " + ties(others) + "."
            if len(others)
            else ""
        ),
    )


@once_per_build
def verdicts(inp: Inputs) -> list[Assessment]:
    return [c19(inp), c20(inp)]
