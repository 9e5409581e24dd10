"""The OTS and culture chapter: its tables hold what the sources say, its module computes the
numbers, charts and verdicts from them (tested directly), and the built page shows them."""

import dataclasses
import json
import re
import shutil

import pandas as pd
import pytest
from conftest import ROOT, page_text

from kzaz import claims, data, paths, theme
from kzaz.chapters import ots_culture
from kzaz.chapters.ots_culture.inputs import (
    check_bodies,
    check_members,
    check_named_summits,
    check_people,
    check_summits,
)

PAGE = "chapters/ots_culture.html"


@pytest.fixture(scope="module")
def summits():
    """The summits held (announced ones are kept apart: see test_announced_summits_are_kept_apart)."""
    s = data.load("ots_summits")
    return s[s["status"] == "held"].reset_index(drop=True)


@pytest.fixture(scope="module")
def inp():
    return ots_culture.inputs()


@pytest.fixture(scope="module")
def facts(inp):
    return ots_culture.facts(inp)


@pytest.fixture(scope="module")
def page(html_dir):
    return (html_dir / PAGE).read_text()


# ------------------------------------------------------------------ the data


def test_nakhchivan_agreement_and_renaming_are_where_the_sources_put_them(summits):
    s = summits.set_index("summit_id")
    assert (s.loc["tss-09-2009", "date"], s.loc["tss-09-2009", "host_country"]) == ("2009-10-03", "AZE")
    assert "Nakhchivan Agreement" in s.loc["tss-09-2009", "outcome"]
    assert s.loc["tc-08-2021", "date"] == "2021-11-12" and "renamed" in s.loc["tc-08-2021", "outcome"]


def test_regular_summits_are_numbered_consecutively_in_each_series(summits):
    reg = summits[summits["format"] == "regular"]  # held ones; the 13th is only announced
    numbers = {series: sorted(int(n) for n in g["number"]) for series, g in reg.groupby("series")}
    assert numbers["Turkic-speaking states summit"] == list(range(1, 11))
    assert numbers["Turkic Council summit"] == list(range(1, 9))
    assert numbers["OTS summit"] == list(range(9, 13))  # the OTS kept the Council's count
    assert summits.loc[summits["format"] != "regular", "number"].isna().all()


def test_video_summits_have_a_chair_and_no_host(summits):
    video = summits[summits["mode"] == "video"]
    assert len(video) == 2
    assert video["host_country"].isna().all() and set(video["chair_country"]) == {"AZE", "KAZ"}


def test_date_disagreements_are_kept_and_the_false_one_is_gone(summits):
    alt = summits.dropna(subset=["date_alt"]).set_index("summit_id")
    assert list(alt.index) == ["tc-06-2018"]
    assert alt.loc["tc-06-2018", ["date", "date_alt"]].tolist() == ["2018-09-03", "2018-09-02"]
    # 15 Sep 2010 was the foreign ministers' day; the heads of state met on the 16th (president.az, declaration):
    # the first edition's "dates disagree" was a false contradiction.
    s = summits.set_index("summit_id")
    assert s.loc["tss-10-2010", "date"] == "2010-09-16" and pd.isna(s.loc["tss-10-2010", "date_alt"])
    assert "DISAGREE" not in s.loc["tss-10-2010", "note"] and "foreign ministers" in s.loc["tss-10-2010", "note"]


def test_early_summits_days_rest_on_declarations_reports_or_studies(summits):
    s = summits.set_index("summit_id")
    # Declarations and news of the time: RFE/RL 1994 and 2001, Tashkent Declaration 1996 (also for 1995),
    # Astana Declaration 1998, Baku Declaration 2000. Scholarly articles: 1992 (Central Eurasia), 2006 (Parubochaya).
    for sid in ("tss-02-1994", "tss-03-1995", "tss-04-1996", "tss-05-1998", "tss-06-2000", "tss-07-2001"):
        assert s.loc[sid, "day_basis"] == "official or news source", sid
        assert "wikipedia" not in s.loc[sid, "alt_source_url"], sid
    assert s.loc[["tss-01-1992", "tss-08-2006"], "day_basis"].tolist() == ["scholarly source"] * 2
    assert (summits["day_basis"] != "Wikipedia only").all()


def test_announced_summits_are_kept_apart():
    s = data.load("ots_summits").set_index("summit_id")
    announced = s[s["status"] != "held"]
    # Vestnik Kavkaza 6 Feb 2026 (May, Turkistan); Report.az 30 Oct 2025 (13th summit, Türkiye, end of 2026).
    assert list(announced.index) == ["ots-informal-2026", "ots-13-2026"]
    assert announced["status"].eq("announced, not found held").all() and announced["source_date"].notna().all()
    assert s.loc["ots-informal-2026", ["date", "host_city"]].tolist() == ["2026-05", "Turkistan"]


def test_every_row_carries_its_check():
    for name in ("ots_summits", "ots_membership", "ots_bodies", "ots_cooperation_areas", "ots_initiatives"):
        rows = data.load(name)
        assert rows["checked_on"].eq(pd.Timestamp("2026-12-02")).all(), name
        assert rows["check"].notna().all(), name
    members = data.load("ots_membership").set_index("party_id")
    assert members.loc["CYN", "check"] == "conflicting"
    assert data.load("ots_bodies").set_index("body_id").loc["turksoy", "check"] == "corrected"


