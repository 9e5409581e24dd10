"""A chapter's facts, verdicts and key numbers, computed once per build and read by the other pages.

The summary, the landing page, the claims ledger and the changelog quote every chapter's
results, and each page runs in a kernel of its own: without this, each of them computes
every chapter again. Under `scripts/build.py`, which names a folder in `KZAZ_COMPUTED_DIR`,
a function marked `@once_per_build` stores its result there, keyed on the package's code,
the data files and what the inputs it was given hold; a later kernel that asks
for the same function of the same inputs reads the result back. Facts read back are glued
again, as computing them glues them.

Elsewhere (JupyterLab, the tests, a script) the folder is not named and every call computes.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
import pickle
from pathlib import Path

import pandas as pd

from .paths import DATA_DIR, ROOT

COMPUTED_DIR = "KZAZ_COMPUTED_DIR"


@functools.lru_cache(maxsize=1)
def _code_and_data() -> bytes:
    """What every result depends on besides its inputs: the package and the data, read once per kernel."""
    h = hashlib.sha256()
    for folder in (ROOT / "kzaz", DATA_DIR):
        for f in sorted(folder.rglob("*")):
            if f.is_file() and f.suffix != ".pyc":
                h.update(f.relative_to(ROOT).as_posix().encode() + b"\0" + f.read_bytes())
    return h.digest()


def key(func, inputs) -> str:
    """A result's key: the package's code and the data, the function, and what its inputs hold."""
    return digest(_code_and_data(), f"{func.__module__}.{func.__qualname__}", inputs)


def digest(*values) -> str:
    """A key for what the values hold (see `content`): equal tables give equal keys."""
    h = hashlib.sha256()
    content(values, h)
    return h.hexdigest()


def content(value, h) -> None:
    """Feed what a value holds into a hash. A table by its columns' names, types and values,
    not by its pickle, whose bytes change as pandas reorganises a frame it has read."""
    if isinstance(value, pd.DataFrame):
        h.update(repr((type(value).__name__, list(value.columns), [str(t) for t in value.dtypes])).encode())
        try:
            h.update(pd.util.hash_pandas_object(value, index=True).to_numpy().tobytes())
        except TypeError:  # a column pandas cannot hash: column by column
            content(value.index, h)
            for name in value.columns:
                content(value[name], h)
    elif isinstance(value, (pd.Series, pd.Index)):
        h.update(repr((type(value).__name__, value.name, str(value.dtype), len(value))).encode())
        try:
            h.update(pd.util.hash_pandas_object(value, index=False).to_numpy().tobytes())
        except TypeError:  # values pandas cannot hash (lists in a cell): by their text
            h.update(repr(value.tolist()).encode())
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        h.update(type(value).__qualname__.encode())
        for field in dataclasses.fields(value):
            h.update(field.name.encode())
            content(getattr(value, field.name), h)
    elif isinstance(value, dict):
        for k, v in value.items():
            content(k, h)
            content(v, h)
    elif isinstance(value, (list, tuple)):
        h.update(f"{type(value).__name__}{len(value)}".encode())
        for v in value:
            content(v, h)
    else:
        h.update(pickle.dumps(value, protocol=5))


def once_per_build(func):
    """Mark a chapter's `facts`, `verdicts` or `key_numbers(inputs)` as shared across the build's kernels."""

    @functools.wraps(func)
    def shared(inputs):
        folder = os.environ.get(COMPUTED_DIR)
        if not folder:
            return func(inputs)
        path = Path(folder) / f"{func.__module__}.{func.__qualname__}-{key(func, inputs)}.pickle"
        if path.exists():
            result = pickle.loads(path.read_bytes())
            return result.publish() if hasattr(result, "publish") else result
        result = func(inputs)
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_name(f"{path.name}.{os.getpid()}")  # another kernel may be writing it too
        part.write_bytes(pickle.dumps(result, protocol=5))
        part.replace(path)
        return result

    return shared
