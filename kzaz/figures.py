"""One call per figure: title, source line, alt text, downloads, and the glue that places it.

A chapter builds an altair chart, then hands it to `figure()`, which
- puts the title (and an optional subtitle) on top,
- writes a source line under the plot from the `sources` of the data resources
  the chart plots (so the line can never drift from data/datapackage.json),
- stores the alt text as the chart's description (read out as the SVG's label),
- exports the figure as PNG and SVG (vl-convert, offline) and the data it plots
  as CSV with a header of source and licence, and records it in the figure
  registry (`_build/figures/<name>.json`); the book's Sphinx extension turns the
  registry into download links and a "cite this figure" block under the figure,
- glues the chart under `name` so that the page places it with `{glue:figure}`,
  where it gets a caption and a number.
"""

from __future__ import annotations

import io
import json

import altair as alt
import pandas as pd
import vl_convert as vlc

from . import data, paths, render, theme

BOOK = "Kazakhstan and Azerbaijan: cooperation in data"


def source_line(resources: list[str]) -> str:
    """'Source: Publisher - Title; ...' for the named data resources, de-duplicated."""
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


def _wrap(text: str, width: int = 110) -> list[str]:
    """Split a long source line into lines Vega can stack (it does not wrap titles)."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line] if line else lines


def decorate(chart: alt.TopLevelMixin, *, title: str, sources: list[str], alt_text: str,
             subtitle: str | None = None, hint: str | None = None) -> alt.VConcatChart:
    """Return the chart with title, source line and description set.

    `hint` says what the interactive chart offers ("Hover for sources"); it ends the
    subtitle on screen only, and the PNG, SVG and PDF pictures leave it out
    (`render.static_spec`).
    """
    on_screen = ". ".join(p for p in (subtitle, hint) if p) or None
    head = alt.TitleParams(text=title, subtitle=on_screen or alt.Undefined)
    inner = chart.properties(title=head)
    footer = alt.TitleParams(
        text=_wrap(source_line(sources) + f". Chart: {BOOK}."),
        orient="bottom", anchor="start", fontSize=11, fontWeight="normal", color=theme.GREY, offset=14,
    )
    full = alt.vconcat(inner).properties(title=footer, description=alt_text)
    if hint:
        full = full.properties(usermeta={"kzaz": {"static_subtitle": subtitle}})
    return full


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




def export(full: alt.TopLevelMixin, *, name: str, title: str, sources: list[str], alt_text: str,
           out_dir=None) -> dict:
    """Write <name>.png, .svg, .csv and the registry entry <name>.json; return the entry."""
    out_dir = out_dir or paths.BUILD_DIR / "figures"
    out_dir.mkdir(parents=True, exist_ok=True)
    spec = render.picture_spec(full.to_dict())
    # 1.5x: sharp on screens and slides; print uses the SVG. Keeps the site light.
    (out_dir / f"{name}.png").write_bytes(vlc.vegalite_to_png(spec, vl_version=render.VL_VERSION, scale=1.5))
    (out_dir / f"{name}.svg").write_text(vlc.vegalite_to_svg(spec, vl_version=render.VL_VERSION), encoding="utf-8")
    table = plotted_data(spec)
    line, licence = source_line(sources), data.licences(sources)
    header = [f"# {title}", f"# {line}", f"# Licence: {licence}",
              f"# From: {BOOK} (figure '{name}'); data files: "
              + ", ".join(f"data/{data.resource(r).spec['path']}" for r in sources)]
    buf = io.StringIO()
    table.to_csv(buf, index=False, lineterminator="\n")
    (out_dir / f"{name}.csv").write_text("\n".join(header) + "\n" + buf.getvalue(), encoding="utf-8")
    entry = {"name": name, "title": title, "sources": sources, "source_line": line,
             "licence": licence, "alt_text": alt_text, "rows": len(table)}
    (out_dir / f"{name}.json").write_text(json.dumps(entry, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return entry


def figure(chart: alt.TopLevelMixin, *, name: str, title: str, sources: list[str], alt_text: str,
           subtitle: str | None = None, hint: str | None = None) -> alt.VConcatChart:
    """Decorate the chart, export its downloads, and glue it under `name` for `{glue:figure}`.

    `hint`: what the reader can do with the chart on screen (hover, click, zoom); the
    pictures (PNG, SVG, PDF) leave it out.
    """
    from myst_nb import glue

    if not alt_text or len(alt_text) < 20:
        raise ValueError(f"figure '{name}': alt text must say what the chart shows")
    full = decorate(chart, title=title, sources=sources, alt_text=alt_text, subtitle=subtitle, hint=hint)
    export(full, name=name, title=title, sources=sources, alt_text=alt_text)
    glue(name, full, display=False)
    return full
