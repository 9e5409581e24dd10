"""Every built page in headless Chromium, with every host but this machine unreachable:
each chart placeholder must hold a rendered SVG with marks, and no request may leave."""

import functools
import http.server
import re
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import toc_pages

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.browser


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def base_url(html_dir):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(html_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def visit(browser, url: str, expected: int):
    """Open url; return (mark counts of rendered charts, requests to other hosts, errors)."""
    context = browser.new_context()
    page = context.new_page()
    foreign, errors = [], []

    def guard(route):
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    page.route(re.compile(".*"), guard)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url, wait_until="load")
    if expected:
        try:
            page.wait_for_function(
                f"document.querySelectorAll('.kzaz-chart svg.marks').length >= {expected}", timeout=20_000)
        except Exception:
            pass  # the assertions below say what is missing
    rendered = page.eval_on_selector_all(
        ".kzaz-chart svg.marks", "svgs => svgs.map(s => s.querySelectorAll('path, line, rect, text').length)")
    context.close()
    return rendered, foreign, errors


@pytest.mark.parametrize("page_name", toc_pages())
def test_page_renders_every_chart_offline(browser, base_url, html_dir, page_name):
    expected = (html_dir / f"{page_name}.html").read_text().count('class="kzaz-chart"')
    rendered, foreign, errors = visit(browser, f"{base_url}/{page_name}.html", expected)
    assert len(rendered) == expected, f"{page_name}: {len(rendered)} of {expected} charts rendered"
    assert all(n > 10 for n in rendered), f"{page_name}: a chart rendered without marks {rendered}"
    assert foreign == [], f"{page_name} asked other hosts: {foreign}"
    assert errors == [], f"{page_name} logged errors: {errors}"


def test_the_guard_catches_a_cdn_chart(browser, base_url, html_dir):
    """A page that loads vega from a CDN (altair's default) must fail the checks above."""
    probe = html_dir / "_probe_cdn.html"
    probe.write_text('<html><body><div class="kzaz-chart"></div>'
                     '<script src="https://cdn.jsdelivr.net/npm/vega@6"></script></body></html>')
    try:
        rendered, foreign, _ = visit(browser, f"{base_url}/_probe_cdn.html", 0)
    finally:
        probe.unlink()
    assert rendered == [] and foreign == ["https://cdn.jsdelivr.net/npm/vega@6"]


def test_diplomacy_page_has_charts():
    # Guards the test above against passing vacuously on a page without charts.
    html = (ROOT / "_build" / "html" / "chapters" / "diplomacy.html").read_text()
    assert html.count('class="kzaz-chart"') >= 2
