"""Corridor arithmetic: promises against delivery, the capacity chain, the Caspian and a scenario
model of what the Middle Corridor can carry (chapters/corridor.md).

from kzaz.chapters import corridor
inputs = corridor.inputs()          # the chapter's tables, checked against each other
mc = corridor.facts(inputs)         # what the prose quotes: {eval}`mc.binding`
corridor.charts.what_if(inputs)     # the chart a reader moves with sliders
corridor.model.run(chain, s, 2035)  # the model itself, for a reader's own scenario
"""

from . import chain, charts, model, promises, scenarios, sea, tables, targets, timesplit
from .facts import facts
from .inputs import Inputs, inputs
from .keynumbers import key_numbers


def verdicts(inp: Inputs) -> list:
    """The chapter tests no claim of its own: it takes C09-C11 further (the transport chapter judges them)."""
    return []


__all__ = [
    "Inputs",
    "chain",
    "charts",
    "facts",
    "inputs",
    "key_numbers",
    "model",
    "promises",
    "scenarios",
    "sea",
    "tables",
    "targets",
    "timesplit",
    "verdicts",
]
