"""Every number and phrase the OTS chapter's prose quotes."""

from __future__ import annotations

from urllib.parse import urlparse

from kzaz import dates
from kzaz.chapters import diplomacy
from kzaz.computed import once_per_build
from kzaz.markdown import says
from kzaz.prose import Facts, fmt, verdict

from . import derive
from .inputs import (
    COUNCIL_START,
    NAKHCHIVAN,
    QUOTA,
    RENAMING,
    SECRETARIAT,
    STATUTE,
    STUDENTS_AZE_IN_KAZ,
    STUDENTS_KAZ_IN_AZE,
    TSS,
    Inputs,
)
from .verdicts import bounds_sentence, c19_finding, month_said, named_bodies, ties, verdicts

# The other observers, in the words the text uses: "an entity and an organisation".
OTHER_KIND = {"entity not recognised by the UN": "an entity", "international organisation": "an organisation"}


def source_name(url) -> str:
    """How the text names a source from its address: the Wikipedia list, or the site's domain."""
    if not isinstance(url, str):
        return "another source"
    host = urlparse(url).netloc.removeprefix("www.")
    return "the Wikipedia list" if host.endswith("wikipedia.org") else host


def date_disputes(inp: Inputs) -> tuple[str, str]:
    """Which day the book uses where two sources disagree (the `date` column), and why, in words."""
    disputed = inp.summits[inp.summits["date_alt"].notna()]
    parts, reasons = [], set()
    for s in disputed.itertuples():
        other = source_name(s.alt_source_url)
        parts.append(
            f"for {s.host_city} ({s.year}) the book uses {s.when}, from {s.source_publisher}, "
            f"rather than {dates.label(s.date_alt)}, from {other}"
        )
        report = s.day_basis == "official or news source" and other.startswith("the Wikipedia")
        reasons.add(
            "a dated official or news report, preferred to " + other
            if report
            else "the main source, as the row's note explains"
        )
    if not parts:
        return "", ""
    lead = "in each case the day comes from " if len(parts) > 1 else "the day comes from "
    return "; ".join(parts), lead + " or ".join(sorted(reasons))


DAY_SOURCES = {
    "official or news source": "the summits' declarations or reports of the time",
    "scholarly source": "scholarly articles",
    "Wikipedia only": "only the Wikipedia list",
}


def day_sources(inp: Inputs) -> str:
    """What the days of the early summits (before the Nakhchivan Agreement) rest on, by kind of source."""
    early = inp.summits[inp.summits["start"] < inp.by_id.loc[NAKHCHIVAN, "start"]]
    years = {basis: says(group["year"].astype(str)) for basis, group in early.groupby("day_basis")}
    return says(f"{words} for {years[basis]}" for basis, words in DAY_SOURCES.items() if basis in years)


def ordinal(n: int) -> str:
    """'13th', '21st', '22nd'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def timeline_days(inp: Inputs) -> str:
    """The timeline caption's sentence on pale symbols, from the data."""
    wiki = inp.summits[inp.summits["day_basis"] == "Wikipedia only"]
    if wiki.empty:
        return "Every summit's day rests on a declaration, a report of the time or a scholarly article."
    return f"Pale symbols are the summits whose day is known only from Wikipedia ({says(wiki['year'].astype(str))})."


def announced(inp: Inputs) -> str:
    """'an informal summit in Turkistan, Kazakhstan, for May 2026 (Vestnik Kavkaza, 6 February 2026)'."""
    out = []
    for r in inp.announced.itertuples():
        what = f"the {ordinal(int(r.number))} summit" if r.format == "regular" else f"an {r.format} summit"
        country = inp.names[r.host_country]
        where = f"{r.host_city}, {country}" if isinstance(r.host_city, str) else country
        publisher = r.source_publisher.split(" (")[0]
        out.append(f"{what} in {where}, for {r.when} ({publisher}, {dates.label(r.source_date)})")
    return says(out)


def initiative_disputes(inp: Inputs) -> str:
    """Where two rows date the same initiative differently: both dates, and which the book uses and why."""
    ini = inp.initiatives
    used = ini[ini["book_uses"]]
    out = []
    for r in ini[~ini["book_uses"]].itertuples():
        same = used[used["initiative"] == r.initiative]
        if same.empty:
            from kzaz import data

            data.fail(
                "ots_initiatives", "-", "book_uses", f"{r.initiative_id} is not used and no used row has its initiative"
            )
        u = same.iloc[0]
        what = r.initiative[0].lower() + r.initiative[1:]
        out.append(
            f"that {r.initiator} {what}: {u['source_publisher']} dates it {u['when']}, {r.source_publisher} "
            f"{r.when}; the book uses {u['source_publisher']}'s date, "
            f"{u['book_uses_reason'][0].lower() + u['book_uses_reason'][1:]}"
        )
    return "; ".join(out)