def test_the_changelog_records_the_corrections():
    changes = data.load("changes_ots_culture")
    assert changes["change_id"].is_unique and changes["source_url"].str.match(r"https?://").all()
    keyed = changes.set_index(["key", "field"])
    assert keyed.loc[("tss-10-2010", "date_alt"), "old"] == "2010-09-15"
    assert keyed.loc[("turksoy", "founded"), ["old", "new"]].tolist() == ["1993", "1993-07-12"]
    assert keyed.loc[("aze-two-summits-2025", "date"), "new"].startswith("2024-07-06")
    assert set(changes.loc[changes["kind"] == "added", "key"]) >= {"sg-2025-10-03", "ots-informal-2026"}


def test_every_row_of_the_chapter_tables_has_a_source_url():
    for name in (
        "ots_summits",
        "ots_membership",
        "ots_bodies",
        "ots_cooperation_areas",
        "kz_az_people",
        "ots_initiatives",
    ):
        assert data.load(name)["source_url"].str.match(r"https?://").all(), name


def test_membership_codes_are_on_the_basemap_and_eco_is_not():
    members = data.load("ots_membership").set_index("party_id")
    codes = set(data.load("geo_countries")["iso3"])
    on_map = members["map_code"].dropna()
    assert set(on_map) <= codes and "CYN" in set(on_map) and "HUN" in set(on_map)
    assert members.loc["ECO", "kind"] == "international organisation" and members.isna().loc["ECO", "map_code"]
    assert members.loc["HUN", "since"] == "2018-09-03" and members.loc["CYN", "since"] == "2022-11-11"


def test_the_bodies_named_in_c20_are_all_in_the_table_with_a_tie():
    bodies = data.load("ots_bodies").set_index("short_name")
    named = bodies[bodies["named_in_claim"]]
    assert set(named.index) == {"TURKSOY", "TURKPA", "TCHF"}
    assert named["ots_tie"].to_dict() == {
        "TURKSOY": "listed by the OTS",
        "TURKPA": "listed by the OTS",
        "TCHF": "summit decision",
    }
    # The Turkic Academy's tie rests on its own description, which C20's verdict does not count.
    assert bodies.loc["Turkic Academy", "ots_tie"] == "own statement"
    # TURKSOY's day: AZERTAC (12 Jul 2021) marks 12 July as its anniversary; Almaty per CESRAN.
    assert bodies.loc["TURKPA", "founded"] == "2008-11-21" and bodies.loc["TURKSOY", "founded"] == "1993-07-12"
    assert "Almaty" in bodies.loc["TURKSOY", "founded_event"]
    assert "2010" in bodies.loc["TCHF", "founded_event"]  # the Istanbul summit's decision in principle


def test_northern_cyprus_status_is_attributed_and_marked_disputed(summits):
    members = data.load("ots_membership").set_index("party_id")
    assert members["status_disputed"].to_dict() == {p: p == "CYN" for p in members.index}
    cyn = members.loc["CYN"]
    assert "Listed by the OTS" in cyn["since_event"] and "Disputed" in cyn["since_event"]
    assert "mfa.gov.tr" not in cyn["source_url"]  # Türkiye's ministry is a party; it is only a further source
    assert "mfa.gov.cy" in cyn["alt_source_url"]
    outcome = summits.set_index("summit_id").loc["ots-09-2022", "outcome"]
    assert "listed by the OTS as an observer" in outcome and "disputed" in outcome and "admitted" not in outcome


def test_known_figures():
    areas = data.load("ots_cooperation_areas").set_index("statement_id")
    assert (areas.loc["sg-2023-11", "count"], areas.loc["sg-2023-11", "qualifier"]) == (30, "reached")
    assert (areas.loc["sg-2025-10", "count"], areas.loc["sg-2025-10", "qualifier"]) == (40, "over")
    # The OTS's own message, posted on its website on 3 Oct 2025 (AZERTAC; Report.az 'nearly 40').
    assert areas.loc["sg-2025-10-03", ["count", "qualifier", "kind"]].tolist() == [40, "almost", "OTS message"]
    assert not (areas["kind"] == "OTS document").any()  # no OTS document with a count was found
    ini = data.load("ots_initiatives").set_index("initiative_id")
    # Re-dated: Bayramov at Shusha, 6 Jul 2024 (AzVision); Istanbul summit decision, 16 Sep 2010 (president.az).
    assert ini.loc["aze-two-summits-2025", ["date", "dated_by"]].tolist() == ["2024-07-06", "no later than"]
    assert ini.loc["aze-tchf-2012", ["date", "dated_by"]].tolist() == ["2010-09-16", "no later than"]
    # Where two sources date Nazarbayev's proposal differently, both rows are kept and one is used.
    assert ini.loc[["kaz-council-2006", "kaz-council-2009"], "book_uses"].tolist() == [True, False]
    people = data.load("kz_az_people").set_index("figure_id")
    assert people.loc["edu-aze-in-kaz-2025", "value"] == 222 and people.loc["edu-kaz-in-aze-2025", "value"] == 80
    assert people.loc["dia-bns-2024", "value"] == 152852 and people.loc["dia-bns-2025", "value"] == 155364


