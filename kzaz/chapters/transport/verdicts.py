"""The transport chapter's verdicts on claims C06-C11, computed from its tables."""

from __future__ import annotations

import re

import pandas as pd
from shapely.ops import linemerge

from kzaz import claims, dates, routes
from kzaz.claims import Assessment
from kzaz.computed import once_per_build
from kzaz.markdown import link, says

from . import cargo, ports, zangezur
from .inputs import Inputs


def _countries(inp: Inputs, route_id: str) -> set[str]:
    line = linemerge(list(inp.legs[inp.legs["route_id"] == route_id].geometry))
    return set(routes.km_by_country(line, inp.countries).index)


def _names(inp: Inputs, iso3s) -> str:
    return says(sorted(inp.country_name.get(i, i) for i in iso3s))


def _links(rows: pd.DataFrame) -> str:
    return ", ".join(link(r.source_publisher, r.source_url) for r in rows.itertuples())


def c06(inp: Inputs) -> Assessment:
    trunk, north = _countries(inp, "middle_corridor"), _countries(inp, "northern")
    crosses_sea = (inp.legs.loc[inp.legs["route_id"] == "middle_corridor", "mode"] == "sea").any()
    ok = {"KAZ", "AZE", "GEO", "TUR"} <= trunk and "RUS" not in trunk and "RUS" in north and crosses_sea
    mc = routes.path_km(inp.legs, "middle_corridor", "dostyk", "kapikule")
    nr = routes.path_km(inp.legs, "northern", "dostyk", "brest")
    return claims.assess(
        "C06",
        "supported" if ok else "not supported",
        f"Drawn through sourced points, the route runs through {_names(inp, trunk)} and across the Caspian Sea "
        f"to the border of the European Union without touching Russia, while the Northern route runs through "
        f"{_names(inp, north)}. It is an alternative in geography, though a {'longer' if mc > nr else 'shorter'} one "
        f"from the Kazakh-Chinese border ({mc:,.0f} against {nr:,.0f} km).",
        "Figures {numref}`fig-tr-map-region` and {numref}`fig-tr-lengths`; data: transport_nodes, transport_routes.",
        detail="The countries are those whose borders the drawn lines cross (Natural Earth boundaries); the lengths "
        "are straight legs between the points, so lower bounds.",
    )


def c07_parts(inp: Inputs) -> dict:
    """The claim part by part: ports, railways, joint operators, bottlenecks."""
    p = inp.ports
    kuryk = ports._capacity(ports.used(inp, "Kuryk"), "cargo")
    aktau_target = (p.loc[(p["port"] == "Aktau") & (p["kind"] == "target"), "value"] > 0).any()
    caps = zangezur.capacities(inp)
    docs = inp.documents.assign(party_set=inp.documents["parties"].str.split(";").map(set))
    jv = docs[docs["document"].str.startswith("joint_venture") & docs["party_set"].map(lambda s: {"KAZ", "AZE"} <= s)]
    signed = jv[jv["document"] == "joint_venture_2023"].sort_values("date")
    later = jv[jv["date"] > (signed["date"].max() if len(signed) else "9999")].sort_values("date")
    plans = docs[
        (docs["document"] == "bottleneck_action_plan_2025") & (docs["date"].str[:4].astype(int) >= inp.latest_year)
    ]
    baku = ports.used(inp, "Baku")
    teu = ports._by_year(baku, "containers")
    teu_over = teu.iloc[-1] / ports._capacity(baku, "containers").iloc[0]
    return dict(
        ports=bool(kuryk.iloc[-1] > kuryk.iloc[0] and aktau_target),
        railways=caps["btk"] > caps["btk_before"],
        joint=len(signed) > 0,
        bottlenecks=len(plans) > 0 or teu_over > 1,
        kuryk=kuryk,
        caps=caps,
        signed=signed,
        later=later,
        plans=plans,
        teu_over=teu_over,
        teu_year=int(teu.index.max()),
        jv=jv,
    )


