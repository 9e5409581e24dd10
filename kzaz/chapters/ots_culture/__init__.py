"""The Organization of Turkic States and cultural ties (chapters/ots_culture.md).

from kzaz.chapters import ots_culture
inputs = ots_culture.inputs()          # summits, members, bodies, statements, people: checked
ots = ots_culture.facts(inputs)        # what the prose quotes: {eval}`ots.n_summits`
ots_culture.charts.timeline(inputs)    # a figure
ots_culture.maps.status(inputs)        # the members-and-observers map
ots_culture.key_numbers(inputs)        # the numbers the findings rest on, for the summary
"""

from . import charts, maps, tables
from .facts import facts
from .inputs import Inputs, inputs
from .keys import key_numbers
from .verdicts import verdicts

__all__ = ["Inputs", "charts", "facts", "inputs", "key_numbers", "maps", "tables", "verdicts"]
