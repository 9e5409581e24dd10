"""One call per figure: title, source line, alt text, and what the book needs for downloads.

A chapter module builds an altair chart and hands it to `figure()`, which returns a
`Figure`. The figure shows itself where the notebook runs (`kzaz.render`):

- in the book, as a chart that fills its column at every width, with its title and
  subtitle above it and one short source line under it (HTML, so they wrap on a phone);
- in JupyterLab, under the cell that makes it;
- as a picture (PNG for print; PNG and SVG downloads), with title, subtitle and source
  line drawn inside it at a fixed width.

The notebook cell that shows a figure names it in its metadata (myst-nb's
`mystnb: figure: name:`), which numbers it and gives it a caption. Everything the book
needs to make the figure's downloads and citation travels in the chart's own spec
(`usermeta.kzaz`): the build makes them from the chart it places
(`_ext/figure_tools.py`), so what a reader downloads is what the page shows.
"""

from __future__ import annotations

import copy
import html
import io
import json
from collections import Counter

import altair as alt
import pandas as pd

from . import data, render, theme
from .bib import COMPILED_BY  # resources the book compiled row by row from many sources

BOOK = "Kazakhstan and Azerbaijan: cooperation in data"
MAX_PUBLISHERS = 3  # named in the short source line under a chart
PICTURE_WIDTH = 600  # px: fits the PDF's text width at a legible size
# The downloads' pictures ride in the output in a JSON script (which search does not index);
# the build takes it out of the page.
FILES_CLASS = "kzaz-figure-files"


def source_line(resources: list[str]) -> str:
    """'Source: Publisher: Title; ...' for the named resources: the full list (CSV, citation)."""
    parts: list[str] = []
    for name in resources:
        for src in data.sources(name):
            label = src.get("publisher") or ""
            title = src.get("title", "")
            text = f"{label}: {title}" if label and title else (label or title)
            if text and text not in parts:
                parts.append(text)
    if not parts:
        raise ValueError(f"no sources declared for {resources}: every chart needs a source line")
    return "Source: " + "; ".join(parts)


def short_source(resources: list[str], plotted: pd.DataFrame | None = None) -> str:
    """One short line: the publishers behind the chart, the most cited first.

    For a table the book compiled row by row, the publishers are those of the rows the
    chart plots (their `source_publisher`); the full list is in the CSV download.
    """
    counts: Counter = Counter()
    compiled = False
    for name in resources:
        for src in data.sources(name):
            publisher = src.get("publisher") or src.get("title", "")
            if publisher.startswith(COMPILED_BY):
                compiled = True
            elif publisher:
                counts[publisher] += 1
    if compiled:
        # The rows plotted, or (for a chart of counts) every row of the compiled tables.
        rows = (
            [plotted]
            if plotted is not None and "source_publisher" in plotted
            else [data.load(n) for n in resources if data.resource(n).spec.get("format", "csv") == "csv"]
        )
        for frame in rows:
            if "source_publisher" in frame:
                counts.update(p for p in frame["source_publisher"].dropna() if p)
    if not counts and not compiled:
        raise ValueError(f"no sources declared for {resources}: every chart needs a source line")
    names = [p for p, _ in counts.most_common()]
    shown = names[:MAX_PUBLISHERS]
    more = len(names) - len(shown)
    text = "; ".join(shown) + (f" and {more} more" if more else "")
    if compiled:
        text = (text + ", compiled in this book") if text else "compiled in this book from cited sources"
    return f"Source: {text}"


def plotted_data(spec: dict) -> pd.DataFrame:
    """The rows a chart plots: its inline datasets, without basemap geometries.

    Several datasets (layers) are stacked with a `layer` column numbering each, in
    the order of their (content-derived) names, so the result is the same however
    the spec's keys are ordered.
    """
    frames = []
    for i, (_, rows) in enumerate(sorted(spec.get("datasets", {}).items())):
        if rows and isinstance(rows[0], dict) and ("geometry" in rows[0] or rows[0].get("type") == "Feature"):
            continue  # map outlines: data/geo/*.geojson, not the figure's data
        frames.append(pd.DataFrame(rows).assign(layer=i + 1))
    if not frames:
        return pd.DataFrame()
    out = pd.concat(frames, ignore_index=True)
    return out.drop(columns="layer") if out["layer"].nunique() == 1 else out