def c07(inp: Inputs) -> Assessment:
    k = c07_parts(inp)
    found = {"ports": k["ports"], "railways": k["railways"], "joint operators": k["joint"]}
    verdict = (
        "supported"
        if all(found.values()) and k["bottlenecks"]
        else "not supported"
        if not any(found.values())
        else "partly supported"
    )
    upgraded = [w for w, ok in found.items() if ok]
    missing = [w for w, ok in found.items() if not ok]
    signed, later = k["signed"], k["later"]
    bottleneck = (
        "bottlenecks remain: Baku's container terminal handled "
        f"{100 * k['teu_over']:.0f}% of its design capacity in {k['teu_year']}"
        if k["teu_over"] > 1
        else "the railways have an action plan on the bottlenecks"
        if len(k["plans"])
        else "the book's sources show no bottleneck"
    )
    eff = ports.baku_capacity(inp)
    eff = eff[eff["label"].str.startswith("effective")]
    detail = [
        f"Ports: Kuryk's capacity rose from {k['kuryk'].iloc[0]:.0f} to {k['kuryk'].iloc[-1]:.0f} Mt a year, and a "
        "container hub is planned at Aktau."
        + (
            f" Baku's container terminal is not counted: its {eff['value'].iloc[0]:,.0f} TEU is an "
            f"{eff['note'].iloc[0]}."
            if len(eff)
            else ""
        ),
        f"Railways: the Baku-Tbilisi-Kars line from {k['caps']['btk_before']:.0f} to {k['caps']['btk']:.0f} Mt a year.",
    ]
    if len(signed):
        detail.append(
            f"Joint operators: the railways of {_names(inp, signed.iloc[0]['party_set'])} agreed on "
            f"{dates.label(signed.iloc[0]['date'])} to form a joint company, and those of "
            f"{_names(inp, signed.iloc[-1]['party_set'])} signed its founding agreement on "
            f"{dates.label(signed.iloc[-1]['date'])}"
            + (
                f"; they decided to admit China's state container carrier in {dates.label(later.iloc[0]['date'])}, "
                f"which signed its accession in {later.iloc[-1]['place']} in {dates.label(later.iloc[-1]['date'])}."
                if len(later) > 1
                else f"; it was at work by {dates.label(later.iloc[-1]['date'])}."
                if len(later)
                else "."
            )
        )
    if len(k["plans"]):
        plan = k["plans"].iloc[0]
        detail.append(
            f"Bottlenecks: a railways' action plan on them was signed in {plan['place']} on "
            f"{dates.label(plan['date'])}."
        )
    detail.append(
        f"Baku's container terminal handled {100 * k['teu_over']:.0f}% of its design capacity in {k['teu_year']}."
    )
    return claims.assess(
        "C07",
        verdict,
        f"Upgrades are documented for {says(upgraded) or 'none of the parts'}"
        + (f", not for {says(missing)}" if missing else "")
        + f"; {bottleneck}.",
        "Port table and {numref}`fig-tr-ports`; data: titr_cargo, caspian_ports, corridor_documents ("
        + _links(pd.concat([k["jv"], k["plans"]]))
        + ").",
        detail=" ".join(detail),
    )


def c08(inp: Inputs) -> Assessment:
    rm, later = inp.roadmap, inp.roadmap_later  # the signing-day statements; later ones that disagree
    when, places = sorted(set(rm["date"])), sorted(set(rm["place"]))
    parties = set.union(*rm["parties"].str.split(";").map(set))
    spans = sorted(set(rm["period_covered"].dropna()) - {""})
    parts = {
        "date": len(when) == 1 and when[0].startswith("2022"),
        "place": places == ["Aktau"],
        "parties": all(set(p.split(";")) == {"AZE", "GEO", "KAZ", "TUR"} for p in rm["parties"]),
        "period": spans == ["2022-2027"],
    }
    n_span = int(rm["period_covered"].fillna("").ne("").sum())
    verdict = "supported" if all(parts.values()) else "partly supported" if parts["place"] else "not supported"
    return claims.assess(
        "C08",
        verdict,
        f"{len(rm)} sources report the roadmap adopted in {says(places)} on {says(dates.label(d) for d in when)} by "
        f"{_names(inp, parties)}"
        + (
            f"; the period {says(spans)} is stated by {n_span} of them and contradicted by none."
            if spans
            else "; none states the period it covers."
        )
        + ("" if all(parts.values()) else f" Not borne out: {says(k for k, v in parts.items() if not v)}."),
        "Data: corridor_documents (" + _links(rm) + ").",
        detail=f"The sources cite {says(sorted(set(rm['primary_source'])))}, all on the day of signing."
        + (
            ""
            if later.empty
            else " Later statements are kept in the data but not relied on: "
            + "; ".join(
                f"{r.source_publisher} ({dates.label(r.statement_date)}) {_later_gap(inp, r)}"
                for r in later.itertuples()
            )
            + "."
        ),
    )


def _later_gap(inp: Inputs, r) -> str:
    """What a later statement on the roadmap says differently from the signing-day ones."""
    rm = inp.roadmap
    parties = set.union(*rm["parties"].str.split(";").map(set))
    named = set(r.parties.split(";"))
    if named != parties:
        return f"names only {_names(inp, named)} as signatories"
    if pd.notna(r.target_year) and int(r.target_year) not in inp.target_years:
        return f"dates the target to {int(r.target_year)}"
    return "differs in detail"


