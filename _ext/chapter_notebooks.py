"""Each chapter as a notebook: a download link, and launch buttons for Binder and Colab.

The launch buttons need the repository's public GitHub address. It is read from the
KZAZ_REPOSITORY_URL environment variable, else from the checkout's `origin` remote,
so a fork that publishes its book gets buttons that point to itself. Without a GitHub
address the book has no launch buttons: a button that opens a repository that does not
exist would be worse than none. With the address known, the book's published URL (for
figure citations) defaults to the repository's GitHub Pages site.

- Binder opens the chapter's MyST source (`chapters/<name>.md`) on the branch, in the
  Jupyter Notebook interface with the notebook view (`?factory=Notebook`): JupyterLab's
  own URLs cannot choose a view, and would show a MyST file as text. The repository's
  `postBuild` installs the book's package.
- Colab can only open `.ipynb` files from GitHub, so its button points to the notebook
  this extension writes into the published site (`_notebooks/`), on the branch that
  `ghp-import` publishes (gh-pages). That notebook begins with a cell that, outside a
  checkout, clones the repository and installs its package's dependencies.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from urllib.parse import quote

BINDERHUB = "https://mybinder.org"
COLAB = "https://colab.research.google.com"
PAGES_BRANCH = "gh-pages"  # what `ghp-import --push` writes (README, Publishing)
NOTEBOOK_DIR = "_notebooks"

_GITHUB = re.compile(
    r"^(?:https://(?:[^@/]+@)?github\.com/|git@github\.com:|ssh://git@github\.com/)"
    r"(?P<org>[A-Za-z0-9_.-]+)/(?P<repo>[A-Za-z0-9_.-]+?)(?:\.git)?/?$"
)


def github_repository(url: str) -> tuple[str, str] | None:
    """(owner, name) of a GitHub repository address, in any of the forms git accepts."""
    m = _GITHUB.match(url.strip())
    return (m["org"], m["repo"]) if m else None


def _git(root: Path, *args: str) -> str:
    try:
        out = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return out.stdout.strip() if out.returncode == 0 else ""


def find_repository(root: Path, environ=os.environ) -> dict | None:
    """The book's public repository: address, owner, name and branch, or None if unknown."""
    url = environ.get("KZAZ_REPOSITORY_URL") or _git(root, "remote", "get-url", "origin")
    parts = github_repository(url) if url else None
    if parts is None:
        return None
    branch = environ.get("KZAZ_REPOSITORY_BRANCH") or _git(root, "symbolic-ref", "--short", "HEAD") or "main"
    org, repo = parts
    return {"url": f"https://github.com/{org}/{repo}", "org": org, "repo": repo, "branch": branch}


def setup_cell(repository: dict | None) -> str:
    """First cell of a downloaded or Colab notebook: find the book's code and data.

    Inside a checkout of the book (this folder or one above it holds `kzaz/` and
    `data/datapackage.json`) it uses that checkout's package and data, whichever copy
    is installed. Elsewhere it clones the repository when the book knows it (Colab), or
    says in one sentence what the notebook needs.
    """
    fetch = (
        f"""    checkout = pathlib.Path({json.dumps(repository["repo"])}).resolve()
    if not checkout.exists():
        subprocess.run(["git", "clone", "--depth=1", {json.dumps("--branch=" + repository["branch"])},
                        {json.dumps(repository["url"])}, str(checkout)], check=True)
    needs = tomllib.loads((checkout / "pyproject.toml").read_text())["project"]["dependencies"]
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", *needs], check=True)
"""
        if repository
        else """    raise SystemExit("This notebook is a chapter of the book 'Kazakhstan and Azerbaijan: cooperation in"
                     " data' and needs its repository (the kzaz package and data/): open it from the "
                     "chapters/ folder of a checkout, in the environment of its requirements.txt.")
"""
    )
    return f"""\
# This chapter needs the book's package (kzaz) and data (data/). In a checkout of the book
# (this folder or one above it), that checkout's own package and data are used.
# Elsewhere (Colab, a downloaded copy) the repository is fetched when the book knows it.
import importlib.util, pathlib, subprocess, sys, tomllib

here = pathlib.Path.cwd().resolve()
checkout = next((p for p in (here, *here.parents)
                 if (p / "kzaz" / "__init__.py").exists() and (p / "data" / "datapackage.json").exists()), None)
if checkout is None and importlib.util.find_spec("kzaz") is None:
{fetch}if checkout is not None and str(checkout) not in sys.path:
    sys.path.insert(0, str(checkout))
    for name in [m for m in sys.modules if m == "kzaz" or m.startswith("kzaz.")]:
        del sys.modules[name]  # a copy imported from elsewhere gives way to this checkout's
"""


def pages_url(repository: dict) -> str:
    """Where GitHub Pages serves the gh-pages branch of the repository."""
    host = f"{repository['org'].lower()}.github.io"
    return f"https://{host}/" if repository["repo"].lower() == host else f"https://{host}/{repository['repo']}/"


