"""The chapter's inputs: FAO's cereal and trade data, the bilateral figures the book compiled, checked.

Every table is loaded through `kzaz.data.load` (checked against its schema), then
checked against itself and the others here, before anything is computed or drawn. A
problem names the file, the spreadsheet row and the field.

Which figure the book uses where two reports give the same one is recorded in the
data (`book_uses`, with `book_uses_reason`); "the latest" is read from the data. A few
rows are particular documents the prose discusses (a season's shipments, an
ambassador's statement): they are named once, in `DOCUMENTS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from kzaz import data, dates, periods

# Rows the prose discusses as documents, by what they are (the rest is selected by its fields).
DOCUMENTS = {
    # grain_imports_azerbaijan
    "season": "kz-2024m09-2025m04-season",  # Kazakh ministry: grain and flour shipped Sep 2024-Apr 2025
    "season_rail": "kz-2024m09-2025m03-rail",  # the same shipments by rail to early March
    "season_ministry": "kz-2024m09-2025m03-moa",  # the vice-minister's September-March figure, all modes
    "rail_growth": "kz-2025-rail-growth",  # the railway: calendar 2025 against 2024, no tonnage
    "newcrop_rail": "kz-2025m09-10-newcrop",  # the railway's new-crop figure for autumn 2025
    "newcrop_ministry": "kz-2025m09-newcrop-moa",  # the ministry's, for (about) the same months
    "ambassador": "kz-2025-share-ambassador",  # the Kazakh ambassador's "about 80%" for 2025 (November)
    "ambassador_first": "kz-2025-share-ambassador-aug",  # the same ambassador's 85% (August): the claim's figure
    "saratov": "ru-2025m01-10-saratov",  # one Russian region's grain sales to Azerbaijan, mostly wheat
    "importer_months": "az-2025m01-11-imports",  # Azerbaijan's wheat imports, all origins, Jan-Nov 2025
    "rail_december": "kz-2024m12-rail",  # the railway's grain to Azerbaijan in December 2024
    # bilateral_trade
    "minister_2022": "az-2022m01-08-turnover",  # Azerbaijan's minister: Jan-Aug 2022
    "mp_2022": "az-2022m01-10-turnover",  # an Azerbaijani MP: Jan-Oct 2022, above Kazakhstan's whole year
    "unstated": "az-2023-04-turnover-unstated",  # Azerbaijan's minister, April 2023: 680 million, no period
    "unstated_commission": "ns-2023-turnover-commission",  # 314 million at the 20th commission, no period
    "kz_first_half": "kz-2024h1-turnover",  # Kazakhstan's first half of 2024
    "az_first_half": "az-2025h1-turnover",  # Azerbaijan's minister: first half of 2025, "4.2 times"
    "az_eight_months": "az-2025m01-08-turnover",  # Azerbaijan's customs: Jan-Aug 2025, "3.2 times"
    "az_ten_months": "az-2025m01-10-turnover",  # Azerbaijan's customs: Jan-Oct 2025, "1.5 times"
    # trade_milestones
    "goal_presidential": "target-1bn-2022-08",  # the earliest presidential statement of the goal
}
ISO = {"Kazakhstan": "KAZ", "Azerbaijan": "AZE"}
WHOLE_YEAR = 12  # months


@dataclass(frozen=True, eq=False)  # hashed by identity: the chapter's functions cache on it
class Inputs:
    production: pd.DataFrame  # FAO cereal production by country and year (KAZ, AZE, WLD)
    balance: pd.DataFrame  # FAO cereal balance by country and year, with `ssr`
    fao_trade: pd.DataFrame  # FAO detailed trade matrix, Kazakhstan-Azerbaijan and partners
    trade: pd.DataFrame  # bilateral figures with `row`, `when`, `year`, `end_month`, `from_january`
    grain: pd.DataFrame  # Azerbaijan's grain imports and Kazakh shipments, with `row` (all rows; see grain_used)
    goods: pd.DataFrame
    milestones: pd.DataFrame  # with `start`
    investment: pd.DataFrame  # with `row`
    economy: pd.DataFrame  # World Bank GDP and population
    events: pd.DataFrame  # the diplomacy chapter's events (business forums and missions)
    flags: pd.DataFrame  # FAO values checked against national figures (fao_national_checks)

    def doc(self, key: str) -> pd.Series:
        """A row the prose discusses as a document (see DOCUMENTS)."""
        fid = DOCUMENTS[key]
        for frame, id_field in (
            (self.grain, "figure_id"),
            (self.trade, "figure_id"),
            (self.milestones, "milestone_id"),
        ):
            hit = frame[frame[id_field] == fid]
            if len(hit):
                return hit.iloc[0]
        raise KeyError(f"document '{key}' ({fid}) is in none of the chapter's tables")

    @cached_property
    def grain_used(self) -> pd.DataFrame:
        """Grain figures the book uses (`book_uses`): one per period, metric, supplier and basis."""
        return self.grain[self.grain["book_uses"]]

    @cached_property
    def used(self) -> pd.DataFrame:
        """Bilateral figures the book uses (`book_uses`): one per period, flow and side."""
        return self.trade[self.trade["book_uses"]]

    @cached_property
    def stated(self) -> pd.DataFrame:
        """Bilateral figures whose period the source states (used or not: their growth can count)."""
        return self.trade[self.trade["period_stated"]]


# --------------------------------------------------------------------------- checks


def check_trade(trade: pd.DataFrame) -> list[str]:
    name, out = "bilateral_trade", []
    for r in trade.itertuples():
        if periods.months_covered(r.period_start, r.period_end) != r.months:
            out.append(
                data.problem(name, r.row, "months", f"{r.months} does not match {r.period_start} to {r.period_end}")
            )
        if not r.period_stated and r.book_uses:
            out.append(data.problem(name, r.row, "book_uses", "a figure without a stated period cannot be used"))
    out += check_book_uses(name, trade, ["period_start", "period_end", "flow", "reported_by"])
    described = set(DOCUMENTS.values())  # the prose describes each figure without a stated period by name
    out += [
        data.problem(
            name,
            r.row,
            "period_stated",
            f"'{r.figure_id}' has no stated period and the text does not "
            "describe it (add it to DOCUMENTS and the prose)",
        )
        for r in trade[~trade["period_stated"]].itertuples()
        if r.figure_id not in described
    ]
    return out


def check_book_uses(name: str, table: pd.DataFrame, same: list[str]) -> list[str]:
    """Rows the book does not use say why; rows reporting the same figure have exactly one in use."""
    out = [
        data.problem(name, r.row, "book_uses_reason", "a row the book does not use must say why")
        for r in table.itertuples()
        if not r.book_uses and not isinstance(r.book_uses_reason, str)
    ]
    for key, grp in table.groupby(same, sort=False):
        if grp["book_uses"].sum() > 1:
            rows = ", ".join(str(r) for r in grp.loc[grp["book_uses"], "row"])
            out.append(
                data.problem(
                    name,
                    int(grp["row"].iloc[-1]),
                    "book_uses",
                    f"rows {rows} give the same figure ({', '.join(map(str, key))}); mark the one the book uses",
                )
            )
    return out


def check_grain(grain: pd.DataFrame) -> list[str]:
    name, out = "grain_imports_azerbaijan", []
    for r in grain.itertuples():
        if periods.months_covered(r.period_start, r.period_end) < 1:
            out.append(data.problem(name, r.row, "period_end", "ends before it starts"))
        if r.metric == "supplier_share" and not (r.unit == "percent" and r.value <= 100):
            out.append(data.problem(name, r.row, "value", "a share must be a percentage of at most 100"))
        if r.metric in ("imports_all_origins", "supplier_volume") and r.unit != "tonnes":
            out.append(data.problem(name, r.row, "unit", f"{r.metric} must be in tonnes"))
        if r.kind == "outturn" and isinstance(r.source_date, str) and _ends_after(r.period_end, r.source_date):
            out.append(
                data.problem(
                    name,
                    r.row,
                    "kind",
                    f"an outturn for a period ending {r.period_end} cannot have been stated in {r.source_date}",
                )
            )
    return out + check_book_uses(
        name, grain, ["period_start", "period_end", "metric", "supplier", "reported_by", "basis"]
    )


def _ends_after(period_end: str, stated: str) -> bool:
    """A period's last month lies after the month a statement was made in (to the month: 'early March' is fine)."""
    last = periods.end_of(period_end) - pd.Timedelta(days=1)
    said = dates.start_of(stated)
    return (last.year, last.month) > (said.year, said.month)


