"""The proposed link through southern Armenia against the line through Georgia, from Alat to Kars."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from kzaz import dates, periods, routes
from kzaz.markdown import says
from kzaz.prose import fmt

from .inputs import Inputs

ALT = {"georgia": "Via Georgia (Baku-Tbilisi-Kars line)", "armenia": "Via southern Armenia and Nakhchivan (proposed)"}
STATUS = ["in service", "being restored", "under construction", "proposed"]
LINK = "zangezur"  # the route id of the proposed link
START, END, EXCLAVE = "baku_alat_port", "kars", "nakhchivan"


def alternatives(legs: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The legs of the two ways from Alat to Kars, each with its `alternative` name."""
    via_georgia = routes.path_legs(legs, "middle_corridor", START, END).assign(alternative=ALT["georgia"])
    via_armenia = legs[legs["route_id"] == LINK].assign(alternative=ALT["armenia"])
    return pd.concat([via_georgia, via_armenia], ignore_index=True)


def status_km(inp: Inputs) -> pd.DataFrame:
    """Drawn km of each way by the status of its stretches (the bar chart's rows)."""
    out = alternatives(inp.legs).groupby(["alternative", "status"])["km"].sum().reset_index()
    out["km_round"] = out["km"].round(0)
    out["order"] = out["status"].map(STATUS.index)
    return out


def lengths(inp: Inputs) -> dict:
    legs = inp.legs
    g_km = routes.path_km(legs, "middle_corridor", START, END)
    a_km = routes.path_km(legs, LINK, START, END)
    dostyk_alat = routes.path_km(legs, "middle_corridor", "dostyk", START)
    a_nakh = routes.path_km(legs, LINK, START, EXCLAVE)
    g_nakh = g_km + routes.path_km(legs, LINK, EXCLAVE, END)  # round through Georgia and back from Kars
    return dict(
        georgia=g_km,
        armenia=a_km,
        saved=routes.share_saved(g_km, a_km),
        saved_whole=routes.share_saved(dostyk_alat + g_km, dostyk_alat + a_km),
        dostyk_kars=dostyk_alat + g_km,
        nakh_armenia=a_nakh,
        nakh_georgia=g_nakh,
        saved_nakh=routes.share_saved(g_nakh, a_nakh),
    )


def in_service_pct(inp: Inputs) -> float:
    link = inp.legs[inp.legs["route_id"] == LINK]
    return 100 * link.loc[link["status"] == "in service", "km"].sum() / link["km"].sum()


def capacities(inp: Inputs) -> dict:
    """The new line's design capacity against the Baku-Tbilisi-Kars line's, before and after its upgrade."""
    c = inp.cargo
    cap = c[c["kind"] == "capacity"]
    btk = cap[cap["scope"] == "btk"].sort_values(["year", "statement_date"])["value"]
    flows = c[(c["scope"] == "btk") & (c["kind"] == "outturn") & (c["measure"] == "cargo") & c["book_uses"]]
    flow = flows.sort_values(["year", "months"]).iloc[-1]  # the latest figure, however many months it covers
    yearly = flow["value"] * 12 / flow["months"]  # at the rate of those months
    return dict(
        link=float(cap[cap["scope"] == "horadiz_aghband"]["value"].iloc[-1]),
        btk_before=float(btk.iloc[0]),
        btk=float(btk.iloc[-1]),
        btk_flow=float(flow["value"]),
        btk_flow_year=int(flow["year"]),
        btk_flow_period=(periods.label(*flow["period"].split("/")) if "/" in flow["period"] else str(flow["year"])),
        btk_use_pct=100 * yearly / float(btk.iloc[-1]),
    )


def section_rows(inp: Inputs) -> pd.DataFrame:
    pub = inp.published
    return pub[(pub["from_node"] == "aghband") & (pub["to_node"] == "salamalik")]