COMPOUND = ("vconcat", "hconcat", "concat", "facet", "repeat")


def _fills_width(spec: dict) -> bool:
    """A single or layered view can take its column's width; concatenations cannot."""
    return not any(k in spec for k in COMPOUND)


def width_views(spec: dict) -> list[dict]:
    """The views that take the column's width: a single or layered view, or each view of a
    vertical stack of them (views one above the other can each be as wide as the column)."""
    if _fills_width(spec):
        return [spec]
    if set(spec) & set(COMPOUND) == {"vconcat"} and all(_fills_width(v) for v in spec["vconcat"]):
        return spec["vconcat"]
    return []


LEGEND_CHANNELS = ("color", "fill", "stroke", "shape", "strokeDash", "size", "opacity", "fillOpacity")


def wrap_legend_labels(spec) -> None:
    """Give every legend of a spec the theme's phone-width label wrapping (around its own label
    expression, if it has one)."""
    if isinstance(spec, dict):
        for channel, enc in (spec.get("encoding") or {}).items():
            if channel in LEGEND_CHANNELS and isinstance(enc, dict) and enc.get("legend", {}) is not None:
                legend = enc.setdefault("legend", {})
                own = legend.get("labelExpr")
                legend["labelExpr"] = theme.legend_label_expr(f"({own})" if own else "datum.label")
        for value in spec.values():
            wrap_legend_labels(value)
    elif isinstance(spec, list):
        for value in spec:
            wrap_legend_labels(value)


def meta(spec: dict) -> dict:
    """What the book records about a figure (name, title, sources, ...), from its spec."""
    return (spec.get("usermeta") or {}).get("kzaz") or {}


def picture_spec(screen: dict, hint: bool = False) -> dict:
    """The spec a picture (PNG, SVG, the PDF) is drawn from, made from the page's spec.

    Title and subtitle go inside the chart, the source line under it, at a fixed width;
    the on-screen hint ("Hover for details") only when `hint` (JupyterLab is a screen).
    """
    m = meta(screen)
    spec = copy.deepcopy(screen)
    # Variable parameters (sliders) are top-level only in Vega-Lite: they stay outside the vconcat.
    outer = {
        k: spec.pop(k) for k in ("$schema", "config", "datasets", "usermeta", "description", "params") if k in spec
    }
    spec.pop("autosize", None)
    views = width_views(spec)
    for view in views:
        if view.get("width") == "container":
            view["width"] = m.get("width") or PICTURE_WIDTH
    if spec.get("height") == "container":
        spec["height"] = m.get("height") or theme.HEIGHT
    subtitle = ". ".join(p for p in (m.get("subtitle"), m.get("hint") if hint else None) if p)
    width = views[0].get("width") if views else spec.get("width")
    width = width if isinstance(width, (int, float)) else PICTURE_WIDTH
    chars = int(width / 6.5)  # about the characters of 13 px text in the width
    spec["title"] = {
        "text": _wrap(m["title"], int(width / 8.5)),
        **({"subtitle": _wrap(subtitle, chars)} if subtitle else {}),
    }
    footer = {
        "text": _wrap(f"{m['short_source']}. Chart: {BOOK}."),
        "orient": "bottom",
        "anchor": "start",
        "fontSize": 11,
        "fontWeight": "normal",
        "color": theme.GREY,
        "offset": 14,
    }
    return {**outer, "vconcat": [spec], "title": footer}


