"""The transport chapter's tables: published distances against the drawn ones, the ports' latest
figures, and the governments' positions on the link through southern Armenia."""

from __future__ import annotations

import pandas as pd

from kzaz import dates, tables
from kzaz.markdown import link

from . import cargo, network, ports
from .inputs import Inputs


def distances(inp: Inputs) -> tables.Table:
    c = network.distance_checks(inp)
    frame = pd.DataFrame(
        {
            "Stretch": [
                s + ("" if used else " (not used: see the text)") for s, used in zip(c["stretch"], c["book_uses"])
            ],
            "Published km": [f"{v:,.0f}" if v >= 1000 or v == int(v) else f"{v:,.1f}" for v in c["km"]],
            "Source": [link(p, u) for p, u in zip(c["source_publisher"], c["source_url"])],
            "Drawn km": [f"{v:,.0f}" for v in c["drawn_km"]],
            "Drawn ÷ published": [f"{v:.2f}" for v in c["ratio"]],
            "OSM track km": [f"{v:,.1f}" if pd.notna(v) else "—" for v in c["track_km"]],
        }
    )
    return tables.table(frame, fold=f"The {len(frame)} published distances against the drawn lengths")


def _port_row(inp: Inputs, port: str) -> dict:
    rows = ports.used(inp, port)
    full = ports.latest_full_year(rows)
    part = ports.later_parts(rows)
    part = part[part["year"] == part["year"].max()] if len(part) else part
    latest = (part if len(part) else full).sort_values(["year", "months"]).iloc[-1]
    return {
        "Port": port,
        "Latest full year": "; ".join(
            f"{ports.fmt_value(v, u)} ({int(y)})" for v, u, y in full[["value", "unit", "year"]].values
        )
        or "none found",
        "Latest part of a year": "; ".join(
            f"{ports.fmt_value(v, u)} ({ports.when(y, m)})"
            for v, u, y, m in part[["value", "unit", "year", "months"]].values
        )
        or "—",
        "Capacity stated": ports.capacities(rows),
        "Source of the latest figure": link(latest["source_publisher"], latest["source_url"]),
    }


def port_figures(inp: Inputs) -> tables.Table:
    return tables.table(pd.DataFrame([_port_row(inp, p) for p in ports.PORTS]))


def positions(inp: Inputs) -> tables.Table:
    p = inp.positions
    frame = pd.DataFrame(
        {
            "Date": p["date"],
            "Party": p["party"],
            "Who": p["speaker"],
            "Position (in the book's words)": p["position"],
            "Source": [link(s, u) for s, u in zip(p["source_publisher"], p["source_url"])],
        }
    )
    return tables.table(frame, fold=f"The {len(frame)} positions, in each government's own statements")


def promises(inp: Inputs) -> tables.Table:
    """Forecasts and plans for the route's cargo against the outturn in the ministry's series."""
    p = cargo.promises(inp)
    frame = pd.DataFrame(
        {
            "Year": p["year"].astype(str),
            "Forecast or plan": [f"{v:.1f} Mt ({k})" for v, k in zip(p["value"], p["kind"])],
            "Outturn": [f"{v:.2f} Mt" for v in p["outturn"]],
            "Outturn ÷ forecast": [f"{100 * r:.0f}%" for r in p["ratio"]],
            "By, when": [
                f"{cargo.by_whom(w)}, {dates.label(d) if isinstance(d, str) and d else 'date not given'}"
                for w, d in zip(p["primary_source"], p["statement_date"])
            ],
            "Source": [link(a, u) for a, u in zip(p["source_publisher"], p["source_url"])],
        }
    )
    return tables.table(frame, fold=False)


def targets(inp: Inputs) -> tables.Table:
    """Who dated the roadmap's target tonnage, for which year, and when they said it."""
    from .verdicts import target_statements

    d = target_statements(inp)
    frame = pd.DataFrame(
        {
            "Target year": d["year"].astype(str),
            "Of": d["what"],
            "Stated by": d["who"],
            "When": d["said_label"],
            "Source": [link(a, u) for a, u in zip(d["publisher"], d["url"])],
        }
    )
    return tables.table(frame, fold=f"The {len(frame)} statements that date the {inp.target:.0f} Mt target")