def section_km(inp: Inputs) -> tuple[float, float]:
    """The section through Armenia: drawn, and as published (the figure the book uses)."""
    drawn = routes.path_km(inp.legs, LINK, "aghband", "salamalik")
    rows = section_rows(inp)
    return drawn, float(rows.loc[rows["book_uses"], "km"].iloc[0])


def link_traffic(inp: Inputs) -> pd.DataFrame:
    """Figures for the traffic of the route through southern Armenia as a whole (none is a measurement)."""
    c = inp.cargo
    return c[(c["scope"] == "zangezur_link") & (c["kind"] != "capacity")].sort_values("year")


def facts(inp: Inputs) -> dict:
    k = lengths(inp)
    caps = capacities(inp)
    drawn, stated = section_km(inp)
    rows = section_rows(inp)
    used = rows[rows["book_uses"]].iloc[0]
    other = rows[~rows["book_uses"] & (rows["km"] != used["km"])].sort_values("statement_date")
    link = inp.legs[inp.legs["route_id"] == LINK]
    traffic = link_traffic(inp).iloc[-1]
    pos = inp.positions
    return dict(
        armenia_stated_by=used["primary_source"]
        .split(" (")[0]
        .replace("Russian Deputy PM", "Russia's deputy prime minister"),
        armenia_stated_when=dates.label(used["statement_date"][:7]),
        armenia_other=says(
            f"{r.km:.0f} km ({r.source_publisher}, {dates.label(r.statement_date[:7])})" for r in other.itertuples()
        )
        or "no other figure",
        link_traffic=fmt(traffic["value"], ",.0f"),
        link_traffic_unit=traffic["unit"],
        link_traffic_year=int(traffic["year"]),
        link_traffic_by=traffic["primary_source"].split(" (")[0],
        link_traffic_when=dates.label(traffic["statement_date"][:7]),
        positions_n=len(pos),
        positions_first=dates.label(pos["date"].min()),
        positions_through=dates.label(pos["date"].max()),
        btk_flow_period=caps["btk_flow_period"],
        btk_use_pct=fmt(caps["btk_use_pct"], ".0f"),
        alat_kars_georgia=fmt(k["georgia"], ",.0f"),
        alat_kars_armenia=fmt(k["armenia"], ",.0f"),
        alat_kars_diff=fmt(abs(k["armenia"] - k["georgia"]), ",.0f"),
        alat_kars_pct=fmt(abs(k["saved"]), ".0f"),
        alat_kars_word="longer" if k["saved"] < 0 else "shorter",
        # Within the error of drawing with straight lines (half the tolerance band's margin), a difference is little.
        link_effect=(
            "changes little for"
            if abs(k["saved"]) <= 100 * (1 - routes.TOLERANCE[0]) / 2
            else "shortens the way for"
            if k["saved"] > 0
            else "lengthens the way for"
        ),
        whole_pct=fmt(abs(k["saved_whole"]), ".1f"),
        whole_word="longer" if k["saved_whole"] < 0 else "shorter",
        dostyk_kars=fmt(k["dostyk_kars"], ",.0f"),
        nakh_armenia=fmt(k["nakh_armenia"], ",.0f"),
        nakh_georgia=fmt(k["nakh_georgia"], ",.0f"),
        nakh_saved_pct=fmt(k["saved_nakh"], ".0f"),
        armenia_drawn=fmt(drawn, ".0f"),
        armenia_stated=fmt(stated, ".0f"),
        link_in_service_pct=fmt(in_service_pct(inp), ".0f"),
        link_statuses=says(s for s in STATUS if s in set(link["status"])),
        link_capacity=fmt(caps["link"], ".0f"),
        btk_capacity=fmt(caps["btk"], ".0f"),
        btk_capacity_before=fmt(caps["btk_before"], ".0f"),
        btk_flow=fmt(caps["btk_flow"], ".2f"),
        btk_flow_kt=fmt(1000 * caps["btk_flow"], ",.0f"),
        btk_flow_year=caps["btk_flow_year"],
    )