def currency_facts(inp: Inputs) -> dict:
    """How current the chapter is: the latest statement in its rows, when they were checked, how far the search ran."""
    checked = derive.checked_on(inp)
    searched = inp.searched.get("sources_through")
    return dict(
        data_through=dates.label(f"{derive.statement_dates(inp).max():%Y-%m-%d}"),
        checked_on=dates.label(f"{checked.max():%Y-%m-%d}") if len(checked) else "not yet",
        sources_through=dates.label(searched) if searched else "an unrecorded date",
        n_announced=len(inp.announced),
        announced_text=announced(inp),
        announced_years=says(sorted(set(inp.announced["start"].dt.year.astype(str)))),
        latest_status_when=dates.label(inp.members["since"].max()),
        initiative_disputes_text=initiative_disputes(inp),
        n_initiative_disputes=int((~inp.initiatives["book_uses"]).sum()),
    )


def summit_facts(inp: Inputs) -> dict:
    s, by_id = inp.summits, inp.by_id
    regular = s["format"] == "regular"
    recent = s["year"] >= inp.recent_from
    disputes, reason = date_disputes(inp)
    n_disputes = int(s["date_alt"].notna().sum())
    founders = inp.members.loc[inp.members["status"] == "founding member", "name"].sort_values()
    return dict(
        nakhchivan_year=int(by_id.loc[NAKHCHIVAN, "year"]),
        renaming_year=int(by_id.loc[RENAMING, "year"]),
        n_summits=len(s),
        first_year=inp.first_year,
        last_year=inp.last_year,
        n_regular=int(regular.sum()),
        n_other=int((~regular).sum()),
        n_video=int((s["mode"] == "video").sum()),
        n_tss=int((s["series"] == TSS).sum()),
        secretariat_city=by_id.loc[SECRETARIAT, "host_city"],
        secretariat_year=int(by_id.loc[SECRETARIAT, "year"]),
        statute_city=by_id.loc[STATUTE, "host_city"],
        statute_year=int(by_id.loc[STATUTE, "year"]),
        nakhchivan_date=by_id.loc[NAKHCHIVAN, "when"],
        founder_names=says(founders),
        council_start_city=by_id.loc[COUNCIL_START, "host_city"],
        council_start_date=by_id.loc[COUNCIL_START, "when"],
        renaming_city=by_id.loc[RENAMING, "host_city"],
        renaming_date=by_id.loc[RENAMING, "when"],
        longest_gap_years=fmt(s["start"].diff().dt.days.max() / 365.25, ".1f"),
        recent_from=inp.recent_from,
        n_recent=int(recent.sum()),
        n_before_recent=int((~recent).sum()),
        years_before_recent=inp.recent_from - inp.first_year,
        n_wiki_days=int((s["day_basis"] == "Wikipedia only").sum()),
        day_sources_text=day_sources(inp),
        timeline_days=timeline_days(inp),
        n_date_disputes=n_disputes,
        date_disputes_summits="one summit" if n_disputes == 1 else f"{n_disputes} summits",
        date_disputes_text=disputes,
        date_disputes_reason=reason,
    )


def member_facts(inp: Inputs) -> dict:
    m = inp.members
    observers = m[m["status"] == "observer"]
    others = observers[observers["kind"] != "state"]
    unknown = sorted(set(others["kind"]) - set(OTHER_KIND))
    if unknown:
        from kzaz import data

        data.fail("ots_membership", "-", "kind", f"the text has no words for observers of kind {unknown}")
    since = m.set_index("party_id")["when"]
    return dict(
        n_members=int(m["status"].isin(["founding member", "member"]).sum()),
        n_founders=int((m["status"] == "founding member").sum()),
        n_observers=len(observers),
        n_observer_states=int((observers["kind"] == "state").sum()),
        disputed=says(m.loc[m["status_disputed"], "name"]),
        other_observers=says(OTHER_KIND[k] for k in others["kind"]),
        **{f"since_{code.lower()}": since[code] for code in ("UZB", "HUN", "TKM", "CYN", "ECO")},
    )


