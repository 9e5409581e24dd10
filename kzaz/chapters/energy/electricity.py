"""Electricity by source (OWID), the latest year the text can rely on, and the national figures that replace
the dataset's where it contradicts a known fact (resource energy_upstream_checks)."""

from __future__ import annotations

import pandas as pd

from kzaz import shares

from .inputs import COUNTRIES, RENEWABLES, SOURCES, Inputs, national_breakdowns

MIX = {
    "fossil_electricity": "Fossil fuels",
    "hydro_electricity": "Hydropower",
    "wind_electricity": "Wind",
    "solar_electricity": "Solar",
    "other_renewable_electricity": "Other renewables",
}
MEASURE = {"renewables_share_elec": "All renewables", "wind_solar_share": "Wind and solar"}
# A source that falls to zero right after a material year (at least 0.05 TWh, well above the data's
# 0.01 TWh rounding) is more likely a gap in provisional data than a real change.
BREAK_TWH = 0.05
WIND_SOLAR_START_TWH = 0.1  # "wind and solar begin": the first year they pass this together


def rows(inp: Inputs) -> pd.DataFrame:
    return inp.owid[inp.owid["electricity_generation"].notna()]


def span(inp: Inputs) -> tuple[int, int]:
    years = rows(inp)["year"]
    return int(years.min()), int(years.max())


def mix(inp: Inputs) -> pd.DataFrame:
    """The mix chart's rows: country, year, source, stacking order, TWh and share of generation."""
    elec = rows(inp)
    out = elec.melt(id_vars=["country", "year"], value_vars=list(MIX), var_name="source", value_name="twh")
    out["twh"] = out["twh"].fillna(0.0)
    out["label"] = out["source"].map(MIX)
    out["order"] = out["source"].map(list(MIX).index)
    out = out.merge(inp.owid[["country", "year", "electricity_generation"]], on=["country", "year"])
    out["share"] = [
        shares.percent_of(t, g, whole_name="electricity generation")
        for t, g in zip(out["twh"], out["electricity_generation"])
    ]
    return out[["country", "year", "label", "order", "twh", "share"]]


def renewable_shares(inp: Inputs) -> pd.DataFrame:
    """The renewables chart's rows: country, year, measure (all renewables, wind and solar), per cent."""
    elec = rows(inp)
    out = elec[["country", "year", "renewables_share_elec"]].copy()
    out["wind_solar_share"] = [
        shares.percent_of(w + s, g, whole_name="electricity generation")
        for w, s, g in zip(
            elec["wind_electricity"], elec["solar_electricity"].fillna(0), elec["electricity_generation"]
        )
    ]
    out = out.melt(id_vars=["country", "year"], var_name="measure", value_name="pct")
    out["measure"] = out["measure"].map(MEASURE)
    return out


def breaks(inp: Inputs, year: int) -> list[tuple[str, str, float, float]]:
    """(country, source, before, now) for each source that drops from a material value to zero in `year`."""
    found = []
    for c in COUNTRIES:
        by = inp.by_country[c]
        if year - 1 not in by.index or year not in by.index:
            continue
        found += [
            (c, src, by.loc[year - 1, src], by.loc[year, src])
            for src in SOURCES
            if by.loc[year - 1, src] >= BREAK_TWH and not by.loc[year, src] > 0
        ]
    return found


def reference_year(inp: Inputs) -> int:
    """The latest year with electricity for both countries and no break: the year the text uses."""
    years = sorted(set.intersection(*(set(rows(inp).loc[rows(inp)["country"] == c, "year"]) for c in COUNTRIES)))
    return int(max(y for y in years[1:] if not breaks(inp, y)))


def wind_solar(inp: Inputs, country: str) -> pd.Series:
    by = inp.by_country[country]
    return by["wind_electricity"] + by["solar_electricity"].fillna(0)


def wind_solar_start(inp: Inputs) -> int:
    ws = wind_solar(inp, "Kazakhstan")
    return int(ws[ws >= WIND_SOLAR_START_TWH].index.min())


def share_of(row: pd.Series, columns: list[str], whole: str = "electricity_generation") -> float:
    name = "renewable electricity" if whole == "renewables_electricity" else "electricity generation"
    return shares.percent_of(row[columns].fillna(0).sum(), row[whole], whole_name=name)


