"""The OTS chapter's charts: summits over time, the bodies, the areas of cooperation, hosts, the community.

The members-and-observers map is in `maps.py`.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from kzaz import theme
from kzaz.figures import Figure, figure
from kzaz.markdown import says
from kzaz.timeline import shift_zoom, stacked

from . import derive, marks
from .inputs import ELSEWHERE, NAKHCHIVAN, RENAMING, SERIES, Inputs

# Where a summit met (or which state chaired it by video), where a body sits: the two countries, or grey.
WHERE_COLOURS = {
    "Kazakhstan": theme.COUNTRY["Kazakhstan"],
    "Azerbaijan": theme.COUNTRY["Azerbaijan"],
    ELSEWHERE: theme.GREY,
}
LANE = {
    "Turkic-speaking states summit": "Summits of Turkic-speaking states",
    "Turkic Council summit": "Turkic Council",
    "OTS summit": "Organization of Turkic States",
}
FORMAT = {"regular": "Regular (numbered)", "extraordinary": "Extraordinary", "informal": "Informal"}
FORMAT_SHAPES = {"Regular (numbered)": "circle", "Extraordinary": "diamond", "Informal": "triangle-up"}
# A day resting on the Wikipedia list alone is drawn pale: it has one source.
SOURCED = "From a declaration, report or study"
DAY = {"official or news source": SOURCED, "scholarly source": SOURCED, "Wikipedia only": "From Wikipedia only"}
DAY_OPACITY = {SOURCED: 0.9, DAY["Wikipedia only"]: 0.35}
SYMBOL_DAYS = 260  # about one symbol's width on the timeline's axis: closer summits stack
LABEL_ROW = "label"  # each lane's first sub-row holds its name, so no point sits under it
SYMBOL = alt.ExprRef("width < 420 ? 55 : 90")  # symbol area: smaller on a phone


# ------------------------------------------------------------------ the timeline of summits


def timeline_rows(inp: Inputs) -> tuple[pd.DataFrame, list[str]]:
    """One row per summit with what the timeline shows, and the lanes' sub-rows top to bottom."""
    s = inp.summits
    plot = s.assign(
        lane=s["series"].map(LANE),
        kind=s["format"].map(FORMAT),
        day=s["day_basis"].map(DAY),
        where=s.apply(derive.where, axis=1),
        place=s.apply(
            lambda r: (
                f"{r['host_city']}, {inp.names[r['host_country']]}"
                if r["mode"] == "in person"
                else f"video link, chaired by {inp.names[r['chair_country']]}"
            ),
            axis=1,
        ),
        number_text=s["number"].map(lambda n: "" if pd.isna(n) else f"no. {int(n)}"),
        outcome_text=s["outcome"].fillna("not given in the sources"),
    )
    rows, order = stacked(plot, "lane", "start", SYMBOL_DAYS)
    plot["sub_row"] = rows.astype(str)
    cols = [
        "start",
        "when",
        "lane",
        "sub_row",
        "kind",
        "mode",
        "where",
        "day",
        "place",
        "number_text",
        "outcome_text",
        "source_url",
    ]
    return plot[cols], [LABEL_ROW, *map(str, order)]


def _timeline_alt(inp: Inputs) -> str:
    s = inp.summits
    lanes = "; ".join(
        f"{LANE[k]}, {len(g)} from {g['year'].min()} to {g['year'].max()}"
        for k in SERIES
        for g in [s[s["series"] == k]]
        if len(g)
    )
    gaps = s["start"].diff()
    i = gaps.idxmax()
    recent = s[s["year"] >= inp.recent_from]
    colours = ", ".join(f"{theme.colour_name(c)}: {k}" for k, c in WHERE_COLOURS.items())
    wiki = int((s["day_basis"] == "Wikipedia only").sum())
    pale = f"the {wiki} days known only from Wikipedia are pale" if wiki else "every day has a source beyond Wikipedia"
    return (
        f"Timeline of summits in {len(SERIES)} rows: {lanes}. Colours show where they met ({colours}); "
        f"{pale}. The longest gap, {gaps[i].days / 365.25:.1f} years, runs from "
        f"{s.loc[i - 1, 'year']} to {s.loc[i, 'year']}; {len(recent)} of the {len(s)} meetings fall in "
        f"{inp.recent_from} or later, {int((recent['format'] != 'regular').sum())} of them extraordinary or "
        "informal."
    )


