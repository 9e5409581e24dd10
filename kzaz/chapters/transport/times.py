"""Transit times: the stated figures in days, side by side, and those the prose cites."""

from __future__ import annotations

import pandas as pd

from kzaz import dates
from kzaz.prose import fmt

from .inputs import Inputs

ROUTES = ["Middle Corridor", "Northern route", "Sea route via Suez"]
BASIS = ["reported", "earlier", "planned", "target", "aspiration"]
COLUMNS = [
    "route",
    "stretch",
    "basis",
    "value_low",
    "high",
    "range",
    "source_type",
    "quality",
    "source_publisher",
    "primary_source",
    "note",
]
# Statements the prose cites by their source: fact name -> (figure_id, field).
CITED = {
    "block_low": ("mc-block-train", "value_low"),
    "block_high": ("mc-block-train", "value_high"),
    "analyst": ("mc-analyst-scmp", "value_low"),
    "analyst_northern": ("nr-analyst-scmp", "value_low"),
    "before": ("mc-ktz-before", "value_low"),
    "target": ("mc-target", "value_low"),
    "wef_mc": ("mc-wef-aspiration", "value_low"),
    "wef_northern": ("nr-wef", "value_low"),
    "sea_low": ("sea-wef", "value_low"),
    "sea_high": ("sea-wef", "value_high"),
    "wb_ratio": ("mc-wb-ratio", "value_low"),
    "ferry": ("ferry-encyclopedia", "value_low"),
    "ferry_before": ("ferry-before-kuryk", "value_low"),
    "handling": ("baku-vessel-handling", "value_low"),
    "handling_max": ("baku-vessel-handling-max", "value_low"),
}


def is_section(stretch: pd.Series) -> pd.Series:
    """Stretches that are one part of a journey (the Kazakh section, a land section), not the journey."""
    return stretch.str.contains("section")


def days(inp: Inputs) -> pd.DataFrame:
    """The times stated in days for whole journeys, one row per statement, with a range label and how it was read."""
    d = inp.times[(inp.times["unit"] == "days") & ~is_section(inp.times["stretch"])].copy()
    d["high"] = d["value_high"].fillna(d["value_low"])
    d["range"] = [f"{lo:.0f}" if lo == hi else f"{lo:.0f}-{hi:.0f}" for lo, hi in zip(d["value_low"], d["high"])]
    d["quality"] = d["reliability"].map({"standard": "original outlet", "weak": "repost (weak)"})
    return d[COLUMNS]


def facts(inp: Inputs) -> dict:
    d = days(inp)
    official = d[
        (d["route"] == "Middle Corridor")
        & (d["basis"] == "reported")
        & d["source_type"].isin(["operator", "government"])
    ]
    t = inp.times.set_index("figure_id")
    cited = {
        f"t_{name}": fmt(t.loc[fid, field], ".1f" if name == "handling" else ".0f")
        for name, (fid, field) in CITED.items()
    }
    t_all = inp.times
    mc = t_all[
        (t_all["route"] == "Middle Corridor")
        & t_all["source_type"].isin(["operator", "government"])
        & ~is_section(t_all["stretch"])
        & t_all["statement_date"].notna()
    ]
    latest = mc[mc["basis"] == "reported"].sort_values("statement_date").iloc[-1]
    before = mc[(mc["basis"] == "earlier") & (mc["source_url"] == latest["source_url"])]
    sec = t_all[is_section(t_all["stretch"]) & (t_all["stretch"] == "Kazakh section")]
    sec_now, sec_before = sec[sec["basis"] == "reported"].iloc[-1], sec[sec["basis"] == "earlier"].iloc[-1]
    return dict(
        t_n=len(d),
        t_official_low=fmt(official["value_low"].min(), ".0f"),
        t_official_high=fmt(official["high"].max(), ".0f"),
        **cited,
        t_latest=_range(latest),
        t_latest_when=dates.label(latest["statement_date"][:7]),
        t_latest_by=latest["primary_source"],
        t_latest_before=_range(before.iloc[0]) if len(before) else "more",
        t_kz_section=_range(sec_now),
        t_kz_section_before=_range(sec_before),
        t_kz_section_when=dates.label(sec_now["statement_date"][:4]),
    )


def _range(row: pd.Series) -> str:
    lo, hi = row["value_low"], row["value_high"]
    return f"{lo:.0f}" if pd.isna(hi) or hi == lo else f"{lo:.0f} to {hi:.0f}"
