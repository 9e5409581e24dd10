"""Shared fixtures: a throw-away data package for fault tests, and the built book."""

from __future__ import annotations

import functools
import http.server
import importlib.util
import json
import os
import re
import shutil
import threading
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

TINY_SCHEMA = {
    "fields": [
        {"name": "id", "type": "string", "constraints": {"required": True, "unique": True}},
        {"name": "year", "type": "year", "constraints": {"required": True, "minimum": 1990, "maximum": 2030}},
        {"name": "value", "type": "number", "unit": "tonnes", "constraints": {"minimum": 0}},
        {"name": "kind", "type": "string", "constraints": {"enum": ["a", "b"]}},
        {"name": "when", "type": "string", "constraints": {"pattern": r"\d{4}(-\d{2}(-\d{2})?)?"}, "partialDate": True},
    ],
    "primaryKey": "id",
}
GOOD_CSV = "id,year,value,kind,when\nx1,2001,1.5,a,2001-05\nx2,2002,0,b,2002\nx3,2003,,a,2003-01-31\n"


@pytest.fixture
def tiny_package(tmp_path):
    """Write data/datapackage.json with one resource 'tiny' and return a writer for its CSV."""

    def make(csv_text: str = GOOD_CSV, schema: dict | None = None, write_file: bool = True) -> Path:
        data = tmp_path / "data"
        data.mkdir(exist_ok=True)
        pkg = {
            "name": "t",
            "resources": [
                {
                    "name": "tiny",
                    "path": "tiny.csv",
                    "format": "csv",
                    "sources": [{"title": "Test", "publisher": "Tests"}],
                    "schema": schema or TINY_SCHEMA,
                }
            ],
        }
        (data / "datapackage.json").write_text(json.dumps(pkg))
        if write_file:
            (data / "tiny.csv").write_text(csv_text)
        return data / "datapackage.json"

    return make


def load_script(relpath: str):
    """A script of the repository (scripts/...), imported as a module for its functions."""
    path = ROOT / relpath
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def page_text(html: str, tight: bool = False) -> str:
    """Visible text of a built page (scripts and tags removed, whitespace collapsed).

    tight: also without the spaces that tags leave inside brackets and before punctuation
    (glued numbers sit in their own element), and with the theme's smart quotes as plain ones.
    """
    html = re.sub(r"<script.*?</script>", " ", html, flags=re.S)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    if tight:
        text = text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
        text = re.sub(r"\(\s+", "(", re.sub(r"\s+([%),.;:])", r"\1", text))
    return text


def toc_pages() -> list[str]:
    """Every page of the book, in _toc.yml order (root first)."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    return [toc["root"]] + [c["file"] for part in toc.get("parts", []) for c in part.get("chapters", [])]


def chapter_number(page: str) -> int:
    """The number Sphinx gives a page of the numbered part (HTML and PDF alike)."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    part = next(p for p in toc["parts"] if p.get("numbered"))
    return [c["file"] for c in part["chapters"]].index(page) + 1


@pytest.fixture(scope="session")
def html_dir() -> Path:
    if not (HTML / "chapters" / "diplomacy.html").exists():
        pytest.fail("the built book is missing: run `make book` (or `make test`, which builds it first)")
    return HTML


@pytest.fixture(scope="session")
def browser():
    """Headless Debian chromium in which every host name but 127.0.0.1 fails to resolve."""
    if not os.path.exists(CHROMIUM):
        msg = "chromium not found: install Debian's chromium (apt-get install chromium)"
        pytest.fail(msg) if os.environ.get("KZAZ_REQUIRE_BROWSER", "0") == "1" else pytest.skip(msg)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                # Every name but localhost fails to resolve: the page has no network but this machine.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            ],
        )
        yield b
        b.close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def base_url(html_dir):
    """The built site served from this machine (the browser tests cut every other host)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(html_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def offline_page(browser, width: int = 1280):
    """A page that reaches only this machine: (context, page, the other hosts it asked for)."""
    from urllib.parse import urlparse

    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    foreign = []

    def guard(route):
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    page.route(re.compile(".*"), guard)
    return context, page, foreign
