"""Every number and phrase the chapter's prose quotes, under the namespace "ag".

Grouped as the chapter reads: the two grain economies, FAO's view of who supplies
Azerbaijan's wheat, the claim on 2025, then (facts_trade) bilateral trade, investment
and business events. The names say what a fact is, never which year it is.
"""

from __future__ import annotations

import pandas as pd

from kzaz import dates, shares
from kzaz.computed import once_per_build
from kzaz.markdown import link, says
from kzaz.prose import Facts, fmt, md, verdict

from . import bounds, claim, fao
from .facts_trade import business_facts, trade_facts
from .inputs import Inputs

mt = fao.mt


def source_link(row) -> str:
    """A row's source as a link named by its publisher alone ('Day.az'), for a parenthesis in a sentence."""
    return md(link(row["source_publisher"].split(" (")[0], row["source_url"]))


def span(first: str, last: str) -> str:
    """'January-October 2025', 'September 2024 to April 2025' (months in words, for sentences)."""
    a, b = dates.label(first), dates.label(last)
    if first[:4] == last[:4] and dates.precision(first) == dates.precision(last) == "month":
        return f"{a.split()[0]}–{b}"
    return f"{a} to {b}"


def counted(n: int, one: str, many: str) -> str:
    return f"{'no' if n == 0 else n} {one if n == 1 else many}"


def times(n: int) -> str:
    """'in none of them', 'only once', 'only twice', 'only 3 times'."""
    return {0: "in none of them", 1: "only once", 2: "only twice"}.get(n, f"only {n} times")


def production_facts(inp: Inputs) -> dict:
    prod = fao.production_wide(inp)
    last = int(prod.index.max())
    recent = prod.loc[last - fao.RECENT_YEARS + 1 : last]
    first = int(prod.index.min())
    return dict(
        prod_last_year=last,
        prod_kaz_last=fmt(mt(prod.loc[last, "KAZ"]), ".1f"),
        prod_aze_last=fmt(mt(prod.loc[last, "AZE"]), ".1f"),
        prod_ratio_last=fmt(prod.loc[last, "KAZ"] / prod.loc[last, "AZE"], ".1f"),
        prod_kaz_world_last=fmt(shares.percent_of(prod.loc[last, "KAZ"], prod.loc[last, "WLD"]), ".2f"),
        prod_recent_from=int(recent.index.min()),
        prod_kaz_low=fmt(mt(recent["KAZ"].min()), ".1f"),
        prod_kaz_low_year=int(recent["KAZ"].idxmin()),
        prod_kaz_high=fmt(mt(recent["KAZ"].max()), ".1f"),
        prod_kaz_high_year=int(recent["KAZ"].idxmax()),
        prod_first_year=first,
        prod_aze_first=fmt(mt(prod.loc[first, "AZE"]), ".1f"),
    )


def balance_facts(inp: Inputs) -> dict:
    az, kz, world = (fao.balance_of(inp, c) for c in ("AZE", "KAZ", "WLD"))
    last = int(az.index.max())
    kz_world = 100 * kz["export_t"] / world["export_t"]
    return dict(
        fbs_first=int(az.index.min()),
        fbs_last=last,
        aze_ssr_low=fmt(az["ssr"].min(), ".0f"),
        aze_ssr_high=fmt(az["ssr"].max(), ".0f"),
        aze_ssr_last=fmt(az.loc[last, "ssr"], ".0f"),
        aze_imports_mean=fmt(mt(az["import_t"].mean()), ".2f"),
        kaz_exports_last=fmt(mt(kz.loc[last, "export_t"]), ".1f"),
        kaz_exports_share_last=fmt(shares.percent_of(kz.loc[last, "export_t"], kz.loc[last, "production_t"]), ".0f"),
        kaz_world_exports_low=fmt(kz_world.min(), ".1f"),
        kaz_world_exports_high=fmt(kz_world.max(), ".1f"),
    )


