"""The book's altair theme: one look for every chart.

Palette: Okabe & Ito (2008), "Color Universal Design", distinguishable under the
common forms of colour-vision deficiency. Text sizes are set for reading on a
laptop screen and in print at page width.
"""

import altair as alt

# Okabe-Ito, in the order charts use them; black last (used for reference lines).
PALETTE = [
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",
]
# Fixed colours for the two countries, used the same way in every chapter.
COUNTRY_COLOURS = {"Kazakhstan": "#0072B2", "Azerbaijan": "#D55E00"}
GREY = "#5f6368"
FONT = "Helvetica, Arial, sans-serif"
WIDTH = 620
HEIGHT = 300


def theme() -> dict:
    return {
        "config": {
            "font": FONT,
            "view": {"continuousWidth": WIDTH, "continuousHeight": HEIGHT, "stroke": None},
            "range": {"category": PALETTE},
            "title": {"fontSize": 16, "fontWeight": "bold", "anchor": "start", "subtitleFontSize": 13,
                      "subtitleColor": GREY, "offset": 10},
            "axis": {"labelFontSize": 12, "titleFontSize": 12, "titleFontWeight": "normal",
                     "gridColor": "#e6e6e6", "domainColor": "#888", "tickColor": "#888"},
            "legend": {"labelFontSize": 12, "titleFontSize": 12, "titleFontWeight": "normal",
                       "orient": "bottom", "direction": "horizontal", "columns": 4},
            "header": {"labelFontSize": 12, "titleFontSize": 12},
            "text": {"fontSize": 12},
        }
    }


def enable() -> None:
    """Register and switch on the theme (idempotent)."""
    alt.theme.register("kzaz", enable=True)(theme)
