"""The chapter's tables: recent grain figures, goods traded, trade against GDP, investment, events."""

from __future__ import annotations

import pandas as pd

from kzaz import dates, periods, shares, tables
from kzaz.markdown import link

from . import business, fao, trade
from .claim import importer_year, period_words
from .inputs import Inputs

UNIT = {"percent": "%", "tonnes": " t", "times": "×"}
WHAT = {
    "supplier_share": "share of imports",
    "supplier_volume": "volume",
    "supplier_growth": "growth on a year earlier",
}
QUALIFIER = {"exact": "", "approximate": "about ", "lower_bound": "more than "}
DIRECTION = {"kaz_to_aze": "Kazakhstan → Azerbaijan", "aze_to_kaz": "Azerbaijan → Kazakhstan"}
MEASURE = {
    "investment_cumulative": "sum over the period",
    "investment_cumulative_nonoil": "sum over the period, non-oil sectors only",
    "investment_as_stated": "not defined by the source",
}
INVESTMENT = {"kaz_to_aze": "Kazakh investment in Azerbaijan", "aze_to_kaz": "Azerbaijani investment in Kazakhstan"}


def _grain_figure(r) -> str:
    value = f"{r.value:,.0f}" if r.unit == "tonnes" else f"{r.value:g}"
    usd = f" ({r.value_musd:g} M US\\$)" if pd.notna(r.value_musd) else ""
    return f"{QUALIFIER[r.value_qualifier]}{value}{UNIT[r.unit]}{usd}"


def recent_grain(inp: Inputs) -> tables.Table:
    """Every grain figure from the latest year of Azerbaijan's own totals on."""
    since = str(importer_year(inp).year)
    g = inp.grain_used
    rows = g[g["period_end"] >= since].copy()
    rows["start"] = rows["period_start"].map(dates.start_of)
    rows = rows.sort_values(["start", "figure_id"])
    frame = pd.DataFrame(
        {
            "Period": [period_words(r) for _, r in rows.iterrows()],
            "What": [
                f"{r.commodity.capitalize()} imports, all origins"
                if r.supplier == "all origins"
                else f"{r.supplier}: {r.commodity}, {WHAT[r.metric]}"
                for r in rows.itertuples()
            ],
            "Figure": [_grain_figure(r) for r in rows.itertuples()],
            "Reported by": rows["speaker"],
            "Source": [link(p, u) for p, u in zip(rows["source_publisher"], rows["source_url"])],
        }
    )
    return tables.table(frame, fold=f"The {len(frame)} grain figures found since {since}, with their sources")


def goods(inp: Inputs) -> tables.Table:
    """The goods the sources name each way, and FAO's largest farm goods each way."""
    g = inp.goods
    frame = pd.DataFrame(
        {
            "Period": g["period"],
            "Direction": g["direction"].map(DIRECTION),
            "Main goods named": g["goods"].str.replace(";", ","),
            "Source": [link(p, u) for p, u in zip(g["source_publisher"], g["source_url"])],
        }
    )
    top = fao.top_farm_goods(inp)
    last = int(inp.fao_trade["year"].max())
    farm = pd.DataFrame(
        [
            {
                "Period": f"{fao.FARM_TRADE_FROM}–{last}, farm goods only, summed",
                "Direction": DIRECTION[d],
                "Main goods named": ", ".join(
                    f"{item.lower()} ({v / 1000:,.1f} M US\\$)" for item, v in top.loc[d].items()
                ),
                "Source": "FAO detailed trade matrix (importer's declaration where listed, else exporter's)",
            }
            for d in ("kaz_to_aze", "aze_to_kaz")
        ]
    )
    return tables.table(pd.concat([frame, farm], ignore_index=True), fold=False)


def relative_to_gdp(inp: Inputs) -> pd.DataFrame:
    """Whole-year turnover as a % of each country's GDP in the same year (World Bank, current US$)."""
    gdp = inp.economy.pivot(index="year", columns="country_code", values="gdp_current_usd").dropna()
    rel = trade.annual(inp)[lambda d: d["year"].isin(gdp.index)].copy()
    for code in ("KAZ", "AZE"):
        rel[f"pct_{code.lower()}"] = [
            shares.percent_of(v * 1e6, gdp.loc[y, code], whole_name=f"{code} GDP")
            for v, y in zip(rel["value_musd"], rel["year"])
        ]
    return rel.sort_values(["year", "reported_by"])


def gdp_share(inp: Inputs) -> tables.Table:
    rel = relative_to_gdp(inp)
    frame = pd.DataFrame(
        {
            "Year": rel["year"],
            "Turnover (million US\\$)": rel["value_musd"].map("{:,.1f}".format),
            "Figure from": rel["reported_by"],
            "% of Kazakhstan's GDP": rel["pct_kaz"].map("{:.2f}".format),
            "% of Azerbaijan's GDP": rel["pct_aze"].map("{:.2f}".format),
        }
    )
    return tables.table(frame)


def investment(inp: Inputs) -> tables.Table:
    """Every investment figure in money, cited or not, with what the source says it measures."""
    m = business.money(inp).copy()
    m["start"] = m["period_end"].map(dates.start_of)
    m = m.sort_values(["start", "direction"])
    frame = pd.DataFrame(
        {
            "Refers to": [
                periods.label(a, b) if a != b else dates.label(b) for a, b in zip(m["period_start"], m["period_end"])
            ],
            "Direction": m["direction"].map(INVESTMENT),
            "Million US\\$": m["value"].map("{:g}".format),
            "Measure": [MEASURE[x] for x in m["measure"]],
            "Source": [link(p, u) for p, u in zip(m["source_publisher"], m["source_url"])],
        }
    )
    return tables.table(frame, fold=f"The {len(frame)} investment figures found, with their sources")


def events(inp: Inputs) -> tables.Table:
    """Business events and digital agreements, by date."""
    biz, dig = business.business_events(inp), business.digital(inp)
    rows = pd.concat(
        [
            pd.DataFrame(
                {
                    "date": biz["date"],
                    "kind": "business event",
                    "title": [
                        t + ("" if v == "confirmed" else " (source supports part of the row)")
                        for t, v in zip(biz["title"], biz["verification"])
                    ],
                    "publisher": biz["source_publisher"],
                    "url": biz["source_url"],
                }
            ),
            pd.DataFrame(
                {
                    "date": dig["date"],
                    "kind": "digital, " + dig["scope"],
                    "title": dig["title"],
                    "publisher": dig["source_publisher"],
                    "url": dig["source_url"],
                }
            ),
        ]
    )
    rows = rows.assign(start=rows["date"].map(dates.start_of)).sort_values("start")
    frame = pd.DataFrame(
        {
            "Date": rows["date"].map(dates.label),
            "Kind": rows["kind"],
            "Event": rows["title"],
            "Source": [link(p, u) for p, u in zip(rows["publisher"], rows["url"])],
        }
    )
    return tables.table(frame)
