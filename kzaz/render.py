"""An altair renderer that works offline in the book and in print.

Each chart becomes a mime bundle with
- `text/html`: a placeholder div plus a call to `vegaEmbed`, which the book serves
  from its own `_static/` folder (see `_ext/vega_offline.py`), never from a CDN;
- `image/png`: a static picture made by vl-convert, which the LaTeX/PDF builder
  uses where HTML cannot go.

The element id is derived from the spec, so re-running a notebook gives the same
output and the execution cache stays stable.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import html
import json
import math

import altair as alt
import vl_convert as vlc

# Vega-Lite version of the bundle served by the book: the one altair writes.
VL_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
CHART_CLASS = "kzaz-chart"
EMBED_OPTIONS = {
    "renderer": "svg",
    # "editor" would open the online Vega editor: not offered in an offline book.
    "actions": {"export": True, "source": False, "compiled": False, "editor": False},
}


def _no_nan(value):
    """Missing values as JSON null: NaN is not JSON, and a data row with it is not portable."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: _no_nan(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_no_nan(v) for v in value]
    return value


def chart_html(spec: dict) -> str:
    """The HTML part of the bundle; `spec` already cleaned of NaN (see `renderer`)."""
    spec_json = json.dumps(spec, sort_keys=True, separators=(",", ":"), allow_nan=False)
    chart_id = "vis-" + hashlib.sha1(spec_json.encode()).hexdigest()[:12]
    label = html.escape(spec.get("description", "Chart"), quote=True)
    # "</" inside the JSON would end the script element early.
    safe = spec_json.replace("</", "<\\/")
    opts = json.dumps(EMBED_OPTIONS)
    return (
        f'<div class="{CHART_CLASS}" role="img" aria-label="{label}"><div id="{chart_id}"></div></div>\n'
        f"<script>(function() {{\n"
        f'  var el = document.getElementById("{chart_id}");\n'
        f'  if (typeof vegaEmbed === "undefined") {{ el.textContent = "Chart library not loaded."; return; }}\n'
        f"  vegaEmbed(el, {safe}, {opts}).catch(function (err) {{\n"
        f'    el.textContent = "Chart failed to render: " + err; console.error(err); }});\n'
        f"}})();</script>"
    )


def static_spec(spec: dict) -> dict:
    """The spec for a picture (PNG, SVG, the PDF): without the on-screen hint.

    `figures.decorate` appends a hint such as "Hover for sources" to the subtitle of
    the interactive chart and records the subtitle without it in `usermeta`; on
    paper the hint would tell the reader to do what paper cannot.
    """
    meta = (spec.get("usermeta") or {}).get("kzaz") or {}
    if "static_subtitle" not in meta:
        return spec
    spec = copy.deepcopy(spec)
    head = spec["vconcat"][0]["title"]
    if meta["static_subtitle"]:
        head["subtitle"] = meta["static_subtitle"]
    else:
        head.pop("subtitle", None)
    return spec


def picture_spec(spec: dict) -> dict:
    """The spec a PNG or SVG is drawn from: NaN as null, without the on-screen hint."""
    return static_spec(_no_nan(spec))


def renderer(spec: dict, **metadata) -> dict:
    spec = _no_nan(spec)
    png = vlc.vegalite_to_png(static_spec(spec), vl_version=VL_VERSION, scale=2)
    return {"text/html": chart_html(spec), "image/png": base64.b64encode(png).decode("ascii")}


def enable() -> None:
    alt.renderers.register("kzaz", renderer)
    alt.renderers.enable("kzaz")
