"""Every chart of the corridor chapter, one function each (kzaz.figures.Figure)."""

from .charts_model import capacity_chain, what_if
from .charts_promises import goal_moves, record
from .charts_sea import level
from .charts_time import time_split

__all__ = ["capacity_chain", "goal_moves", "level", "record", "time_split", "what_if"]