def check_milestones(milestones: pd.DataFrame) -> list[str]:
    name, out = "trade_milestones", []
    for r in milestones.itertuples():
        if dates.precision(r.date) != r.date_precision:
            out.append(
                data.problem(name, r.row, "date_precision", f"'{r.date_precision}' does not match date '{r.date}'")
            )
        if pd.notna(r.value) != isinstance(r.unit, str):
            out.append(data.problem(name, r.row, "unit", "a value needs a unit and a unit needs a value"))
    goals = milestones[(milestones["kind"] == "target") & (milestones["unit"] == "million US$")]
    if goals["value"].nunique() > 1:
        out.append(
            data.problem(
                name, int(goals["row"].iloc[-1]), "value", "the statements of the trade goal give different values"
            )
        )
    # What the prose says of these rows must stay true if the table changes.
    fund = milestones[(milestones["kind"] == "investment") & milestones["value"].notna()]
    if len(fund) != 1:
        out.append(
            data.problem(
                name,
                "-",
                "kind",
                f"the text describes one joint investment fund with a planned size, the table has {len(fund)}",
            )
        )
    out += [
        data.problem(name, r.row, "value", "the text gives every set of contracts with its value")
        for r in milestones[milestones["kind"] == "contracts"].itertuples()
        if pd.isna(r.value)
    ]
    digital = milestones[(milestones["kind"] == "digital") & (milestones["scope"] == "bilateral")]
    out += [
        data.problem(
            name,
            r.row,
            "title",
            "the text describes every bilateral digital agreement as a step on the "
            "Trans-Caspian fibre-optic line; this one is not",
        )
        for r in digital.itertuples()
        if "fibre" not in r.title.lower()
    ]
    return out


