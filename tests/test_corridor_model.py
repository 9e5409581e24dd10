"""The corridor's scenario model (kzaz.chapters.corridor.model): hand-computed cases and conservation."""

import itertools

import pytest

from kzaz.chapters.corridor import model

ONE = model.Chain(links=(model.Link("port", "Port", throughput=50, capacity=100),), base_year=2025, base=10, unit="Mt")


def test_grows_with_demand_until_the_link_is_full():
    r = model.run(ONE, model.Scenario("s", demand_growth=0.5), 2028).set_index("year")
    # room 1 + (100 - 50) / 50 = 2: demand 1, 1.5, 2.25, 3.375 times the base is cut to 2 from 2027
    assert list(r["throughput"]) == [10, 15, 20, 20]
    assert list(r["binding"]) == [model.DEMAND, model.DEMAND, "port", "port"]
    assert r.loc[2027, "demand"] == pytest.approx(22.5)


def test_an_expansion_opens_in_its_year_or_late():
    chain = model.Chain(
        links=(model.Link("port", "Port", 50, 100, expansions=((2027, 200),)),), base_year=2025, base=10, unit="Mt"
    )
    on_time = model.run(chain, model.Scenario("s", demand_growth=0.5), 2028).set_index("year")
    late = model.run(chain, model.Scenario("s", demand_growth=0.5, delay=1), 2028).set_index("year")
    assert on_time.loc[2027, "throughput"] == pytest.approx(
        22.5
    )  # room 1 + (200 - 50) / 50 = 4: demand carried in full
    assert late.loc[2027, "throughput"] == pytest.approx(20)  # not open yet
    assert late.loc[2028, "throughput"] == pytest.approx(33.75)  # open: 3.375 < 4


def test_loading_scales_only_the_sea():
    chain = model.Chain(
        links=(model.Link("rail", "Rail", 10, 30), model.Link("ships", "Ships", 10, 40, sea=True)),
        base_year=2025,
        base=1,
        unit="TEU",
    )
    r = model.run(chain, model.Scenario("s", demand_growth=10.0, loading=0.5), 2026).set_index("year")
    assert r.loc[2026, "room"] == pytest.approx(2.0)  # ships: 40 * 0.5 / 10, below the rail's 3
    assert r.loc[2026, "binding"] == "ships"


def test_capacity_growth_compounds():
    r = model.run(ONE, model.Scenario("s", demand_growth=1.0, capacity_growth=0.1), 2027).set_index("year")
    assert r.loc[2027, "throughput"] == pytest.approx(10 * 2 * 1.1**2)


def test_no_link_ever_carries_more_than_its_capacity():
    chain = model.Chain(
        links=(
            model.Link("a", "A", 3, 5, expansions=((2027, 9),)),
            model.Link("b", "B", 7, 8, sea=True, expansions=((2029, 20),)),
            model.Link("c", "C", 1, 4),
        ),
        base_year=2025,
        base=2,
        unit="Mt",
    )
    for g, d, lam, k in itertools.product([0, 0.1, 0.3, 1.0], [0, 2], [0.6, 1.0], [0, 0.05]):
        s = model.Scenario("s", demand_growth=g, delay=d, loading=lam, capacity_growth=k)
        loads = model.link_loads(chain, s, 2035)
        assert (loads["traffic"] <= loads["capacity"] * (1 + 1e-9)).all(), s
        r = model.run(chain, s, 2035)
        assert (r["throughput"] <= r["demand"] * (1 + 1e-9)).all()


def test_year_met_and_binding_years():
    r = model.run(ONE, model.Scenario("s", demand_growth=0.5), 2028)
    assert model.year_met(r, 15) == 2026
    assert model.year_met(r, 25) is None
    assert model.binding_years(r) == {model.DEMAND: [2025, 2026], "port": [2027, 2028]}


def test_bad_links_and_years_are_refused():
    with pytest.raises(ValueError, match="link x"):
        model.Link("x", "X", throughput=0, capacity=1)
    with pytest.raises(ValueError, match="before the base year"):
        model.run(ONE, model.Scenario("s", 0.1), 2020)


def test_only_the_corridors_part_of_a_shared_link_grows():
    # A border that carried 32 of its 40 (4 of them the corridor's): room 1 + 8 / 4 = 3 times the corridor.
    border = model.Link("border", "Border", throughput=32, capacity=40, corridor=4)
    chain = model.Chain(links=(border,), base_year=2025, base=4, unit="Mt")
    r = model.run(chain, model.Scenario("s", demand_growth=1.0), 2027).set_index("year")
    assert list(r["throughput"]) == [4, 8, 12]  # demand 4, 8, 16: cut to 3 x 4 in 2027
    loads = model.link_loads(chain, model.Scenario("s", demand_growth=1.0), 2027).set_index("year")
    assert loads.loc[2027, "traffic"] == pytest.approx(40)  # 28 other + 12 corridor: full


def test_a_link_over_its_stated_capacity_is_full_not_smaller():
    over = model.Link("over", "Over", throughput=35, capacity=28, corridor=4)
    chain = model.Chain(links=(over,), base_year=2025, base=1, unit="times")
    r = model.run(chain, model.Scenario("s", demand_growth=0.2), 2026).set_index("year")
    assert list(r["throughput"]) == [1, 1]  # no room, but not less than it carried
    assert r.loc[2026, "binding"] == "over"


def test_the_corridor_part_cannot_exceed_the_link():
    with pytest.raises(ValueError, match="at most the throughput"):
        model.Link("x", "X", throughput=1, capacity=2, corridor=3)
