"""The Caspian green-energy corridor: the steps taken, the money committed, what is not known; and the national
wind and solar projects, which are not bilateral."""

from __future__ import annotations

import re

import pandas as pd

from kzaz import dates
from kzaz.markdown import says
from kzaz.prose import fmt

from .inputs import Inputs

KIND = {
    "memorandum": "Memorandum",
    "agreement": "Agreement",
    "funding": "Funding",
    "meeting": "Meeting",
    "expectation": "Expectation",
}
DOCUMENTS = ("memorandum", "agreement")
# Named steps the text discusses.
PRESIDENTS = "green-iga-2024"  # the presidents' intergovernmental agreement at COP29
JOINT_VENTURE = ("green-jv-founding-2024", "green-jv-established-2025")  # founded; established as a company
PROJECT_KIND = {
    "commissioning": "in service since {}",
    "construction": "under construction since {}",
    "development": "in development since {}",
    "agreement": "agreed in {}",
}


def steps(inp: Inputs) -> pd.DataFrame:
    """The steps in date order; the expectation (dated only by its year) last."""
    green = inp.green.assign(start=inp.green["date"].map(dates.start_of), later=inp.green["kind"] == "expectation")
    return green.sort_values(["later", "start"]).reset_index(drop=True)


def documents(inp: Inputs) -> pd.DataFrame:
    g = steps(inp)
    return g[g["kind"].isin(DOCUMENTS)]


def funded(inp: Inputs) -> pd.DataFrame:
    g = steps(inp)
    return g[g["amount_usd"].notna()]


def funding_range(inp: Inputs) -> tuple[float, float]:
    """US$ million committed: the largest grant alone, and all grants together.

    The sources do not say whether an earlier grant is part of a later one, so the sum is
    an upper bound and the largest grant a lower one.
    """
    money = funded(inp)["amount_usd"]
    return money.max() / 1e6, money.sum() / 1e6


def quantified(inp: Inputs) -> tuple[int, int]:
    """Steps that state the link's capacity, and steps that state its total cost."""
    return int(inp.green["capacity_mw"].notna().sum()), int(inp.green["project_cost_usd"].notna().sum())


def states(inp: Inputs) -> list[str]:
    """The states of the corridor: the parties of its first memorandum."""
    return steps(inp).iloc[0]["parties"].split("; ")


def expectation(inp: Inputs) -> tuple[str, str]:
    """The year the study is expected and the year after which the line would operate, from the expectation's title."""
    title = steps(inp).query("kind == 'expectation'").iloc[-1]["title"]
    study, operation = re.search(r"expected in (\d{4})", title), re.search(r"after (\d{4})", title)
    if not (study and operation):
        raise ValueError(f"green_energy_caspian: cannot read the expected years from {title!r}")
    return study.group(1), operation.group(1)


def latest_step(inp: Inputs) -> pd.Series:
    """The latest dated step that is not an expectation."""
    g = steps(inp)
    return g[g["kind"] != "expectation"].iloc[-1]


def projects_by_country(inp: Inputs) -> dict[str, pd.DataFrame]:
    return {c: g.sort_values("date") for c, g in inp.projects.groupby("country")}


def projects_text(inp: Inputs) -> str:
    """'in Azerbaijan 230 MW of solar at Garadagh (in service since 26 October 2023), ...' per country."""
    parts = []
    for country, g in projects_by_country(inp).items():
        items = [
            f"{r.capacity_mw:,.0f} MW of {r.technology} at {r.plant} "
            f"({PROJECT_KIND[r.kind].format(dates.label(r.date))})"
            for r in g.itertuples()
        ]
        parts.append(f"in {country} {says(items)}")
    return "; ".join(parts)


def facts(inp: Inputs) -> dict:
    lo, hi = funding_range(inp)
    n_capacity, n_cost = quantified(inp)
    study, operation = expectation(inp)
    g = steps(inp).set_index("event_id")
    founded, established = (g.loc[i] for i in JOINT_VENTURE)
    latest = latest_step(inp)
    by_country = projects_by_country(inp)
    return {
        "green_iga_date": dates.label(g.loc[PRESIDENTS, "date"]),
        "green_iga_place": g.loc[PRESIDENTS, "place"],
        "green_expect_study": study,
        "green_expect_operation": operation,
        "green_jv_parties": says(founded["parties"].split("; ")),
        "green_jv_founded": dates.label(founded["date"]),
        "green_jv_established": dates.label(established["date"]),
        "green_latest_title": latest["title"][0].lower() + latest["title"][1:],
        "green_latest_date": dates.label(latest["date"]),
        "green_latest_place": latest["place"],
        "projects_n": len(inp.projects),
        "projects_text": projects_text(inp),
        **{f"projects_mw_{c[:3].lower()}": fmt(g["capacity_mw"].sum(), ",.0f") for c, g in by_country.items()},
        "green_first": dates.label(steps(inp)["date"].iloc[0]),
        "green_states": says(states(inp)),
        "green_n_states": len(states(inp)),
        "green_n_docs": len(documents(inp)),
        "green_funding_list": "; ".join(
            f"US${r.amount_usd / 1e6:.3g} million from {r.parties.replace('; ', ' and ')} ({dates.label(r.date)})"
            for r in funded(inp).itertuples()
        ),
        "green_funding_lo": fmt(lo, ".2f"),
        "green_funding_hi": fmt(hi, ".3f"),
        "green_n_quantified": "none" if n_capacity + n_cost == 0 else str(n_capacity + n_cost),
        "green_n_rows": len(inp.green),
    }