def test_the_data_record_which_community_figures_the_book_uses():
    people = data.load("kz_az_people")
    dia = people[people["topic"] == "diaspora"]
    used = dia[dia["book_uses"]]
    assert set(used["basis"]) == {"official statistics"}  # the bureau's counts, never officials' statements
    assert people["book_uses_reason"].str.len().gt(10).all()


# ------------------------------------------------------------------ the module: facts


def test_facts_are_the_first_editions_numbers(facts):
    expected = {
        "n_summits": 27,
        "first_year": 1992,
        "last_year": 2025,
        "n_regular": 22,
        "n_other": 5,
        "n_video": 2,
        "n_tss": 10,
        "secretariat_city": "Tashkent",
        "secretariat_year": 1996,
        "statute_city": "Astana",
        "statute_year": 1998,
        "nakhchivan_date": "3 October 2009",
        "renaming_date": "12 November 2021",
        "founder_names": "Azerbaijan, Kazakhstan, Kyrgyzstan and Türkiye",
        "council_start_city": "Istanbul",
        "council_start_date": "16 September 2010",
        "renaming_city": "Istanbul",
        "longest_gap_years": "5.6",
        "recent_from": 2020,
        "n_recent": 10,
        "n_before_recent": 17,
        "years_before_recent": 28,
        "n_wiki_days": 0,
        "n_date_disputes": 1,
        "n_members": 5,
        "n_founders": 4,
        "n_observers": 4,
        "n_observer_states": 2,
        "disputed": "Northern Cyprus",
        "other_observers": "an entity and an organisation",
        "since_uzb": "15 October 2019",
        "since_hun": "3 September 2018",
        "since_tkm": "12 November 2021",
        "since_cyn": "11 November 2022",
        "since_eco": "3 November 2023",
        "n_bodies": 5,
        "n_bodies_aze": 2,
        "bodies_aze_text": "TURKPA in Baku and TCHF in Baku",
        "n_bodies_kaz": 1,
        "bodies_kaz_text": "Turkic Academy in Astana",
        "n_bodies_before": 2,
        "bodies_before_text": "TURKSOY (1993) and TURKPA (2008)",
        "bodies_listed_text": "TURKSOY and TURKPA",
        "c20_n_named": 3,
        "c20_n_tied": 3,
        "c19_threshold": 30,
        "c19_month": "October 2025",
        "n_area_docs": 0,
        "jump_from": "more than 20",
        "jump_to": 30,
        "jump_days": 31,
        "jump_to_summit": "Astana",
        "latest_summit": "Gabala",
        "top_host": "Türkiye",
        "top_host_n": 8,
        "n_host_countries": 6,
        "hosted_aze": 6,
        "hosted_aze_split": "5 numbered and 1 informal",
        "hosted_aze_cities": "Baku (2000), Nakhchivan (2009), Gabala (2013), Baku (2019), Shusha (2024), Gabala (2025)",
        "hosted_kaz": 4,
        "hosted_kaz_split": "all numbered",
        "hosted_kaz_cities": "Astana (1998), Almaty (2011), Astana (2015), Astana (2023)",
        "chaired_video_aze": 1,
        "chaired_video_kaz": 1,
        "students_kaz_in_aze": 80,
        "students_aze_in_kaz": 222,
        "student_ratio": "2.8",
        "quota": 12,
        "n_dia_figures": 8,  # + Tokayev's 130,000 (April 2023), diplomacy pass "dia_min": "85,292",
        "dia_max_text": "more than 200,000",
        "bns_latest": "155,364",
        "bns_previous": "152,852",
        "bns_previous_when": "the start of 2024",
        "bns_diff": "2,512",
        "census": "85,292",
        "census_year": "2009",
        # culture events + the Kurmangazy centre's groundbreaking (2023), added by the diplomacy pass
        "n_culture_events": 6,
        "c19": "C19 partly supported",
        "c20": "C20 supported",
        # the evidence pass: how current the data are, the OTS's own message, the bounds
        "data_through": "6 February 2026",
        "checked_on": "2 December 2026",
        "sources_through": "10 March 2026",
        "n_announced": 2,
        "announced_years": "2026",
        "latest_status_when": "3 November 2023",
        "ots_message_when": "3 October 2025",
        "ots_message_said": "almost 40 areas of engagement",
        "ots_message_days": 17,
        "message_to_last_days": 4,
        "c19_floor": 36,
        "c19_floor_by": "the Foreign Minister of Azerbaijan",
        "shift_from": "almost 40",
        "shift_to": "over 40",
        "shift_days": 4,
        "date_disputes_summits": "one summit",
        "n_initiative_disputes": 1,
    }
    assert {k: str(facts[k]) for k in expected} == {k: str(v) for k, v in expected.items()}
    assert facts["student_ratio"].value == pytest.approx(222 / 80)


