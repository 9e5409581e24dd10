"""The data catalogue page, generated from data/datapackage.json and the data itself."""

from __future__ import annotations

import pandas as pd

from . import bib, data

TIME_TYPES = {"year", "date"}
BOOKKEEPING = {"checked_on"}  # when the book checked a row, not a time the data covers
READS_ALL_DATA = True  # scripts/build.py: a notebook using this module depends on every data file


def years_covered(name: str, table=None) -> str:
    """'1992-2024' from the resource's first time field, or '' if it has none.

    `table`: the resource already loaded, so that it is not read and checked again.
    """
    res = data.resource(name).spec
    fields = [
        f["name"]
        for f in res["schema"]["fields"]
        if (f.get("type") in TIME_TYPES or "partialDate" in f) and f["name"] not in BOOKKEEPING
    ]
    if not fields:
        return ""
    table = data.load(name) if table is None else table
    values = pd.Series(table[fields[0]]).dropna()
    if values.empty:
        return ""
    years = values.astype(str).str[:4].astype(int)
    lo, hi = years.min(), years.max()
    return str(lo) if lo == hi else f"{lo}–{hi}"


def describe(res: dict, data_prefix: str = "../data/") -> str:
    """One resource as MyST: description, download, fields, sources, licence, origin."""
    name = res["name"]
    table = data.load(name)
    n = len(table)
    span = years_covered(name, table)
    lines = [
        f"## {res['title']}",
        "",
        res.get("description", ""),
        "",
        f"Resource `{name}` — file {{download}}`data/{res['path']} <{data_prefix}{res['path']}>` "
        f"({n} {'features' if res.get('format') == 'geojson' else 'rows'}" + (f", {span}" if span else "") + ").",
    ]
    # The schema in full on screen; on paper, where it would fill pages, the field names.
    lines += ["", ":::{only} html", "| Field | Type | Unit | Meaning |", "|---|---|---|---|"]
    for f in res["schema"]["fields"]:
        lines.append(
            f"| `{f['name']}` | {f.get('type', 'string')} | {f.get('unit', '')} | {f.get('description', '')} |"
        )
    lines += [
        ":::",
        "",
        ":::{only} latex",
        "Fields: "
        + ", ".join(f"`{f['name']}`" for f in res["schema"]["fields"])
        + " (types, units and meanings in `data/datapackage.json` and the HTML book).",
        ":::",
    ]
    lines += ["", "Sources:", ""]
    for i, s in enumerate(res.get("sources", [])):
        dates = ", ".join(f"{k.replace('date_', '')} {v}" for k, v in s.items() if k.startswith("date_"))
        title = f"[{s['title']}]({s['path']})" if "path" in s else s["title"]
        lines.append(
            f"- {s.get('publisher', '')}: {title}"
            + (f" ({dates})" if dates else "")
            + f" {{cite:p}}`{bib.key(name, i)}`"
        )
    licences = data.licences([name])
    if licences:
        lines += ["", f"Licence: {licences}."]
    origin = res.get("origin")
    if origin:
        files = "; ".join(f"`{f['path']}` (MD5 `{f['md5']}`)" for f in origin["upstream_files"])
        lines += ["", f"Derived by `{origin['script']}` on {origin['extracted']} from {files}."]
    return "\n".join(lines)


def page() -> str:
    return "\n\n".join(describe(r) for r in data.read_package()["resources"])