def _bodies_precision(b) -> str:
    """The bodies chart caption's sentence on open circles, from the data."""
    rough = b[b["known_to"] != "day"]
    if rough.empty:
        return "Every founding is known to the day from a source other than Wikipedia."
    return (
        f"A body whose founding is known only to the {'year' if (rough['known_to'] == 'year').all() else 'month'}, "
        + says(f"{r.short_name} ({r.start.year})" for r in rough.itertuples())
        + ", is drawn open at the start of that period: its exact day rests only on pages copied from Wikipedia."
    )


def body_facts(inp: Inputs) -> dict:
    b = inp.bodies
    older = b[b["start"] < inp.by_id.loc[NAKHCHIVAN, "start"]]

    def seats_in(code):
        sel = b[b["seat_country"] == code]
        return len(sel), says(f"{r.short_name} in {r.seat_city}" for r in sel.itertuples())

    (n_aze, aze), (n_kaz, kaz) = seats_in("AZE"), seats_in("KAZ")
    named, tied = named_bodies(inp)
    return dict(
        n_bodies=len(b),
        n_bodies_aze=n_aze,
        bodies_aze_text=aze,
        n_bodies_kaz=n_kaz,
        bodies_kaz_text=kaz,
        n_bodies_before=len(older),
        bodies_before_text=says(f"{r.short_name} ({r.start.year})" for r in older.itertuples()),
        bodies_listed_text=says(b.loc[b["ots_tie"] == "listed by the OTS", "short_name"]),
        ties_text=ties(b),
        year_only_bodies=says(f"{r.short_name} ({r.start.year})" for r in b[b["known_to"] == "year"].itertuples()),
        bodies_precision=_bodies_precision(b),
        c20_n_named=len(named),
        c20_n_tied=len(tied),
        c20_named_text=says(named["short_name"]),
        c20_share=f"all {len(named)}" if len(tied) == len(named) else f"{len(tied)} of the {len(named)}",
    )


def area_facts(inp: Inputs) -> dict:
    """The moves in the Secretary General's figure, the OTS's own message, what officials said just before
    the article, and the bounds their words allow."""
    out = dict(
        c19_threshold=inp.threshold,
        c19_month=month_said(inp),
        c19_finding=c19_finding(inp),
        n_area_docs=len(derive.documents(inp)),
        c19_bounds=bounds_sentence(inp),
    )
    moves = derive.sg_moves(inp)
    if moves:
        a, b = moves[0]
        out.update(
            jump_from_when=f"{a.date:%-d %B %Y}",
            jump_from=f"{a.qualifier} {a.count}",
            jump_to=b.count,
            jump_days=(b.date - a.date).days,
            jump_to_summit=_summit_city(inp, b.date),
        )
    if len(moves) > 1:
        a, b = moves[-1]
        out.update(
            shift_from=f"{a.qualifier} {a.count}",
            shift_to=f"{b.qualifier} {b.count}",
            shift_days=(b.date - a.date).days,
            shift_year=a.date.year,
        )
    msgs = derive.ots_messages(inp)
    if len(msgs):
        m = list(msgs.itertuples())[-1]
        out.update(
            ots_message_when=f"{m.date:%-d %B %Y}",
            ots_message_said=derive.wording(m),
            ots_message_days=(inp.article_date - m.date).days,
        )
    last = derive.on_last_day(inp)
    if len(last):
        said = [
            f"the {r.speaker_role} {'spoke ' if i == 0 else ''}of {derive.wording(r)}"
            for i, r in enumerate(last.itertuples())
        ]
        out.update(
            latest_when=f"{last['date'].max():%-d %B %Y}",
            latest_said=says(said),
            latest_summit=_summit_city(inp, last["date"].max()),
        )
        if len(msgs):
            out["message_to_last_days"] = (last["date"].max() - msgs["date"].max()).days
    b = derive.bounds_of(derive.latest_said(inp))
    out["c19_agreement"] = (
        "are consistent with one another"
        if b["consistent"]
        else "cannot all be right; the dropdown below shows where they clash"
    )
    if b["weakest"]:
        out.update(c19_floor=b["weakest"][0], c19_floor_by=f"the {b['weakest'][1]['speaker_role']}")
    return out


def _summit_city(inp: Inputs, day) -> str:
    """The city of the summit held that day: the prose says the statement was made there."""
    s = inp.summit_on(day)
    if s is None:
        from kzaz import data

        data.fail("ots_cooperation_areas", "-", "date", f"the text places the statement of {day:%Y-%m-%d} at a summit")
    return s["host_city"]


