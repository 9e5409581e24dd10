"""The corridor chapter's tables, through the book's one table helper (kzaz.tables)."""

from __future__ import annotations

import pandas as pd

from kzaz.markdown import link
from kzaz.tables import Table, table

from . import chain, model, promises, scenarios, sea, targets
from .inputs import Inputs


def record(inp: Inputs) -> Table:
    r = promises.record(inp).copy()
    r["record"] = [f"{s} of {n} short" for s, n in zip(r["short"], r["promises"])]
    r["off"] = [
        f"{m:+.0f}% on average (misses of {a:.0f}% up or down)"
        for m, a in zip(r["mean_error_pct"], r["mean_abs_error_pct"])
    ]
    return table(r, columns={"who": "Who", "years": "For", "record": "Record", "off": "How far off"})


def open_promises(inp: Inputs) -> Table:
    p = promises.promises(inp)
    p = p[~p["judged"]].copy()
    p["what"] = [f"{chain.amount(v, u)} ({k})" for v, u, k in zip(p["promised"], p["unit"], p["kind"])]
    p["by"] = [link(f"{w}, {s}", url) for w, s, url in zip(p["who"], p["said_label"], p["source_url"])]
    p["why"] = [
        "year not over" if y > targets.base_year(inp) else "no outturn of the same scope published" for y in p["year"]
    ]
    return table(
        p,
        columns={"year": "For", "subject": "About", "what": "Promise", "by": "Said by", "why": "Not judged"},
        fold=f"The {len(p)} promises that cannot be judged yet, and why",
    )


def capacity_chain(inp: Inputs) -> Table:
    t = chain.links(inp).copy()
    t["cap"] = [
        f"{chain.amount(c, u)} ({y}{'; ' + b if b != 'stated' else ''})"
        for c, u, y, b in zip(t["capacity"], t["unit"], t["capacity_year"], t["capacity_basis"])
    ]
    t["thr"] = [
        f"{chain.amount(v, u)} ({y}{f', {m} months annualised' if a else ''})"
        for v, u, y, m, a in zip(t["throughput"], t["unit"], t["throughput_year"], t["months"], t["annualised"])
    ]
    t["use"] = [f"{u:.0f}%" for u in t["utilisation_pct"]]
    t["plans"] = [
        "; ".join(f"{chain.amount(v, u)} by {y}" for y, v in e) or "none found"
        for e, u in zip(t["expansions"], t["unit"])
    ]
    t["src"] = [link(p, url) for p, url in zip(t["source_publisher"], t["source_url"])]
    return table(
        t,
        columns={
            "name": "Link",
            "cap": "Capacity a year",
            "thr": "Throughput",
            "use": "Used",
            "plans": "Planned",
            "src": "Throughput source",
        },
    )


def _years(result: pd.DataFrame, goal: pd.Series) -> str:
    y = model.year_met(result, goal["multiple"])
    return f"{y}" + (" (late)" if y and y > goal["year"] else "") if y else f"not by {scenarios.HORIZON}"


def scenario_results(inp: Inputs) -> pd.DataFrame:
    """The three named scenarios: when each open target would be met and which link binds first."""
    ch = scenarios.chain_model(inp)
    goals = targets.open_targets(inp)
    rows = []
    for s in scenarios.scenarios(inp):
        r = model.run(ch, s, scenarios.HORIZON)
        first = r[r["binding"] != model.DEMAND]
        name = dict((lk.link, lk.name) for lk in ch.links)
        out = dict(
            scenario=s.name,
            growth=f"{s.demand_growth:.1%}",
            delay=s.delay,
            loading=f"{s.loading:.0%}",
            binds=(
                f"{name[first['binding'].iloc[0]]} from {int(first['year'].iloc[0])}"
                if len(first)
                else f"none by {scenarios.HORIZON}"
            ),
            carried=f"{r['throughput'].iloc[-1]:.1f}x",
        )
        for _, g in goals.iterrows():
            out[f"{chain.amount(g['promised'], g['unit'])} by {g['year']}"] = _years(r, g)
        rows.append(out)
    return pd.DataFrame(rows)


def scenarios_table(inp: Inputs) -> Table:
    """The named scenarios: what each assumes, which link binds first, what the route carries at the end."""
    r = scenario_results(inp)
    r["assumes"] = [
        f"demand +{g} a year; projects {d} years late; ships load {lo}" if d else f"demand +{g} a year; ships load {lo}"
        for g, d, lo in zip(r["growth"], r["delay"], r["loading"])
    ]
    cols = {
        "scenario": "Scenario",
        "assumes": "Assumes",
        "binds": "First binding link",
        "carried": f"Traffic in {scenarios.HORIZON}, times {targets.base_year(inp)}",
    }
    return table(r, columns=cols, fold=False)


def targets_table(inp: Inputs) -> Table:
    """When each open target would be met, scenario by scenario (one column each: fits a phone)."""
    r = scenario_results(inp).set_index("scenario")
    goals = [c for c in r.columns if " by " in c]
    t = r[goals].T.reset_index(names="target")
    return table(t, columns={"target": "Target", **{s: s for s in r.index}}, fold=False)


def sea_effects(inp: Inputs) -> Table:
    """What the sources say the falling sea does at the ports: each figure with its source."""
    e = sea.effects(inp).copy()
    e["figure"] = [
        f"{v:,.4g}" + (f"–{h:,.4g}" if pd.notna(h) else "") + f" {u}"
        for v, h, u in zip(e["value"], e["value_high"], e["unit"])
    ]
    e["when"] = [str(int(y)) if pd.notna(y) else "not stated" for y in e["year"]]
    e["src"] = [link(p, url) for p, url in zip(e["source_publisher"], e["source_url"])]
    return table(
        e.sort_values(["kind", "port"]),
        columns={"port": "Where", "effect": "What", "figure": "Figure", "when": "Year", "src": "Source"},
        fold=f"What the falling sea does at the ports: {len(e)} figures from the sources",
    )
