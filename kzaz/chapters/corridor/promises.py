"""Promises against outturns: every sourced target, plan and forecast set against what happened.

A promise is a figure someone stated for a future year: a forecast, a plan or a traffic
target for the Middle Corridor (tonnes or containers), a plan or expectation for Kazakh
oil through Baku-Tbilisi-Ceyhan, or a capacity target. It is judged against the outturn
the book uses for that year and the same scope (the corridor's traffic, the TITR
Association's members, oil through BTC) or, for a capacity target, against the capacity
stated for that year. A promise whose year has not ended, or whose outturn of the same
scope is not published, stays unjudged and is listed as such.
"""

from __future__ import annotations

import pandas as pd

from kzaz import dates

from .inputs import Inputs

# What the promise is about, as the chart and tables name it.
CARGO, TEU, OIL, CAPACITY = (
    "Middle Corridor cargo",
    "Middle Corridor containers",
    "Kazakh oil through BTC",
    "Middle Corridor capacity",
)
SUBJECTS = (CARGO, TEU, OIL, CAPACITY)
PROMISE_KINDS = ("forecast", "plan", "target")  # 'no period stated' is no promise for a year
OIL_PROMISES = ("plan", "estimate")  # 'unspecified' names no period


def _said(row) -> str:
    """When the promise was made: the statement's date, else the page's."""
    d = row.get("statement_date")
    return d if isinstance(d, str) and d else row["source_date"]


def _who(text: str) -> str:
    """The speaker without the details after a comma or a parenthesis."""
    return str(text).split(",")[0].split(" (")[0].strip()


def _titr(inp: Inputs) -> pd.DataFrame:
    c = inp.cargo
    rows = c[
        c["kind"].isin(PROMISE_KINDS)
        & c["measure"].isin(["cargo", "containers"])
        & ((c["kind"] != "target") | (c["target_of"] == "traffic"))
    ]
    outturn = c[(c["kind"] == "outturn") & (c["months"] == 12) & c["book_uses"]]
    out = outturn.set_index(["measure", "scope", "year"])["value"]
    out_id = outturn.set_index(["measure", "scope", "year"])["figure_id"]
    recs = []
    for _, r in rows.iterrows():
        key = (r["measure"], r["scope"], r["year"])
        recs.append(
            dict(
                promise_id=r["figure_id"],
                subject=CARGO if r["measure"] == "cargo" else TEU,
                scope=r["scope"],
                kind=r["kind"],
                who=_who(r["primary_source"]),
                said=_said(r),
                year=int(r["year"]),
                promised=float(r["value"]),
                unit=r["unit"],
                outturn=out.get(key),
                outturn_id=out_id.get(key),
                source_publisher=r["source_publisher"],
                source_url=r["source_url"],
            )
        )
    return pd.DataFrame(recs)


def _capacity_targets(inp: Inputs) -> pd.DataFrame:
    """Capacity targets against the capacity stated in the target year (the latest statement in it)."""
    c = inp.cargo
    caps = c[(c["kind"] == "capacity") & (c["scope"] == "corridor")].copy()
    caps["said_at"] = [dates.start_of(_said(r)) for _, r in caps.iterrows()]
    recs = []
    for _, r in c[(c["kind"] == "target") & (c["target_of"] == "capacity")].iterrows():
        same = caps[(caps["measure"] == r["measure"]) & (caps["year"] == r["year"])].sort_values("said_at")
        recs.append(
            dict(
                promise_id=r["figure_id"],
                subject=CAPACITY,
                scope=r["scope"],
                kind="capacity target",
                who=_who(r["primary_source"]),
                said=_said(r),
                year=int(r["year"]),
                promised=float(r["value"]),
                unit=r["unit"],
                outturn=float(same["value"].iloc[-1]) if len(same) else None,
                outturn_id=same["figure_id"].iloc[-1] if len(same) else None,
                source_publisher=r["source_publisher"],
                source_url=r["source_url"],
            )
        )
    return pd.DataFrame(recs)


