"""World Bank GDP (current US$) and population for Kazakhstan and Azerbaijan, 1992 on."""

from pathlib import Path

import pandas as pd

RESOURCE = "wb_gdp_population"
FOCUS = {"KAZ": "Kazakhstan", "AZE": "Azerbaijan"}
FIRST_YEAR = 1992  # both states' first full year of independence


def make(up: Path):
    folder = up / "worldbank_wdi_gdp_population"
    gdp_file, pop_file = folder / "gdp.csv", folder / "population.csv"
    frames = []
    for path, column in ((gdp_file, "gdp_current_usd"), (pop_file, "population")):
        raw = pd.read_csv(path)
        raw = raw[raw["Country Code"].isin(FOCUS) & (raw["Year"] >= FIRST_YEAR)]
        frames.append(
            raw.rename(columns={"Country Code": "country_code", "Year": "year", "Value": column})[
                ["country_code", "year", column]
            ]
        )
    out = frames[0].merge(frames[1], on=["country_code", "year"], how="outer")
    out.insert(1, "country", out["country_code"].map(FOCUS))
    out["population"] = out["population"].astype("Int64")
    out["gdp_current_usd"] = out["gdp_current_usd"].round(0).astype("Int64")
    return out.sort_values(["country_code", "year"]), [gdp_file, pop_file]
