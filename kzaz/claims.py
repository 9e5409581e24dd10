"""Claims of the seed article and the book's verdicts on them.

The claims (paraphrased, numbered C01-C21) live in `data/claims.csv`. A chapter
assesses the claims it owns with `assess()`: the verdict must be one of four
words, the reason one sentence, and the evidence points at data in the chapter.
Each verdict is glued (`claim-C01-verdict`, `claim-C01-reason`) and recorded in
`_build/claims/C01.json`, from which the book's claims ledger page is generated:
a verdict is written once, in its chapter.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from . import data, paths
from .markdown import cell
from .numbers import glue_value

VERDICTS = ("supported", "partly supported", "not supported", "not verifiable")


@dataclass(frozen=True)
class Assessment:
    claim_id: str
    claim: str
    verdict: str
    reason: str
    evidence: str


def _claim(claim_id: str):
    claims = data.load("claims").set_index("claim_id")
    if claim_id not in claims.index:
        raise KeyError(f"{claim_id} is not in data/claims.csv")
    return claims.loc[claim_id]


def claim_text(claim_id: str) -> str:
    return _claim(claim_id)["claim"]


def assess(claim_id: str, verdict: str, reason: str, evidence: str) -> Assessment:
    if verdict not in VERDICTS:
        raise ValueError(f"{claim_id}: verdict '{verdict}' is not one of {VERDICTS}")
    if not reason.strip() or not evidence.strip():
        raise ValueError(f"{claim_id}: a verdict needs a reason and evidence")
    row = _claim(claim_id)
    a = Assessment(claim_id, row["claim"], verdict, reason.strip(), evidence.strip())
    glue_value(f"claim-{claim_id}-verdict", verdict)
    glue_value(f"claim-{claim_id}-reason", a.reason)
    record(a, row["chapter"])
    return a


def record(a: Assessment, chapter: str, out_dir=None) -> None:
    """Write the assessment where the ledger page is built from."""
    out_dir = out_dir or paths.BUILD_DIR / "claims"
    out_dir.mkdir(parents=True, exist_ok=True)
    entry = dict(asdict(a), chapter=f"chapters/{chapter}", anchor=anchor(a.claim_id))
    (out_dir / f"{a.claim_id}.json").write_text(json.dumps(entry, indent=2, ensure_ascii=False) + "\n",
                                                encoding="utf-8")


def anchor(claim_id: str) -> str:
    return f"claim-{claim_id.lower()}"


def markdown_table(assessments: list[Assessment]) -> str:
    """A MyST table of claims, verdicts, reasons and evidence."""
    rows = ["| Claim | What the article says | Verdict | Why | Evidence |", "|---|---|---|---|---|"]
    for a in assessments:
        rows.append(f"| <span id=\"{anchor(a.claim_id)}\"></span>{a.claim_id} | {cell(a.claim)} | **{a.verdict}** "
                    f"| {cell(a.reason)} | {cell(a.evidence)} |")
    return "\n".join(rows)