def _oil(inp: Inputs) -> pd.DataFrame:
    b = inp.btc
    year = b["period_start"].str[:4].astype(int)
    whole = (
        (b["period_start"].str[5:7] == "01")
        & (b["period_end"].str[5:7] == "12")
        & (b["period_start"].str[:4] == b["period_end"].str[:4])
    )
    outturn = b[whole & (b["status"] == "outturn") & b["book_uses"] & (b["scope"] == "total")]
    out = dict(zip(year[outturn.index], outturn["value_mt"]))
    out_id = dict(zip(year[outturn.index], outturn["figure_id"]))
    recs = []
    for i, r in b[whole & b["status"].isin(OIL_PROMISES) & (b["scope"] == "total")].iterrows():
        y = int(year[i])
        recs.append(
            dict(
                promise_id=r["figure_id"],
                subject=OIL,
                scope="btc",
                kind=r["status"],
                who=_who(r["reported_by"]),
                said=r["source_date"],
                year=y,
                promised=float(r["value_mt"]),
                unit="Mt",
                outturn=out.get(y),
                outturn_id=out_id.get(y),
                source_publisher=r["source_publisher"],
                source_url=r["source_url"],
            )
        )
    return pd.DataFrame(recs)


def promises(inp: Inputs) -> pd.DataFrame:
    """Every promise, with its outturn where one of the same scope is published, oldest year first.

    `error_pct` is (outturn - promise) / promise: negative where less was delivered than
    promised. `judged` says whether the promise can be judged (its year has an outturn).
    """
    p = pd.concat([_titr(inp), _capacity_targets(inp), _oil(inp)], ignore_index=True)
    p["outturn"] = pd.to_numeric(p["outturn"])
    p["judged"] = p["outturn"].notna()
    p["error_pct"] = 100 * (p["outturn"] - p["promised"]) / p["promised"]
    p["said_year"] = [dates.start_of(d).year for d in p["said"]]
    p["lead_years"] = p["year"] - p["said_year"]
    p["said_label"] = [dates.label(d) for d in p["said"]]
    p["said_at"] = [dates.start_of(d) for d in p["said"]]
    return _restatements(p).sort_values(["year", "subject", "said_at"]).reset_index(drop=True)


def _restatements(p: pd.DataFrame) -> pd.DataFrame:
    """The same promise said again (same subject, scope, kind, year and value) counts once, under its
    first statement; `restated_by` names who repeated it."""
    p = p.sort_values("said_at")
    key = ["subject", "scope", "kind", "year", "promised"]
    first = p.drop_duplicates(key, keep="first").copy()
    later = p[p.duplicated(key, keep="first")]
    by = later.groupby(key)["who"].agg(lambda w: "; ".join(dict.fromkeys(w)))
    first["restated_by"] = [by.get(tuple(r[k] for k in key), "") for _, r in first.iterrows()]
    return first


def judged(inp: Inputs) -> pd.DataFrame:
    p = promises(inp)
    return p[p["judged"]].reset_index(drop=True)


def record(inp: Inputs) -> pd.DataFrame:
    """Each forecaster's record on the promises that can be judged: how many, how far off, how often short."""
    j = judged(inp)
    g = j.groupby("who")
    rec = pd.DataFrame(
        {
            "promises": g.size(),
            "short": g["error_pct"].apply(lambda e: int((e < 0).sum())),
            "mean_error_pct": g["error_pct"].mean(),
            "mean_abs_error_pct": g["error_pct"].apply(lambda e: e.abs().mean()),
            "years": g["year"].apply(lambda y: ", ".join(str(v) for v in sorted(set(y)))),
        }
    ).reset_index()
    return rec.sort_values(["promises", "mean_abs_error_pct"], ascending=[False, True]).reset_index(drop=True)


def moves(inp: Inputs, value: float | None = None) -> pd.DataFrame:
    """Every statement of the corridor's headline tonnage goal (the 10 Mt a year the most
    statements give), by when it was said and for which year: a goal re-dated is a move."""
    c = inp.cargo
    t = c[(c["kind"] == "target") & (c["measure"] == "cargo") & (c["unit"] == "Mt")]
    value = value if value is not None else float(t["value"].mode().iloc[0])
    rows = t[t["value"] == value].copy()
    rows["said"] = [_said(r) for _, r in rows.iterrows()]
    rows = rows[rows["said"].notna()]
    rows["said_at"] = [dates.start_of(d) for d in rows["said"]]
    rows["said_label"] = [dates.label(d) for d in rows["said"]]
    rows["who"] = [_who(s) for s in rows["primary_source"]]
    rows["goal"] = rows["target_of"].map({"capacity": "capacity a year", "traffic": "traffic a year"})
    return rows.sort_values("said_at").reset_index(drop=True)
