"""Make JupyterLab open the book's MyST chapters as notebooks with one click.

The chapters are MyST Markdown notebooks (`chapters/*.md`). Jupytext can open them as
notebooks, but JupyterLab's default viewer for a `.md` file is its text editor, so a
Binder link to `chapters/diplomacy.md` would show source code. This writes JupyterLab's
settings overrides (`overrides.json`) so that Markdown files open with Jupytext's
notebook view, and so that JupyterLab does not offer to fetch news (the book works
offline). Used by `make lab` and by Binder's `postBuild`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

JUPYTEXT_NOTEBOOK = "Jupytext Notebook"  # the document factory jupyterlab-jupytext registers
NEWS_PLUGIN = "@jupyterlab/apputils-extension:notification"
OVERRIDES = {
    "@jupyterlab/docmanager-extension:plugin": {
        "defaultViewers": {"markdown": JUPYTEXT_NOTEBOOK, "myst": JUPYTEXT_NOTEBOOK},
    },
    # JupyterLab otherwise asks, over the chapter's outputs, whether to fetch news from the web.
    NEWS_PLUGIN: {"fetchNews": "false"},
}


def default_settings_dir() -> Path:
    """JupyterLab's application settings folder for this Python environment."""
    return Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings"


def write_overrides(settings_dir: Path) -> Path:
    """Merge the overrides into `settings_dir/overrides.json`, keeping any others there."""
    target = settings_dir / "overrides.json"
    current = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}
    for plugin, values in OVERRIDES.items():
        current.setdefault(plugin, {}).update(values)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(current, indent=2) + "\n", encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings-dir", type=Path, default=default_settings_dir())
    args = parser.parse_args(argv)
    print(f"JupyterLab opens MyST chapters as notebooks: {write_overrides(args.settings_dir)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
