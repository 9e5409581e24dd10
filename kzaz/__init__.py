"""Shared helpers for the notebooks of the Kazakhstan-Azerbaijan report.

    import kzaz
    kzaz.setup()                      # theme + offline renderer
    events = kzaz.load("diplomacy_events")
"""

from .data import DataError, load, sources

__version__ = "0.1.0"  # the book's edition; CITATION.cff and pyproject.toml carry the same
from .numbers import glue_value


def setup() -> None:
    """Switch on the chart theme and the offline renderer for this kernel."""
    from . import render, theme

    theme.enable()
    render.enable()


__all__ = ["DataError", "load", "sources", "glue_value", "setup"]
