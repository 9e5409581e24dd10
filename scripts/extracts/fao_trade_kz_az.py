"""FAOSTAT detailed trade matrix rows for the Kazakhstan-Azerbaijan chapter (values, 1000 US$).

Three sets of rows, as reported by each country to FAO:
- Azerbaijan's wheat imports from every partner listed;
- Kazakhstan's wheat exports to every partner listed;
- all agricultural rows between the two, whichever of them reports.

Upstream kept, for each reporter, item and year, only partners with at least 5% of the
item's value: a partner's share of the listed rows is therefore an upper bound.
"""

from pathlib import Path

import pandas as pd

RESOURCE = "fao_trade_kz_az"
FLOW = {"Import value": "import", "Export value": "export"}


def make(up: Path):
    folder = up / "faostat_trade_matrix"
    files = [folder / "AZE_faostattm.csv", folder / "KAZ_faostattm.csv"]
    t = pd.concat([pd.read_csv(p, encoding="utf-8-sig") for p in files])
    if set(t["Unit"]) != {"1000 USD"}:
        raise ValueError(f"unexpected units {set(t['Unit'])}")
    wheat = t["Item"] == "Wheat"
    keep = (
        ((t["ISO3"] == "AZE") & wheat & (t["Element"] == "Import value"))
        | ((t["ISO3"] == "KAZ") & wheat & (t["Element"] == "Export value"))
        | ((t["ISO3"] == "AZE") & (t["ISOP"] == "KAZ"))
        | ((t["ISO3"] == "KAZ") & (t["ISOP"] == "AZE"))
    )
    out = t[keep].rename(
        columns={
            "ISO3": "reporter_code",
            "Area": "reporter",
            "ISOP": "partner_code",
            "Partner": "partner",
            "cpc_name1": "item_group",
            "Item": "item",
            "Year": "year",
            "value": "value_kusd",
        }
    )
    out["flow"] = out["Element"].map(FLOW)
    out = out[
        ["reporter_code", "reporter", "flow", "partner_code", "partner", "item_group", "item", "year", "value_kusd"]
    ]
    out["value_kusd"] = out["value_kusd"].round(0).astype("Int64")
    key = ["reporter_code", "flow", "partner_code", "item", "year"]
    if out.duplicated(key).any():
        raise ValueError("duplicate trade-matrix rows")
    return out.sort_values(key).reset_index(drop=True), files
