"""Claim C14: Kazakhstan's share of Azerbaijan's grain imports, against every figure found."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

import pandas as pd

from kzaz import claims, dates, periods, shares

from .fao import suppliers
from .inputs import Inputs

CLAIM = "C14"
CLAIM_BASE = "grain"  # the claim is about grain imports
IMPORTER, SUPPLIER = "Azerbaijan", "Kazakhstan"

# What each kind of point on the share chart is, in the legend's order.
FAO_BOUND = "FAO trade matrix, value (upper bound)"
AZ_REPORTED = "reported by Azerbaijani statistics or officials"
AZ_RESIDUAL = "at most: 100% minus Russia's reported share"
KZ_STATED = "reported by Kazakh officials"
CLAIMED = "the article's claim"


def below_threshold() -> str:
    return f"FAO: Kazakhstan below the {shares.FAO_LISTING_THRESHOLD_PCT:g}% listing threshold"


def kinds() -> list[str]:
    return [FAO_BOUND, below_threshold(), AZ_REPORTED, AZ_RESIDUAL, KZ_STATED, CLAIMED]


def claimed_share() -> float:
    """The share the claim states (its text: 'about 85% of its grain imports')."""
    return float(re.search(r"(\d+(?:\.\d+)?)%", claims.claim_text(CLAIM)).group(1))


def claim_year() -> int:
    return int(re.search(r"\b(\d{4})\b", claims.claim_text(CLAIM)).group(1))


def half_unit(value: float) -> float:
    """Half the place of a rounded figure's last significant digit: 1,300,000 -> 50,000."""
    if value == 0:
        return 0.0
    place = 10 ** int(math.floor(math.log10(abs(value))))
    while place > 1 and round(value / place) * place != value:
        place //= 10
    return place / 2


def rounding_of(row: pd.Series) -> float:
    """How far a figure may lie above its stated value: half a unit if it is approximate."""
    return half_unit(row["value"]) if row["value_qualifier"] == "approximate" else 0.0


# --------------------------------------------------------------------------- the importer's full years


def _full_year(inp: Inputs, metric: str, supplier: str) -> pd.DataFrame:
    g = inp.grain_used
    whole = (g["period_start"] == g["period_end"]) & (g["period_start"].str.len() == 4)
    rows = g[whole & (g["metric"] == metric) & (g["supplier"] == supplier) & (g["reported_by"] == IMPORTER)]
    return rows.assign(year=rows["period_start"].astype(int)).set_index("year")


def importer_shares(inp: Inputs) -> pd.DataFrame:
    """Whole years in which Azerbaijan's own figures give both Kazakhstan's and Russia's shares (`value_kaz`,
    `value_rus`)."""
    kaz, rus = _full_year(inp, "supplier_share", SUPPLIER), _full_year(inp, "supplier_share", "Russia")
    return kaz.merge(rus, left_index=True, right_index=True, suffixes=("_kaz", "_rus"))


def importer_years(inp: Inputs) -> pd.DataFrame:
    """Years with both Russia's share and all wheat imports from Azerbaijan's own figures."""
    russia = _full_year(inp, "supplier_share", "Russia")
    total = _full_year(inp, "imports_all_origins", "all origins")
    return russia.merge(total, left_index=True, right_index=True, suffixes=("_russia", "_total"))


@dataclass(frozen=True)
class ImporterYear:
    year: int
    russia: pd.Series  # the supplier_share row for Russia
    total: pd.Series  # the imports_all_origins row

    @property
    def rest(self) -> float:
        """What Russia's share leaves for every other supplier together, in %."""
        return shares.residual_share(self.russia["value"])

    @property
    def rest_tonnes_high(self) -> float:
        """The most the rest can be in tonnes, reading the share as one of tonnes (our assumption)."""
        return self.rest / 100 * (self.total["value"] + rounding_of(self.total))


def importer_year(inp: Inputs, year: int | None = None) -> ImporterYear:
    """Azerbaijan's figures for `year` (default: the latest year that has both)."""
    years = importer_years(inp)
    year = int(years.index.max()) if year is None else year
    if year not in years.index:
        raise KeyError(f"Azerbaijan's figures have no Russian share and total for {year}")
    g = inp.grain_used.set_index("figure_id")
    return ImporterYear(year, g.loc[years.loc[year, "figure_id_russia"]], g.loc[years.loc[year, "figure_id_total"]])


def kazakh_price(inp: Inputs, until: int) -> tuple[int, float]:
    """The latest whole year up to `until` in which Azerbaijan's own figures give the volume and value of its wheat
    from Kazakhstan: (year, US$ a tonne)."""
    g = inp.grain_used
    rows = g[
        (g["metric"] == "supplier_volume")
        & (g["supplier"] == SUPPLIER)
        & (g["reported_by"] == IMPORTER)
        & (g["period_start"] == g["period_end"])
        & (g["period_start"].str.len() == 4)
        & g["value_musd"].notna()
    ]
    rows = rows[rows["period_start"].astype(int) <= until].sort_values("period_start")
    if rows.empty:
        raise KeyError(f"no whole year up to {until} gives the value and volume of Azerbaijan's wheat from Kazakhstan")
    r = rows.iloc[-1]
    return int(r["period_start"]), float(r["value_musd"] * 1e6 / r["value"])


@dataclass(frozen=True)
class Reconciliation:
    """Kazakhstan's season shipments against Azerbaijan's customs figures for the same months."""

    base: ImporterYear  # the calendar year the season starts in
    season: pd.Series  # the Kazakh ministry's shipments for the season
    months_after: int  # months of the season in the following calendar year
    monthly: pd.Series  # Azerbaijan's largest monthly wheat imports (all origins) in those months

    @property
    def needed(self) -> float:
        """Tonnes the season total still needs after the new year, even if all of the rest came before it."""
        return self.season["value"] - self.base.rest_tonnes_high

    @property
    def needed_a_month(self) -> float:
        return self.needed / self.months_after


