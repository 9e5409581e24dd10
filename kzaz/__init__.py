"""Shared helpers for the notebooks of the Kazakhstan-Azerbaijan report.

    import kzaz
    kzaz.setup()                      # theme + offline renderer
    events = kzaz.load("diplomacy_events")
"""

from .data import DataError, load, sources

__version__ = "0.1.0"  # the book's edition; CITATION.cff and pyproject.toml carry the same
from .numbers import glue_value


def setup() -> None:
    """Switch on the chart theme and the right renderer for this kernel.

    In the book build (and any run without a Jupyter server) charts use the
    offline renderer, whose libraries the book serves itself. In JupyterLab or
    Jupyter Notebook (a server starts the kernel and sets JPY_SESSION_NAME) they use
    altair's own renderer, so charts show while you work; so does Google Colab.
    """
    import os
    import sys

    import altair as alt

    from . import render, theme

    theme.enable()
    if os.environ.get("JPY_SESSION_NAME") or "google.colab" in sys.modules:
        alt.renderers.enable("default")
    else:
        render.enable()


__all__ = ["DataError", "load", "sources", "glue_value", "setup"]
