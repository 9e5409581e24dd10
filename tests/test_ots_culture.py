"""The OTS and culture chapter: its tables hold what the sources say, and the built page
shows numbers and verdicts computed from them."""

import re

import pytest
from conftest import page_text

from kzaz import data

PAGE = "chapters/ots_culture.html"






@pytest.fixture(scope="module")
def summits():
    return data.load("ots_summits")


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
    reg = summits[summits["format"] == "regular"]
    numbers = {series: sorted(int(n) for n in g["number"]) for series, g in reg.groupby("series")}
    assert numbers["Turkic-speaking states summit"] == list(range(1, 11))
    assert numbers["Turkic Council summit"] == list(range(1, 9))
    assert numbers["OTS summit"] == list(range(9, 13))  # the OTS kept the Council's count
    assert summits.loc[summits["format"] != "regular", "number"].isna().all()


def test_video_summits_have_a_chair_and_no_host(summits):
    video = summits[summits["mode"] == "video"]
    assert len(video) == 2
    assert video["host_country"].isna().all() and set(video["chair_country"]) == {"AZE", "KAZ"}


def test_date_disagreements_are_kept(summits):
    alt = summits.dropna(subset=["date_alt"]).set_index("summit_id")
    assert alt.loc["tss-10-2010", ["date", "date_alt"]].tolist() == ["2010-09-16", "2010-09-15"]
    assert alt.loc["tc-06-2018", ["date", "date_alt"]].tolist() == ["2018-09-03", "2018-09-02"]


def test_every_row_of_the_chapter_tables_has_a_source_url():
    for name in ("ots_summits", "ots_membership", "ots_bodies", "ots_cooperation_areas", "kz_az_people",
                 "ots_initiatives"):
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
    assert named["ots_tie"].to_dict() == {"TURKSOY": "listed by the OTS", "TURKPA": "listed by the OTS",
                                          "TCHF": "summit decision"}
    # The Turkic Academy's tie rests on its own description, which C20's verdict does not count.
    assert bodies.loc["Turkic Academy", "ots_tie"] == "own statement"
    assert bodies.loc["TURKPA", "founded"] == "2008-11-21" and bodies.loc["TURKSOY", "founded"] == "1993"


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
    assert (areas["kind"] == "statement").all()  # no OTS document with a count was found
    people = data.load("kz_az_people").set_index("figure_id")
    assert people.loc["edu-aze-in-kaz-2025", "value"] == 222 and people.loc["edu-kaz-in-aze-2025", "value"] == 80
    assert people.loc["dia-bns-2024", "value"] == 152852 and people.loc["dia-bns-2025", "value"] == 155364


# ------------------------------------------------------------------ the built page


def test_page_glues_the_summit_counts(page, summits):
    text = page_text(page)
    regular = int((summits["format"] == "regular").sum())
    assert f"The record holds {len(summits)} meetings of heads of state" in text
    assert f"{regular} numbered summits and {len(summits) - regular} extraordinary or informal ones" in text


def test_page_counts_summits_hosted_by_each_country_from_the_table(page, summits):
    text = page_text(page)
    in_person = summits[summits["mode"] == "in person"]
    n_aze = int((in_person["host_country"] == "AZE").sum())
    n_kaz = int((in_person["host_country"] == "KAZ").sum())
    assert (n_aze, n_kaz) == (6, 4)
    assert f"Azerbaijan has hosted {n_aze} summits in person" in text
    assert f"Kazakhstan has hosted {n_kaz} (" in text
    assert "Shusha (2024)" in text and "Almaty (2011)" in text


def test_page_glues_people_figures(page):
    text = page_text(page)
    assert "at about 80 and that of Azerbaijani students in Kazakhstan at 222" in text
    assert "about 2.8 times" in text  # 222 / 80
    assert "152,852 at the start of 2024 and 155,364" in text and "2,512 more" in text


def test_page_has_six_charts_with_their_ids(page):
    assert page.count('class="kzaz-chart"') == 6
    for fig in ("fig-ots-timeline", "fig-ots-map", "fig-ots-bodies", "fig-ots-areas", "fig-ots-hosts",
                "fig-ots-diaspora"):
        assert f'id="{fig}"' in page, fig


def test_map_spec_carries_the_members_and_not_eco(page):
    m = re.search(r'aria-label="Map from Hungary[^"]*"><div id="(vis-[0-9a-f]+)"', page)
    assert m, "the map's chart is missing"
    script = page[m.end():page.index("</script>", m.end())]
    for name in ("Hungary 2018", "Northern Cyprus 2022", "Uzbekistan 2019", "Kazakhstan 2009", "Azerbaijan 2009"):
        assert name in script, name
    assert "Economic Cooperation" not in script


