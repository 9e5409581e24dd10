"""The book's altair theme and its colours: one meaning per colour, in every chart.

Palette: Okabe & Ito (2008), "Color Universal Design", distinguishable under the
common forms of colour-vision deficiency, plus greys. A country has one colour in
every chart, and so has a route; a colour that means a country is never used for
anything else (kinds of event, fuels, statuses take `NEUTRAL` greys or `OTHER`).
Alt texts name colours through `colour_name`, so the words follow the chart.
"""

import altair as alt

BLUE, ORANGE, GREEN, PINK = "#0072B2", "#E69F00", "#009E73", "#CC79A7"
SKY, VERMILLION, YELLOW, BLACK = "#56B4E9", "#D55E00", "#F0E442", "#000000"
VIOLET, OCHRE = "#5D3A9B", "#A6761D"
GREY = "#5f6368"  # text, reference lines, "other"
LIGHT_GREY = "#b8b8b8"

PALETTE = [BLUE, ORANGE, GREEN, PINK, SKY, VERMILLION, YELLOW, BLACK]  # altair's default category range

# Countries: the same colour in every chart, maps included.
COUNTRY = {
    "Kazakhstan": BLUE,
    "Azerbaijan": VERMILLION,
    "Russia": PINK,
    "Türkiye": SKY,
    "Georgia": VIOLET,
    "China": OCHRE,
}
COUNTRY_COLOURS = {k: COUNTRY[k] for k in ("Kazakhstan", "Azerbaijan")}  # the two the book is about
# Routes: the Northern route runs through Russia and takes its colour.
ROUTE = {
    "Middle Corridor": GREEN,
    "Northern route (through Russia)": PINK,
    "Proposed link through southern Armenia": ORANGE,
}
# Verdicts on the seed article's claims (kzaz.claims.VERDICTS), strongest first.
VERDICT = {
    "supported": "#1a7f4b",
    "partly supported": "#8fbf5a",
    "not supported": "#b2182b",
    "not verifiable": "#9e9e9e",
}
# Ordered categories that are not countries (kinds of event, periods): greys, dark to light.
NEUTRAL = ["#2b2b2b", "#5c5c5c", "#8a8a8a", "#b3b3b3", "#d9d9d9"]
# Unordered categories that are not countries or routes, where greys would not separate them.
OTHER = [ORANGE, GREEN, SKY, YELLOW, OCHRE, BLACK]

NAMES = {
    BLUE: "blue",
    ORANGE: "orange",
    GREEN: "green",
    PINK: "pink",
    SKY: "light blue",
    VERMILLION: "red",
    YELLOW: "yellow",
    BLACK: "black",
    VIOLET: "violet",
    OCHRE: "ochre",
    GREY: "grey",
    LIGHT_GREY: "light grey",
    "#1a7f4b": "dark green",
    "#8fbf5a": "light green",
    "#b2182b": "dark red",
    "#9e9e9e": "grey",
    "#2b2b2b": "near-black",
    "#5c5c5c": "dark grey",
    "#8a8a8a": "mid grey",
    "#b3b3b3": "light grey",
    "#d9d9d9": "pale grey",
}

FONT = "Helvetica, Arial, sans-serif"
WIDTH = 620  # px, pictures and JupyterLab; the book's pages fill the column instead
HEIGHT = 300
NARROW = 480  # px: a chart narrower than this (a phone) stacks its legend in one column
STACK_LEGENDS = 900  # px: in a chart narrower than this (a page's column), several legends stack


def legend_label_expr(label: str = "datum.label") -> str:
    """On a phone a long legend label goes on two lines, split at its middle word.

    Vega-Lite takes a label expression per legend, not in the config: `figures.Figure`
    adds this one to every legend, around the legend's own expression if it has one
    (`label`)."""
    narrow = f"(containerSize()[0] > 0 && containerSize()[0] < {NARROW})"
    words = f"split({label}, ' ')"
    half = f"ceil(length({words}) / 2)"
    return (
        f"{narrow} && length({label}) > 24 ? "
        f"[join(slice({words}, 0, {half}), ' '), join(slice({words}, {half}), ' ')] : {label}"
    )


def colour_name(hex_colour: str) -> str:
    """The word an alt text uses for one of the theme's colours."""
    try:
        return NAMES[hex_colour]
    except KeyError:
        raise KeyError(f"{hex_colour} is not a theme colour: add it to kzaz.theme with its name") from None


def scale(colours: dict, domain=None) -> alt.Scale:
    """A colour scale from one of the dicts above, for the categories a chart shows."""
    domain = list(colours) if domain is None else list(domain)
    return alt.Scale(domain=domain, range=[colours[d] for d in domain])


def theme() -> dict:
    # containerSize() is 0 where there is no page (pictures, JupyterLab): full legend there.
    narrow = f"(containerSize()[0] > 0 && containerSize()[0] < {NARROW})"
    return {
        "config": {
            "font": FONT,
            "view": {"continuousWidth": WIDTH, "continuousHeight": HEIGHT, "stroke": None},
            "range": {"category": PALETTE},
            "title": {
                "fontSize": 16,
                "fontWeight": "bold",
                "anchor": "start",
                "subtitleFontSize": 13,
                "subtitleColor": GREY,
                "offset": 10,
            },
            "axis": {
                "labelFontSize": 12,
                "titleFontSize": 12,
                "titleFontWeight": "normal",
                "gridColor": "#e6e6e6",
                "domainColor": "#888",
                "tickColor": "#888",
            },
            # Category labels beside a chart take at most a third of a phone's width.
            "axisY": {"labelLimit": {"expr": f"{narrow} ? 115 : 220"}},
            # The first and last labels of a continuous axis stay inside the chart.
            "axisQuantitative": {"labelFlush": True},
            "axisTemporal": {"labelFlush": True},
            # On a phone a legend stacks in one column, its labels cut only past the width.
            "legend": {
                "labelFontSize": 12,
                "titleFontSize": 12,
                "titleFontWeight": "normal",
                "orient": "bottom",
                "direction": "horizontal",
                "columns": {"expr": f"{narrow} ? 1 : 3"},
                "labelLimit": {"expr": f"{narrow} ? containerSize()[0] - 150 : 300"},
                # Several legends under a chart in a page's column go one under the other,
                # so that none is cut off at the right (side by side they outgrow a column).
                "layout": {
                    "bottom": {
                        "anchor": "start",
                        "direction": {
                            "signal": f"(containerSize()[0] > 0 && containerSize()[0] < {STACK_LEGENDS}) "
                            "? 'vertical' : 'horizontal'"
                        },
                    }
                },
            },
            "header": {"labelFontSize": 12, "titleFontSize": 12},
            "text": {"fontSize": 12},
        }
    }


def enable() -> None:
    """Register and switch on the theme (idempotent)."""
    alt.theme.register("kzaz", enable=True)(theme)
