"""The energy chapter's tables: every figure for Kazakh oil toward BTC, the power link's steps, and the national
wind and solar projects."""

from __future__ import annotations

import pandas as pd

from kzaz import dates, periods, tables
from kzaz.markdown import link

from . import green, oil
from .inputs import Inputs

STATUS = {
    "outturn": "reported",
    "estimate": "estimate before year end",
    "plan": "plan or expectation",
    "unspecified": "no period named",
}
STATUS_ORDER = {"outturn": 0, "estimate": 1, "unspecified": 2, "plan": 3}


def btc_figures(inp: Inputs) -> tables.Table:
    """All figures found, reported ones first, with the one the book uses marked and why."""
    rows = inp.btc.sort_values(
        ["status", "period_start", "period_end", "figure_id"],
        key=lambda s: s.map(STATUS_ORDER) if s.name == "status" else s,
    )
    frame = pd.DataFrame(
        {
            "Period": [periods.label(s, e) for s, e in zip(rows["period_start"], rows["period_end"])],
            "Mt": [f"{v:g}" for v in rows["value_mt"]],
            "Counts": rows["scope"].map(oil.SCOPE),
            "Kind": rows["status"].map(STATUS),
            "Used": ["yes" if u else "" for u in rows["book_uses"]],
            "Figure from": rows["reported_by"],
            "Source": [link(p, u) for p, u in zip(rows["source_publisher"], rows["source_url"])],
            "Check": rows["check"],
        }
    )
    return tables.table(frame, fold=f"All {len(frame)} figures found for Kazakh oil toward BTC, with their sources")


def green_steps(inp: Inputs) -> tables.Table:
    steps = green.steps(inp)
    when = [
        dates.label(d) + (f" ({dates.label(alt)} in {link('another source', url)})" if isinstance(alt, str) else "")
        for d, alt, url in zip(steps["date"], steps["date_alt"], steps["alt_source_url"])
    ]
    step = [
        f"{green.KIND[k]}: {t}" + (f", {p}" if isinstance(p, str) else "")
        for k, t, p in zip(steps["kind"], steps["title"], steps["place"])
    ]
    frame = pd.DataFrame(
        {
            "Date": when,
            "Step": step,
            "Who": steps["parties"],
            "Money committed": [f"US${m:,.0f}" if pd.notna(m) else "—" for m in steps["amount_usd"]],
            "Source": [link(p, u) for p, u in zip(steps["source_publisher"], steps["source_url"])],
        }
    )
    return tables.table(frame, fold=f"The {len(frame)} steps toward a Caspian power link, with their sources")


def projects(inp: Inputs) -> tables.Table:
    """The national wind and solar plants, by country and date: none is a bilateral project."""
    rows = inp.projects.sort_values(["country", "date"])
    frame = pd.DataFrame(
        {
            "Country": rows["country"],
            "Plant": rows["plant"],
            "MW": [f"{v:,.0f}" for v in rows["capacity_mw"]],
            "Kind": rows["technology"],
            "Step": [green.PROJECT_KIND[k].format(dates.label(d)) for k, d in zip(rows["kind"], rows["date"])],
            "Developers": rows["parties"],
            "Source": [link(p, u) for p, u in zip(rows["source_publisher"], rows["source_url"])],
        }
    )
    return tables.table(frame, fold=f"The {len(frame)} national wind and solar plants, with their sources")
