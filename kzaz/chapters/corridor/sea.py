"""The Caspian's level and what the sources say it does to ports and ships."""

from __future__ import annotations

import pandas as pd

from kzaz.prose import fmt

from .inputs import Inputs


def level(inp: Inputs) -> pd.DataFrame:
    """The levels the book uses, observed and projected, oldest first (metres against the Baltic datum)."""
    lv = inp.level[inp.level["book_uses"] & inp.level["level_m"].notna()]
    return lv.sort_values(["year", "kind"]).reset_index(drop=True)


def observed(inp: Inputs) -> pd.DataFrame:
    lv = level(inp)
    return lv[lv["kind"] == "observed"].reset_index(drop=True)


WINDOW = 50  # years: the recent rise and fall the chapter describes (the 1977 low, the 1995 peak)


def change(inp: Inputs) -> dict:
    """The fall from the highest level of the last fifty years to the latest, against the low before it."""
    lv = observed(inp)
    last = lv.iloc[-1]
    window = lv[lv["year"] >= int(last["year"]) - WINDOW]
    peak = window.loc[window["level_m"].idxmax()]
    before = lv[lv["year"] < peak["year"]]
    low = before.loc[before["level_m"].idxmin()]
    recent = lv[lv["year"] >= int(last["year"]) - 10].iloc[0]
    years = max(1, int(last["year"]) - int(recent["year"]))
    return dict(
        peak_year=int(peak["year"]),
        peak_m=float(peak["level_m"]),
        last_year=int(last["year"]),
        last_m=float(last["level_m"]),
        fall_m=float(peak["level_m"] - last["level_m"]),
        low_year=int(low["year"]),
        low_m=float(low["level_m"]),
        recent_from=int(recent["year"]),
        recent_m_a_year=float(recent["level_m"] - last["level_m"]) / years,
        first_year=int(lv["year"].min()),
    )


def projections(inp: Inputs) -> pd.DataFrame:
    lv = level(inp)
    return lv[lv["kind"] == "projection"].reset_index(drop=True)


def falls(inp: Inputs) -> pd.DataFrame:
    """Studies' projected falls by a year (fall_m, fall_m_high), where they give no level."""
    f = inp.level[inp.level["book_uses"] & (inp.level["kind"] == "projected fall")].copy()
    f["high"] = f["fall_m_high"].fillna(f["fall_m"])
    return f.reset_index(drop=True)


def effects(inp: Inputs, kind: str | None = None) -> pd.DataFrame:
    e = inp.effects
    return (e if kind is None else e[e["kind"] == kind]).reset_index(drop=True)


def loading_range(inp: Inputs) -> tuple[float, float]:
    """The share of a ship's capacity the sources say can be loaded on the Caspian now, low and high (%)."""
    e = effects(inp, "loading")
    pct = e[e["unit"] == "percent"]
    return float(pct["value"].min()), float(pct["value_high"].fillna(pct["value"]).max())


def dredged(inp: Inputs) -> tuple[float, float]:
    """Metres the ports were or are being deepened, low and high."""
    e = effects(inp, "dredging")
    m = e[e["unit"] == "m"]
    return float(m["value"].min()), float(m["value_high"].fillna(m["value"]).max())


def facts(inp: Inputs) -> dict:
    c = change(inp)
    proj = projections(inp)
    last_proj = proj[proj["year"] == proj["year"].max()]
    f = falls(inp)
    lo, hi = loading_range(inp)
    d_lo, d_hi = dredged(inp)
    rate = c["recent_m_a_year"]
    return dict(
        sea_first_year=c["first_year"],
        sea_peak_year=c["peak_year"],
        sea_peak_m=fmt(c["peak_m"], ".2f"),
        sea_last_year=c["last_year"],
        sea_last_m=fmt(c["last_m"], ".2f"),
        sea_fall_m=fmt(c["fall_m"], ".1f"),
        sea_low_year=c["low_year"],
        sea_low_m=fmt(c["low_m"], ".2f"),
        sea_vs_low="below" if c["last_m"] < c["low_m"] else "above",
        sea_recent_from=c["recent_from"],
        sea_recent_cm=fmt(100 * rate, ".0f"),
        sea_proj_year=int(last_proj["year"].iloc[0]),
        sea_proj_high=fmt(last_proj["level_m"].max(), ".1f"),
        sea_proj_low=fmt(last_proj["level_m"].min(), ".1f"),
        sea_proj_by=last_proj["series"].iloc[0],
        sea_proj_fall_low=fmt(c["last_m"] - last_proj["level_m"].max(), ".1f"),
        sea_proj_fall_high=fmt(c["last_m"] - last_proj["level_m"].min(), ".1f"),
        sea_fall_year=int(f["year"].max()),
        sea_fall_low=fmt(f["fall_m"].min(), ".0f"),
        sea_fall_high=fmt(f["high"].max(), ".0f"),
        sea_n_studies=f["source_url"].nunique(),
        load_low=fmt(lo, ".0f"),
        load_high=fmt(hi, ".0f"),
        dredge_low=fmt(d_lo, ".1f"),
        dredge_high=fmt(d_hi, ".0f"),
        dredge_years_low=fmt(d_lo / rate, ".0f"),
        dredge_years_high=fmt(d_hi / rate, ".0f"),
    )
