"""Downloads and citations under every figure, and the claims ledger.

Notebooks record what they make (kzaz.figures.export, kzaz.claims.record) in
`_build/figures/` and `_build/claims/`. At write time this extension
- copies the figure files into the HTML output (`_figures/`),
- adds under each registered figure: PNG, SVG and CSV links, and a "cite this
  figure" block (plain text and BibTeX) with the figure's number as Sphinx
  numbered it,
- fills the claims ledger (the `claims-ledger` directive) with one row per claim
  C01-C21, linking to the assessment in its chapter; it is built after every page
  is read, so it works for the HTML and the PDF alike.
All of it comes from one registry; nothing is typed per figure or per claim.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from datetime import date
from pathlib import Path

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

LEDGER_DIRECTIVE = "{claims-ledger}"


def _build_dir() -> Path:
    from kzaz import paths

    return paths.BUILD_DIR


def _registry(kind: str) -> dict:
    folder = _build_dir() / kind
    entries = {}
    for f in sorted(folder.glob("*.json")) if folder.exists() else []:
        entry = json.loads(f.read_text(encoding="utf-8"))
        entries[entry.get("name") or entry.get("claim_id")] = entry
    return entries


def _book(app) -> dict:
    import kzaz

    return {"title": app.config.html_title, "author": app.config.author, "version": kzaz.__version__,
            "url": (app.config.html_baseurl or "").rstrip("/"), "year": date.today().year,
            "date": date.today().isoformat()}


def citation(book: dict, number: str, fig: dict, page_url: str) -> tuple[str, str]:
    where = f" {page_url}#{fig['name']}" if page_url else ""
    plain = (f"{book['author']} ({book['year']}). {book['title']}, version {book['version']}. "
             f"Figure {number}: {fig['title']}.{where} Built {book['date']}. {fig['source_line']}.")
    from kzaz.bib import escape  # the data sources' BibTeX uses the same escaping

    key = re.sub(r"[^a-z0-9]+", "_", f"kzaz_{book['year']}_{fig['name']}".lower())
    bib = (f"@misc{{{key},\n  author = {{{{{escape(book['author'])}}}}},\n"
           f"  title = {{Figure {number}: {escape(fig['title'])}}},\n"
           f"  howpublished = {{In: {escape(book['title'])}, version {book['version']}}},\n"
           f"  year = {{{book['year']}}},\n" + (f"  url = {{{page_url}#{fig['name']}}},\n" if page_url else "")
           + f"  note = {{{escape(fig['source_line'])}. Licence: {escape(fig['licence'])}}}\n}}")
    return plain, bib


def _tools_html(pathto, book, number, fig, page_url) -> str:
    plain, bib = citation(book, number, fig, page_url)
    name = fig["name"]
    links = " · ".join(
        '<a class="reference download" href="{}" download>{}</a>'.format(pathto(f"_figures/{name}.{ext}", 1), label)
        for ext, label in (("png", "PNG"), ("svg", "SVG"), ("csv", "CSV (data plotted)")))
    return (f'<div class="kzaz-figure-tools" data-figure="{name}">'
            f"<p>Download figure {number}: {links}</p>"
            f"<details><summary>Cite this figure</summary>"
            f"<pre class=\"kzaz-cite-text\">{html.escape(plain)}</pre>"
            f"<pre class=\"kzaz-cite-bibtex\">{html.escape(bib)}</pre></details></div>")


def _add_figure_tools(app, pagename, context):
    body = context.get("body", "")
    figures = _registry("figures")
    numbers = app.builder.env.toc_fignumbers.get(pagename, {}).get("figure", {})
    if not figures or not numbers:
        return
    book = _book(app)
    page_url = f"{book['url']}/{pagename}.html" if book["url"] else ""

    def add(match):
        fig_id = match.group(1)
        if fig_id not in figures or fig_id not in numbers:
            return match.group(0)
        number = ".".join(str(n) for n in numbers[fig_id])
        tools = _tools_html(context["pathto"], book, number, figures[fig_id], page_url)
        return match.group(0).replace("</figure>", tools + "</figure>")

    context["body"] = re.sub(r'<figure[^>]*\bid="([^"]+)"[^>]*>.*?</figure>', add, body, flags=re.S)


class ledger_placeholder(nodes.General, nodes.Element):
    """Where the claims ledger goes; filled after all pages are read."""


class ClaimsLedger(SphinxDirective):
    """```{claims-ledger}```: the table of claims C01-C21 and their verdicts."""

    def run(self):
        return [ledger_placeholder()]


class FillLedger(SphinxPostTransform):
    """Build the ledger table from the chapters' recorded assessments, for any builder."""

    default_priority = 5

    def run(self, **kwargs):
        for placeholder in list(self.document.findall(ledger_placeholder)):
            placeholder.replace_self(self.table())

    def link(self, entry) -> nodes.Node:
        builder = self.app.builder
        if builder.format == "html":
            uri = builder.get_relative_uri(self.env.docname, entry["chapter"]) + "#" + entry["anchor"]
            para = nodes.paragraph()
            para += nodes.reference("", "evidence", refuri=uri, internal=True)
            return para
        number = self.env.toc_secnumbers.get(entry["chapter"], {}).get("", ())
        return nodes.paragraph(text=f"Chapter {'.'.join(map(str, number))}" if number else entry["chapter"])

    def table(self) -> nodes.table:
        from kzaz import data

        assessed = _registry("claims")
        widths = [8, 34, 14, 34, 10]
        table = nodes.table(classes=["kzaz-ledger"])
        group = nodes.tgroup(cols=len(widths))
        table += group
        for w in widths:
            group += nodes.colspec(colwidth=w)
        head = nodes.thead()
        group += head
        head += self.row(["Claim", "What the article says", "Verdict", "Why", "Where"])
        body = nodes.tbody()
        group += body
        for c in data.load("claims").itertuples():
            a = assessed.get(c.claim_id)
            if a:
                body += self.row([c.claim_id, c.claim, a["verdict"], a["reason"], self.link(a)])
            else:
                body += self.row([c.claim_id, c.claim, "not yet assessed",
                                  f"The chapter on this subject ({c.chapter}) is not in this edition.", ""])
        return table

    @staticmethod
    def row(cells) -> nodes.row:
        row = nodes.row()
        for cell in cells:
            entry = nodes.entry()
            entry += cell if isinstance(cell, nodes.Node) else nodes.paragraph(text=str(cell))
            row += entry
        return row


