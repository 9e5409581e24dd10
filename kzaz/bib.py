"""BibTeX entries for every source in data/datapackage.json, and citations of them.

The book's bibliography of data sources is generated from the data package (by
the Sphinx extension `_ext/figure_tools.py`, at each build), so it never drifts
from the data. A chapter ends with `cite_data()`, which cites every resource the
chapter loaded.
"""

from __future__ import annotations

import re

import pandas as pd

from . import data, render

_SPECIAL = re.compile(r"([&%$#_{}])")


def escape(text: str) -> str:
    """Text safe inside a BibTeX field (LaTeX's special characters escaped)."""
    return _SPECIAL.sub(r"\\\1", str(text))


def key(resource: str, index: int) -> str:
    return f"data-{resource}-{index + 1}".replace("_", "-")


def year(src: dict) -> str:
    """A source's year: of its publication, or of its access when it gives no publication date."""
    return (src.get("date_published") or src.get("date_accessed") or "")[:4]


def entries(package_path=None) -> str:
    """All sources of all resources as BibTeX @misc entries."""
    out = []
    for res in data.read_package(package_path)["resources"]:
        for i, src in enumerate(res.get("sources", [])):
            fields = {
                "author": "{" + escape(src.get("publisher", "")) + "}",
                "title": escape(src.get("title", "")),
                "year": year(src),
                "note": escape(
                    "; ".join(
                        x
                        for x in (
                            f"Accessed {src['date_accessed']}" if src.get("date_accessed") else "",
                            f"via {src['via']}" if src.get("via") else "",
                            f"used in data/{res['path']}",
                        )
                        if x
                    )
                ),
            }
            if src.get("path", "").startswith("http"):
                fields["url"] = src["path"]
            body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items() if v)
            out.append(f"@misc{{{key(res['name'], i)},\n{body}\n}}")
    return "\n\n".join(out) + "\n"


COMPILED_BY = "KZ-AZ report team"  # resources the book compiled row by row (kzaz.figures uses the same)


def compiled_sources(name: str) -> int:
    """How many distinct sources a compiled resource's rows cite (0 if the book did not compile it)."""
    spec = data.resource(name).spec
    if not all(s.get("publisher", "").startswith(COMPILED_BY) for s in spec.get("sources", [])):
        return 0
    if spec.get("format", "csv") != "csv":
        return 0
    table = data.load(name)
    urls = [c for c in table.columns if c in ("source_url", "leg_source_url", "coord_source_url")]
    return int(pd.concat([table[c] for c in urls]).dropna().nunique()) if urls else 0


class DataUsed:
    """The data files a chapter read, each with its sources: a notebook cell shows it."""

    def __init__(self, names):
        self.names = sorted(names)

    def markdown(self) -> str:
        lines = ["Data used in this chapter (each file with its schema on the [data sources](sources) page):", ""]
        for name in self.names:
            res = data.resource(name)
            title = f"{res.spec.get('title', name)} (`{res.rel}`)"
            if compiled_sources(name):
                lines.append(
                    f"- {title}: compiled in this book from {compiled_sources(name)} sources, each named on its row"
                )
            else:
                lines.append(f"- {title} {self.citation(name, res.spec.get('sources', []))}")
        return "\n".join(lines)

    @staticmethod
    def citation(name: str, sources: list[dict]) -> str:
        """In the book, citations of the book's bibliography; elsewhere (JupyterLab, which has no
        bibliography), the same author and year, each linked to its source where it has an address."""
        if render.where() == "book":
            return "{cite:p}`" + ",".join(key(name, i) for i in range(len(sources))) + "`"
        cited = []
        for src in sources:
            text = ", ".join(x for x in (src.get("publisher", ""), year(src)) if x)
            cited.append(f"[{text}]({src['path']})" if src.get("path", "").startswith("http") else text)
        return "(" + "; ".join(cited) + ")"

    def _repr_markdown_(self) -> str:
        return self.markdown()


def cite_data(names=None) -> DataUsed:
    """The data files of the named resources (default: all loaded so far), with citations."""
    names = names if names is not None else data.LOADED
    if not names:
        raise ValueError("no data loaded: nothing to cite")
    return DataUsed(names)
