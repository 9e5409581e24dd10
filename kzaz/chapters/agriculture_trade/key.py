"""The numbers the chapter's findings rest on, for the summary's key-numbers table (kzaz.book.key_numbers)."""

from __future__ import annotations

from kzaz import periods
from kzaz.computed import once_per_build
from kzaz.markdown import link

from . import bounds, claim, trade
from .inputs import Inputs


def _source(row) -> str:
    return link(row["source_publisher"], row["source_url"])


def _when(row) -> str:
    return periods.label(row["period_start"], row["period_end"])


@once_per_build
def key_numbers(inp: Inputs) -> list[dict]:
    b, year = bounds.share_bounds(inp), claim.claim_year()
    kz = trade.annual(inp)[lambda d: d["reported_by"] == "Kazakhstan"].iloc[-1]
    az = trade.latest_cumulative(inp, "Azerbaijan")
    return [
        {
            "what": "Kazakhstan's share of Azerbaijan's wheat imports, as bounded by sourced totals (C14)",
            "value": f"{b.lower:.0f}–{b.high:.0f}%",
            "period": str(year),
            "source": "; ".join(_source(r) for r in (b.total, b.saratov, b.rail_growth)),
        },
        {
            "what": "Azerbaijan's wheat imports from all origins",
            "value": f"{b.total['value'] / 1e6:.2f} Mt",
            "period": _when(b.total),
            "source": _source(b.total),
        },
        {
            "what": "Bilateral trade, Kazakhstan's count",
            "value": f"{kz['value_musd']:.1f} million US\\$",
            "period": _when(kz),
            "source": _source(kz),
        },
        {
            "what": "Bilateral trade, Azerbaijan's count",
            "value": f"{az['value_musd']:.1f} million US\\$",
            "period": _when(az),
            "source": _source(az),
        },
    ]
