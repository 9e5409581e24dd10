"""A broken input fails the whole build, with an error that says where."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    "_config.yml",
    "_toc.yml",
    "intro.md",
    "references.bib",
    "CITATION.cff",
    "chapters",
    "data",
    "kzaz",
    "_ext",
    "scripts",
]


def copy_book(dest: Path) -> Path:
    for name in SOURCES:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dest / name)
    return dest


def test_a_bad_data_value_fails_the_build_naming_file_row_and_field(tmp_path):
    book = copy_book(tmp_path)
    events = book / "data" / "diplomacy_events.csv"
    lines = events.read_text().splitlines(keepends=True)
    # Row 3 of the file (second record): break its date_precision.
    header = lines[0].rstrip("\n").split(",")
    assert header[2] == "date_precision"
    first = lines[2].split(",")
    first[2] = "week"
    lines[2] = ",".join(first)
    events.write_text("".join(lines))
    # The copy's own kzaz (and so its own data/) must be the one the kernels import.
    env = dict(os.environ, PYTHONPATH=str(book))
    out = subprocess.run(
        [sys.executable, "scripts/build.py"], cwd=book, capture_output=True, text=True, errors="replace", env=env
    )
    log = out.stdout + out.stderr
    assert out.returncode != 0
    assert "data/diplomacy_events.csv, row 3, field 'date_precision': 'week' is not one of" in log


def test_a_failing_build_ends_with_one_summary_naming_every_failing_notebook(tmp_path):
    book = copy_book(tmp_path)
    events = book / "data" / "diplomacy_events.csv"
    events.write_text(events.read_text().replace(",day,", ",week,", 1))  # read by several notebooks
    env = dict(os.environ, PYTHONPATH=str(book))
    out = subprocess.run(
        [sys.executable, "scripts/build.py"], cwd=book, capture_output=True, text=True, errors="replace", env=env
    )
    assert out.returncode != 0
    lines = (out.stdout + out.stderr).rstrip().splitlines()
    message = "data/diplomacy_events.csv, row 2, field 'date_precision': 'week' is not one of"
    start = next(i for i, line in enumerate(lines) if line.startswith("BUILD FAILED:"))
    summary = lines[start:]
    failing = [line.split()[1] for line in summary if line.startswith("* ")]
    n = int(summary[0].split()[2])
    assert len(failing) == n >= 2 and "chapters/diplomacy.md" in failing and "chapters/ots_culture.md" in failing
    assert sum(message in line for line in summary) == n  # each failing notebook gives its data error
    assert sum(message in line for line in lines) == n  # and nothing above repeats it
    counts = next(line for line in lines if line.startswith("executed "))
    assert counts.endswith(f"{n} failed") and " 0 ok" not in counts
    assert len(lines) - start < 40  # the summary is the end of the output, and short
    # Sphinx had started alongside the notebooks: it is stopped, and says nothing
    assert not any(line.startswith("Running Jupyter-Book") for line in lines)
    left = [p for p in Path("/proc").glob("[0-9]*") if str(book).encode() in _cmdline(p)]
    assert left == [], "a process of the failed build is still running"


def _cmdline(proc: Path) -> bytes:
    try:
        return (proc / "cmdline").read_bytes()
    except OSError:  # ended meanwhile
        return b""
