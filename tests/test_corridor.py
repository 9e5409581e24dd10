"""Corridor chapter: its checks, promises against outturns, the capacity chain, the what-if chart
and the built page (the model's own arithmetic is in test_corridor_model.py)."""

import importlib
import re

import pandas as pd
import pytest
from conftest import offline_page, page_text

from kzaz import data
from kzaz.chapters import corridor
from kzaz.chapters.corridor import chain, model, promises, scenarios, targets

checks = importlib.import_module("kzaz.chapters.corridor.inputs")  # the module (the package exports the function)
FIGURES = ["fig-mc-record", "fig-mc-moves", "fig-mc-chain", "fig-mc-sea", "fig-mc-what-if", "fig-mc-time"]


@pytest.fixture(scope="module")
def inp():
    return corridor.inputs()


@pytest.fixture(scope="module")
def mc(inp):
    return corridor.facts(inp)


def titr(figure_id: str) -> pd.Series:
    return data.load("titr_cargo").set_index("figure_id").loc[figure_id]


def port(figure_id: str) -> pd.Series:
    return data.load("caspian_ports").set_index("figure_id").loc[figure_id]


# ---------------------------------------------------------------------------- checks


def test_a_row_for_an_unknown_link_is_named_by_row_and_field(inp):
    bad = inp.chain[inp.chain["table"] == "corridor_capacity"].drop(columns="table").head(3).copy()
    bad.iloc[1, bad.columns.get_loc("link")] = "kuryk_ferry"
    problems = checks.link_problems(bad, inp.links)
    why = "'kuryk_ferry' is not a link of corridor_links"
    assert problems == [checks.data.problem("corridor_capacity", 3, "link", why)]


def test_a_throughput_must_say_how_many_months_it_covers(inp):
    own = inp.chain[inp.chain["table"] == "corridor_capacity"].drop(columns="table")
    flow = own[own["measure"] == "throughput"].head(1).copy()
    flow["months"] = pd.NA
    cap = own[own["measure"] == "capacity"].head(1).copy()
    cap["months"] = 12
    problems = checks.months_problems(pd.concat([flow, cap], ignore_index=True))
    assert len(problems) == 2
    assert "row 2" in problems[0] and "months" in problems[0] and "must give months" in problems[0]
    assert "row 3" in problems[1] and "must not give months" in problems[1]


def test_two_used_throughputs_for_one_period_must_agree(inp):
    own = inp.chain[inp.chain["table"] == "corridor_capacity"].drop(columns="table")
    flow = own[(own["measure"] == "throughput") & own["book_uses"]].head(1)
    twin = flow.assign(figure_id="twin", value=flow["value"] * 2)
    problems = checks.choice_problems(pd.concat([flow, twin], ignore_index=True))
    assert len(problems) == 1 and "row 3" in problems[0] and "book_uses" in problems[0]


def test_a_scenario_parameter_is_a_value_or_derived_never_both(inp):
    scen = inp.scenarios.copy()
    scen.loc[0, "value"] = 0.2  # the first row is derived from two plans
    scen.loc[1, "parameter"] = "optimism"
    problems = checks.scenario_problems(scen, inp.cargo)
    assert any("row 2" in p and "value" in p and "not both" in p for p in problems)
    assert any("row 3" in p and "'optimism' is no parameter" in p for p in problems)
    assert any("lacks delay" in p for p in problems)  # the scenario lost its delay row


def test_the_chapter_fails_on_a_bad_row(tmp_path, monkeypatch, inp):
    bad = inp.chain[inp.chain["table"] == "corridor_capacity"].drop(columns="table").copy()
    bad.loc[bad.index[0], "link"] = "nowhere"
    real = data.load
    monkeypatch.setattr(checks.data, "load", lambda name, *a: bad if name == "corridor_capacity" else real(name, *a))
    with pytest.raises(data.DataError, match=r"corridor_capacity.*row 2.*link.*'nowhere'"):
        checks.inputs()


# ---------------------------------------------------------------------------- promises


def test_promises_are_judged_against_outturns_of_the_same_scope(inp):
    j = promises.judged(inp).set_index("promise_id")
    plan = titr("titr-plan-2025-minfin")["value"]
    outturn = titr("titr-official-2025")["value"]
    assert j.loc["titr-plan-2025-minfin", "error_pct"] == pytest.approx(100 * (outturn - plan) / plan)
    cap = j[j["subject"] == promises.CAPACITY].iloc[0]
    assert cap["promised"] == 10 and cap["outturn"] == titr("titr-capacity-2025")["value"]
    assert cap["error_pct"] == pytest.approx(-40)
    # A plan restated by someone else counts once, with its first author.
    assert "titr-forecast-2025-azcon" not in j.index
    assert j.loc["titr-plan-2025-minfin", "restated_by"] == "AZCON Holding"
    # A promise for a year not over, or without an outturn of its scope, is not judged.
    assert (j["year"] <= targets.base_year(inp)).all()
    assert len(promises.promises(inp)) > len(j)


