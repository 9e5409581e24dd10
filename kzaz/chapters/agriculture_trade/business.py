"""Investment figures, business events and digital cooperation."""

from __future__ import annotations

import pandas as pd

from kzaz import dates

from .inputs import Inputs

DIRECTIONS = ("kaz_to_aze", "aze_to_kaz")
FARM_WORDS = "farm|agri|grain|wheat"


def money(inp: Inputs) -> pd.DataFrame:
    """Investment figures in million US$, in the order of the date they refer to."""
    inv = inp.investment
    return inv[inv["unit"] == "million US$"].sort_values("period_end", kind="stable")


def as_stated(inp: Inputs, used: bool = True) -> pd.DataFrame:
    """Undefined investment figures ("investment" with no stock or flow said), the ones the book cites."""
    m = money(inp)
    m = m[m["measure"] == "investment_as_stated"]
    return m[m["book_uses"]] if used else m


def by_direction(rows: pd.DataFrame) -> dict[str, pd.Series]:
    """The rows of one date, one per direction."""
    return {d: rows[rows["direction"] == d].iloc[0] for d in DIRECTIONS}


def stated_on(inp: Inputs, which: str) -> dict[str, pd.Series]:
    """The first or latest date's cited figures each way ("first" or "latest")."""
    cited = as_stated(inp)
    when = cited["period_end"].min() if which == "first" else cited["period_end"].max()
    return by_direction(cited[cited["period_end"] == when])


def disputed(inp: Inputs) -> tuple[dict[str, pd.Series], dict[str, pd.Series]]:
    """The date two reports give figures for: the ones the book cites and the other report's, each way."""
    rows = as_stated(inp, used=False)
    twice = rows[rows.duplicated(["period_end", "direction"], keep=False)]
    if twice.empty:
        raise ValueError("no date has two reports of investment: the text describes one")
    same = rows[rows["period_end"] == twice["period_end"].iloc[0]]
    return by_direction(same[same["book_uses"]]), by_direction(same[~same["book_uses"]])


def cumulative(inp: Inputs, nonoil: bool = False) -> dict[str, pd.Series]:
    """The sums over a period each way: all sectors, or the non-oil sectors only."""
    m = money(inp)
    return by_direction(m[m["measure"] == ("investment_cumulative_nonoil" if nonoil else "investment_cumulative")])


def companies(inp: Inputs, direction: str) -> pd.DataFrame:
    """Counts of companies with the investor country's capital, one per date (the ones the book cites)."""
    inv = inp.investment
    rows = inv[(inv["measure"] == "companies") & (inv["direction"] == direction) & inv["book_uses"]]
    rows = rows.assign(start=rows["period_end"].map(dates.start_of)).sort_values("start")
    return rows.drop_duplicates("period_end", keep="first")


def comparable_pairs(inp: Inputs) -> int:
    """Pairs of figures of one defined measure and direction, from which a direction could be read."""
    defined = money(inp)[lambda d: d["measure"] == "investment_cumulative"]
    return sum(max(len(grp) - 1, 0) for _, grp in defined.groupby("direction"))


def investment_trend(inp: Inputs) -> bool | None:
    """Did investment grow on a defined measure, both ways? None if no two figures compare."""
    if comparable_pairs(inp) == 0:
        return None
    defined = money(inp)[lambda d: d["measure"] == "investment_cumulative"]
    return bool(defined.groupby("direction")["value"].apply(lambda v: v.iloc[-1] > v.iloc[0]).all())


def fund(inp: Inputs) -> pd.Series:
    """The joint investment fund: the one investment milestone with a planned size (inputs checks there is one)."""
    m = inp.milestones
    return m[(m["kind"] == "investment") & m["value"].notna()].iloc[0]


def fund_steps(inp: Inputs) -> pd.DataFrame:
    """What was agreed about the fund later (investment milestones without a value), oldest first."""
    m = inp.milestones
    return m[(m["kind"] == "investment") & m["value"].isna()].sort_values("start")