def _configure(app, config):
    """Turn on the theme's repository and launch buttons when the repository is known.

    The published address (`html.baseurl`, used in figure citations) defaults to the
    repository's GitHub Pages site, where `ghp-import` publishes the book.
    """
    repository = find_repository(Path(app.srcdir))
    config.kzaz_repository = repository
    if repository is None:
        return
    if not config.html_baseurl:
        config.html_baseurl = pages_url(repository)
    config.html_theme_options.update(
        {
            "repository_url": repository["url"],
            "repository_branch": repository["branch"],
            "path_to_docs": "",
            "use_repository_button": True,
            "launch_buttons": {"binderhub_url": BINDERHUB, "colab_url": COLAB},
        }
    )


def _is_notebook(app, pagename) -> bool:
    return "kernelspec" in app.builder.env.metadata.get(pagename, {})


def launch_urls(repository: dict, pagename: str, source_suffix: str = ".md") -> dict[str, str]:
    """Where the Binder and Colab buttons of a page lead."""
    org, repo, branch = repository["org"], repository["repo"], repository["branch"]
    urlpath = quote(f"notebooks/{pagename}{source_suffix}?factory=Notebook", safe="/")
    return {
        "Binder": f"{BINDERHUB}/v2/gh/{org}/{repo}/{branch}?urlpath={urlpath}",
        "Colab": f"{COLAB}/github/{org}/{repo}/blob/{PAGES_BRANCH}/{NOTEBOOK_DIR}/{pagename}.ipynb",
    }


def _point_launch_buttons(app, pagename, context):
    urls = launch_urls(app.config.kzaz_repository, pagename, context.get("page_source_suffix") or ".md")
    for group in context.get("header_buttons", []):
        if group.get("label") == "launch-buttons":
            for button in group["buttons"]:
                if button.get("text") in urls:
                    button["url"] = urls[button["text"]]


def _add_download_link(app, pagename, context):
    """A link to the chapter as a Jupyter notebook (.ipynb), at the end of the page (the top of
    a page is for its findings)."""
    href = context["pathto"](f"{NOTEBOOK_DIR}/{pagename}.ipynb", 1)
    where = (
        "it uses the checkout it is run in, and fetches the repository itself elsewhere"
        if app.config.kzaz_repository
        else "run it from the <code>chapters/</code> folder of a checkout of the repository, "
        "with its environment: see the README"
    )
    link = (
        f'<p class="kzaz-notebook-link"><a class="reference download" href="{href}" download>'
        f"Download this chapter as a Jupyter notebook</a> ({where}).</p>"
    )
    context["body"] = context.get("body", "") + link


def _on_page(app, pagename, templatename, context, doctree):
    if not _is_notebook(app, pagename):
        return
    if app.config.kzaz_repository:
        _point_launch_buttons(app, pagename, context)
    if pagename != app.config.root_doc:  # the landing page keeps its title clear
        _add_download_link(app, pagename, context)


def _note_read(app, env, docnames):
    app.kzaz_read = set(docnames)  # the pages this build reads (all of them if the config changed)


def _up_to_date(app, pagename: str, target: Path) -> bool:
    """A page this build did not read, whose notebook was written since this code last changed."""
    return (
        pagename not in getattr(app, "kzaz_read", set())
        and target.exists()
        and target.stat().st_mtime_ns >= Path(__file__).stat().st_mtime_ns
    )


def _write_notebooks(app, exception):
    """Each notebook page's source as .ipynb (no outputs: they come from running it)."""
    if exception is not None or app.builder.format != "html":
        return
    repository = app.config.kzaz_repository
    for pagename in sorted(app.builder.env.found_docs):
        target = Path(app.outdir) / NOTEBOOK_DIR / f"{pagename}.ipynb"
        if not _is_notebook(app, pagename) or _up_to_date(app, pagename, target):
            continue
        import jupytext  # here: a rebuild that read no page does not need it
        import nbformat

        nb = jupytext.read(Path(app.srcdir) / f"{pagename}.md")
        nb.cells.insert(0, nbformat.v4.new_code_cell(setup_cell(repository), metadata={"tags": ["setup"]}))
        for i, cell in enumerate(nb.cells):
            cell.id = f"cell-{i}"  # the same notebook from the same source, build after build
        target.parent.mkdir(parents=True, exist_ok=True)
        text = jupytext.writes(nb, fmt="ipynb") + "\n"  # as jupytext.write ends the file
        if not target.exists() or target.read_text(encoding="utf-8") != text:  # a rebuild writes no file
            target.write_text(text, encoding="utf-8")


def setup(app):
    app.add_config_value("kzaz_repository", None, "env")
    app.connect("config-inited", _configure)
    # After the theme has built its launch buttons (priority 501).
    app.connect("html-page-context", _on_page, priority=600)
    app.connect("env-before-read-docs", _note_read)
    app.connect("build-finished", _write_notebooks)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
