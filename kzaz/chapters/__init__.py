"""One package per chapter: what the chapter computes, so its notebook reads as narrative.

Each chapter package has the same parts, in the order a notebook uses them:

    inputs()            load the chapter's tables, check them against each other
    facts(inputs)       every number and phrase the prose quotes (kzaz.prose.Facts)
    charts.<figure>()   one function per figure, returning a kzaz.figures.Figure
    tables.<table>()    the tables the chapter shows (kzaz.tables)
    verdicts(inputs)    the claims it tests (kzaz.claims.Assessment)

The summary, the claims ledger and the landing page call the same functions
(`kzaz.book`), so a number or verdict is computed in one place.
"""

CHAPTERS = ("diplomacy", "transport", "corridor", "energy", "agriculture_trade", "ots_culture")
# How the scorecard and the ledger name each chapter (short enough for a phone).
SHORT_NAMES = {
    "diplomacy": "Diplomacy",
    "transport": "Transport",
    "corridor": "Corridor arithmetic",
    "energy": "Energy",
    "agriculture_trade": "Farming & trade",
    "ots_culture": "Turkic states & culture",
}
