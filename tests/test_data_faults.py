"""A bad data file stops with an error that names the file, the row and the field."""

import json

import pytest

from kzaz.data import DataError, load, undescribed_files


def error_for(tiny_package, csv_text, **kw) -> str:
    pkg = tiny_package(csv_text, **kw)
    with pytest.raises(DataError) as info:
        load("tiny", pkg)
    return str(info.value)


def test_good_file_loads_with_declared_types(tiny_package):
    df = load("tiny", tiny_package())
    assert list(df.columns) == ["id", "year", "value", "kind", "when"]
    assert str(df["year"].dtype) == "Int64" and df["year"].tolist() == [2001, 2002, 2003]
    assert df["value"].iloc[0] == 1.5 and df["value"].isna().iloc[2]
    assert df["when"].tolist() == ["2001-05", "2002", "2003-01-31"]


def test_wrong_type_names_file_row_field(tiny_package):
    msg = error_for(tiny_package, "id,year,value,kind,when\nx1,2001,lots,a,2001\n")
    assert "data/tiny.csv, row 2, field 'value'" in msg and "'lots' is not a valid number" in msg


def test_missing_column(tiny_package):
    msg = error_for(tiny_package, "id,year,kind,when\nx1,2001,a,2001\n")
    assert "data/tiny.csv: column 'value' is missing" in msg


def test_undeclared_column(tiny_package):
    msg = error_for(tiny_package, "id,year,value,kind,when,extra\nx1,2001,1,a,2001,?\n")
    assert "column 'extra' is not declared" in msg


def test_duplicate_primary_key_names_both_rows(tiny_package):
    msg = error_for(tiny_package, "id,year,value,kind,when\nx1,2001,1,a,2001\nx2,2002,1,a,2002\nx1,2003,1,b,2003\n")
    assert "data/tiny.csv, row 4, field 'id'" in msg
    assert "repeats row 2" in msg or "already used in row 2" in msg


def test_value_out_of_range(tiny_package):
    msg = error_for(tiny_package, "id,year,value,kind,when\nx1,1890,1,a,2001\nx2,2001,-4,a,2001\n")
    assert "row 2, field 'year': 1890 is below the minimum 1990" in msg
    assert "row 3, field 'value': -4 is below the minimum 0" in msg


def test_value_not_in_enum(tiny_package):
    msg = error_for(tiny_package, "id,year,value,kind,when\nx1,2001,1,c,2001\n")
    assert "row 2, field 'kind': 'c' is not one of ['a', 'b']" in msg


def test_required_value_empty(tiny_package):
    msg = error_for(tiny_package, "id,year,value,kind,when\nx1,,1,a,2001\n")
    assert "row 2, field 'year': value is required but empty" in msg


def test_impossible_partial_date(tiny_package):
    msg = error_for(tiny_package, "id,year,value,kind,when\nx1,2001,1,a,2001-13\n")
    assert "row 2, field 'when': '2001-13' is not a valid partial date" in msg


def test_file_missing_from_disk(tiny_package):
    msg = error_for(tiny_package, None, write_file=False)
    assert "data/tiny.csv: file is missing" in msg


def test_resource_missing_from_package(tiny_package):
    pkg = tiny_package()
    with pytest.raises(DataError, match="resource 'nope' is not described in datapackage.json"):
        load("nope", pkg)


def test_file_not_in_package_is_reported(tiny_package):
    pkg = tiny_package()
    (pkg.parent / "stray.csv").write_text("a\n1\n")
    assert undescribed_files(pkg) == ["stray.csv"]


def test_all_problems_are_listed_not_just_the_first(tiny_package):
    msg = error_for(tiny_package, "id,year,value,kind,when\nx1,1,1,z,2001\nx2,2,1,z,2001\n")
    assert msg.startswith("4 data problem(s)")


def test_notebook_checks_report_problems_in_the_loaders_format(tiny_package):
    from kzaz import data

    pkg = tiny_package()
    assert data.problem("tiny", 3, "value", "is too large", pkg) == "data/tiny.csv, row 3, field 'value': is too large"
    with pytest.raises(DataError, match="data/diplomacy_events.csv, row 5, field 'date': bad"):
        data.fail("diplomacy_events", 5, "date", "bad")


# Forms Table Schema admits but a data file here must not hold (strict types).
@pytest.mark.parametrize(
    "field, text, why",
    [
        ("value", "NaN", "not a valid number"),
        ("value", "INF", "not a valid number"),
        ("value", "-inf", "not a valid number"),
        ("value", "1_000", "not a valid number"),
        ("value", " 12", "spaces around the value"),
        ("year", "2_001", "not a valid year"),
        ("year", "20011", "not a valid year"),
        ("when", "20231003", "not a valid partial date"),
        ("when", "2023-1-3", "not a valid partial date"),
        ("when", "2003-02-30", "no such month or day"),
    ],
)
def test_forms_a_data_file_must_not_hold(tiny_package, field, text, why):
    row = {"id": "x1", "year": "2001", "value": "1", "kind": "a", "when": "2001"}
    row[field] = text
    csv = "id,year,value,kind,when\n" + ",".join(f'"{v}"' for v in row.values()) + "\n"
    msg = error_for(tiny_package, csv)
    assert f"data/tiny.csv, row 2, field '{field}'" in msg and why in msg, msg


