"""Production and energy use (OWID), and the units behind them (BP's Statistical Review)."""

from __future__ import annotations

import pandas as pd

from kzaz import units

from .inputs import COUNTRIES, Inputs

# The production chart's series, in legend order: three fuels produced, and the energy used at home.
SERIES = {
    "oil_production": "Oil production",
    "gas_production": "Gas production",
    "coal_production": "Coal production",
    "primary_energy_consumption": "Primary energy use",
}
FUELS = ["oil_production", "gas_production", "coal_production"]


def years_with(inp: Inputs, column: str) -> tuple[int, int]:
    """First and last year in which both countries have a value of `column`."""
    years = None
    for c in COUNTRIES:
        found = set(inp.by_country[c][column].dropna().index)
        years = found if years is None else years & found
    if not years:
        raise ValueError(f"no year in which both countries have {column}")
    return int(min(years)), int(max(years))


def series(inp: Inputs) -> pd.DataFrame:
    """The production chart's rows: country, year, series label, production or use, TWh, physical units."""
    prod = inp.owid.melt(
        id_vars=["country", "year"], value_vars=list(SERIES), var_name="series", value_name="twh"
    ).dropna()
    recorded = prod.groupby(["country", "series"])["twh"].transform(lambda s: (s > 0).any())
    prod = prod[recorded | (prod["series"] != "coal_production")]  # a country that mines no coal has no coal line
    prod["kind"] = prod["series"].map(lambda s: "use" if s == "primary_energy_consumption" else "production")
    prod["label"] = prod["series"].map(SERIES)
    prod["physical"] = [
        f"{units.oil_twh_to_mt(v):.1f} million tonnes"
        if s == "oil_production"
        else f"{units.gas_twh_to_bcm(v):.1f} billion cubic metres"
        if s == "gas_production"
        else ""
        for s, v in zip(prod["series"], prod["twh"])
    ]
    return prod[["country", "year", "label", "kind", "twh", "physical"]]


def no_coal(inp: Inputs) -> list[str]:
    """Countries for which the dataset records no coal production."""
    return [c for c in COUNTRIES if not (inp.by_country[c]["coal_production"].fillna(0) > 0).any()]


def stays_above(a: pd.Series, b: pd.Series) -> int | None:
    """The first year from which `a` is above `b` in every later year (None if not in the last)."""
    above = (a > b)[::-1].cumprod()[::-1]
    return int(above[above == 1].index.min()) if above.any() else None


def prod_to_use(row: pd.Series) -> float:
    """Fossil-fuel output as a multiple of primary energy use, in energy terms."""
    return row[FUELS].fillna(0).sum() / row["primary_energy_consumption"]


def peak(values: pd.Series) -> tuple[int, float]:
    values = values.dropna()
    return int(values.idxmax()), float(values.max())


# --------------------------------------------------------------------------- units


def bp_max_deviation_pct(inp: Inputs) -> float:
    """How far BP's energy equivalents stray from units.py's factors, at most, in per cent."""
    oil = inp.bp["oil_production_twh"] / inp.bp["oil_production_mt"] / units.TWH_PER_MT_OIL - 1
    gas = inp.bp["gas_production_twh"] / inp.bp["gas_production_bcm"] / units.TWH_PER_BCM_GAS - 1
    return 100 * max(oil.abs().max(), gas.abs().max())


def bp_last_year(inp: Inputs) -> int:
    return int(inp.bp["year"].max())


def official_against_converted(inp: Inputs) -> pd.Series:
    """Per year: OWID's Kazakh oil converted to tonnes against the ministry's figure, in per cent."""
    official = inp.used_exports[inp.used_exports["flow"] == "oil_production"].set_index("year")["value_mt"]
    kaz = inp.by_country["Kazakhstan"]["oil_production"]
    official = official[official.index.isin(kaz.dropna().index)]
    converted = pd.Series([units.oil_twh_to_mt(kaz.loc[y]) for y in official.index], index=official.index)
    return 100 * (converted / official - 1)


def implied_factors(inp: Inputs) -> dict[str, float]:
    """Barrels a tonne that BP's two oil series imply, by country, in its last year."""
    last = bp_last_year(inp)
    rows = inp.bp[inp.bp["year"] == last].set_index("country")
    return {
        c: units.implied_barrels_per_tonne(r["oil_production_kbd"], r["oil_production_mt"], last)
        for c, r in rows.iterrows()
    }


def factors(inp: Inputs) -> list[float]:
    """The standard barrels-a-tonne factor and the two countries' implied ones: for ranges."""
    return [units.BARRELS_PER_TONNE, *implied_factors(inp).values()]
