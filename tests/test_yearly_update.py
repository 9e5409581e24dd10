"""A yearly update is a data change: a next-year row appended to a data file reaches the chart
data and the prose of the built page without any code being touched.

The book's sources are copied, one row is appended (test data, in the copy only), and the
chapter is built alone with Jupyter Book.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import page_text

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ["_config.yml", "intro.md", "references.bib", "CITATION.cff", "chapters", "data", "kzaz", "_ext", "_static"]
pytestmark = pytest.mark.book


def build_alone(book: Path, chapter: str) -> Path:
    (book / "_toc.yml").write_text(f"format: jb-book\nroot: {chapter}\n")
    env = dict(os.environ, PYTHONPATH=str(book))  # the copy's package, so the copy's data
    jb = Path(sys.executable).parent / "jupyter-book"
    run = subprocess.run(
        [str(jb), "build", str(book)], cwd=book, capture_output=True, text=True, errors="replace", env=env
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return book / "_build" / "html"


@pytest.fixture
def book(tmp_path):
    for name in SOURCES:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, tmp_path / name)
    return tmp_path


def append(path: Path, row: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text + ("" if text.endswith("\n") else "\n") + row + "\n", encoding="utf-8")


def test_a_new_years_event_reaches_the_timeline_and_the_prose(book):
    append(
        book / "data" / "diplomacy_events.csv",
        "test-visit-2026,2026-11-14,day,,Astana,KAZ,visit,Test visit (test data),A; B,Test row.,Tests,"
        "Test,https://example.org/test,,,confirmed,,2026-12-02,confirmed",
    )
    html = build_alone(book, "chapters/diplomacy")
    chart = (html / "_figures" / "fig-dipl-timeline.csv").read_text()
    assert "2026-11-14" in chart and "Test visit (test data)" in chart
    text = page_text((html / "chapters" / "diplomacy.html").read_text(), tight=True)
    assert "from 1992 to 2026" in text
    assert "bilateral events, 1992–2026" in text  # the figure's title
