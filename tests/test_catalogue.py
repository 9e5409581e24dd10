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
    return html_lib.unescape(text).replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace(
        "\u201d", '"')


def test_catalogue_page_lists_every_resource_with_a_download(html_dir):
    html = (html_dir / "chapters" / "sources.html").read_text()
    for res in data.read_package()["resources"]:
        m = re.search(rf'href="([^"]+/{re.escape(res["path"].split("/")[-1])})"', html)
        assert m, f"no download link for {res['name']}"
        assert (html_dir / "chapters" / m.group(1)).resolve().read_bytes() == (data.paths.DATA_DIR / res["path"]).read_bytes()
        assert plain(res["title"]) in plain(html)