def timeline(inp: Inputs) -> Figure:
    plot, sub_order = timeline_rows(inp)
    domain = marks.years(inp.summits["start"].min(), inp.summits["start"].max())
    x = alt.X(
        "start:T",
        title=None,
        scale=alt.Scale(domain=domain),
        axis=alt.Axis(format="%Y", tickCount=12, labelOverlap=True),
    )
    y = alt.Y("lane:N", title=None, sort=[LANE[k] for k in SERIES], axis=None, scale=alt.Scale(paddingInner=0.1))
    y_offset = alt.YOffset("sub_row:N", scale=alt.Scale(domain=sub_order))
    tooltip = [
        alt.Tooltip("when:N", title="Date"),
        alt.Tooltip("day:N", title="Day"),
        alt.Tooltip("lane:N", title="Series"),
        alt.Tooltip("number_text:N", title="Number"),
        alt.Tooltip("kind:N", title="Format"),
        alt.Tooltip("place:N", title="Where"),
        alt.Tooltip("outcome_text:N", title="Outcome"),
    ]
    days = {k: v for k, v in DAY_OPACITY.items() if k in set(plot["day"])}
    # Pale marks only when a day rests on Wikipedia alone; with none, no opacity legend.
    opacity = (
        alt.Opacity("day:N", title="Day of the meeting", scale=marks.opacity_scale(days))
        if len(days) > 1
        else alt.value(DAY_OPACITY[SOURCED])
    )
    base = alt.Chart(plot).encode(
        x=x,
        y=y,
        yOffset=y_offset,
        href="source_url:N",
        tooltip=tooltip,
        color=alt.Color(
            "where:N", title="Held in (or chaired from)", scale=marks.colour_scale(WHERE_COLOURS, plot["where"])
        ),
        shape=alt.Shape("kind:N", title="Format", scale=theme.scale(FORMAT_SHAPES)),
        opacity=opacity,
    )
    met = base.transform_filter(alt.datum.mode == "in person").mark_point(size=SYMBOL, filled=True)
    video = base.transform_filter(alt.datum.mode == "video").mark_point(size=SYMBOL, filled=False, strokeWidth=2)
    lanes = alt.Chart(pd.DataFrame({"lane": [LANE[k] for k in SERIES], "sub_row": LABEL_ROW, "start": domain[0]}))
    lane_text = marks.halo(
        lanes.encode(x=x, y=y, yOffset=y_offset, text="lane:N"),
        align="left",
        dx=2,
        fontSize=12,
        fontWeight="bold",
        color=theme.GREY,
    )
    by_id = inp.by_id
    milestones = pd.DataFrame(
        {
            "start": [by_id.loc[NAKHCHIVAN, "start"], by_id.loc[RENAMING, "start"]],
            "label": ["Nakhchivan Agreement", "Renamed OTS"],
        }
    )
    rules = alt.Chart(milestones).mark_rule(color=theme.GREY, strokeDash=[4, 3]).encode(x="start:T")
    rule_text = marks.halo(
        alt.Chart(milestones).encode(x="start:T", text="label:N"),
        align="right",
        dx=-4,
        y="height",
        dy=-3,
        baseline="bottom",
        fontSize=11,
        color=theme.GREY,
    )
    chart = (
        alt.layer(rules, *rule_text, *lane_text, met, video)
        .properties(width=620, height=30 + 16 * len(sub_order) * len(SERIES))
        .add_params(shift_zoom())
    )
    return figure(
        chart,
        name="fig-ots-timeline",
        title=f"Summits of the Turkic states, {inp.first_year}–{inp.last_year}",
        subtitle="Filled: met in person; open: by video link. Summits close in time are stacked within their row",
        hint="Hover or tap for the outcome, click to open the source, shift+scroll to zoom",
        sources=["ots_summits"],
        alt_text=_timeline_alt(inp),
    )


# ------------------------------------------------------------------ the bodies around the OTS


