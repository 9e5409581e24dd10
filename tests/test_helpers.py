"""The package's helpers: dates, glue values, chart decoration, the offline renderer, claims."""

import base64
import json
import math
import sys
import types

import altair as alt
import numpy as np
import pandas as pd
import pytest

from kzaz import claims, dates, figures, numbers, render


def test_partial_dates_start_and_label():
    assert dates.start_of("2009-10") == pd.Timestamp("2009-10-01")
    assert dates.start_of("1992") == pd.Timestamp("1992-01-01")
    assert dates.label("1992-08-30") == "30 August 1992"
    assert dates.label("2009-10") == "October 2009"
    assert dates.precision("2004") == "year"
    with pytest.raises(ValueError):
        dates.start_of("92-08")


def test_plain_turns_numpy_scalars_into_python():
    assert type(numbers.plain(np.int64(3))) is int
    assert type(numbers.plain(np.float64(2.5))) is float
    assert numbers.plain("text") == "text"
    assert f"{numbers.plain(np.float64(1234.5)):,.1f}" == "1,234.5"


def small_chart():
    df = pd.DataFrame({"x": [1, 2], "y": [3.0, float("nan")], "label": ["a", None]})
    return alt.Chart(df).mark_point().encode(x="x:Q", y="y:Q")


def small_figure(**kw):
    args = dict(
        name="fig-test",
        title="T",
        subtitle="Dots: values",
        sources=["wb_gdp_population"],
        alt_text="Two points on a plane, for a test",
    )
    return figures.figure(small_chart().properties(width=500), **{**args, **kw})


def test_a_figure_fills_its_column_on_screen_and_keeps_its_width_in_pictures():
    fig = small_figure()
    assert fig.spec["width"] == "container" and fig.spec["autosize"]["type"] == "fit-x"
    assert fig.spec["description"] == "Two points on a plane, for a test"
    picture = figures.picture_spec(fig.spec)
    assert picture["vconcat"][0]["width"] == 500
    assert picture["vconcat"][0]["title"]["text"] == ["T"]
    footer = " ".join(picture["title"]["text"])
    assert footer.startswith("Source: World Bank") and "Chart: Kazakhstan and Azerbaijan" in footer
    assert fig.meta["source_line"].startswith("Source: World Bank: World Development Indicators")


def test_an_on_screen_hint_is_left_out_of_the_pictures():
    fig = small_figure(hint="Hover for sources")
    assert "Dots: values. Hover for sources" in fig.head_html()  # the page's title block
    assert figures.picture_spec(fig.spec)["vconcat"][0]["title"]["subtitle"] == ["Dots: values"]
    assert "Hover" in " ".join(figures.picture_spec(fig.spec, hint=True)["vconcat"][0]["title"]["subtitle"])
    svg = render.svg(figures.picture_spec(fig.spec))
    assert "Dots: values" in svg and "Hover" not in svg
    only_hint = small_figure(subtitle=None, hint="Click for the source")
    assert "subtitle" not in figures.picture_spec(only_hint.spec)["vconcat"][0]["title"]


def test_the_book_output_carries_html_a_png_and_the_downloads(monkeypatch):
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    out = small_figure()._repr_mimebundle_()
    html = out["text/html"]
    assert 'class="kzaz-chart"' in html and "vegaEmbed(" in html and "cdn." not in html
    assert '<p class="kzaz-chart-title">T</p>' in html and 'class="kzaz-chart-source">Source: World Bank' in html
    assert base64.b64decode(out["image/png"])[:8] == b"\x89PNG\r\n\x1a\n"
    carried = html.split('<script type="application/json" class="kzaz-figure-files">')[1].split("</script>")[0]
    files = json.loads(carried.replace("<\\/", "</"))
    assert files["name"] == "fig-test" and files["svg"].startswith("<svg")
    assert files["csv"].startswith("# T\n# Source: World Bank") and "x,y" in files["csv"]


