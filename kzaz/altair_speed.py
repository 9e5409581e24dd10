"""One repeated cost of altair taken out: the table behind `from_dict`, built once per kernel.

altair turns every shorthand encoding ("year:O") into its channel class through
`SchemaBase.from_dict`, which builds a fresh `_FromDict` each time: a hash of the JSON
schema of every one of its ~800 classes, some 8 ms a call and a second or more for a
chapter's charts. The classes and their schemas do not change while a kernel runs, so
the table is kept per set of classes; what `from_dict` returns is unchanged (tested in
tests/test_figures.py). Pinned to the altair in requirements.txt; a version without the
class is left alone.
"""

from __future__ import annotations

from collections import defaultdict

from altair.utils import schemapi

_TABLES: dict[tuple, dict] = {}
ORIGINAL = getattr(getattr(schemapi, "_FromDict", None), "__init__", None)  # altair's own, for the tests


def _init(self, wrapper_classes, /) -> None:
    classes = tuple(wrapper_classes)
    table = _TABLES.get(classes)
    if table is None:
        table = defaultdict(list)
        for tp in classes:
            if tp._schema is not None:
                table[self.hash_schema(tp._schema)].append(tp)
        _TABLES[classes] = table
    self.class_dict = table


def enable() -> None:
    """Keep `_FromDict`'s table (a no-op if altair no longer has that class)."""
    cls = getattr(schemapi, "_FromDict", None)
    if cls is not None and cls.__init__ is not _init:
        cls.__init__ = _init
