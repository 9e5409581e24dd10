"""Downloads and citations under every figure, made from the chart the page places.

A chapter's figure is a notebook cell whose output is a `kzaz.figures.Figure`, named
and captioned by the cell's `mystnb: figure:` metadata. The chart's spec carries what
the book needs (`usermeta.kzaz`: name, title, sources, licence). When a page is
written, this extension
- checks that every chart sits in a figure of the same name,
- adds under it PNG, SVG and CSV links and a "cite this figure" block (plain text and
  BibTeX) with the number Sphinx gave it,
- writes the three files from the output it places: the PNG, SVG and CSV that the
  cell's HTML output carries in a JSON script. They are taken out as soon as a page is
  read and kept beside Sphinx's stored trees (which then weigh a seventh as much: Sphinx
  reads a page's tree again for each cross-reference to it), and copied into the site's
  _figures/ when the page is written. A notebook run anywhere else writes nothing the site
  uses.

For other builders (the PDF) it removes the code of cells tagged `hide-input`: on
paper there is no toggle, and the figure is what the reader came for.
"""

from __future__ import annotations

import base64
import html
import json
import re
from datetime import date
from pathlib import Path

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

LOGGER = logging.getLogger(__name__)
FIGURE = re.compile(r'<figure[^>]*\bid="([^"]+)"[^>]*>.*?</figure>', re.S)
CHART_SPEC = re.compile(r"vegaEmbed\(el, (\{.*?\}), \{\"renderer\"", re.S)
EXTENSIONS = ("png", "svg", "csv")


FILES_CLASS = "kzaz-figure-files"  # kzaz.figures.FILES_CLASS: the extension reads it without pandas
FILES = re.compile(rf'<script type="application/json" class="{FILES_CLASS}">(.*?)</script>', re.S)


def take_pictures(body: str) -> tuple[str, dict[str, dict]]:
    """The page without the pictures its figures carry, and those pictures by figure name."""
    found = {}
    for m in FILES.finditer(body):
        files = json.loads(m.group(1).replace("<\\/", "</"))
        found[files["name"]] = files
    return FILES.sub("", body), found


def _write(path: Path, content: bytes) -> None:
    if not path.exists() or path.read_bytes() != content:
        path.write_bytes(content)


def _kept(app) -> Path:
    """Where a page's pictures wait between reading and writing: with the trees, so they go
    when the trees go (and every page is read again)."""
    return Path(app.doctreedir) / "figure-files"


def write_files(dest: Path, pictures: dict[str, dict]) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for name, files in sorted(pictures.items()):
        _write(dest / f"{name}.png", base64.b64decode(files["png"]))
        _write(dest / f"{name}.svg", files["svg"].encode("utf-8"))
        _write(dest / f"{name}.csv", files["csv"].encode("utf-8"))


def _take_pictures_on_read(app, doctree) -> None:
    """Keep the pictures a page's chart outputs carry, and leave them out of its stored tree."""
    if app.builder.format != "html":
        return
    for node in list(doctree.findall(nodes.raw)):
        text = node.astext()
        if "html" in node.get("format", "").split() and FILES_CLASS in text:
            body, pictures = take_pictures(text)
            write_files(_kept(app), pictures)
            node.replace(node[0], nodes.Text(body))
            node.rawsource = body  # the tree keeps the source text too


def copy_files(app, pagename: str, placed: set[str]) -> None:
    """The placed figures' files, from where reading kept them into the site."""
    dest = Path(app.outdir) / "_figures"
    for name in sorted(placed):
        kept = [_kept(app) / f"{name}.{ext}" for ext in EXTENSIONS]
        if not all(f.exists() for f in kept):
            LOGGER.warning(f"figure '{name}': its output carries no pictures", location=pagename)
            continue
        dest.mkdir(parents=True, exist_ok=True)
        for f in kept:
            _write(dest / f.name, f.read_bytes())


def _book(app) -> dict:
    import kzaz

    return {
        "title": app.config.html_title,
        "author": app.config.author,
        "version": kzaz.__version__,
        "url": (app.config.html_baseurl or "").rstrip("/"),
        "year": date.today().year,
        "date": date.today().isoformat(),
    }