def _on_page(app, pagename, templatename, context, doctree):
    _add_figure_tools(app, pagename, context)


def _copy_figures(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    src = _build_dir() / "figures"
    if src.exists():
        dest = Path(app.outdir) / "_figures"
        dest.mkdir(parents=True, exist_ok=True)
        for f in src.iterdir():
            if f.suffix in {".png", ".svg", ".csv"}:
                shutil.copy2(f, dest / f.name)


CROSS_PAGE_GLUE = re.compile(r"\{glue:\w+\}`[^`]*::")


def _note_aggregate_pages(app, docname, source):
    """Remember pages that show other pages' results (the ledger, cross-page glue)."""
    pages = getattr(app.env, "kzaz_aggregate_pages", set())
    if LEDGER_DIRECTIVE in source[0] or CROSS_PAGE_GLUE.search(source[0]):
        pages.add(docname)
    else:
        pages.discard(docname)
    app.env.kzaz_aggregate_pages = pages


def _aggregates_outdated(app, env, added, changed, removed):
    # Sphinx does not know these pages depend on others: re-read them whenever anything was.
    if added or changed:
        return sorted(getattr(env, "kzaz_aggregate_pages", set()) & set(env.found_docs))
    return []


def _data_bibliography(app, config):
    """Write the data sources' BibTeX (from datapackage.json) and add it to the bibliography."""
    from kzaz import bib

    target = _build_dir() / "data_sources.bib"
    target.parent.mkdir(parents=True, exist_ok=True)
    text = bib.entries()
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    rel = target.relative_to(Path(app.srcdir)).as_posix()
    if rel not in config.bibtex_bibfiles:
        config.bibtex_bibfiles = [*config.bibtex_bibfiles, rel]


def setup(app):
    app.connect("config-inited", _data_bibliography)
    app.add_node(ledger_placeholder)
    app.add_directive("claims-ledger", ClaimsLedger)
    app.add_post_transform(FillLedger)
    app.connect("source-read", _note_aggregate_pages)
    app.connect("env-get-outdated", _aggregates_outdated)
    app.connect("html-page-context", _on_page)
    app.connect("build-finished", _copy_figures)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
