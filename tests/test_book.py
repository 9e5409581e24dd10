"""The built HTML book: pages, glued numbers, numbered figures, verdicts, offline assets."""

import re
from html.parser import HTMLParser
from pathlib import Path

from conftest import chapter_number, page_text, toc_pages

from kzaz import data

ROOT = Path(__file__).resolve().parent.parent


class Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.srcs, self.links = [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.srcs.append(a["src"])
        if tag == "link" and a.get("href"):
            self.links.append(a["href"])


def test_every_toc_page_is_built(html_dir):
    for page in toc_pages():
        assert (html_dir / f"{page}.html").exists(), page


def test_no_page_loads_scripts_or_styles_from_another_host(html_dir):
    for page in toc_pages():
        p = Scripts()
        p.feed((html_dir / f"{page}.html").read_text())
        remote = [u for u in p.srcs + p.links if re.match(r"(https?:)?//", u)]
        assert remote == [], f"{page} loads {remote}"


def test_vega_bundle_is_served_once_on_chart_pages_only(html_dir):
    assert (html_dir / "_static" / "vega-bundle.js").stat().st_size > 500_000
    for page in toc_pages():
        html = (html_dir / f"{page}.html").read_text()
        has_chart = 'class="kzaz-chart"' in html
        assert html.count("_static/vega-bundle.js") == (1 if has_chart else 0), page


def test_no_chart_is_left_as_a_python_repr(html_dir):
    for page in toc_pages():
        html = (html_dir / f"{page}.html").read_text()
        assert "alt.Chart(" not in html and "VConcatChart(" not in html, page
        assert "<pre>" not in html or "Traceback" not in html, page


def test_diplomacy_numbers_are_computed_from_the_data(html_dir):
    events = data.load("diplomacy_events")
    text = page_text((html_dir / "chapters" / "diplomacy.html").read_text())
    first, last = events["date"].str[:4].min(), events["date"].str[:4].max()
    assert f"The table holds {len(events)} events from {first} to {last}" in text
    n_visits = int((events["type"] == "visit").sum())
    assert f"Among them are {n_visits} visits" in text


def test_every_chapter_opens_with_its_findings(html_dir):
    """The findings box comes before the first section heading and before any figure."""
    for page in toc_pages():
        html = (html_dir / f"{page}.html").read_text()
        if "kzaz-findings" not in html:
            assert page in ("chapters/claims", "chapters/changelog", "chapters/sources", "chapters/cite"), (
                f"{page} has no findings box"
            )
            continue
        article = html.index('<article class="bd-article"')
        findings = html.index("kzaz-findings")
        for later in ("<figure", "<h2"):
            first = html.find(later, article)
            assert first == -1 or findings < first, f"{page}: {later} before the findings"


def test_pasted_numbers_read_in_the_texts_weight(html_dir):
    css = (html_dir / "_static" / "kzaz.css").read_text()
    assert re.search(r"span\.pasted-text, \.kzaz-fact \{ font-weight: inherit; \}", css)
    html = (html_dir / "chapters" / "diplomacy.html").read_text()
    assert html.count('class="kzaz-fact"') > 20 and "<strong>45</strong>" not in html


def test_diplomacy_figures_are_numbered_and_captioned(html_dir):
    html = (html_dir / "chapters" / "diplomacy.html").read_text()
    figs = ("fig-dipl-timeline", "fig-dipl-pace", "fig-dipl-search")
    assert html.count('class="kzaz-chart"') == len(figs)
    for fig_id in figs:
        assert f'id="{fig_id}"' in html
    text = page_text(html)
    n = chapter_number("chapters/diplomacy")
    assert all(f"Fig. {n}.{i}" in text for i in range(1, len(figs) + 1))
    # One short source line under each chart; the full list is in the CSV and the citation.
    lines = re.findall(r'<p class="kzaz-chart-source">(.*?)</p>', html)
    assert len(lines) == len(figs) and all(len(line) < 160 and "compiled in this book" in line for line in lines)


def test_the_code_behind_each_figure_is_one_click_away(html_dir):
    for page in toc_pages():
        html = (html_dir / f"{page}.html").read_text()
        for fig in re.finditer(r'<figure[^>]*id="(fig-[\w-]+)"', html):
            before = html[: fig.start()]
            cell = before.rfind('class="cell tag_hide-input')
            assert cell != -1 and before.rfind("</details>", cell) == -1 or "Show code cell source" in before[cell:], (
                f"{page}: {fig.group(1)} has no code toggle above it"
            )


def test_diplomacy_claims_have_verdicts(html_dir):
    html = (html_dir / "chapters" / "diplomacy.html").read_text()
    for cid in ("C01", "C02", "C03", "C04", "C05", "C21"):
        m = re.search(
            rf'id="claim-{cid.lower()}".*?{cid} <span class="kzaz-verdict kzaz-verdict-([a-z-]+)">', html, flags=re.S
        )
        assert m, f"no verdict chip for {cid}"


def test_intro_cites_the_seed_article_and_glues_economy_numbers(html_dir):
    econ = data.load("wb_gdp_population")
    text = page_text((html_dir / "intro.html").read_text())
    assert "Trend" in text and "2025" in text
    pop = econ[(econ["country_code"] == "KAZ") & (econ["year"] == econ["year"].max())]["population"].iloc[0]
    assert f"{pop / 1e6:.1f} million inhabitants" in text


def test_summary_quotes_the_chapters_numbers_and_verdicts(html_dir):
    summary = page_text((html_dir / "chapters" / "summary.html").read_text())
    ledger = (html_dir / "chapters" / "claims.html").read_text()
    events = data.load("diplomacy_events")
    assert f"table of {len(events)} bilateral events" in summary
    for cid in ("C11", "C12", "C14", "C19"):
        verdict = re.search(rf"<strong>{cid}</strong> <span[^>]*>([a-z ]+)</span>", ledger).group(1)
        assert f"{cid} {verdict}" in summary, cid
    assert "{eval" not in summary and "::" not in summary


def test_pages_and_site_stay_light(html_dir):
    # Issue budgets: each page with its inline chart data under 2 MB, the whole site under 25 MB.
    for page in html_dir.rglob("*.html"):
        assert page.stat().st_size < 2_000_000, page
    site = sum(f.stat().st_size for f in html_dir.rglob("*") if f.is_file())
    assert site < 25_000_000, site
