"""Numbers quoted in prose: glued from the notebook, never typed."""

from __future__ import annotations

import numbers


def plain(value):
    """A plain Python int/float/str, as glue's format specs need (not numpy scalars)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    if hasattr(value, "item"):  # numpy scalar of another kind
        return value.item()
    return value


def glue_value(name: str, value):
    """Glue a number or short text for `{glue:text}`; returns the plain value."""
    from myst_nb import glue

    value = plain(value)
    glue(name, value, display=False)
    return value
