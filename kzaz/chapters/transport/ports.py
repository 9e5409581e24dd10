"""The Caspian ports: what each handled, its capacity, and the figures for the Port of Baku's chart.

Only rows the book uses (`book_uses`) are counted; where two sources give Baku's cargo
for the same year, the other one is shown on the chart as a second figure.
"""

from __future__ import annotations

import pandas as pd

from kzaz import dates, periods
from kzaz.markdown import says
from kzaz.prose import fmt

from .inputs import Inputs

PORT_OF = {"aktau_port": "Aktau", "kuryk_port": "Kuryk", "baku_alat_port": "Baku"}  # map node -> port
PORTS = ["Baku", "Aktau", "Kuryk"]
MEASURE_LABEL = {"cargo": "all cargo", "containers": "containers", "oil": "oil berths"}
BAKU_COLUMNS = ["year_label", "value", "measure", "series", "source_publisher", "primary_source", "note"]


def fmt_mt(v: float) -> str:
    return f"{v:,.1f} Mt" if v >= 1 else f"{v * 1000:,.0f} kt"


def fmt_value(v: float, unit: str) -> str:
    return fmt_mt(v) if unit == "Mt" else f"{v:,.0f} {unit}"


def when(year, months) -> str:
    """The port table's periods all start in January: 'Jan-Mar 2025', or '2024' for a whole year."""
    return periods.label(f"{int(year)}-01", f"{int(year)}-{int(months):02d}")


def used(inp: Inputs, port: str) -> pd.DataFrame:
    p = inp.ports
    return p[(p["port"] == port) & p["book_uses"]]


def flows(rows: pd.DataFrame) -> pd.DataFrame:
    return rows[(rows["kind"] == "outturn") & rows["measure"].isin(["cargo", "containers"])]


def latest_full_year(rows: pd.DataFrame) -> pd.DataFrame:
    full = flows(rows)[flows(rows)["months"] == 12]
    return full[full["year"] == full["year"].max()] if len(full) else full


def later_parts(rows: pd.DataFrame) -> pd.DataFrame:
    """Part-year flows after the latest full year, oldest first."""
    full = latest_full_year(rows)
    after = full["year"].max() if len(full) else 0
    f = flows(rows)
    return f[(f["months"] < 12) & (f["year"] > after)].sort_values(["year", "months"])


def capacities(rows: pd.DataFrame) -> str:
    cap = rows[rows["kind"] == "capacity"]
    return "; ".join(
        f"{fmt_value(v, u)} ({MEASURE_LABEL[m]}, stated {int(y)})"
        for v, u, m, y in cap[["value", "unit", "measure", "year"]].values
    )


def summary(inp: Inputs, port: str) -> tuple[str, str]:
    """A port's latest throughput and its stated capacities, for the map's tooltips."""
    rows = used(inp, port)
    parts = []
    full = latest_full_year(rows)
    if len(full):
        values = ", ".join(fmt_value(v, u) for v, u in full[["value", "unit"]].values)
        parts.append(f"{int(full['year'].max())}: {values}")
    later = later_parts(rows)
    if len(later):
        last = later.iloc[-1]
        parts.append(f"{when(last['year'], last['months'])}: {fmt_value(last['value'], last['unit'])}")
    return "; ".join(parts) or "no figure found", capacities(rows) or "no figure found"


def baku(inp: Inputs) -> pd.DataFrame:
    """Baku's full-year cargo and containers; a figure the book does not use is an 'other figure'."""
    p = inp.ports
    rows = p[
        (p["port"] == "Baku")
        & (p["kind"] == "outturn")
        & (p["months"] == 12)
        & p["measure"].isin(["cargo", "containers"])
    ].copy()
    rows["year_label"] = rows["year"].astype(str)
    rows["series"] = rows["book_uses"].map({True: "outturn", False: "other figure"})
    return rows[BAKU_COLUMNS]


def baku_capacity(inp: Inputs) -> pd.DataFrame:
    p = inp.ports
    rows = p[(p["port"] == "Baku") & (p["kind"] == "capacity")].copy()
    kind = ["effective" if str(n).startswith("effective") else "design" for n in rows["note"]]
    rows["label"] = [f"{k} capacity {v:,.0f} {u}" for k, v, u in zip(kind, rows["value"], rows["unit"])]
    return rows


