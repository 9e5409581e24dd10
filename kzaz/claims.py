"""Claims of the seed article and the book's verdicts on them.

The claims (paraphrased, numbered C01-C21) live in `data/claims.csv`, each assigned to
the chapter that tests it. A chapter module's `verdicts(inputs)` returns one
`Assessment` per claim it owns, built with `assess()`: the verdict is one of four words,
the reason one or two sentences a person would write, the evidence points at data and
figures, and `detail` holds what a checker wants one click away (row ids, arithmetic).

The chapter shows its assessments as cards (`cards()`), each under a label
(`claim-c07`) that the claims ledger and the scorecard link to; the ledger and the
summary compute the same assessments from the same modules (`kzaz.chapters`), so a
verdict is written once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import data

VERDICTS = ("supported", "partly supported", "not supported", "not verifiable")
MAX_REASON_SENTENCES = 2


@dataclass(frozen=True)
class Assessment:
    claim_id: str
    claim: str
    chapter: str
    verdict: str
    reason: str
    evidence: str
    detail: str = ""

    @property
    def label(self) -> str:
        return anchor(self.claim_id)


def claims_table():
    return data.load("claims").set_index("claim_id")


def _claim(claim_id: str):
    claims = claims_table()
    if claim_id not in claims.index:
        raise KeyError(f"{claim_id} is not in data/claims.csv")
    return claims.loc[claim_id]


def claim_text(claim_id: str) -> str:
    return _claim(claim_id)["claim"]


def sentences(text: str) -> int:
    """Sentences in a reason (a full stop, ! or ? followed by a space and a capital, or the end)."""
    plain = re.sub(r"\{[a-z:]+\}`[^`]*`", "x", text)  # roles count as words
    plain = re.sub(r"\b(?:e\.g|i\.e|cf|no|approx|km|bn|mn|Mt|vs)\.", "x", plain)
    return len(re.findall(r"[.!?](?=\s+[A-Z(]|\s*$)", plain.strip()))


def assess(claim_id: str, verdict: str, reason: str, evidence: str, detail: str = "") -> Assessment:
    if verdict not in VERDICTS:
        raise ValueError(f"{claim_id}: verdict '{verdict}' is not one of {VERDICTS}")
    if not reason.strip() or not evidence.strip():
        raise ValueError(f"{claim_id}: a verdict needs a reason and evidence")
    if sentences(reason) > MAX_REASON_SENTENCES:
        raise ValueError(
            f"{claim_id}: the reason has more than {MAX_REASON_SENTENCES} sentences; move the rest into `detail`"
        )
    row = _claim(claim_id)
    return Assessment(claim_id, row["claim"], row["chapter"], verdict, reason.strip(), evidence.strip(), detail.strip())


def anchor(claim_id: str) -> str:
    return f"claim-{claim_id.lower()}"


def chip(verdict: str) -> str:
    return f"{{verdict}}`{verdict}`"


def card(a: Assessment) -> str:
    """One claim as MyST: label, number and verdict chip, the claim, why, evidence folded."""
    folded = a.evidence + (f"\n\n{a.detail}" if a.detail else "")
    return (
        f"({a.label})=\n"
        f"::::{{card}} {a.claim_id} {chip(a.verdict)}\n:class-card: kzaz-claim-card\n\n"
        f"*{a.claim}*\n\n{a.reason}\n\n"
        f":::{{dropdown}} Evidence\n:class-container: kzaz-evidence\n\n{folded}\n:::\n::::"
    )


class Cards:
    """The assessments of a chapter as cards (a notebook cell shows them)."""

    def __init__(self, assessments: list[Assessment]):
        self.assessments = list(assessments)

    def _repr_markdown_(self) -> str:
        return "\n\n".join(card(a) for a in self.assessments)


def cards(assessments: list[Assessment]) -> Cards:
    return Cards(assessments)


def tally(assessments: list[Assessment]) -> dict[str, int]:
    """Claims per verdict, in the order of VERDICTS (zeros kept)."""
    return {v: sum(a.verdict == v for a in assessments) for v in VERDICTS}
