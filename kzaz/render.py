"""How a chart is shown: offline in the book, in JupyterLab, and in print.

The same chart reaches three places:
- the book's HTML page: a placeholder div plus a call to `vegaEmbed`, which the book
  serves from its own `_static/` folder (`_ext/vega_offline.py`), never from a CDN;
- a picture (PNG for the PDF edition, PNG and SVG downloads): drawn by vl-convert;
- JupyterLab or Jupyter Notebook: a Vega spec (compiled here by vl-convert) that the
  notebook's own Vega renderer draws, so charts show under their cells with no network.

The element id is derived from the spec, so re-running a notebook gives the same
output and the execution cache stays stable.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import os
import sys

import altair as alt
import vl_convert as vlc

# Vega-Lite version of the bundle served by the book: the one altair writes.
VL_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
CHART_CLASS = "kzaz-chart"
VEGA_MIME = "application/vnd.vega.v5+json"  # JupyterLab's built-in renderer
EMBED_OPTIONS = {
    "renderer": "svg",
    # "editor" would open the online Vega editor: not offered in an offline book.
    "actions": {"export": True, "source": False, "compiled": False, "editor": False},
}


def where() -> str:
    """'jupyter' under a Jupyter server (it sets JPY_SESSION_NAME), 'colab', or 'book'."""
    if "google.colab" in sys.modules:
        return "colab"
    return "jupyter" if os.environ.get("JPY_SESSION_NAME") else "book"


def no_nan(value):
    """Missing values as JSON null: NaN is not JSON, and a data row with it is not portable."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: no_nan(v) for k, v in value.items()}
    if isinstance(value, list):
        return [no_nan(v) for v in value]
    return value


def chart_html(spec: dict, after: str = "") -> str:
    """The book's HTML for a chart; `spec` already cleaned of NaN. `after`: HTML under it."""
    spec_json = json.dumps(spec, sort_keys=True, separators=(",", ":"), allow_nan=False)
    chart_id = "vis-" + hashlib.sha1(spec_json.encode()).hexdigest()[:12]
    label = html.escape(spec.get("description", "Chart"), quote=True)
    # "</" inside the JSON would end the script element early.
    safe = spec_json.replace("</", "<\\/")
    opts = json.dumps(EMBED_OPTIONS)
    shape = (spec.get("usermeta") or {}).get("kzaz") or {}
    style = (
        f' style="aspect-ratio: {shape["aspect"]:.3f}; min-height: {shape.get("min_height") or 0}px"'
        if shape.get("aspect")
        else ""
    )  # a chart of height "container" (a map) gets its box's shape
    return (
        f'<div class="{CHART_CLASS}" role="img" aria-label="{label}"><div id="{chart_id}"{style}></div></div>\n'
        f"<script>(function() {{\n"
        f'  var el = document.getElementById("{chart_id}");\n'
        f'  if (typeof vegaEmbed === "undefined") {{ el.textContent = "Chart library not loaded."; return; }}\n'
        f"  vegaEmbed(el, {safe}, {opts}).then(function () {{\n"
        # A chart that fills its column measures it on window resizes only; the column can change
        # after the chart first drew (the theme's sidebars settle late): re-measure when it does.
        f"    if (!window.ResizeObserver) return; var box = el.parentNode, w = -1;  // -1: measure once now too\n"
        f"    new ResizeObserver(function () {{ if (box.clientWidth !== w) {{ w = box.clientWidth;\n"
        f'      window.dispatchEvent(new Event("resize")); }} }}).observe(box);\n'
        f"  }}).catch(function (err) {{\n"
        f'    el.textContent = "Chart failed to render: " + err; console.error(err); }});\n'
        f"}})();</script>{after}"
    )


def png(spec: dict, scale: float = 1.5, drawn: str | None = None) -> bytes:
    """1.5 times the chart's size: sharp on screens, slides and the PDF's page; keeps the site light.

    drawn: the chart's SVG (`svg(spec)`) if already made: vl-convert's PNG is that SVG
    rasterised, so the chart is not laid out twice (the bytes are the same)."""
    return vlc.svg_to_png(drawn if drawn is not None else svg(spec), scale=scale)


def svg(spec: dict) -> str:
    return vlc.vegalite_to_svg(no_nan(spec), vl_version=VL_VERSION)


def vega(spec: dict) -> dict:
    """The Vega spec Jupyter's renderer draws (it knows Vega 5, not this Vega-Lite)."""
    return vlc.vegalite_to_vega(no_nan(spec), vl_version=VL_VERSION)


def bundle(screen: dict, picture: dict, after: str = "", drawn: str | None = None) -> dict:
    """The mime bundle of one chart for where the kernel runs (see the module docstring).

    drawn: the picture's SVG, when the caller has made it (see `png`)."""
    place = where()
    if place == "jupyter":
        return {VEGA_MIME: vega(picture), "text/plain": screen.get("description", "chart")}
    if place == "colab":  # Colab has a network and altair's own HTML output
        return alt.Chart.from_dict(screen)._repr_mimebundle_()
    screen = no_nan(screen)
    picture_png = png(picture, drawn=drawn)
    return {"text/html": chart_html(screen, after), "image/png": base64.b64encode(picture_png).decode("ascii")}


def renderer(spec: dict, **metadata) -> dict:
    """An altair renderer for charts made without `figures.figure` (same three places)."""
    return bundle(spec, spec)


def enable() -> None:
    alt.renderers.register("kzaz", renderer)
    alt.renderers.enable("kzaz")
