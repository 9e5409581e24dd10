"""One call per figure: title, source line, alt text, and the glue that places it.

A chapter builds an altair chart, then hands it to `figure()`, which
- puts the title (and an optional subtitle) on top,
- writes a source line under the plot from the `sources` of the data resources
  the chart plots (so the line can never drift from data/datapackage.json),
- stores the alt text as the chart's description (read out as the SVG's label),
- glues the chart under `name` so that the page places it with `{glue:figure}`,
  where it gets a caption and a number.
"""

from __future__ import annotations

import altair as alt

from . import data, theme

BOOK = "Kazakhstan-Azerbaijan cooperation in data"


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
             subtitle: str | None = None) -> alt.VConcatChart:
    """Return the chart with title, source line and description set."""
    head = alt.TitleParams(text=title, subtitle=subtitle or alt.Undefined)
    inner = chart.properties(title=head)
    footer = alt.TitleParams(
        text=_wrap(source_line(sources) + f". Chart: {BOOK}."),
        orient="bottom", anchor="start", fontSize=11, fontWeight="normal", color=theme.GREY, offset=14,
    )
    return alt.vconcat(inner).properties(title=footer, description=alt_text)


def figure(chart: alt.TopLevelMixin, *, name: str, title: str, sources: list[str], alt_text: str,
           subtitle: str | None = None) -> alt.VConcatChart:
    """Decorate the chart and glue it under `name` for a `{glue:figure}` directive."""
    from myst_nb import glue

    if not alt_text or len(alt_text) < 20:
        raise ValueError(f"figure '{name}': alt text must say what the chart shows")
    full = decorate(chart, title=title, sources=sources, alt_text=alt_text, subtitle=subtitle)
    glue(name, full, display=False)
    return full
