"""Every built page in headless Chromium, with every host but this machine unreachable:
each chart placeholder must hold a rendered SVG with marks, and no request may leave."""

from pathlib import Path

import pytest
from conftest import offline_page, toc_pages

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.browser


def visit(browser, url: str, expected: int):
    """Open url; return (mark counts of rendered charts, requests to other hosts, errors)."""
    context, page, foreign = offline_page(browser)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url, wait_until="load")
    if expected:
        try:
            page.wait_for_function(
                f"document.querySelectorAll('.kzaz-chart svg.marks').length >= {expected}", timeout=20_000
            )
        except Exception:
            pass  # the assertions below say what is missing
    rendered = page.eval_on_selector_all(
        ".kzaz-chart svg.marks", "svgs => svgs.map(s => s.querySelectorAll('path, line, rect, text').length)"
    )
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
    probe.write_text(
        '<html><body><div class="kzaz-chart"></div>'
        '<script src="https://cdn.jsdelivr.net/npm/vega@6"></script></body></html>'
    )
    try:
        rendered, foreign, _ = visit(browser, f"{base_url}/_probe_cdn.html", 0)
    finally:
        probe.unlink()
    assert rendered == [] and foreign == ["https://cdn.jsdelivr.net/npm/vega@6"]


def test_diplomacy_page_has_charts():
    # Guards the test above against passing vacuously on a page without charts.
    html = (ROOT / "_build" / "html" / "chapters" / "diplomacy.html").read_text()
    assert html.count('class="kzaz-chart"') >= 2


def layout(browser, url: str, width: int) -> dict:
    """What overflows at a screen width: the page, charts, tables; truncated chart text."""
    context, page, _ = offline_page(browser, width)
    page.goto(url, wait_until="load")
    expected = page.eval_on_selector_all(".kzaz-chart", "e => e.length")
    if expected:
        page.wait_for_function(
            f"document.querySelectorAll('.kzaz-chart svg.marks').length >= {expected}", timeout=20_000
        )
        page.wait_for_timeout(500)  # container-sized charts settle after the first draw
    found = page.evaluate(
        """(width) => {
        const right = e => e.getBoundingClientRect().right;
        const out = {page: document.documentElement.scrollWidth, charts: [], tables: [], clipped: []};
        document.querySelectorAll('.kzaz-chart').forEach(box => {
            const svg = box.querySelector('svg.marks');
            if (!svg) return;
            const r = svg.getBoundingClientRect(), b = box.getBoundingClientRect();
            if (r.right > width + 1 || r.width > b.width + 1)
              out.charts.push([box.getAttribute('aria-label').slice(0, 60), r.width, b.width]);
            svg.querySelectorAll('text').forEach(t => {
                if (t.getAttribute('opacity') === '0' || !t.textContent) return;  // hidden by label overlap
                const tr = t.getBoundingClientRect();
                if (t.textContent.endsWith('…') || tr.right > r.right + 1 || tr.left < r.left - 1)
                    out.clipped.push(t.textContent); });
        });
        document.querySelectorAll('.bd-article table').forEach(t => {
            if (right(t) > width + 1) out.tables.push([t.innerText.slice(0, 40), right(t)]);
        });
        return out;
    }""",
        width,
    )
    context.close()
    return found


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("page_name", toc_pages())
def test_nothing_is_wider_than_the_screen_or_clipped(browser, base_url, page_name, width):
    found = layout(browser, f"{base_url}/{page_name}.html", width)
    assert found["page"] <= width, f"{page_name} at {width}px: the page scrolls sideways ({found['page']}px)"
    assert found["charts"] == [], f"{page_name} at {width}px: charts wider than their column: {found['charts']}"
    assert found["tables"] == [], f"{page_name} at {width}px: tables wider than the screen: {found['tables']}"
    assert found["clipped"] == [], f"{page_name} at {width}px: chart text cut off: {found['clipped'][:5]}"
