"""A reader re-runs a chapter in JupyterLab: every chart shows under the cell that makes it,
and the prose reads as text (facts evaluated, no raw MyST roles), with the network cut."""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import jupytext
import pytest
from conftest import load_script, toc_pages

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.browser
RAW_MYST = re.compile(r"\{[a-z][a-z:-]*\}`|^:::|^```\{|Unknown (Directive|Role)", re.M)
FIGURE_CALL = re.compile(r"\.(charts\.\w+|scorecard)\(")


def notebook_pages() -> list[str]:
    return [p for p in toc_pages() if "kernelspec" in jupytext.read(ROOT / f"{p}.md").metadata]


def figure_cells(page: str) -> int:
    nb = jupytext.read(ROOT / f"{page}.md")
    return sum(1 for c in nb.cells if c.cell_type == "code" and FIGURE_CALL.search(c.source))


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab serving the repository as `make lab` does (MyST chapters open as notebooks)."""
    settings = tmp_path_factory.mktemp("lab-settings")
    load_script("scripts/jupyterlab_settings.py").write_overrides(settings)
    overrides = json.loads((settings / "overrides.json").read_text())
    # Every cell in the page, not only those scrolled into view, so the test can see them all.
    overrides["@jupyterlab/notebook-extension:tracker"] = {"windowingMode": "none"}
    (settings / "overrides.json").write_text(json.dumps(overrides))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    home = tmp_path_factory.mktemp("lab-home")
    cmd = [
        str(Path(sys.executable).parent / "jupyter"),
        "lab",
        "--no-browser",
        f"--port={port}",
        "--ServerApp.ip=127.0.0.1",
        "--IdentityProvider.token=",
        "--ServerApp.password=",
        f"--ServerApp.root_dir={ROOT}",
        f"--LabApp.app_settings_dir={settings}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    env = dict(
        os.environ, HOME=str(home), JUPYTER_RUNTIME_DIR=str(home / "runtime"), JUPYTER_CONFIG_DIR=str(home / "config")
    )
    log = home / "lab.log"
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log.open("w"), env=env, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            with urllib.request.urlopen(f"{url}/api/status", timeout=2) as r:
                json.load(r)
            break
        except OSError:
            if server.poll() is not None:
                pytest.fail("jupyter lab exited: " + log.read_text(errors="replace")[-2000:])
            time.sleep(0.5)
    else:
        os.killpg(server.pid, signal.SIGKILL)
        pytest.fail("jupyter lab did not start in 60 s")
    yield url
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def run_all(browser, lab: str, path: str):
    """Open a notebook in JupyterLab, run all cells, and read back what each cell shows."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    # A workspace of its own, reset: only this notebook open, not what an earlier run left.
    page.goto(f"{lab}/lab/workspaces/{re.sub(r'[^a-z0-9]+', '-', path.lower())}/tree/{path}?reset")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    page.wait_for_function("document.querySelector('.jp-Notebook-ExecutionIndicator') !== null", timeout=30_000)
    time.sleep(2)  # the kernel connects
    page.click("text=Run", timeout=10_000)
    page.click("text=Run All Cells", timeout=10_000)
    # Done when every code cell has an execution number and none is queued or running.
    page.wait_for_function(
        """() => {
        const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')].map(p => p.innerText);
        return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p));
    }""",
        timeout=int(os.environ.get("KZAZ_LAB_TIMEOUT", "240")) * 1000,
    )
    time.sleep(2)  # charts draw after their output arrives
    cells = page.evaluate("""() => [...document.querySelectorAll('.jp-Notebook .jp-Cell')].map(c => ({
        kind: c.classList.contains('jp-CodeCell') ? 'code' : 'markdown',
        source: c.querySelector('.jp-InputArea-editor') ? c.querySelector('.jp-InputArea-editor').innerText : '',
        text: c.classList.contains('jp-MarkdownCell') ? c.innerText : '',
        charts: [...c.querySelectorAll('.jp-OutputArea-output.jp-RenderedVegaCommon5')].map(v => {
            const drawn = v.querySelector('canvas, svg');
            return drawn ? drawn.getBoundingClientRect().width : 0; }),
        error: c.querySelector('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
               ? c.querySelector('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').innerText
               : '',
    }))""")
    if os.environ.get("KZAZ_DEBUG_LAB"):
        page.screenshot(path=os.environ["KZAZ_DEBUG_LAB"], full_page=True)
        Path(os.environ["KZAZ_DEBUG_LAB"] + ".html").write_text(page.content())
    context.close()
    return cells, errors


@pytest.mark.parametrize("page", notebook_pages())
def test_a_chapter_run_in_jupyterlab_shows_its_charts_and_readable_prose(browser, lab, page):
    cells, errors = run_all(browser, lab, f"{page}.md")
    code = [c for c in cells if c["kind"] == "code"]
    assert code, f"{page}: no code cells seen"
    assert not [c["error"] for c in code if "Error" in c["error"] or "Traceback" in c["error"]], page
    with_figure = [c for c in code if FIGURE_CALL.search(c["source"])]
    assert len(with_figure) == figure_cells(page)
    for c in with_figure:
        assert c["charts"] and all(w > 200 for w in c["charts"]), (
            f"{page}: no chart drawn under `{c['source'].strip()[:60]}`"
        )
    prose = "\n".join(c["text"] for c in cells if c["kind"] == "markdown")
    assert len(prose) > 300, f"{page}: the rendered prose was not seen"
    if "{eval}" in (ROOT / f"{page}.md").read_text():  # the facts were evaluated: numbers show
        assert re.search(r"\d", prose), f"{page}: no computed number in the rendered prose"
    assert not raw_myst(prose), f"{page}: raw MyST in the rendered prose: {raw_myst(prose)[:5]}"
    assert errors == [], errors


def raw_myst(text: str) -> list[str]:
    return RAW_MYST.findall(text) + re.findall(r"\{eval\}|\b[a-z]{2,4}\.[a-z_]+`", text)


def test_the_check_sees_what_jupyterlab_cannot_render(browser, lab):
    """Guards the test above against passing vacuously: a page with a directive JupyterLab does not
    know (as `{glue:figure}` was) is caught, and so is a chart cell that draws nothing."""
    probe = ROOT / "_build" / "lab_probe" / "probe.md"
    probe.parent.mkdir(parents=True, exist_ok=True)
    probe.write_text(
        "---\njupytext:\n  text_representation:\n    extension: .md\n    format_name: myst\n"
        "kernelspec:\n  display_name: Python 3\n  language: python\n  name: python3\n---\n\n"
        "# Probe\n\nSome 12 words of prose.\n\n```{glue:figure} fig-x\nA caption.\n```\n\n"
        "```{code-cell} ipython3\nx = 1\n```\n"
    )
    cells, _ = run_all(browser, lab, "_build/lab_probe/probe.md")
    prose = "\n".join(c["text"] for c in cells if c["kind"] == "markdown")
    assert "Some 12 words" in prose and raw_myst(prose)


def test_chapters_use_no_glue_roles_jupyterlab_cannot_evaluate():
    """In JupyterLab a {glue:text} role shows its key, which reads like a word: the chapters
    quote facts with {eval} instead."""
    for page in notebook_pages():
        assert "{glue" not in (ROOT / f"{page}.md").read_text(), page
