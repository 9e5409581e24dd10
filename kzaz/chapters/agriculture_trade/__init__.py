"""Agriculture and trade: grain, the 85% claim, and bilateral trade (chapters/agriculture_trade.md).

    from kzaz.chapters import agriculture_trade as ag_trade
    inputs = ag_trade.inputs()           # FAO's data and the book's bilateral tables, checked
    ag = ag_trade.facts(inputs)          # what the prose quotes: {eval}`ag.prod_kaz_last`
    ag_trade.charts.production(inputs)   # a figure

Modules: inputs (loading and checks), fao (FAO's production, balance and trade matrix),
claim (claim C14 and the figures around it), bounds (the share bounded by sourced totals, and
the verdict), trade (the two counts of bilateral trade),
business (investment, events, digital), facts / facts_trade, charts / charts_trade /
charts_bounds, tables, verdicts, key (the summary's key numbers).
"""

from . import charts, tables
from .facts import facts
from .inputs import Inputs, inputs
from .key import key_numbers
from .verdicts import verdicts

__all__ = ["Inputs", "charts", "facts", "inputs", "key_numbers", "tables", "verdicts"]