def flag_facts(inp: Inputs) -> dict:
    """FAO values the book flags against national figures (data/fao_national_checks.csv)."""
    imp = fao.flag(inp, "fao_cereal_balance", "KAZ", "import_t")
    prod = fao.flag(inp, "fao_cereal_production", "KAZ", "production_t")
    kz = fao.balance_of(inp, "KAZ")
    imports = kz.loc[: int(imp["year"]), "import_t"]
    rise_from = int(imp["year"])  # the first year of the unbroken rise that ends in the flagged year
    while rise_from - 1 in imports.index and imports[rise_from - 1] < imports[rise_from]:
        rise_from -= 1
    return dict(
        kaz_imports_flag_year=int(imp["year"]),
        kaz_imports_flagged=fmt(mt(imp["upstream_value"]), ".1f"),
        kaz_imports_national=fmt(mt(imp["national_value"]), ".1f"),
        kaz_imports_national_what=imp["national_measure"],
        kaz_imports_flag_ratio=fmt(imp["upstream_value"] / imp["national_value"], ".1f"),
        kaz_imports_flag_source=source_link(imp),
        kaz_imports_rise_from=fmt(mt(kz.loc[rise_from, "import_t"]), ".1f"),
        kaz_imports_rise_from_year=rise_from,
        prod_flag_year=int(prod["year"]),
        prod_flag_fao=fmt(mt(prod["upstream_value"]), ".1f"),
        prod_flag_national=fmt(mt(prod["national_value"]), ".1f"),
        prod_flag_source=source_link(prod),
    )


def supplier_facts(inp: Inputs) -> dict:
    sup = fao.suppliers(inp)
    kaz, majority, run_from = sup.kaz, sup.majority, sup.kaz_run_from
    compared = claim.importer_year(inp)  # the latest year Azerbaijan's own figures give a total
    listed = sup.listed_total(compared.year)
    return dict(
        fao_threshold=fmt(shares.FAO_LISTING_THRESHOLD_PCT, ".0f"),
        tm_first=sup.first,
        tm_last=sup.last,
        tm_missing=", ".join(str(y) for y in sup.missing),
        tm_kaz_absent=says(sup.kaz_absent),
        tm_kaz_peak=fmt(kaz.max(), ".0f"),
        tm_kaz_peak_year=int(kaz.idxmax()),
        tm_kaz_last=fmt(kaz.loc[sup.last], ".1f"),
        tm_rus_last=fmt(sup.partner("RUS").loc[sup.last], ".1f"),
        tm_kaz_majority_n=len(majority),
        tm_kaz_majority_last=int(majority.index.max()),
        tm_kaz_run_from=run_from,
        tm_kaz_value_run_from=fmt(sup.value("KAZ").loc[run_from], ".1f"),
        tm_kaz_value_last=fmt(sup.value("KAZ").loc[sup.last], ".1f"),
        tm_compared_year=compared.year,
        tm_listed_compared=fmt(listed, ".1f"),
        tm_listed_vs_customs=fmt(shares.percent_of(listed, compared.total["value_musd"]), ".1f"),
        customs_musd=fmt(compared.total["value_musd"], ".1f"),
    )


def mirror_facts(inp: Inputs) -> dict:
    m = fao.mirror(inp)
    dest = fao.kazakh_destinations(inp)
    aze = dest[dest["partner_code"] == "AZE"].set_index("year")["share_pct"]
    years = sorted(int(y) for y in dest["year"].unique())
    recent = years[-fao.RECENT_YEARS :]
    # Azerbaijan's place among Kazakhstan's destinations in the last year Kazakhstan held most of its
    # imports (or the latest year before it that Kazakhstan's declarations list Azerbaijan).
    majority_last = int(fao.suppliers(inp).majority.index.max())
    then = max(y for y in aze.index if y <= majority_last)
    return dict(
        mirror_n=len(m),
        mirror_az_higher=int((m["ratio"] > 1).sum()),
        mirror_ratio_low=fmt(m["ratio"].min(), ".2f"),
        mirror_ratio_high=fmt(m["ratio"].max(), ".2f"),
        mirror_tolerance_pct=fmt(100 * fao.MIRROR_TOLERANCE, ".0f"),
        mirror_within=int(((m["ratio"] - 1).abs() <= fao.MIRROR_TOLERANCE).sum()),
        kz_dest_aze_then=fmt(aze.loc[then], ".0f"),
        kz_dest_then_year=int(then),
        kz_dest_recent_from=recent[0],
        kz_dest_recent_n=len(recent),
        kz_dest_aze_recent=times(int(sum(y in aze.index for y in recent))),
    )


