"""A bad data file stops with an error that names the file, the row and the field."""

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
    assert "row 2, field 'when': '2001-13' is not a valid partialdate" in msg


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
