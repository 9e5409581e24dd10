"""The book as a whole: every chapter's verdicts, the scorecard, the claims ledger.

The landing page, the summary and the claims ledger call these. Each chapter's verdicts
are computed by its own module (`kzaz.chapters.<name>.verdicts`), so a verdict is
written once and every page that shows it computes the same thing.
"""

from __future__ import annotations

import importlib
from functools import cache

import altair as alt
import pandas as pd

from . import claims, data, tables, theme
from .chapters import CHAPTERS, SHORT_NAMES
from .claims import Assessment
from .figures import Figure, figure
from .markdown import says
from .prose import Facts, fmt, verdict


def chapter(name: str):
    if name not in CHAPTERS:
        raise KeyError(f"no chapter '{name}' (chapters: {', '.join(CHAPTERS)})")
    return importlib.import_module(f"kzaz.chapters.{name}")


@cache
def inputs(name: str):
    """A chapter's checked inputs, read once per kernel however many pages' facts need them."""
    return chapter(name).inputs()


def facts(name: str) -> Facts:
    """A chapter's facts (its namespace, e.g. `tr`), for pages that quote several chapters."""
    return chapter(name).facts(inputs(name))


def assessments() -> list[Assessment]:
    """Every claim's assessment, from its chapter's module, in claim order."""
    found = []
    for name in CHAPTERS:
        found += chapter(name).verdicts(inputs(name))
    table = claims.claims_table()
    missing = sorted(set(table.index) - {a.claim_id for a in found})
    if missing:
        raise ValueError(f"no chapter assesses {', '.join(missing)} (data/claims.csv names their chapters)")
    return sorted(found, key=lambda a: a.claim_id)


def book_facts(found: list[Assessment]) -> Facts:
    """The book's own facts (`bk`): the claims and their verdict tally, the two countries."""
    counts = claims.tally(found)
    table = claims.claims_table()
    judgements = table.index[~table["measurable"]].tolist()
    out = Facts(
        "bk",
        n_claims=len(found),
        first_claim=table.index[0],
        last_claim=table.index[-1],
        n_measurable=int(table["measurable"].sum()),
        n_judgements=len(judgements),
        judgement_ids=says(judgements),
        **countries(),
    )
    for word, n in counts.items():
        out["n_" + word.replace(" ", "_")] = n
    for a in found:
        out[a.claim_id.lower()] = verdict(a.verdict, a.claim_id)
    out["share_supported"] = fmt(100 * counts["supported"] / len(found), ".0f")
    out["verdict_words"] = says(f"{n} {v}" for v, n in counts.items() if n)
    refuted = counts["not supported"]
    out["refuted"] = (
        "the data contradict none"
        if refuted == 0
        else f"the data contradict {refuted}"
        if refuted > 1
        else "the data contradict one"
    )
    return out.publish()


def countries() -> dict:
    """Population and GDP of the two countries, each for the latest year both have (World Bank)."""
    econ = data.load("wb_gdp_population")

    def latest(column: str):
        year = int(econ.dropna(subset=[column]).groupby("country")["year"].max().min())
        return year, econ[econ["year"] == year].set_index("country")[column]

    pop_year, pop = latest("population")
    gdp_year, gdp = latest("gdp_current_usd")
    return dict(
        pop_year=pop_year,
        gdp_year=gdp_year,
        pop_kaz_m=fmt(pop["Kazakhstan"] / 1e6, ".1f"),
        pop_aze_m=fmt(pop["Azerbaijan"] / 1e6, ".1f"),
        gdp_kaz_bn=fmt(gdp["Kazakhstan"] / 1e9, ",.0f"),
        gdp_aze_bn=fmt(gdp["Azerbaijan"] / 1e9, ",.0f"),
        gdp_ratio=fmt(gdp["Kazakhstan"] / gdp["Azerbaijan"], ".1f"),
    )


KEY_NUMBERS_PER_CHAPTER = 2  # a chapter lists its numbers by weight: the summary shows the first two