def test_the_ten_million_tonnes_goal_moves_between_years(inp, mc):
    m = promises.moves(inp)
    assert (m["value"] == 10).all()
    assert {2025, 2027, 2028, 2030} <= set(m["year"].astype(int))
    assert str(mc["goal_n"]) == str(len(m)) and str(mc["goal_n_years"]) == str(m["year"].nunique())


# ---------------------------------------------------------------------------- chain


def test_utilisation_is_throughput_over_capacity_in_one_unit(inp):
    t = chain.links(inp).set_index(["link", "unit"])
    baku = t.loc[("baku_alat", "TEU")]
    assert baku["utilisation_pct"] == pytest.approx(
        100 * port("baku-teu-2025")["value"] / port("baku-teu-capacity-effective")["value"]
    )
    aktau = t.loc[("aktau", "Mt")]  # seven months, annualised
    row = port("aktau-cargo-2025-7m")
    assert aktau["annualised"] and aktau["throughput"] == pytest.approx(row["value"] * 12 / 7)
    assert aktau["capacity"] == port("aktau-capacity-2024")["value"]


def test_the_chain_is_worked_out_again_when_a_reader_changes_its_tables():
    """links() is kept by the content of the tables it reads: a changed throughput gives a new
    utilisation, and a caller that writes into its copy changes no one else's."""
    inp = corridor.inputs()
    before = chain.links(inp)
    before.loc[:, "utilisation_pct"] = -1.0  # the caller's own copy
    again = chain.links(inp)
    assert (again["utilisation_pct"] > 0).all()
    row = inp.used_chain.index[(inp.used_chain["figure_id"] == "baku-teu-2025")][0]
    inp.used_chain.loc[row, "value"] *= 2
    changed = chain.links(inp).set_index(["link", "unit"]).loc[("baku_alat", "TEU"), "utilisation_pct"]
    assert changed == pytest.approx(2 * again.set_index(["link", "unit"]).loc[("baku_alat", "TEU"), "utilisation_pct"])


def test_the_binding_link_is_the_most_used_and_the_model_starts_from_it(inp, mc):
    t = chain.links(inp)
    top = chain.binding(inp)
    assert top["utilisation_pct"] == t["utilisation_pct"].max()
    ch = scenarios.chain_model(inp)
    s = scenarios.default(inp)
    rooms = {lk.link: model.room(lk, ch.base_year, s, ch.base_year) for lk in ch.links}
    # The narrowest link has the least room; one that carried more than its stated capacity is
    # taken as full (room 1), never as shrinking the route below what it carried.
    assert min(rooms, key=rooms.get) == top["link"]
    assert min(rooms.values()) == pytest.approx(1.0) if top["utilisation_pct"] > 100 else min(rooms.values()) > 1
    # The ceiling the findings quote: the narrowest room in the model's last year, times the base.
    last = min(model.room(lk, scenarios.HORIZON, s, ch.base_year) for lk in ch.links)
    assert str(mc["route_max_multiple"]) == f"{last:.1f}"


def test_demand_growth_comes_from_the_ministry_of_finance_plans(inp):
    s = scenarios.default(inp)
    first, last = titr("titr-plan-2025-minfin"), titr("titr-plan-2027-minfin")
    years = int(last["year"]) - int(first["year"])
    assert s.demand_growth == pytest.approx((last["value"] / first["value"]) ** (1 / years) - 1)
    assert [x.name for x in scenarios.scenarios(inp)] == ["As planned", "Projects late", "Shallower sea"]


def test_the_link_through_armenia_branches_at_baku(inp, mc):
    b = chain.branch(inp)
    assert b["fork_link"] == "Port of Baku (Alat)"
    assert b["past_binding"] == (b["fork_order"] >= chain.binding(inp)["order"])


def test_the_model_never_carries_more_than_a_link_allows(inp):
    ch = scenarios.chain_model(inp)
    for s in scenarios.scenarios(inp):
        loads = model.link_loads(ch, s, scenarios.HORIZON)
        assert (loads["traffic"] <= loads["capacity"] * (1 + 1e-9)).all(), s.name


# ---------------------------------------------------------------------------- what-if chart


def test_the_what_if_has_four_sliders_at_the_default_scenario(inp):
    spec = corridor.charts.what_if(inp).spec
    params = {p["name"]: p for p in spec["params"]}
    assert set(params) == {"g", "delay", "loading", "k"}
    assert all(p["bind"]["input"] == "range" for p in params.values())
    s = scenarios.default(inp)
    assert params["g"]["value"] == round(100 * s.demand_growth, 1) and params["delay"]["value"] == s.delay


