"""Shared helpers for the notebooks of the Kazakhstan-Azerbaijan report.

import kzaz
kzaz.setup()                      # theme + offline renderer
events = kzaz.load("diplomacy_events")
"""

from .data import DataError, load, sources

__version__ = "2.0.0"  # the book's edition; CITATION.cff and pyproject.toml carry the same
from .numbers import glue_value


def setup() -> None:
    """Switch on the chart theme and the book's renderer for this kernel.

    The renderer shows a chart where the kernel runs (kzaz.render.where): in the book
    build with the libraries the book serves itself, in JupyterLab or Jupyter Notebook
    through their own Vega renderer (no network needed), in Colab as altair does.
    """
    from . import altair_speed, render, theme

    altair_speed.enable()
    theme.enable()
    render.enable()


__all__ = ["DataError", "load", "sources", "glue_value", "setup"]
