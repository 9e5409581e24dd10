"""Oil production in tonnes and barrels a day, and gas production in billion cubic
metres, for Kazakhstan and Azerbaijan, 2000-2020, from the BP Statistical Review of
World Energy 2021 as ingested by Our World in Data.

The book plots OWID's energy-unit series (TWh); this extract gives the physical units
the same source publishes, so that the chapter can state which unit it uses, check the
TWh-per-tonne factor (kzaz.units) and compare production with export tonnages.
"""

from pathlib import Path

import pandas as pd

RESOURCE = "bp_oil_gas_kaz_aze"
FOCUS = {"KAZ": "Kazakhstan", "AZE": "Azerbaijan"}
FIRST_YEAR = 2000
RENAME = {
    "Oil Production - Tonnes": "oil_production_mt",
    "Oil Production - Barrels": "oil_production_kbd",
    "Oil Production - TWh": "oil_production_twh",
    "Gas Production - Bcm": "gas_production_bcm",
    "Gas Production - TWh": "gas_production_twh",
}


def make(up: Path):
    src = up / "owid_energy" / "bp_statistical_review_2021_via_owid.csv"
    raw = pd.read_csv(src, usecols=["Entity", "Year", *RENAME])
    by_name = {v: k for k, v in FOCUS.items()}
    raw = raw[raw["Entity"].isin(by_name) & (raw["Year"] >= FIRST_YEAR)]
    out = raw.rename(columns={"Entity": "country", "Year": "year", **RENAME})
    out.insert(0, "country_code", out["country"].map(by_name))
    for col in RENAME.values():
        out[col] = out[col].round(4)
    out = out[["country_code", "country", "year", *RENAME.values()]]
    return out.sort_values(["country_code", "year"]).reset_index(drop=True), [src]
