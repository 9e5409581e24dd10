"""Sphinx reads a page only once its notebook has run (_ext/await_notebooks.py)."""

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sphinx.errors import ExtensionError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "_ext"))
import await_notebooks as aw  # noqa: E402


@pytest.fixture
def awaiting(tmp_path, monkeypatch):
    """Two pages awaited, in the order their notebooks run; notes go to tmp_path."""
    monkeypatch.setenv(aw.AWAITED, json.dumps(["chapters/transport", "intro"]))
    monkeypatch.setenv(aw.FOLDER, str(tmp_path))
    monkeypatch.setenv(aw.BUILD_PID, str(os.getpid()))
    return tmp_path


def test_pages_not_awaited_are_read_first_and_awaited_ones_in_the_order_they_run(awaiting):
    docnames = ["chapters/cite", "chapters/transport", "chapters/sources", "intro"]
    aw._order(None, None, docnames)
    assert docnames == ["chapters/cite", "chapters/sources", "chapters/transport", "intro"]


def test_a_page_is_read_when_its_note_arrives(awaiting):
    later = threading.Timer(0.3, lambda: aw.note(awaiting, "chapters/transport", ok=True).touch())
    later.start()
    start = time.monotonic()
    aw._wait(None, "chapters/transport", [""])
    assert time.monotonic() - start >= 0.25
    assert aw.note(awaiting, "chapters/transport", ok=True).name == "chapters__transport.ok"
    aw._wait(None, "chapters/cite", [""])  # not awaited: no wait, no note needed


def test_a_failed_notebook_stops_the_read(awaiting):
    aw.note(awaiting, "intro", ok=False).touch()
    with pytest.raises(ExtensionError, match="intro: its notebook failed"):
        aw._wait(None, "intro", [""])


def test_a_build_that_has_gone_stops_the_read(awaiting, monkeypatch):
    gone = subprocess.Popen(["true"])
    gone.wait()
    monkeypatch.setenv(aw.BUILD_PID, str(gone.pid))
    with pytest.raises(ExtensionError, match="the build that runs its notebook has stopped"):
        aw._wait(None, "intro", [""])


def test_without_awaited_pages_nothing_waits_or_moves(monkeypatch):
    monkeypatch.delenv(aw.AWAITED, raising=False)
    docnames = ["b", "a"]
    aw._order(None, None, docnames)
    assert docnames == ["b", "a"]
    aw._wait(None, "a", [""])
