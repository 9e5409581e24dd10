"""The diplomacy chapter: its tables hold what the sources say (as re-checked on 2026-12-02), its
module computes the numbers, charts, bounds and verdicts from them (tested directly), and the
built page shows them."""

import json
import shutil

import pandas as pd
import pytest
from conftest import ROOT, page_text

from kzaz import data, paths, theme
from kzaz.chapters import diplomacy
from kzaz.chapters.diplomacy import search
from kzaz.chapters.diplomacy.inputs import check_counts, check_events, check_search

PAGE = "chapters/diplomacy.html"


@pytest.fixture(scope="module")
def events():
    return data.load("diplomacy_events").set_index("event_id")


@pytest.fixture(scope="module")
def inp():
    return diplomacy.inputs()


@pytest.fixture(scope="module")
def facts(inp):
    return diplomacy.facts(inp)


@pytest.fixture(scope="module")
def verdicts(inp):
    return {a.claim_id: a for a in diplomacy.verdicts(inp)}


# ------------------------------------------------------------------ the data, as the sources say


def test_founding_documents_are_dated_and_placed_as_the_sources_say(events):
    # Today.az/AzerNews and Yeni Azərbaycan (2015): 30 Aug 1992; English Wikipedia copies: 27 Aug.
    assert events.loc["dipl-relations-1992", ["date", "date_alt"]].tolist() == ["1992-08-30", "1992-08-27"]
    # alp.az and RFE/RL: declaration signed in Astana on 1 Mar 2004.
    assert events.loc["declaration-friendship-2004", ["date", "place"]].tolist() == ["2004-03-01", "Astana"]
    # Akorda joint statement (Turanews, 2023) and alp.az: treaty of 24 May 2005, Baku.
    assert events.loc["treaty-strategic-allied-2005", ["date", "place"]].tolist() == ["2005-05-24", "Baku"]


def test_corrections_of_the_evidence_pass(events):
    # Kazakh MFA via CA-News (28 Sep 2009): official visit to Baku on 2 Oct 2009 (first edition: "2009-10").
    assert events.loc["visit-nazarbayev-aze-2009", ["date", "date_precision"]].tolist() == ["2009-10-02", "day"]
    # Trend via Metbuat: Aliyev met Nazarbayev on 14 Oct 2019; 15 Oct was the summit and Today.az's republication.
    row = events.loc["nazarbayev-baku-turkic-council-2019"]
    assert row["date"] == "2019-10-14" and pd.isna(row["date_alt"]) and "metbuat.az" in row["source_url"]
    # Kazakh ministry (Report.az) and Vestnik Kavkaza's Russian service: 24-26 Sep 2024; the 23 Sep caveat goes.
    assert pd.isna(events.loc["culture-aze-days-astana-2024", "date_alt"])
    # muslimamze.kz: the 2017 tour's first concert in Baku was held.
    assert events.loc["culture-kaz-days-2017", "verification"] == "confirmed"
    # Report.az (Kazinform interview, 18 Oct 2025): Aliyev's count was given before the state visit.
    assert "18 Oct 2025, before the visit" not in events.loc["visit-ialiyev-state-kaz-2025", "description"]
    assert "Before the visit" in events.loc["visit-ialiyev-state-kaz-2025", "description"]


def test_rows_added_by_the_search_are_sourced(events):
    # Tengrinews (14 Nov 2024): Tokayev spoke at COP29 in Baku; News.Az's programme puts him on 12 Nov.
    assert events.loc["visit-tokayev-baku-cop29-2024", ["date", "verification"]].tolist() == ["2024-11-12", "confirmed"]
    # OSCE joint statement, Astana, 1 Dec 2010, names Aliyev.
    assert events.loc["visit-ialiyev-astana-osce-2010", "source_url"] == "https://osce.org/de/home/87438"
    # Heydar Aliyev Heritage Library: the 4th ECO summit, Ashgabat, 14 May 1996.
    assert events.loc["meeting-haliyev-nazarbayev-eco-1996", ["place", "country"]].tolist() == ["Ashgabat", "TKM"]
    assert events.loc["accident-azal-aktau-2024", "type"] == "accident"
    # The 1991 Yeltsin-Nazarbayev mission (before independence, trilateral) is logged, not tabled.
    assert "visit-nazarbayev-yeltsin-aze-1991" not in events.index


def test_every_row_records_its_check_and_disputed_dates_say_why(events):
    assert set(events["check"]) <= {"confirmed", "corrected", "single source", "conflicting"}
    assert (events["checked_on"] == pd.Timestamp("2026-12-02")).all()
    disputed = events.dropna(subset=["date_alt"])
    assert len(disputed) == 4 and disputed["date_choice"].notna().all()
    assert (events.loc[events["check"] == "conflicting"].index.sort_values() == disputed.index.sort_values()).all()