def test_facts_say_which_day_the_book_uses_where_sources_disagree_and_why(facts):
    assert str(facts.date_disputes_text) == (
        "for Cholpon-Ata (2018) the book uses 3 September 2018, from Kazinform, "
        "rather than 2 September 2018, from the Wikipedia list"
    )
    assert str(facts.date_disputes_reason) == (
        "the day comes from a dated official or news report, preferred to the Wikipedia list"
    )
    assert str(facts.day_sources_text) == (
        "the summits' declarations or reports of the time for 1994, 1995, 1996, 1998, 2000 and 2001 and scholarly "
        "articles for 1992 and 2006"
    )
    assert str(facts.timeline_days).startswith("Every summit's day rests on")
    assert "Trend dates it 17 November 2006" in str(facts.initiative_disputes_text)


def test_the_chapter_dates_its_data_from_the_rows(inp):
    from kzaz.chapters.ots_culture import derive

    # The latest statement among the rows used: Vestnik Kavkaza's announcement of 6 Feb 2026.
    assert derive.statement_dates(inp).max() == pd.Timestamp("2026-02-06")
    assert set(derive.checked_on(inp)) == {pd.Timestamp("2026-12-02")}
    assert inp.searched["sources_through"] == "2026-03-10"


def test_announced_summits_are_not_counted(inp):
    assert len(inp.summits) == 27 and (inp.summits["status"] == "held").all()
    assert inp.announced["summit_id"].tolist() == ["ots-13-2026", "ots-informal-2026"]  # oldest first
    assert "Turkistan, Kazakhstan, for May 2026 (Vestnik Kavkaza, 6 February 2026)" in str(
        ots_culture.facts(inp).announced_text
    )


def test_key_numbers_name_value_period_and_source(inp):
    rows = ots_culture.key_numbers(inp)
    assert 2 <= len(rows) <= 4 and all(set(r) == {"what", "value", "period", "source"} for r in rows)
    by_value = {r["value"]: r for r in rows}
    assert by_value["27 summits"]["period"] == "1992–2025"
    assert by_value["almost 40 areas"]["period"] == "3 October 2025"
    source = by_value["almost 40 areas"]["source"]
    assert "azertag.az" in source and source.startswith("[")


def test_c19_finding_and_verdict_chips(facts):
    assert str(facts.c19_finding).startswith(
        "The article's figure of more than 30 matches what the OTS itself and officials were saying in October 2025"
    )
    assert "even the weakest of their figures means at least 36" in str(facts.c19_finding)
    assert facts.c19.book.endswith("{verdict}`partly supported`") and facts.c20.book.endswith("{verdict}`supported`")
    assert facts.c19.book.startswith("{ref}`C19 <claim-c19>`")  # the chip links to its card
    assert str(facts.c21).removeprefix("C21 ") in claims.VERDICTS  # the diplomacy chapter's verdict, computed there


def test_no_fact_is_named_after_a_year(facts):
    assert not [name for name in facts if re.search(r"(19|20)\d\d", name)]


# ------------------------------------------------------------------ the module: verdicts


def test_verdicts_are_the_first_editions(inp):
    got = {a.claim_id: a for a in ots_culture.verdicts(inp)}
    assert {k: a.verdict for k, a in got.items()} == {"C19": "partly supported", "C20": "supported"}
    assert "no OTS document counts them" in got["C19"].reason
    assert "the OTS's own message spoke of almost 40 areas of engagement" in got["C19"].reason
    assert "even the weakest means 36 or more, above 30" in got["C19"].reason
    assert "from more than 20 to 30 within 31 days in 2023" in got["C19"].reason
    assert "from almost 40 to over 40 within 4 days in 2025" in got["C19"].reason
    assert "together allow 36 to 39" in got["C19"].detail  # the bounds' arithmetic is one click away
    assert "sg-2025-10" in got["C19"].detail  # row ids go to the folded detail
    assert got["C20"].reason.startswith("All 3 bodies the claim names have a documented tie")
    assert "Turkic Academy is tied to the OTS only by its own description" in got["C20"].detail
    for a in got.values():
        assert claims.sentences(a.reason) <= claims.MAX_REASON_SENTENCES


def test_c20_follows_the_ties_in_the_data(inp):
    bodies = inp.bodies.copy()
    bodies.loc[bodies["short_name"] == "TCHF", "ots_tie"] = "own statement"
    c20 = ots_culture.verdicts(dataclasses.replace(inp, bodies=bodies))[1]
    assert (c20.claim_id, c20.verdict) == ("C20", "partly supported")


def test_the_statements_read_as_bounds():
    from kzaz.chapters.ots_culture import derive

    said = pd.DataFrame(
        [{"qualifier": q, "count": n} for q, n in [("almost", 40), ("more than", 35), ("over", 40), ("reached", 30)]]
    )
    assert [derive.bounds(r) for _, r in said.iterrows()] == [(None, 39), (36, None), (41, None), (30, 30)]
    b = derive.bounds_of(said.iloc[:3])
    assert (b["weakest"][0], b["strongest"][0], b["ceiling"][0], b["consistent"]) == (36, 41, 39, False)
    assert derive.bounds_of(said.iloc[:2])["consistent"]  # 36 to 39: the message and the minister agree
    assert [derive.beyond(r, 30) for _, r in said.iterrows()] == [True, True, True, False]
    assert not derive.beyond(pd.Series({"qualifier": "almost", "count": 31}), 30)


