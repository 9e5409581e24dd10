"""FAOSTAT food balances (2010-): the cereal class for Kazakhstan, Azerbaijan and the World.

FBS items are aggregated to classes: "Cereals" is wheat, maize, barley, rice (milled
equivalent) and other grains together, not wheat alone. Quantities in tonnes.
"""

from pathlib import Path

import pandas as pd

RESOURCE = "fao_cereal_balance"
CLASS = "Cereals"
ELEMENTS = {
    "Production": "production_t",
    "Import quantity": "import_t",
    "Export quantity": "export_t",
    "Stock Variation": "stock_variation_t",
    "Food": "food_t",
    "Feed": "feed_t",
}
AREAS = {"Kazakhstan": "KAZ", "Azerbaijan": "AZE", "World": "WLD"}


def make(up: Path):
    folder = up / "faostat_trade_matrix"
    files = [folder / "AZE_faostatfbs.csv", folder / "KAZ_faostatfbs.csv"]
    frames = []
    for path in files:
        raw = pd.read_csv(path, encoding="utf-8-sig")
        raw = raw[
            (raw["FBS Class"] == CLASS) & (raw["Unit"] == "t") & raw["Element"].isin(ELEMENTS) & raw["Area"].isin(AREAS)
        ]
        frames.append(raw)
    raw = pd.concat(frames)
    # The World rows appear in both files: they must agree, then one copy is kept.
    world = raw[raw["Area"] == "World"]
    clash = world.groupby(["Element", "Year"])["value"].nunique()
    if (clash > 1).any():
        raise ValueError(f"World rows differ between {files[0].name} and {files[1].name}")
    raw = raw.drop_duplicates(["Area", "Element", "Year"])
    wide = raw.pivot_table(index=["Area", "Year"], columns="Element", values="value", aggfunc="first").reset_index()
    wide = wide.rename(columns={"Area": "country", "Year": "year", **ELEMENTS})
    wide.insert(0, "country_code", wide["country"].map(AREAS))
    for col in ELEMENTS.values():
        wide[col] = wide[col].round(0).astype("Int64")
    wide = wide[["country_code", "country", "year", *ELEMENTS.values()]]
    return wide.sort_values(["country_code", "year"]).reset_index(drop=True), files