def baku_forecasts(inp: Inputs) -> pd.DataFrame:
    """Baku's forecasts, each labelled with when it was stated."""
    p = inp.ports
    rows = p[(p["port"] == "Baku") & (p["kind"] == "forecast")].copy()
    rows["year_label"] = rows["year"].astype(str)
    when = [dates.label(d[:7]) if isinstance(d, str) and d else "date not given" for d in rows["statement_date"]]
    fmt_v = [",.1f" if u == "Mt" else ",.0f" for u in rows["unit"]]
    rows["label"] = [
        f"expected {v:{f}}" + (f"-{h:{f}}" if pd.notna(h) else "") + f" {u} (stated {w})"
        for v, h, u, w, f in zip(rows["value"], rows["value_high"], rows["unit"], when, fmt_v)
    ]
    return rows


def baku_forecasts_against_outturns(inp: Inputs) -> pd.DataFrame:
    """Baku's cargo forecasts for years with an outturn, beside the outturn."""
    fc = baku_forecasts(inp)
    fc = fc[fc["measure"] == "cargo"]
    out = _by_year(used(inp, "Baku"), "cargo")
    fc = fc[fc["year"].isin(out.index)].copy()
    fc["outturn"] = [out[y] for y in fc["year"]]
    return fc.sort_values("year")


def _by_year(rows: pd.DataFrame, measure: str) -> pd.Series:
    r = rows[(rows["measure"] == measure) & (rows["kind"] == "outturn") & (rows["months"] == 12)]
    return r.set_index("year")["value"].sort_index()


def _capacity(rows: pd.DataFrame, measure: str) -> pd.Series:
    """Stated capacities by year stated, oldest first."""
    return rows[(rows["kind"] == "capacity") & (rows["measure"] == measure)].sort_values("year")["value"]


def _targets(rows: pd.DataFrame, measure: str) -> pd.Series:
    """Stated targets, smallest first (a phase's expansion before the next phase)."""
    return rows[(rows["kind"] == "target") & (rows["measure"] == measure)]["value"].sort_values()


def baku_facts(inp: Inputs) -> dict:
    b = used(inp, "Baku")
    cargo, teu, transit = _by_year(b, "cargo"), _by_year(b, "containers"), _by_year(b, "transit_cargo")
    first, last = int(cargo.index.min()), int(cargo.index.max())
    cap, teu_cap = float(_capacity(b, "cargo").iloc[-1]), _capacity(b, "containers")
    fc = baku_forecasts_against_outturns(inp)
    oldest = fc.iloc[0]
    teu_targets = _targets(b, "containers")
    return dict(
        baku_first_year=first,
        baku_first=fmt(cargo[first], ".1f"),
        baku_latest_year=last,
        baku_latest=fmt(cargo[last], ".1f"),
        baku_transit_latest=fmt(transit.get(last, float("nan")), ".1f"),
        baku_capacity=fmt(cap, ".0f"),
        baku_use_first_pct=fmt(100 * cargo[first] / cap, ".0f"),
        baku_use_latest_pct=fmt(100 * cargo[last] / cap, ".0f"),
        baku_teu_year=int(teu.index.max()),
        baku_teu=fmt(teu.iloc[-1], ",.0f"),
        baku_teu_design=fmt(teu_cap.iloc[0], ",.0f"),
        baku_teu_effective=fmt(teu_cap.iloc[-1], ",.0f"),
        baku_teu_use_design_pct=fmt(100 * teu.iloc[-1] / teu_cap.iloc[0], ".0f"),
        baku_teu_use_effective_pct=fmt(100 * teu.iloc[-1] / teu_cap.iloc[-1], ".0f"),
        baku_cargo_target=fmt(_targets(b, "cargo").iloc[-1], ".0f"),
        baku_teu_target=fmt(teu_targets.iloc[-1], ",.0f"),
        baku_teu_expansion=fmt(teu_targets.iloc[0], ",.0f"),
        baku_forecasts=says(
            f"{r.value:.1f} Mt expected for {r.year} against an outturn of {r.outturn:.1f} Mt" for r in fc.itertuples()
        ),
        baku_old_rival=fmt(oldest["value"], ".1f"),
        baku_old_rival_year=int(oldest["year"]),
        baku_old_rival_when=dates.label(oldest["statement_date"][:7]),
        baku_old_rival_outturn=fmt(oldest["outturn"], ".1f"),
    )


def _latest_part(rows: pd.DataFrame, measure: str = "cargo") -> pd.Series:
    """The part-year figure covering the most months of the latest year after the latest full one."""
    later = later_parts(rows)
    later = later[later["measure"] == measure]
    last = later[later["year"] == later["year"].max()]
    return last.sort_values("months").iloc[-1]