def test_c19_is_not_supported_if_the_last_month_stays_at_or_below_the_threshold(inp):
    areas = inp.areas.copy()
    last = areas["date"].dt.to_period("M") == areas["date"].max().to_period("M")
    areas.loc[last, ["count", "qualifier"]] = [30, "almost"]
    c19 = ots_culture.verdicts(dataclasses.replace(inp, areas=areas))[0]
    assert c19.verdict == "not supported"


def test_statements_after_the_article_do_not_count_for_c19(inp):
    later = pd.DataFrame(
        [
            {
                **inp.areas.iloc[-1].to_dict(),
                "statement_id": "later",
                "count": 10,
                "date": inp.article_date + pd.Timedelta(days=30),
            }
        ]
    )
    c19 = ots_culture.verdicts(dataclasses.replace(inp, areas=pd.concat([inp.areas, later], ignore_index=True)))[0]
    assert (c19.claim_id, c19.verdict) == ("C19", "partly supported")


# ------------------------------------------------------------------ the module: charts


def test_timeline_plots_every_summit_with_the_uncertain_days_marked(inp):
    fig = ots_culture.charts.timeline(inp)
    rows = fig.data[fig.data["outcome_text"].notna()]
    assert len(rows) == 27  # summits held; the announced ones are not drawn
    assert (rows["day"] == "From Wikipedia only").sum() == 0  # every day now has a dated source
    assert set(rows["where"]) == {"Kazakhstan", "Azerbaijan", "another state"}
    scale = fig.spec["layer"][-1]["encoding"]["color"]["scale"]
    assert scale["range"][:2] == [theme.COUNTRY["Kazakhstan"], theme.COUNTRY["Azerbaijan"]]
    opacity = fig.spec["layer"][-1]["encoding"]["opacity"]
    assert opacity["value"] == 0.9 and "scale" not in opacity  # no pale symbols, no legend for them
    # A day resting on Wikipedia alone is drawn pale again, with its legend entry.
    summits = inp.summits.copy()
    summits.loc[summits["summit_id"] == "tss-06-2000", "day_basis"] = "Wikipedia only"
    pale = ots_culture.charts.timeline(dataclasses.replace(inp, summits=summits))
    assert pale.spec["layer"][-1]["encoding"]["opacity"]["scale"]["range"] == [0.9, 0.35]
    assert "the 1 days known only from Wikipedia are pale" in pale.spec["description"]


def test_hosts_chart_data_are_the_first_editions():
    fig = ots_culture.charts.hosts(ots_culture.inputs())
    other, regular, elsewhere = "Extraordinary or informal", "Regular summit", "another state"
    assert [tuple(r) for r in fig.data.itertuples(index=False)] == [  # the first edition's chart data
        ("Azerbaijan", other, 1, "Azerbaijan", 1),
        ("Azerbaijan", regular, 5, "Azerbaijan", 0),
        ("Hungary", other, 1, elsewhere, 1),
        ("Kazakhstan", regular, 4, "Kazakhstan", 0),
        ("Kyrgyzstan", regular, 4, elsewhere, 0),
        ("Türkiye", other, 1, elsewhere, 1),
        ("Türkiye", regular, 7, elsewhere, 0),
        ("Uzbekistan", regular, 2, elsewhere, 0),
    ]
    assert fig.spec["encoding"]["color"]["scale"]["range"] == [
        theme.COUNTRY["Kazakhstan"],
        theme.COUNTRY["Azerbaijan"],
        theme.GREY,
    ]


def test_map_statuses_are_not_country_colours_and_labels_are_placed(inp):
    fig = ots_culture.maps.status(inp)
    statuses = set(ots_culture.maps.STATUS.values())
    assert not statuses & set(theme.COUNTRY.values())
    assert len(statuses) == len(ots_culture.maps.STATUS)
    parties = ots_culture.maps.parties(inp).set_index("map_code")
    assert "ECO" not in parties.index and len(parties) == 8
    assert parties.loc["CYN", "small"] and parties.loc["CYN", "leader"]
    # Azerbaijan's label sits on land north of the Caucasus (wide) or south of it (phone), not in the Caspian.
    caspian = data.load("geo_caspian").geometry.union_all()
    from shapely.geometry import Point

    for screen in ("wide", "phone"):
        assert not caspian.contains(Point(parties.loc["AZE", f"{screen}_lon"], parties.loc["AZE", f"{screen}_lat"]))
    names = set(fig.data["text"].dropna().str.replace("\n", " "))
    assert {"Russia", "Iran", "China", "Caspian Sea", "Black Sea"} <= names
    assert "Economic Cooperation" not in json.dumps(fig.spec["datasets"])
    assert "5 member states are coloured" in fig.spec["description"]
    assert "Northern Cyprus (2022)" in fig.spec["description"] and "disputed" in fig.spec["description"]


