"""Energy: Kazakh oil through Azerbaijan, two producers side by side, and green energy
(chapters/energy.md).

    from kzaz.chapters import energy
    inputs = energy.inputs()        # eleven tables, checked against each other
    en = energy.facts(inputs)       # what the prose quotes: {eval}`en.btc_last_year`
    energy.charts.btc(inputs)       # a figure
    energy.tables.btc_figures(inputs)
    energy.verdicts(inputs)         # C12 and C13
    energy.key_numbers(inputs)      # the numbers the findings rest on, for the summary
"""

from . import charts, tables
from .facts import facts
from .inputs import Inputs, inputs
from .key_numbers import key_numbers
from .verdicts import verdicts

__all__ = ["Inputs", "charts", "facts", "inputs", "key_numbers", "tables", "verdicts"]