def c09_parts(inp: Inputs) -> dict:
    claimed = float(re.search(r"(\d+(?:\.\d+)?) million tonnes", claims.claim_text("C09")).group(1))
    updates = inp.documents[inp.documents["document"].str.startswith("roadmap_update")]
    later = inp.documents[
        (inp.documents["document"] != "aktau_roadmap_2022") & ~inp.documents["document"].str.startswith("joint_venture")
    ].sort_values("date")
    stated = inp.roadmap["capacity_target_mt"].dropna()  # statements that give a target at all
    return dict(
        claimed=claimed,
        has_target=bool(len(stated)) and bool((stated == claimed).all()),
        update_2024=bool(updates["date"].str.startswith("2024").any()),
        later=later,
    )


def c09(inp: Inputs) -> Assessment:
    k = c09_parts(inp)
    both, either = k["update_2024"] and k["has_target"], k["update_2024"] or k["has_target"]
    s, year = inp.series, inp.latest_year
    d = inp.target_datings
    re_dated = sorted(set(d.loc[~d["signing_day"], "year"]) - set(inp.target_years))
    target = (
        f"The statements made when the roadmap was signed give its {inp.target:.0f} Mt target for "
        f"{' or '.join(map(str, inp.target_years))}; officials have since dated it to {says(re_dated)}"
        if k["has_target"]
        else f"The sources on the 2022 roadmap do not all state the {k['claimed']:.0f} Mt target"
    )
    looked = dates.label(inp.checked_on.strftime("%Y-%m-%d"))
    update = (
        "an update of the roadmap is recorded for 2024"
        if k["update_2024"]
        else f"the book found no update of the roadmap agreed in 2024 (searched on {looked})"
    )
    later = k["later"]
    detail = [
        f"In {year} the route carried {s[year]:.2f} Mt, {100 * s[year] / inp.target:.0f}% of the target, "
        f"against a stated capacity of {inp.capacity['value']:.0f} Mt."
    ]
    if not later.empty:
        docs = later.drop_duplicates(["document", "date"])
        detail.append(
            f"The only later document found is {says(_doc_name(r) for r in docs.itertuples())}."
            if len(docs) == 1
            else f"The documents found after the roadmap are {says(_doc_name(r) for r in docs.itertuples())}."
        )
    detail.append(
        "Not finding the update does not show that none was agreed; the sources searched run to about "
        f"{dates.label(dates.SEARCHED_TO)}, so that part of the claim is unverified rather than refuted."
    )
    detail.append(
        "Who dated the target, and when: "
        + "; ".join(f"{r.year} ({r.who}, {r.said_label})" for r in target_statements(inp).itertuples())
        + "."
    )
    return claims.assess(
        "C09",
        "supported" if both else "partly supported" if either else "not supported",
        f"{target}. {update[0].upper() + update[1:]}.",
        "Data: corridor_documents, titr_cargo; {numref}`fig-tr-volume` and the table of target dates.",
        detail=" ".join(detail),
    )


def target_statements(inp: Inputs) -> pd.DataFrame:
    """Each dating of the target once per speaker and day (two relays of one statement are one row)."""
    d = inp.target_datings.copy()
    d["who"] = d["who"].map(cargo.by_whom)
    d["said_label"] = [dates.label(x) if isinstance(x, str) and x else "date not given" for x in d["said"]]
    return d.drop_duplicates(["year", "who", "said_label"])


def _doc_name(r) -> str:
    name = r.document.replace("_", " ").rsplit(" ", 1)[0]
    return f"a {name} signed in {r.place} on {dates.label(r.date)}"


def c10(inp: Inputs) -> Assessment:
    s, year = inp.series, inp.latest_year
    teu = inp.containers
    first, last = int(teu.index.min()), int(teu.index.max())
    grew_latest = s[year] >= s[year - 1]
    teu_grew = teu[last] > teu[first]
    verdict = (
        "supported"
        if grew_latest and teu_grew
        else "partly supported"
        if s[year - 1] > s.min() or teu_grew
        else "not supported"
    )
    plan = cargo.latest_plan(inp)[0]
    short = s[year] < plan["value"]
    change = (
        f"cargo fell {100 * (1 - s[year] / s[year - 1]):.0f}% in {year}"
        + (f", to {100 * (1 - s[year] / plan['value']):.0f}% below the plan" if short else "")
        if not grew_latest
        else f"cargo rose again in {year}"
    )
    return claims.assess(
        "C10",
        verdict,
        f"From {first} to {last} cargo grew {s[last] / s[first]:.1f} times and containers {teu[last] / teu[first]:.1f} "
        f"times, which fits growing demand, {'and' if grew_latest else 'but'} {change}. That the rearranging of "
        "global trade routes is the cause "
        "is plausible, but these data cannot show it.",
        "{numref}`fig-tr-volume`; data: titr_cargo (the Kazakh Ministry of Transport's series and container figures).",
        detail=("" if inp.latest_confirmed else f"The {year} tonnage could not be re-confirmed in its source. ")
        + "Container figures: the whole-route, full-year counts the book uses (book_uses in titr_cargo), "
        f"{teu[first]:,.0f} TEU in {first} and {teu[last]:,.0f} TEU in {last}. "
        f"The {year} plan of {plan['value']:.1f} Mt is the {cargo.by_whom(plan['primary_source'])}'s "
        f"(stated {dates.label(plan['statement_date'][:7])}).",
    )


