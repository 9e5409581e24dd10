"""Every number and phrase the energy chapter's prose quotes, section by section."""

from __future__ import annotations

from kzaz import dates, shares, units
from kzaz.computed import once_per_build
from kzaz.markdown import says
from kzaz.prose import Facts, fmt, verdict

from . import electricity, green, oil, pipeline, production
from .inputs import COUNTRIES, Inputs

CODE = {"Kazakhstan": "kaz", "Azerbaijan": "aze"}


def production_facts(inp: Inputs) -> dict:
    first, last = production.years_with(inp, "oil_production")
    kaz, aze = inp.by_country["Kazakhstan"], inp.by_country["Azerbaijan"]
    peak_year, peak_twh = production.peak(aze["oil_production"].loc[:last])
    aze_oil_last = aze.loc[last, "oil_production"]
    out = {
        "prod_first_year": first,
        "prod_last_year": last,
        "kaz_oil_twh_last": fmt(kaz.loc[last, "oil_production"], ",.0f"),
        "kaz_oil_mt_last": fmt(units.oil_twh_to_mt(kaz.loc[last, "oil_production"]), ".1f"),
        "kaz_gas_bcm_last": fmt(units.gas_twh_to_bcm(kaz.loc[last, "gas_production"]), ".0f"),
        "aze_oil_peak_year": peak_year,
        "aze_oil_peak_mt": fmt(units.oil_twh_to_mt(peak_twh), ".1f"),
        "aze_oil_last_mt": fmt(units.oil_twh_to_mt(aze_oil_last), ".1f"),
        "aze_oil_fall_pct": fmt(100 * (1 - aze_oil_last / peak_twh), ".0f"),
        "aze_gas_over_oil_year": production.stays_above(
            aze["gas_production"].loc[:last], aze["oil_production"].loc[:last]
        ),
        "aze_gas_bcm_last": fmt(units.gas_twh_to_bcm(aze.loc[last, "gas_production"]), ".0f"),
        "no_coal": says(production.no_coal(inp)),
    }
    for c in COUNTRIES:
        out[f"{CODE[c]}_prod_to_use"] = fmt(production.prod_to_use(inp.by_country[c].loc[last]), ".1f")
    return out


def units_facts(inp: Inputs) -> dict:
    bp_last = production.bp_last_year(inp)
    bp_kaz = inp.bp[inp.bp["country"] == "Kazakhstan"].set_index("year")
    official = production.official_against_converted(inp)
    implied = production.implied_factors(inp)
    return {
        "twh_per_mt": fmt(units.TWH_PER_MT_OIL, ".2f"),
        "twh_per_bcm": fmt(units.TWH_PER_BCM_GAS, ".0f"),
        "bp_n_years": len(inp.bp),
        "bp_max_dev_pct": fmt(production.bp_max_deviation_pct(inp), ".3f"),
        "bp_last_year": bp_last,
        "kaz_bp_mt": fmt(bp_kaz.loc[bp_last, "oil_production_mt"], ".1f"),
        "kaz_owid_mt_bp_last": fmt(
            units.oil_twh_to_mt(inp.by_country["Kazakhstan"].loc[bp_last, "oil_production"]), ".1f"
        ),
        "official_first": int(official.index.min()),
        "official_last": int(official.index.max()),
        "official_max_dev_pct": fmt(official.abs().max(), ".1f"),
        "bbl_per_t": fmt(units.BARRELS_PER_TONNE, ".2f"),
        "kaz_bbl_per_t": fmt(implied["Kazakhstan"], ".2f"),
        "aze_bbl_per_t": fmt(implied["Azerbaijan"], ".2f"),
    }


