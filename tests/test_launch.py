"""Launch buttons: each notebook page opens its own chapter on Binder and Colab.

The buttons need the repository's GitHub address, which this checkout may not have; the
book is therefore also built here as a fork would build it (KZAZ_REPOSITORY_URL set),
into a separate folder, and that build is checked."""

import ast
import importlib.metadata
import json
import os
import re
import signal
import socket
import subprocess
import sys
import sysconfig
import time
import tomllib
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import jupytext
import nbformat
import pytest
from conftest import load_script, toc_pages

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))
import chapter_notebooks as launch  # noqa: E402

FORK = {
    "url": "https://github.com/kzaz-example/kz-az-report",
    "org": "kzaz-example",
    "repo": "kz-az-report",
    "branch": "main",
}


def is_notebook(page: str) -> bool:
    return "kernelspec" in jupytext.read(ROOT / f"{page}.md").metadata


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(cwd), *args], check=True, capture_output=True, text=True).stdout


@pytest.mark.parametrize(
    "address",
    [
        "https://github.com/kzaz-example/kz-az-report",
        "https://github.com/kzaz-example/kz-az-report.git",
        "https://github.com/kzaz-example/kz-az-report/",
        "git@github.com:kzaz-example/kz-az-report.git",
        "ssh://git@github.com/kzaz-example/kz-az-report.git",
        "https://token@github.com/kzaz-example/kz-az-report",
    ],
)
def test_github_addresses_in_every_form_git_accepts(address):
    assert launch.github_repository(address) == ("kzaz-example", "kz-az-report")


@pytest.mark.parametrize("address", ["https://gitlab.com/a/b", "/srv/git/kz-az-report", "https://github.com/a", ""])
def test_other_addresses_give_no_repository(address):
    assert launch.github_repository(address) is None


def test_the_repository_comes_from_the_origin_remote_or_the_environment(tmp_path):
    git(tmp_path, "init", "--quiet", "--initial-branch=trunk")
    assert launch.find_repository(tmp_path, environ={}) is None  # no remote: no buttons
    git(tmp_path, "remote", "add", "origin", "/srv/git/elsewhere")
    assert launch.find_repository(tmp_path, environ={}) is None  # not on GitHub: no buttons
    git(tmp_path, "remote", "set-url", "origin", "git@github.com:someone/fork.git")
    assert launch.find_repository(tmp_path, environ={}) == {
        "url": "https://github.com/someone/fork",
        "org": "someone",
        "repo": "fork",
        "branch": "trunk",
    }
    env = {"KZAZ_REPOSITORY_URL": FORK["url"], "KZAZ_REPOSITORY_BRANCH": "main"}
    assert launch.find_repository(tmp_path, environ=env) == FORK


