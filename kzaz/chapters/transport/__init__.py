"""Transport and logistics: the Middle Corridor in maps and numbers (chapters/transport.md).

from kzaz.chapters import transport
inputs = transport.inputs()        # the chapter's tables, checked against each other
tr = transport.facts(inputs)       # what the prose quotes: {eval}`tr.cargo_latest`
transport.maps.region(inputs)      # a map
transport.charts.cargo(inputs)     # a chart
transport.key_numbers(inputs)      # the numbers the findings rest on (the summary's table)
"""

from . import charts, maps, tables
from .facts import facts
from .inputs import Inputs, inputs
from .keynumbers import key_numbers
from .verdicts import verdicts

__all__ = ["Inputs", "charts", "facts", "inputs", "key_numbers", "maps", "tables", "verdicts"]
