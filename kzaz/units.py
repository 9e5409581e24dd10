"""Unit conversions for oil, gas and energy: one place, with each factor's source.

Sources report Kazakh oil in tonnes, the BTC pipeline's capacity in barrels a day and
its throughput in barrels, and Our World in Data gives production as energy (TWh).
Every conversion the book makes goes through this module.

Factors
-------
BARRELS_PER_TONNE = 7.32
    Crude petroleum of average specific gravity: 1 metric ton = 7.32 barrels.
    UN Statistics Division, Energy Statistics Yearbook, "Conversion factors",
    https://unstats.un.org/unsd/energy/yearbook/conversion.htm (the BP/Energy Institute
    Statistical Review's "approximate conversion factors" give 7.33 on the same basis,
    the worldwide average gravity). A given crude differs: the Statistical Review's own
    Kazakh and Azerbaijani series imply about 7.7 and 7.4 barrels a tonne
    (`implied_barrels_per_tonne`), so a volume converted with the standard factor
    carries an uncertainty of a few per cent, which the chapter states.

TWH_PER_MT_OIL = 11.63
    One tonne of oil equivalent = 41.868 GJ (10 Gcal), so one million tonnes =
    41.868 PJ = 11.63 TWh (1 TWh = 3.6 PJ). The Statistical Review turns oil tonnes into
    energy at exactly this rate ("Definitions and explanatory notes: conversion factors",
    https://www.bp.com/en/global/corporate/energy-economics/statistical-review-of-world-energy/using-the-review/definitions-and-explanatory-notes.html);
    the test suite checks it on every Kazakh and Azerbaijani year of the 2021 edition
    (data/bp_oil_gas_kaz_aze.csv).

TWH_PER_BCM_GAS = 10.0
    One billion cubic metres of natural gas = 36 PJ = 10 TWh, the Statistical Review's
    factor (same page; checked the same way).

DAYS_PER_YEAR = 365
    Barrels a day are turned into yearly volumes over 365 days.
"""

from __future__ import annotations

import calendar

BARRELS_PER_TONNE = 7.32
BARRELS_PER_TONNE_SOURCE = "https://unstats.un.org/unsd/energy/yearbook/conversion.htm"
GJ_PER_TOE = 41.868
PJ_PER_TWH = 3.6
TWH_PER_MT_OIL = GJ_PER_TOE / PJ_PER_TWH  # 11.63
TWH_PER_BCM_GAS = 36.0 / PJ_PER_TWH  # 10.0
DAYS_PER_YEAR = 365


def _positive(value: float, name: str) -> float:
    if value is None or not value > 0:
        raise ValueError(f"{name} must be a positive number, got {value!r}")
    return value


def tonnes_to_barrels(tonnes: float, barrels_per_tonne: float = BARRELS_PER_TONNE) -> float:
    """Barrels in a mass of crude (any scale: Mt in, million barrels out)."""
    return tonnes * _positive(barrels_per_tonne, "barrels_per_tonne")


def barrels_to_tonnes(barrels: float, barrels_per_tonne: float = BARRELS_PER_TONNE) -> float:
    """Tonnes in a volume of crude (any scale: million barrels in, Mt out)."""
    return barrels / _positive(barrels_per_tonne, "barrels_per_tonne")


def barrels_per_day_to_mt_per_year(
    barrels_per_day: float, barrels_per_tonne: float = BARRELS_PER_TONNE, days: int = DAYS_PER_YEAR
) -> float:
    """A flow in barrels a day as million tonnes a year."""
    return barrels_to_tonnes(barrels_per_day * days, barrels_per_tonne) / 1e6


def mt_per_year_to_barrels_per_day(
    mt_per_year: float, barrels_per_tonne: float = BARRELS_PER_TONNE, days: int = DAYS_PER_YEAR
) -> float:
    """A flow in million tonnes a year as barrels a day."""
    return tonnes_to_barrels(mt_per_year * 1e6, barrels_per_tonne) / days


def oil_twh_to_mt(twh: float) -> float:
    """Oil as primary energy (TWh) back to million tonnes, at one tonne of oil equivalent a tonne."""
    return twh / TWH_PER_MT_OIL


def oil_mt_to_twh(mt: float) -> float:
    return mt * TWH_PER_MT_OIL


def gas_twh_to_bcm(twh: float) -> float:
    """Natural gas as primary energy (TWh) back to billion cubic metres."""
    return twh / TWH_PER_BCM_GAS


def implied_barrels_per_tonne(thousand_barrels_per_day: float, million_tonnes: float, year: int) -> float:
    """Barrels a tonne implied by a year's production given both ways (days of that year)."""
    days = 366 if calendar.isleap(year) else 365
    return thousand_barrels_per_day * 1e3 * days / (_positive(million_tonnes, "million_tonnes") * 1e6)
