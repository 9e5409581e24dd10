"""A broken input fails the whole build, with an error that says where."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ["_config.yml", "_toc.yml", "intro.md", "references.bib", "CITATION.cff", "chapters", "data", "kzaz", "_ext", "scripts"]


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
    out = subprocess.run([sys.executable, "scripts/build.py"], cwd=book, capture_output=True, text=True, errors="replace", env=env)
    log = out.stdout + out.stderr
    assert out.returncode != 0
    assert "data/diplomacy_events.csv, row 3, field 'date_precision': 'week' is not one of" in log
