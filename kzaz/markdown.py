"""Small pieces of MyST text that notebooks generate (tables, links)."""

from __future__ import annotations


def link(text, url) -> str:
    return f"[{text}]({url})"


def cell(text) -> str:
    """Text safe inside a Markdown table cell: no column breaks, no line breaks."""
    return str(text).replace("|", "\\|").replace("\n", " ")
