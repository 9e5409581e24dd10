"""The chapter's figures, one function each: production, balance, suppliers, mirror, Kazakh share;
the two trade charts (turnover, ytd) are in charts_trade and listed here too.

Countries keep the book's colours (theme.COUNTRY); partners the theme does not name take
colours that mean no country; what is uncertain (an upper bound, a statement no
statistics back) is drawn pale or outlined and named in the legend.
"""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

from kzaz import shares, theme
from kzaz.figures import Figure, figure
from kzaz.markdown import says

from . import claim, fao
from .charts_bounds import bounds
from .charts_trade import turnover, ytd
from .inputs import Inputs

__all__ = ["balance", "bounds", "kaz_share", "mirror", "production", "suppliers", "turnover", "ytd"]

KZ, AZ = theme.COUNTRY["Kazakhstan"], theme.COUNTRY["Azerbaijan"]
ELEMENT = {"Production": theme.BLACK, "Imports": theme.ORANGE, "Exports": theme.GREEN}  # not countries: OTHER
BOOK_NAME = {"KAZ": "Kazakhstan", "AZE": "Azerbaijan", "RUS": "Russia"}  # FAO codes the theme has colours for
FREE = [c for c in theme.OTHER if c not in theme.COUNTRY.values()]  # colours that mean no country
# A legend's columns: one on a phone (as the theme's), `wide` otherwise.
NARROW_EXPR = f"(containerSize()[0] > 0 && containerSize()[0] < {theme.NARROW})"


def legend_columns(wide: int) -> dict:
    return {"expr": f"{NARROW_EXPR} ? 1 : {wide}"}


def _names(colours: dict) -> str:
    return ", ".join(f"{theme.colour_name(c)}: {k}" for k, c in colours.items())


def production(inp: Inputs) -> Figure:
    prod = fao.production_wide(inp)
    plot = inp.production[inp.production["country_code"] != "WLD"][
        ["country", "year", "production_t", "yield_kg_ha"]
    ].copy()
    plot["Mt"] = plot["production_t"] / 1e6
    plot["t_ha"] = plot["yield_kg_ha"] / 1000
    first, last = int(plot["year"].min()), int(plot["year"].max())
    chart = (
        alt.Chart(plot)
        .mark_line(point=alt.OverlayMarkDef(size=25))
        .encode(
            x=alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickCount=12, labelOverlap=True)),
            y=alt.Y("Mt:Q", title="Million tonnes"),
            color=alt.Color("country:N", title=None, scale=theme.scale(theme.COUNTRY_COLOURS)),
            tooltip=[
                alt.Tooltip("country:N", title="Country"),
                alt.Tooltip("year:Q", title="Year"),
                alt.Tooltip("Mt:Q", title="Production (Mt)", format=".2f"),
                alt.Tooltip("t_ha:Q", title="Yield (t/ha)", format=".2f"),
            ],
        )
        .properties(width=620, height=280)
    )
    kz, az = fao.mt(prod["KAZ"]), fao.mt(prod["AZE"])
    return figure(
        chart,
        name="fig-agt-production",
        title=f"Cereal production, Kazakhstan and Azerbaijan, {first}–{last}",
        subtitle="Million tonnes of all cereals as harvested grain (FAO crop group 'Cereals, primary'), not wheat "
        "alone",
        hint="Hover or tap for the yield per hectare",
        sources=["fao_cereal_production"],
        alt_text=(
            f"Line chart of cereal production from {first} to {last} ({_names(theme.COUNTRY_COLOURS)}). "
            f"Kazakhstan's line swings between about {kz.min():.0f} and {kz.max():.0f} million tonnes from "
            f"year to year; Azerbaijan's stays low and rises slowly from about {az.min():.0f} to "
            f"{az.max():.0f} million tonnes."
        ),
    )


