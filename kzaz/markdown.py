"""Small pieces of MyST text that notebooks generate (tables, links, lists in a sentence)."""

from __future__ import annotations


def link(text, url) -> str:
    return f"[{text}]({url})"


def cell(text) -> str:
    """Text safe inside a Markdown table cell: no column breaks, no line breaks."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def says(items) -> str:
    """Items in a sentence: 'a', 'a and b' or 'a, b and c' ('' for none)."""
    items = [str(i) for i in items]
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else "".join(items)