def claim_facts(inp: Inputs) -> dict:
    latest = claim.importer_year(inp)
    sup = fao.suppliers(inp)
    fao_then = sup.kaz.get(latest.year)
    amb, first, ev = inp.doc("ambassador"), inp.doc("ambassador_first"), claim.evidence(inp)
    prev = claim.importer_shares(inp)  # the latest whole year with both shares from Azerbaijan's own figures
    prev_year = int(prev.index[prev.index <= latest.year].max())
    price_year, price = claim.kazakh_price(inp, latest.year)
    return dict(
        claim_share=fmt(claim.claimed_share(), ".0f"),
        claim_year=claim.claim_year(),
        importer_year=latest.year,
        rus_share=fmt(latest.russia["value"], ".1f"),
        rest_share=fmt(latest.rest, ".1f"),
        imports_mt=fmt(mt(latest.total["value"]), ".1f"),
        imports_musd=fmt(latest.total["value_musd"], ".1f"),
        rest_kt_high=fmt(latest.rest_tonnes_high / 1000, ".0f"),
        fao_kaz_importer_year=(
            fmt(fao_then, ".1f") if fao_then is not None else fmt(shares.FAO_LISTING_THRESHOLD_PCT, ".0f")
        ),
        amb_share=fmt(amb["value"], ".0f"),
        amb_when=dates.label(amb["source_date"]),
        amb_month=dates.label(amb["source_date"][:7]),  # the summary page quotes it
        amb_first_share=fmt(first["value"], ".0f"),
        amb_first_when=dates.label(first["source_date"]),
        amb_first_source=source_link(first),
        amb_source=source_link(amb),
        imports_price=fmt(latest.total["value_musd"] * 1e6 / latest.total["value"], ".0f"),
        kaz_price_year=price_year,
        kaz_price=fmt(price, ".0f"),
        prev_kaz_share=fmt(prev.loc[prev_year, "value_kaz"], ".0f"),
        prev_rus_share=fmt(prev.loc[prev_year, "value_rus"], ".0f"),
        prev_year=prev_year,
        c14_confidence=confidence(bounds.verdict(inp)),
        c14_importer_n=counted(len(ev.importer), "Azerbaijani share", "Azerbaijani shares"),
        c14_statement_n=counted(len(ev.statements), "Kazakh official statement", "Kazakh official statements"),
    )


def confidence(word: str) -> str:
    return {"supported": "high", "not supported": "moderate"}.get(word, "low")


def shipment_facts(inp: Inputs) -> dict:
    season, rail, growth = inp.doc("season"), inp.doc("season_rail"), inp.doc("rail_growth")
    ktz, moa, dec = inp.doc("newcrop_rail"), inp.doc("newcrop_ministry"), inp.doc("rail_december")
    saratov, vice = inp.doc("saratov"), inp.doc("season_ministry")
    return dict(
        season_kt=fmt(season["value"] / 1000, ".0f"),
        season_growth=fmt(season["growth_multiple"], ".0f"),
        season_span=span(season["period_start"], season["period_end"]),
        rail_kt=fmt(rail["value"] / 1000, ".0f"),
        rail_end=dates.label(rail["period_end"]),
        rail_growth=fmt(growth["value"], ".0f"),
        rail_growth_year=growth["period_end"][:4],
        season_moa_kt=fmt(vice["value"] / 1000, ".0f"),
        season_moa_span=span(vice["period_start"], vice["period_end"]),
        newcrop_kt=fmt(ktz["value"] / 1000, ".0f"),
        newcrop_multiple=fmt(ktz["growth_multiple"], ".1f"),
        newcrop_span=span(ktz["period_start"], ktz["period_end"]),
        moa_newcrop_kt=fmt(moa["value"] / 1000, ".0f"),
        moa_newcrop_growth_pct=fmt(100 * (moa["growth_multiple"] - 1), ".0f"),
        moa_newcrop_from=dates.label(moa["period_start"]),
        moa_newcrop_to=dates.label(moa["period_end"]),
        rail_december_kt=fmt(dec["value"] / 1000, ".0f"),
        rail_december_when=dates.label(dec["period_start"]),
        saratov_kt=fmt(saratov["value"] / 1000, ".0f"),
        saratov_span=span(saratov["period_start"], saratov["period_end"]),
        saratov_what=saratov["commodity"].split(" (")[0],
    )


