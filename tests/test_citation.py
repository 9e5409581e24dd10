"""CITATION.cff: the fields CFF 1.2.0 requires, and the same edition as the book."""

from pathlib import Path

import yaml

import kzaz

ROOT = Path(__file__).resolve().parent.parent


def test_citation_file_is_complete_and_matches_the_book():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert cff["cff-version"] == "1.2.0"
    for key in ("message", "title", "authors", "version", "date-released", "license"):
        assert cff.get(key), key
    assert all(a.get("name") or a.get("family-names") for a in cff["authors"])
    assert cff["version"] == kzaz.__version__
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    assert cff["title"] == config["title"] == cff["preferred-citation"]["title"]
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert f'version = "{kzaz.__version__}"' in pyproject
