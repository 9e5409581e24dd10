"""Lint and format-check the chapters' code cells with ruff, as the package's code is.

    python scripts/lint_chapters.py [--fix]

The chapters are MyST-markdown notebooks, which ruff does not read; it reads .ipynb
notebooks cell by cell. Each chapter is written as an .ipynb into a scratch folder and
checked there (`ruff check`, `ruff format --check`). With --fix, ruff's fixes and
formatting are written back into the chapters' cells (jupytext keeps the Markdown).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import jupytext

ROOT = Path(__file__).resolve().parent.parent
RUFF = Path(sys.executable).parent / "ruff"


def chapters() -> list[Path]:
    return [
        p
        for p in [ROOT / "intro.md", *sorted((ROOT / "chapters").glob("*.md"))]
        if "kernelspec" in jupytext.read(p).metadata
    ]


def run(args: list[str], cwd: Path) -> int:
    # The repository's settings (pyproject.toml), whatever folder the notebooks are in.
    return subprocess.call([str(RUFF), *args, "--config", str(ROOT / "pyproject.toml")], cwd=cwd)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fix", action="store_true", help="write ruff's fixes and formatting into the chapters")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kzaz-lint-") as tmp:
        scratch = Path(tmp)
        written = {}
        for page in chapters():
            name = page.relative_to(ROOT).as_posix().replace("/", "__").removesuffix(".md") + ".ipynb"
            jupytext.write(jupytext.read(page), scratch / name)
            written[scratch / name] = page
        if args.fix:
            run(["check", "--fix", "--quiet", "."], scratch)
            run(["format", "--quiet", "."], scratch)
            for nb, page in written.items():
                # Only the code changes: each cell's source is replaced in the page's own text, so
                # the Markdown and the cells' YAML options stay exactly as written.
                text, at = page.read_text(encoding="utf-8"), 0
                for cell, new in zip(jupytext.read(page).cells, jupytext.read(nb).cells, strict=True):
                    if cell.cell_type != "code" or cell.source == new.source.strip("\n"):
                        continue
                    at = text.index(cell.source, at)
                    text = text[:at] + new.source.strip("\n") + text[at + len(cell.source) :]
                page.write_text(text, encoding="utf-8")
            return 0
        rc = run(["check", "--quiet", "."], scratch)
        rc |= run(["format", "--check", "--quiet", "."], scratch)
        if rc:
            print("the chapters' code cells need ruff's attention: python scripts/lint_chapters.py --fix")
        return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