def test_people_rows_keep_the_other_chapters_columns_and_gain_their_check():
    people = data.load("kz_az_people").set_index("figure_id")
    assert {"book_uses", "book_uses_reason", "checked_by", "checked_on", "check"} <= set(people.columns)
    # BaigeNews (Akorda), 10 Apr 2023: Tokayev gave 130,000; a statement, never used as a count.
    assert people.loc["dia-tokayev-2023", "value"] == 130000 and not people.loc["dia-tokayev-2023", "book_uses"]
    assert "45%" in people.loc["dia-apk-2023", "note"]  # flagged: cannot be a count of the same population
    assert people.loc["dia-census-2009", "check"] == "single source"  # copies of one Wikipedia article


# ------------------------------------------------------------------ the search log and the checks


def test_the_log_covers_every_year_and_names_every_event(inp):
    assert inp.search["year"].tolist() == list(range(1991, 2027))
    assert int(inp.unlogged.sum()) == 0
    assert int(inp.added.sum()) == len(inp.events) - 45  # the first edition had 45 rows
    assert (inp.search["n_queries"] >= 1).all()


def test_checks_name_file_row_and_field(inp):
    events = data.load("diplomacy_events")
    bad = events.copy()
    bad.loc[3, "date_precision"] = "month"
    bad.loc[0, "date_choice"] = None
    problems = check_events(bad)
    at = "data/diplomacy_events.csv, row"
    assert f"{at} 5, field 'date_precision': 'month' does not match date '{bad.loc[3, 'date']}'" in problems
    assert f"{at} 2, field 'date_choice': a row with date_alt says why the book uses 'date'" in problems
    log = data.load("diplomacy_search_log")
    log.loc[1, "events_found"] = "no-such-event"
    log = log[log["year"] != 1995]
    problems = check_search(log, events)
    at = "data/diplomacy_search_log.csv, row"
    assert f"{at} 3, field 'events_found': 'no-such-event' is not an event of 1992 in diplomacy_events" in problems
    assert f"{at} -, field 'year': 1995 was not searched (no row)" in problems
    counts = data.load("diplomacy_visit_counts")
    counts.loc[0, "visitor"] = "Nobody"
    assert check_counts(counts, events) == [
        "data/diplomacy_visit_counts.csv, row 2, field 'visitor': 'Nobody' is named in no event's parties"
    ]


# ------------------------------------------------------------------ facts, bounds, verdicts


def test_pace_before_and_after_the_split(inp, facts):
    before = inp.events[inp.events["year"] < 2022]
    after = inp.events[inp.events["year"] >= 2022]
    assert (facts.first_year.value, facts.split_year.value, facts.last_year.value) == (1992, 2022, 2025)
    assert facts.rate_before.value == pytest.approx(len(before) / 30)
    assert facts.rate_after.value == pytest.approx(len(after) / 4)
    assert (len(before), len(after)) == (38, 34)
    assert str(facts.rate_before) == "1.3" and str(facts.rate_after) == "8.5" and str(facts.rate_multiple) == "7"
    # The first edition's rows alone: 21 before (0.7 a year) and 24 after (6.0 a year), about 9 times.
    assert (str(facts.rate_before_first), str(facts.rate_after_first), str(facts.rate_multiple_first)) == (
        "0.7",
        "6.0",
        "9",
    )


def test_search_effort_and_the_bounds_it_allows(inp, facts):
    e = search.effort(inp)
    assert (e["before"]["queries"], e["before"]["events"]) == (92, 38)
    assert (e["after"]["queries"], e["after"]["events"]) == (26, 34)
    assert e["after"]["events_per_query"] > 3 * e["before"]["events_per_query"]
    # For 1992-2021 to have had the recent pace: 8.5 a year x 30 years - 38 rows = 217 missing events.
    assert search.missing_to_match(inp) == 217 and str(facts.missing_multiple) == "6"
    counted = search.counted_visits(inp).set_index("count_id")
    # Today.az (15 Oct 2019): Nazarbayev's ninth visit to Baku; the table has seven, so two are missing.
    assert counted.loc["count-nazarbayev-baku-2019", ["stated", "in_table", "missing"]].tolist() == [9, 7, 2]
    # Report.az (Kazinform interview, 18 Oct 2025): seven visits by Aliyev, six by Tokayev, "in three years".
    assert counted.loc["count-tokayev-aze-2025", ["stated", "in_table"]].tolist() == [6, 6]
    assert counted.loc["count-aliyev-kaz-2025", ["stated", "in_table"]].tolist() == [7, 5]