def bodies(inp: Inputs) -> Figure:
    b = inp.bodies
    domain = marks.years(b["start"].min(), b["start"].max(), pd.DateOffset(years=2))
    plot = b.assign(
        text=b["short_name"]
        + " ("
        + b["seat_city"]
        + ")"
        + b["known_to"].map(lambda k: "" if k == "day" else f", {k} only"),
        side=marks.side(b["start"], domain),
    )
    plot = plot[
        [
            "start",
            "when",
            "known_to",
            "short_name",
            "full_name",
            "seat",
            "where",
            "text",
            "side",
            "ots_link",
            "source_url",
        ]
    ]
    colour = alt.Color("where:N", title="Seat in", scale=marks.colour_scale(WHERE_COLOURS, plot["where"]))
    base = alt.Chart(plot).encode(
        x=alt.X("start:T", title=None, scale=alt.Scale(domain=domain), axis=alt.Axis(format="%Y", labelOverlap=True)),
        y=alt.Y("short_name:N", title=None, sort=plot["short_name"].tolist(), axis=None),
    )
    tooltip = [
        alt.Tooltip("full_name:N", title="Body"),
        alt.Tooltip("when:N", title="Founded"),
        alt.Tooltip("seat:N", title="Seat"),
        alt.Tooltip("ots_link:N", title="Tie to the OTS"),
    ]
    points = base.mark_point(size=160, strokeWidth=2).encode(
        color=colour,
        fill=alt.condition(alt.datum.known_to == "day", colour, alt.value("white")),
        href="source_url:N",
        tooltip=tooltip,
    )
    right = base.transform_filter(alt.datum.side == "right").mark_text(align="left", dx=10, fontSize=12)
    left = base.transform_filter(alt.datum.side == "left").mark_text(align="right", dx=-10, fontSize=12)
    founded = pd.DataFrame({"start": [inp.by_id.loc[NAKHCHIVAN, "start"]], "label": ["Turkic Council founded"]})
    rule = alt.Chart(founded).mark_rule(color=theme.GREY, strokeDash=[4, 3]).encode(x="start:T")
    rule_text = marks.halo(
        alt.Chart(founded).encode(x="start:T", text="label:N"),
        align="right",
        dx=-4,
        y="height",
        dy=-3,
        baseline="bottom",
        fontSize=11,
        color=theme.GREY,
    )
    seats = ", ".join(f"{city} {n}" for city, n in b["seat_city"].value_counts().items())
    return figure(
        alt.layer(rule, *rule_text, points, right.encode(text="text:N"), left.encode(text="text:N")).properties(
            width=620, height=44 * len(plot)
        ),
        name="fig-ots-bodies",
        title="When the Turkic bodies were founded, and where they sit",
        subtitle=(
            "Open circle: the founding is known only to the year"
            if (b["known_to"] != "day").any()
            else "Every founding known to the day"
        ),
        hint="Hover or tap for the tie to the OTS; click for the source",
        sources=["ots_bodies"],
        alt_text=(
            "Dot chart of founding dates: "
            + ", ".join(f"{r.short_name} {r.start.year} in {r.seat_city}" for r in b.itertuples())
            + f". Seats by city: {seats}."
        ),
    )


# ------------------------------------------------------------------ the areas of cooperation (C19)

WHO = {"OTS Secretary General": theme.NEUTRAL[0], "Foreign Minister of Azerbaijan": theme.COUNTRY["Azerbaijan"]}
BOUND = {"stated figure": "circle", "lower bound": "triangle-up", "upper bound": "triangle-down"}


def bound_kind(qualifier: str) -> str:
    """'more than'/'over' a number: a lower bound; 'almost': an upper bound; otherwise the figure itself."""
    if qualifier in derive.LOWER_BOUND:
        return "lower bound"
    return "upper bound" if qualifier in derive.UPPER_BOUND else "stated figure"


AREAS_HEIGHT, LABEL_ABOVE, LABEL_GAP_PX, CLUSTER_DAYS = 260, -12, 14, 60  # px, px, px, days


