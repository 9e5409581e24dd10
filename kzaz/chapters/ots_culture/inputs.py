"""The chapter's inputs: summits, members, bodies, statements and people, checked and prepared."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from kzaz import basemap, claims, data, dates
from kzaz.chapters import diplomacy

# Summits the history names (historical documents, picked by their ids).
SECRETARIAT, STATUTE = "tss-04-1996", "tss-05-1998"
NAKHCHIVAN, COUNCIL_START, RENAMING = "tss-09-2009", "tss-10-2010", "tc-08-2021"
# What the prose says those rows record: the build fails if a row stops saying it.
PROSE_RELIES_ON = {SECRETARIAT: "secretariat", STATUTE: "secretariat", COUNCIL_START: "Turkic Council started"}
TSS = "Turkic-speaking states summit"
HELD = "held"  # ots_summits.status: announced summits not found held are kept apart and never counted
SERIES = [TSS, "Turkic Council summit", "OTS summit"]
KZ_AZ = {"KAZ": "Kazakhstan", "AZE": "Azerbaijan"}
ELSEWHERE = "another state"
# The student figures: one series per measure; the latest row of each is the one quoted.
STUDENTS_KAZ_IN_AZE = "Kazakh students studying in Azerbaijan"
STUDENTS_AZE_IN_KAZ = "Azerbaijani students studying in Kazakhstan"
QUOTA = "Government-funded study places offered each way per year"
DIASPORA = "Ethnic Azerbaijanis in Kazakhstan"


@dataclass(frozen=True)
class Inputs:
    summits: pd.DataFrame  # summits held, oldest first, with start/when/year
    announced: pd.DataFrame  # summits announced but not found held, with start/when
    members: pd.DataFrame  # with label (status on the map), since_year, when
    bodies: pd.DataFrame  # oldest first, with start/when/known_to/seat/where
    areas: pd.DataFrame  # statements on the number of areas, oldest first
    people: pd.DataFrame  # students and the community, with start/when
    initiatives: pd.DataFrame
    culture: pd.DataFrame  # the diplomacy table's culture events, oldest first
    names: dict  # iso3 -> the book's name of the country
    article_date: pd.Timestamp  # when the seed article appeared
    threshold: int  # the number C19 says the areas exceed
    searched: dict  # how far the sources searched run ('searched' in the summits' resource)

    @cached_property
    def by_id(self) -> pd.DataFrame:
        return self.summits.set_index("summit_id")

    @property
    def first_year(self) -> int:
        return int(self.summits["year"].min())

    @property
    def last_year(self) -> int:
        return int(self.summits["year"].max())

    @property
    def recent_from(self) -> int:
        """The first year of the decade of the latest summit: 'recent' summits are this decade's."""
        return self.last_year // 10 * 10

    @property
    def in_person(self) -> pd.DataFrame:
        return self.summits[self.summits["mode"] == "in person"]

    def summit_on(self, day: pd.Timestamp) -> pd.Series | None:
        """The summit held on a day, if any (statements made at a summit)."""
        same = self.summits[self.summits["start"] == day]
        return same.iloc[0] if len(same) else None


def country_names() -> dict:
    """Every country's name as the book writes it, by ISO code (from the boundary data)."""
    countries = data.load("geo_countries")
    return dict(zip(countries["iso3"], countries["name"].replace(basemap.DISPLAY_NAME)))


def check_summits(summits: pd.DataFrame, names: dict) -> list[str]:
    """A summit's fields must agree with each other (what the schema cannot say)."""
    out = []

    def bad(row, field, text):
        out.append(data.problem("ots_summits", row, field, text))

    for row, s in enumerate(summits.itertuples(), start=2):
        if (s.format == "regular") != pd.notna(s.number):
            bad(row, "number", "regular summits, and only they, carry a number")
        if s.mode == "in person" and not isinstance(s.host_country, str):
            bad(row, "host_country", "an in-person summit needs a host country")
        if s.mode == "in person" and s.status == HELD and not isinstance(s.host_city, str):
            bad(row, "host_city", "a summit held in person needs a host city")
        if s.status != HELD and not isinstance(s.source_date, str):
            bad(row, "source_date", "an announced summit needs the date of the announcement")
        if s.mode == "video" and (isinstance(s.host_country, str) or not isinstance(s.chair_country, str)):
            bad(row, "chair_country", "a video summit has a chairing state, not a host")
        if isinstance(s.host_country, str) and s.host_country not in names:
            bad(row, "host_country", f"'{s.host_country}' has no name in data/geo/countries.geojson")
        if isinstance(s.date_alt, str) and s.date_alt == s.date:
            bad(row, "date_alt", "repeats date")
    for series, group in summits[summits["format"] == "regular"].groupby("series"):
        nums = sorted(int(n) for n in group["number"].dropna())
        if nums and nums != list(range(nums[0], nums[0] + len(nums))):
            bad("-", "number", f"{series}: numbers {nums} are not consecutive")
    return out