def test_data_are_dated_from_the_data(facts):
    assert str(facts.data_through) == "29 December 2025"  # Report.az interview with the ambassador
    assert str(facts.latest_event) == "21 October 2025"
    assert str(facts.checked_on) == "2 December 2026" and str(facts.search_reaches) == "15 February 2026"


def test_verdicts(verdicts):
    assert {c: a.verdict for c, a in verdicts.items()} == {
        "C01": "supported",
        "C02": "supported",
        "C03": "supported",
        "C04": "not verifiable",
        "C05": "partly supported",
        "C21": "supported",
    }
    assert "Baku from 2 December 2023" in verdicts["C21"].reason  # the culture days, not the centre's groundbreaking
    assert "217 events" in verdicts["C05"].detail and "Accidents" in verdicts["C05"].detail


def test_an_accident_is_never_a_new_format(inp):
    from kzaz.chapters.diplomacy.facts import new_kinds

    new, older = new_kinds(inp)
    assert new == ["council", "forum"] and older == ["commission"]
    assert "accident" in set(inp.events[inp.recent]["type"])


def test_key_numbers(inp):
    rows = diplomacy.key_numbers(inp)
    assert 2 <= len(rows) <= 4 and all(set(r) == {"what", "value", "period", "source"} for r in rows)
    assert rows[0]["value"] == "8.5 events a year" and rows[0]["period"] == "2022–2025"
    assert rows[2]["value"] == "2 meetings" and "azertag.az" in rows[2]["source"]


# ------------------------------------------------------------------ charts


def test_charts_plot_every_event_and_every_year_searched(inp):
    timeline = diplomacy.charts.timeline(inp)
    assert len(timeline.data) == len(inp.events) and "Incidents" in set(timeline.data["kind"])
    pace = diplomacy.charts.pace(inp).data
    assert pace["events"].sum() == len(inp.events) and set(pace["group"]) <= {
        "Visits & summits",
        "Documents & institutions",
        "Forums, culture & other",
    }
    found = diplomacy.charts.search(inp)
    by = found.data.pivot(index="year", columns="series", values="count")
    assert by.index.tolist() == list(range(1991, 2027))
    assert by["Events in the table"].sum() == len(inp.events)
    assert by.loc[2026, "Events in the table"] == 0 and by.loc[2026, "Look-ups made"] == 5
    assert "diamonds" in found.spec["description"] and theme.colour_name(theme.BLACK) in found.spec["description"]


# ------------------------------------------------------------------ a next year's event


@pytest.fixture
def next_year(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    pkg_path = tmp_path / "data" / "datapackage.json"
    pkg_path.write_text(json.dumps(json.loads(pkg_path.read_text()), ensure_ascii=False))
    events = pd.read_csv(tmp_path / "data" / "diplomacy_events.csv", dtype=str, keep_default_na=False)
    last = events[events["event_id"] == "sic-2-astana-2025"].iloc[0].to_dict()
    events.loc[len(events)] = {
        **last,
        "event_id": "sic-3-baku-2026",
        "date": "2026-05-14",
        "place": "Baku",
        "country": "AZE",
        "title": "3rd meeting of the Supreme Interstate Council (test)",
    }
    events.to_csv(tmp_path / "data" / "diplomacy_events.csv", index=False)
    monkeypatch.setattr(paths, "DATAPACKAGE", pkg_path)
    return diplomacy.inputs()


def test_a_next_years_event_reaches_the_facts_and_charts(next_year):
    facts = diplomacy.facts(next_year)
    assert (str(facts.last_year), str(facts.n_council_meetings), str(facts.n_unlogged)) == ("2026", "3 times", "1")
    assert str(facts.latest_event) == "14 May 2026"
    assert (diplomacy.charts.timeline(next_year).data["when"] == "14 May 2026").any()
    by = diplomacy.charts.search(next_year).data.pivot(index="year", columns="series", values="count")
    assert by.loc[2026, "Events in the table"] == 1


# ------------------------------------------------------------------ the built page


@pytest.mark.book
def test_page_quotes_the_data_date_and_the_search(html_dir, facts):
    text = page_text((html_dir / PAGE).read_text())
    assert f"The data run to {facts.data_through}" in text and f"on {facts.checked_on}" in text
    assert f"{facts.per_query_after} events per look-up against {facts.per_query_before}" in text
    assert "{eval}" not in text