def bounds_facts(inp: Inputs) -> dict:
    """The bounds on Kazakhstan's share of Azerbaijan's wheat imports in the claim year (claim.Bounds)."""
    b = bounds.share_bounds(inp)
    t, r, prior = b.total, b.saratov, b.prior_year
    x_low, x_stated = b.rail_floor(b.multiple_low)[1], b.rail_floor(float(b.rail_growth["value"]))[1]

    def kt(v: float):
        return fmt(v / 1000, ",.0f")

    return dict(
        bd_total_kt=kt(t["value"]),
        bd_total_span=span(t["period_start"], t["period_end"]),
        bd_total_growth_pct=fmt(100 * (t["growth_multiple"] - 1), ".1f"),
        bd_total_source=source_link(t),
        bd_saratov_kt=kt(b.saratov_tight),
        bd_saratov_half_kt=kt(b.saratov_loose),
        bd_saratov_source=source_link(r),
        bd_upper_months_tight=fmt(b.upper_months_tight, ".1f"),
        bd_upper_months_loose=fmt(b.upper_months_loose, ".1f"),
        bd_prior_year=int(prior["period_start"]),
        bd_prior_mt=fmt(mt(prior["value"]), ".1f"),
        bd_prior_high_kt=kt(prior["value"] + claim.rounding_of(prior)),
        bd_prior_months_kt=kt(b.prior_months),
        bd_prior_december_kt=kt(b.prior_december_high),
        bd_year_high_kt=kt(b.year_high),
        bd_upper_year_tight=fmt(b.upper_year_tight, ".1f"),
        bd_upper_year_loose=fmt(b.upper_year_loose, ".1f"),
        bd_rail_season_kt=kt(b.season_rail["value"]),
        bd_rail_autumn_kt=kt(b.autumn_rail["value"]),
        bd_rail_known_kt=kt(b.rail_known),
        bd_rail_december_kt=kt(b.december_rail["value"]),
        bd_rail_multiple=fmt(b.rail_growth["value"], "g"),
        bd_rail_multiple_low=fmt(b.multiple_low, "g"),
        bd_rail_x_kt=kt(x_low),
        bd_rail_x_stated_kt=kt(x_stated),
        bd_rail_low_kt=kt(b.rail_low),
        bd_rail_stated_kt=kt(b.rail_stated),
        bd_rail_source=source_link(b.rail_growth),
        bd_lower=fmt(b.lower, ".0f"),
        bd_lower_exact=fmt(b.lower, ".1f"),
        bd_lower_stated=fmt(b.lower_stated, ".1f"),
        bd_high=fmt(b.high, ".0f"),
        bd_high_tight=fmt(b.upper_year_tight, ".0f"),
        bd_verdict=bounds.bounded_verdict(b.lower, b.high, claim.claimed_share()),
        bd_close=fmt(shares.SHARE_CLOSE_POINTS, "g"),
    )


def dating_facts(inp: Inputs) -> dict:
    """The latest statement among the rows the chapter uses, and when its rows were checked."""
    used = [inp.grain_used, inp.used, inp.milestones, inp.investment[inp.investment["book_uses"]], inp.goods, inp.flags]
    stated = pd.concat([t["source_date"] for t in used]).dropna()
    latest = max(stated, key=dates.start_of)
    checked = pd.concat([pd.to_datetime(t["checked_on"]) for t in used])
    first, last = (d.strftime("%Y-%m-%d") for d in (checked.min(), checked.max()))
    return dict(
        data_through=dates.label(latest),
        checked_on=dates.label(last) if first == last else f"between {dates.label(first)} and {dates.label(last)}",
    )


def reconciliation_facts(inp: Inputs) -> dict:
    rec = claim.reconciliation(inp)
    start, end = rec.season["period_start"], rec.season["period_end"]
    return dict(
        rec_year=rec.base.year,
        rec_before=span(start, f"{rec.base.year}-12"),
        rec_rest=fmt(rec.base.rest, ".1f"),
        rec_after=span(f"{end[:4]}-01", end),
        rec_needed_kt=fmt(rec.needed / 1000, ".0f"),
        rec_needed_month_kt=fmt(rec.needed_a_month / 1000, ".0f"),
        rec_monthly_kt=fmt(rec.monthly["value"] / 1000, ".1f"),
        rec_monthly_when=dates.label(rec.monthly["period_start"]),
    )


@once_per_build
def facts(inp: Inputs) -> Facts:
    out = Facts(
        "ag",
        **production_facts(inp),
        **balance_facts(inp),
        **flag_facts(inp),
        **supplier_facts(inp),
        **mirror_facts(inp),
        **claim_facts(inp),
        **shipment_facts(inp),
        **bounds_facts(inp),
        **reconciliation_facts(inp),
        **trade_facts(inp),
        **business_facts(inp),
        **dating_facts(inp),
    )
    from .verdicts import verdicts  # they use the helpers above

    for a in verdicts(inp):
        out[a.claim_id.lower()] = verdict(a.verdict, a.claim_id)
    return out.publish()
