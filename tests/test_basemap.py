"""The shared basemap: valid, clipped, Vega-oriented geometries and geodesic lengths."""

import pandas as pd
import pytest
import shapely

from kzaz import basemap


def test_countries_are_clipped_valid_and_in_wgs84():
    land = basemap.countries()
    assert land.crs.to_epsg() == 4326
    assert land.geometry.is_valid.all()
    minx, miny, maxx, maxy = land.total_bounds
    lon0, lat0, lon1, lat1 = basemap.REGION
    assert lon0 - 1e-9 <= minx and maxx <= lon1 + 1e-9 and lat0 - 1e-9 <= miny and maxy <= lat1 + 1e-9
    assert {"KAZ", "AZE", "GEO", "TUR", "TKM", "UZB", "RUS", "CHN", "ARM", "IRN"} <= set(land["iso3"])


def test_polygons_go_to_vega_clockwise():
    land = basemap.for_vega(basemap.countries())
    for geom in land.geometry:
        polys = getattr(geom, "geoms", [geom])
        for p in polys:
            if p.geom_type == "Polygon":
                assert not p.exterior.is_ccw


def test_caspian_lies_between_kazakhstan_and_azerbaijan():
    sea = basemap.caspian().geometry.iloc[0]
    land = basemap.countries().set_index("iso3").geometry
    assert sea.distance(land["KAZ"]) < 0.1 and sea.distance(land["AZE"]) < 0.1
    assert sea.representative_point().within(shapely.box(46, 36, 55, 47.5))


def test_geodesic_length_of_a_known_line():
    # One degree of latitude along a meridian at the equator is 110.57 km on WGS84.
    assert basemap.geodesic_km(shapely.LineString([(0, 0), (0, 1)])) == pytest.approx(110.574, abs=0.01)


def test_line_through_named_nodes_and_error_on_unknown():
    nodes = pd.DataFrame({"node_id": ["a", "b"], "lon": [51.2, 49.9], "lat": [43.6, 40.4]})
    line = basemap.line_through(nodes, ["a", "b"])
    assert list(line.coords) == [(51.2, 43.6), (49.9, 40.4)]
    with pytest.raises(KeyError, match="'c'"):
        basemap.line_through(nodes, ["a", "c"])


def test_layers_make_a_chart_with_land_and_sea():
    spec = basemap.layers(fill=pd.Series({"KAZ": "member"}), fill_title="Status").to_dict()
    assert len(spec["layer"]) == 4 and spec["projection"]["type"] == "conicEqualArea"
    assert [layer["mark"]["fill"] for layer in spec["layer"][:3]] == [basemap.SEA, basemap.LAND, basemap.SEA]


def test_the_open_sea_follows_the_box_edges():
    sea = basemap.open_sea((40.0, 35.0, 50.0, 45.0)).geometry.iloc[0]
    assert sea.bounds == (40.0, 35.0, 50.0, 45.0)
    assert len(sea.exterior.coords) > 60  # densified: drawn along parallels, not great circles


def test_labels_sit_where_they_are_placed():
    pts = pd.DataFrame(
        {"node_id": ["a", "b", "c"], "lon": [45.0, 46.0, 47.0], "lat": [40.0, 41.0, 42.0], "label": ["A", "B", "C"]}
    )
    layers = [layer.to_dict() for layer in basemap.label_layers(pts, place={"b": "left", "c": "above"})]
    marks = {tuple(row["label"] for row in next(iter(layer["datasets"].values()))): layer["mark"] for layer in layers}
    assert marks[("A",)]["align"] == "left" and marks[("A",)]["dy"] < 0  # the default: above right
    assert marks[("B",)]["align"] == "right" and marks[("B",)]["dx"] < 0
    assert marks[("C",)]["align"] == "center" and marks[("C",)]["dy"] < 0
    with pytest.raises(ValueError, match="label places"):
        basemap.label_layers(pts, place={"a": "upside down"})
