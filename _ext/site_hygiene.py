"""What an incremental build would leave different from a clean one.

- Sphinx keeps every word it ever indexed in `searchindex.js`, with an empty list once no
  page uses it any more, so the index of an incremental build grows and differs from a
  clean build's. At the end of an HTML build the words no page uses are dropped.
- A changed stylesheet in the book's `_static/` changes no page source, so Sphinx would
  neither copy it nor rewrite the pages that link it (with its checksum): every page is
  re-read then (from the execution cache, so nothing re-runs).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

PREFIX = "Search.setIndex("


def prune_search_index(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    path = Path(app.outdir) / "searchindex.js"
    if not path.exists():
        return
    text = path.read_text(encoding="utf-8")
    if not (text.startswith(PREFIX) and text.rstrip().endswith(")")):
        return
    index = json.loads(text[len(PREFIX) : text.rstrip().rindex(")")])
    for key in ("terms", "titleterms"):
        index[key] = {word: docs for word, docs in index.get(key, {}).items() if docs != []}
    pruned = PREFIX + json.dumps(index, sort_keys=True) + ")"  # as Sphinx writes it
    if pruned != text:
        path.write_text(pruned, encoding="utf-8")


def static_changed(app, env, added, changed, removed):
    digest = hashlib.sha256()
    for f in sorted((Path(app.srcdir) / "_static").rglob("*")):
        if f.is_file():
            digest.update(f.relative_to(app.srcdir).as_posix().encode() + f.read_bytes())
    if getattr(env, "kzaz_static_digest", None) == digest.hexdigest():
        return []
    env.kzaz_static_digest = digest.hexdigest()
    return sorted(env.found_docs)


def setup(app):
    app.connect("build-finished", prune_search_index, priority=900)
    app.connect("env-get-outdated", static_changed)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