def test_in_jupyterlab_a_figure_is_a_vega_spec_jupyter_draws_itself(monkeypatch):
    monkeypatch.setenv("JPY_SESSION_NAME", "chapters/diplomacy.md")
    out = small_figure()._repr_mimebundle_()
    assert set(out) == {render.VEGA_MIME, "text/plain"}
    assert out[render.VEGA_MIME]["$schema"].startswith("https://vega.github.io/schema/vega/")


def test_a_figure_refuses_missing_alt_text_and_odd_names():
    with pytest.raises(ValueError, match="alt text"):
        small_figure(alt_text="")
    with pytest.raises(ValueError, match="start with 'fig-'"):
        small_figure(name="timeline")


def test_the_short_source_line_names_the_publishers_of_the_rows_plotted():
    plotted = pd.DataFrame({"source_publisher": ["Trend", "Trend", "Kazinform", "Akorda", "AZERTAC", "Trend"]})
    line = figures.short_source(["diplomacy_events"], plotted)
    assert line == "Source: Trend; Kazinform; Akorda and 1 more, compiled in this book"
    assert figures.short_source(["wb_gdp_population"]) == "Source: World Bank"


def test_renderer_is_offline_and_has_a_png(monkeypatch):
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    bundle = render.renderer(small_chart().to_dict())
    html = bundle["text/html"]
    assert "vegaEmbed(" in html and 'class="kzaz-chart"' in html
    assert "cdn." not in html and "<script src" not in html
    assert "NaN" not in html  # missing values become null, valid JSON
    assert base64.b64decode(bundle["image/png"])[:8] == b"\x89PNG\r\n\x1a\n"


def test_renderer_output_is_deterministic(monkeypatch):
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    spec = small_chart().to_dict()
    assert render.renderer(spec)["text/html"] == render.renderer(spec)["text/html"]


def test_no_nan_replaces_nan_with_none():
    assert render.no_nan({"a": [1.0, math.nan], "b": {"c": math.nan}}) == {"a": [1.0, None], "b": {"c": None}}
    json.dumps(render.no_nan({"a": math.nan}), allow_nan=False)


def test_assess_checks_the_verdict_and_keeps_reasons_short():
    with pytest.raises(ValueError, match="not one of"):
        claims.assess("C01", "probably", "r", "e")
    with pytest.raises(ValueError, match="more than 2 sentences"):
        claims.assess("C01", "supported", "One. Two. Three.", "e")
    a = claims.assess("C01", "supported", "A reason. And a second one (e.g. this).", "evidence", detail="row 3")
    assert "August 1992" in a.claim and a.chapter == "diplomacy" and a.label == "claim-c01"
    card = claims.cards([a])._repr_markdown_()
    assert card.startswith("(claim-c01)=\n::::{card} C01 {verdict}`supported`")
    assert ":::{dropdown} Evidence" in card and "evidence\n\nrow 3" in card
    assert claims.tally([a]) == {"supported": 1, "partly supported": 0, "not supported": 0, "not verifiable": 0}


def test_setup_uses_the_books_renderer_everywhere(monkeypatch):
    import kzaz

    for place in (None, "chapters/diplomacy.md"):
        if place:
            monkeypatch.setenv("JPY_SESSION_NAME", place)
        kzaz.setup()
        assert alt.renderers.active == "kzaz"
    monkeypatch.delenv("JPY_SESSION_NAME")
    assert render.where() == "book"
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    assert render.where() == "colab"


def test_facts_are_formatted_text_that_keeps_its_value():
    from kzaz.prose import Facts, fmt, md, verdict

    f = Facts("tr", latest=fmt(4.1186, ".2f"), year=2025, link=md("[a](b)"), c07=verdict("supported"))
    assert f.latest == "4.12" and f.latest.value == pytest.approx(4.1186) and repr(f.latest) == "4.12"
    assert f.year == "2025" and f.values()["year"] == 2025
    assert f.link._repr_markdown_() == "[a](b)" and f.latest._repr_markdown_() is None
    assert f.c07 == "supported" and f.c07.book == "{verdict}`supported`"
    assert f.publish() is f  # outside a kernel: nothing to glue into
    with pytest.raises(ValueError, match="set twice"):
        f["latest"] = 1
    with pytest.raises(ValueError, match="lower-case"):
        Facts("tr", **{"Latest2024": 1})
    with pytest.raises(AttributeError, match="no fact 'nope' in 'tr'"):
        _ = f.nope