def electricity_facts(inp: Inputs) -> dict:
    ref = electricity.reference_year(inp)
    out = {
        "elec_first_year": electricity.span(inp)[0],
        "elec_last_year": electricity.span(inp)[1],
        "elec_ref_year": ref,
        "kaz_ws_start_year": electricity.wind_solar_start(inp),
        "kaz_ws_twh_last": fmt(electricity.wind_solar(inp, "Kazakhstan").loc[ref], ".1f"),
        "elec_caution": electricity.caution(inp),
    }
    for c in COUNTRIES:
        row, code = electricity.text_row(inp, c, ref), CODE[c]
        out[f"{code}_fossil_share_last"] = fmt(electricity.share_of(row, ["fossil_electricity"]), ".0f")
        out[f"{code}_ren_share_last"] = fmt(row["renewables_share_elec"], ".1f")
        out[f"{code}_ws_share_last"] = fmt(electricity.share_of(row, ["wind_electricity", "solar_electricity"]), ".1f")
        out[f"{code}_hydro_share_of_ren"] = fmt(
            electricity.share_of(row, ["hydro_electricity"], "renewables_electricity"), ".0f"
        )
    return out | flag_facts(inp, ref)


def flag_facts(inp: Inputs, ref: int) -> dict:
    """The flag on the dataset's solar power: its value, the national one, the plant's output, and what changes."""
    flags = electricity.flags(inp)
    solar = flags[(flags["field"] == "solar_electricity") & (flags["year"] == ref)].iloc[0]
    country = solar["country"]
    plant = electricity.plant_check(inp)
    dataset_ws = electricity.share_of(inp.by_country[country].loc[ref], ["wind_electricity", "solar_electricity"])
    text_ws = electricity.share_of(electricity.text_row(inp, country, ref), ["wind_electricity", "solar_electricity"])
    later = flags[(flags["field"] == "solar_electricity") & (flags["year"] > ref)]
    return {
        "flag_country": country,
        "flag_year": int(solar["year"]),
        "flag_solar_dataset": fmt(solar["dataset_value"], ".2f"),
        "flag_solar_national": fmt(solar["reference_value"], ".2f"),
        "flag_solar_ratio": fmt(solar["reference_value"] / solar["dataset_value"], ".0f"),
        "flag_plant_twh": fmt(plant["reference_value"], "g"),
        "flag_plant_from": dates.label(plant["reference_period_start"]),
        "flag_plant_to": dates.label(plant["reference_period_end"]),
        "flag_plant_dataset": fmt(plant["dataset_value"], ".2f"),
        "flag_plant_years": f"{int(plant['dataset_year_first'])}–{int(plant['dataset_year_last'])}",
        "flag_ws_dataset": fmt(dataset_ws, ".1f"),
        "flag_ws_text": fmt(text_ws, ".1f"),
        "flag_later_year": says(sorted({str(y) for y in flags.loc[flags["year"] > ref, "year"]})) or "none",
        "flag_later": says(
            f"{r.dataset_value:g} TWh in {r.year} against at least {r.reference_value:g} TWh in "
            f"{periodic(r.reference_period_start, r.reference_period_end)}"
            for r in later.itertuples()
        ),
    }


def periodic(first: str, last: str) -> str:
    a, b = dates.start_of(first), dates.start_of(last)
    return (
        f"{a.strftime('%B')}–{b.strftime('%B')} {a.year}"
        if a.year == b.year
        else f"{dates.label(first)}–{dates.label(last)}"
    )


