"""Load the book's data, validated against `data/datapackage.json`.

Every table the notebooks read goes through `load(name)`. The Data Package declares
each resource's path, fields, types, units, constraints, primary and foreign keys and
sources. Validation is the standard library's (`frictionless`, the reference
implementation of Table Schema, so `frictionless validate data/datapackage.json` gives
the same verdict), plus the stricter forms a CSV here must keep (`strict_problems`): a
file that breaks its declaration stops the notebook, and so the build, with an error
naming the file, the row and the field.

Rows are numbered as a spreadsheet shows them: the header is row 1, the first record
row 2. Dates known only to the month or year are strings with a pattern and the
book's own `partialDate` property (a calendar date must exist; an optional range).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from . import paths

MAX_LISTED = 20  # problems listed in one error before "... and N more"
LOADED: set[str] = set()  # resources loaded in this kernel, for kzaz.bib.cite_data()

# The written forms each type accepts here: Table Schema's, without the ones a data file
# should not hold (NaN, infinities, digit separators, surrounding spaces, dates that are
# not YYYY-MM-DD).
STRICT = {
    "number": re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?"),
    "integer": re.compile(r"[+-]?\d+"),
    "year": re.compile(r"\d{4}"),
    "date": re.compile(r"\d{4}-\d{2}-\d{2}"),
}
PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class DataError(ValueError):
    """A data file does not match its declaration in datapackage.json."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        shown = problems[:MAX_LISTED]
        more = len(problems) - len(shown)
        text = "\n  ".join(shown) + (f"\n  ... and {more} more" if more else "")
        super().__init__(f"{len(problems)} data problem(s):\n  {text}")


@dataclass(frozen=True)
class Resource:
    name: str
    path: Path
    spec: dict
    package_path: Path

    @property
    def rel(self) -> str:
        return f"data/{self.spec['path']}"


def message(file: str, row, field: str, text: str) -> str:
    """The one way a data problem is reported: file, spreadsheet row (or '-'), field."""
    return f"{file}, row {row}, field '{field}': {text}"


def problem(name: str, row, field: str, text: str, package_path: Path | None = None) -> str:
    """A problem found by a chapter's cross-table check, in the loader's format."""
    return message(resource(name, package_path).rel, row, field, text)


def fail(name: str, row, field: str, text: str) -> None:
    raise DataError([problem(name, row, field, text)])


def read_package(package_path: Path | None = None) -> dict:
    package_path = Path(package_path or paths.DATAPACKAGE)
    return _read_package(package_path, package_path.stat().st_mtime_ns if package_path.exists() else 0)


