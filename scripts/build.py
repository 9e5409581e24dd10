"""Build the HTML book, re-running exactly the notebooks whose inputs changed.

    python scripts/build.py [--all] [-- extra jupyter-book arguments]

Jupyter Book's execution cache is keyed on a notebook's code cells only: a changed
data file or a changed helper in `kzaz/` would leave stale figures. Before building,
this script fingerprints each notebook's inputs (the data files it loads, found from
its `load("name")` calls, and the `kzaz` package) and, where a fingerprint changed,
drops that notebook's cache record and touches its source so Sphinx reads it again.
Then it runs `jupyter-book build` with warnings as errors, started while the notebooks
run: Sphinx reads each page once its notebook is in the cache (class `Sphinx`).
"""

from __future__ import annotations

import argparse
import ast
import compileall
import contextlib
import hashlib
import json
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's package, whatever else is installed
CACHE = ROOT / "_build" / ".jupyter_cache"
STATE = ROOT / "_build" / "input-fingerprints.json"
REPORTS = ROOT / "_build" / "reports"
COMPUTED = ROOT / "_build" / "computed"
NOTES = ROOT / "_build" / "executed"  # one note per notebook run, for Sphinx (_ext/await_notebooks.py)


def notebooks(root: Path = ROOT) -> list[Path]:
    """The book's MyST-markdown notebooks: the pages of its table of contents that have a
    kernelspec (a page left out of the contents is not built, so it is not run)."""
    found = []
    for page in toc_pages(root):
        path = root / f"{page}.md"
        if path.exists() and "kernelspec:" in path.read_text(encoding="utf-8")[:2000]:
            found.append(path)
    return sorted(found)


