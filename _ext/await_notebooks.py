"""Sphinx reads a page as soon as its notebook has run, while the other notebooks still run.

scripts/build.py starts Sphinx alongside the notebooks it runs and names them here
(AWAITED: their page names, in the order they run). Sphinx starts up at once; the pages
whose notebooks are awaited are read last, in that order, and each one only once the
build has left a note that its notebook is in the execution cache (`<name>.ok` in
FOLDER). A `.failed` note, or a build script that has gone, stops the read: the build
script reports the notebook's error itself. Without AWAITED (a plain `jupyter-book
build`, or a build whose notebooks have all run before) this does nothing.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from sphinx.errors import ExtensionError

AWAITED = "KZAZ_AWAITED_PAGES"
FOLDER = "KZAZ_EXECUTED_DIR"
BUILD_PID = "KZAZ_BUILD_PID"
POLL_SECONDS = 0.05


def awaited() -> list[str]:
    return json.loads(os.environ.get(AWAITED) or "[]")


def note(folder: Path, page: str, ok: bool) -> Path:
    """Where the build script leaves word that a page's notebook has run (or failed)."""
    return folder / (page.replace("/", "__") + (".ok" if ok else ".failed"))


def _order(app, env, docnames: list[str]) -> None:
    rank = {page: i for i, page in enumerate(awaited())}
    docnames.sort(key=lambda page: rank.get(page, -1))  # stable: ready pages first, as Sphinx had them


def _wait(app, docname: str, source: list[str]) -> None:
    if docname not in awaited():
        return
    folder = Path(os.environ[FOLDER])
    builder = int(os.environ[BUILD_PID])
    while not note(folder, docname, ok=True).exists():
        if note(folder, docname, ok=False).exists():
            raise ExtensionError(f"{docname}: its notebook failed (the build reports why)")
        try:
            os.kill(builder, 0)
        except ProcessLookupError:
            raise ExtensionError(f"{docname}: the build that runs its notebook has stopped") from None
        time.sleep(POLL_SECONDS)


def setup(app):
    app.connect("env-before-read-docs", _order)
    app.connect("source-read", _wait)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
