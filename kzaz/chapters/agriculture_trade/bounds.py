"""Claim C14 bounded: Kazakhstan's share of Azerbaijan's wheat imports from sourced totals, and the verdict."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kzaz import shares

from .claim import claim_year, claimed_share, evidence, importer_year, rounding_of
from .inputs import Inputs


@dataclass(frozen=True)
class Bounds:
    """Kazakhstan's share of Azerbaijan's wheat imports in the claim year, bounded by sourced totals.

    Upper: Kazakhstan had at most what Azerbaijan imported less what Russia's Saratov region alone shipped to it,
    (T - R) / T, on the importer's total for January-November (T) and on a full year whose December is at most
    the largest December of the year before that the rounded totals allow. R is read two ways: all of Saratov's
    "grain products, mostly food wheat" as wheat (`tight`), or only just over half of it (`loose`). Russia's other
    regions and every other origin only lower the bound.

    Lower: the railway's tonnage to Azerbaijan in the claim year. With X its tonnage in September-December of
    the year before, its claim-year total is at least what the season to early March left for January-March
    (season - X) plus the new-crop months (autumn), and at least m times its total of the year before, itself at
    least X. The smaller of the two is largest at X = (season + autumn) / (m + 1), which gives the floor
    (season + autumn) m / (m + 1), taken with the lowest m that "3 times" allows once rounded. It assumes every
    tonne railed "to Azerbaijan" was wheat cleared there that year; transit, barley, flour and lags make the true
    share lower.
    """

    total: pd.Series  # Azerbaijan's wheat imports, all origins, January-November
    prior_year: pd.Series  # Azerbaijan's wheat imports, all origins, the whole year before
    saratov: pd.Series  # Saratov region's shipments to Azerbaijan, January-October
    season_rail: pd.Series  # the railway's grain to Azerbaijan, September to early March
    autumn_rail: pd.Series  # the railway's new-crop grain to Azerbaijan, September-October of the claim year
    rail_growth: pd.Series  # the railway's claim-year tonnage against the year before ("3 times")
    december_rail: pd.Series  # the railway's December of the year before

    @property
    def saratov_tight(self) -> float:
        return float(self.saratov["value"])

    @property
    def saratov_loose(self) -> float:
        """'Mostly' wheat: more than half of the tonnage."""
        return self.saratov_tight / 2

    @property
    def prior_months(self) -> float:
        """January-November of the year before, from the total's stated growth."""
        return float(self.total["value"]) / float(self.total["growth_multiple"])

    @property
    def prior_december_high(self) -> float:
        """The largest December of the year before the rounded totals allow."""
        return float(self.prior_year["value"]) + rounding_of(self.prior_year) - self.prior_months

    @property
    def year_high(self) -> float:
        """The claim year's imports if December was no larger than that (our assumption)."""
        return float(self.total["value"]) + rounding_of(self.total) + self.prior_december_high

    def upper(self, saratov: float, total: float) -> float:
        return shares.percent_of(total - saratov, total, whole_name="Azerbaijan's wheat imports")

    @property
    def upper_months_tight(self) -> float:
        return self.upper(self.saratov_tight, float(self.total["value"]))

    @property
    def upper_months_loose(self) -> float:
        return self.upper(self.saratov_loose, float(self.total["value"]))

    @property
    def upper_year_tight(self) -> float:
        return self.upper(self.saratov_tight, self.year_high)

    @property
    def upper_year_loose(self) -> float:
        return self.upper(self.saratov_loose, self.year_high)

    @property
    def rail_known(self) -> float:
        """Season to early March plus the new-crop autumn: the railway's claim-year tonnage is at least this less X."""
        return float(self.season_rail["value"] + self.autumn_rail["value"])

    @property
    def multiple_low(self) -> float:
        return float(self.rail_growth["value"]) - shares.stated_rounding(f"{self.rail_growth['value']:g} times")

    def rail_floor(self, multiple: float) -> tuple[float, float]:
        """(the smallest claim-year rail tonnage the figures allow, the X at which it falls)."""
        x = max(self.rail_known / (multiple + 1), float(self.december_rail["value"]))
        return max(multiple * x, self.rail_known - x), x

    @property
    def rail_low(self) -> float:
        return self.rail_floor(self.multiple_low)[0]

    @property
    def rail_stated(self) -> float:
        return self.rail_floor(float(self.rail_growth["value"]))[0]

    @property
    def lower(self) -> float:
        return shares.percent_of(self.rail_low, self.year_high, whole_name="Azerbaijan's wheat imports")

    @property
    def lower_stated(self) -> float:
        return shares.percent_of(self.rail_stated, self.year_high, whole_name="Azerbaijan's wheat imports")

    @property
    def high(self) -> float:
        """The most generous upper bound (the loose reading, the full year)."""
        return self.upper_year_loose


def share_bounds(inp: Inputs) -> Bounds:
    year = claim_year()
    return Bounds(
        total=inp.doc("importer_months"),
        prior_year=importer_year(inp, year - 1).total,
        saratov=inp.doc("saratov"),
        season_rail=inp.doc("season_rail"),
        autumn_rail=inp.doc("newcrop_rail"),
        rail_growth=inp.doc("rail_growth"),
        december_rail=inp.doc("rail_december"),
    )


def bounded_verdict(low: float, high: float, claimed: float) -> str:
    """What bounds on a supplier's share say of a claimed share, with the book's closeness in points.

    Refuted if even the most generous upper bound is further below the claim than the book's tolerance; supported
    if both bounds lie within it; the main supplier (partly supported) if the lower bound is above half; otherwise
    neither confirmed nor refuted.
    """
    close = shares.SHARE_CLOSE_POINTS
    if high < claimed - close:
        return "not supported"
    if low >= claimed - close and high <= claimed + close:
        return "supported"
    if low > 50:
        return "partly supported"
    return "not verifiable"


def verdict(inp: Inputs) -> str:
    """C14: the figures decide where they can (kzaz.shares.judge_supplier_share); where none is usable, the bounds."""
    ev = evidence(inp)
    if ev.verdict != "not verifiable":
        return ev.verdict
    b = share_bounds(inp)
    return bounded_verdict(b.lower, b.high, claimed_share())
