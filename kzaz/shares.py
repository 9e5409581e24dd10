"""Shares and ratios whose denominator is named, never implied.

A share is only as good as what it is divided by. Each function here says, in its
docstring and in the `denominator` text it returns where it returns a table, what the
denominator is:

- `listed_partner_shares`: a partner's share of the **sum of the partners listed** in a
  table that keeps only large partners (the FAOSTAT trade-matrix extract keeps a partner
  only if it has at least 5% of an item's value). That sum is smaller than the true
  total whenever small partners were dropped, so the share is an **upper bound**.
- `residual_share`: what a reported share leaves for everyone else (100 minus the sum
  of the reported shares): an upper bound for any single other partner.
- `percent_of`: a value as a percentage of a stated total (e.g. trade as % of GDP).
- `self_sufficiency_ratio`: FAO's production / (production + imports - exports).
- `implied_base`: the earlier value implied by a value and its stated growth multiple,
  with the range the rounding of the multiple allows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

# FAOSTAT trade-matrix extract: a partner is kept only with at least this share of an item's value.
FAO_LISTING_THRESHOLD_PCT = 5.0
LISTED_PARTNERS = (
    f"sum of the partners listed in the extract (each with at least {FAO_LISTING_THRESHOLD_PCT:g}% of the item's value)"
)


def listed_partner_shares(table: pd.DataFrame, value: str, partner: str, by: list[str]) -> pd.DataFrame:
    """Each partner's share (in %) of the sum of the listed partners' values, per group.

    Denominator: the **sum of the partners listed** in `table` for each group `by`
    (for FAOSTAT's trade-matrix extract, the partners that each had at least 5% of the
    item's value in that year). Partners below the threshold are missing from the
    denominator, so the true total is at least this large and each share is an
    **upper bound** of the partner's share of all imports (or exports).

    Returns the input with `listed_total`, `share_pct`, `n_listed` and `denominator`
    columns added. A group whose listed values sum to zero or less raises ValueError.
    """
    missing = [c for c in [value, partner, *by] if c not in table.columns]
    if missing:
        raise KeyError(f"columns not in the table: {missing}")
    if table[value].isna().any() or (table[value] < 0).any():
        raise ValueError(f"'{value}' must be non-negative and not missing")
    dup = table.duplicated([*by, partner])
    if dup.any():
        raise ValueError(f"a partner appears twice in a group: {table.loc[dup, [*by, partner]].values.tolist()}")
    out = table.copy()
    grouped = out.groupby(by, sort=False)[value]
    out["listed_total"] = grouped.transform("sum")
    out["n_listed"] = grouped.transform("size").astype(int)
    if (out["listed_total"] <= 0).any():
        raise ValueError("a group's listed partners sum to zero: no share can be formed")
    out["share_pct"] = 100.0 * out[value] / out["listed_total"]
    out["denominator"] = LISTED_PARTNERS
    return out


def residual_share(*reported_pct: float) -> float:
    """100 minus the reported shares (in %): the most any one other partner can hold.

    Denominator: the same total the reported shares were computed on (for example all of
    Azerbaijan's wheat imports in a year, if that is what the source divided by).
    """
    total = sum(reported_pct)
    if any(p < 0 or p > 100 for p in reported_pct) or total > 100:
        raise ValueError(f"shares must lie in 0-100 and sum to at most 100: {reported_pct}")
    return 100.0 - total


def percent_of(value: float, total: float, *, whole_name: str = "the total") -> float:
    """`value` as a percentage of `total` (both in the same unit), the book's one share function.

    Denominator: `total`, as given; `whole_name` says what it is (for trade as % of GDP,
    that country's GDP in the same year and currency; for oil, e.g. "crude exports") and
    appears in the error. A missing or non-positive total raises ValueError rather than
    returning a misleading number.
    """
    if not whole_name:
        raise ValueError("name the denominator of a share")
    if total is None or pd.isna(total) or total <= 0:
        raise ValueError(f"cannot take a share of {whole_name} = {total!r}: the denominator must be positive")
    if value is None or pd.isna(value):
        raise ValueError("the value is missing")
    return 100.0 * value / total


def self_sufficiency_ratio(production: float, imports: float, exports: float) -> float:
    """FAO's self-sufficiency ratio, in %: production / (production + imports - exports) x 100.

    Denominator: production plus imports minus exports (domestic use before stock
    changes), as in FAO's food balance sheet handbook. Above 100: the country produces
    more than it uses and exports the rest.
    """
    supply = production + imports - exports
    if supply <= 0:
        raise ValueError(f"production + imports - exports must be positive, got {supply}")
    return 100.0 * production / supply


@dataclass(frozen=True)
class Implied:
    low: float
    mid: float
    high: float


def stated_rounding(growth_stated: str) -> float:
    """Half a unit of the last digit a growth figure was stated to, as a multiple.

    "+50%" is a multiple of 1.50 stated to the percent: 0.005. "4.2 times": 0.05.
    """
    m = re.fullmatch(r"\s*[+-]?(\d+(?:\.(\d+))?)\s*(%|times)\s*", growth_stated)
    if not m:
        raise ValueError(f"cannot read a growth figure from {growth_stated!r}: expected '+50%' or '4.2 times'")
    half_unit = 0.5 * 10 ** -len(m.group(2) or "")
    return half_unit / 100 if m.group(3) == "%" else half_unit


def implied_base(value: float, multiple: float, rounding: float = 0.0) -> Implied:
    """The earlier value implied by `value` and the growth `multiple` a source states.

    A source that says "4.2 times" has rounded the multiple; with `rounding` = 0.05 the
    true multiple lies in [4.15, 4.25], and the implied earlier value in
    [value / 4.25, value / 4.15]. This is arithmetic on a reported figure, not a
    published statistic, and the book labels it as such.
    """
    if multiple <= 0 or multiple - rounding <= 0:
        raise ValueError(f"the multiple must stay positive: {multiple} +/- {rounding}")
    return Implied(low=value / (multiple + rounding), mid=value / multiple, high=value / (multiple - rounding))


# ---------------------------------------------------------------- a share claimed for one supplier

SHARE_CLOSE_POINTS = 5.0


@dataclass(frozen=True)
class ShareEvidence:
    """What the figures for one period say about a claimed supplier share (see `judge_supplier_share`)."""

    verdict: str
    importer: pd.DataFrame  # shares from the importer's statistics or officials
    exporter_stats: pd.DataFrame  # shares from the exporter's statistics (not statements)
    statements: pd.DataFrame  # shares only stated by the exporter's officials (no period or base to check)
    close: pd.DataFrame  # usable figures on the claim's product base within SHARE_CLOSE_POINTS
    competitor_majority: pd.DataFrame  # importer-side shares above 50% for another supplier


def judge_supplier_share(
    claimed: float, supplier: str, importer: str, claim_base: str, shares: pd.DataFrame
) -> ShareEvidence:
    """Judge a claim that `supplier` had `claimed` % of `importer`'s imports of `claim_base`.

    `shares` holds supplier_share rows for the claim's period, with columns `supplier`, `value`
    (percent), `reported_by`, `basis` and `commodity`. Denominator of every share: whatever
    the source divided by (its stated total imports), which is why the product base matters.

    - Usable evidence is the importer's own figures (`reported_by == importer`) and the
      supplier country's *statistics*; a figure whose basis is a statement by an official of
      the supplier country (an interested party, usually with no months or product base) is
      never enough on its own.
    - "supported": a usable figure on the claim's product base lies within
      SHARE_CLOSE_POINTS of the claim.
    - "not supported": usable figures exist and all give the supplier less than half, or the
      importer's figures give another supplier more than half.
    - "partly supported": a usable figure gives the supplier more than half (it is the main
      supplier) but none is close to the claimed share on the same base.
    - "not verifiable": no usable figure.
    """
    need = {"supplier", "value", "reported_by", "basis", "commodity"}
    if need - set(shares.columns):
        raise KeyError(f"columns not in the table: {sorted(need - set(shares.columns))}")
    own = shares[shares["supplier"] == supplier]
    is_statement = own["basis"].str.contains("statement", case=False)
    importer_rows = own[own["reported_by"] == importer]
    exporter_stats = own[(own["reported_by"] != importer) & ~is_statement]
    statements = own[(own["reported_by"] != importer) & is_statement]
    usable = pd.concat([importer_rows, exporter_stats])
    close = usable[(usable["commodity"] == claim_base) & ((usable["value"] - claimed).abs() <= SHARE_CLOSE_POINTS)]
    others = shares[(shares["supplier"] != supplier) & (shares["reported_by"] == importer) & (shares["value"] > 50)]
    if len(close):
        verdict = "supported"
    elif len(others) or (len(usable) and (usable["value"] < 50).all()):
        verdict = "not supported"
    elif (usable["value"] > 50).any():
        verdict = "partly supported"
    else:
        verdict = "not verifiable"
    return ShareEvidence(verdict, importer_rows, exporter_stats, statements, close, others)