def key_numbers() -> tables.Table:
    """A short table of the numbers the findings rest on, each with its period and source.

    Every chapter module defines `key_numbers(inputs)`: rows with `what`, `value`,
    `period` and `source` (Markdown). Three columns, so the table reads on a phone; what a
    number is links to its chapter; the period goes with the value.
    """
    rows = []
    for name in CHAPTERS:
        module = chapter(name)
        if hasattr(module, "key_numbers"):
            for row in module.key_numbers(inputs(name))[:KEY_NUMBERS_PER_CHAPTER]:
                rows.append({**row, "what": f"{{doc}}`{row['what']} </chapters/{name}>`"})
    frame = pd.DataFrame(rows, columns=["what", "value", "period", "source"])
    frame["value"] = frame["value"] + " (" + frame["period"] + ")"
    return tables.table(frame, columns={"what": "What", "value": "Value (when)", "source": "Source"}, fold=False)


def scorecard(found: list[Assessment], name: str = "fig-scorecard", link_base: str = "") -> Figure:
    """The claims by chapter, one square each, coloured by verdict and linking to its evidence.

    name: the figure's label (each page that shows the scorecard gives it its own).
    link_base: the path from the page that shows the chart to the chapters' folder
    ("chapters/" from the landing page, "" from a page in chapters/).
    """
    rows = pd.DataFrame(
        [
            {
                "claim": a.claim_id,
                "chapter": SHORT_NAMES[a.chapter],
                "verdict": a.verdict,
                "what": a.claim,
                "why": a.reason,
                "href": f"{link_base}{a.chapter}.html#{a.label}",
            }
            for a in found
        ]
    )
    rows["slot"] = rows.groupby("chapter").cumcount()
    order = [SHORT_NAMES[c] for c in CHAPTERS if SHORT_NAMES[c] in set(rows["chapter"])]
    base = alt.Chart(rows).encode(
        x=alt.X("slot:O", axis=None, scale=alt.Scale(paddingInner=0.12)),
        y=alt.Y(
            "chapter:N",
            sort=order,
            title=None,
            axis=alt.Axis(labelLimit=170, labelFontSize=13, ticks=False, domain=False),
        ),
    )
    squares = base.mark_rect(cornerRadius=4).encode(
        color=alt.Color(
            "verdict:N",
            title="Verdict",
            scale=theme.scale(theme.VERDICT),
            legend=alt.Legend(orient="bottom", symbolType="square"),
        ),
        href="href:N",
        tooltip=[
            alt.Tooltip("claim:N", title="Claim"),
            alt.Tooltip("what:N", title="The article says"),
            alt.Tooltip("verdict:N", title="Verdict"),
            alt.Tooltip("why:N", title="Why"),
        ],
    )
    dark = [v for v in theme.VERDICT if v in ("supported", "not supported")]
    labels = base.mark_text(fontSize=12, fontWeight="bold").encode(
        text="claim:N",
        href="href:N",
        color=alt.condition(alt.FieldOneOfPredicate("verdict", dark), alt.value("white"), alt.value("#222222")),
    )
    counts = claims.tally(found)
    return figure(
        alt.layer(squares, labels).properties(width=620, height=48 * len(order)),
        name=name,
        title=f"The article's {len(found)} claims, tested",
        subtitle="; ".join(f"{n} {v}" for v, n in counts.items() if n),
        hint="Click a claim to open its evidence",
        sources=["claims"],
        # The claims are the article's, the verdicts the book's: the line says so.
        source="Claims: Trend News Agency, Baku (interview of 20 October 2025); verdicts: this book",
        alt_text=(
            f"Grid of the seed article's {len(found)} claims by chapter, each a square coloured by its "
            "verdict ("
            + ", ".join(f"{theme.colour_name(theme.VERDICT[v])}: {v}" for v in counts)
            + "): "
            + "; ".join(
                f"{ch}: " + ", ".join(f"{r.claim} {r.verdict}" for r in g.itertuples())
                for ch, g in rows.groupby("chapter", sort=False)
            )
            + "."
        ),
    )


class Ledger:
    """Every claim with its verdict and reason, grouped by chapter, each linking to its evidence."""

    def __init__(self, found: list[Assessment]):
        self.found = found

    def _repr_markdown_(self) -> str:
        parts = []
        for name in CHAPTERS:
            mine = [a for a in self.found if a.chapter == name]
            if not mine:
                continue
            parts.append(f"### {SHORT_NAMES[name]}")
            for a in mine:
                parts.append(
                    f"**{a.claim_id}** {claims.chip(a.verdict)} *{a.claim}*\\\n{a.reason} {{ref}}`Evidence <{a.label}>`"
                )
        return "\n\n".join(parts)


def ledger(found: list[Assessment]) -> Ledger:
    return Ledger(found)
