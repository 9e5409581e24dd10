"""Diplomacy: three decades of ties (chapters/diplomacy.md).

from kzaz.chapters import diplomacy
inputs = diplomacy.inputs()        # the event table, checked and prepared
dip = diplomacy.facts(inputs)      # what the prose quotes: {eval}`dip.n_events`
diplomacy.charts.timeline(inputs)  # a figure
diplomacy.key_numbers(inputs)      # the numbers the findings rest on
"""

from . import charts, search, tables
from .facts import facts
from .inputs import Inputs, inputs
from .keynumbers import key_numbers
from .verdicts import verdicts

__all__ = ["Inputs", "charts", "facts", "inputs", "key_numbers", "search", "tables", "verdicts"]
