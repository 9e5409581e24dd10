"""BibTeX entries for every source in data/datapackage.json, and citations of them.

The book's bibliography of data sources is generated from the data package (by
the Sphinx extension `_ext/figure_tools.py`, at each build), so it never drifts
from the data. A chapter ends with `cite_data()`, which cites every resource the
chapter loaded.
"""

from __future__ import annotations

import re

from . import data

_SPECIAL = re.compile(r"([&%$#_{}])")


def escape(text: str) -> str:
    """Text safe inside a BibTeX field (LaTeX's special characters escaped)."""
    return _SPECIAL.sub(r"\\\1", str(text))


def key(resource: str, index: int) -> str:
    return f"data-{resource}-{index + 1}".replace("_", "-")


def entries(package_path=None) -> str:
    """All sources of all resources as BibTeX @misc entries."""
    out = []
    for res in data.read_package(package_path)["resources"]:
        for i, src in enumerate(res.get("sources", [])):
            date = src.get("date_published") or src.get("date_accessed") or ""
            fields = {
                "author": "{" + escape(src.get("publisher", "")) + "}",
                "title": escape(src.get("title", "")),
                "year": date[:4],
                "note": escape("; ".join(x for x in (
                    f"Accessed {src['date_accessed']}" if src.get("date_accessed") else "",
                    f"via {src['via']}" if src.get("via") else "",
                    f"used in data/{res['path']}",
                ) if x)),
            }
            if src.get("path", "").startswith("http"):
                fields["url"] = src["path"]
            body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items() if v)
            out.append(f"@misc{{{key(res['name'], i)},\n{body}\n}}")
    return "\n\n".join(out) + "\n"


def cite_data(names=None) -> str:
    """MyST text citing the sources of the named resources (default: all loaded so far)."""
    names = sorted(names if names is not None else data.LOADED)
    keys = [key(n, i) for n in names for i, _ in enumerate(data.sources(n))]
    if not keys:
        raise ValueError("no data loaded: nothing to cite")
    return "Data used in this chapter: {cite:p}`" + ",".join(keys) + "`."