def citation(book: dict, number: str, fig: dict, page_url: str) -> tuple[str, str]:
    where = f" {page_url}#{fig['name']}" if page_url else ""
    plain = (
        f"{book['author']} ({book['year']}). {book['title']}, version {book['version']}. "
        f"Figure {number}: {fig['title']}.{where} Built {book['date']}. {fig['source_line']}."
    )
    from kzaz.bib import escape  # the data sources' BibTeX uses the same escaping

    key = re.sub(r"[^a-z0-9]+", "_", f"kzaz_{book['year']}_{fig['name']}".lower())
    bib = (
        f"@misc{{{key},\n  author = {{{{{escape(book['author'])}}}}},\n"
        f"  title = {{Figure {number}: {escape(fig['title'])}}},\n"
        f"  howpublished = {{In: {escape(book['title'])}, version {book['version']}}},\n"
        f"  year = {{{book['year']}}},\n"
        + (f"  url = {{{page_url}#{fig['name']}}},\n" if page_url else "")
        + f"  note = {{{escape(fig['source_line'])}. Licence: {escape(fig['licence'])}}}\n}}"
    )
    return plain, bib


def _tools_html(pathto, book, number, fig, page_url) -> str:
    plain, bib = citation(book, number, fig, page_url)
    name = fig["name"]
    links = " · ".join(
        '<a class="reference download" href="{}" download>{}</a>'.format(pathto(f"_figures/{name}.{ext}", 1), label)
        for ext, label in (("png", "PNG"), ("svg", "SVG"), ("csv", "CSV (data plotted, all sources)"))
    )
    return (
        f'<div class="kzaz-figure-tools" data-figure="{name}">'
        f"<p>Download figure {number}: {links}</p>"
        f"<details><summary>Cite this figure</summary>"
        f'<pre class="kzaz-cite-text">{html.escape(plain)}</pre>'
        f'<pre class="kzaz-cite-bibtex">{html.escape(bib)}</pre></details></div>'
    )


def chart_specs(body: str) -> list[dict]:
    return [json.loads(m.group(1).replace("<\\/", "</")) for m in CHART_SPEC.finditer(body)]


def _add_figure_tools(app, pagename, context):
    from kzaz.figures import meta

    body = context.get("body", "")
    numbers = app.builder.env.toc_fignumbers.get(pagename, {}).get("figure", {})
    book = _book(app)
    page_url = f"{book['url']}/{pagename}.html" if book["url"] else ""
    placed: set[str] = set()

    def add(match):
        fig_id, block = match.group(1), match.group(0)
        specs = [s for s in chart_specs(block) if meta(s)]
        if not specs:
            return block
        fig = meta(specs[0])
        placed.add(fig["name"])
        if len(specs) > 1 or fig["name"] != fig_id:
            LOGGER.warning(
                f"figure '{fig_id}' holds the chart '{fig['name']}' (and {len(specs) - 1} more): "
                "a figure's cell names it as its chart does",
                location=pagename,
            )
            return block
        if fig_id not in numbers:
            LOGGER.warning(f"figure '{fig_id}' has no number: give its cell a caption", location=pagename)
            return block
        number = ".".join(str(n) for n in numbers[fig_id])
        return block.replace("</figure>", _tools_html(context["pathto"], book, number, fig, page_url) + "</figure>")

    context["body"] = FIGURE.sub(add, body)
    for spec in chart_specs(body):
        name = meta(spec).get("name")
        if name and name not in placed:
            LOGGER.warning(
                f"chart '{name}' is not in a figure: name it in its cell's mystnb figure metadata", location=pagename
            )
    copy_files(app, pagename, placed)


def _on_page(app, pagename, templatename, context, doctree):
    _add_figure_tools(app, pagename, context)


class DropHiddenInput(SphinxPostTransform):
    """On paper, cells tagged hide-input show their output only."""

    default_priority = 200

    def run(self, **kwargs):
        if self.app.builder.format == "html":
            return
        for cell in list(self.document.findall(nodes.container)):
            if cell.get("nb_element") == "cell_code" and "tag_hide-input" in cell.get("classes", []):
                for part in list(cell.children):
                    if isinstance(part, nodes.container) and part.get("nb_element") == "cell_code_source":
                        cell.remove(part)


def setup(app):
    app.add_post_transform(DropHiddenInput)
    app.connect("doctree-read", _take_pictures_on_read)
    app.connect("html-page-context", _on_page)
    return {"version": "2.0", "parallel_read_safe": True, "parallel_write_safe": True}