def host_facts(inp: Inputs) -> dict:
    hosted, totals, s = derive.hosted(inp), derive.host_totals(inp), inp.summits
    out = dict(top_host=totals.index[0], top_host_n=int(totals.iloc[0]), n_host_countries=len(totals))
    for code in ("KAZ", "AZE"):
        k, sel = code.lower(), hosted[hosted["host_country"] == code]
        video = s[(s["mode"] == "video") & (s["chair_country"] == code)]
        out.update(
            {
                f"hosted_{k}": len(sel),
                f"hosted_{k}_split": derive.split_phrase(sel),
                f"hosted_{k}_cities": ", ".join(f"{r.host_city} ({r.year})" for r in sel.itertuples()),
                f"chaired_video_{k}": len(video),
                f"chaired_video_{k}_text": says(f"the {r.format} summit of {r.year}" for r in video.itertuples()),
            }
        )
    return out


def people_facts(inp: Inputs) -> dict:
    kaz, aze = derive.latest(inp, STUDENTS_KAZ_IN_AZE), derive.latest(inp, STUDENTS_AZE_IN_KAZ)
    quota = derive.latest(inp, QUOTA)
    dia, used = derive.diaspora(inp), derive.counts_used(inp)
    top = dia.loc[dia["value"].idxmax()]
    census = dia[dia["basis"] == "census"].iloc[-1]
    bns_latest, bns_previous = used.iloc[-1], used.iloc[-2]
    kaz_said, aze_said = derive.statements(inp, "KAZ"), derive.statements(inp, "AZE")
    said = dia[dia["basis"] == "official's statement"].sort_values("value")
    return dict(
        students_when=kaz["when"],
        students_stated_by=kaz["stated_by"],
        students_kaz_in_aze=int(kaz["value"]),
        students_aze_in_kaz=int(aze["value"]),
        student_ratio=fmt(aze["value"] / kaz["value"], ".1f"),
        quota=int(quota["value"]),
        quota_year=quota["when"],
        n_dia_figures=len(dia),
        dia_min=fmt(int(dia["value"].min()), ","),
        dia_max_text=derive.figure_text(top),
        bns_latest=fmt(int(bns_latest["value"]), ","),
        bns_latest_when=_as_of(bns_latest["reference_date"]),
        bns_previous=fmt(int(bns_previous["value"]), ","),
        bns_previous_when=_as_of(bns_previous["reference_date"]),
        bns_diff=fmt(int(bns_latest["value"] - bns_previous["value"]), ","),
        census=fmt(int(census["value"]), ","),
        census_year=census["when"],
        statements_min=derive.figure_text(said.iloc[0]),
        statements_max=derive.figure_text(said.iloc[-1]),
        kaz_statements=says(f"{derive.figure_text(r)} ({r['start'].year})" for _, r in kaz_said.iterrows()),
        aze_statements=says(
            f"{derive.figure_text(r)} ({r['stated_by']}, {r['start'].year})" for _, r in aze_said.iterrows()
        ),
        **culture_facts(inp),
    )


def culture_facts(inp: Inputs) -> dict:
    """Culture days each way: Kazakh days are held in Azerbaijan, Azerbaijani days in Kazakhstan."""
    c = inp.culture
    days = c[c["title"].str.contains("days", case=False)]
    kaz_days, aze_days = days[days["country"] == "AZE"], days[days["country"] == "KAZ"]
    latest = aze_days.iloc[-1] if len(aze_days) else None
    return dict(
        n_culture_events=len(c),
        n_kaz_days=len(kaz_days),
        kaz_days_years=says(kaz_days["year"].astype(str)),
        aze_days_place=latest["place"] if latest is not None else "",
        aze_days_when=dates.label(latest["date"][:7]) if latest is not None else "",
    )


def _as_of(reference_date: str) -> str:
    """'the start of 2024' for 1 January, else the date as written ('2025')."""
    return f"the start of {reference_date[:4]}" if reference_date.endswith("-01-01") else dates.label(reference_date)


def c21() -> str:
    """C21 is assessed in the diplomacy chapter (its table holds the culture days): its verdict, computed there."""
    return next(a.verdict for a in diplomacy.verdicts(diplomacy.inputs()) if a.claim_id == "C21")


@once_per_build
def facts(inp: Inputs) -> Facts:
    out = Facts(
        "ots",
        **currency_facts(inp),
        **summit_facts(inp),
        **member_facts(inp),
        **body_facts(inp),
        **area_facts(inp),
        **host_facts(inp),
        **people_facts(inp),
    )
    for a in verdicts(inp):
        out[a.claim_id.lower()] = verdict(a.verdict, a.claim_id)
    out["c21"] = verdict(c21(), "C21")
    return out.publish()
