"""FAOSTAT cereal production (crop group "Cereals, primary"): Kazakhstan, Azerbaijan, World.

The upstream file (agData's FAO_Crops2) is written without quoting although some
item names contain a comma ("Cereals, primary"), so a plain CSV reader splits those
rows into seven fields. Each line is parsed here as: Area, Year, then everything up to
the last three fields as the Item, and the last three as Measurement, Unit, Value. A
line whose Year is not four digits stops the extract rather than being guessed at.
The properly quoted subset shipped beside it is used to check the result.
"""

import gzip
import re
from pathlib import Path

import pandas as pd

RESOURCE = "fao_cereal_production"
ITEM = "Cereals, primary"
AREAS = {"Kazakhstan": "KAZ", "Azerbaijan": "AZE", "World": "WLD"}
FIRST_YEAR = 1992
MEASURES = {
    "Production": ("production_t", "t"),
    "Area Harvested": ("area_harvested_ha", "ha"),
    "Yield": ("yield_kg_ha", "kg/ha"),
}


def parse_line(line: str, lineno: int) -> tuple[str, int, str, str, str, float]:
    head, measurement, unit, value = line.rsplit(",", 3)
    area, year, item = head.split(",", 2)
    if not re.fullmatch(r"\d{4}", year):
        raise ValueError(f"line {lineno}: cannot tell the Year field in {line!r}")
    return area, int(year), item, measurement, unit, float(value)


def read_crops(path: Path) -> pd.DataFrame:
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        header = f.readline().strip()
        if header != "Area,Year,Item,Measurement,Unit,Value":
            raise ValueError(f"{path}: unexpected header {header!r}")
        for n, line in enumerate(f, start=2):
            line = line.rstrip("\n")
            if line.split(",", 1)[0] in AREAS:
                rows.append(parse_line(line, n))
    return pd.DataFrame(rows, columns=["Area", "Year", "Item", "Measurement", "Unit", "Value"])


def make(up: Path):
    folder = up / "faostat_crops_agdata"
    gz, quoted = folder / "agData_FAO_Crops2.csv.gz", folder / "agData_FAO_Crops2_kz_az_comparators.csv"
    raw = read_crops(gz)
    raw = raw[(raw["Item"] == ITEM) & (raw["Year"] >= FIRST_YEAR) & raw["Measurement"].isin(MEASURES)]
    for m, (_, unit) in MEASURES.items():
        units = set(raw.loc[raw["Measurement"] == m, "Unit"])
        if units != {unit}:
            raise ValueError(f"{gz}: {m} in {units}, expected {unit}")

    # Cross-check against the quoted subset for the two countries.
    check = pd.read_csv(quoted)
    check = check[
        (check["Item"] == ITEM)
        & (check["Year"] >= FIRST_YEAR)
        & check["Area"].isin(["Kazakhstan", "Azerbaijan"])
        & check["Measurement"].isin(MEASURES)
    ]
    mine = raw[raw["Area"] != "World"].merge(
        check, on=["Area", "Year", "Measurement"], suffixes=("", "_q"), how="outer"
    )
    if (
        mine["Value"].isna().any()
        or mine["Value_q"].isna().any()
        or not (abs(mine["Value"] - mine["Value_q"]) < 1e-6).all()
    ):
        raise ValueError("the parsed gzip file and the quoted subset disagree for Kazakhstan/Azerbaijan")

    wide = raw.pivot_table(index=["Area", "Year"], columns="Measurement", values="Value", aggfunc="first").reset_index()
    wide = wide.rename(columns={"Area": "country", "Year": "year", **{m: c for m, (c, _) in MEASURES.items()}})
    wide.insert(0, "country_code", wide["country"].map(AREAS))
    wide["production_t"] = wide["production_t"].round(0).astype("Int64")
    wide["area_harvested_ha"] = wide["area_harvested_ha"].round(0).astype("Int64")
    wide["yield_kg_ha"] = wide["yield_kg_ha"].round(1)
    wide = wide[["country_code", "country", "year", "production_t", "area_harvested_ha", "yield_kg_ha"]]
    return wide.sort_values(["country_code", "year"]).reset_index(drop=True), [gz, quoted]
