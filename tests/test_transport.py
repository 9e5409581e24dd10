"""Transport chapter: its data, the route geometry helpers, and the built page."""

import re

import pandas as pd
import pytest
import shapely
from conftest import page_text
from shapely.ops import linemerge

from kzaz import basemap, data, routes
from kzaz.data import DataError

# ---------------------------------------------------------------------------- data


@pytest.fixture(scope="module")
def nodes():
    return data.load("transport_nodes")


@pytest.fixture(scope="module")
def legs(nodes):
    return routes.legs(data.load("transport_routes"), nodes)


def test_every_node_has_a_sourced_coordinate(nodes):
    assert nodes["coord_source_url"].str.match(r"https?://").all()
    osm = nodes[nodes["coord_source"] == "osm_station"]
    assert osm["coord_source_ref"].str.fullmatch(r"node \d+").all()
    assert (osm["coord_source_url"] == "https://www.openstreetmap.org/" + osm["coord_source_ref"].str.replace(" ", "/")).all()
    # Known points: the Kazakh-Chinese border station and the Aktau port station in OpenStreetMap.
    n = nodes.set_index("node_id")
    assert n.loc["dostyk", ["lat", "lon"]].tolist() == pytest.approx([45.25286, 82.48665])
    assert n.loc["aktau_port", "coord_source_ref"] == "node 7066248958"


def test_official_series_and_disagreements_are_kept():
    cargo = data.load("titr_cargo").set_index("figure_id")
    series = {y: cargo.loc[f"titr-official-{y}", "value"] for y in range(2019, 2026)}
    assert series[2024] == pytest.approx(4.484) and series[2025] == pytest.approx(4.119)
    # Both readings of the same January-September 2022 meeting stay in the data.
    assert {cargo.loc["titr-2022-9m-trend", "value"], cargo.loc["titr-2022-9m-kazinform", "value"]} == {1.84, 1.084}
    ports = data.load("caspian_ports").set_index("figure_id")
    assert ports.loc["baku-cargo-2025", "value"] == pytest.approx(8.2)
    assert {ports.loc["baku-cargo-2023-port", "value"], ports.loc["baku-cargo-2023-cabinet", "value"]} == {7.3, 7.4}


def test_roadmap_statements_agree_on_place_and_date_but_not_target_year():
    docs = data.load("corridor_documents")
    roadmap = docs[docs["document"] == "aktau_roadmap_2022"]
    assert set(roadmap["place"]) == {"Aktau"} and set(roadmap["date"]) == {"2022-11-25"}
    assert set(roadmap["target_year"].astype(int)) == {2025, 2027}


# ------------------------------------------------------------------------ geometry


def test_legs_are_valid_two_point_lines_in_wgs84(legs):
    assert legs.crs.to_epsg() == 4326
    assert legs.geometry.is_valid.all() and not legs.geometry.is_empty.any()
    assert (legs.geometry.geom_type == "LineString").all()
    assert all(len(g.coords) == 2 for g in legs.geometry)
    assert (legs["km"] > 0).all() and set(legs["mode"]) == {"rail", "sea"}


def test_each_route_is_one_connected_line(legs):
    for route_id, chain in legs.groupby("route_id"):
        chain = chain.sort_values("seq")
        assert list(chain["to_id"])[:-1] == list(chain["from_id"])[1:], route_id
        assert linemerge(list(chain.geometry)).geom_type == "LineString", route_id


def test_middle_corridor_avoids_russia_and_the_northern_route_does_not(legs):
    countries = basemap.countries((10.0, 30.0, 95.0, 58.0))
    trunk = linemerge(list(legs[legs["route_id"] == "middle_corridor"].geometry))
    north = linemerge(list(legs[legs["route_id"] == "northern"].geometry))
    crossed = set(routes.km_by_country(trunk, countries).index)
    assert {"KAZ", "AZE", "GEO", "TUR"} <= crossed and "RUS" not in crossed
    assert "RUS" in set(routes.km_by_country(north, countries).index)


# Tolerance: a straight (geodesic) leg can never be longer than the track or lane between
# the same points, so drawn/published <= 1 (+1% for rounding of published figures); and
# OpenStreetMap track around Azerbaijan is at most about 40% longer than the drawn legs,
# so the drawn length should not fall below 0.75 of a published one. Three published
# distances from the research, one per kind of leg: a long railway, a sea crossing and
# a short line measured both ways.
PUBLISHED = [
    ("dostyk-moyinty", "middle_corridor", "dostyk", "moyinty"),
    ("horadiz-aghband", "zangezur", "horadiz", "aghband"),
]


@pytest.mark.parametrize("figure_id,route_id,start,end", PUBLISHED)
def test_drawn_rail_lengths_are_within_tolerance_of_published(legs, figure_id, route_id, start, end):
    published = data.load("published_distances").set_index("figure_id").loc[figure_id, "km"]
    drawn = routes.path_km(legs, route_id, start, end)
    assert routes.TOLERANCE == (0.75, 1.0)
    assert routes.within_tolerance(drawn, published), (drawn, published)


