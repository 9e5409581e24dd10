"""Load the book's data, validated against `data/datapackage.json`.

Every table the notebooks read goes through `load(name)`. The Data Package
(Frictionless style) declares each resource's path, fields, types, units,
constraints, primary key and sources; a file that breaks its declaration stops the
notebook (and so the build) with an error naming the file, the row and the field.

Rows are numbered as a spreadsheet shows them: the header is row 1, the first
record row 2.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from . import paths

# A calendar date, or a date known only to the month or year ("2004", "2004-05").
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MAX_LISTED = 20  # problems listed in one error before "... and N more"
LOADED: set[str] = set()  # resources loaded in this kernel, for kzaz.bib.cite_data()


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

    @property
    def rel(self) -> str:
        return f"data/{self.spec['path']}"


def message(file: str, row, field: str, text: str) -> str:
    """The one way a data problem is reported: file, spreadsheet row (or '-'), field."""
    return f"{file}, row {row}, field '{field}': {text}"


def problem(name: str, row, field: str, text: str, package_path: Path | None = None) -> str:
    """A problem found by a notebook's cross-field check, in the loader's format."""
    return message(resource(name, package_path).rel, row, field, text)


def fail(name: str, row, field: str, text: str) -> None:
    raise DataError([problem(name, row, field, text)])


def read_package(package_path: Path | None = None) -> dict:
    package_path = Path(package_path or paths.DATAPACKAGE)
    try:
        return json.loads(package_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise DataError([f"{package_path}: not valid JSON ({err})"]) from err


def resource(name: str, package_path: Path | None = None) -> Resource:
    package_path = Path(package_path or paths.DATAPACKAGE)
    pkg = read_package(package_path)
    for spec in pkg.get("resources", []):
        if spec.get("name") == name:
            return Resource(name, package_path.parent / spec["path"], spec)
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


def _load_csv(res: Resource) -> pd.DataFrame:
    fields = res.spec["schema"]["fields"]
    try:
        # Everything as text first: types are checked here, not guessed by pandas.
        raw = pd.read_csv(res.path, dtype=str, keep_default_na=False, na_values=[], encoding="utf-8")
    except (pd.errors.ParserError, UnicodeDecodeError) as err:
        raise DataError([f"{res.rel}: cannot be read as UTF-8 CSV ({err})"]) from err

    problems = _check_columns(res, raw, fields)
    if problems:
        raise DataError(problems)

    out = {}
    for field in fields:
        col, col_problems = _check_field(res, raw[field["name"]], field)
        problems += col_problems
        out[field["name"]] = col
    problems += _check_primary_key(res, raw)
    if problems:
        raise DataError(problems)
    return pd.DataFrame(out)


def _check_columns(res: Resource, raw: pd.DataFrame, fields: list[dict]) -> list[str]:
    declared = [f["name"] for f in fields]
    problems = [f"{res.rel}: column '{c}' is missing (declared in datapackage.json)" for c in declared if c not in raw.columns]
    problems += [f"{res.rel}: column '{c}' is not declared in datapackage.json" for c in raw.columns if c not in declared]
    return problems


def _row(i: int) -> int:
    return i + 2  # header is row 1


def _check_field(res: Resource, values: pd.Series, field: dict):
    name, ftype = field["name"], field.get("type", "string")
    cons = field.get("constraints", {})
    problems: list[str] = []
    parsed: list = []

    def bad(i, msg):
        problems.append(message(res.rel, _row(i), name, msg))

    for i, text in enumerate(values):
        text = text.strip()
        if text == "":
            if cons.get("required"):
                bad(i, "value is required but empty")
            parsed.append(None)
            continue
        try:
            value = _parse(text, ftype)
        except ValueError as err:
            bad(i, f"'{text}' is not a valid {ftype} ({err})")
            parsed.append(None)
            continue
        if "enum" in cons and text not in cons["enum"]:
            bad(i, f"'{text}' is not one of {cons['enum']}")
        if "pattern" in cons and not re.fullmatch(cons["pattern"], text):
            bad(i, f"'{text}' does not match pattern {cons['pattern']}")
        if "minimum" in cons and value < _parse(str(cons["minimum"]), ftype):
            bad(i, f"{text} is below the minimum {cons['minimum']}")
        if "maximum" in cons and value > _parse(str(cons["maximum"]), ftype):
            bad(i, f"{text} is above the maximum {cons['maximum']}")
        parsed.append(value)

    if cons.get("unique"):
        seen: dict = {}
        for i, v in enumerate(parsed):
            if v is None:
                continue
            if v in seen:
                bad(i, f"'{v}' repeats row {_row(seen[v])} but must be unique")
            else:
                seen[v] = i
    return _to_series(parsed, ftype), problems


def _parse(text: str, ftype: str):
    if ftype == "string":
        return text
    if ftype in ("integer", "year"):
        if not re.fullmatch(r"[+-]?\d+", text):
            raise ValueError("expected a whole number")
        return int(text)
    if ftype == "number":
        return float(text)
    if ftype == "boolean":
        if text.lower() not in ("true", "false"):
            raise ValueError("expected true or false")
        return text.lower() == "true"
    if ftype == "date":
        return date.fromisoformat(text)
    if ftype == "partialdate":
        if not PARTIAL_DATE.match(text):
            raise ValueError("expected YYYY, YYYY-MM or YYYY-MM-DD")
        date.fromisoformat((text + "-01-01")[:10])  # month/day must exist
        return text
    raise ValueError(f"unknown field type '{ftype}'")


def _to_series(values: list, ftype: str) -> pd.Series:
    if ftype in ("integer", "year"):
        return pd.Series(values, dtype="Int64")
    if ftype == "number":
        return pd.Series([float("nan") if v is None else v for v in values], dtype="float64")
    if ftype == "boolean":
        return pd.Series(values, dtype="boolean")
    if ftype == "date":
        return pd.to_datetime(pd.Series(values, dtype="object"))
    return pd.Series(values, dtype="object")


def _check_primary_key(res: Resource, raw: pd.DataFrame) -> list[str]:
    key = res.spec["schema"].get("primaryKey")
    if not key:
        return []
    key = [key] if isinstance(key, str) else key
    problems = []
    first: dict = {}
    for i, values in enumerate(raw[key].itertuples(index=False, name=None)):
        if values in first:
            shown = ", ".join(f"{k}={v!r}" for k, v in zip(key, values))
            problems.append(message(res.rel, _row(i), "+".join(key),
                                    f"duplicate primary key ({shown}) already used in row {_row(first[values])}"))
        else:
            first[values] = i
    return problems


# ------------------------------------------------------------------------ GeoJSON


def _load_geojson(res: Resource):
    import geopandas as gpd

    try:
        gdf = gpd.read_file(res.path)
    except Exception as err:  # pyogrio raises several types for broken files
        raise DataError([f"{res.rel}: cannot be read as GeoJSON ({err})"]) from err
    problems = []
    if gdf.crs is None or gdf.crs.to_epsg() != 4326:
        problems.append(f"{res.rel}: CRS must be EPSG:4326 (found {gdf.crs})")
    fields = res.spec["schema"]["fields"]
    problems += _check_columns(res, gdf.drop(columns="geometry").astype(str), fields)
    if problems:
        raise DataError(problems)
    for field in fields:
        text = gdf[field["name"]].astype("string").fillna("")
        _, col_problems = _check_field(res, text, field)
        problems += col_problems
    for i, geom in enumerate(gdf.geometry):
        if geom is None or geom.is_empty:
            problems.append(f"{res.rel}, feature {i + 1}, field 'geometry': empty geometry")
        elif not geom.is_valid:
            problems.append(f"{res.rel}, feature {i + 1}, field 'geometry': invalid geometry")
    if problems:
        raise DataError(problems)
    return gdf