def contracts(inp: Inputs) -> pd.DataFrame:
    """Every set of contracts signed, with its value (inputs checks each has one), oldest first."""
    m = inp.milestones
    return m[m["kind"] == "contracts"].sort_values("start")


# --------------------------------------------------------------------------- business events

EVENT_FIELDS = ["event_id", "date", "title", "place", "verification", "source_publisher", "source_url", "source"]


def business_events(inp: Inputs) -> pd.DataFrame:
    """The diplomacy table's forums and missions, and the events only this chapter's table holds."""
    forums = inp.events[inp.events["type"] == "forum"].assign(source="diplomacy_events")
    own = inp.milestones[inp.milestones["kind"] == "business_event"].rename(columns={"milestone_id": "event_id"})
    own = own.assign(place="", verification="confirmed", source="trade_milestones")
    biz = pd.concat([forums[EVENT_FIELDS], own[EVENT_FIELDS]], ignore_index=True)
    biz["year"] = biz["date"].str[:4].astype(int)
    biz["format"] = [FORMATS[next((w for w in FORMATS if w in t.lower()), "")] for t in biz["title"]]
    return biz.sort_values("date")


# What an event is, by the first of these words its title has ("" for none).
FORMATS = {
    "agricultural forum": "agricultural forum",
    "forum": "business forum",
    "mission": "trade mission",
    "business council": "business council meeting",
    "": "other business event",
}


def formats_by_year(biz: pd.DataFrame) -> str:
    """'trade missions in 2022 and 2023, an agricultural forum in 2024 and a business forum in 2025'."""
    from kzaz.markdown import says

    parts = []
    for fmt_, grp in biz.groupby("format", sort=False):
        years = sorted(set(grp["year"]))
        many = len(grp) > 1
        name = f"{fmt_}s" if many else ("an " if fmt_[0] in "aeiou" else "a ") + fmt_
        parts.append((years[0], f"{name} in {says(str(y) for y in years)}"))
    return says(p for _, p in sorted(parts))


def latest_run(years) -> list[int]:
    """The latest unbroken run of years: [2022, 2023, 2024, 2025] from 2019, 2022, 2023, 2024, 2025."""
    years = sorted(set(int(y) for y in years))
    run = [years[-1]]
    while run[0] - 1 in years:
        run.insert(0, run[0] - 1)
    return run


def recurring_formats(biz: pd.DataFrame) -> list[str]:
    """Formats held in every year of the latest run."""
    run = set(latest_run(biz["year"]))
    return [f for f in ("business forum", "trade mission") if run <= set(biz.loc[biz["format"] == f, "year"])]


# --------------------------------------------------------------------------- farm and digital milestones


def farm_milestones(inp: Inputs) -> pd.DataFrame:
    m = inp.milestones
    farm = m["title"].str.contains(FARM_WORDS, case=False) | m["description"].str.contains(
        FARM_WORDS, case=False, na=False
    )
    return m[farm]


def farm_projects(inp: Inputs) -> pd.DataFrame:
    """Joint farm projects with a value (investments or contracts)."""
    farm = farm_milestones(inp)
    return farm[farm["kind"].isin(["investment", "contracts"]) & farm["value"].notna()]


def farm_technology(inp: Inputs) -> pd.DataFrame:
    farm = farm_milestones(inp)
    return farm[
        farm["title"].str.contains("technolog", case=False)
        | farm["description"].str.contains("technolog", case=False, na=False)
    ]


def digital(inp: Inputs) -> pd.DataFrame:
    m = inp.milestones
    return m[m["kind"] == "digital"]


def digital_platforms(inp: Inputs) -> pd.DataFrame:
    """Bilateral digital agreements on e-services or e-commerce platforms."""
    d = digital(inp)
    bilateral = d[d["scope"] == "bilateral"]
    return bilateral[bilateral["title"].str.contains("e-commerce|e-service|platform", case=False)]
