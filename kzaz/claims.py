"""Claims of the seed article and the book's verdicts on them.

The claims (paraphrased, numbered C01-C21) live in `data/claims.csv`. A chapter
assesses the claims it owns with `assess()`: the verdict must be one of four
words, the reason one sentence, and the evidence points at data in the chapter.
Each verdict is glued (`claim-C01-verdict`, `claim-C01-reason`) so that other pages
can quote it without writing it twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import data
from .numbers import glue_value

VERDICTS = ("supported", "partly supported", "not supported", "not verifiable")


@dataclass(frozen=True)
class Assessment:
    claim_id: str
    claim: str
    verdict: str
    reason: str
    evidence: str


def claim_text(claim_id: str) -> str:
    claims = data.load("claims").set_index("claim_id")
    if claim_id not in claims.index:
        raise KeyError(f"{claim_id} is not in data/claims.csv")
    return claims.loc[claim_id, "claim"]


def assess(claim_id: str, verdict: str, reason: str, evidence: str) -> Assessment:
    if verdict not in VERDICTS:
        raise ValueError(f"{claim_id}: verdict '{verdict}' is not one of {VERDICTS}")
    if not reason.strip() or not evidence.strip():
        raise ValueError(f"{claim_id}: a verdict needs a reason and evidence")
    a = Assessment(claim_id, claim_text(claim_id), verdict, reason.strip(), evidence.strip())
    glue_value(f"claim-{claim_id}-verdict", verdict)
    glue_value(f"claim-{claim_id}-reason", a.reason)
    return a


def markdown_table(assessments: list[Assessment]) -> str:
    """A MyST table of claims, verdicts, reasons and evidence."""
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    rows = ["| Claim | What the article says | Verdict | Why | Evidence |", "|---|---|---|---|---|"]
    for a in assessments:
        rows.append(f"| {a.claim_id} | {cell(a.claim)} | **{a.verdict}** | {cell(a.reason)} | {cell(a.evidence)} |")
    return "\n".join(rows)