def label_dy(plot: pd.DataFrame, top: int) -> pd.Series:
    """Each label's vertical offset: above its point, unless a label of a nearby point (within a couple of
    months) already sits there, in which case it moves down until the two no longer overlap."""
    px = plot["count"].map(lambda c: AREAS_HEIGHT * (1 - c / top))
    dy = pd.Series(float(LABEL_ABOVE), index=plot.index)
    placed: list[tuple[pd.Timestamp, float]] = []  # (date, label's pixel y) of labels already placed
    for i in plot.sort_values(["count", "date"], ascending=[False, True]).index:
        y = px[i] + LABEL_ABOVE
        for day, other in sorted(placed, key=lambda t: t[1]):
            if abs((plot.at[i, "date"] - day).days) <= CLUSTER_DAYS and abs(y - other) < LABEL_GAP_PX:
                y = other + LABEL_GAP_PX
        placed.append((plot.at[i, "date"], y))
        dy[i] = y - px[i]
    return dy


def areas(inp: Inputs) -> Figure:
    a = inp.areas
    domain = marks.years(a["date"].min(), a["date"].max(), pd.DateOffset(months=3))
    plot = a.assign(
        who=a["speaker_role"],
        bound=a["qualifier"].map(bound_kind),
        text=[derive.wording(r) for r in a.itertuples()],
        when=a["date"].dt.strftime("%-d %B %Y"),
        side=marks.side(a["date"], domain),
    )
    top = 5 * math.ceil(1.15 * max(plot["count"].max(), inp.threshold) / 5)
    plot["dy"] = label_dy(plot, top)
    plot = plot[["date", "count", "who", "kind", "bound", "text", "side", "dy", "when", "occasion", "source_url"]]
    base = alt.Chart(plot).encode(
        x=alt.X(
            "date:T",
            title=None,
            scale=alt.Scale(domain=domain),
            axis=alt.Axis(format="%b %Y", tickCount=6, labelOverlap=True),
        ),
        y=alt.Y("count:Q", title="Number stated", scale=alt.Scale(domain=[0, top])),
    )
    tooltip = [
        alt.Tooltip("when:N", title="Date"),
        alt.Tooltip("who:N", title="Speaker"),
        alt.Tooltip("kind:N", title="Kind"),
        alt.Tooltip("text:N", title="Wording"),
        alt.Tooltip("occasion:N", title="Occasion"),
    ]
    points = base.mark_point(size=170, filled=True).encode(
        color=alt.Color("who:N", title="Said by", scale=marks.colour_scale(WHO, plot["who"])),
        shape=alt.Shape("bound:N", title="The number is", scale=marks.colour_scale(BOUND, plot["bound"])),
        href="source_url:N",
        tooltip=tooltip,
    )
    dy = alt.ExprRef("datum.dy")
    right = base.transform_filter(alt.datum.side == "right").mark_text(align="left", dx=10, dy=dy, fontSize=11)
    left = base.transform_filter(alt.datum.side == "left").mark_text(align="right", dx=-10, dy=dy, fontSize=11)
    claim = pd.DataFrame({"count": [inp.threshold], "label": [f"claim C19: more than {inp.threshold}"]})
    rule = alt.Chart(claim).mark_rule(strokeDash=[5, 4], color=theme.GREY).encode(y="count:Q")
    rule_text = (
        alt.Chart(claim)
        .mark_text(align="left", x=4, dy=12, fontSize=11, color=theme.GREY)
        .encode(y="count:Q", text="label:N")
    )
    return figure(
        alt.layer(rule, rule_text, points, right.encode(text="text:N"), left.encode(text="text:N")).properties(
            width=620, height=AREAS_HEIGHT
        ),
        name="fig-ots-areas",
        title="How many areas of cooperation does the OTS cover? What it and officials said",
        subtitle=(
            "Triangles up: 'more than' or 'over' a number; down: 'almost' it. No OTS document with a count was found"
        ),
        sources=["ots_cooperation_areas"],
        alt_text=(
            "Dot chart of statements on the number of OTS areas of cooperation: "
            + "; ".join(
                f"{r.speaker_role}{' (OTS message)' if r.kind == 'OTS message' else ''}, {r.date:%B %Y}: "
                f"{derive.wording(r)}"
                for r in a.itertuples()
            )
            + f". A dashed line marks {inp.threshold}, the article's threshold."
        ),
    )


# ------------------------------------------------------------------ who hosted the summits

