"""The bounds on Kazakhstan's share of Azerbaijan's wheat imports in the claim year, against the statements."""

from __future__ import annotations

import altair as alt
import pandas as pd

from kzaz import theme
from kzaz.figures import Figure, figure

from . import bounds as share
from . import claim
from .inputs import Inputs

KZ = theme.COUNTRY["Kazakhstan"]
RANGE = "bounds from sourced totals (our arithmetic)"
MONTHS = "upper bound for the months the total covers"
STATED = "The Kazakh ambassador's statements"
CLAIMED = "The article's claim"
STYLE = {RANGE: theme.LIGHT_GREY, MONTHS: theme.GREY, STATED: KZ, CLAIMED: theme.BLACK}


def rows(inp: Inputs) -> pd.DataFrame:
    """One row per thing drawn: two ranges (two readings of Saratov's tonnage), the statements, the claim."""
    b, year = share.share_bounds(inp), claim.claim_year()
    out = [
        {
            "row": "Bounds if all of Saratov's tonnage was wheat",
            "kind": RANGE,
            "low": b.lower,
            "high": b.upper_year_tight,
            "months": b.upper_months_tight,
            "what": f"{year}: at most {b.upper_year_tight:.1f}% if all {b.saratov_tight / 1000:.0f} kt were wheat; "
            f"{b.upper_months_tight:.1f}% for the months to November",
        },
        {
            "row": "Bounds if only half of it was wheat",
            "kind": RANGE,
            "low": b.lower,
            "high": b.upper_year_loose,
            "months": b.upper_months_loose,
            "what": f"{year}: at most {b.upper_year_loose:.1f}% if only "
            f"{b.saratov_loose / 1000:.0f} kt were wheat; {b.upper_months_loose:.1f}% for the months to November",
        },
    ]
    for r in claim.evidence(inp).statements.sort_values("source_date").itertuples():
        out.append(
            {
                "row": STATED,
                "kind": STATED,
                "low": r.value,
                "high": r.value,
                "months": None,
                "what": f"{r.value:.0f}% ({r.commodity}), said {r.source_date}",
            }
        )
    out.append(
        {
            "row": CLAIMED,
            "kind": CLAIMED,
            "low": claim.claimed_share(),
            "high": claim.claimed_share(),
            "months": None,
            "what": f"about {claim.claimed_share():.0f}% of grain imports in {year}",
        }
    )
    return pd.DataFrame(out)


def bounds(inp: Inputs) -> Figure:
    data, b, year = rows(inp), share.share_bounds(inp), claim.claim_year()
    order = list(dict.fromkeys(data["row"]))
    # Rows are named above their marks, not on an axis, so the marks keep the width on a phone.
    y = alt.Y("row:N", title=None, sort=order, axis=None, scale=alt.Scale(paddingOuter=0.6))
    x = alt.X(
        "low:Q",
        title="Kazakhstan's share (%)",
        scale=alt.Scale(domain=[0, 100]),
        axis=alt.Axis(values=[0, 25, 50, 75, 100]),
    )
    tips = [
        alt.Tooltip("row:N", title="What"),
        alt.Tooltip("what:N", title="Detail"),
        alt.Tooltip("low:Q", title="From (%)", format=".1f"),
        alt.Tooltip("high:Q", title="To (%)", format=".1f"),
    ]
    base = alt.Chart(data).encode(y=y, tooltip=tips)
    colour = alt.Color("kind:N", title=None, scale=theme.scale(STYLE), legend=None)  # the rows are named
    ranges = (
        base.transform_filter(alt.datum.kind == RANGE)
        .mark_bar(height=16, opacity=0.9)
        .encode(x=x, x2="high:Q", color=colour)
    )
    months = (
        base.transform_filter(alt.datum.kind == RANGE)
        .transform_calculate(kind=f"'{MONTHS}'")
        .mark_tick(thickness=2, size=22)
        .encode(x="months:Q", color=colour)
    )
    stated = (
        base.transform_filter(alt.datum.kind == STATED)
        .mark_point(shape="diamond", size=150, filled=False, strokeWidth=2)
        .encode(x=x, color=colour)
    )
    claimed = (
        base.transform_filter(alt.datum.kind == CLAIMED)
        .mark_point(shape="cross", size=110, filled=True)
        .encode(x=x, color=colour, fill=alt.value(theme.BLACK))
    )
    half = alt.Chart(pd.DataFrame({"x": [50]})).mark_rule(color=theme.GREY, strokeDash=[2, 4]).encode(x="x:Q")
    names = (
        alt.Chart(data.drop_duplicates("row")[["row"]])
        .mark_text(align="left", baseline="bottom", dy=-11, fontSize=11, color=theme.GREY)
        .encode(y=y, x=alt.value(0), text="row:N")
    )
    st = data[data["kind"] == STATED]
    return figure(
        alt.layer(half, ranges, months, stated, claimed, names).properties(width=620, height=230),
        name="fig-agt-bounds",
        title=f"Kazakhstan's share of Azerbaijan's {year} wheat imports: what the totals allow",
        subtitle=(
            "Pale bars: the range the sourced totals leave, on two readings of the Saratov region's shipments "
            "(our arithmetic); dark ticks: the upper bound for January-November alone; dotted line: half"
        ),
        hint="Hover or tap for the figures behind each mark",
        sources=["grain_imports_azerbaijan", "claims"],
        alt_text=(
            f"Range chart of Kazakhstan's possible share of Azerbaijan's wheat imports in {year}. Two "
            f"{theme.colour_name(theme.LIGHT_GREY)} bars run from {b.lower:.0f} percent to "
            f"{b.upper_year_tight:.0f} percent (if all of the Saratov region's shipments were wheat) and to "
            f"{b.upper_year_loose:.0f} percent (if only half were), with {theme.colour_name(theme.GREY)} ticks "
            f"at {b.upper_months_tight:.0f} and {b.upper_months_loose:.0f} percent for January to November. "
            f"The Kazakh ambassador's statements ({theme.colour_name(KZ)} open diamonds) at "
            + " and ".join(f"{v:.0f}" for v in st["low"])
            + " percent and the article's "
            f"{claim.claimed_share():.0f} percent ({theme.colour_name(theme.BLACK)} cross) lie inside both "
            "bars, and both bars also cross the dotted line at half."
        ),
    )
