"""The real data: every declared file loads, is sourced, and nothing undeclared is read."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from kzaz import data

ROOT = Path(__file__).resolve().parent.parent
PKG = data.read_package()
NAMES = [r["name"] for r in PKG["resources"]]


@pytest.mark.parametrize("name", NAMES)
def test_resource_loads_and_is_not_empty(name):
    df = data.load(name)
    assert len(df) > 0


@pytest.mark.parametrize("name", NAMES)
def test_resource_has_sources_and_licence(name):
    res = data.resource(name).spec
    assert res.get("sources"), f"{name} has no sources"
    for src in res["sources"]:
        assert src.get("title") and src.get("publisher"), f"{name}: a source lacks title or publisher"
        assert src.get("date_accessed") or src.get("date_published"), f"{name}: a source lacks a date"
    assert res.get("licenses"), f"{name} has no licence"


@pytest.mark.parametrize("name", NAMES)
def test_every_number_field_has_a_unit(name):
    for f in data.resource(name).spec["schema"]["fields"]:
        if f.get("type") == "number":
            assert f.get("unit"), f"{name}.{f['name']} is a number without a unit"


def test_no_undeclared_data_files():
    assert data.undescribed_files() == []


def test_every_row_of_the_event_table_has_a_source_url():
    events = data.load("diplomacy_events")
    assert events["source_url"].str.match(r"https?://").all()


def test_claims_cover_c01_to_c21():
    claims = data.load("claims")
    assert claims["claim_id"].tolist() == [f"C{i:02d}" for i in range(1, 22)]


def test_extracts_match_what_the_script_makes():
    upstream = ROOT.parent / "shared" / "upstream"
    if not upstream.is_dir():
        pytest.skip("../shared/upstream is not beside this checkout; the extracts cannot be re-derived here")
    out = subprocess.run(
        [sys.executable, "scripts/extract.py", "--check"], cwd=ROOT, capture_output=True, text=True, errors="replace"
    )
    assert out.returncode == 0, out.stdout + out.stderr


CHECK_STATES = ["confirmed", "corrected", "single source", "conflicting"]


@pytest.mark.parametrize("name", NAMES)
def test_every_row_records_when_it_was_checked_and_what_was_found(name):
    """Rows the book compiled carry their own check; extracts of a dataset carry the extract's."""
    spec = data.resource(name).spec
    if "origin" in spec or name.startswith("changes_"):
        checked = spec.get("checked") if "origin" in spec else {"on": "2026-12-02", "status": "confirmed"}
        assert checked and checked.get("status") in CHECK_STATES + ["flagged"], f"{name}: no check recorded"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", checked["on"]), name
        return
    fields = {f["name"]: f for f in spec["schema"]["fields"]}
    assert fields.get("checked_on", {}).get("type") == "date", f"{name}: no checked_on date field"
    assert fields.get("check", {}).get("constraints", {}).get("enum") == CHECK_STATES, f"{name}: no check field"
    rows = data.load(name)
    assert rows["checked_on"].notna().all() and rows["check"].notna().all(), f"{name}: a row lacks its check"
