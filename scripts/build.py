"""Build the HTML book, re-running exactly the notebooks whose inputs changed.

    python scripts/build.py [--all] [-- extra jupyter-book arguments]

Jupyter Book's execution cache is keyed on a notebook's code cells only: a changed
data file or a changed helper in `kzaz/` would leave stale figures. Before building,
this script fingerprints each notebook's inputs (the data files it loads, found from
its `load("name")` calls, and the `kzaz` package) and, where a fingerprint changed,
drops that notebook's cache record and touches its source so Sphinx reads it again.
Then it runs `jupyter-book build` with warnings as errors.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "_build" / ".jupyter_cache"
STATE = ROOT / "_build" / "input-fingerprints.json"


def notebooks(root: Path = ROOT) -> list[Path]:
    """MyST-markdown notebooks of the book (files with a kernelspec)."""
    found = []
    for path in [root / "intro.md", *sorted((root / "chapters").glob("*.md"))]:
        if path.exists() and "kernelspec:" in path.read_text(encoding="utf-8")[:2000]:
            found.append(path)
    return found


def load_calls(code: str) -> tuple[set[str], bool]:
    """Names passed to `load(...)`, `kzaz.load(...)` or `data.load(...)` in some code,
    and whether any call passes something other than a literal name."""
    names, dynamic = set(), False
    for node in ast.walk(ast.parse(code)):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        is_load = (isinstance(f, ast.Name) and f.id == "load") or (
            isinstance(f, ast.Attribute) and f.attr == "load" and isinstance(f.value, ast.Name)
            and f.value.id in ("kzaz", "data"))
        if not is_load:
            continue
        arg = node.args[0] if node.args else None
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            names.add(arg.value)
        else:
            dynamic = True
    return names, dynamic


def package_modules_used(nb_code: str, root: Path = ROOT) -> set[str]:
    """kzaz modules a notebook uses, by name, with the modules they import in turn."""
    modules = {p.stem for p in (root / "kzaz").glob("*.py")} - {"__init__"}
    imports = {}
    for m in modules:
        code = (root / "kzaz" / f"{m}.py").read_text(encoding="utf-8")
        found = set(re.findall(r"from \.(\w+) import", code))
        for group in re.findall(r"from \. import ([\w, ]+)", code):
            found |= {x.strip() for x in group.split(",")}
        imports[m] = found & modules
    todo = [m for m in modules if re.search(rf"\b{m}\b", nb_code)]
    used = set()
    while todo:
        m = todo.pop()
        if m not in used:
            used.add(m)
            todo += imports[m]
    return used


def data_dependencies(nb: Path, root: Path = ROOT) -> list[Path]:
    """Data files a notebook reads through `load("name")`, directly or through the
    kzaz modules it uses (claims.assess reads the claims table; basemap the
    boundaries), plus the package file.

    A notebook that calls load() with anything but a literal name depends on
    every data file: better a needless re-run than a stale figure.
    """
    pkg = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    paths = {r["name"]: root / "data" / r["path"] for r in pkg["resources"]}
    import jupytext  # reads MyST notebooks the way Jupyter does (cell options stripped)

    cells = jupytext.read(nb)["cells"]
    nb_code = "\n".join(c["source"] for c in cells if c["cell_type"] == "code")
    names, dynamic = load_calls(nb_code)
    for module in package_modules_used(nb_code, root):
        code = (root / "kzaz" / f"{module}.py").read_text(encoding="utf-8")
        names |= load_calls(code)[0]  # package functions load what they are told to, or a literal name
        dynamic |= "READS_ALL_DATA = True" in code  # e.g. the catalogue reads every resource
    files = set(paths.values()) if dynamic else {paths[n] for n in names if n in paths}
    if "CITATION.cff" in nb_code:  # the how-to-cite page reads it
        files.add(root / "CITATION.cff")
    return sorted(files | {root / "data" / "datapackage.json"})


def fingerprint(nb: Path, root: Path = ROOT) -> str:
    h = hashlib.sha256()
    inputs = data_dependencies(nb, root) + sorted((root / "kzaz").glob("*.py"))
    for f in inputs:
        h.update(f.relative_to(root).as_posix().encode())
        h.update(f.read_bytes() if f.exists() else b"<missing>")
    return h.hexdigest()


def stale_notebooks(root: Path = ROOT, state_file: Path = STATE) -> list[Path]:
    # Outputs that only execution writes (cache, figure files, claim records): if any
    # is gone, every notebook must run again to remake it.
    build = state_file.parent
    if not all((build / d).exists() for d in (".jupyter_cache", "figures", "claims")):
        return notebooks(root)
    old = json.loads(state_file.read_text()) if state_file.exists() else {}
    return [nb for nb in notebooks(root) if old.get(nb.relative_to(root).as_posix()) != fingerprint(nb, root)]


def invalidate(stale: list[Path]) -> None:
    if stale and CACHE.exists():
        from jupyter_cache import get_cache

        cache = get_cache(CACHE)
        uris = {str(nb) for nb in stale}
        for record in cache.list_cache_records():
            if record.uri in uris:
                cache.remove_cache(record.pk)
    for nb in stale:
        os.utime(nb)  # Sphinx re-reads (and so re-executes) a source whose mtime changed
        print(f"inputs changed, will re-run: {nb.relative_to(ROOT)}")


def execute_in_parallel(stale: list[Path], timeout: int = 180) -> None:
    """Fill the execution cache for the stale notebooks on every core, before Sphinx
    reads them one after another. The build then finds their outputs in the cache;
    a notebook that fails here is left uncached, so the build runs it again and
    reports the error in its usual place."""
    if len(stale) < 2:
        return
    from jupyter_cache import get_cache
    from jupyter_cache.executors import load_executor

    cache = get_cache(CACHE)
    for nb in stale:
        # The same reader myst-nb uses, so the cached notebook matches the one the build parses.
        cache.add_nb_to_project(str(nb), read_data={"name": "myst_nb_md", "type": "plugin"})
    executor = load_executor("local-parallel", cache=cache)
    result = executor.run_and_cache(filter_uris=[str(nb) for nb in stale], timeout=timeout)  # runs in the notebook folder
    print(f"executed in parallel: {len(result.succeeded)} ok, {len(result.errored)} failed", flush=True)


def save_state(root: Path = ROOT, state_file: Path = STATE) -> None:
    """Record the inputs of every notebook as just built."""
    state_file.parent.mkdir(parents=True, exist_ok=True)
    state = {nb.relative_to(root).as_posix(): fingerprint(nb, root) for nb in notebooks(root)}
    state_file.write_text(json.dumps(state, indent=2) + "\n")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--all", action="store_true", help="re-read every page (cached outputs are reused)")
    ap.add_argument("--serial", action="store_true", help="let the build execute notebooks one by one")
    ap.add_argument("extra", nargs="*", help="more jupyter-book arguments")
    args = ap.parse_args(argv)
    stale = stale_notebooks()
    invalidate(stale)
    if not args.serial:
        execute_in_parallel(stale)
    cmd = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(ROOT), "--warningiserror", "--nitpick", "--keep-going"]
    if args.all:
        cmd.append("--all")
    cmd += args.extra
    print("$ " + " ".join(cmd), flush=True)
    rc = subprocess.call(cmd, cwd=ROOT)
    if rc == 0:
        save_state()
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