KIND_OPACITY = {"Regular summit": 1.0, "Extraordinary or informal": 0.45}


def host_counts(inp: Inputs) -> pd.DataFrame:
    per = derive.hosted(inp).groupby(["country", "kind"]).size().rename("summits").reset_index()
    per["where"] = per["country"].map(lambda c: c if c in WHERE_COLOURS else ELSEWHERE)
    per["kind_rank"] = per["kind"].map(list(KIND_OPACITY).index)
    return per


def _hosts_alt(inp: Inputs) -> str:
    """Ranks from the totals, ties kept together; then what each total includes beyond numbered summits."""
    totals, hosted = derive.host_totals(inp), derive.hosted(inp)
    ranked = [says(g.index) + f" {n}" + (" each" if len(g) > 1 else "") for n, g in totals.groupby(totals, sort=False)]
    colours = ", ".join(f"{k} {theme.colour_name(c)}" for k, c in WHERE_COLOURS.items())
    text = (
        f"Horizontal bars of summits hosted in person, by country, from most to fewest: {'; '.join(ranked)}. "
        f"Bars are coloured {colours}."
    )
    for country in ("Azerbaijan", "Kazakhstan"):
        extra = hosted[(hosted["country"] == country) & (hosted["format"] != "regular")]
        if len(extra):
            text += (
                f" {country}'s total includes "
                + says(f"an {r.format} summit in {r.host_city} ({r.year})" for r in extra.itertuples())
                + "."
            )
    return text


def hosts(inp: Inputs) -> Figure:
    per, totals, ip = host_counts(inp), derive.host_totals(inp), inp.in_person
    bold = "indexof(['Kazakhstan', 'Azerbaijan'], datum.value) >= 0 ? 'bold' : 'normal'"
    bars = (
        alt.Chart(per)
        .mark_bar(stroke="white", strokeWidth=1)
        .encode(
            x=alt.X(
                "summits:Q",
                title=f"Summits hosted in person, {ip['year'].min()}–{ip['year'].max()}",
                axis=alt.Axis(values=list(range(0, int(totals.max()) + 1)), format="d"),
            ),
            y=alt.Y(
                "country:N", title=None, sort=totals.index.tolist(), axis=alt.Axis(labelFontWeight=alt.ExprRef(bold))
            ),
            color=alt.Color("where:N", title="Host", scale=marks.colour_scale(WHERE_COLOURS, per["where"])),
            opacity=alt.Opacity("kind:N", title="Format", scale=marks.opacity_scale(KIND_OPACITY)),
            order=alt.Order("kind_rank:Q"),
            tooltip=[
                alt.Tooltip("country:N", title="Host"),
                alt.Tooltip("kind:N", title="Format"),
                alt.Tooltip("summits:Q", title="Summits"),
            ],
        )
        .properties(width=620, height=30 * len(totals))
    )
    return figure(
        bars,
        name="fig-ots-hosts",
        title="Who hosted the Turkic summits",
        subtitle="Summits held in person, by host country; video summits are counted in the text",
        sources=["ots_summits"],
        alt_text=_hosts_alt(inp),
    )


# ------------------------------------------------------------------ the Azerbaijani community

BASIS = {
    "census": "Census",
    "official statistics": "Statistics bureau",
    "official's statement": "Official's statement, not a count",
}
BASIS_SHAPES = {"Census": "square", "Statistics bureau": "circle", "Official's statement, not a count": "triangle-up"}
BASIS_OPACITY = {"Census": 0.95, "Statistics bureau": 0.95, "Official's statement, not a count": 0.4}
GIVEN_BY = {"Kazakhstan": theme.COUNTRY["Kazakhstan"], "Azerbaijan": theme.COUNTRY["Azerbaijan"]}
CLOSE_DAYS, CLOSE_VALUE = 500, 20000  # points this close would print their labels on top of each other
PHONE_PLOT, PHONE_CHAR, LABEL_GAP = 250, 5.5, 9  # px: a phone's plot width, a 9 px label's character, the gap
LABEL_FONT = alt.ExprRef("width < 420 ? 9 : 11")