def test_the_what_if_data_are_the_models_chain(inp):
    rows = importlib.import_module("kzaz.chapters.corridor.charts_model").what_if_rows(inp)
    ch = scenarios.chain_model(inp)
    assert set(rows["link"]) == {lk.name for lk in ch.links}
    assert rows["year"].min() == ch.base_year and rows["year"].max() == scenarios.HORIZON


# ---------------------------------------------------------------------------- built page


@pytest.fixture(scope="module")
def corridor_html(html_dir):
    path = html_dir / "chapters" / "corridor.html"
    if not path.exists():
        pytest.fail("the corridor chapter is not built: run scripts/build.py")
    return path.read_text()


@pytest.mark.book
def test_page_has_its_charts_and_opens_with_the_findings(corridor_html, mc):
    for fig in FIGURES:
        assert f'id="{fig}"' in corridor_html
    assert corridor_html.count('class="kzaz-chart"') == len(FIGURES)
    text = page_text(corridor_html, tight=True)
    assert "{eval}" not in text
    assert text.index("What the evidence says") < text.index("A promise here is a figure")
    assert (
        f"The narrowest is the {mc['binding']}: in {mc['binding_year']} ({mc['binding_period']}) they carried "
        f"{mc['binding_pct']}% of the capacity stated for them in {mc['binding_capacity_year']}"
    ) in text
    top = chain.binding(corridor.inputs())
    assert str(mc["binding_pct"]) == f"{top['utilisation_pct']:.0f}"


@pytest.mark.book
def test_page_states_the_model_and_its_assumptions(corridor_html):
    text = page_text(corridor_html, tight=True)
    assert "carried T(y) = T0 * min(D(y), smallest r_l(y))" in text
    assert re.search(r"Only the growth of demand comes from a source", text)


# ---------------------------------------------------------------------------- in the browser


@pytest.mark.browser
def test_moving_a_slider_redraws_the_what_if_offline(browser, base_url, html_dir):
    """With every host but this machine unreachable, setting demand growth to zero changes the chart."""
    context, page, foreign = offline_page(browser)
    page.goto(f"{base_url}/chapters/corridor.html", wait_until="load")
    chart = "#fig-mc-what-if .kzaz-chart"
    page.wait_for_selector(f"{chart} svg.marks", timeout=20_000)
    paths = f"() => [...document.querySelectorAll('{chart} svg.marks path')].map(p => p.getAttribute('d')).join('|')"
    before = page.evaluate(paths)
    sliders = page.eval_on_selector_all(f"{chart} input[type=range]", "els => els.map(e => e.name)")
    assert sorted(sliders) == ["delay", "g", "k", "loading"]
    page.eval_on_selector(
        f"{chart} input[name=g]", "e => { e.value = 0; e.dispatchEvent(new Event('input', {bubbles: true})); }"
    )
    page.wait_for_timeout(500)
    after = page.evaluate(paths)
    context.close()
    assert before and after and before != after
    assert foreign == []


def test_legs_are_differences_between_checkpoints(inp, mc):
    from kzaz.chapters.corridor import timesplit

    lg = timesplit.legs(inp)
    assert (lg["days_low"] >= 0).all() and (lg["days_high"] >= lg["days_low"] - 1e-9).all()
    assert lg["end_low"].iloc[-1] == pytest.approx(lg["days_low"].sum())  # the legs add up to the whole
    tt = data.load("transit_times").set_index("figure_id")
    # The Kazakh land section from the transport chapter's table becomes the first leg.
    assert (
        lg["leg"].iloc[0] == "Altynkol to Aktau"
        and lg["days_low"].iloc[0] == tt.loc["altynkol-aktau-2024", "value_low"]
    )
    sea = lg.set_index("leg").loc["Aktau to Baku"]
    crossing = timesplit.crossing(inp)
    assert str(mc["port_days"]).split("–")[0] == f"{round(sea['days_low'] - crossing['value_high']):.0f}"


def test_the_open_targets_sentence_reads_for_every_outcome():
    """None met, some met (some on time), all met: the sentence the chapter quotes says each."""
    from kzaz.chapters.corridor.facts import _goals_outcome

    goal = {"year": 2030}
    assert _goals_outcome([(goal, None), (goal, None)], 2035) == "None of the 2 open targets would be met by 2035"
    some = _goals_outcome([(goal, 2029), (goal, 2033), (goal, None)], 2035)
    assert some == "Of the 3 open targets, 2 would be met, 1 of them on time, and the others not by 2035"
    late = _goals_outcome([(goal, 2031), (goal, 2032)], 2035)
    assert late == "Of the 2 open targets, 2 would be met, none of them on time"