def reconciliation(inp: Inputs) -> Reconciliation:
    season = inp.doc("season")
    start_year, end = int(season["period_start"][:4]), season["period_end"]
    after_from = f"{end[:4]}-01"
    g = inp.grain_used
    monthly = g[
        (g["metric"] == "imports_all_origins")
        & (g["reported_by"] == IMPORTER)
        & (g["period_start"] == g["period_end"])
        & (g["period_start"].str.len() == 7)
        & (g["period_start"] >= after_from)
        & (g["period_start"] <= end)
    ]
    if monthly.empty:
        raise KeyError(f"no monthly all-origins figure from Azerbaijan between {after_from} and {end}")
    return Reconciliation(
        importer_year(inp, start_year),
        season,
        periods.months_covered(after_from, end),
        monthly.sort_values("value").iloc[-1],
    )


# --------------------------------------------------------------------------- the figures for the claim's year


@cache
def evidence(inp: Inputs) -> shares.ShareEvidence:
    """The claim judged on the claim year's shares (kzaz.shares.judge_supplier_share)."""
    return shares.judge_supplier_share(claimed_share(), SUPPLIER, IMPORTER, CLAIM_BASE, claim_year_shares(inp))


def claim_year_shares(inp: Inputs) -> pd.DataFrame:
    g = inp.grain_used
    return g[(g["metric"] == "supplier_share") & (g["period_start"].str[:4] == str(claim_year()))]


def claimed_rows(inp: Inputs) -> pd.DataFrame:
    """The claim year's Kazakh shares that give the claimed figure (to the nearest point)."""
    s = claim_year_shares(inp)
    return s[(s["supplier"] == SUPPLIER) & ((s["value"] - claimed_share()).abs() < 0.5)]


def claimed_found(inp: Inputs) -> bool:
    return not claimed_rows(inp).empty


def period_words(row) -> str:
    """A grain figure's period for a reader: 'Jan-Oct 2025', '2025 to date (said 13 August 2025)'."""
    when = periods.label(row["period_start"], row["period_end"])
    said = f"said {dates.label(row['source_date'])}" if isinstance(row["source_date"], str) else "date not given"
    if row["kind"] == "to date":
        return f"{row['period_start'][:4]} to date ({said})"
    if row["kind"] == "no period stated":
        return f"no period stated ({said})"
    return when


# --------------------------------------------------------------------------- every share on one axis


def _fao_points(inp: Inputs) -> list[dict]:
    sup = suppliers(inp)
    mid = {y: pd.Timestamp(year=int(y), month=7, day=1) for y in sup.years_all}
    pts = [
        {
            "mid": mid[y],
            "share": s,
            "kind": FAO_BOUND,
            "period": str(y),
            "base": "wheat, value",
            "source": "FAO",
            "url": None,
        }
        for y, s in sup.kaz.items()
    ]
    threshold = shares.FAO_LISTING_THRESHOLD_PCT
    pts += [
        {
            "mid": mid[y],
            "share": threshold,
            "kind": below_threshold(),
            "period": str(y),
            "base": f"wheat, value: Kazakhstan below the {threshold:g}% listing threshold",
            "source": "FAO",
            "url": None,
        }
        for y in sup.kaz_absent
    ]
    return pts


def _reported_points(inp: Inputs) -> list[dict]:
    g = inp.grain_used
    share_rows = g[g["metric"] == "supplier_share"]
    kaz_periods = set(
        zip(
            share_rows.loc[share_rows["supplier"] == SUPPLIER, "period_start"],
            share_rows.loc[share_rows["supplier"] == SUPPLIER, "period_end"],
        )
    )
    pts = []
    for _, r in share_rows.iterrows():
        common = {
            "mid": periods.midpoint(r.period_start, r.period_end),
            "period": period_words(r),
            "base": r.commodity,
            "source": r.source_publisher,
            "url": r.source_url,
        }
        if r.supplier == SUPPLIER:
            kind = KZ_STATED if r.reported_by == SUPPLIER else AZ_REPORTED
            pts.append({**common, "share": r.value, "kind": kind})
        elif r.supplier == "Russia" and (r.period_start, r.period_end) not in kaz_periods:
            pts.append({**common, "share": shares.residual_share(r.value), "kind": AZ_RESIDUAL})
    return pts


def share_points(inp: Inputs) -> pd.DataFrame:
    """Every Kazakh share found: FAO's upper bounds, reported shares, residuals and the claim."""
    year = claim_year()
    pts = (
        _fao_points(inp)
        + _reported_points(inp)
        + [
            {
                "mid": pd.Timestamp(year=year, month=7, day=1),
                "share": claimed_share(),
                "kind": CLAIMED,
                "period": str(year),
                "base": f"{CLAIM_BASE} imports",
                "source": f"seed article (claim {CLAIM})",
                "url": None,
            }
        ]
    )
    pts = pd.DataFrame(pts)
    # FAO's line joins only years with a Kazakh value: it breaks at years missing from the data and at
    # years below the listing threshold, rather than drawing across them.
    fao_years = sorted(int(y) for y in suppliers(inp).kaz.index)
    segment = {y: sum(1 for a, b in zip(fao_years, fao_years[1:]) if b <= y and b - a > 1) for y in fao_years}
    pts["segment"] = [segment.get(m.year, -1) if k == FAO_BOUND else -1 for m, k in zip(pts["mid"], pts["kind"])]
    pts["mid"] = pts["mid"].dt.strftime("%Y-%m-%d")
    return pts
