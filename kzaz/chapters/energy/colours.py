"""The energy chapter's colours, by meaning (kzaz.theme): countries keep theme.COUNTRY, and no
country's colour means anything else here.

- Routes: the ways out through Russia take the theme's colour for the route through Russia,
  told apart by depth; the way across the Caspian through Azerbaijan takes the Middle
  Corridor's; the pipeline to China is dark grey. The exports chart, the map and the BTC
  chart use the same colour for the same route.
- Fuels and electricity sources are not countries: black, greys and theme.OTHER colours.
"""

from __future__ import annotations

from kzaz import theme

GREY_DARK, GREY_MID, GREY_LIGHT, GREY_PALE = theme.NEUTRAL[1], theme.NEUTRAL[2], theme.NEUTRAL[3], theme.NEUTRAL[4]
THROUGH_RUSSIA = theme.ROUTE["Northern route (through Russia)"]
VIA_AZERBAIJAN = theme.ROUTE["Middle Corridor"]

# By flow (oil_kaz_exports.flow, and "aktau_btc" for the way through Azerbaijan): colour and depth.
FLOW_COLOUR = {
    "cpc": THROUGH_RUSSIA,
    "atyrau_samara": THROUGH_RUSSIA,
    "aktau_makhachkala": THROUGH_RUSSIA,
    "kazakhstan_china": GREY_DARK,
    "aktau_btc": VIA_AZERBAIJAN,
    "rest": GREY_PALE,
}
FLOW_OPACITY = {
    "cpc": 1.0,
    "atyrau_samara": 0.6,
    "aktau_makhachkala": 0.35,
    "kazakhstan_china": 1.0,
    "aktau_btc": 1.0,
    "rest": 1.0,
}
DEPTH = {1.0: "", 0.6: "mid ", 0.35: "pale "}  # how an alt text names a paler shade of a route colour

# Fuels produced, and primary energy use (dashed).
# Black means oil and nothing else on this page; orange, too close to Azerbaijan's red in the
# next chart, is not used.
SERIES_COLOUR = {
    "Oil production": theme.BLACK,
    "Gas production": GREY_MID,
    "Coal production": GREY_LIGHT,
    "Primary energy use": GREY_DARK,
}
# Electricity by source: fossil fuels pale, the renewables on top of them dark, solar yellow. No
# country's colour (light blue is Türkiye's), no route's.
MIX_COLOUR = {
    "Fossil fuels": GREY_PALE,
    "Hydropower": GREY_DARK,
    "Wind": GREY_MID,
    "Solar": theme.YELLOW,
    "Other renewables": GREY_LIGHT,
}


def flow_name(flow: str) -> str:
    """'pale pink' for a route's colour at its depth, as an alt text says it."""
    return DEPTH[FLOW_OPACITY[flow]] + theme.colour_name(FLOW_COLOUR[flow])