def test_drawn_sea_crossing_is_within_tolerance_of_the_ferry_route(nodes):
    published = data.load("published_distances").set_index("figure_id").loc["aktau-baku-ferry", "km"]
    assert published == 470
    drawn = basemap.geodesic_km(basemap.line_through(nodes, ["aktau_port", "chilov", "baku_central"]))
    assert routes.within_tolerance(drawn, published)
    # The straight line across the Absheron peninsula would be far shorter than the ferry route.
    assert basemap.geodesic_km(basemap.line_through(nodes, ["aktau_port", "baku_central"])) < 0.82 * published


def test_osm_track_matches_the_published_horadiz_aghband_length():
    track = data.load("osm_track_lengths").set_index(["from_node", "to_node"])
    published = data.load("published_distances").set_index("figure_id").loc["horadiz-aghband", "km"]
    assert track.loc[("horadiz", "aghband"), "track_km"] == pytest.approx(published, rel=0.05)
    assert (track["max_snap_km"] < 1).all()


def test_track_is_never_shorter_than_the_drawn_path(legs):
    track = data.load("osm_track_lengths")
    on_trunk = {("baku_alat_port", "ganja"), ("ganja", "boyuk_kesik")}
    for a, b, km in zip(track["from_node"], track["to_node"], track["track_km"]):
        drawn = routes.path_km(legs, "middle_corridor" if (a, b) in on_trunk else "zangezur", a, b)
        assert drawn <= km + 0.1, (a, b, drawn, km)


# ------------------------------------------------------------------------- helpers


def small_network():
    nodes = pd.DataFrame({"node_id": ["a", "b", "c"], "name": ["A", "B", "C"],
                          "lon": [0.0, 0.0, 1.0], "lat": [0.0, 1.0, 1.0]})
    rows = pd.DataFrame({"route_id": ["r", "r", "r"], "route_name": ["R"] * 3, "seq": [1, 2, 3],
                         "node_id": ["a", "b", "c"], "leg_mode": ["rail", "sea", ""], "leg_status": ["in service"] * 2 + [""]})
    return nodes, rows


def test_legs_path_and_modes_on_a_small_network():
    nodes, rows = small_network()
    legs = routes.legs(rows, nodes)
    assert len(legs) == 2
    assert routes.path_km(legs, "r", "a", "b") == pytest.approx(110.574, abs=0.01)  # one degree of latitude
    assert routes.path_km(legs, "r", "a", "c") == pytest.approx(110.574 + 111.30, abs=0.1)
    assert list(routes.path_legs(legs, "r", "b", "c")[["from_id", "to_id"]].itertuples(index=False, name=None)) == [("b", "c")]
    by_mode = routes.km_by_mode(legs).loc["r"]
    assert by_mode["rail"] == pytest.approx(110.574, abs=0.01) and by_mode["total"] == pytest.approx(by_mode.sum() / 2)
    with pytest.raises(KeyError, match="does not run"):
        routes.path_km(legs, "r", "c", "a")


def test_bad_route_tables_fail_with_the_row_and_field():
    nodes, rows = small_network()
    bad = rows.copy()
    bad.loc[1, "node_id"] = "x"
    with pytest.raises(DataError, match=r"row 3, field 'node_id': 'x' is not in transport_nodes"):
        routes.check_chains(bad, nodes)
    bad = rows.copy()
    bad.loc[1, "leg_mode"] = ""
    with pytest.raises(DataError, match=r"row 3, field 'leg_mode': route 'r' has no leg mode"):
        routes.check_chains(bad, nodes)
    bad = rows.copy()
    bad["seq"] = [1, 3, 4]
    with pytest.raises(DataError, match="expected 1..3"):
        routes.check_chains(bad, nodes)


def test_tolerance_and_share_saved():
    assert routes.within_tolerance(768, 836) and routes.within_tolerance(842, 836)
    assert not routes.within_tolerance(900, 836) and not routes.within_tolerance(600, 836)
    assert routes.share_saved(100, 80) == pytest.approx(20) and routes.share_saved(100, 110) == pytest.approx(-10)
    with pytest.raises(ValueError):
        routes.chord_ratio(10, 0)


def test_km_by_country_splits_a_line_at_a_border():
    countries = pd.DataFrame({"iso3": ["AAA", "BBB"], "geometry": [shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1)]})
    line = shapely.LineString([(0.5, 0.5), (1.5, 0.5)])
    km = routes.km_by_country(line, countries)
    assert set(km.index) == {"AAA", "BBB"} and km["AAA"] == pytest.approx(km["BBB"], rel=1e-3)
    assert km.sum() == pytest.approx(basemap.geodesic_km(line), rel=1e-6)


# ---------------------------------------------------------------------- built page




@pytest.fixture(scope="module")
def page(html_dir):
    return (html_dir / "chapters" / "transport.html").read_text()


