"""kzaz.computed: a chapter's results computed once per build, read back by the other kernels."""

from dataclasses import dataclass

import pandas as pd
import pytest

from kzaz import computed
from kzaz.chapters import CHAPTERS, diplomacy
from kzaz.prose import Facts


@dataclass
class Inp:
    frame: pd.DataFrame
    note: str = "checked"


def counted():
    calls = []

    @computed.once_per_build
    def total(inp: Inp) -> float:
        calls.append(inp)
        return float(inp.frame["x"].sum())

    return total, calls


def test_outside_a_build_every_call_computes(monkeypatch):
    monkeypatch.delenv(computed.COMPUTED_DIR, raising=False)
    total, calls = counted()
    inp = Inp(pd.DataFrame({"x": [1, 2]}))
    assert total(inp) == total(inp) == 3.0
    assert len(calls) == 2


def test_in_a_build_the_same_content_is_computed_once(tmp_path, monkeypatch):
    monkeypatch.setenv(computed.COMPUTED_DIR, str(tmp_path))
    total, calls = counted()
    first = Inp(pd.DataFrame({"x": [1, 2]}))
    again = Inp(pd.DataFrame({"x": [1, 2]}))  # another object with the same content, as another kernel makes it
    assert total(first) == 3.0 and total(again) == 3.0
    assert len(calls) == 1 and len(list(tmp_path.glob("*.pickle"))) == 1
    changed = Inp(pd.DataFrame({"x": [1, 3]}))
    assert total(changed) == 4.0 and len(calls) == 2
    assert total(Inp(pd.DataFrame({"x": [1, 2]}), note="other")) == 3.0 and len(calls) == 3  # any field counts


def test_a_frame_pandas_has_reorganised_keeps_its_key():
    """Built column by column, a frame is held in several blocks; built at once, in one. Their
    pickles differ, their content does not, and neither does the key."""
    by_column = pd.DataFrame({"x": [1, 2]})
    by_column["y"] = ["a", "b"]
    at_once = pd.DataFrame({"x": [1, 2], "y": ["a", "b"]})
    total, _ = counted()
    assert computed.key(total, Inp(by_column)) == computed.key(total, Inp(at_once))
    assert computed.key(total, Inp(at_once)) != computed.key(total, Inp(at_once.rename(columns={"y": "z"})))
    assert computed.key(total, Inp(at_once)) != computed.key(total, Inp(at_once.astype({"x": float})))
    assert computed.digest(by_column, "t") == computed.digest(at_once, "t") != computed.digest(at_once, "u")
    assert computed.digest(at_once) != computed.digest(at_once.iloc[::-1])  # row order is content


def test_a_chapters_facts_read_back_are_the_facts_computed_and_are_glued_again(tmp_path, monkeypatch):
    direct = diplomacy.facts(diplomacy.inputs()).values()
    monkeypatch.setenv(computed.COMPUTED_DIR, str(tmp_path))
    diplomacy.facts(diplomacy.inputs())  # stores
    published = []
    monkeypatch.setattr(Facts, "publish", lambda self: published.append(self.namespace) or self)
    read = diplomacy.facts(diplomacy.inputs())
    assert published == ["dip"]  # read back, then glued: the page's {eval} roles find them
    assert read.values() == direct
    assert len(list(tmp_path.glob("kzaz.chapters.diplomacy.facts.facts-*.pickle"))) == 1


@pytest.mark.parametrize("name", CHAPTERS)
def test_a_chapters_inputs_are_the_same_content_after_its_results_are_computed(name):
    """The key is taken from the inputs when a result is asked for: computing the results
    must not change them, or a page that computes them later would miss what was stored."""
    from kzaz import book

    module = book.chapter(name)
    inp = module.inputs()
    before = computed.key(module.facts, inp)
    module.facts(inp), module.verdicts(inp), module.key_numbers(inp)
    assert computed.key(module.facts, inp) == before