def check_investment(investment: pd.DataFrame) -> list[str]:
    money = investment[investment["unit"] == "million US$"]
    return check_book_uses("investment_figures", money, ["period_end", "direction", "measure"])


def check_flags(flags: pd.DataFrame, extracts: dict[str, pd.DataFrame]) -> list[str]:
    """Each flag quotes FAO's value as the extract has it (the extract itself is never edited)."""
    name, out = "fao_national_checks", []
    for r in flags.itertuples():
        ext = extracts.get(r.upstream_resource)
        if ext is None:
            out.append(data.problem(name, r.row, "upstream_resource", f"'{r.upstream_resource}' is not read here"))
            continue
        hit = ext[(ext["country_code"] == r.country_code) & (ext["year"] == r.year)]
        if len(hit) != 1 or r.field not in hit or float(hit[r.field].iloc[0]) != float(r.upstream_value):
            found = hit[r.field].tolist() if r.field in hit else "no such field"
            out.append(
                data.problem(
                    name, r.row, "upstream_value", f"{r.upstream_value:g} is not the extract's value ({found})"
                )
            )
    return out


def check_years(name: str, table: pd.DataFrame) -> list[str]:
    out = []
    for code, grp in table.groupby("country_code"):
        years = sorted(grp["year"])
        if years != list(range(years[0], years[-1] + 1)):
            out.append(
                data.problem(name, "-", "year", f"{code} has gaps in its years; the charts would join across them")
            )
    return out


# --------------------------------------------------------------------------- loading


def _numbered(table: pd.DataFrame) -> pd.DataFrame:
    """The table with its spreadsheet row numbers (header = row 1), for error messages."""
    return table.assign(row=range(2, len(table) + 2))


def _prepare_trade(trade: pd.DataFrame) -> pd.DataFrame:
    trade = _numbered(trade)
    trade["when"] = [periods.label(a, b) for a, b in zip(trade["period_start"], trade["period_end"])]
    trade["year"] = trade["period_end"].str[:4].astype(int)
    trade["end_month"] = [WHOLE_YEAR if len(e) == 4 else int(e[5:7]) for e in trade["period_end"]]
    trade["from_january"] = (trade["period_start"].str.len() == 4) | trade["period_start"].str.endswith("-01")
    return trade


def _with_ssr(balance: pd.DataFrame) -> pd.DataFrame:
    from kzaz import shares

    return balance.assign(
        ssr=[
            shares.self_sufficiency_ratio(p, i, e)
            for p, i, e in zip(balance["production_t"], balance["import_t"], balance["export_t"])
        ]
    )


def inputs() -> Inputs:
    production = data.load("fao_cereal_production")
    balance = data.load("fao_cereal_balance")
    trade = _prepare_trade(data.load("bilateral_trade"))
    grain = _numbered(data.load("grain_imports_azerbaijan"))
    milestones = _numbered(data.load("trade_milestones"))
    investment = _numbered(data.load("investment_figures"))
    flags = _numbered(data.load("fao_national_checks"))
    problems = (
        check_trade(trade)
        + check_grain(grain)
        + check_milestones(milestones)
        + check_investment(investment)
        + check_years("fao_cereal_production", production)
        + check_years("fao_cereal_balance", balance)
        + check_flags(flags, {"fao_cereal_balance": balance, "fao_cereal_production": production})
    )
    if problems:
        raise data.DataError(problems)
    milestones["start"] = milestones["date"].map(dates.start_of)
    return Inputs(
        production=production,
        balance=_with_ssr(balance),
        fao_trade=data.load("fao_trade_kz_az"),
        trade=trade,
        grain=grain,
        goods=data.load("trade_goods"),
        milestones=milestones,
        investment=investment,
        economy=data.load("wb_gdp_population"),
        events=data.load("diplomacy_events"),
        flags=flags,
    )