@pytest.fixture(scope="module")
def fork_site(tmp_path_factory, html_dir):
    """The book built as its published fork would build it (notebooks come from the cache)."""
    out = tmp_path_factory.mktemp("fork")
    env = dict(
        os.environ,
        KZAZ_REPOSITORY_URL="git@github.com:kzaz-example/kz-az-report.git",
        KZAZ_REPOSITORY_BRANCH="main",
        PYTHONPATH=str(ROOT),
    )
    jb = Path(sys.executable).parent / "jupyter-book"
    # From the root: the execution cache path in _config.yml is relative to it.
    run = subprocess.run(
        [str(jb), "build", str(ROOT), "--path-output", str(out), "-W", "-n", "--keep-going"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        errors="replace",
        env=env,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return out / "_build" / "html"


def launch_links(html: str) -> dict[str, str]:
    return {name: href for href, name in re.findall(r'href="([^"]+)"[^>]*title="Launch on (Binder|Colab)"', html)}


@pytest.mark.book
@pytest.mark.parametrize("page", toc_pages())
def test_every_notebook_page_launches_its_own_source(fork_site, page):
    html = (fork_site / f"{page}.html").read_text()
    links = launch_links(html)
    if not is_notebook(page):
        assert links == {} and "launch-buttons" not in html
        return
    assert links == launch.launch_urls(FORK, page)
    binder = urlparse(links["Binder"])
    assert binder.path == "/v2/gh/kzaz-example/kz-az-report/main"
    assert unquote(parse_qs(binder.query)["urlpath"][0]) == f"notebooks/{page}.md?factory=Notebook"
    # Colab opens the notebook the site publishes: it must be there, at that path.
    colab_path = links["Colab"].split("/blob/gh-pages/", 1)[1]
    assert (fork_site / colab_path).is_file()
    assert 'href="https://github.com/kzaz-example/kz-az-report"' in html  # the repository button


@pytest.mark.book
def test_the_published_notebook_fetches_the_repository_then_runs_the_chapter(fork_site):
    nb = nbformat.read(fork_site / "_notebooks" / "chapters" / "energy.ipynb", as_version=4)
    nbformat.validate(nb)
    source = jupytext.read(ROOT / "chapters" / "energy.md")
    assert nb.cells[0].metadata["tags"] == ["setup"]
    assert nb.cells[0].source == launch.setup_cell(FORK)
    assert [c.source for c in nb.cells[1:]] == [c.source for c in source.cells]
    assert [c.id for c in nb.cells] == [f"cell-{i}" for i in range(len(nb.cells))]  # same file every build


def test_the_published_address_is_the_repositorys_github_pages_site():
    assert launch.pages_url(FORK) == "https://kzaz-example.github.io/kz-az-report/"
    assert launch.pages_url({**FORK, "repo": "KZAZ-Example.github.io"}) == "https://kzaz-example.github.io/"


@pytest.mark.book
def test_figure_citations_carry_the_published_address(fork_site):
    html = (fork_site / "chapters" / "energy.html").read_text()
    cited = re.findall(r"https://kzaz-example\.github\.io/kz-az-report/chapters/energy\.html#(fig-[\w-]+)", html)
    figures = set(re.findall(r'<figure[^>]* id="(fig-[\w-]+)"', html))
    assert figures and figures <= set(cited)  # every figure's citation links to its own anchor


@pytest.mark.book
def test_the_main_build_has_buttons_only_if_the_checkout_is_on_github(html_dir):
    expected = launch.find_repository(ROOT) is not None
    for page in toc_pages():
        if is_notebook(page):
            assert ("launch-buttons" in (html_dir / f"{page}.html").read_text()) == expected, page


def test_the_setup_cell_clones_the_repository_and_imports_its_package(tmp_path):
    """Run the cell where the package is missing (Colab): it clones, installs, imports the clone."""
    origin = tmp_path / "origin"
    (origin / "kzaz").mkdir(parents=True)
    (origin / "kzaz" / "__init__.py").write_text('WHERE = "the clone"\n')
    # A dependency that is already installed: pip checks it without going online.
    (origin / "pyproject.toml").write_text('[project]\nname = "kzaz"\ndependencies = ["pyyaml>=5"]\n')
    git(origin, "init", "--quiet", "--initial-branch=main")
    git(origin, "add", ".")
    git(origin, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-m", "package")
    cell = launch.setup_cell({**FORK, "url": str(origin)})
    work = tmp_path / "colab"
    work.mkdir()
    # -S: no site hooks, so the installed (editable) kzaz is invisible, as in Colab;
    # the standard site-packages stay importable for the cell's own imports.
    probe = f"exec({cell!r})\nexec({cell!r})\nimport kzaz\nprint(kzaz.WHERE, kzaz.__file__)"
    env = dict(
        os.environ, PYTHONPATH=sysconfig.get_paths()["purelib"], PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1"
    )  # pip may not go online
    run = subprocess.run([sys.executable, "-S", "-c", probe], cwd=work, capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    where, path = run.stdout.split("\n")[-2].rsplit(" ", 1)
    assert where == "the clone"
    assert Path(path).resolve() == (work / "kz-az-report" / "kzaz" / "__init__.py").resolve()


@pytest.fixture(scope="module")
def notebook_server(tmp_path_factory):
    """Jupyter Notebook serving the repository, as Binder does (no token, this machine only)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    home = tmp_path_factory.mktemp("jupyter-home")
    cmd = [
        str(Path(sys.executable).parent / "jupyter"),
        "notebook",
        "--no-browser",
        f"--port={port}",
        "--ServerApp.ip=127.0.0.1",
        "--IdentityProvider.token=",
        "--ServerApp.password=",
        f"--ServerApp.root_dir={ROOT}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    env = dict(os.environ, HOME=str(home), JUPYTER_RUNTIME_DIR=str(home / "runtime"))
    # Its own process group, so that its kernels stop with it.
    log = home / "server.log"  # a file, not a pipe: a full pipe would stall the server
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log.open("w"), env=env, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            with urllib.request.urlopen(f"{url}/api/status", timeout=2) as r:
                json.load(r)
            break
        except OSError:
            if server.poll() is not None:
                pytest.fail("jupyter notebook exited: " + log.read_text(errors="replace")[-2000:])
            time.sleep(0.5)
    else:
        os.killpg(server.pid, signal.SIGKILL)
        pytest.fail("jupyter notebook did not start in 60 s")
    yield url
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:  # a kernel still shutting down: stop waiting for it
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


@pytest.mark.book
@pytest.mark.browser
def test_the_binder_link_opens_the_chapter_as_a_notebook(fork_site, browser, notebook_server):
    """Follow the Binder link's path on a local server: the chapter must open as cells, not text."""
    links = launch_links((fork_site / "chapters" / "diplomacy.html").read_text())
    urlpath = unquote(parse_qs(urlparse(links["Binder"]).query)["urlpath"][0])
    from playwright.sync_api import expect

    page = browser.new_page()
    try:
        page.goto(f"{notebook_server}/{urlpath}")
        # Code cells exist only in the notebook view; the text view is one editor.
        page.wait_for_selector(".jp-Notebook .jp-CodeCell", timeout=60_000)
        assert page.locator(".jp-FileEditor").count() == 0
        # Markdown cells render after the code cells: wait for the chapter's title.
        expect(page.locator(".jp-Notebook")).to_contain_text("Diplomacy: three decades of ties", timeout=30_000)
    finally:
        page.close()


def test_lab_settings_open_markdown_with_the_factory_jupytext_registers(tmp_path):
    """`make lab` and Binder's postBuild set the default viewer; merge, never clobber."""
    lab_settings = load_script("scripts/jupyterlab_settings.py")
    # The factory name must be the one the installed jupyterlab-jupytext extension registers.
    bundle = "".join(
        p.read_text(errors="replace")
        for p in (Path(sys.prefix) / "share/jupyter/labextensions/jupyterlab-jupytext/static").glob("*.js")
    )
    assert re.search(r'FACTORY="' + re.escape(lab_settings.JUPYTEXT_NOTEBOOK) + '"', bundle)
    (tmp_path / "overrides.json").write_text(
        json.dumps(
            {
                "@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"},
                "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
            }
        )
    )
    written = json.loads(lab_settings.write_overrides(tmp_path).read_text())
    assert written["@jupyterlab/apputils-extension:themes"] == {"theme": "JupyterLab Dark"}
    assert written["@jupyterlab/docmanager-extension:plugin"] == {
        "autosave": False,
        "defaultViewers": {"markdown": "Jupytext Notebook", "myst": "Jupytext Notebook"},
    }
    # No offer to fetch news over the chapter: a value JupyterLab's own schema accepts as "Never"
    schema = Path(sys.prefix) / "share/jupyter/lab/schemas/@jupyterlab/apputils-extension/notification.json"
    never = next(o for o in json.loads(schema.read_text())["properties"]["fetchNews"]["oneOf"] if o["title"] == "Never")
    assert written[lab_settings.NEWS_PLUGIN] == {"fetchNews": never["const"]}


def third_party_imports() -> set[str]:
    """Top-level modules imported by the package and by the notebooks' code cells."""

    code = [p.read_text() for p in (ROOT / "kzaz").glob("*.py")]
    code += [
        c.source for page in toc_pages() for c in jupytext.read(ROOT / f"{page}.md").cells if c.cell_type == "code"
    ]
    names = set()
    for text in code:
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"kzaz", "__future__"}


def test_the_package_declares_what_the_notebooks_import():
    """A Colab notebook installs pyproject's dependencies: they must cover every import."""

    declared = {
        re.split(r"[<>=!~ \[]", d)[0].lower().replace("_", "-")
        for d in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    }
    providers = importlib.metadata.packages_distributions()
    imports = third_party_imports()
    assert {"pandas", "altair", "geopandas", "myst_nb"} <= imports  # the scan sees the real imports
    missing = {m for m in imports if not {d.lower().replace("_", "-") for d in providers[m]} & declared}
    assert missing == set()


@pytest.mark.book
def test_publishing_puts_each_colab_notebook_where_its_button_points(fork_site, tmp_path):
    """`make publish` (ghp-import) to a local stand-in for GitHub: follow every Colab link."""
    origin, work = tmp_path / "origin.git", tmp_path / "work"
    subprocess.run(["git", "init", "--quiet", "--bare", str(origin)], check=True)
    subprocess.run(["git", "clone", "--quiet", str(origin), str(work)], check=True, capture_output=True)
    ghp_import = Path(sys.executable).parent / "ghp-import"
    env = dict(
        os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t"
    )
    subprocess.run(
        [str(ghp_import), "--no-jekyll", "--push", "--force", str(fork_site)],
        cwd=work,
        check=True,
        capture_output=True,
        env=env,
    )
    published = set(git(origin, "ls-tree", "-r", "--name-only", "gh-pages").split())
    assert ".nojekyll" in published  # GitHub Pages would otherwise hide _notebooks/ and _static/
    checked = 0
    for page in filter(is_notebook, toc_pages()):
        colab = launch_links((fork_site / f"{page}.html").read_text())["Colab"]
        assert colab.split("/blob/gh-pages/", 1)[1] in published, page
        checked += 1
    assert checked >= 7


def test_the_setup_cell_in_another_checkout_uses_that_checkouts_package_and_data(tmp_path):
    """A chapter notebook run inside a second checkout must not read the first one's data."""
    other = tmp_path / "other-checkout"
    (other / "kzaz").mkdir(parents=True)
    (other / "kzaz" / "__init__.py").write_text('WHERE = "the other checkout"\n')
    (other / "data").mkdir()
    (other / "data" / "datapackage.json").write_text("{}")
    (other / "chapters").mkdir()
    cell = launch.setup_cell(None)
    probe = f"import kzaz\nexec({cell!r})\nimport kzaz\nprint(kzaz.WHERE, kzaz.__file__)"
    run = subprocess.run([sys.executable, "-c", probe], cwd=other / "chapters", capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    where, path = run.stdout.strip().rsplit(" ", 1)
    assert where == "the other checkout" and Path(path).resolve() == (other / "kzaz" / "__init__.py").resolve()


def test_the_setup_cell_outside_any_checkout_says_what_it_needs(tmp_path):
    cell = launch.setup_cell(None)
    # -S: no site hooks, so no installed kzaz either (as on a machine without the book).
    run = subprocess.run([sys.executable, "-S", "-c", cell], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode != 0
    message = run.stderr.strip().splitlines()[-1]
    assert "needs its repository" in message and "chapters/ folder of a checkout" in message
    assert "Traceback" not in run.stderr  # one sentence, not a bare ModuleNotFoundError
