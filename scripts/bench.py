"""Measure build times and page weights on this machine; write bench/results.json.

    python scripts/bench.py

Runs in a scratch copy of the book's sources, so the working tree's _build is left
alone:
- cold build: empty _build (no execution cache), every notebook executed;
- no-change rebuild: the same command again, nothing changed;
- one-chapter change: a comment added to a code cell of the diplomacy chapter,
  so exactly that notebook re-executes.
Each is timed ROUNDS times and reported as the median, with every run kept: one build's
time moves with whatever else the machine is doing.
Also records the weight of every HTML page with the scripts and styles it loads
from _static/ (each counted once per page), and of the whole site.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "results.json"
COPY = [
    "_config.yml",
    "_toc.yml",
    "intro.md",
    "references.bib",
    "CITATION.cff",
    "chapters",
    "data",
    "kzaz",
    "_ext",
    "_static",
    "scripts",
    "bench",  # the last measured notebook times: the build starts the longest first, as in a checkout
]
TARGETS = {"cold_build": 40, "no_change_rebuild": 5, "one_chapter_code_change": 12}
# One Python start importing what every notebook imports: a yardstick for this machine.
IMPORTS = "import pandas, altair, geopandas, vl_convert, frictionless, myst_nb, kzaz, kzaz.figures"
CHANGED_CHAPTER = "chapters/diplomacy.md"
ROUNDS = 3


def timed_build(book: Path) -> float:
    start = time.perf_counter()
    env = dict(os.environ, PYTHONPATH=str(book))  # the copy's kzaz reads the copy's data
    out = subprocess.run(
        [sys.executable, "scripts/build.py"], cwd=book, capture_output=True, text=True, errors="replace", env=env
    )
    elapsed = time.perf_counter() - start
    if out.returncode != 0:
        sys.exit(f"build failed in {book}:\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}")
    return round(elapsed, 2)


def import_seconds(book: Path) -> float:
    """The best of three: one Python start importing the book's libraries."""
    env = dict(os.environ, PYTHONPATH=str(book))
    best = None
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", IMPORTS], cwd=book, check=True, env=env)
        took = time.perf_counter() - start
        best = took if best is None else min(best, took)
    return round(best, 2)


def change_one_chapter(book: Path) -> None:
    path = book / CHANGED_CHAPTER
    text = path.read_text()
    marker = "```{code-cell} ipython3\n:tags: [remove-cell]\n"
    assert marker in text, "no code cell to change"
    path.write_text(text.replace(marker, marker + f"# benchmark change {time.time()}\n", 1))


def notebook_seconds(book: Path) -> dict:
    """Execution time of each notebook, as recorded in the execution cache."""
    from jupyter_cache import get_cache

    cache = get_cache(book / "_build" / ".jupyter_cache")
    return {
        Path(r.uri).relative_to(book).as_posix(): round(r.data.get("execution_seconds", 0.0), 2)
        for r in cache.list_cache_records()
    }


def page_weights(html: Path) -> dict:
    """Bytes of each page's HTML (chart data is inline) and with the local assets it loads."""
    pages = {}
    for page in sorted(html.rglob("*.html")):
        if page.parent.name == "_static":
            continue
        text = page.read_text(errors="replace")
        assets = set(re.findall(r'(?:src|href)="([^"]+\.(?:js|css))(?:\?[^"]*)?"', text))
        size = page.stat().st_size
        for a in assets:
            f = (page.parent / a).resolve()
            if f.is_file():
                size += f.stat().st_size
        pages[page.relative_to(html).as_posix()] = {"html": page.stat().st_size, "with_assets": size}
    return pages


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="kzaz-bench-") as tmp:
        book = Path(tmp)
        for name in COPY:
            src = ROOT / name
            (shutil.copytree if src.is_dir() else shutil.copy)(src, book / name)
        imports = import_seconds(book)
        runs = {name: [] for name in TARGETS}
        for _ in range(ROUNDS):
            shutil.rmtree(book / "_build", ignore_errors=True)  # no execution cache, no Sphinx state
            runs["cold_build"].append(timed_build(book))
        executed = notebook_seconds(book)  # of the last cold build
        for _ in range(ROUNDS):
            runs["no_change_rebuild"].append(timed_build(book))
        for _ in range(ROUNDS):
            change_one_chapter(book)
            runs["one_chapter_code_change"].append(timed_build(book))
        html = book / "_build" / "html"
        weights = page_weights(html)
        site = sum(f.stat().st_size for f in html.rglob("*") if f.is_file())
    result = {
        "measured": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()},
        "seconds": {name: statistics.median(times) for name, times in runs.items()},
        "runs_seconds": runs,  # every run, in order; "seconds" holds their medians
        "python_start_importing_the_books_libraries_seconds": imports,
        "notebook_execution_seconds": executed,  # per notebook, two at a time on the cold build
        "targets_seconds": TARGETS,
        "targets_met": {name: statistics.median(times) <= TARGETS[name] for name, times in runs.items()},
        "page_bytes": weights,
        "largest_page_html_bytes": max(w["html"] for w in weights.values()),
        "largest_page_with_assets_bytes": max(w["with_assets"] for w in weights.values()),
        "site_bytes": site,
    }
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n")
    print(
        json.dumps(
            {
                k: result[k]
                for k in (
                    "seconds",
                    "runs_seconds",
                    "targets_met",
                    "python_start_importing_the_books_libraries_seconds",
                    "notebook_execution_seconds",
                    "largest_page_html_bytes",
                    "largest_page_with_assets_bytes",
                    "site_bytes",
                )
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