def toc_pages(root: Path = ROOT) -> list[str]:
    """Every `root:` and `file:` of `_toc.yml`, as written (without a suffix)."""
    import yaml

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("root", "file") and isinstance(value, str):
                    yield re.sub(r"\.(md|ipynb)$", "", value)
                else:
                    yield from walk(value)
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)

    return list(dict.fromkeys(walk(yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8")))))


def load_calls(code: str) -> tuple[set[str], bool]:
    """Names passed to `load(...)`, `kzaz.load(...)` or `data.load(...)` in some code,
    and whether any call passes something other than a literal name."""
    found = analysed(code)
    return set(found["loads"]), found["dynamic_load"]


ANALYSIS = "code-analysis.json"  # in _build: each file's analysis, by its content, kept between builds
_ANALYSED: dict[str, dict] = {}  # this process's: loaded once, written by save_state


def analysed(code: str, root: Path = ROOT) -> dict:
    """What the build needs to know of some code, from one parse: its imports, whether it
    imports by a computed name, and its `load()` calls. Unchanged code is not parsed again."""
    if not _ANALYSED:
        try:
            _ANALYSED.update(json.loads((root / "_build" / ANALYSIS).read_text()))
        except (OSError, ValueError):
            _ANALYSED["-"] = {}  # nothing kept: mark as loaded
    digest = hashlib.sha1(code.encode()).hexdigest()
    if digest not in _ANALYSED:
        _ANALYSED[digest] = _analyse(code)
    found = _ANALYSED[digest]
    found["used"] = True
    return found


def _analyse(code: str) -> dict:
    imports: list = []
    by_name, loads, dynamic = False, set(), False
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            imports.append([None, [a.name for a in node.names]])
        elif isinstance(node, ast.ImportFrom):
            imports.append([[node.level, node.module or ""], [a.name for a in node.names]])
        elif isinstance(node, ast.Attribute) and node.attr == "import_module":
            by_name = True
        elif isinstance(node, ast.Call) and _is_load(node.func):
            arg = node.args[0] if node.args else None
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                loads.add(arg.value)
            else:
                dynamic = True
    return {"imports": imports, "import_module": by_name, "loads": sorted(loads), "dynamic_load": dynamic}


def _is_load(f: ast.expr) -> bool:
    if isinstance(f, ast.Name):
        return f.id == "load"
    return isinstance(f, ast.Attribute) and f.attr == "load" and getattr(f.value, "id", None) in ("kzaz", "data")


def save_analysis(root: Path = ROOT) -> None:
    kept = {k: {f: v for f, v in a.items() if f != "used"} for k, a in _ANALYSED.items() if a.get("used")}
    path = root / "_build" / ANALYSIS
    text = json.dumps(kept, sort_keys=True)
    if not path.exists() or path.read_text() != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


PACKAGE = "kzaz"


def package_modules(root: Path = ROOT) -> dict[str, Path]:
    """Every module of the book's package by dotted name (a package by its __init__.py)."""
    out = {}
    for f in sorted((root / PACKAGE).rglob("*.py")):
        parts = list(f.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = f
    return out


def imported_modules(code: str, modules: dict[str, Path], here: str | None = None) -> set[str]:
    """The package's modules a piece of code imports (`here`: its own module, for relative imports).

    Importing a.b.c runs a and a.b too; a module that imports by a computed name
    (importlib.import_module) is taken to use every module below it.
    """
    found: set[str] = set()
    package = None
    if here is not None:
        package = here if modules[here].name == "__init__.py" else here.rpartition(".")[0]
    code_facts = analysed(code)
    if code_facts["import_module"] and here is not None:
        found |= {m for m in modules if m.startswith(here + ".")}
    for source, imported in code_facts["imports"]:
        if source is None:  # import a.b
            names = imported
        else:  # from a import b (level: how many packages up, for a relative import)
            level, base = source
            if level and package is not None:
                up = package.split(".")
                up = up[: len(up) - level + 1]
                base = ".".join(up + ([base] if base else []))
            names = [base] + [f"{base}.{a}" for a in imported]
        for name in names:
            while name:
                if name in modules:
                    found.add(name)
                name = name.rpartition(".")[0]
    return found


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    """Each package module and the package modules it imports (read once per build)."""
    modules = package_modules(root)
    key = tuple((m, f.stat().st_mtime_ns) for m, f in modules.items())
    if _GRAPH.get(root, (None,))[0] != key:
        graph = {m: imported_modules(f.read_text(encoding="utf-8"), modules, here=m) for m, f in modules.items()}
        _GRAPH[root] = (key, graph)
    return _GRAPH[root][1]


_GRAPH: dict[Path, tuple] = {}


def package_modules_used(nb_code: str, root: Path = ROOT) -> set[str]:
    """The package's modules a notebook uses, with the modules they import in turn."""
    graph = import_graph(root)
    todo = list(imported_modules(nb_code, package_modules(root)))
    used: set[str] = set()
    while todo:
        m = todo.pop()
        if m not in used:
            used.add(m)
            todo += graph[m]
    return used


def data_dependencies(nb: Path, root: Path = ROOT) -> list[Path]:
    """Data files a notebook reads through `load("name")`, directly or through the
    package modules it uses (claims read the claims table; basemap the boundaries),
    plus the package file.

    A notebook or module that calls load() with anything but a literal name depends
    on every data file: better a needless re-run than a stale figure.
    """
    from kzaz.data import read_package  # names the file, line and column of a broken package

    pkg = read_package(root / "data" / "datapackage.json")
    paths = {r["name"]: root / "data" / r["path"] for r in pkg["resources"]}
    nb_code = notebook_code(nb)
    names, dynamic = load_calls(nb_code)
    modules = package_modules(root)
    for module in package_modules_used(nb_code, root):
        code = modules[module].read_text(encoding="utf-8")
        names |= load_calls(code)[0]  # package functions load what they are told to, or a literal name
        dynamic |= "READS_ALL_DATA = True" in code  # e.g. the catalogue reads every resource
    files = set(paths.values()) if dynamic else {paths[n] for n in names if n in paths}
    if "CITATION.cff" in nb_code:  # the how-to-cite page reads it
        files.add(root / "CITATION.cff")
    return sorted(files | {root / "data" / "datapackage.json"})


CODE_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(.*?)^```", re.M | re.S)
CELL_OPTIONS = re.compile(r"\A(?:---\n.*?\n---\n|(?::[\w-]+:[^\n]*\n)+)", re.S)


def notebook_code(nb: Path) -> str:
    """The code of a MyST notebook's cells, without their options (`:tags:` or a YAML block).

    Read with a pattern rather than jupytext: this runs for every notebook at every build,
    and importing jupytext costs half a second."""
    text = nb.read_text(encoding="utf-8")
    return "\n".join(CELL_OPTIONS.sub("", m.group(1)).rstrip("\n") for m in CODE_CELL.finditer(text))


def fingerprint(nb: Path, root: Path = ROOT) -> str:
    """The inputs of one notebook's execution: its data files and the package modules it uses."""
    h = hashlib.sha256()
    modules = package_modules(root)
    used = sorted(modules[m] for m in package_modules_used(notebook_code(nb), root))
    for f in data_dependencies(nb, root) + used:
        h.update(f.relative_to(root).as_posix().encode())
        h.update(f.read_bytes() if f.exists() else b"<missing>")
    return h.hexdigest()


def stale_notebooks(root: Path = ROOT, state_file: Path = STATE) -> list[Path]:
    # Without the execution cache every notebook must run again.
    build = state_file.parent
    if not (build / ".jupyter_cache").exists():
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
                try:
                    cache.remove_cache(record.pk)
                except KeyError:
                    # A record whose notebook is gone (a build killed mid-write): the cache cannot be
                    # trusted, so it goes, and every notebook runs again.
                    print(f"execution cache damaged ({record.uri}): cleared, every chapter runs again")
                    shutil.rmtree(CACHE)
                    break
    for nb in stale:
        os.utime(nb)  # Sphinx re-reads (and so re-executes) a source whose mtime changed
        print(f"inputs changed, will re-run: {nb.relative_to(ROOT)}")


def execute(queue: list[Path], timeout: int = 180, workers: int = 2, ran=lambda nb, ok: None) -> dict[Path, str]:
    """Run the stale notebooks into the execution cache, on every core, before Sphinx reads
    them (it then only takes their outputs from the cache). Returns what failed: for each
    failing notebook, the cell's exception (a data error names file, row and field).
    `ran(nb, ok)` is called as each one ends.

    They start in the order of `queue` (`longest_first`), each worker taking the next
    notebook when it is free: the build ends when its longest queue does."""
    if not queue:
        return {}
    from concurrent.futures import ProcessPoolExecutor, as_completed

    with warm_kernels() as kernels_ready:  # the server imports its libraries while the cache is prepared
        from jupyter_cache import get_cache

        cache = get_cache(CACHE)
        for nb in queue:
            # The same reader myst-nb uses, so the cached notebook matches the one the build parses.
            cache.add_nb_to_project(str(nb), read_data={"name": "myst_nb_md", "type": "plugin"})
        workers = min(workers, len(queue))
        kernels_ready()
        if workers > 1:
            with ProcessPoolExecutor(workers) as pool:
                futures = [pool.submit(_run_one, str(nb), timeout) for nb in queue]
                for future in as_completed(futures):
                    ran(Path(future.result()[0]), future.result()[1])
                runs = [future.result() for future in futures]
        else:
            runs = []
            for nb in queue:
                runs.append(_run_one(str(nb), timeout))
                ran(nb, runs[-1][1])
    failed = {
        Path(uri): cache.get_project_record(uri).traceback or "failed before running" for uri, ok in runs if not ok
    }
    for nb, tb in failed.items():
        log = REPORTS / f"{nb.relative_to(ROOT).as_posix().replace('/', '__')}.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(ANSI.sub("", tb), encoding="utf-8")
    print(
        f"executed {len(queue)} notebook(s) on {workers} core(s): {len(runs) - len(failed)} ok, {len(failed)} failed",
        flush=True,
    )
    return {nb: failure_reason(tb) for nb, tb in failed.items()}


@contextlib.contextmanager
def warm_kernels():
    """While the notebooks run, their kernels fork from a server that has imported the book's
    libraries (scripts/warm_kernels.py): the build's own kernelspec, in JUPYTER_PATH for the
    build's processes only. If the server does not start, kernels start cold, as before.
    Yields the function to call before the first kernel starts (the server starts at once)."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="kzaz-kernels-"))  # a short path: a socket's is limited
    address = folder / "server.sock"
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "warm_kernels.py"), "serve", str(address), str(folder)],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its kernels with it, so that one signal ends them all
    )
    saved = {name: os.environ.get(name) for name in ("JUPYTER_PATH", "KZAZ_KERNEL_SERVER")}

    def ready() -> None:
        """Wait for the server, and name it to the kernels started from now on."""
        if server.stdout.readline().strip() == "ready":
            os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(folder), saved["JUPYTER_PATH"]) if p)
            os.environ["KZAZ_KERNEL_SERVER"] = str(address)
        else:
            print("the kernel server did not start: kernels start cold", flush=True)

    try:
        yield ready
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        try:
            os.killpg(server.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        server.wait()
        shutil.rmtree(folder, ignore_errors=True)


MEASURED = ROOT / "bench" / "results.json"


def longest_first(stale: list[Path], root: Path = ROOT) -> list[Path]:
    """The order the notebooks run in: the chapters before the pages that quote every chapter
    (they read the chapters' results, kzaz/computed.py), and each group by its last measured
    execution time, longest first (unmeasured ones first)."""
    try:
        seconds = json.loads((root / MEASURED.relative_to(ROOT)).read_text())["notebook_execution_seconds"]
    except (OSError, ValueError, KeyError):
        seconds = {}

    def order(nb: Path):
        quotes_all = "kzaz.book" in package_modules_used(notebook_code(nb), root)
        return quotes_all, -seconds.get(nb.relative_to(root).as_posix(), float("inf"))

    return sorted(stale, key=order)


def _run_one(uri: str, timeout: int) -> tuple[str, bool]:
    """Execute one notebook into the cache (a worker's job): its uri, and whether it ran."""
    from jupyter_cache import get_cache
    from jupyter_cache.executors import load_executor

    quiet = logging.getLogger("kzaz.build.execute")  # tracebacks go to _build/reports, not the screen
    quiet.setLevel(logging.CRITICAL)
    cache = get_cache(CACHE)
    executor = load_executor("local-serial", cache=cache, logger=quiet)
    result = executor.run_and_cache(filter_uris=[uri], timeout=timeout)  # in the notebook's folder
    if not result.succeeded and PORT_TAKEN in (cache.get_project_record(uri).traceback or ""):
        # jupyter_client picks a kernel's ports free, then the kernel binds them: between the two,
        # the other worker's kernel can take one. Not the notebook's fault: once more.
        result = executor.run_and_cache(filter_uris=[uri], timeout=timeout)
    return uri, bool(result.succeeded)


PORT_TAKEN = "ZMQError: Address already in use"


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def failure_reason(traceback: str) -> str:
    """The part of a notebook's traceback a reader needs: the error and the cell it came from.

    A DataError keeps every problem line (file, row, field); other errors keep their last line.
    """
    text = ANSI.sub("", traceback)
    lines = [line.rstrip() for line in text.splitlines()]
    cell = re.search(r"executing the following cell:\n-+\n(.*?)\n-+\n", text, flags=re.S)
    where = f"\n    in the cell that starts: {cell.group(1).strip().splitlines()[0][:100]}" if cell else ""
    m = re.search(r"^(\w*DataError): (\d+ data problem.*?)(?=^\S|\Z)", text, flags=re.M | re.S)
    if m:
        return f"{m.group(1)}: " + m.group(2).strip() + where
    errors = [line for line in lines if re.match(r"^\w+(Error|Exception|Exit|Interrupt)\b.*", line)]
    return (errors[-1] if errors else (lines[-1] if lines else "no traceback recorded")) + where


def report_failures(failures: dict[Path, str]) -> None:
    """The summary a failing build ends with: every failing notebook and why, printed once."""
    print("\n" + "=" * 72)
    print(f"BUILD FAILED: {len(failures)} notebook(s) could not run")
    for nb, why in sorted(failures.items()):
        print(
            f"\n* {nb.relative_to(ROOT)}  (full traceback: {REPORTS.relative_to(ROOT)}/"
            f"{nb.relative_to(ROOT).as_posix().replace('/', '__')}.log)"
        )
        print("  " + why.replace("\n", "\n  "))
    print("=" * 72)


def save_state(root: Path = ROOT, state_file: Path = STATE) -> None:
    """Record the inputs of every notebook as just built."""
    state_file.parent.mkdir(parents=True, exist_ok=True)
    state = {nb.relative_to(root).as_posix(): fingerprint(nb, root) for nb in notebooks(root)}
    state_file.write_text(json.dumps(state, indent=2) + "\n")
    save_analysis(root)


SITE_STATE = ROOT / "_build" / "site-inputs.sha256"
NOT_INPUTS = {"_build", ".git", ".venv", "venv", "__pycache__", ".ipynb_checkpoints", ".pytest_cache", ".ruff_cache"}


def site_inputs(root: Path = ROOT) -> str:
    """A fingerprint of everything the site is built from: every file of the book but its build
    (pages, configuration, extensions, styles, data, package, scripts), this Python and the
    packages installed in it (their folders' names carry their versions)."""
    import sysconfig

    h = hashlib.sha256(sys.version.encode())
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in NOT_INPUTS)
        for name in sorted(files):
            f = Path(folder, name)
            if f.suffix != ".pyc":
                h.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes())
    for where in sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}):
        h.update("\n".join(sorted(os.listdir(where))).encode())
    return h.hexdigest()


def site_is_current(inputs: str, root: Path = ROOT) -> bool:
    """The last build succeeded from these same inputs, and its pages are all there: Sphinx
    would find nothing to do, so it is not started (what `make` does with a current target)."""
    state = root / SITE_STATE.relative_to(ROOT)
    html = root / "_build" / "html"
    if not state.exists() or state.read_text().strip() != inputs:
        return False
    return all((html / f"{page}.html").exists() for page in toc_pages(root)) and (html / "index.html").exists()


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--all", action="store_true", help="re-read every page (cached outputs are reused)")
    ap.add_argument("--serial", action="store_true", help="use one core: notebooks one by one, pages read one by one")
    ap.add_argument("extra", nargs="*", help="more jupyter-book arguments")
    args = ap.parse_args(argv)
    quiet_kernels()
    if sys.flags.dont_write_bytecode:  # (PYTHONDONTWRITEBYTECODE) each kernel would compile the package again
        compileall.compile_dir(ROOT / PACKAGE, quiet=1)
        compileall.compile_dir(ROOT / "_ext", quiet=1)
    from kzaz.computed import COMPUTED_DIR
    from kzaz.data import PASSED_DIR, DataError

    os.environ[PASSED_DIR] = str(ROOT / "_build" / "validated")  # each table is checked once per content
    shutil.rmtree(COMPUTED, ignore_errors=True)  # results of this build only (they are keyed, but would pile up)
    os.environ[COMPUTED_DIR] = str(COMPUTED)  # a chapter's facts and verdicts, computed once for every page

    try:
        stale = stale_notebooks()
    except DataError as err:  # a broken data package: name the file, line and column, nothing else
        print(f"\nBUILD FAILED: {err}")
        return 1
    site = site_inputs()
    if not (stale or args.all or args.extra) and site_is_current(site):
        print("nothing changed since the last build: _build/html is current")
        return 0
    invalidate(stale)
    cmd = [
        sys.executable,
        str(ROOT / "scripts" / "jupyter_book_jobs.py"),  # `jupyter-book`, with Sphinx reading on every core
        "1" if args.serial else "2",
        "build",
        str(ROOT),
        "--warningiserror",
        "--nitpick",
        "--keep-going",
    ]
    if args.all:
        cmd.append("--all")
    cmd += args.extra
    queue = longest_first(stale)
    if args.serial:  # one core: Sphinx after the notebooks
        failures = execute(queue, workers=1)
        sphinx = None if failures else Sphinx(cmd, awaited=[])
    else:  # Sphinx starts up and reads each page as its notebook ends (_ext/await_notebooks.py)
        sphinx = Sphinx(cmd, awaited=queue)
        try:
            failures = execute(queue, workers=2, ran=sphinx.ran)
        except BaseException:
            sphinx.stop()
            raise
    if failures:
        if sphinx is not None:
            sphinx.stop()
        report_failures(failures)
        return 1
    rc, warnings = sphinx.finish()
    if rc == 0:
        save_state()
        SITE_STATE.write_text(site + "\n")  # as read when this build began
    else:
        SITE_STATE.unlink(missing_ok=True)
        report_warnings(warnings)
    return rc


class Sphinx:
    """The `jupyter-book build` run, started before or while the notebooks run.

    Pages in `awaited` (their notebooks, in the order they run) are read as each one's
    notebook ends: `ran` leaves the note `_ext/await_notebooks.py` waits for. Its output is
    held back until `finish`, so a build reads as before: the notebooks, then Sphinx."""

    NICE = 10  # behind the notebooks, which it waits for: it takes the cores only when they are idle

    def __init__(self, cmd: list[str], awaited: list[Path]):
        import threading

        from _ext import await_notebooks

        self.notes = NOTES
        shutil.rmtree(self.notes, ignore_errors=True)
        self.notes.mkdir(parents=True)
        self.note = await_notebooks.note
        pages = [nb.relative_to(ROOT).with_suffix("").as_posix() for nb in awaited]
        env = dict(os.environ, **{await_notebooks.AWAITED: json.dumps(pages)})
        env.update({await_notebooks.FOLDER: str(self.notes), await_notebooks.BUILD_PID: str(os.getpid())})
        self.cmd = cmd
        self.proc = subprocess.Popen(
            cmd,
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
            start_new_session=True,  # its parallel readers and writers with it, for `stop`
            preexec_fn=(lambda: os.nice(self.NICE)) if awaited else None,
        )
        self.lines: list[str] = []
        self.shown = False
        self.lock = threading.Lock()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            with self.lock:
                self.lines.append(line)
                if self.shown:
                    sys.stdout.write(line)
                    sys.stdout.flush()

    def ran(self, nb: Path, ok: bool) -> None:
        self.note(self.notes, nb.relative_to(ROOT).with_suffix("").as_posix(), ok).touch()

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def finish(self) -> tuple[int, list[str]]:
        """Show its output (what it has printed, then the rest as it comes) and wait for it:
        its return code, and its warnings and errors."""
        print("$ " + " ".join(self.cmd), flush=True)
        with self.lock:
            self.shown = True
            sys.stdout.write("".join(self.lines))
        rc = self.proc.wait()
        self.reader.join()
        warnings: list[str] = []
        for line in self.lines:
            plain = ANSI.sub("", line).strip()
            if re.search(r"\b(WARNING|ERROR|CRITICAL)\b", plain) and plain not in warnings:
                warnings.append(plain)
        return rc, warnings


def quiet_kernels() -> None:
    """Kernels the build starts read their IPython settings from the build folder: no user
    startup files, and no start-up notice a reader cannot act on (the TCP transport notice
    of a kernel on this machine's loopback)."""
    profile = ROOT / "_build" / "ipython" / "profile_default"
    profile.mkdir(parents=True, exist_ok=True)
    config = profile / "ipython_kernel_config.py"
    text = 'c.IPKernelApp.log_level = "ERROR"\n'
    if not config.exists() or config.read_text() != text:
        config.write_text(text)
    os.environ["IPYTHONDIR"] = str(profile.parent)


def report_warnings(warnings: list[str]) -> None:
    print("\n" + "=" * 72)
    print(f"BUILD FAILED: {len(warnings)} warning(s) or error(s) from the book build (warnings are errors here)")
    for w in warnings:
        print(f"* {w.replace(str(ROOT) + '/', '')}")
    print("=" * 72)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