def test_diaspora_chart_draws_statements_pale_and_colours_by_country(inp):
    fig = ots_culture.charts.diaspora(inp)
    assert set(fig.data["given_by"]) == {"Kazakhstan", "Azerbaijan"}
    # + Tokayev's 130,000 (April 2023), added by the diplomacy pass
    assert (fig.data["basis_label"] == "Official's statement, not a count").sum() == 5
    layer = fig.spec["layer"][0]["encoding"]
    assert layer["opacity"]["scale"]["range"][-1] < 0.5
    assert layer["color"]["scale"]["range"] == [theme.COUNTRY["Kazakhstan"], theme.COUNTRY["Azerbaijan"]]


def test_areas_and_bodies_label_late_points_on_their_left(inp):
    areas = ots_culture.charts.areas(inp).data
    assert set(areas.loc[areas["count"].isin([35, 40]), "side"]) == {"left"}
    assert areas.set_index("count").loc[35, "side"] == "left"
    # Two statements at 40 four days apart: their labels are stacked, not printed on top of each other.
    at_40 = areas[areas["count"] == 40].sort_values("date")["dy"].tolist()
    assert at_40[0] == -12 and at_40[1] >= at_40[0] + 14
    bodies = ots_culture.charts.bodies(inp)
    assert bodies.data.set_index("short_name").loc["TIF", "side"] == "left"
    assert bodies.data.set_index("short_name").loc["TURKSOY", "text"] == "TURKSOY (Ankara)"  # no "year only" now
    assert bodies.spec["usermeta"]["kzaz"]["subtitle"] == "Every founding known to the day"
    assert (bodies.data["known_to"].dropna() == "day").all()


def test_alt_texts_come_from_the_data(inp):
    label = ots_culture.charts.hosts(inp).spec["description"]
    totals = inp.in_person["host_country"].map(inp.names).value_counts()
    assert totals["Kazakhstan"] == totals["Kyrgyzstan"]  # the tie the old typed alt text got wrong
    assert "third" not in label and f"{totals['Kazakhstan']} each" in label
    positions = {c: label.index(c) for c in totals.index}
    assert [totals[c] for c in sorted(totals.index, key=positions.get)] == sorted(totals, reverse=True)
    timeline = ots_culture.charts.timeline(inp).spec["description"]
    assert "1992" in timeline and "2025" in timeline and "blue: Kazakhstan" in timeline
    blabel = ots_culture.charts.bodies(inp).spec["description"]
    for r in inp.bodies.itertuples():
        assert f"{r.short_name} {r.founded[:4]} in {r.seat_city}" in blabel, r.short_name


def test_long_tables_fold(inp):
    assert ots_culture.tables.summits(inp).fold.startswith("All 27 summits")
    assert len(ots_culture.tables.members(inp)) == 9


# ------------------------------------------------------------------ the module: checks


def _summits_with(inp, **change):
    frame = data.load("ots_summits")
    row = frame.index[frame["summit_id"] == "tc-03-2013"][0]
    for field, value in change.items():
        frame.loc[row, field] = value
    return frame, row + 2


def test_a_regular_summit_without_number_names_file_row_and_field(inp):
    frame, row = _summits_with(inp, number=float("nan"))
    problems = check_summits(frame, inp.names)
    assert (
        f"data/ots_summits.csv, row {row}, field 'number': regular summits, and only they, carry a number" in problems
    )
    assert any("numbers [1, 2, 4, 5, 6, 7, 8] are not consecutive" in p for p in problems)


def test_a_host_without_a_name_and_a_repeated_date_are_reported(inp):
    frame, row = _summits_with(inp, host_country="XXX", date_alt="2013-08-16")
    problems = check_summits(frame, inp.names)
    assert f"data/ots_summits.csv, row {row}, field 'host_country': 'XXX' has no name" in problems[0]
    assert f"data/ots_summits.csv, row {row}, field 'date_alt': repeats date" in problems


def test_a_row_the_prose_relies_on_is_checked(inp):
    frame = inp.summits.copy()
    frame.loc[frame["summit_id"] == "tss-04-1996", "outcome"] = "Leaders met"
    row = frame.index[frame["summit_id"] == "tss-04-1996"][0] + 2
    assert check_named_summits(frame) == [
        f"data/ots_summits.csv, row {row}, field 'outcome': the text relies on 'secretariat'"
    ]


def test_membership_bodies_and_people_checks_name_file_row_and_field(inp):
    members = data.load("ots_membership")
    members.loc[members["party_id"] == "ECO", "map_code"] = "ECO"
    assert check_members(members, inp.names)[0].startswith("data/ots_membership.csv, row 10, field 'map_code':")
    bodies = data.load("ots_bodies")
    bodies.loc[0, "ots_link"] = float("nan")
    assert check_bodies(bodies) == [
        "data/ots_bodies.csv, row 2, field 'ots_link': describe the tie, or leave it empty when ots_tie is 'none found'"
    ]
    people = data.load("kz_az_people")
    row = people.index[people["figure_id"] == "dia-apk-2023"][0]
    people.loc[row, "book_uses"] = True
    assert check_people(people) == [
        f"data/kz_az_people.csv, row {row + 2}, field 'book_uses': an official's statement on the community is not "
        "a count: not for use"
    ]


