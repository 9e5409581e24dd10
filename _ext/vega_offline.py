"""Serve vega, vega-lite and vega-embed from the book itself.

Charts in the book are placeholders that call `vegaEmbed` (see kzaz/render.py).
This extension writes one JavaScript bundle of the three libraries (made by
vl-convert, for the Vega-Lite version altair writes) into `_static/` and links it
only from pages that hold a chart. No page asks a CDN for anything, so charts
render offline and behind strict firewalls.
"""

from __future__ import annotations

import re
from pathlib import Path

BUNDLE = "vega-bundle.js"
MARKER = 'class="kzaz-chart"'


def _bundle_text(cache_dir: Path) -> str:
    """The bundle for the Vega-Lite version altair writes, made once per vl-convert version
    (making it takes seconds) and kept beside the build."""
    from importlib.metadata import version

    # Keyed by the two packages' versions, read without importing them (altair takes a second).
    cached = cache_dir / f"vega-bundle-altair{version('altair')}-vlc{version('vl-convert-python')}.js"
    if cached.exists():
        return cached.read_text(encoding="utf-8")
    import altair as alt
    import vl_convert as vlc

    vl_version = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    # Function scope: the bundle's top-level names would clash with Sphinx's scripts.
    text = "(function () {\n" + vlc.javascript_bundle(vl_version=vl_version) + "\n})();\n"
    cache_dir.mkdir(parents=True, exist_ok=True)
    cached.write_text(text, encoding="utf-8")
    return text


def _write_bundle(app):
    # Before any page is written: a page links the bundle with its checksum (?v=...), which
    # must be the same in a clean build as in an incremental one.
    if app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / BUNDLE
    text = _bundle_text(Path(app.outdir).parent / ".vega")
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _drop_thebe(context):
    """sphinx-thebe (live code via Binder) fetches its library from unpkg.com and
    declares its config twice; the book offers no live code, so its scripts go."""
    scripts = context.get("script_files", [])
    keep = [
        s
        for s in scripts
        if "sphinx-thebe" not in str(s) and "THEBE_JS_URL" not in str(getattr(s, "attributes", {}).get("body", ""))
    ]
    scripts[:] = keep
    # ... and its inline configuration, which names a Binder repository not this book's.
    context["body"] = re.sub(
        r'<script type="text/x-thebe-config">.*?</script>', "", context.get("body", ""), flags=re.S
    )


def _link_on_chart_pages(app, pagename, templatename, context, doctree):
    _drop_thebe(context)
    if MARKER in context.get("body", ""):
        # Added in the page context, so only this page loads it; no defer, so
        # vegaEmbed exists before the charts' inline scripts run.
        app.add_js_file(BUNDLE)


def setup(app):
    app.connect("html-page-context", _link_on_chart_pages, priority=900)
    app.connect("builder-inited", _write_bundle)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
