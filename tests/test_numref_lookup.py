"""_ext/numref_lookup.py: numbered references come out as Sphinx numbers them, with each
target page loaded once rather than once per reference."""

import sys
from pathlib import Path

import pytest
from sphinx.application import Sphinx
from sphinx.domains.std import StandardDomain

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "index.rst": ".. toctree::\n   :numbered:\n\n   figures\n   refs\n",
    "figures.rst": "Figures\n=======\n\n"
    + "".join(f".. _fig-{i}:\n\n.. figure:: pic.png\n\n   Caption {i}.\n\n" for i in range(3)),
    "refs.rst": "Refs\n====\n\n" + "".join(f"See :numref:`fig-{i}` and :numref:`fig-{i}`.\n\n" for i in range(3)),
}


def build(tmp_path: Path, extensions: list[str]) -> tuple[str, int]:
    src = tmp_path / "src"
    src.mkdir(parents=True)
    for name, text in PAGES.items():
        (src / name).write_text(text)
    (src / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT / '_ext')!r})\nextensions = {extensions!r}\nnumfig = True\n"
    )
    app = Sphinx(src, src, tmp_path / "out", tmp_path / "doctrees", "html", status=None, warning=None, freshenv=True)
    loads = []
    real = type(app.env).get_doctree

    def counting(env, docname):
        loads.append(docname)
        return real(env, docname)

    type(app.env).get_doctree = counting
    try:
        app.build()
    finally:
        type(app.env).get_doctree = real
    return (tmp_path / "out" / "refs.html").read_text(), loads.count("figures")


@pytest.fixture
def restore_domain():
    method = StandardDomain._resolve_numref_xref
    yield
    StandardDomain._resolve_numref_xref = method
    sys.modules.pop("numref_lookup", None)


def test_numbered_references_are_sphinxs_with_each_target_loaded_once(tmp_path, restore_domain):
    plain, plain_loads = build(tmp_path / "plain", [])
    html, loads = build(tmp_path / "with", ["numref_lookup"])
    assert html.count("Fig. 1.") + html.count("Fig. 1.1") > 0  # numbered as Sphinx numbers figures
    assert html == plain
    # The page is loaded once to be written, and for each of six references to it: now for one.
    assert (plain_loads, loads) == (1 + 6, 1 + 1)
