"""Charts of promises against delivery: how far each judged promise was off, and a goal re-dated."""

from __future__ import annotations

import altair as alt

from kzaz import theme
from kzaz.figures import Figure, figure

from . import promises as pr
from .inputs import Inputs

# What a promise is about, in the book's colours: the corridor's own green; oil in the energy
# chapter's black; containers and capacity in greys (they are no country and no route).
SUBJECT_COLOURS = {
    pr.CARGO: theme.ROUTE["Middle Corridor"],
    pr.TEU: theme.NEUTRAL[1],
    pr.OIL: theme.BLACK,
    pr.CAPACITY: theme.NEUTRAL[3],
}
BAR, ROW = 12, 44  # px: a bar, and a row of label over bar
GOAL_SHAPES = {"capacity a year": "square", "traffic a year": "circle"}
GOAL_COLOURS = {"capacity a year": SUBJECT_COLOURS[pr.CAPACITY], "traffic a year": SUBJECT_COLOURS[pr.CARGO]}


def _label(row) -> str:
    amount = f"{row['promised']:,.2f}".rstrip("0").rstrip(".")
    return f"{row['year']}: {row['who']}, {row['kind']} of {amount} {row['unit']} ({row['said_label']})"


def _short(row) -> str:
    """The label for a phone: the speaker's surname (or the body's name), the kind and the amount."""
    who = row["who"].split(". ")[-1] if ". " in row["who"] else row["who"].removeprefix("Kazakh ")
    amount = f"{row['promised']:,.2f}".rstrip("0").rstrip(".")
    return f"{row['year']}: {who}, {row['kind']} {amount} {row['unit']}"


PHONE_LABEL = f"width < {theme.NARROW} ? datum.short : datum.label"  # full labels do not fit a phone


def record(inp: Inputs) -> Figure:
    j = pr.judged(inp)
    j["label"] = [_label(r) for _, r in j.iterrows()]
    j["short"] = [_short(r) for _, r in j.iterrows()]
    j["error_text"] = [f"{e:+.0f}%" for e in j["error_pct"]]
    order = list(j["label"])
    subjects = [s for s in pr.SUBJECTS if s in set(j["subject"])]
    y = alt.Y("label:N", sort=order, title=None, axis=None)
    lo, hi = float(j["error_pct"].min()), float(j["error_pct"].max())
    x = alt.X(
        "error_pct:Q",
        title="Delivered against promised, % (left: less than promised)",
        scale=alt.Scale(domain=[min(0.0, lo * 1.2), max(0.0, hi * 1.2)]),  # room for the value labels
    )
    tip = [
        alt.Tooltip("label:N", title="Promise"),
        alt.Tooltip("subject:N", title="About"),
        alt.Tooltip("promised:Q", title="Promised", format=",.3~f"),
        alt.Tooltip("outturn:Q", title="Delivered", format=",.3~f"),
        alt.Tooltip("unit:N", title="Unit"),
        alt.Tooltip("error_text:N", title="Off by"),
        alt.Tooltip("source_publisher:N", title="Published by"),
    ]
    base = alt.Chart(j)
    bars = base.mark_bar(height=BAR).encode(
        y=y, x=x, tooltip=tip, color=alt.Color("subject:N", title="About", scale=theme.scale(SUBJECT_COLOURS, subjects))
    )
    names = (
        base.transform_calculate(shown=PHONE_LABEL)
        .mark_text(align="left", baseline="bottom", dy=-BAR / 2 - 3, fontSize=11, color=theme.GREY)
        .encode(y=y, x=alt.value(0), text="shown:N")
    )
    values = base.mark_text(
        baseline="middle",
        fontSize=11,
        dx={"expr": "datum.error_pct < 0 ? -4 : 4"},
        align={"expr": "datum.error_pct < 0 ? 'right' : 'left'"},
    ).encode(y=y, x=x, text="error_text:N")
    zero = alt.Chart().mark_rule(color=theme.GREY).encode(x=alt.datum(0))
    short = int((j["error_pct"] < 0).sum())
    worst = j.loc[j["error_pct"].abs().idxmax()]
    return figure(
        alt.layer(bars, names, values, zero).properties(width=600, height=ROW * len(j)),
        name="fig-mc-record",
        title=f"Of {len(j)} promises whose year has ended, {short} delivered less than promised",
        subtitle="Each bar is one sourced forecast, plan or target, judged against the outturn of the same scope "
        "for its year (capacity targets against the capacity stated that year)",
        hint="Hover or tap for the figures and the source",
        sources=["titr_cargo", "oil_kaz_via_btc"],
        alt_text=(
            f"Horizontal bars, one per promise, from {j['year'].min()} to {j['year'].max()}, coloured by what "
            "they are about ("
            + "; ".join(f"{theme.colour_name(SUBJECT_COLOURS[s])}: {s}" for s in subjects)
            + f"). {short} of {len(j)} fall short of the promise; the furthest off is {worst['label']}, "
            f"{worst['error_pct']:+.0f}%."
        ),
    )


def goal_moves(inp: Inputs) -> Figure:
    m = pr.moves(inp)
    value = float(m["value"].iloc[0])
    m["year_label"] = m["year"].astype(int)
    tip = [
        alt.Tooltip("said_label:N", title="Said"),
        alt.Tooltip("who:N", title="By"),
        alt.Tooltip("year_label:Q", title="For the year", format="d"),
        alt.Tooltip("goal:N", title="Goal"),
        alt.Tooltip("source_publisher:N", title="Published by"),
    ]
    x = alt.X("said_at:T", title="When it was said", axis=alt.Axis(format="%Y", tickCount="year"))
    y = alt.Y(
        "year_label:Q",
        title="Year the goal is for",
        scale=alt.Scale(zero=False, nice=False, domain=[int(m["year"].min()) - 1, int(m["year"].max()) + 1]),
        axis=alt.Axis(format="d", tickMinStep=1),
    )
    dots = (
        alt.Chart(m)
        .mark_point(size=150, filled=True, opacity=1)
        .encode(
            x=x,
            y=y,
            tooltip=tip,
            shape=alt.Shape("goal:N", title=f"{value:.0f} Mt a year of", scale=theme.scale(GOAL_SHAPES)),
            color=alt.Color("goal:N", title=f"{value:.0f} Mt a year of", scale=theme.scale(GOAL_COLOURS)),
        )
    )
    first, last = m.iloc[0], m.iloc[-1]
    return figure(
        dots.properties(width=600, height=260),
        name="fig-mc-moves",
        title=f"The {value:.0f} million tonnes goal, stated {len(m)} times for {m['year'].nunique()} different years",
        subtitle="Each point is a statement of the goal: when it was made (across) and the year it was set for (up)",
        hint="Hover or tap for who said it",
        sources=["titr_cargo"],
        alt_text=(
            f"Points for {len(m)} statements of a goal of {value:.0f} million tonnes a year on the Middle "
            f"Corridor: {theme.colour_name(GOAL_COLOURS['capacity a year'])} squares for capacity and "
            f"{theme.colour_name(GOAL_COLOURS['traffic a year'])} circles for traffic. The first, in "
            f"{first['said_label']}, set it for {int(first['year'])}; the latest, in {last['said_label']}, "
            f"for {int(last['year'])}."
        ),
    )
