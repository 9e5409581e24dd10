"""What the site publishes comes from the build's own execution, and builds repeat exactly.

Each test builds a copy of the book with one chapter as its root, so it is quick and leaves
the checkout's own build alone.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from test_figures import inline_spec

from kzaz import figures

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    "_config.yml",
    "intro.md",
    "references.bib",
    "CITATION.cff",
    "chapters",
    "data",
    "kzaz",
    "_ext",
    "_static",
    "scripts",
]
pytestmark = pytest.mark.book
BIN = Path(sys.executable).parent


@pytest.fixture
def book(tmp_path):
    for name in SOURCES:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, tmp_path / name)
    pages = ["chapters/sources", "chapters/changelog"]  # the pages diplomacy links to
    (tmp_path / "_toc.yml").write_text(
        "format: jb-book\nroot: chapters/diplomacy\nchapters:\n" + "".join(f"  - file: {p}\n" for p in pages)
    )
    return tmp_path


def env(book: Path) -> dict:
    return dict(os.environ, PYTHONPATH=str(book))  # the copy's package, so the copy's data


def plain(log: str) -> str:
    """A build's output without its terminal colours."""
    return re.sub(r"\x1b\[[0-9;]*m", "", log)


def build(book: Path) -> subprocess.CompletedProcess:
    run = subprocess.run(
        [sys.executable, "scripts/build.py"], cwd=book, capture_output=True, text=True, errors="replace", env=env(book)
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return run


def placed_and_downloaded(html: Path, fig_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    page = (html / "chapters" / "diplomacy.html").read_text()
    block = re.search(rf'<figure[^>]*id="{fig_id}"[^>]*>(.*?)</figure>', page, flags=re.S).group(1)
    placed = figures.plotted_data(inline_spec(block))
    text = (html / "_figures" / f"{fig_id}.csv").read_text().splitlines()
    body = "\n".join(line for line in text if not line.startswith("# "))
    from io import StringIO

    return placed, pd.read_csv(StringIO(body))


def test_a_notebook_run_elsewhere_never_reaches_the_sites_downloads(book):
    """Change a value, run the chapter by hand as the README suggests, put the value back,
    build: the page and its downloads show the data's value (the hand run left no trace)."""
    build(book)
    events = book / "data" / "diplomacy_events.csv"
    original = events.read_text(encoding="utf-8")
    events.write_text(original.replace("Establishment of diplomatic relations", "CHANGED BY HAND"), encoding="utf-8")
    run = subprocess.run(
        [str(BIN / "jupytext"), "--to", "notebook", "--execute", "diplomacy.md"],
        cwd=book / "chapters",
        capture_output=True,
        text=True,
        env=env(book),
    )
    assert run.returncode == 0, run.stderr[-2000:]
    events.write_text(original, encoding="utf-8")
    build(book)
    html = book / "_build" / "html"
    placed, downloaded = placed_and_downloaded(html, "fig-dipl-timeline")
    assert "CHANGED BY HAND" not in html.joinpath("_figures", "fig-dipl-timeline.csv").read_text()
    assert "Establishment of diplomatic relations" in set(downloaded["title"])
    assert sorted(downloaded["title"]) == sorted(placed["title"])
    assert not (book / "_build" / "figures").exists() and not (book / "_build" / "claims").exists()


def snapshot(html: Path) -> dict[str, str]:
    return {
        p.relative_to(html).as_posix(): p.read_text(errors="replace")
        for p in sorted(html.rglob("*"))
        if p.is_file() and p.suffix in (".html", ".js", ".csv", ".svg") and "_static" not in p.parts
    }


def test_clean_and_incremental_builds_write_the_same_site(book):
    build(book)
    first = snapshot(book / "_build" / "html")
    shutil.rmtree(book / "_build" / "html")  # the execution cache and Sphinx's state stay: incremental
    build(book)
    incremental = snapshot(book / "_build" / "html")
    shutil.rmtree(book / "_build")  # nothing left: clean
    build(book)
    clean = snapshot(book / "_build" / "html")
    assert first.keys() == incremental.keys() == clean.keys()
    differ = [name for name in first if not (first[name] == incremental[name] == clean[name])]
    assert differ == [], f"pages that differ between builds: {differ}"


def test_pages_read_on_both_cores_make_the_site_one_core_makes(book):
    """Sphinx reads in parallel only past five pages: three short pages make six. The build
    reads them in chunks on both cores, and a serial re-read writes the same site."""
    notes = ("notes_a", "notes_b", "notes_c")
    for name in notes:
        (book / "chapters" / f"{name}.md").write_text(f"# Notes {name[-1].upper()}\n\nA page with no code.\n")
    toc = book / "_toc.yml"
    toc.write_text(toc.read_text() + "".join(f"  - file: chapters/{name}\n" for name in notes))
    run = build(book)
    log = plain(run.stdout)
    assert re.search(r"reading sources\.\.\. \[ *\d+%\] \S+ \.\. \S+", log), "the pages were not read in parallel"
    parallel = snapshot(book / "_build" / "html")
    for made in ("html", ".doctrees"):  # Sphinx starts again; the notebooks' outputs stay cached
        shutil.rmtree(book / "_build" / made)
    serial_run = subprocess.run(
        [sys.executable, "scripts/build.py", "--serial"],
        cwd=book,
        capture_output=True,
        text=True,
        errors="replace",
        env=env(book),
    )
    assert serial_run.returncode == 0, serial_run.stdout[-3000:]
    serial_log = plain(serial_run.stdout)
    assert not re.search(r"reading sources\.\.\. \[ *\d+%\] \S+ \.\. ", serial_log)
    serial = snapshot(book / "_build" / "html")
    assert parallel.keys() == serial.keys()
    assert [name for name in parallel if parallel[name] != serial[name]] == []


def test_sphinx_reads_each_page_after_its_notebook_ran_and_speaks_after_the_notebooks(book):
    """Sphinx starts while the notebooks run (_ext/await_notebooks.py): every page whose notebook
    ran is read after the build's note that it ran, and the output still reads in order."""
    run = build(book)
    notes = book / "_build" / "executed"
    ran = sorted(path.name for path in notes.iterdir())
    assert ran == ["chapters__changelog.ok", "chapters__diplomacy.ok", "chapters__sources.ok"]
    for name in ran:
        page = name.removesuffix(".ok").replace("__", "/")
        read = (book / "_build" / ".doctrees" / f"{page}.doctree").stat().st_mtime_ns
        assert read >= (notes / name).stat().st_mtime_ns, f"{page} was read before its notebook ran"
    lines = plain(run.stdout).splitlines()
    executed = next(i for i, line in enumerate(lines) if line.startswith("executed 3 notebook(s)"))
    sphinx = next(i for i, line in enumerate(lines) if line.startswith("$ ") and "jupyter_book_jobs.py" in line)
    assert executed < sphinx < next(i for i, line in enumerate(lines) if line.startswith("Running Jupyter-Book"))
    assert "To connect another client" not in run.stdout  # no kernel's start-up notice either


def test_a_build_with_nothing_changed_starts_no_sphinx_and_any_change_does(book):
    build(book)
    html = book / "_build" / "html"
    page = html / "chapters" / "diplomacy.html"
    written = {p: p.stat().st_mtime_ns for p in html.rglob("*") if p.is_file()}
    again = build(book)
    assert "nothing changed since the last build" in again.stdout and "Running Sphinx" not in again.stdout
    assert {p: p.stat().st_mtime_ns for p in html.rglob("*") if p.is_file()} == written
    # Prose is not a notebook's code: no chapter re-runs, but the page is written again.
    source = book / "chapters" / "diplomacy.md"
    source.write_text(source.read_text().replace("# Diplomacy", "# Diplomacy (edited)", 1))
    edited = build(book)
    assert "Running Sphinx" in edited.stdout and "(edited)" in page.read_text()
    # A page gone from the site is written again, though no input changed.
    (html / "chapters" / "sources.html").unlink()
    restored = build(book)
    assert "Running Sphinx" in restored.stdout and (html / "chapters" / "sources.html").exists()
