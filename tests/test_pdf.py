"""The PDF edition builds, and every chart is in it as a picture (not dropped, not a repr)."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import chapter_number

ROOT = Path(__file__).resolve().parent.parent
REQUIRED = os.environ.get("KZAZ_REQUIRE_PDF", "0") == "1"
pytestmark = pytest.mark.pdf


@pytest.fixture(scope="module")
def pdf(html_dir):  # html_dir: the HTML build (and so the execution cache) exists
    if not shutil.which("latexmk") or not shutil.which("pdftotext"):
        msg = (
            "TeX or poppler missing: apt-get install texlive-latex-recommended texlive-latex-extra "
            "texlive-fonts-recommended tex-gyre latexmk poppler-utils"
        )
        pytest.fail(msg) if REQUIRED else pytest.skip(msg)
    jb = Path(sys.executable).parent / "jupyter-book"
    out = subprocess.run(
        [str(jb), "build", str(ROOT), "--builder", "pdflatex"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        errors="replace",
    )
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    return ROOT / "_build" / "latex" / "kz-az-cooperation.pdf"


def test_every_chart_is_a_picture_in_the_pdf(pdf):
    tex = pdf.with_suffix(".tex").read_text()
    # Each figure is a cell whose mystnb metadata names it (name: fig-...).
    figures = sum(
        len(re.findall(r"^    name: fig-", p.read_text(), flags=re.M))
        for p in [ROOT / "intro.md", *(ROOT / "chapters").glob("*.md")]
    )
    assert figures > 0 and tex.count("\\sphinxincludegraphics") == figures
    assert "alt.Chart(" not in tex and "VConcatChart(" not in tex


def test_pdf_text_has_chapters_ledger_and_figure_numbers(pdf):
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, errors="replace").stdout
    for title in ("Diplomacy: three decades of ties", "Claims ledger", "Data catalogue and sources"):
        assert title.upper() in text.upper()
    assert f"Fig. {chapter_number('chapters/diplomacy')}.1" in text  # numbered as in the HTML
    for cid in ("C01", "C14", "C21"):
        assert re.search(rf"{cid}\s", text), f"{cid} missing from the PDF ledger"
    assert "Show code cell" not in text and "Hover" not in text  # nothing that only works on screen
