"""The numbers the energy chapter's findings rest on, each with its period and source (the summary's table)."""

from __future__ import annotations

import pandas as pd

from kzaz import units
from kzaz.computed import once_per_build
from kzaz.markdown import link
from kzaz.prose import fmt

from . import exports_facts, oil, pipeline
from .inputs import Inputs


def source(row: pd.Series, publisher: str | None = None) -> str:
    return link(publisher or row["source_publisher"], row["source_url"])


@once_per_build
def key_numbers(inp: Inputs) -> list[dict]:
    year = inp.last_year
    btc = oil.used_row(inp, year)
    total = inp.used_exports[(inp.used_exports["flow"] == "crude_exports") & (inp.used_exports["year"] == year)]
    c = oil.compare(inp)
    use = c[(c["year"] == year) & (c["scope"] == "total")].iloc[0]
    deal = inp.deals.set_index("agreement_id").loc[use["agreement_id"]]
    capacity = pipeline.capacity_rows(inp)[0]
    cap_mt = units.barrels_per_day_to_mt_per_year(pipeline.capacity_bpd(inp)[0])
    rows = [
        {
            "what": f"Kazakh oil through BTC ({oil.who(btc['reported_by'])}'s outturn)",
            "value": f"{fmt(btc['value_mt'], 'g')} Mt",
            "period": str(year),
            "source": source(btc),
        },
        {
            "what": "Kazakh oil through BTC, as a share of Kazakhstan's crude exports",
            "value": f"{fmt(exports_facts.btc_share(inp, year), '.1f')}% of {fmt(total['value_mt'].iloc[0], '.1f')} Mt",
            "period": str(year),
            "source": source(total.iloc[0]),
        },
        {
            "what": "Kazakh oil through BTC, as a share of the volume agreed with SOCAR",
            "value": f"{fmt(use['util'], '.0f')}% of {fmt(use['ceiling'], 'g')} Mt a year",
            "period": str(year),
            "source": source(deal),
        },
        {
            "what": "Kazakh oil as a share of BTC's capacity",
            "value": f"{fmt(pipeline.share_of_capacity(inp, year), '.1f')}% of about {fmt(cap_mt, '.0f')} Mt a year",
            "period": str(year),
            "source": source(capacity),
        },
    ]
    return rows
