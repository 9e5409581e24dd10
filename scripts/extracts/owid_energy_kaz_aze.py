"""Energy production, primary energy use and the electricity mix of Kazakhstan and
Azerbaijan, 2000-2025, from Our World in Data's energy dataset (one row a country-year).

Only the columns the energy chapter plots are kept, under OWID's own names, so that
each value can be traced to the codebook. All quantities are in TWh (OWID converts
oil, gas and coal production to primary energy); shares are per cent.
"""

from pathlib import Path

import pandas as pd

RESOURCE = "owid_energy_kaz_aze"
FOCUS = {"KAZ": "Kazakhstan", "AZE": "Azerbaijan"}
COLUMNS = [
    "oil_production",
    "gas_production",
    "coal_production",
    "primary_energy_consumption",
    "electricity_generation",
    "fossil_electricity",
    "hydro_electricity",
    "wind_electricity",
    "solar_electricity",
    "other_renewable_electricity",
    "nuclear_electricity",
    "renewables_electricity",
    "renewables_share_elec",
]


def make(up: Path):
    src = up / "owid_energy" / "owid_energy_kaz_aze_2000_2025.csv"
    raw = pd.read_csv(src)
    raw = raw[raw["iso_code"].isin(FOCUS)]
    out = raw[["iso_code", "country", "year", *COLUMNS]].rename(columns={"iso_code": "country_code"})
    # Rows with no value in any kept column carry nothing the chapter can use.
    out = out.dropna(subset=COLUMNS, how="all")
    return out.sort_values(["country_code", "year"]).reset_index(drop=True), [src]