def btc_facts(inp: Inputs) -> dict:
    first, second = inp.years[0], inp.years[1]
    v, first_row = inp.used_btc, oil.used_row(inp, first)
    later = [oil.year_text(inp, y) for y in inp.years[2:]]
    c = oil.compare(inp)
    latest_use = c[c["year"] == c["year"].max()].iloc[-1]
    last = oil.used_row(inp, inp.last_year)
    plans = oil.plans_after(inp)
    return {
        "btc_first_year": first,
        "btc_last_year": inp.last_year,
        "btc_latest": fmt(v[inp.last_year], "g"),
        "btc_latest_by": last["reported_by"],
        "btc_latest_check": last["check"],
        "util_latest": fmt(latest_use["util"], ".0f"),
        "util_latest_year": int(latest_use["year"]),
        "util_latest_ceiling": fmt(latest_use["ceiling"], "g"),
        "btc_first": fmt(v[first], "g"),
        "btc_first_by": first_row["reported_by"],
        "btc_second": fmt(v[second], "g"),
        "btc_second_year": second,
        "btc_growth": fmt(v[second] / v[first], ".1f"),
        "btc_later": " ".join(t[0].upper() + t[1:] + "." for t in later),
        "plans_next": (
            says(
                f"{oil.who(r.reported_by)}{' expected' if i == 0 else ''} {r.value_mt:g} Mt"
                for i, r in enumerate(plans.itertuples())
            )
            if len(plans)
            else "no plan was found"
        ),
        "plans_next_year": int(plans["year"].max()) if len(plans) else inp.last_year + 1,
        "single_source_years": says(str(y) for y in inp.years if oil.used_row(inp, y)["check"] == "single source")
        or "none",
    }


def halt_facts(inp: Inputs) -> dict:
    half, to_aug, expected = oil.halt_rows(inp)
    year = int(half["year"])
    used = oil.used_row(inp, year)
    vague = oil.unspecified(inp, year)
    after = [float(used["value_mt"]) - v for v in to_aug]
    return {
        "halt_year": year,
        "halt_h1": fmt(half["value_mt"], "g"),
        "halt_to_aug_lo": fmt(to_aug.min(), "g"),
        "halt_to_aug_hi": fmt(to_aug.max(), "g"),
        "halt_expected": oil.expected_text(expected),
        "halt_outturn": fmt(used["value_mt"], "g"),
        "halt_outturn_by": used["reported_by"],
        "halt_vague": says(f"{r.value_mt:g} Mt" for r in vague.itertuples()) or "no figure",
        "halt_vague_when": says(dates.label(d) for d in vague["source_date"]) or "",
        "halt_after_lo": fmt(min(after), ".2f"),
        "halt_after_hi": fmt(max(after), ".2f"),
        "halt_after_pace": fmt(max(after) / 4, ".1f"),
        "halt_h1_pace": fmt(half["value_mt"] / 6, ".2f"),
    }


def tengiz_facts(inp: Inputs) -> dict:
    tengiz, total = oil.tengiz_rows(inp)
    at_entry, loaded = (inp.btc.set_index("figure_id").loc[i] for i in oil.AT_BTC_ENTRY)
    return {
        "tengiz_year": int(tengiz["year"]),
        "tengiz": fmt(tengiz["value_mt"], "g"),
        "tengiz_total": fmt(total["value_mt"], "g"),
        "tengiz_total_by": total["reported_by"],
        "tengiz_pct": fmt(100 * tengiz["value_mt"] / total["value_mt"], ".0f"),
        "entry": fmt(at_entry["value_mt"], "g"),
        "entry_period": oil.periodic_label(at_entry),
        "entry_by": at_entry["reported_by"],
        "loaded": fmt(loaded["value_mt"], "g"),
        "loaded_period": oil.periodic_label(loaded),
        "loaded_by": loaded["reported_by"],
    }


def agreement_facts(inp: Inputs) -> dict:
    measured = inp.deals[~inp.deals["agreement_id"].isin(oil.unmeasured_deals(inp)["agreement_id"])]
    other = oil.unmeasured_deals(inp).iloc[0]
    cum = oil.cumulative(inp)
    return {
        "agreements_text": " ".join(oil.agreement_sentence(inp, d) for d in measured.itertuples()),
        "unmeasured_date": dates.label(other["date"]),
        "unmeasured_mt": fmt(other["volume_max_mt_per_year"], ".2f"),
        "unmeasured_oil": other["oil"],
        "ceiling_latest": fmt(oil.latest_ceiling(inp), ".1f"),
        "cum_claimed": fmt(cum["row"]["value_mt"], ".1f"),
        "cum_when": dates.label(cum["row"]["source_date"][:7]),
        "cum_since": cum["since"],
        "cum_by": cum["row"]["reported_by"],
        "cum_lo": fmt(cum["lo"], ".2f"),
        "cum_hi": fmt(cum["hi"], ".2f"),
        "cum_lo_with_earlier": fmt(cum["lo_with_earlier"], ".2f"),
        "cum_hi_with_earlier": fmt(cum["hi_with_earlier"], ".2f"),
        "cum_part_end": dates.label(cum["part_end"]),
        "cum_vs_sum": "below"
        if cum["row"]["value_mt"] < cum["lo"]
        else "above"
        if cum["row"]["value_mt"] > cum["hi"]
        else "within",
        "cum_floor": says(
            f"{y} at the {oil.floor(inp, y):g} Mt counted by the end of "
            f"{dates.start_of(oil.latest_part_year(inp, y)['period_end'].iloc[0]).strftime('%B')}"
            for y in cum["floored"]
        ),
    }