def balance(inp: Inputs) -> Figure:
    label = {"production_t": "Production", "import_t": "Imports", "export_t": "Exports"}
    bal = inp.balance[inp.balance["country_code"] != "WLD"]
    long = bal.melt(id_vars=["country", "year"], value_vars=list(label), var_name="element", value_name="t")
    long["element"] = long["element"].map(label)
    long["Mt"] = long["t"] / 1e6
    base = (
        alt.Chart(long)
        .mark_line(point=alt.OverlayMarkDef(size=25))
        .encode(
            x=alt.X(
                "year:Q",
                title=None,
                axis=alt.Axis(format="d", tickCount=5, labelOverlap=True, labelSeparation=6),
                scale=alt.Scale(nice=False),
            ),
            y=alt.Y("Mt:Q", title="Million tonnes"),
            color=alt.Color("element:N", title=None, scale=theme.scale(ELEMENT)),
            tooltip=[
                alt.Tooltip("country:N", title="Country"),
                alt.Tooltip("year:Q", title="Year"),
                alt.Tooltip("element:N", title="Element"),
                alt.Tooltip("Mt:Q", title="Million tonnes", format=".2f"),
            ],
        )
    )
    # One panel per country, stacked and each as wide as the column; each has its own scale. A value the
    # book doubts (data/fao_national_checks.csv) is ringed and labelled in its panel.
    flagged = flagged_points(inp, "fao_cereal_balance", label)
    panels = [
        alt.layer(base.transform_filter(alt.datum.country == c), *flag_marks(flagged, c)).properties(
            width="container", height=200, title=alt.TitleParams(c, fontSize=13, color=theme.COUNTRY[c])
        )
        for c in ("Kazakhstan", "Azerbaijan")
    ]
    chart = alt.vconcat(*panels, spacing=18).resolve_scale(y="independent", color="shared")
    first, last = int(long["year"].min()), int(long["year"].max())
    kz, az = fao.balance_of(inp, "KAZ"), fao.balance_of(inp, "AZE")
    mt = fao.mt
    return figure(
        chart,
        name="fig-agt-balance",
        title=f"Cereal balance: production, imports and exports, {first}–{last}",
        subtitle="FAO food balances, class 'Cereals' (all grains, flour counted as grain); each panel has its own "
        "scale",
        sources=["fao_cereal_balance"],
        alt_text=(
            f"Two line charts, one above the other ({_names(ELEMENT)}). Kazakhstan produces "
            f"{mt(kz['production_t'].min()):.0f} to {mt(kz['production_t'].max()):.0f} million tonnes of "
            f"cereals a year and exports {mt(kz['export_t'].min()):.0f} to {mt(kz['export_t'].max()):.0f} "
            f"million, with imports rising to {mt(kz['import_t'].max()):.1f} million. Azerbaijan produces "
            f"{mt(az['production_t'].min()):.1f} to {mt(az['production_t'].max()):.1f} million tonnes and "
            f"imports {mt(az['import_t'].min()):.1f} to {mt(az['import_t'].max()):.1f} million every year, "
            "with almost no exports."
            + "".join(
                f" A ringed point marks FAO's {r.element.lower()} for {r.country} in {r.year}, "
                f"{r.Mt:.1f} million tonnes, which the book flags as {r.finding}."
                for r in flagged.itertuples()
            )
        ),
    )


FLAG = "flagged: see About the data"


def flagged_points(inp: Inputs, resource: str, label: dict) -> pd.DataFrame:
    """FAO values of a resource that the book flags, placed where the chart draws them."""
    f = inp.flags[(inp.flags["upstream_resource"] == resource) & inp.flags["field"].isin(list(label))]
    names = {"KAZ": "Kazakhstan", "AZE": "Azerbaijan"}
    return pd.DataFrame(
        {
            "country": f["country_code"].map(names),
            "year": f["year"].astype(int),
            "element": f["field"].map(label),
            "Mt": f["upstream_value"] / 1e6,
            "national_Mt": f["national_value"] / 1e6,
            "finding": f["finding"],
            "national": f["national_measure"],
            "note": FLAG,
        }
    )


