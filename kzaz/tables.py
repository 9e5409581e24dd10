"""Tables the chapters show: one helper from a DataFrame to a MyST table.

A chapter module returns `table(frame, ...)`; the notebook cell that ends with it shows
the table in JupyterLab and in the book (myst-nb renders the Markdown as MyST, so links
and roles in cells work). Wide tables scroll inside their own box (the book's CSS);
long ones are folded under a line that says what they hold, so the argument around
them stays readable.
"""

from __future__ import annotations

import pandas as pd

from .markdown import cell

FOLD_AFTER = 10  # rows: a longer table is folded unless asked otherwise


class Table:
    def __init__(
        self,
        frame: pd.DataFrame,
        *,
        fold: str | None = None,
        caption: str | None = None,
        empty: str = "The data have no rows for this table.",
    ):
        self.frame = frame
        self.fold = fold
        self.caption = caption
        self.empty = empty

    def markdown(self) -> str:
        if self.frame.empty:  # a header alone is no table (and breaks the PDF's table layout)
            return self.empty
        cols = list(self.frame.columns)
        lines = ["| " + " | ".join(cell(c) for c in cols) + " |", "|" + "---|" * len(cols)]
        for row in self.frame.itertuples(index=False):
            lines.append("| " + " | ".join("" if pd.isna(v) else cell(v) for v in row) + " |")
        text = "\n".join(lines)
        if self.caption:
            text = f"{self.caption}\n\n{text}"
        if self.fold:
            text = f":::{{dropdown}} {self.fold}\n:class-container: kzaz-table-fold\n\n{text}\n:::"
        return text

    def _repr_markdown_(self) -> str:
        return self.markdown()

    def __len__(self) -> int:
        return len(self.frame)


def table(
    frame: pd.DataFrame,
    *,
    columns: dict[str, str] | None = None,
    fold: str | bool | None = None,
    caption: str | None = None,
    empty: str = "The data have no rows for this table.",
) -> Table:
    """A table of `frame`'s columns (renamed and ordered by `columns`, if given).

    fold: the line a folded table shows (True: "The N rows"); by default a table longer
    than FOLD_AFTER rows is folded under "Show all N rows", a shorter one is not.
    """
    if columns:
        missing = [c for c in columns if c not in frame.columns]
        if missing:
            raise KeyError(f"table: no column {missing} (has {list(frame.columns)})")
        frame = frame[list(columns)].rename(columns=columns)
    if fold is None and len(frame) > FOLD_AFTER:
        fold = True
    if fold is True:
        fold = f"Show all {len(frame)} rows"
    return Table(frame.reset_index(drop=True), fold=fold or None, caption=caption, empty=empty)