def pipeline_facts(inp: Inputs) -> dict:
    cap, orig = pipeline.capacity_bpd(inp)
    media = pipeline.pipeline_rows(inp, "capacity", "million tonnes per year").iloc[0]
    use = pipeline.use_of_capacity(inp)
    latest_use = use.iloc[-1]
    uy = int(latest_use["year"])
    tonnes = pipeline.latest_full_year(inp, "throughput", "million tonnes")
    transit = pipeline.latest_full_year(inp, "transit_kaz_tkm", "million tonnes")
    ty, tty = int(tonnes["year"]), int(transit["year"])
    cap_range = [units.barrels_per_day_to_mt_per_year(cap, f) for f in production.factors(inp)]
    share_carried = [
        100 * units.tonnes_to_barrels(inp.used_btc[uy], f) / latest_use["value"] for f in production.factors(inp)
    ]
    return {
        "cap_mbd": fmt(cap / 1e6, ".1f"),
        "orig_mbd": fmt(orig / 1e6, ".1f"),
        "cap_since": dates.label(pipeline.capacity_rows(inp)[0]["period_start"]),
        "cap_mt": fmt(units.barrels_per_day_to_mt_per_year(cap), ".0f"),
        "cap_mt_lo": fmt(min(cap_range), ".0f"),
        "cap_mt_hi": fmt(max(cap_range), ".0f"),
        "orig_mt": fmt(units.barrels_per_day_to_mt_per_year(orig), ".0f"),
        "media_mt": fmt(media["value"], ".0f"),
        "use_first_year": int(use["year"].iloc[0]),
        "use_year": uy,
        "use_lo": fmt(use["pct"].min(), ".0f"),
        "use_hi": fmt(use["pct"].max(), ".0f"),
        "use_pct": fmt(latest_use["pct"], ".0f"),
        "carried": fmt(latest_use["value"], ".0f"),
        "carried_by": latest_use["reported_by"],
        "carried_lo": fmt(use["value"].min(), ".0f"),
        "carried_hi": fmt(use["value"].max(), ".0f"),
        "tonnes": fmt(tonnes["value"], ".1f"),
        "tonnes_year": ty,
        "kaz_share_tonnes": fmt(100 * inp.used_btc[ty] / tonnes["value"], ".1f"),
        "kaz_share_carried_lo": fmt(min(share_carried), ".1f"),
        "kaz_share_carried_hi": fmt(max(share_carried), ".1f"),
        "kaz_share_cap_latest": fmt(pipeline.share_of_capacity(inp, inp.last_year), ".1f"),
        "transit": fmt(transit["value"], ".2f"),
        "transit_year": tty,
        "kaz_share_transit": fmt(100 * inp.used_btc[tty] / transit["value"], ".0f"),
        "transit_share_of_tonnes": fmt(100 * transit["value"] / tonnes["value"], ".0f") if tty == ty else "",
        "no_throughput_years": says(pipeline.years_without_throughput(inp)) or "none",
    }