# ------------------------------------------------------------------ a next year's rows flow through


@pytest.fixture
def next_year(tmp_path, monkeypatch):
    """A copy of the data in which the announced 13th summit took place, and a statistics-bureau count for the
    year after the last."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    pkg_path = tmp_path / "data" / "datapackage.json"
    pkg = json.loads(pkg_path.read_text())
    for res in pkg["resources"]:  # the next year must be allowed by the schema's date ranges
        for field in res.get("schema", {}).get("fields", []):
            if str(field.get("constraints", {}).get("maximum", "")).startswith("2025-12"):
                field["constraints"]["maximum"] = "2026-12-31"
    pkg_path.write_text(json.dumps(pkg, ensure_ascii=False))
    summits = pd.read_csv(tmp_path / "data" / "ots_summits.csv", dtype=str, keep_default_na=False)
    row = summits.index[summits["summit_id"] == "ots-13-2026"][0]
    for field, value in {
        "status": "held",
        "date": "2026-10-01",
        "host_city": "Astana",
        "host_country": "KAZ",
        "outcome": "Next summit",
    }.items():
        summits.loc[row, field] = value
    summits.to_csv(tmp_path / "data" / "ots_summits.csv", index=False)
    people = pd.read_csv(tmp_path / "data" / "kz_az_people.csv", dtype=str, keep_default_na=False)
    bns = people[people["figure_id"] == "dia-bns-2025"].iloc[0].to_dict()
    people.loc[len(people)] = {**bns, "figure_id": "dia-bns-2026", "reference_date": "2026", "value": "157000"}
    people.to_csv(tmp_path / "data" / "kz_az_people.csv", index=False)
    monkeypatch.setattr(paths, "DATAPACKAGE", pkg_path)
    return ots_culture.inputs()


def test_a_next_years_rows_reach_the_facts_and_charts(next_year):
    facts = ots_culture.facts(next_year)
    assert (str(facts.n_summits), str(facts.last_year), str(facts.hosted_kaz)) == ("28", "2026", "5")
    assert str(facts.n_announced) == "1" and str(facts.data_through) == "1 October 2026"
    assert str(facts.bns_latest) == "157,000" and str(facts.bns_previous) == "155,364"
    assert str(facts.bns_diff) == "1,636"
    timeline = ots_culture.charts.timeline(next_year)
    assert "2026" in timeline.title and (timeline.data["when"] == "1 October 2026").any()
    hosts = ots_culture.charts.hosts(next_year).data.set_index(["country", "kind"])
    assert hosts.loc[("Kazakhstan", "Regular summit"), "summits"] == 5
    assert (ots_culture.charts.diaspora(next_year).data["value"] == 157000).any()


@pytest.fixture
def people_checked(tmp_path, monkeypatch):
    """A copy of the data in which kz_az_people carries its own check columns (the diplomacy pass adds them)."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    pkg_path = tmp_path / "data" / "datapackage.json"
    pkg = json.loads(pkg_path.read_text())
    claims_res = next(r for r in pkg["resources"] if r["name"] == "claims")
    claims_fields = {f["name"]: f for f in claims_res["schema"]["fields"]}
    people_res = next(r for r in pkg["resources"] if r["name"] == "kz_az_people")
    if "checked_on" not in {f["name"] for f in people_res["schema"]["fields"]}:
        people_res["schema"]["fields"] += [claims_fields["checked_on"], claims_fields["check"]]
        people = pd.read_csv(tmp_path / "data" / "kz_az_people.csv", dtype=str, keep_default_na=False)
        people["checked_on"], people["check"] = "2026-12-01", "confirmed"
        people.to_csv(tmp_path / "data" / "kz_az_people.csv", index=False)
    pkg_path.write_text(json.dumps(pkg, ensure_ascii=False))
    monkeypatch.setattr(paths, "DATAPACKAGE", pkg_path)
    return ots_culture.inputs()


def test_the_chapter_keeps_working_when_the_people_rows_carry_their_check(people_checked):
    from kzaz.chapters.ots_culture import derive

    facts = ots_culture.facts(people_checked)
    assert str(facts.bns_latest) == "155,364" and str(facts.checked_on) == "2 December 2026"
    assert len(derive.checked_on(people_checked)) > len(data.load("ots_summits"))
    assert len(ots_culture.key_numbers(people_checked)) == 4


# ------------------------------------------------------------------ the built page


@pytest.mark.book
def test_page_quotes_the_summit_counts(page, summits):
    text = page_text(page)
    regular = int((summits["format"] == "regular").sum())
    assert f"The record holds {len(summits)} meetings of heads of state" in text
    assert f"{regular} numbered summits and {len(summits) - regular} extraordinary or informal ones" in text
    assert "{eval}" not in text