def flag_marks(flagged: pd.DataFrame, country: str) -> list:
    """A ring and a short label on each flagged value in one country's panel."""
    rows = flagged[flagged["country"] == country]
    if rows.empty:
        return []
    base = alt.Chart(rows).encode(
        x="year:Q",
        y="Mt:Q",
        tooltip=[
            alt.Tooltip("year:Q", title="Year"),
            alt.Tooltip("element:N", title="Element"),
            alt.Tooltip("Mt:Q", title="FAO, million tonnes", format=".2f"),
            alt.Tooltip("finding:N", title="Flag"),
            alt.Tooltip("national_Mt:Q", title="National figure, Mt", format=".2f"),
            alt.Tooltip("national:N", title="National figure"),
        ],
    )
    ring = base.mark_point(shape="circle", size=420, filled=False, strokeWidth=2, color=theme.BLACK)
    text = base.mark_text(align="right", dx=-14, dy=-4, fontSize=11, color=theme.BLACK).encode(
        text=alt.value("FAO value doubtful")
    )
    return [ring, text]


def partner_colours(s: pd.DataFrame) -> dict[str, str]:
    """Partners by name: the theme's country colours where it has one, else colours that mean no country
    (in the order of the partners' total value)."""
    totals = s.groupby(["partner", "partner_code"])["value_kusd"].sum().sort_values(ascending=False)
    out, free = {}, iter(FREE)
    for name, code in totals.index:
        out[name] = theme.COUNTRY[BOOK_NAME[code]] if code in BOOK_NAME else next(free)
    return out


def suppliers(inp: Inputs) -> Figure:
    sup = fao.suppliers(inp)
    colours = partner_colours(sup.shares)
    plotted = sup.shares[["year", "partner", "M USD", "share_pct", "n_listed"]]
    bars = (
        alt.Chart(plotted)
        .mark_bar()
        .encode(
            x=alt.X("year:O", title=None, scale=alt.Scale(domain=sup.years_all), axis=alt.Axis(labelAngle=-90)),
            y=alt.Y("M USD:Q", title="Million US$", stack="zero"),
            color=alt.Color("partner:N", title="Partner", scale=theme.scale(colours)),
            order=alt.Order("partner:N", sort="ascending"),
            tooltip=[
                alt.Tooltip("year:O", title="Year"),
                alt.Tooltip("partner:N", title="Partner"),
                alt.Tooltip("M USD:Q", title="Million US$", format=",.1f"),
                alt.Tooltip("share_pct:Q", title="Share of listed partners, % (upper bound)", format=".1f"),
                alt.Tooltip("n_listed:Q", title="Partners listed that year"),
            ],
        )
    )
    gaps = (
        alt.Chart(pd.DataFrame({"year": sup.missing, "note": "not in the data"}))
        .mark_text(angle=270, align="left", dy=4, color=theme.GREY, fontSize=11)
        .encode(x=alt.X("year:O", scale=alt.Scale(domain=sup.years_all)), y=alt.value(270), text="note:N")
    )
    threshold = shares.FAO_LISTING_THRESHOLD_PCT
    return figure(
        alt.layer(bars, gaps).properties(width=620, height=290),
        name="fig-agt-suppliers",
        title=f"Azerbaijan's wheat imports by partner, {sup.first}–{sup.last}",
        subtitle=f"Million US$. Only partners with at least {threshold:g}% of the year's value are in the data, so "
        "shares of the listed total are upper bounds",
        hint="Hover or tap for each partner's share",
        sources=["fao_trade_kz_az"],
        alt_text=(
            f"Stacked bar chart of Azerbaijan's wheat import value by partner from {sup.first} to {sup.last} "
            f"({_names(colours)}). Kazakhstan and Russia account for almost all of it. Kazakhstan's part is "
            f"largest in the years up to {int(sup.majority.index.max())}; later Russia's part dominates and "
            f"Kazakhstan's shrinks, falling below the listing threshold in {says(sup.kaz_absent)}. Missing "
            f"years: {', '.join(str(y) for y in sup.missing)}."
        ),
    )