def test_page_is_under_two_megabytes_and_has_eight_charts(html_dir, page):
    assert (html_dir / "chapters" / "transport.html").stat().st_size < 2_000_000
    assert page.count('class="kzaz-chart"') == 8
    for fig in ("fig-tr-map-region", "fig-tr-lengths", "fig-tr-volume", "fig-tr-ports", "fig-tr-times",
                "fig-tr-map-caspian", "fig-tr-map-zangezur", "fig-tr-zangezur-km"):
        assert f'id="{fig}"' in page, fig
    assert "© OpenStreetMap contributors" in page


def test_page_numbers_are_glued_from_the_data(page, legs):
    text = page_text(page, tight=True)
    cargo = data.load("titr_cargo").set_index("figure_id")["value"]
    v24, v25 = cargo["titr-official-2024"], cargo["titr-official-2025"]
    assert f"cargo fell to {v25:.2f} Mt, {100 * (1 - v25 / v24):.0f}% less than in 2024" in text
    mc = routes.km_by_mode(legs).loc["middle_corridor"]
    assert f"Kapıkule is {mc['total']:,.0f} km long, of which {mc['sea']:,.0f} km is the sea crossing" in text
    georgia = routes.path_km(legs, "middle_corridor", "baku_alat_port", "kars")
    armenia = routes.path_km(legs, "zangezur", "baku_alat_port", "kars")
    assert f"is drawn at {georgia:.0f} km and the way through southern Armenia and Nakhchivan at {armenia:.0f} km" in text


def test_page_gives_a_verdict_for_each_transport_claim(page):
    text = page_text(page, tight=True)
    expected = dict(data.load("claims").query("chapter == 'transport'")[["claim_id", "claim"]].values)
    assert sorted(expected) == ["C06", "C07", "C08", "C09", "C10", "C11"]
    for cid in expected:
        m = re.search(rf"{cid} .*? (supported|partly supported|not supported|not verifiable) ", text)
        assert m, f"no verdict for {cid}"
    assert re.search(r"C08 .*? supported ", text) and re.search(r"C11 .*? partly supported ", text)


# ------------------------------------------------------------- review fixes (C07-C11)


def test_scopes_and_caveats_of_the_cargo_rows():
    cargo = data.load("titr_cargo").set_index("figure_id")
    # The 2021 container figure is the TITR Association's, so it counts only its members.
    assert cargo.loc["teu-2021-association", "scope"] == "association"
    # The 2025 tonnage could not be found again in its source: it is flagged, and only it.
    flagged = cargo.index[cargo["caveat"].fillna("") == "not reconfirmed"].tolist()
    assert flagged == ["titr-official-2025"]
    # BTK capacity before and after the upgrade (1 and 5 Mt a year).
    assert (cargo.loc["btk-capacity-before-upgrade", "value"], cargo.loc["btk-capacity-2025", "value"]) == (1, 5)


def test_joint_venture_of_the_railways_is_recorded():
    docs = data.load("corridor_documents")
    jv = docs[docs["document"] == "joint_venture_2023"].set_index("statement_id")
    assert set(jv["date"]) == {"2023-06-22", "2023-10-26"}
    assert set(jv.loc["jv-agreement-azernews", "parties"].split(";")) == {"AZE", "GEO", "KAZ"}
    assert not (docs["document"] == "roadmap_update").any()  # no 2024 roadmap update was found


def test_both_horadiz_aghband_lengths_are_kept_and_only_one_fits(legs):
    pub = data.load("published_distances").set_index("figure_id")["km"]
    assert (pub["horadiz-aghband"], pub["horadiz-aghband-apa"]) == (110.4, 140.6)
    drawn = routes.path_km(legs, "zangezur", "horadiz", "aghband")
    assert routes.within_tolerance(drawn, pub["horadiz-aghband"])
    assert not routes.within_tolerance(drawn, pub["horadiz-aghband-apa"])


def test_page_states_falls_and_verdicts_computed_from_the_data(page, legs):
    text = page_text(page, tight=True)
    cargo = data.load("titr_cargo").set_index("figure_id")["value"]
    series = {y: cargo[f"titr-official-{y}"] for y in range(2019, 2026)}
    falls = [y for y in range(2020, 2026) if series[y] < series[y - 1]]
    assert falls == [2021, 2025]
    assert "after a fall in volume, as in 2021" in text and "first fall" not in text
    # Tonnage and containers compared over the same years (2022 to 2025).
    teu = cargo["teu-2025-ministry"] / cargo["teu-2022-balykbayev"]
    assert f"tonnage grew {series[2025] / series[2022]:.1f} times and containers {teu:.1f} times" in text
    assert "could not be found again" in text
    assert re.search(r"C07 .*? supported .*?joint operators: yes", text)
    assert re.search(r"C09 .*? partly supported .*?no update of the roadmap agreed in 2024", text)
    # The in-service range excludes the line being restored in Nakhchivan.
    georgia = routes.path_km(legs, "middle_corridor", "baku_alat_port", "kars")
    armenia = routes.path_km(legs, "zangezur", "baku_alat_port", "kars")
    assert f"Alat to Kars: {abs(armenia - georgia):,.0f} km" in page