def bounds_facts(inp: Inputs) -> dict:
    """The least and most Kazakh oil the route can have carried in the latest year with an export total, as shares."""
    year = oil.chart_years(inp)[-1]
    b = pipeline.bounds(inp, year)
    cap_mt = units.barrels_per_day_to_mt_per_year(pipeline.capacity_bpd(inp)[0])
    exports = inp.export_totals.get(year)
    out = {
        "bound_year": year,
        "bound_lo": fmt(b["lo"], "g") if b["lo"] else "",
        "bound_lo_end": dates.start_of(b["lo_end"]).strftime("%B") if b["lo_end"] else "",
        "bound_hi": fmt(b["hi"], ".2f") if b["hi"] else "",
    }
    if b["hi"] and exports:
        out["bound_hi_exports"] = fmt(shares.percent_of(b["hi"], exports, whole_name="crude exports"), ".1f")
        out["bound_hi_cap"] = fmt(shares.percent_of(b["hi"], cap_mt, whole_name="BTC capacity"), ".1f")
    if b["lo"] and exports:
        out["bound_lo_exports"] = fmt(shares.percent_of(b["lo"], exports, whole_name="crude exports"), ".1f")
    return out


def target_facts(inp: Inputs) -> dict:
    first, talks, aspiration, leaders, potential = (
        pipeline.target(inp, k) for k in ("first_aim", "talks", "aspiration", "leaders", "potential")
    )
    cap_mt = units.barrels_per_day_to_mt_per_year(pipeline.capacity_bpd(inp)[0])
    return {
        "leaders_when": dates.label(leaders["date"][:7]),
        "leaders_mt": fmt(leaders["volume_max_mt_per_year"], "g"),
        "potential_when": dates.label(potential["date"][:7]),
        "potential_mt": fmt(potential["volume_max_mt_per_year"], "g"),
        "talks_target": fmt(talks["volume_max_mt_per_year"], ".0f"),
        "talks_year": int(talks["target_year"]),
        "talks_when": dates.label(talks["date"][:7]),
        "aspiration": fmt(aspiration["volume_max_mt_per_year"], ".0f"),
        "aspiration_when": dates.label(aspiration["date"][:7]),
        "aspiration_share_cap": fmt(100 * aspiration["volume_max_mt_per_year"] / cap_mt, ".0f"),
        "first_aim_year": int(first["date"][:4]),
        "first_aim_lo": fmt(first["volume_min_mt_per_year"], ".0f"),
        "first_aim_hi": fmt(first["volume_max_mt_per_year"], ".1f"),
    }


def dating_facts(inp: Inputs) -> dict:
    """The date the chapter's data run to (the latest statement among its compiled rows) and when they were checked."""
    compiled = [inp.btc, inp.agreements, inp.exports, inp.pipeline, inp.routes, inp.green, inp.projects, inp.upstream]
    stated = [d for t in compiled for d in t["source_date"].dropna()]
    latest = max(stated, key=dates.start_of)
    checked = [t["checked_on"] for t in compiled]
    first, last = min(c.min() for c in checked), max(c.max() for c in checked)
    label = lambda ts: dates.label(ts.strftime("%Y-%m-%d"))  # noqa: E731
    return {
        "data_through": dates.label(latest),
        "checked_on": label(last),
        "checked_since": label(first) if first != last else "",
    }


@once_per_build
def facts(inp: Inputs) -> Facts:
    from . import exports_facts, maps
    from .verdicts import verdicts  # they use the helpers above

    out = Facts(
        "en",
        **production_facts(inp),
        **units_facts(inp),
        **electricity_facts(inp),
        **btc_facts(inp),
        **halt_facts(inp),
        **tengiz_facts(inp),
        **agreement_facts(inp),
        **pipeline_facts(inp),
        **target_facts(inp),
        **bounds_facts(inp),
        **dating_facts(inp),
        **exports_facts.facts(inp),
        **maps.facts(inp),
        **green.facts(inp),
    )
    for a in verdicts(inp):
        out[a.claim_id.lower()] = verdict(a.verdict, a.claim_id)
    return out.publish()