def mirror(inp: Inputs) -> Figure:
    m = fao.mirror(inp)
    sides = {"Azerbaijan's imports from Kazakhstan": AZ, "Kazakhstan's exports to Azerbaijan": KZ}
    plot = m.melt(id_vars="year", value_vars=["value_kusd_az", "value_kusd_kz"], var_name="side", value_name="kusd")
    plot["side"] = plot["side"].map(dict(zip(["value_kusd_az", "value_kusd_kz"], sides)))
    plot["M USD"] = plot["kusd"] / 1000
    plot = plot.merge(m[["year", "ratio"]], on="year")
    first, last = int(m["year"].min()), int(m["year"].max())
    chart = (
        alt.Chart(plot)
        .mark_point(filled=True, size=70, opacity=0.85)
        .encode(
            x=alt.X(
                "year:Q",
                title=None,
                axis=alt.Axis(format="d", tickCount=10, labelOverlap=True),
                scale=alt.Scale(domain=[first - 1, last + 1]),
            ),
            y=alt.Y("M USD:Q", title="Million US$"),
            color=alt.Color("side:N", title=None, scale=theme.scale(sides)),
            shape=alt.Shape("side:N", title=None, scale=alt.Scale(domain=list(sides), range=["circle", "diamond"])),
            tooltip=[
                alt.Tooltip("year:Q", title="Year"),
                alt.Tooltip("side:N", title="Declared as"),
                alt.Tooltip("M USD:Q", title="Million US$", format=",.1f"),
                alt.Tooltip("ratio:Q", title="Imports / exports", format=".2f"),
            ],
        )
        .properties(width=620, height=270)
    )
    return figure(
        chart,
        name="fig-agt-mirror",
        title="One flow, two declarations: wheat from Kazakhstan to Azerbaijan",
        subtitle="Declared value, million US$, in the years both countries list the other in FAO's trade matrix",
        sources=["fao_trade_kz_az"],
        alt_text=(
            f"Paired points per year from {first} to {last} comparing Azerbaijan's declared wheat imports "
            f"from Kazakhstan ({theme.colour_name(AZ)} circles) with Kazakhstan's declared wheat exports to "
            f"Azerbaijan ({theme.colour_name(KZ)} diamonds). The importer's figure is between "
            f"{m['ratio'].min():.2f} and {m['ratio'].max():.2f} times the exporter's."
        ),
    )


# --------------------------------------------------------------------------- every Kazakh share found

# How each kind of share is drawn: what is a bound or unconfirmed is pale or open.
SHARE_STYLE = {  # kind: (colour, shape, filled, size)
    claim.FAO_BOUND: (theme.LIGHT_GREY, "circle", True, 150),
    "below": (theme.LIGHT_GREY, "circle", False, 150),  # claim.below_threshold()
    claim.AZ_REPORTED: (AZ, "square", True, 70),
    claim.AZ_RESIDUAL: (AZ, "triangle-down", False, 120),
    claim.KZ_STATED: (KZ, "diamond", False, 150),
    claim.CLAIMED: (theme.BLACK, "cross", True, 110),
}
OPEN = "transparent"
# What the legend calls each kind (the data keep the longer words, and the tooltip shows them).
SHORT = {
    claim.FAO_BOUND: "FAO: upper bound",
    claim.AZ_REPORTED: "Azerbaijani statistics or officials",
    claim.AZ_RESIDUAL: "at most: 100% minus Russia's share",
    claim.KZ_STATED: "Kazakh officials",
    claim.CLAIMED: "the article's claim",
}


def _short_labels(kinds: list[str]) -> str:
    """A legend labelExpr that shows SHORT's words (kinds not in it as they are)."""
    short = {**SHORT, claim.below_threshold(): f"FAO: below the {shares.FAO_LISTING_THRESHOLD_PCT:g}% threshold"}
    expr = "datum.label"
    for k in kinds:
        if k in short:
            expr = f"datum.label === {json.dumps(k)} ? {json.dumps(short[k])} : ({expr})"
    return expr


def share_style() -> dict:
    return {(claim.below_threshold() if k == "below" else k): v for k, v in SHARE_STYLE.items()}


