"""The energy chapter's verdicts on claims C12 (Kazakh oil through Azerbaijan and BTC) and C13
(the potential of green energy), computed from the chapter's tables."""

from __future__ import annotations

from kzaz import claims, dates, shares
from kzaz.claims import Assessment
from kzaz.computed import once_per_build
from kzaz.markdown import says

from . import electricity, exports_facts, green, oil, pipeline
from .inputs import COUNTRIES, Inputs


def shipping_years(inp: Inputs) -> tuple[list[int], bool, bool]:
    """Years with Kazakh oil on the route; whether it went in the latest year, and in every year."""
    used = inp.used_btc
    years = [int(y) for y in used[used > 0].index]
    return years, inp.last_year in years, years == list(range(inp.first_year, inp.last_year + 1))


def years_phrase(inp: Inputs) -> str:
    years, _, every = shipping_years(inp)
    if every:
        return f"every year from {inp.first_year} to {inp.last_year}"
    return f"in {says(map(str, years))} of the years {inp.first_year}–{inp.last_year}" if years else "in no year"


def deals_phrase(inp: Inputs) -> str:
    """When the shipments began against when the first agreement applied."""
    years = shipping_years(inp)[0]
    first = inp.deals.sort_values("applies_from").iloc[0]
    before = [y for y in years if y < first["from_year"]]
    under = [y for y in years if y >= first["from_year"]]
    return (
        f"The shipments of {says(map(str, before))} came before the first SOCAR–KazMunayGas agreement "
        f"({dates.label(first['date'])}) applied, from {dates.label(first['applies_from'])}; "
        if before
        else ""
    ) + (
        f"{'those' if before else 'The shipments'} from {under[0]} ran under the agreements."
        if under
        else "no shipment ran under the agreements."
    )


def c12(inp: Inputs) -> Assessment:
    years, latest, every = shipping_years(inp)
    year = oil.chart_years(inp)[-1]  # the latest year with both a BTC figure and an export total
    share = exports_facts.btc_share(inp, year)
    last = oil.used_row(inp, inp.last_year)
    c = oil.compare(inp)
    below = bool((c["flow"] < c["ceiling"]).all())
    b = pipeline.bounds(inp, year)
    bound = (
        f" Azerbaijan's statistics committee counted {b['hi']:.2f} Mt of Kazakh and Turkmen transit oil in BTC in "
        f"{year}: even if all of it had been Kazakh, it would be "
        f"{shares.percent_of(b['hi'], inp.export_totals[year], whole_name='crude exports'):.1f}% of the exports, "
        f"so the verdict does not hang on the {year} figure."
        if b["hi"]
        else ""
    )
    return claims.assess(
        "C12",
        "supported" if latest and every else "partly supported" if years else "not supported",
        (
            f"Kazakh oil has been shipped from Aktau to Baku and into BTC {years_phrase(inp)}. The volume is small: "
            f"about {share:.1f}% of Kazakhstan's crude exports and "
            f"{pipeline.share_of_capacity(inp, year):.1f}% of BTC's capacity in {year}; "
            "most Kazakh oil leaves through Russia."
        ),
        "Figures {numref}`fig-energy-btc`, {numref}`fig-energy-exports` and {numref}`fig-energy-map`; tables "
        "`oil_kaz_via_btc`, `oil_btc_agreements`, `oil_kaz_exports` and `oil_btc_pipeline`.",
        detail=(
            f"The {inp.last_year} figure, {last['value_mt']:g} Mt, is {oil.who(last['reported_by'])}'s outturn for "
            "the year, from a source that names its period"
            + ("; only that source gives it" if last["check"] == "single source" else "")
            + "; the "
            f"{says(f'{v:g} Mt' for v in oil.estimates(inp, inp.last_year)['value_mt'])} stated before the year "
            "ended was an expectation."
            + bound
            + " "
            + deals_phrase(inp)
            + " "
            + (
                "Shipments stayed below the volume agreed with SOCAR for the same oil in every year that can be "
                "measured."
                if below
                else "In some years shipments reached the volume agreed with SOCAR."
            )
        ),
    )


def c13(inp: Inputs) -> Assessment:
    docs, funded = green.documents(inp), green.funded(inp)
    n_capacity, n_cost = green.quantified(inp)
    quantified = n_capacity + n_cost > 0
    lo, hi = green.funding_range(inp)
    ref = electricity.reference_year(inp)
    steps = (
        (
            f"The three countries signed {len(docs)} documents on a Caspian power link from "
            f"{dates.label(docs['date'].iloc[0])} to {dates.label(docs['date'].iloc[-1])}, and development banks "
            f"committed US${lo:.3g}–{hi:.4g} million to its study. "
        )
        if len(docs)
        else "We found no signed document on a Caspian power link. "
    )
    size = (
        "No source gives the link's capacity or cost, so the potential is asserted but not yet measured."
        if not quantified
        else f"Sources give a capacity in {n_capacity} and a total cost in {n_cost} of the {len(inp.green)} steps, so "
        "the potential is at least partly measured."
    )
    ren = " and ".join(f"{electricity.text_row(inp, c, ref)['renewables_share_elec']:.1f}% in {c}" for c in COUNTRIES)
    national = [c for c in COUNTRIES if electricity.uses_national(inp, c, ref)]
    latest = green.latest_step(inp)
    return claims.assess(
        "C13",
        ("supported" if quantified else "partly supported") if len(docs) else "not supported",
        steps + size,
        "Table of the Caspian green-energy corridor (`green_energy_caspian`); figures {numref}`fig-energy-mix` and "
        "{numref}`fig-energy-renewables`.",
        detail=(
            f"Renewables' share of electricity was {ren} ({ref}"
            + (
                f"; {says(national)} from national statistics, because the dataset's solar figure is flagged"
                if national
                else ""
            )
            + "). "
            f"The money is a range because the sources do not say whether an earlier grant is part of a later one: "
            f"{len(funded)} grants, the largest US${lo:.3g} million. The latest step found is the "
            f"{latest['title'][0].lower() + latest['title'][1:]} ({dates.label(latest['date'])}); the study itself "
            "had not been published when the sources end. Each country is adding wind and solar at home "
            f"({len(inp.projects)} large plants listed), but none of those plants is a joint Kazakh–Azerbaijani "
            "project."
        ),
    )


@once_per_build
def verdicts(inp: Inputs) -> list[Assessment]:
    return [c12(inp), c13(inp)]