def label_places(dia: pd.DataFrame, domain: list[str], texts: pd.Series) -> pd.Series:
    """Right of the point, unless the label would run past the right edge of a phone's chart (then
    left of it), and above it for the later of two points so close that their labels would collide."""
    ordered = dia.sort_values(["start", "value"])
    close_to_previous = ((ordered["start"] - ordered["start"].shift(1)).dt.days < CLOSE_DAYS) & (
        (ordered["value"] - ordered["value"].shift(1)).abs() < CLOSE_VALUE
    )
    lo, hi = (pd.Timestamp(d) for d in domain)
    x = (ordered["start"] - lo) / (hi - lo) * PHONE_PLOT
    past_edge = x + LABEL_GAP + texts.reindex(ordered.index).str.len() * PHONE_CHAR > PHONE_PLOT
    place = pd.Series("right", index=ordered.index).mask(past_edge, "left").mask(close_to_previous, "above")
    return place.reindex(dia.index)


def diaspora_rows(inp: Inputs, domain: list[str]) -> pd.DataFrame:
    dia = derive.diaspora(inp)
    texts = dia.apply(derive.figure_text, axis=1)
    out = dia.assign(
        basis_label=dia["basis"].map(BASIS),
        given_by=dia["stated_by_country"].map(inp.names),
        text=texts,
        place=label_places(dia, domain, texts),
    )
    return out[["start", "when", "value", "basis_label", "given_by", "text", "place", "stated_by", "source_url"]]


def diaspora(inp: Inputs) -> Figure:
    dia = derive.diaspora(inp)
    domain = [
        f"{dia['start'].min() - pd.DateOffset(years=1):%Y-%m-%d}",
        f"{dia['start'].max() + pd.DateOffset(months=18):%Y-%m-%d}",
    ]  # room for the last label above it
    plot = diaspora_rows(inp, domain)
    top = 10_000 * math.ceil(1.1 * plot["value"].max() / 10_000)
    base = alt.Chart(plot).encode(
        x=alt.X(
            "start:T",
            title=None,
            scale=alt.Scale(domain=domain),
            axis=alt.Axis(format="%Y", tickCount=8, labelOverlap=True),
        ),
        y=alt.Y(
            "value:Q",
            title="Ethnic Azerbaijanis in Kazakhstan",
            scale=alt.Scale(domain=[0, top]),
            axis=alt.Axis(format="~s"),
        ),
    )
    points = base.mark_point(size=150, filled=True, strokeWidth=1.5).encode(
        color=alt.Color("given_by:N", title="Figure given by", scale=marks.colour_scale(GIVEN_BY, plot["given_by"])),
        shape=alt.Shape("basis_label:N", title="Kind of figure", scale=theme.scale(BASIS_SHAPES)),
        opacity=alt.Opacity("basis_label:N", title="Kind of figure", scale=marks.opacity_scale(BASIS_OPACITY)),
        href="source_url:N",
        tooltip=[
            alt.Tooltip("when:N", title="Date"),
            alt.Tooltip("text:N", title="Figure"),
            alt.Tooltip("stated_by:N", title="From"),
            alt.Tooltip("basis_label:N", title="Kind"),
        ],
    )
    places = {
        "right": dict(align="left", dx=9, dy=-8),
        "left": dict(align="right", dx=-9, dy=-8),
        "above": dict(align="center", dy=-14),
    }
    labels = [
        base.transform_filter(alt.datum.place == p).mark_text(fontSize=LABEL_FONT, **kw).encode(text="text:N")
        for p, kw in places.items()
    ]
    colours = ", ".join(f"{theme.colour_name(c)}: {k}" for k, c in GIVEN_BY.items())
    return figure(
        alt.layer(points, *labels).properties(width=620, height=280),
        name="fig-ots-diaspora",
        title="How many Azerbaijanis live in Kazakhstan? The figures disagree",
        subtitle="Census and statistics bureau counts, and officials' statements drawn pale: they are not counts",
        sources=["kz_az_people"],
        alt_text=(
            f"Scatter of figures for ethnic Azerbaijanis in Kazakhstan, coloured by the country that gave them "
            f"({colours}): "
            + "; ".join(f"{r.basis_label}, {r.when}: {r.text}" for r in plot.itertuples())
            + ". Officials' statements, drawn pale, scatter above and below the statistics bureau's counts."
        ),
    )