def _by_kind(style: dict, kinds: list[str]) -> dict:
    """One legend for the kinds: outline colour, fill (none for bounds and statements), shape, size."""

    def scale(i):
        return alt.Scale(domain=kinds, range=[style[k][i] for k in kinds])

    fill = alt.Scale(domain=kinds, range=[style[k][0] if style[k][2] else OPEN for k in kinds])
    legend = alt.Legend(columns=legend_columns(2), symbolStrokeWidth=2, labelExpr=_short_labels(kinds))
    return dict(
        stroke=alt.Stroke("kind:N", title=None, scale=scale(0), legend=legend),
        fill=alt.Fill("kind:N", title=None, scale=fill, legend=legend),
        shape=alt.Shape("kind:N", title=None, scale=scale(1), legend=legend),
        size=alt.Size("kind:N", title=None, scale=scale(3), legend=legend),
    )


def kaz_share(inp: Inputs) -> Figure:
    pts, style, sup = claim.share_points(inp), share_style(), fao.suppliers(inp)
    kinds, year = claim.kinds(), claim.claim_year()
    base = alt.Chart(pts).encode(
        x=alt.X(
            "mid:T",
            title=None,
            axis=alt.Axis(format="%Y", tickCount=14, labelOverlap=True),
            scale=alt.Scale(domain=[f"{sup.first}-01-01", f"{year + 1}-01-01"]),
        ),
        y=alt.Y("share:Q", title="Kazakhstan's share (%)", scale=alt.Scale(domain=[0, 100])),
        tooltip=[
            alt.Tooltip("period:N", title="Period"),
            alt.Tooltip("share:Q", title="Share (%)", format=".1f"),
            alt.Tooltip("kind:N", title="What it is"),
            alt.Tooltip("base:N", title="Product base"),
            alt.Tooltip("source:N", title="Source"),
        ],
    )
    fao_line = (
        base.transform_filter(alt.datum.kind == claim.FAO_BOUND)
        .mark_line(color=theme.LIGHT_GREY, strokeDash=[3, 3])
        .encode(detail="segment:N")
    )
    # Drawn in the data's order: FAO's pale bounds first, so a solid reported share in the same
    # year sits on top of the bound and leaves it visible around it.
    points = base.mark_point(strokeWidth=2, opacity=1).encode(**_by_kind(style, kinds), href="url:N")
    half = alt.Chart(pd.DataFrame({"y": [50]})).mark_rule(color=theme.GREY, strokeDash=[2, 4]).encode(y="y:Q")
    amb, first = inp.doc("ambassador"), inp.doc("ambassador_first")
    return figure(
        alt.layer(half, fao_line, points).properties(width=620, height=320),
        name="fig-agt-kaz-share",
        title="Kazakhstan's share of Azerbaijan's wheat and grain imports: every measure found",
        subtitle="Bases differ (wheat or grain, value or tonnes, months or years); partial periods are drawn at "
        "their midpoint. Pale or open marks are bounds or unconfirmed statements",
        hint="Hover or tap for each figure's base and source, click to open it",
        sources=["fao_trade_kz_az", "grain_imports_azerbaijan", "claims"],
        alt_text=(
            f"Scatter of Kazakhstan's share of Azerbaijan's wheat or grain imports from {sup.first} to {year}. "
            f"FAO-based upper bounds ({theme.colour_name(theme.LIGHT_GREY)} dots) swing widely up to "
            f"{int(sup.majority.index.max())}, then stay low, with Kazakhstan below the listing threshold in "
            f"{says(sup.kaz_absent)} and {sup.kaz.loc[sup.last]:.0f} percent in {sup.last}; Azerbaijani figures "
            f"({theme.colour_name(AZ)} squares, and open triangles for 100% minus Russia's share), some for "
            f"parts of a year, are drawn beside them. For {year} there are only the Kazakh ambassador's "
            f"{first['value']:.0f} and {amb['value']:.0f} percent ({theme.colour_name(KZ)} open diamonds) and "
            f"the article's {claim.claimed_share():.0f} percent ({theme.colour_name(theme.BLACK)} cross)."
        ),
    )