def same_months_before(rows: pd.DataFrame, part: pd.Series) -> pd.Series | None:
    """The figure for the same months of the year before, if the data have it."""
    f = flows(rows)
    same = f[(f["measure"] == part["measure"]) & (f["year"] == part["year"] - 1) & (f["months"] == part["months"])]
    return same.iloc[0] if len(same) else None


def kazakh_facts(inp: Inputs) -> dict:
    a, k = used(inp, "Aktau"), used(inp, "Kuryk")
    full = latest_full_year(a)
    year = int(full["year"].max())
    a_cargo = float(full[full["measure"] == "cargo"]["value"].iloc[0])
    a_oil = a[(a["measure"] == "oil") & (a["kind"] == "outturn") & (a["year"] == year) & (a["months"] == 12)]
    a_cap = _capacity(a, "cargo")
    a_part = _latest_part(a)
    a_before = same_months_before(a, a_part)
    pace = a_part["value"] * 12 / a_part["months"]  # the year at the pace of its first months: not a bound
    hub = a[(a["kind"] == "target") & (a["measure"] == "containers")].sort_values("year")
    k_parts = flows(k)[flows(k)["measure"] == "cargo"].sort_values(["year", "months"])
    k_parts = k_parts.groupby("year").tail(1)  # the longest period of each year
    k_fc = k[(k["kind"] == "forecast") & (k["measure"] == "cargo")].sort_values("year").iloc[-1]
    k_cap = _capacity(k, "cargo")
    pair = inp.ports[inp.ports["port"] == "Aktau and Kuryk"]
    both = pair[pair["kind"] == "target"].dropna(subset=["year"]).sort_values("year").iloc[-1]
    both_cap = pair[pair["kind"] == "capacity"].sort_values("year").iloc[-1]
    return dict(
        aktau_year=year,
        aktau=fmt(a_cargo, ".1f"),
        aktau_oil=fmt(a_oil["value"].iloc[0], ".1f"),
        aktau_cap_low=fmt(a_cap.min(), ".0f"),
        aktau_cap_high=fmt(a_cap.max(), ".0f"),
        aktau_use_low_pct=fmt(100 * a_cargo / a_cap.max(), ".0f"),
        aktau_use_high_pct=fmt(100 * a_cargo / a_cap.min(), ".0f"),
        aktau_part=fmt(a_part["value"], ".2f"),
        aktau_part_period=when(a_part["year"], a_part["months"]),
        aktau_part_year=int(a_part["year"]),
        aktau_part_growth_pct=(
            fmt(100 * (a_part["value"] / a_before["value"] - 1), ".0f") if a_before is not None else "not comparable"
        ),
        # Bounds on the latest year's use of capacity: at least the part-year figure (the rest of the year adds
        # to it), at most the capacity itself; the pace of the first months is an extrapolation, not a bound.
        aktau_floor_low_pct=fmt(100 * a_part["value"] / a_cap.max(), ".0f"),
        aktau_floor_high_pct=fmt(100 * a_part["value"] / a_cap.min(), ".0f"),
        aktau_pace=fmt(pace, ".1f"),
        aktau_pace_low_pct=fmt(100 * pace / a_cap.max(), ".0f"),
        aktau_pace_high_pct=fmt(100 * pace / a_cap.min(), ".0f"),
        aktau_hub_first=fmt(hub["value"].iloc[0], ",.0f"),
        aktau_hub_first_year=int(hub["year"].iloc[0]),
        aktau_hub_latest=fmt(hub["value"].iloc[-1], ",.0f"),
        aktau_hub_latest_year=int(hub["year"].iloc[-1]),
        kuryk_parts=says(f"{r.value:.2f} Mt in {when(r.year, r.months)}" for r in k_parts.itertuples()),
        kuryk_forecast=fmt(k_fc["value"], ".1f"),
        kuryk_forecast_year=int(k_fc["year"]),
        kuryk_cap_first=fmt(k_cap.iloc[0], ".0f"),
        kuryk_cap_first_year=int(k[k["kind"] == "capacity"]["year"].min()),
        kuryk_cap_latest=fmt(k_cap.iloc[-1], ".0f"),
        kuryk_forecast_use_pct=fmt(100 * k_fc["value"] / k_cap.iloc[-1], ".0f"),
        aktau_kuryk_target=fmt(both["value"], ".0f"),
        aktau_kuryk_target_year=int(both["year"]),
        aktau_kuryk_cap=fmt(both_cap["value"], ".0f"),
        aktau_kuryk_cap_year=int(both_cap["year"]),
    )


def facts(inp: Inputs) -> dict:
    return {**baku_facts(inp), **kazakh_facts(inp)}