@pytest.mark.book
def test_page_counts_summits_hosted_by_each_country_from_the_table(page, summits):
    text = page_text(page)
    in_person = summits[summits["mode"] == "in person"]
    n_aze = int((in_person["host_country"] == "AZE").sum())
    n_kaz = int((in_person["host_country"] == "KAZ").sum())
    assert (n_aze, n_kaz) == (6, 4)
    assert f"Azerbaijan has hosted {n_aze} summits in person" in text
    assert f"Kazakhstan has hosted {n_kaz} (" in text
    assert "Shusha (2024)" in text and "Almaty (2011)" in text


@pytest.mark.book
def test_page_quotes_people_figures(page):
    text = page_text(page)
    assert "at about 80 and that of Azerbaijani students in Kazakhstan at 222" in text
    assert "about 2.8 times" in text  # 222 / 80
    assert "152,852 at the start of 2024 and 155,364" in text and "2,512 more" in text


@pytest.mark.book
def test_page_opens_with_the_findings(page):
    text = page_text(page)
    findings = text.index("What the evidence says")  # the first section's heading comes after the findings
    first_section = text.index("From summits to an organisation", findings)
    assert text.index("partly supported", findings) < first_section
    assert findings < text.index("The record holds", findings) < text.index("Download this chapter")


@pytest.mark.book
def test_page_has_six_charts_with_their_ids(page):
    assert page.count('class="kzaz-chart"') == 6
    for fig in (
        "fig-ots-timeline",
        "fig-ots-map",
        "fig-ots-bodies",
        "fig-ots-areas",
        "fig-ots-hosts",
        "fig-ots-diaspora",
    ):
        assert f'id="{fig}"' in page, fig


@pytest.mark.book
def test_map_spec_carries_the_members_and_not_eco(page):
    m = re.search(r'aria-label="Map from Hungary[^"]*"><div id="(vis-[0-9a-f]+)"', page)
    assert m, "the map's chart is missing"
    script = page[m.end() : page.index("</script>", m.end())]
    for name in (
        "Hungary\\n2018",
        "Northern Cyprus\\n2022",
        "Uzbekistan\\n2019",
        "Kazakhstan\\n2009",
        "Azerbaijan\\n2009",
    ):
        assert name in script, name
    assert "Economic Cooperation" not in script


@pytest.mark.book
def test_claims_c19_c20_have_verdicts_and_c21_is_only_cross_referenced(page, html_dir):
    text = page_text(page)
    assert re.search(r"C19 partly supported ", text)
    assert re.search(r"C20 supported ", text)
    assert "C21 Days of Kazakh culture" not in text  # no card for C21 in this chapter
    dipl = page_text((html_dir / "chapters" / "diplomacy.html").read_text())
    verdict = re.search(r"C21 (partly supported|not supported|supported|not verifiable) ", dipl).group(1)
    assert f"whose verdict is C21 {verdict} ." in text


@pytest.mark.book
def test_early_summits_are_not_said_to_lack_any_structure(page, summits):
    text = page_text(page, tight=True)
    s = summits.set_index("summit_id")
    assert "with no organisation behind them" not in text
    year_1996, year_1998 = int(s.loc["tss-04-1996", "date"][:4]), int(s.loc["tss-05-1998", "date"][:4])
    assert f"Tashkent ({year_1996}) the leaders decided to set up a secretariat" in text
    assert f"({year_1998}) they adopted its statute" in text
    assert "started work at the last summit of the old series, in Istanbul" in text


@pytest.mark.book
def test_page_says_which_day_it_uses_where_sources_disagree_and_why(page, summits):
    text = page_text(page, tight=True)
    disputed = summits.dropna(subset=["date_alt"])
    assert len(disputed) == 1
    for r in disputed.itertuples():
        day = f"{int(r.date[8:])} "
        assert f"for {r.host_city} ({r.date[:4]}) the book uses {day}" in text, r.summit_id
    assert "the day comes from a dated official or news report, preferred to the Wikipedia list" in text


@pytest.mark.book
def test_prose_verdicts_are_the_computed_ones(page):
    text = page_text(page, tight=True)
    bodies = data.load("ots_bodies")
    named = bodies[bodies["named_in_claim"]]
    n_tied = int(named["ots_tie"].isin(["listed by the OTS", "summit decision"]).sum())
    expected = "supported" if n_tied == len(named) else "partly supported" if n_tied else "not supported"
    share = f"all {len(named)}" if n_tied == len(named) else f"{n_tied} of the {len(named)}"
    assert f"On the bodies around the OTS the book's verdict is C20 {expected}: {share} bodies" in text
    c19 = re.search(r"C19 (partly supported|not supported|supported|not verifiable) ", text).group(1)
    assert f"On the number of areas it is C19 {c19}." in text


@pytest.mark.book
def test_article_date_and_threshold_come_from_the_data(page):
    published = data.sources("claims")[0]["date_published"]
    assert published == "2025-10-20"
    threshold = re.search(r"more than (\d+)", claims.claim_text("C19")).group(1)
    text = page_text(page, tight=True)
    assert f"spans more than {threshold} areas of cooperation" in text
    assert f"claim C19: more than {threshold}" in page  # the chart's rule label, in the spec
