"""Derive the book's small, tidy extracts from the raw upstream snapshots.

    python scripts/extract.py [--upstream ../shared/upstream] [--check]

Reads only `../shared/upstream` (raw public data, read-only), writes only `data/`,
and records in `data/datapackage.json`, for each extract, where it came from: the
upstream file, its MD5, the repository and commit given in the upstream
PROVENANCE.md, and the date the extract was made. The book itself never reads
upstream: it builds from the committed extracts.

`--check` re-derives every extract in memory and fails if a committed file differs,
so a reviewer can confirm the extracts are what this script makes.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import io
import json
import pkgutil
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
PACKAGE = DATA / "datapackage.json"
DEFAULT_UPSTREAM = ROOT.parent / "shared" / "upstream"
sys.path.insert(0, str(Path(__file__).parent))


def md5(path: Path) -> str:
    h = hashlib.md5()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def extracts() -> dict:
    """Resource name -> make() of every module in scripts/extracts/."""
    found = {}
    for info in pkgutil.iter_modules([str(Path(__file__).parent / "extracts")]):
        mod = importlib.import_module(f"extracts.{info.name}")
        found[mod.RESOURCE] = mod.make
    return found


# ------------------------------------------------------------------ plumbing


def to_text(table, fmt: str) -> str:
    if fmt == "geojson":
        return _geojson(table)
    buf = io.StringIO()
    table.to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue()


def _geojson(gdf) -> str:
    """GeoJSON with coordinates rounded to ~10 m: more digits only add bytes to the pages."""
    import shapely

    gdf = gdf.copy()
    gdf["geometry"] = shapely.set_precision(gdf.geometry.values, 0.0001)
    return gdf.to_json(drop_id=True, na="null", ensure_ascii=False) + "\n"


def run(upstream: Path, check: bool) -> int:
    pkg = json.loads(PACKAGE.read_text(encoding="utf-8"))
    by_name = {r["name"]: r for r in pkg["resources"]}
    stale = []
    for name, make in extracts().items():
        if name not in by_name:
            sys.exit(f"extract '{name}' is not declared in {PACKAGE}: add its schema and sources first")
        res = by_name[name]
        df, inputs = make(upstream)
        text = to_text(df, res.get("format", "csv"))
        target = DATA / res["path"]
        old = target.read_text(encoding="utf-8") if target.exists() else None
        if check:
            if old != text:
                stale.append(res["path"])
            continue
        origin_files = [{"path": p.relative_to(upstream.parent).as_posix(), "md5": md5(p)} for p in inputs]
        origin = res.get("origin", {})
        if old != text or origin.get("upstream_files") != origin_files:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            origin.update(
                {"upstream_files": origin_files, "extracted": date.today().isoformat(), "script": "scripts/extract.py"}
            )
            res["origin"] = origin
            print(f"wrote {target.relative_to(ROOT)} ({len(df)} rows)")
        else:
            print(f"unchanged {target.relative_to(ROOT)}")
    if check:
        if stale:
            print("differs from what scripts/extract.py makes: " + ", ".join(stale))
            return 1
        print("all extracts match their upstream")
        return 0
    PACKAGE.write_text(json.dumps(pkg, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--upstream", type=Path, default=DEFAULT_UPSTREAM)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    if not args.upstream.is_dir():
        sys.exit(f"upstream folder not found: {args.upstream}")
    sys.exit(run(args.upstream.resolve(), args.check))