def c11_parts(inp: Inputs) -> dict:
    k = zangezur.lengths(inp)
    caps = zangezur.capacities(inp)
    # Kazakh exports on the link: only a figure of that scope counts. A traffic figure for the link as a whole
    # (scope zangezur_link, such as a 'potential' container flow) says nothing about Kazakh cargo.
    use = inp.cargo[(inp.cargo["scope"] == "kazakh_exports_via_link") & (inp.cargo["kind"] != "capacity")]
    return dict(
        k=k,
        caps=caps,
        shorter_for_kazakh=k["saved"] > 100 * (1 - routes.TOLERANCE[0]) / 2,  # beyond the error
        shorter_for_nakhchivan=k["saved_nakh"] > 0,
        adds_capacity=caps["link"] >= caps["btk"],
        exports_measured=len(use) > 0,
    )


def c11(inp: Inputs) -> Assessment:
    p = c11_parts(inp)
    k, caps = p["k"], p["caps"]
    any_part = [p["shorter_for_kazakh"] or p["shorter_for_nakhchivan"], p["adds_capacity"], p["exports_measured"]]
    verdict = (
        "supported"
        if p["shorter_for_kazakh"] and p["adds_capacity"] and p["exports_measured"]
        else "partly supported"
        if any(any_part)
        else "not supported"
    )
    shorter = (
        f"{k['saved']:.0f}% shorter than through Georgia"
        if p["shorter_for_kazakh"]
        else f"no shorter than through Georgia ({k['armenia']:.0f} against {k['georgia']:.0f} km drawn)"
    )
    than = "more than" if caps["link"] > caps["btk"] else "as much as" if p["adds_capacity"] else "less than"
    return claims.assess(
        "C11",
        verdict,
        f"From Alat to Kars the way through southern Armenia is {shorter}, though it would cut the way from mainland "
        f"Azerbaijan to Nakhchivan by {k['saved_nakh']:.0f}%. The new line is designed for {caps['link']:.0f} Mt a "
        f"year, {than} the Baku-Tbilisi-Kars line, but "
        + (
            "sources forecast its Kazakh traffic."
            if p["exports_measured"]
            else "no source forecasts the Kazakh exports it would carry."
        ),
        "Figures {numref}`fig-tr-map-zangezur` and {numref}`fig-tr-zangezur-km`; data: transport_routes, titr_cargo, "
        "zangezur_positions.",
        detail=f"Only {zangezur.in_service_pct(inp):.0f}% of the drawn way through Armenia is on lines in service. "
        f"Over the whole journey from Dostyk to Kars the difference is {abs(k['saved_whole']):.1f}%, "
        "well inside "
        "the error of drawing with straight lines. The Baku-Tbilisi-Kars line's capacity is "
        f"{caps['btk']:.0f} Mt a year after its upgrade, and it carried {1000 * caps['btk_flow']:,.0f} kt in "
        f"{caps['btk_flow_period']}, about {caps['btk_use_pct']:.0f}% of that capacity at the same rate: design "
        "capacity is not traffic. " + _link_traffic_sentence(inp),
    )


def _link_traffic_sentence(inp: Inputs) -> str:
    t = zangezur.link_traffic(inp)
    if t.empty:
        return "No source gives a traffic figure for the link."
    r = t.iloc[-1]
    return (
        f"The only traffic figure for the link as a whole is a '{r.period.split('(')[-1].rstrip(')')}' of "
        f"{r.value:,.0f} {r.unit} by {r.year}, stated by {r.primary_source.split(' (')[0]} on "
        f"{dates.label(r.statement_date)} with no basis given; it is not a figure for Kazakh cargo."
    )


@once_per_build
def verdicts(inp: Inputs) -> list[Assessment]:
    return [c06(inp), c07(inp), c08(inp), c09(inp), c10(inp), c11(inp)]
