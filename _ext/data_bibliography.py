"""The bibliography of data sources, written from data/datapackage.json at each build."""

from __future__ import annotations

from pathlib import Path


def _data_bibliography(app, config):
    """Write the data sources' BibTeX (kzaz.bib) and add it to the bibliography files."""
    from kzaz import bib, paths

    target = paths.BUILD_DIR / "data_sources.bib"
    target.parent.mkdir(parents=True, exist_ok=True)
    text = bib.entries()
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    rel = target.relative_to(Path(app.srcdir)).as_posix()
    if rel not in config.bibtex_bibfiles:
        config.bibtex_bibfiles = [*config.bibtex_bibfiles, rel]


def _register_plaintext_backend() -> None:
    """sphinxcontrib-bibtex asks pybtex for its plain-text backend once per citation, and pybtex
    answers by scanning every installed package's entry points (some 17 ms, 90 times a build).
    Registered at run time, the same class is found at once (pybtex's own `register_plugin`)."""
    from pybtex.backends.plaintext import Backend
    from pybtex.plugin import register_plugin

    register_plugin("pybtex.backends", "plaintext", Backend, force=True)


def setup(app):
    _register_plaintext_backend()
    app.connect("config-inited", _data_bibliography)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