@lru_cache(maxsize=4)
def _read_package(package_path: Path, _mtime: int) -> dict:
    rel = _display(package_path)
    try:
        return json.loads(package_path.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise DataError([f"{rel}: the data package is missing"]) from err
    except json.JSONDecodeError as err:
        raise DataError([f"{rel}, line {err.lineno}, column {err.colno}: not valid JSON ({err.msg})"]) from err


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(paths.ROOT).as_posix()
    except ValueError:
        return f"{path.parent.name}/{path.name}"


def resource(name: str, package_path: Path | None = None) -> Resource:
    package_path = Path(package_path or paths.DATAPACKAGE)
    pkg = read_package(package_path)
    for spec in pkg.get("resources", []):
        if spec.get("name") == name:
            return Resource(name, package_path.parent / spec["path"], spec, package_path)
    known = ", ".join(sorted(r.get("name", "?") for r in pkg.get("resources", [])))
    raise DataError([f"resource '{name}' is not described in {package_path.name} (known: {known})"])


def load(name: str, package_path: Path | None = None):
    """Read resource `name`, check it against its schema, return typed data.

    CSV resources come back as a pandas DataFrame, GeoJSON resources as a
    GeoDataFrame in EPSG:4326.
    """
    res = resource(name, package_path)
    if not res.path.exists():
        raise DataError([f"{res.rel}: file is missing (declared as resource '{name}')"])
    fmt = res.spec.get("format", "csv")
    if fmt == "csv":
        table = _load_csv(res)
    elif fmt == "geojson":
        table = _load_geojson(res)
    else:
        raise DataError([f"{res.rel}: unsupported format '{fmt}'"])
    LOADED.add(name)
    return table


def sources(name: str, package_path: Path | None = None) -> list[dict]:
    """The `sources` list of a resource (title, publisher, path/URL, dates)."""
    return resource(name, package_path).spec.get("sources", [])


def licences(names: list[str]) -> str:
    """The licences of the named resources, each named once: 'CC BY 4.0; ODbL 1.0'."""
    out = []
    for name in names:
        for lic in resource(name).spec.get("licenses", []):
            text = lic.get("title") or lic["name"]
            if text not in out:
                out.append(text)
    return "; ".join(out)


def undescribed_files(package_path: Path | None = None) -> list[str]:
    """Data files present in data/ but not declared in the package."""
    package_path = Path(package_path or paths.DATAPACKAGE)
    pkg = read_package(package_path)
    declared = {r["path"] for r in pkg.get("resources", [])}
    found = []
    for f in sorted(package_path.parent.rglob("*")):
        rel = f.relative_to(package_path.parent).as_posix()
        if f.is_file() and f.suffix in {".csv", ".geojson", ".json"} and f != package_path and rel not in declared:
            found.append(rel)
    return found


# --------------------------------------------------------------------------- CSV


def _load_csv(res: Resource):
    import pandas as pd  # here, not at import: the build's extensions read the package without pandas

    key = _content_key(res)
    frame = _FRAMES.get(key)
    if frame is None:
        if not _passed(key):
            problems = validate(res)
            if problems:
                raise DataError(problems)
            _record_pass(key)
        # Everything as text first: the types are the declared ones, not pandas' guesses.
        raw = pd.read_csv(res.path, dtype=str, keep_default_na=False, na_values=[], encoding="utf-8")
        frame = pd.DataFrame({f["name"]: _typed(raw[f["name"]], f) for f in res.spec["schema"]["fields"]})
        _FRAMES[key] = frame
    return frame.copy()  # a caller may change its table; the next one gets the file's


# A table is checked once for its content: a chapter loads one table several times, and a build
# runs a dozen notebooks over the same files. The key is everything validation reads: the file,
# its declaration, the tables its foreign keys point to, and this module's own code.
_FRAMES: dict[str, object] = {}
PASSED_DIR = "KZAZ_VALIDATED_DIR"  # set by scripts/build.py: passes are shared by the build's kernels


@lru_cache(maxsize=1)
def _loader_code() -> bytes:
    return Path(__file__).read_bytes()


def _content_key(res: Resource) -> str:
    h = hashlib.sha256(_loader_code())  # read once per kernel, not at every load
    names = [res.name] + [
        fk["reference"].get("resource") or res.name for fk in res.spec["schema"].get("foreignKeys", [])
    ]
    for name in dict.fromkeys(names):
        other = res if name == res.name else resource(name, res.package_path)
        h.update(json.dumps(other.spec, sort_keys=True).encode())
        h.update(other.path.read_bytes() if other.path.exists() else b"<missing>")
    return h.hexdigest()


def _passed(key: str) -> bool:
    folder = os.environ.get(PASSED_DIR)
    return bool(folder) and (Path(folder) / key).exists()


def _record_pass(key: str) -> None:
    folder = os.environ.get(PASSED_DIR)
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        (Path(folder) / key).touch()


def header_problems(res: Resource) -> list[str]:
    """Columns missing from the file or not declared, by name (frictionless matches by position)."""
    import csv

    try:
        with open(res.path, encoding="utf-8", newline="") as f:
            header = next(csv.reader(f), [])
    except UnicodeDecodeError as err:
        return [f"{res.rel}: not UTF-8 text (byte {err.start}: {err.reason})"]
    declared = [f["name"] for f in res.spec["schema"]["fields"]]
    problems = [
        f"{res.rel}: column '{c}' is missing (declared in datapackage.json)" for c in declared if c not in header
    ]
    problems += [f"{res.rel}: column '{c}' is not declared in datapackage.json" for c in header if c not in declared]
    return problems


def validate(res: Resource) -> list[str]:
    """Every problem of one CSV resource: its header, Table Schema's checks (frictionless), then
    the strict forms."""
    problems = header_problems(res)
    if problems:
        return problems
    # The strict forms first: frictionless would call "NaN" a number below the minimum.
    problems = strict_problems(res)
    flagged = {p.split(": ", 1)[0] for p in problems}
    mtime = res.package_path.stat().st_mtime_ns
    report = _frictionless_package(res.package_path, mtime).get_resource(res.name).validate()
    for task in report.tasks:
        for err in task.errors:
            text = _describe(res, err)
            if text and text not in problems and text.split(": ", 1)[0] not in flagged:
                problems.append(text)
    for err in report.errors:
        problems.append(f"{_display(res.package_path)}: {err.message}")
    return problems


@lru_cache(maxsize=4)
def _frictionless_package(package_path: Path, _mtime: int):
    import frictionless

    return frictionless.Package(_read_package(package_path, _mtime), basepath=str(package_path.parent))


def _describe(res: Resource, err) -> str | None:
    """A frictionless error in the book's words: file, row, field, what is wrong."""
    kind, rel = err.type, res.rel
    row, field, cell = getattr(err, "row_number", None), getattr(err, "field_name", None), getattr(err, "cell", None)
    key = res.spec["schema"].get("primaryKey")
    key = [key] if isinstance(key, str) else (key or [])
    if kind == "missing-label":
        return f"{rel}: column '{err.field_name}' is missing (declared in datapackage.json)"
    if kind == "extra-label":
        return f"{rel}: column '{err.label}' is not declared in datapackage.json"
    if kind in ("incorrect-label", "blank-label", "duplicate-label"):
        return f"{rel}: header column {err.field_number} is '{err.label}', not what datapackage.json declares"
    if kind == "extra-cell":
        return f"{rel}, row {row}: has more cells than the header has columns (a comma inside an unquoted value?)"
    if kind == "missing-cell":
        return f"{rel}, row {row}, field '{field}': the row ends before this column"
    if kind == "unique-error" and field in key and len(key) == 1:
        return None  # reported once, as the primary key below
    if kind == "primary-key":
        shown = ", ".join(key)
        first = re.search(r"position (\d+)", err.note)
        where = f"already used in row {first.group(1)}" if first else err.note
        return message(rel, row, "+".join(key), f"duplicate primary key ({shown}) {where}")
    if kind == "unique-error":
        first = re.search(r"position (\d+)", err.note)
        return message(rel, row, field, f"'{cell}' repeats row {first.group(1) if first else '?'} but must be unique")
    if kind == "foreign-key":
        values = ", ".join(map(str, err.field_cells))
        return message(
            rel,
            row,
            "+".join(err.field_names),
            f"'{values}' is not a key of the table it refers to (resource '{err.reference_name}', "
            f"field '{'+'.join(err.reference_field_names)}')",
        )
    if kind == "type-error":
        ftype = next(f.get("type", "string") for f in res.spec["schema"]["fields"] if f["name"] == field)
        return message(rel, row, field, f"'{cell}' is not a valid {ftype}")
    if kind == "constraint-error":
        return message(rel, row, field, _constraint(res, field, cell, err.note))
    note = f": {err.note}" if getattr(err, "note", "") else ""
    return message(rel, row if row is not None else "-", field or "-", f"{err.title}{note}")


def _constraint(res: Resource, field: str, cell, note: str) -> str:
    cons = next(f.get("constraints", {}) for f in res.spec["schema"]["fields"] if f["name"] == field)
    if '"required"' in note:
        return "value is required but empty"
    if '"minimum"' in note:
        return f"{cell} is below the minimum {cons['minimum']}"
    if '"maximum"' in note:
        return f"{cell} is above the maximum {cons['maximum']}"
    if '"enum"' in note:
        return f"'{cell}' is not one of {cons['enum']}"
    if '"pattern"' in note:
        return f"'{cell}' does not match pattern {cons['pattern']}"
    return f"'{cell}': {note}"


def strict_problems(res: Resource) -> list[str]:
    """Forms Table Schema admits but a data file here must not hold, and partial dates.

    Checked on the raw text (rows that do not parse as CSV are frictionless's to report).
    """
    import pandas as pd

    try:
        raw = pd.read_csv(res.path, dtype=str, keep_default_na=False, na_values=[], encoding="utf-8")
    except (pd.errors.ParserError, UnicodeDecodeError):
        return []
    problems = []
    for f in res.spec["schema"]["fields"]:
        ftype, name = f.get("type", "string"), f["name"]
        form = STRICT.get(ftype)
        for i, text in enumerate(raw[name]):
            if text == "":
                continue
            if text != text.strip():
                problems.append(message(res.rel, i + 2, name, f"'{text}' has spaces around the value"))
            elif form is not None and not form.fullmatch(text):
                problems.append(
                    message(
                        res.rel,
                        i + 2,
                        name,
                        f"'{text}' is not a valid {ftype}"
                        + (
                            " (write dates as YYYY-MM-DD)"
                            if ftype == "date"
                            else " (no NaN, infinities or digit separators)"
                        ),
                    )
                )
            elif "partialDate" in f:
                bad = partial_date_problem(text, f["partialDate"])
                if bad:
                    problems.append(message(res.rel, i + 2, name, bad))
    return problems


def partial_date_problem(text: str, rule) -> str | None:
    """Why a YYYY / YYYY-MM / YYYY-MM-DD text is not a valid partial date, or None."""
    if not PARTIAL_DATE.fullmatch(text):
        return f"'{text}' is not a valid partial date (YYYY, YYYY-MM or YYYY-MM-DD)"
    try:
        date.fromisoformat((text + "-01-01")[:10])
    except ValueError:
        return f"'{text}' is not a valid partial date (no such month or day)"
    rule = rule if isinstance(rule, dict) else {}
    if "minimum" in rule and text[: len(rule["minimum"])] < rule["minimum"]:
        return f"{text} is before the earliest date allowed, {rule['minimum']}"
    if "maximum" in rule and text[: len(rule["maximum"])] > rule["maximum"]:
        return f"{text} is after the latest date allowed, {rule['maximum']}"
    return None


def _typed(values, field: dict):
    """A validated text column as the pandas type its declared type means."""
    import pandas as pd

    ftype = field.get("type", "string")
    text = [None if v == "" else v for v in values]
    if ftype in ("integer", "year"):
        return pd.Series([None if v is None else int(v) for v in text], dtype="Int64")
    if ftype == "number":
        return pd.Series([math.nan if v is None else float(v) for v in text], dtype="float64")
    if ftype == "boolean":
        truth = {
            **dict.fromkeys(field.get("trueValues", ["true", "True", "TRUE", "1"]), True),
            **dict.fromkeys(field.get("falseValues", ["false", "False", "FALSE", "0"]), False),
        }
        return pd.Series([None if v is None else truth[v] for v in text], dtype="boolean")
    if ftype == "date":
        return pd.to_datetime(pd.Series([None if v is None else date.fromisoformat(v) for v in text], dtype="object"))
    return pd.Series(text, dtype="object")


# ------------------------------------------------------------------------ GeoJSON


def _load_geojson(res: Resource):
    import geopandas as gpd
    from shapely.validation import explain_validity

    try:
        gdf = gpd.read_file(res.path)
    except Exception as err:  # pyogrio raises several types for broken files
        raise DataError([f"{res.rel}: cannot be read as GeoJSON ({err})"]) from err
    problems = []
    if gdf.crs is None or gdf.crs.to_epsg() != 4326:
        problems.append(f"{res.rel}: CRS must be EPSG:4326 (found {gdf.crs})")
    fields = res.spec["schema"]["fields"]
    declared = [f["name"] for f in fields]
    columns = [c for c in gdf.columns if c != "geometry"]
    problems += [
        f"{res.rel}: column '{c}' is missing (declared in datapackage.json)" for c in declared if c not in columns
    ]
    problems += [f"{res.rel}: column '{c}' is not declared in datapackage.json" for c in columns if c not in declared]
    if problems:
        raise DataError(problems)
    for f in fields:
        cons = f.get("constraints", {})
        values = gdf[f["name"]]
        for i, v in enumerate(values):
            where = f"{res.rel}, feature {i + 1}, field '{f['name']}'"
            if (v is None or v == "") and cons.get("required"):
                problems.append(f"{where}: value is required but empty")
            elif "pattern" in cons and isinstance(v, str) and not re.fullmatch(cons["pattern"], v):
                problems.append(f"{where}: '{v}' does not match pattern {cons['pattern']}")
        if cons.get("unique"):
            dupes = values[values.duplicated()].tolist()
            problems += [
                f"{res.rel}, field '{f['name']}': '{d}' appears more than once but must be unique" for d in dupes
            ]
    for i, geom in enumerate(gdf.geometry):
        where = f"{res.rel}, feature {i + 1}, field 'geometry'"
        if geom is None or geom.is_empty:
            problems.append(f"{where}: empty geometry")
        elif not geom.is_valid:
            problems.append(f"{where}: invalid geometry ({explain_validity(geom)})")
    if problems:
        raise DataError(problems)
    return gdf
