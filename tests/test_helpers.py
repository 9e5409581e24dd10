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

from kzaz import claims, dates, figures, numbers, paths, render


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


def test_decorate_adds_title_source_line_and_description():
    chart = figures.decorate(small_chart(), title="T", subtitle="S", sources=["wb_gdp_population"],
                             alt_text="Two points on a plane, for a test")
    spec = chart.to_dict()
    footer = " ".join(spec["title"]["text"])
    assert footer.startswith("Source: World Bank: World Development Indicators")
    assert spec["title"]["orient"] == "bottom"
    assert spec["vconcat"][0]["title"]["text"] == "T"
    assert spec["description"] == "Two points on a plane, for a test"


def test_an_on_screen_hint_is_left_out_of_the_pictures(tmp_path):
    chart = figures.decorate(small_chart(), title="T", subtitle="Dots: values", hint="Hover for sources",
                             sources=["wb_gdp_population"], alt_text="Two points on a plane, for a test")
    spec = chart.to_dict()
    assert spec["vconcat"][0]["title"]["subtitle"] == "Dots: values. Hover for sources"  # the HTML chart
    assert render.static_spec(spec)["vconcat"][0]["title"]["subtitle"] == "Dots: values"
    assert spec["vconcat"][0]["title"]["subtitle"] == "Dots: values. Hover for sources"  # not changed in place
    figures.export(chart, name="f-hint", title="T", sources=["wb_gdp_population"],
                   alt_text="Two points on a plane, for a test", out_dir=tmp_path)
    svg = (tmp_path / "f-hint.svg").read_text()
    assert "Dots: values" in svg and "Hover" not in svg
    only_hint = figures.decorate(small_chart(), title="T", hint="Click for the source", sources=["wb_gdp_population"],
                                 alt_text="Two points on a plane, for a test").to_dict()
    assert "subtitle" not in render.static_spec(only_hint)["vconcat"][0]["title"]
    png = base64.b64decode(render.renderer(only_hint)["image/png"])
    assert png.startswith(b"\x89PNG")


def test_source_line_requires_declared_sources():
    with pytest.raises(Exception, match="not described"):
        figures.source_line(["no_such_resource"])


def test_figure_refuses_missing_alt_text():
    with pytest.raises(ValueError, match="alt text"):
        figures.figure(small_chart(), name="f", title="T", sources=["claims"], alt_text="")


def test_renderer_is_offline_and_has_a_png():
    bundle = render.renderer(small_chart().to_dict())
    html = bundle["text/html"]
    assert "vegaEmbed(" in html and 'class="kzaz-chart"' in html
    assert "cdn." not in html and "<script src" not in html
    assert "NaN" not in html  # missing values become null, valid JSON
    assert base64.b64decode(bundle["image/png"])[:8] == b"\x89PNG\r\n\x1a\n"


def test_renderer_output_is_deterministic():
    spec = small_chart().to_dict()
    assert render.renderer(spec)["text/html"] == render.renderer(spec)["text/html"]


def test_no_nan_replaces_nan_with_none():
    assert render._no_nan({"a": [1.0, math.nan], "b": {"c": math.nan}}) == {"a": [1.0, None], "b": {"c": None}}
    json.dumps(render._no_nan({"a": math.nan}), allow_nan=False)


def test_assess_rejects_unknown_verdict_reads_claim_text_and_records(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "BUILD_DIR", tmp_path)  # never overwrite the real build's ledger
    with pytest.raises(ValueError, match="not one of"):
        claims.assess("C01", "probably", "r", "e")
    a = claims.assess("C01", "supported", "reason", "evidence")
    assert "August 1992" in a.claim
    table = claims.markdown_table([a])
    assert '<span id="claim-c01"></span>C01 |' in table and "**supported**" in table
    entry = json.loads((tmp_path / "claims" / "C01.json").read_text())
    assert entry["chapter"] == "chapters/diplomacy" and entry["anchor"] == "claim-c01"


def test_setup_picks_the_offline_renderer_outside_jupyter_server(monkeypatch):
    import kzaz

    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    kzaz.setup()
    assert alt.renderers.active == "kzaz"
    monkeypatch.setenv("JPY_SESSION_NAME", "chapters/diplomacy.md")
    kzaz.setup()
    assert alt.renderers.active == "default"
    monkeypatch.delenv("JPY_SESSION_NAME")
    # Colab runs no Jupyter server but shows altair's own charts.
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    kzaz.setup()
    assert alt.renderers.active == "default"
    monkeypatch.delitem(sys.modules, "google.colab")
    kzaz.setup()
    assert alt.renderers.active == "kzaz"


def test_markdown_cells_cannot_break_a_table():
    from kzaz import markdown

    assert markdown.cell("a | b\nc") == "a \\| b c"
    assert markdown.link("Trend", "https://www.trend.az/") == "[Trend](https://www.trend.az/)"


def test_crowded_events_get_sub_rows_and_the_first_sits_in_the_middle():
    from kzaz import timeline

    starts = pd.Series(pd.to_datetime(["2022-01-01", "2022-03-01", "2022-04-01", "2023-06-01", "2010-01-01"]),
                       index=[10, 11, 12, 13, 14])
    rows = timeline.sub_rows(starts, min_gap_days=200)
    # 2010 and 2022-01 take row 0; 2022-03 and 04 crowd it; by mid-2023 row 0 is free again.
    assert rows.to_dict() == {10: 0, 11: 1, 12: 2, 13: 0, 14: 0}
    assert timeline.centre_out(1) == [0] and timeline.centre_out(3) == [1, 0, 2]
    assert timeline.centre_out(4) == [3, 1, 0, 2]
    frame = pd.DataFrame({"kind": ["a", "a", "b"], "start": pd.to_datetime(["2020-01-01", "2020-02-01", "2020-01-15"])})
    subs, order = timeline.stacked(frame, "kind", "start", 100)
    assert subs.tolist() == [0, 1, 0] and order == [1, 0]