def check_named_summits(summits: pd.DataFrame) -> list[str]:
    """The rows the history names exist and still say what the prose relies on."""
    rows = {sid: i for i, sid in enumerate(summits["summit_id"], start=2)}
    missing = [s for s in (SECRETARIAT, STATUTE, NAKHCHIVAN, COUNCIL_START, RENAMING) if s not in rows]
    if missing:
        return [data.problem("ots_summits", "-", "summit_id", f"the chapter names summits {missing}")]
    out = [
        data.problem("ots_summits", rows[sid], "outcome", f"the text relies on '{word}'")
        for sid, word in PROSE_RELIES_ON.items()
        if word not in str(summits.loc[summits["summit_id"] == sid, "outcome"].iloc[0])
    ]
    tss = summits[summits["series"] == TSS]
    if tss["start"].idxmax() != summits.index[summits["summit_id"] == COUNCIL_START][0]:
        out.append(
            data.problem(
                "ots_summits", rows[COUNCIL_START], "series", "the text calls it the last Turkic-speaking states summit"
            )
        )
    return out


def check_members(members: pd.DataFrame, names: dict) -> list[str]:
    out = []
    for row, m in enumerate(members.itertuples(), start=2):
        on_map = isinstance(m.map_code, str)
        if on_map != (m.kind != "international organisation"):
            out.append(
                data.problem(
                    "ots_membership", row, "map_code", "states and entities need a map code, organisations none"
                )
            )
        if on_map and m.map_code not in names:
            out.append(
                data.problem("ots_membership", row, "map_code", f"'{m.map_code}' is not in data/geo/countries.geojson")
            )
    return out


def check_bodies(bodies: pd.DataFrame) -> list[str]:
    return [
        data.problem("ots_bodies", row, "ots_link", "describe the tie, or leave it empty when ots_tie is 'none found'")
        for row, b in enumerate(bodies.itertuples(), start=2)
        if (b.ots_tie == "none found") != (not isinstance(b.ots_link, str))
    ]


def check_people(people: pd.DataFrame) -> list[str]:
    out = []
    for row, p in enumerate(people.itertuples(), start=2):
        if (p.topic == "diaspora") != (p.unit == "persons"):
            out.append(
                data.problem("kz_az_people", row, "unit", "diaspora figures count persons; education figures students")
            )
        if p.book_uses and p.topic == "diaspora" and p.basis == "official's statement":
            out.append(
                data.problem(
                    "kz_az_people",
                    row,
                    "book_uses",
                    "an official's statement on the community is not a count: not for use",
                )
            )
    for measure in (STUDENTS_KAZ_IN_AZE, STUDENTS_AZE_IN_KAZ, QUOTA):
        if not (people["measure"] == measure).any():
            out.append(data.problem("kz_az_people", "-", "measure", f"the chapter quotes '{measure}'; no row has it"))
    return out


def _dated(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    out = frame.assign(start=frame[column].map(dates.start_of), when=frame[column].map(dates.label))
    return out.sort_values("start", kind="stable").reset_index(drop=True)


def status_label(m) -> str:
    """A party's status as the map and its legend name it."""
    if m["status"] == "founding member":
        return "Founding member"
    if m["status"] == "member":
        return "Member (joined later)"
    if m["kind"] == "state":
        return "Observer state"
    return "Observer entity, status disputed" if m["status_disputed"] else "Observer entity"


def initiatives() -> pd.DataFrame:
    """The initiatives, with their date as the text gives it: 'no later than ...' where only that is known."""
    ini = _dated(data.load("ots_initiatives"), "date")
    bound = ini["dated_by"] == "no later than"
    ini.loc[bound, "when"] = "no later than " + ini.loc[bound, "when"]
    return ini


def inputs() -> Inputs:
    names = country_names()
    summits = data.load("ots_summits")
    members = data.load("ots_membership")
    bodies = data.load("ots_bodies")
    people = data.load("kz_az_people")
    problems = (
        check_summits(summits, names) + check_members(members, names) + check_bodies(bodies) + check_people(people)
    )
    if problems:
        raise data.DataError(problems)
    summits = _dated(summits, "date")
    summits["year"] = summits["start"].dt.year
    announced = summits[summits["status"] != HELD].reset_index(drop=True)
    summits = summits[summits["status"] == HELD].reset_index(drop=True)
    problems = check_named_summits(summits)
    if problems:
        raise data.DataError(problems)
    members = members.assign(
        label=members.apply(status_label, axis=1),
        since_year=members["since"].str[:4].astype(int),
        when=members["since"].map(dates.label),
    )
    bodies = _dated(bodies, "founded").assign(
        known_to=lambda b: b["founded"].map(dates.precision),
        seat=lambda b: b["seat_city"] + ", " + b["seat_country"].map(names),
        where=lambda b: b["seat_country"].map(KZ_AZ).fillna(ELSEWHERE),
    )
    areas = data.load("ots_cooperation_areas").sort_values("date", kind="stable").reset_index(drop=True)
    events = diplomacy.inputs().events
    return Inputs(
        summits=summits,
        members=members,
        bodies=bodies,
        areas=areas,
        people=_dated(people, "reference_date"),
        announced=announced,
        initiatives=initiatives(),
        culture=events[events["type"] == "culture"].reset_index(drop=True),
        names=names,
        # The seed interview's publication date, from the claims resource's source.
        article_date=pd.Timestamp(data.sources("claims")[0]["date_published"]),
        # The claim's threshold, from its own wording in data/claims.csv.
        threshold=int(re.search(r"more than (\d+)", claims.claim_text("C19")).group(1)),
        searched=data.resource("ots_summits").spec.get("searched", {}),
    )
