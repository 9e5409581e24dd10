"""scripts/build.py re-runs a notebook when a data file it reads (or the package) changes."""

import shutil
from pathlib import Path

import pytest
from conftest import load_script

ROOT = Path(__file__).resolve().parent.parent
build = load_script("scripts/build.py")


@pytest.fixture
def book(tmp_path):
    """A copy of the book's sources (not its build) to change freely."""
    for name in ("_toc.yml", "intro.md", "CITATION.cff", "chapters", "data", "kzaz"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(src, tmp_path / name)
    return tmp_path


def test_dependencies_come_from_load_calls(book):
    deps = {p.name for p in build.data_dependencies(book / "chapters" / "diplomacy.md", book)}
    assert {"diplomacy_events.csv", "claims.csv"} <= deps  # claims.csv through kzaz.claims
    assert "wb_gdp_population.csv" not in deps
    intro = {p.name for p in build.data_dependencies(book / "intro.md", book)}
    assert {"wb_gdp_population.csv", "claims.csv"} <= intro and "countries.geojson" not in intro


def built(book):
    """The state a successful build leaves: execution outputs present, inputs recorded."""
    for d in (".jupyter_cache", "figures", "claims"):
        (book / d).mkdir()
    state = book / "state.json"
    build.save_state(book, state)
    return state


def test_changing_a_data_file_marks_only_its_readers_stale(book):
    state = built(book)
    assert build.stale_notebooks(book, state) == []
    with open(book / "data" / "wb_gdp_population.csv", "a") as f:
        f.write("")  # unchanged content keeps the fingerprint
    assert build.stale_notebooks(book, state) == []
    (book / "data" / "wb_gdp_population.csv").write_text(
        (book / "data" / "wb_gdp_population.csv").read_text().replace("20592571", "20592572")
    )
    stale = [p.relative_to(book).as_posix() for p in build.stale_notebooks(book, state)]
    # Readers of the GDP table go stale (the intro, the trade chapter that scales by GDP, and the
    # catalogue page, which describes every table); chapters that do not read it stay cached.
    assert {"intro.md", "chapters/agriculture_trade.md", "chapters/sources.md"} <= set(stale)
    assert "chapters/diplomacy.md" not in stale and "chapters/energy.md" not in stale


def test_changing_the_package_marks_every_notebook_stale(book):
    state = built(book)
    with open(book / "kzaz" / "theme.py", "a") as f:
        f.write("\n# a change\n")
    assert len(build.stale_notebooks(book, state)) == len(build.notebooks(book)) >= 3


def test_a_cache_record_without_its_notebook_clears_the_cache(tmp_path, monkeypatch, capsys):
    """A build killed mid-write can leave a record whose notebook is gone: the next build must not crash."""
    import nbformat
    from jupyter_cache import get_cache

    cache_dir = tmp_path / ".jupyter_cache"
    nb = tmp_path / "page.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")]), nb)
    cache = get_cache(cache_dir)
    record = cache.cache_notebook_file(nb, check_validity=False)
    shutil.rmtree(Path(cache._get_notebook_path_cache(record.hashkey)).parent)  # what the kill left
    monkeypatch.setattr(build, "CACHE", cache_dir)
    monkeypatch.setattr(build, "ROOT", tmp_path)
    build.invalidate([nb])
    assert not cache_dir.exists()
    assert "execution cache damaged" in capsys.readouterr().out


def test_the_notebooks_run_are_the_contents_pages(book):
    """A notebook left out of `_toc.yml` is not built by Sphinx, so the build does not run it."""
    (book / "chapters" / "draft.md").write_text((book / "chapters" / "cite.md").read_text())
    found = [p.relative_to(book).as_posix() for p in build.notebooks(book)]
    assert "chapters/draft.md" not in found
    assert found == sorted(f"{page}.md" for page in build.toc_pages(book))  # every page of the book is a notebook
    assert len(found) == 12 and "intro.md" in found