def _wrap(text: str, width: int = 100) -> list[str]:
    """Split a source line into lines Vega can stack (it does not wrap titles)."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line] if line else lines


class Figure:
    """A chart with its title, sources and alt text; shows itself where the notebook runs."""

    def __init__(
        self,
        chart: alt.TopLevelMixin,
        *,
        name: str,
        title: str,
        sources: list[str],
        alt_text: str,
        subtitle: str | None = None,
        hint: str | None = None,
        aspect: float | None = None,
        min_height: int | None = None,
        source: str | None = None,
    ):
        if not alt_text or len(alt_text) < 20:
            raise ValueError(f"figure '{name}': alt text must say what the chart shows")
        if not name.startswith("fig-"):
            raise ValueError(f"figure '{name}': names start with 'fig-' (the book's figure labels)")
        self.chart, self.name, self.title = chart, name, title
        spec = chart.to_dict()
        wrap_legend_labels(spec)
        views = width_views(spec)
        width = views[0].get("width") if views else spec.get("width")
        height = spec.get("height")
        shape = {}
        for view in views:
            view["width"] = "container"
        if views:
            spec["autosize"] = {"type": "fit-x", "contains": "padding"}
            # A map keeps its shape: the page sizes its box (render.chart_html), the chart fills it.
            if aspect and _fills_width(spec):
                spec["height"] = "container"
                spec["autosize"] = {"type": "fit", "contains": "padding"}
                shape = {"aspect": aspect, "min_height": min_height}
        spec["description"] = alt_text
        plotted = plotted_data(spec)
        spec["usermeta"] = {
            "kzaz": {
                "name": name,
                "title": title,
                "subtitle": subtitle,
                "hint": hint,
                "sources": sources,
                "source_line": source_line(sources),
                "short_source": source or short_source(sources, plotted),
                "licence": data.licences(sources),
                "files": [data.resource(r).rel for r in sources],
                "width": width if isinstance(width, (int, float)) else None,
                "height": height if isinstance(height, (int, float)) else None,
                **shape,
            }
        }
        self.spec = render.no_nan(spec)

    @property
    def meta(self) -> dict:
        return meta(self.spec)

    @property
    def data(self) -> pd.DataFrame:
        return plotted_data(self.spec)

    def head_html(self) -> str:
        m = self.meta
        sub = ". ".join(p for p in (m["subtitle"], m["hint"]) if p)
        return f'<p class="kzaz-chart-title">{html.escape(m["title"])}</p>' + (
            f'<p class="kzaz-chart-subtitle">{html.escape(sub)}</p>' if sub else ""
        )

    def source_html(self) -> str:
        return f'<p class="kzaz-chart-source">{html.escape(self.meta["short_source"])}.</p>'

    def _repr_mimebundle_(self, include=None, exclude=None):
        place = render.where()
        picture = picture_spec(self.spec, hint=place != "book")
        drawn = render.svg(picture) if place == "book" else None  # the SVG download, and the PNG's source
        out = render.bundle(self.spec, picture, after=self.source_html(), drawn=drawn)
        if place == "book":
            # The page shows the HTML and print takes the PNG. The pictures for the downloads
            # ride along in a template that the build takes out of the page (_ext/figure_tools.py).
            files = json.dumps({"name": self.name, "png": out["image/png"], "svg": drawn, "csv": csv_text(self.spec)})
            safe = files.replace("</", "<\\/")  # "</" would end the script element
            out["text/html"] = (
                self.head_html()
                + out["text/html"]
                + f'<script type="application/json" class="{FILES_CLASS}">{safe}</script>'
            )
        return out

    def __repr__(self) -> str:
        return f"<Figure {self.name}: {self.title}>"


def figure(chart: alt.TopLevelMixin, **kwargs) -> Figure:
    """A `Figure` (see the module docstring); keyword arguments as `Figure`."""
    return Figure(chart, **kwargs)


def csv_text(spec: dict) -> str:
    """The CSV download of a figure: the data it plots, under a header of title, sources, licence."""
    m = meta(spec)
    header = [
        f"# {m['title']}",
        f"# {m['source_line']}",
        f"# Licence: {m['licence']}",
        f"# From: {BOOK} (figure '{m['name']}'); data files: " + ", ".join(m["files"]),
    ]
    buf = io.StringIO()
    plotted_data(spec).to_csv(buf, index=False, lineterminator="\n")
    return "\n".join(header) + "\n" + buf.getvalue()
