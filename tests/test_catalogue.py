"""The data catalogue page lists every resource with its years and a working download."""

import html as html_lib
import re

from kzaz import catalogue, data


def test_years_covered_come_from_the_data():
    events = data.load("diplomacy_events")
    assert catalogue.years_covered("diplomacy_events") == f"{events['date'].min()[:4]}–{events['date'].max()[:4]}"
    assert catalogue.years_covered("claims") == ""


def plain(text: str) -> str:
    """HTML-unescaped, with the typographic quotes MyST writes turned back into ASCII."""
    return (
        html_lib.unescape(text)
        .replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
    )


def test_catalogue_page_lists_every_resource_with_a_download(html_dir):
    html = (html_dir / "chapters" / "sources.html").read_text()
    for res in data.read_package()["resources"]:
        m = re.search(rf'href="([^"]+/{re.escape(res["path"].split("/")[-1])})"', html)
        assert m, f"no download link for {res['name']}"
        assert (html_dir / "chapters" / m.group(1)).resolve().read_bytes() == (
            data.paths.DATA_DIR / res["path"]
        ).read_bytes()
        assert plain(res["title"]) in plain(html)


def test_bibliography_has_one_entry_per_data_source():
    import pybtex.database

    from kzaz import bib

    db = pybtex.database.parse_string(bib.entries(), "bibtex")
    n_sources = sum(len(r.get("sources", [])) for r in data.read_package()["resources"])
    assert len(db.entries) == n_sources
    wb = db.entries["data-wb-gdp-population-1"]
    assert wb.fields["url"] == "https://data.worldbank.org/indicator/NY.GDP.MKTP.CD"


def test_each_chapter_cites_the_data_it_used(html_dir):
    for chapter in ("diplomacy", "transport", "energy", "agriculture_trade", "ots_culture"):
        page = (html_dir / "chapters" / f"{chapter}.html").read_text()
        m = re.search(r"Data used in this chapter(.*?)</ul>", page, flags=re.S)
        assert m, chapter
        assert len(re.findall(r'href="sources\.html#', m.group(1))) >= 1, chapter
        # One line per data file, each naming the file (not one author repeated in a row).
        items = re.findall(r"<li>(.*?)</li>", m.group(1), flags=re.S)
        assert items and all(re.search(r'<span class="pre">data/[\w/]+\.\w+</span>', i) for i in items), chapter
    # The bibliography (:all:) lists every data source of the package.
    refs = plain((html_dir / "chapters" / "sources.html").read_text())
    for res in data.read_package()["resources"]:
        for src in res["sources"]:
            assert plain(src["title"])[:40].lower() in refs.lower(), src["title"]


def test_a_chapter_run_in_jupyterlab_cites_its_data_by_author_and_year(monkeypatch):
    """JupyterLab has no bibliography to resolve {cite:p} against: it gets the book's author and
    year as text, linked to the source where it has an address; the book keeps its citations."""
    from kzaz import bib, data

    names = ["bilateral_trade", "owid_energy_kaz_aze"]  # sources without an address, and with one
    linked = 0
    for name in names:
        sources = data.resource(name).spec["sources"]
        monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
        keys = ",".join(bib.key(name, i) for i in range(len(sources)))
        assert bib.DataUsed([name]).markdown().splitlines()[-1].endswith("{cite:p}`" + keys + "`")
        monkeypatch.setenv("JPY_SESSION_NAME", "chapters/corridor.md")
        line = bib.DataUsed([name]).markdown().splitlines()[-1]
        assert "{cite" not in line
        for src in sources:
            shown = f"{src['publisher']}, {bib.year(src)}"
            url = src.get("path", "")
            linked += url.startswith("http")
            assert (f"[{shown}]({url})" if url.startswith("http") else shown) in line
    assert linked > 0