def test_tables_fold_when_long_and_keep_cells_intact():
    from kzaz import tables

    short = tables.table(pd.DataFrame({"a": [1, 2], "b": ["x | y", None]}), columns={"a": "A", "b": "B"})
    assert short.markdown() == "| A | B |\n|---|---|\n| 1 | x \\| y |\n| 2 |  |"
    long = tables.table(pd.DataFrame({"a": range(12)}))
    assert long.markdown().startswith(":::{dropdown} Show all 12 rows")
    named = tables.table(pd.DataFrame({"a": range(3)}), fold="The three rows")
    assert named.markdown().startswith(":::{dropdown} The three rows")
    with pytest.raises(KeyError, match="no column"):
        tables.table(pd.DataFrame({"a": [1]}), columns={"z": "Z"})


def test_markdown_cells_cannot_break_a_table():
    from kzaz import markdown

    assert markdown.cell("a | b\nc") == "a \\| b c"
    assert markdown.link("Trend", "https://www.trend.az/") == "[Trend](https://www.trend.az/)"


def test_crowded_events_get_sub_rows_and_the_first_sits_in_the_middle():
    from kzaz import timeline

    starts = pd.Series(
        pd.to_datetime(["2022-01-01", "2022-03-01", "2022-04-01", "2023-06-01", "2010-01-01"]),
        index=[10, 11, 12, 13, 14],
    )
    rows = timeline.sub_rows(starts, min_gap_days=200)
    # 2010 and 2022-01 take row 0; 2022-03 and 04 crowd it; by mid-2023 row 0 is free again.
    assert rows.to_dict() == {10: 0, 11: 1, 12: 2, 13: 0, 14: 0}
    assert timeline.centre_out(1) == [0] and timeline.centre_out(3) == [1, 0, 2]
    assert timeline.centre_out(4) == [3, 1, 0, 2]
    frame = pd.DataFrame({"kind": ["a", "a", "b"], "start": pd.to_datetime(["2020-01-01", "2020-02-01", "2020-01-15"])})
    subs, order = timeline.stacked(frame, "kind", "start", 100)
    assert subs.tolist() == [0, 1, 0] and order == [1, 0]


def test_the_png_rasterised_from_the_charts_svg_is_vl_converts_own_png():
    import vl_convert as vlc

    spec = render.no_nan(small_chart().properties(title="Both ways").to_dict())
    direct = vlc.vegalite_to_png(spec, vl_version=render.VL_VERSION, scale=1.5)
    assert render.png(spec) == direct
    assert render.png(spec, drawn=render.svg(spec)) == direct


def test_from_dict_gives_the_same_chart_with_its_table_kept():
    from altair.utils import schemapi

    from kzaz import altair_speed

    def chart():
        return (
            alt.Chart(pd.DataFrame({"x": [1], "y": [2], "c": ["a"]}))
            .mark_line()
            .encode(x="x:O", y=alt.Y("y:Q", title="Y"), color="c:N", tooltip=["x", "y:Q"])
        )

    was = schemapi._FromDict.__init__
    try:
        schemapi._FromDict.__init__ = altair_speed.ORIGINAL
        plain = chart()
        altair_speed.enable()
        assert schemapi._FromDict.__init__ is not altair_speed.ORIGINAL
        kept = chart()
        assert kept.to_dict() == plain.to_dict()
        assert [type(t) for t in kept.encoding.tooltip] == [type(t) for t in plain.encoding.tooltip]
        assert type(kept.encoding.color) is type(plain.encoding.color)
        assert len(altair_speed._TABLES) == 1  # one table, built once, for every call
    finally:
        schemapi._FromDict.__init__ = was