def caution(inp: Inputs) -> str:
    """What the text says about years after the reference year, if they hold a break ('' if none)."""
    ref, (_, last) = reference_year(inp), span(inp)
    found = [b for y in range(ref + 1, last + 1) for b in breaks(inp, y)]
    if not found:
        return ""
    rows_ = " ".join(
        f"The dataset's {last} row for {c} records {now:.2f} TWh of {MIX.get(src, src).lower()} after "
        f"{before:.2f} TWh the year before."
        for c, src, before, now in found
    )
    with_last = " and ".join(f"{inp.by_country[c].loc[last, 'renewables_share_elec']:.1f}% in {c}" for c in COUNTRIES)
    return (
        f"One caution on the latest year. {rows_} We could not confirm whether this is a real change or a gap "
        f"in the provisional data. The charts show the values as published; the text uses {ref}, the latest "
        f"year without such a break. With the {last} row, renewables' share of electricity would be {with_last}."
    )


# --------------------------------------------------------------------------- flags and national figures

FLAG = "Dataset value contradicted by national figures (flagged)"
NATIONAL = "National statistics (the figures the text uses)"


def text_row(inp: Inputs, country: str, year: int) -> pd.Series:
    """The electricity figures the text uses for a country and year: the dataset's, or, where the book flags the
    dataset and uses a national breakdown, that breakdown (renewables and their share recomputed from it)."""
    row = inp.by_country[country].loc[year].copy()
    code = inp.owid.loc[inp.owid["country"] == country, "country_code"].iloc[0]
    national = national_breakdowns(inp.upstream).get((code, year))
    if national is None:
        return row
    for r in national.itertuples():
        row[r.field] = r.reference_value
    row["renewables_electricity"] = row[RENEWABLES].fillna(0).sum()
    row["renewables_share_elec"] = shares.percent_of(
        row["renewables_electricity"], row["electricity_generation"], whole_name="electricity generation"
    )
    return row


def uses_national(inp: Inputs, country: str, year: int) -> bool:
    code = inp.owid.loc[inp.owid["country"] == country, "country_code"].iloc[0]
    return (code, year) in national_breakdowns(inp.upstream)


def flags(inp: Inputs) -> pd.DataFrame:
    """The upstream checks that find one year of the dataset impossible, with the country's name."""
    up = inp.upstream
    rows = up[up["contradicts"] & (up["dataset_year_first"] == up["dataset_year_last"])].copy()
    names = inp.owid.drop_duplicates("country_code").set_index("country_code")["country"]
    rows["country"] = rows["country_code"].map(names)
    rows["year"] = rows["dataset_year_first"].astype(int)
    return rows


def flagged_points(inp: Inputs) -> pd.DataFrame:
    """The renewables chart's points that a flagged value enters (both measures: solar counts in each)."""
    found = flags(inp)[["country", "year"]].drop_duplicates()
    points = renewable_shares(inp).merge(found, on=["country", "year"])
    return points.assign(what=FLAG)


def national_points(inp: Inputs) -> pd.DataFrame:
    """The shares the text uses where it takes a national breakdown instead of the dataset's."""
    out = []
    for c in COUNTRIES:
        for year in sorted(
            int(y)
            for (code, y) in national_breakdowns(inp.upstream)
            if code == inp.owid.loc[inp.owid["country"] == c, "country_code"].iloc[0]
        ):
            row = text_row(inp, c, year)
            out += [
                {
                    "country": c,
                    "year": year,
                    "measure": MEASURE["renewables_share_elec"],
                    "pct": float(row["renewables_share_elec"]),
                },
                {
                    "country": c,
                    "year": year,
                    "measure": MEASURE["wind_solar_share"],
                    "pct": share_of(row, ["wind_electricity", "solar_electricity"]),
                },
            ]
    return pd.DataFrame(out, columns=["country", "year", "measure", "pct"]).assign(what=NATIONAL)


def plant_check(inp: Inputs) -> pd.Series | None:
    """The check of the dataset against one plant's output over several years, if there is one."""
    up = inp.upstream
    rows = up[up["contradicts"] & (up["reference_kind"] == "plant output")]
    return rows.iloc[0] if len(rows) else None
