"""What the facts, charts and verdicts share: statements before the article, hosts, the community's figures."""

from __future__ import annotations

import pandas as pd

from kzaz import dates

from .inputs import DIASPORA, KZ_AZ, Inputs

STRONG_TIES = ("listed by the OTS", "summit decision")  # ties C20 counts; a body's own word does not
LOWER_BOUND = ("more than", "over")
UPPER_BOUND = ("almost",)  # 'almost 40': just under the number


# ------------------------------------------------------------------ areas of cooperation (C19)


def said_before(inp: Inputs) -> pd.DataFrame:
    """Statements on the number of areas made on or before the article's day."""
    return inp.areas[inp.areas["date"] <= inp.article_date]


def latest_said(inp: Inputs) -> pd.DataFrame:
    """The statements of the last month before the article: what officials were saying when it appeared."""
    said = said_before(inp)
    if said.empty:
        return said
    return said[said["date"].dt.to_period("M") == said["date"].max().to_period("M")]


def bounds(r) -> tuple[int | None, int | None]:
    """The whole numbers a statement allows, read as bounds: 'more than 35' is 36 or more, 'almost 40' at most
    39, 'reached 30' or 'about 40' the number itself (None: no bound that side)."""
    if r["qualifier"] in LOWER_BOUND:
        return r["count"] + 1, None
    if r["qualifier"] in UPPER_BOUND:
        return None, r["count"] - 1
    return r["count"], r["count"]


def beyond(r, threshold: int) -> bool:
    """Does a stated number say more than THRESHOLD? ('over 30' and 'almost 40' do; 'reached 30' does not.)
    'almost N' is read as just under N: more than the threshold when N - 1 is."""
    low, high = bounds(r)
    return (low if low is not None else high) > threshold


def bounds_of(said: pd.DataFrame) -> dict:
    """What a set of statements allows together: the weakest and the strongest lower bound, the tightest upper
    bound, and whether they can all be right."""
    rows = [(r, *bounds(r)) for _, r in said.iterrows()]
    lows = [(low, r) for r, low, _ in rows if low is not None]
    highs = [(high, r) for r, _, high in rows if high is not None]
    weakest = min(lows, key=lambda t: t[0]) if lows else None
    strongest = max(lows, key=lambda t: t[0]) if lows else None
    ceiling = min(highs, key=lambda t: t[0]) if highs else None
    consistent = not (strongest and ceiling) or strongest[0] <= ceiling[0]
    return dict(weakest=weakest, strongest=strongest, ceiling=ceiling, consistent=consistent)


def documents(inp: Inputs) -> pd.DataFrame:
    return inp.areas[inp.areas["kind"] == "OTS document"]


def ots_messages(inp: Inputs) -> pd.DataFrame:
    """Statements the OTS itself issued (its website or press service), made on or before the article's day."""
    said = said_before(inp)
    return said[said["kind"] == "OTS message"]


def on_last_day(inp: Inputs) -> pd.DataFrame:
    """The statements of the last day before the article (the summit where they were made)."""
    said = said_before(inp)
    return said[said["date"] == said["date"].max()] if len(said) else said


def sg_moves(inp: Inputs, within_days: int = 31) -> list[tuple]:
    """Pairs of the Secretary General's statements, within a month of each other, whose numbers differ
    (in the count or in its wording: 'almost 40' and 'over 40' are not the same number)."""
    sgs = inp.areas[inp.areas["speaker_role"] == "OTS Secretary General"]
    return [
        (a, b)
        for a, b in zip(sgs.itertuples(), sgs.iloc[1:].itertuples())
        if (b.date - a.date).days <= within_days and (a.count, a.qualifier) != (b.count, b.qualifier)
    ]


def wording(r) -> str:
    """'more than 20 areas of cooperation', as the speaker put it."""
    return f"{r.qualifier} {r.count} {r.counted_as}"


# ------------------------------------------------------------------ hosts


def hosted(inp: Inputs) -> pd.DataFrame:
    """Summits held in person, with the host's name and the summit's kind."""
    ip = inp.in_person
    kind = ip["format"].map(lambda f: "Regular summit" if f == "regular" else "Extraordinary or informal")
    return ip.assign(country=ip["host_country"].map(inp.names), kind=kind)


def host_totals(inp: Inputs) -> pd.Series:
    """Summits hosted in person per country, most first (ties in order of the first summit hosted)."""
    return hosted(inp)["country"].value_counts(sort=False).sort_values(ascending=False, kind="stable")


def split_phrase(sel: pd.DataFrame) -> str:
    """'4 numbered' or '5 numbered and 1 informal', from the rows themselves."""
    counts = sel["format"].value_counts()
    parts = [
        f"{counts[f]} {'numbered' if f == 'regular' else f}"
        for f in ("regular", "extraordinary", "informal")
        if counts.get(f, 0)
    ]
    if len(parts) == 1 and len(sel) > 1:
        return "all " + parts[0].split(" ", 1)[1]
    return " and ".join(parts)


def where(s) -> str:
    """Where a summit met, or which state chaired it by video: Kazakhstan, Azerbaijan or another state."""
    code = s["host_country"] if isinstance(s["host_country"], str) else s["chair_country"]
    return KZ_AZ.get(code, "another state")


# ------------------------------------------------------------------ the Azerbaijani community


def diaspora(inp: Inputs) -> pd.DataFrame:
    return inp.people[inp.people["measure"] == DIASPORA]


def figure_text(r) -> str:
    """'about 130,000', 'more than 200,000' or '85,292'."""
    q = {"about": "about ", "more than": "more than "}.get(r["qualifier"], "")
    return f"{q}{r['value']:,}"


def counts_used(inp: Inputs) -> pd.DataFrame:
    """The community figures the book uses (book_uses in the data), oldest first."""
    dia = diaspora(inp)
    return dia[dia["book_uses"]]


def statements(inp: Inputs, country: str) -> pd.DataFrame:
    dia = diaspora(inp)
    return dia[(dia["basis"] == "official's statement") & (dia["stated_by_country"] == country)]


def latest(inp: Inputs, measure: str) -> pd.Series:
    """The latest figure of a measure the book uses (the year is read from the data)."""
    rows = inp.people[(inp.people["measure"] == measure) & inp.people["book_uses"]]
    return rows.iloc[-1]


# ------------------------------------------------------------------ how current the data are


def statement_dates(inp: Inputs) -> pd.Series:
    """The day each row the chapter uses was stated: a summit's day (an announcement's for announced ones),
    a status's, a founding's, a statement's, the source's date for initiatives and people's figures."""

    def when(frame, *columns):
        return frame[list(columns)].bfill(axis=1).iloc[:, 0].dropna().map(dates.start_of)

    ini = inp.initiatives[inp.initiatives["book_uses"]]
    parts = [
        inp.summits["start"],
        when(inp.announced, "source_date"),
        inp.members["since"].map(dates.start_of),
        inp.bodies["start"],
        inp.areas["date"],
        when(ini, "source_date", "date"),
        when(inp.people, "source_date", "reference_date"),
        inp.culture["date"].map(dates.start_of),
    ]
    return pd.concat(parts, ignore_index=True)


def checked_on(inp: Inputs) -> pd.Series:
    """When the rows of the chapter's own tables (and the people's figures, once they carry it) were checked."""
    frames = [inp.summits, inp.announced, inp.members, inp.bodies, inp.areas, inp.initiatives, inp.people]
    return pd.concat([f["checked_on"] for f in frames if "checked_on" in f], ignore_index=True).dropna()