def test_claims_c19_c20_have_verdicts_and_c21_is_only_cross_referenced(page, html_dir):
    text = page_text(page)
    assert re.search(r"C19 .*? partly supported ", text)
    assert re.search(r"C20 .*? supported ", text)
    assert "C21 Days of Kazakh culture" not in text  # no row for C21 in this chapter's claims table
    # The C21 verdict shown is the diplomacy chapter's, pasted from there.
    dipl = page_text((html_dir / "chapters" / "diplomacy.html").read_text())
    verdict = re.search(r"C21 .*? (partly supported|not supported|supported|not verifiable) ", dipl).group(1)
    assert f"whose verdict is {verdict} ;" in text


def test_early_summits_are_not_said_to_lack_any_structure(page, summits):
    text = page_text(page, tight=True)
    s = summits.set_index("summit_id")
    assert "with no organisation behind them" not in text
    year_1996, year_1998 = int(s.loc["tss-04-1996", "date"][:4]), int(s.loc["tss-05-1998", "date"][:4])
    assert f"Tashkent ({year_1996}) the leaders decided to set up a secretariat" in text
    assert f"({year_1998}) they adopted its statute" in text
    assert "started work at the last summit of the old series, in Istanbul" in text


def test_page_says_which_day_it_uses_where_sources_disagree_and_why(page, summits):
    text = page_text(page, tight=True)
    disputed = summits.dropna(subset=["date_alt"])
    assert len(disputed) == 2
    for r in disputed.itertuples():
        day = f"{int(r.date[8:])} "
        assert f"for {r.host_city} ({r.date[:4]}) the book uses {day}" in text, r.summit_id
    assert "in each case the day comes from a dated official or news report, preferred to the Wikipedia list" in text


def aria_label(page, start):
    m = re.search(r'aria-label="(' + re.escape(start) + r'[^"]*)"', page)
    assert m, start
    return m.group(1)


def test_hosts_alt_text_follows_the_totals_and_keeps_ties(page, summits):
    label = aria_label(page, "Horizontal bars of summits hosted")
    names = {"TUR": "Türkiye", "AZE": "Azerbaijan", "KAZ": "Kazakhstan", "KGZ": "Kyrgyzstan", "UZB": "Uzbekistan",
             "HUN": "Hungary"}
    totals = summits[summits["mode"] == "in person"]["host_country"].map(names).value_counts()
    assert totals["Kazakhstan"] == totals["Kyrgyzstan"]  # the tie the old typed alt text got wrong
    assert "third" not in label
    positions = {c: label.index(c) for c in totals.index}
    ordered = sorted(totals.index, key=positions.get)
    assert [totals[c] for c in ordered] == sorted(totals, reverse=True)
    assert f"{totals['Kazakhstan']} each" in label


def test_map_timeline_and_bodies_alt_texts_come_from_the_data(page, summits):
    members = data.load("ots_membership")
    label = aria_label(page, "Map from Hungary")
    n_members = int(members["status"].isin(["founding member", "member"]).sum())
    assert f"{n_members} member states are coloured" in label
    assert "Northern Cyprus (2022)" in label and "disputed" in label
    timeline = aria_label(page, "Timeline of summits")
    first, last = summits["date"].str[:4].min(), summits["date"].str[:4].max()
    assert first in timeline and last in timeline
    bodies = data.load("ots_bodies")
    blabel = aria_label(page, "Dot chart of founding dates")
    for r in bodies.itertuples():
        assert f"{r.short_name} {r.founded[:4]} in {r.seat_city}" in blabel, r.short_name


def test_prose_verdicts_are_the_computed_ones(page):
    text = page_text(page, tight=True)
    bodies = data.load("ots_bodies")
    named = bodies[bodies["named_in_claim"]]
    n_tied = int(named["ots_tie"].isin(["listed by the OTS", "summit decision"]).sum())
    expected = "supported" if n_tied == len(named) else "partly supported" if n_tied else "not supported"
    assert f"On the bodies around the OTS (C20) the book's verdict is {expected}: {n_tied} of the {len(named)} bodies" in text
    c19 = re.search(r"C19 .*? (partly supported|not supported|supported|not verifiable) ", text).group(1)
    assert f"On the number of areas (C19) it is {c19}." in text
    assert "the bodies it names are all tied" not in text and "rates it only partly supported" not in text


def test_article_date_and_threshold_come_from_the_data(page):
    from kzaz import claims
    published = data.sources("claims")[0]["date_published"]
    assert published == "2025-10-20"
    threshold = re.search(r"more than (\d+)", claims.claim_text("C19")).group(1)
    text = page_text(page, tight=True)
    assert f"spans more than {threshold} areas of cooperation" in text
    assert f"claim C19: more than {threshold}" in page  # the chart's rule label, in the spec
