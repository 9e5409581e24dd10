"""FAO's view: the two grain economies, and who supplies Azerbaijan's wheat (trade matrix)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pandas as pd

from kzaz import shares

from .inputs import Inputs

RECENT_YEARS = 10  # "the last ten harvests", "the last ten years"
MIRROR_TOLERANCE = 0.10  # two declarations of one flow "agree" within 10%
FARM_TRADE_FROM = 2018  # farm goods summed over the years of the bilateral trade figures
TOP_ITEMS = 4  # farm goods listed per direction


def mt(tonnes: float) -> float:
    return tonnes / 1e6


def production_wide(inp: Inputs) -> pd.DataFrame:
    """Cereal production in tonnes, one column per country code, one row per year."""
    return inp.production.pivot(index="year", columns="country_code", values="production_t")


def balance_of(inp: Inputs, code: str) -> pd.DataFrame:
    return inp.balance[inp.balance["country_code"] == code].set_index("year")


def flag(inp: Inputs, resource: str, code: str, field: str) -> pd.Series | None:
    """The national check of an FAO value (data/fao_national_checks.csv), the latest year flagged, or None."""
    f = inp.flags
    rows = f[(f["upstream_resource"] == resource) & (f["country_code"] == code) & (f["field"] == field)]
    return rows.sort_values("year").iloc[-1] if len(rows) else None


def wheat(inp: Inputs, reporter: str, flow: str) -> pd.DataFrame:
    t = inp.fao_trade
    return t[(t["reporter_code"] == reporter) & (t["item"] == "Wheat") & (t["flow"] == flow)]


@dataclass(frozen=True)
class Suppliers:
    """Azerbaijan's wheat imports by partner (FAO, importer's declarations)."""

    shares: pd.DataFrame  # one row per year and listed partner, with share_pct (an upper bound) and `M USD`
    years_all: list[int]  # every year from the first to the last in the data
    missing: list[int]  # years not in the data at all
    kaz: pd.Series  # Kazakhstan's share by year, where listed
    kaz_absent: list[int]  # years with data but no Kazakh row (below the listing threshold)

    @property
    def first(self) -> int:
        return self.years_all[0]

    @property
    def last(self) -> int:
        return self.years_all[-1]

    @property
    def majority(self) -> pd.Series:
        return self.kaz[self.kaz > 50]

    def partner(self, code: str) -> pd.Series:
        rows = self.shares[self.shares["partner_code"] == code]
        return rows.set_index("year")["share_pct"]

    def value(self, code: str) -> pd.Series:
        """A partner's import value by year, million US$."""
        rows = self.shares[self.shares["partner_code"] == code]
        return rows.set_index("year")["M USD"]

    def listed_total(self, year: int) -> float:
        return float(self.shares.loc[self.shares["year"] == year, "M USD"].sum())

    @property
    def kaz_run_from(self) -> int:
        """First year of Kazakhstan's latest unbroken run of listed years."""
        years = sorted(int(y) for y in self.kaz.index)
        start = years[-1]
        while start - 1 in years:
            start -= 1
        return start


@cache
def suppliers(inp: Inputs) -> Suppliers:
    s = shares.listed_partner_shares(
        wheat(inp, "AZE", "import"), value="value_kusd", partner="partner_code", by=["year"]
    )
    s["M USD"] = s["value_kusd"] / 1000
    years_all = list(range(int(s["year"].min()), int(s["year"].max()) + 1))
    listed = sorted(int(y) for y in s["year"].unique())
    kaz = s[s["partner_code"] == "KAZ"].set_index("year")["share_pct"]
    return Suppliers(
        shares=s,
        years_all=years_all,
        missing=sorted(set(years_all) - set(listed)),
        kaz=kaz,
        kaz_absent=[y for y in listed if y not in kaz.index],
    )


def mirror(inp: Inputs) -> pd.DataFrame:
    """Wheat from Kazakhstan to Azerbaijan as each side declared it, in years both list the other."""
    az = wheat(inp, "AZE", "import")
    kz = wheat(inp, "KAZ", "export")
    out = az[az["partner_code"] == "KAZ"][["year", "value_kusd"]].merge(
        kz[kz["partner_code"] == "AZE"][["year", "value_kusd"]], on="year", suffixes=("_az", "_kz")
    )
    out["ratio"] = out["value_kusd_az"] / out["value_kusd_kz"]
    return out


def kazakh_destinations(inp: Inputs) -> pd.DataFrame:
    """Destinations of Kazakhstan's wheat exports, with shares of the listed value (upper bounds)."""
    return shares.listed_partner_shares(
        wheat(inp, "KAZ", "export"), value="value_kusd", partner="partner_code", by=["year"]
    )


def farm_trade(inp: Inputs) -> pd.DataFrame:
    """Farm goods between the two countries, one declaration per flow: the importer's where there is one."""
    t = inp.fao_trade
    pair = t[
        ((t["reporter_code"] == "AZE") & (t["partner_code"] == "KAZ"))
        | ((t["reporter_code"] == "KAZ") & (t["partner_code"] == "AZE"))
    ].copy()
    pair["direction"] = [
        "kaz_to_aze" if (rep == "AZE") == (fl == "import") else "aze_to_kaz"
        for rep, fl in zip(pair["reporter_code"], pair["flow"])
    ]
    pair["importer_declared"] = pair["flow"] == "import"
    return pair.sort_values("importer_declared", ascending=False).drop_duplicates(["direction", "item", "year"])


def top_farm_goods(inp: Inputs) -> pd.Series:
    """The largest farm goods each way since FARM_TRADE_FROM, summed (1000 US$), by direction and item."""
    pair = farm_trade(inp)
    recent = pair[pair["year"] >= FARM_TRADE_FROM]
    summed = recent.groupby(["direction", "item"])["value_kusd"].sum().sort_values(ascending=False)
    return summed.groupby(level=0).head(TOP_ITEMS)
