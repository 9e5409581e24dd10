"""Downloads and citations under every figure, and the claims ledger.

Notebooks record what they make (kzaz.figures.export, kzaz.claims.record) in
`_build/figures/` and `_build/claims/`. At write time this extension
- copies the figure files into the HTML output (`_figures/`),
- adds under each registered figure: PNG, SVG and CSV links, and a "cite this
  figure" block (plain text and BibTeX) with the figure's number as Sphinx
  numbered it,
- fills the claims ledger placeholder with one row per claim C01-C21, linking
  to the assessment in its chapter.
All of it comes from one registry; nothing is typed per figure or per claim.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from datetime import date
from pathlib import Path

LEDGER_PLACEHOLDER = '<div class="kzaz-claims-ledger"></div>'


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
    key = re.sub(r"[^a-z0-9]+", "_", f"kzaz_{book['year']}_{fig['name']}".lower())
    bib = (f"@misc{{{key},\n  author = {{{{{book['author']}}}}},\n"
           f"  title = {{Figure {number}: {fig['title']}}},\n"
           f"  howpublished = {{In: {book['title']}, version {book['version']}}},\n"
           f"  year = {{{book['year']}}},\n" + (f"  url = {{{page_url}#{fig['name']}}},\n" if page_url else "")
           + f"  note = {{{fig['source_line']}. Licence: {fig['licence']}}}\n}}")
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


def _fill_ledger(app, pagename, context):
    body = context.get("body", "")
    if LEDGER_PLACEHOLDER not in body:
        return
    from kzaz import data

    claims = data.load("claims")
    assessed = _registry("claims")
    rows = []
    for c in claims.itertuples():
        a = assessed.get(c.claim_id)
        if a:
            link = context["pathto"](a["chapter"]) + "#" + a["anchor"]
            verdict = f'<span class="kzaz-verdict kzaz-verdict-{a["verdict"].replace(" ", "-")}">{a["verdict"]}</span>'
            rows.append(f"<tr><td>{c.claim_id}</td><td>{html.escape(c.claim)}</td><td>{verdict}</td>"
                        f"<td>{html.escape(a['reason'])}</td><td><a class=\"reference internal\" href=\"{link}\">"
                        f"evidence</a></td></tr>")
        else:
            rows.append(f"<tr><td>{c.claim_id}</td><td>{html.escape(c.claim)}</td><td>not yet assessed</td>"
                        f"<td>The chapter on this subject ({html.escape(c.chapter)}) is not in this edition.</td>"
                        f"<td></td></tr>")
    table = ('<table class="table kzaz-ledger"><thead><tr><th>Claim</th><th>What the article says</th>'
             "<th>Verdict</th><th>Why</th><th>Where</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
    context["body"] = body.replace(LEDGER_PLACEHOLDER, table)


def _is_notebook(app, pagename) -> bool:
    return "kernelspec" in app.builder.env.metadata.get(pagename, {})


def _add_notebook_link(app, pagename, context):
    """A link to the chapter as a Jupyter notebook (.ipynb), at the top of the page."""
    if not _is_notebook(app, pagename) or pagename == app.config.root_doc:
        return
    href = context["pathto"](f"_notebooks/{pagename}.ipynb", 1)
    link = (f'<p class="kzaz-notebook-link"><a class="reference download" href="{href}" download>'
            "Download this chapter as a Jupyter notebook</a> (run it from the <code>chapters/</code> folder of a "
            "checkout of the repository, with its environment: see the README).</p>")
    body = context.get("body", "")
    # After the page title.
    context["body"] = re.sub(r"(</h1>)", r"\1" + link.replace("\\", "\\\\"), body, count=1)


def _on_page(app, pagename, templatename, context, doctree):
    _add_figure_tools(app, pagename, context)
    _fill_ledger(app, pagename, context)
    _add_notebook_link(app, pagename, context)


def _write_notebooks(app, exception):
    """Each notebook page's source converted to .ipynb (no outputs: they come from running it)."""
    if exception is not None or app.builder.format != "html":
        return
    import jupytext

    for pagename in app.builder.env.found_docs:
        if not _is_notebook(app, pagename):
            continue
        source = Path(app.srcdir) / f"{pagename}.md"
        target = Path(app.outdir) / "_notebooks" / f"{pagename}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        jupytext.write(jupytext.read(source), target, fmt="ipynb")


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
    if LEDGER_PLACEHOLDER in source[0] or CROSS_PAGE_GLUE.search(source[0]):
        pages.add(docname)
    else:
        pages.discard(docname)
    app.env.kzaz_aggregate_pages = pages


def _aggregates_outdated(app, env, added, changed, removed):
    # Sphinx does not know these pages depend on others: re-read them whenever anything was.
    if added or changed:
        return sorted(getattr(env, "kzaz_aggregate_pages", set()) & set(env.found_docs))
    return []


def setup(app):
    app.connect("source-read", _note_aggregate_pages)
    app.connect("env-get-outdated", _aggregates_outdated)
    app.connect("html-page-context", _on_page)
    app.connect("build-finished", _copy_figures)
    app.connect("build-finished", _write_notebooks)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
