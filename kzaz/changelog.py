"""What changed in the evidence since the first edition, from the data's change records.

Each chapter's evidence pass recorded its changes in `data/changes/<chapter>.csv`
(resource, row, field, old -> new, why, the source that settles it). The changelog
page shows them by chapter; nothing here is typed.
"""

from __future__ import annotations

import pandas as pd

from . import data, dates, paths, tables
from .chapters import CHAPTERS, SHORT_NAMES
from .markdown import link
from .prose import Facts


def recorded() -> list[str]:
    """The chapters the evidence pass re-checked: those with a change record (a chapter new in
    this edition has none)."""
    known = {r["name"] for r in data.read_package(paths.DATAPACKAGE).get("resources", [])}
    return [name for name in CHAPTERS if f"changes_{name}" in known]


def changes() -> pd.DataFrame:
    frames = [data.load(f"changes_{name}").assign(chapter=name) for name in recorded()]
    return pd.concat(frames, ignore_index=True)


def facts(found: pd.DataFrame) -> Facts:
    counts = found["kind"].value_counts()
    return Facts(
        "chg",
        n_changes=len(found),
        n_corrected=int(counts.get("corrected", 0)),
        n_added=int(counts.get("added", 0)),
        n_resources=found["resource"].nunique(),
        checked_on=dates.label(found["checked_on"].max().strftime("%Y-%m-%d")) if len(found) else "not yet run",
    ).publish()


def by_chapter(found: pd.DataFrame, name: str) -> tables.Table:
    rows = found[found["chapter"] == name]
    frame = pd.DataFrame(
        {
            "Data": rows["resource"]
            + ", "
            + rows["key"]
            + rows["field"].fillna("").map(lambda f: f" ({f})" if f else ""),
            "Change": rows["kind"],
            "First edition → now": rows["old"].fillna("—") + " → " + rows["new"].fillna("—"),
            "Why": rows["reason"],
            "Source": [link(p, u) for p, u in zip(rows["source_publisher"], rows["source_url"])],
        }
    )
    return tables.table(
        frame,
        fold=f"{SHORT_NAMES[name]}: {len(frame)} changes",
        empty="The evidence pass changed nothing in this chapter's data.",
    )