def test_a_date_field_takes_only_iso_dates(tiny_package):
    schema = {"fields": [{"name": "id", "type": "string"}, {"name": "on", "type": "date"}]}
    for text in ("20231003", "2023-1-3", "2023/10/03"):
        msg = error_for(tiny_package, f"id,on\nx1,{text}\n", schema=schema)
        assert "data/tiny.csv, row 2, field 'on'" in msg and "not a valid date" in msg, msg


def test_an_extra_cell_is_named_as_such(tiny_package):
    msg = error_for(tiny_package, "id,year,value,kind,when\nx1,2001,1,a,2001,oops\n")
    assert "data/tiny.csv, row 2: has more cells than the header has columns" in msg
    assert "UTF-8" not in msg


def test_a_duplicate_key_is_reported_once(tiny_package):
    msg = error_for(tiny_package, "id,year,value,kind,when\nx1,2001,1,a,2001\nx1,2002,1,a,2002\n")
    assert msg.startswith("1 data problem(s)") and "already used in row 2" in msg


def test_a_foreign_key_names_the_row_and_the_table_it_refers_to(tiny_package):
    schema = dict(TINY_FK)
    pkg = tiny_package("id,year,value,kind,when\nx1,2001,1,a,2001\nx2,2002,1,b,2002\n")
    package = json.loads(pkg.read_text())
    package["resources"].append(
        {
            "name": "refs",
            "path": "refs.csv",
            "format": "csv",
            "sources": [{"title": "Test", "publisher": "Tests"}],
            "schema": schema,
        }
    )
    pkg.write_text(json.dumps(package))
    (pkg.parent / "refs.csv").write_text("ref_id,tiny_id\nr1,x1\nr2,x9\n")
    with pytest.raises(DataError) as info:
        load("refs", pkg)
    msg = str(info.value)
    assert "data/refs.csv, row 3, field 'tiny_id': 'x9' is not a key" in msg and "resource 'tiny'" in msg


def test_a_broken_package_names_the_line_and_column(tmp_path):
    from kzaz import data

    bad = tmp_path / "data" / "datapackage.json"
    bad.parent.mkdir()
    bad.write_text('{"name": "t",\n  "resources": [\n    {"name": "x",}\n  ]\n}\n')
    with pytest.raises(DataError) as info:
        data.resource("x", bad)
    assert "datapackage.json, line 3, column" in str(info.value) and "not valid JSON" in str(info.value)


def test_an_invalid_geometry_says_why_and_where(tmp_path):
    bow = {
        "type": "Feature",
        "properties": {"iso3": "AAA"},
        "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]},
    }
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "shapes.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [bow]}))
    pkg = {
        "name": "t",
        "resources": [
            {
                "name": "shapes",
                "path": "shapes.geojson",
                "format": "geojson",
                "sources": [{"title": "T", "publisher": "T"}],
                "schema": {"fields": [{"name": "iso3", "type": "string"}]},
            }
        ],
    }
    (data_dir / "datapackage.json").write_text(json.dumps(pkg))
    with pytest.raises(DataError) as info:
        load("shapes", data_dir / "datapackage.json")
    msg = str(info.value)
    assert "data/shapes.geojson, feature 1, field 'geometry': invalid geometry (Self-intersection[1 1])" in msg


TINY_FK = {
    "fields": [{"name": "ref_id", "type": "string"}, {"name": "tiny_id", "type": "string"}],
    "primaryKey": "ref_id",
    "foreignKeys": [{"fields": "tiny_id", "reference": {"resource": "tiny", "fields": "id"}}],
}


def test_a_table_changed_after_loading_is_checked_again(tiny_package):
    pkg = tiny_package()
    assert len(load("tiny", pkg)) == 3
    (pkg.parent / "tiny.csv").write_text("id,year,value,kind,when\nx1,2001,lots,a,2001\n")
    with pytest.raises(DataError, match="row 2, field 'value'"):
        load("tiny", pkg)


def test_a_loaded_table_is_the_callers_to_change(tiny_package):
    pkg = tiny_package()
    first = load("tiny", pkg)
    first["value"] = 0
    assert load("tiny", pkg)["value"].iloc[0] == 1.5


def test_a_pass_is_shared_by_the_builds_kernels_and_tied_to_the_content(tiny_package, tmp_path, monkeypatch):
    from kzaz import data

    monkeypatch.setenv(data.PASSED_DIR, str(tmp_path / "passed"))
    pkg = tiny_package("id,year,value,kind,when\nx9,2009,9,a,2009\n")
    load("tiny", pkg)
    assert len(list((tmp_path / "passed").iterdir())) == 1
    # Another kernel (no frames in memory) trusts the pass and does not check the same content again...
    monkeypatch.setattr(data, "_FRAMES", {})
    monkeypatch.setattr(data, "validate", lambda res: pytest.fail("checked twice"))
    assert load("tiny", pkg)["id"].tolist() == ["x9"]
    # ...but a changed file is checked.
    monkeypatch.undo()
    monkeypatch.setenv(data.PASSED_DIR, str(tmp_path / "passed"))
    (pkg.parent / "tiny.csv").write_text("id,year,value,kind,when\nx9,2009,-1,a,2009\n")
    with pytest.raises(DataError, match="row 2, field 'value'"):
        load("tiny", pkg)
