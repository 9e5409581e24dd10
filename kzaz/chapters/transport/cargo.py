"""Cargo on the Middle Corridor: the book's series, the other figures, forecasts, capacity and target.

The series is the one the data mark as used (`book_uses`); "latest" is the series' last
year. Forecasts, plans and rival figures are selected by what they are (kind, scope,
year), not by row id; a few statements the prose discusses by name are picked by id
(`NAMED`).
"""

from __future__ import annotations

import re

import pandas as pd

from kzaz import dates, periods
from kzaz.markdown import says
from kzaz.prose import fmt

from .inputs import Inputs

SERIES = "Ministry of Transport series (the book's series)"
OTHER = "other figures, same scope"
NARROWER = "narrower scope"
FORECAST = "forecast or plan"
DOT_KINDS = [OTHER, NARROWER, FORECAST]
# Scopes the cargo chart leaves out: single lines, one country's railway, a crossing.
OFF_CHART = ("caspian_crossing", "azerbaijan_rail", "btk")
SCOPE_LABEL = {
    "corridor": "whole route",
    "association": "TITR Association members",
    "caspian_ports": "seaports of Kazakhstan and Azerbaijan",
    "kazakh_exports": "Kazakh exports on the route",
}
COLUMNS = [
    "year_label",
    "value",
    "series",
    "source_publisher",
    "primary_source",
    "scope_label",
    "kind",
    "note",
    "caveat",
]
# Statements the prose discusses by name.
NAMED = {
    "teu_members_first": "teu-2021-association",
    "teu_part_year": "teu-2024-11m-government",
    "teu_members_year": "teu-2024-association",
}


def horizon(inp: Inputs) -> int:
    """The chart's last year: the series' latest, and the forecasts and plans for the year after it."""
    return inp.latest_year + 1


def yearly(inp: Inputs) -> pd.DataFrame:
    """Full-year cargo figures for the chart, each with the series it belongs to."""
    c = inp.cargo
    rows = c[
        (c["measure"] == "cargo")
        & (c["months"] == 12)
        & ~c["scope"].isin(OFF_CHART)
        & (c["year"] >= inp.first_year)
        & (c["year"] <= horizon(inp))
    ].copy()
    rows["series"] = OTHER
    rows.loc[rows["book_uses"] & (rows["kind"] == "outturn") & (rows["scope"] == "corridor"), "series"] = SERIES
    rows.loc[rows["kind"].isin(["forecast", "plan"]), "series"] = FORECAST
    rows.loc[(rows["kind"] == "outturn") & (rows["scope"] != "corridor"), "series"] = NARROWER
    rows["year_label"] = rows["year"].astype(str)
    rows["scope_label"] = rows["scope"].map(SCOPE_LABEL)
    return rows[COLUMNS]


def later_target_years(inp: Inputs) -> list[int]:
    """Years later statements have given for the roadmap's target, after the roadmap's own."""
    d = inp.target_datings
    return sorted(set(d.loc[~d["signing_day"], "year"]) - set(inp.target_years))


def references(inp: Inputs) -> pd.DataFrame:
    """The chart's two lines: the latest stated capacity and the roadmap's target."""
    cap = inp.capacity
    later = later_target_years(inp)
    return pd.DataFrame(
        {
            "value": [cap["value"], inp.target],
            "label": [
                f"stated capacity {cap['value']:.0f} Mt ({cap['year']})",
                f"target {inp.target:.0f} Mt for {' or '.join(map(str, inp.target_years))}"
                + (", since re-dated" if later else ""),
            ],
        }
    )


def falls(inp: Inputs) -> list[int]:
    """Years in which the series fell against the year before."""
    s = inp.series
    return [int(y) for y in s.index[1:] if s[y] < s[y - 1]]


def _row(inp: Inputs, figure_id: str) -> pd.Series:
    return inp.cargo.set_index("figure_id").loc[figure_id]


def promises(inp: Inputs) -> pd.DataFrame:
    """Forecasts and plans for the route's cargo in years the series covers, against the outturn.

    The route's own forecasts and plans (scope corridor) and the TITR Association's forecasts for it; the
    Association's plans count only its members' cargo and are left out. A plan restated later by another
    body (same year, kind and value) is counted once, at its first statement.
    """
    c = inp.cargo
    rows = c[
        c["kind"].isin(["forecast", "plan"])
        & (c["measure"] == "cargo")
        & (c["months"] == 12)
        & c["book_uses"]
        & ((c["scope"] == "corridor") | ((c["scope"] == "association") & (c["kind"] == "forecast")))
        & c["year"].isin(inp.series.index)
    ].copy()
    rows["said_at"] = [dates.start_of(d) if isinstance(d, str) and d else pd.NaT for d in rows["statement_date"]]
    rows = rows.sort_values(["year", "said_at"], na_position="last").drop_duplicates(["year", "kind", "value"])
    rows["outturn"] = [inp.series[int(y)] for y in rows["year"]]
    rows["ratio"] = rows["outturn"] / rows["value"]
    return rows.sort_values(["year", "value"])


def by_whom(primary_source: str) -> str:
    """Who made a statement, without the details the data add after a comma or a parenthesis."""
    return re.split(r",| \(", primary_source, maxsplit=1)[0]


def latest_plan(inp: Inputs) -> tuple[pd.Series, pd.DataFrame]:
    """The plan for the series' latest year (its first statement) and the later restatements of it."""
    c = inp.cargo
    rows = c[
        (c["kind"] == "plan")
        & (c["scope"] == "corridor")
        & (c["measure"] == "cargo")
        & c["book_uses"]
        & (c["year"] == inp.latest_year)
    ].copy()
    rows["said_at"] = [dates.start_of(d) for d in rows["statement_date"]]
    rows = rows.sort_values("said_at")
    first = rows.iloc[0]
    return first, rows[(rows["value"] == first["value"]) & (rows.index != first.name)]


def next_plans(inp: Inputs) -> pd.DataFrame:
    """Plans for the year after the series' latest, the one the book uses first."""
    c = inp.cargo
    rows = c[
        (c["kind"] == "plan")
        & (c["scope"] == "corridor")
        & (c["measure"] == "cargo")
        & (c["year"] == inp.latest_year + 1)
    ]
    return rows.sort_values("book_uses", ascending=False)


def growth_needed(inp: Inputs) -> pd.DataFrame:
    """The yearly growth from the latest outturn that each later target year for the target would need."""
    s, year = inp.series, inp.latest_year
    years = [y for y in sorted(set(inp.target_datings["year"])) if y > year]
    return pd.DataFrame({"year": years, "rate": [(inp.target / s[year]) ** (1 / (y - year)) - 1 for y in years]})


def part_rivals(inp: Inputs) -> list[tuple[pd.Series, pd.Series]]:
    """Part-year figures the book passes over, each with the one it uses for the same period, oldest first."""
    c = inp.cargo
    part = c[(c["measure"] == "cargo") & (c["kind"] == "outturn") & (c["months"] < 12)]
    out = []
    for _, passed in part[~part["book_uses"]].sort_values("year").iterrows():
        same = part[
            part["book_uses"]
            & (part["year"] == passed["year"])
            & (part["months"] == passed["months"])
            & (part["scope"] == passed["scope"])
        ]
        if len(same):
            out.append((same.iloc[0], passed))
    return out


def others_latest(inp: Inputs) -> pd.DataFrame:
    """Whole-route full-year figures from other bodies, for the latest year that has one."""
    c = inp.cargo
    rows = c[
        (c["measure"] == "cargo")
        & (c["kind"] == "outturn")
        & (c["scope"] == "corridor")
        & (c["months"] == 12)
        & ~c["book_uses"]
    ]
    return rows[rows["year"] == rows["year"].max()]


def others_farthest(inp: Inputs) -> pd.Series:
    """The whole-route full-year figure from another body farthest from the ministry's for its year."""
    c = inp.cargo
    rows = c[
        (c["measure"] == "cargo")
        & (c["kind"] == "outturn")
        & (c["scope"] == "corridor")
        & (c["months"] == 12)
        & ~c["book_uses"]
    ].copy()
    rows["gap"] = [v / inp.series[int(y)] - 1 for v, y in zip(rows["value"], rows["year"])]
    return rows.loc[rows["gap"].abs().idxmax()]


def narrower_latest(inp: Inputs) -> pd.DataFrame:
    rows = yearly(inp)
    rows = inp.cargo.loc[rows.index][rows["series"] == NARROWER]
    return rows[rows["year"] == rows["year"].max()]


def container_rival(inp: Inputs) -> tuple[pd.Series, pd.Series]:
    c = inp.cargo
    teu = c[
        (c["measure"] == "containers") & (c["kind"] == "outturn") & (c["months"] == 12) & (c["scope"] == "corridor")
    ]
    passed = teu[~teu["book_uses"]].iloc[0]
    used = teu[teu["book_uses"] & (teu["year"] == passed["year"])].iloc[0]
    return used, passed


def plan_facts(inp: Inputs) -> dict:
    s, latest = inp.series, inp.latest_year
    plan, restated = latest_plan(inp)
    gap = 1 - s[latest] / plan["value"]
    p = promises(inp)
    earlier = p[p["year"] < latest]
    verb = {"forecast": "expected", "plan": "planned"}
    nxt = next_plans(inp)
    used, other = nxt.iloc[0], nxt.iloc[1:]
    need = growth_needed(inp)
    beaten, missed = sorted(set(p.loc[p["ratio"] >= 1, "year"])), sorted(set(p.loc[p["ratio"] < 1, "year"]))
    return dict(
        plan_latest=fmt(plan["value"], ".1f"),
        plan_latest_by=by_whom(plan["primary_source"]),
        plan_latest_when=dates.label(plan["statement_date"][:7]),
        plan_latest_restated=says(
            f"{by_whom(r.primary_source)} in {dates.label(r.statement_date[:7])}" for r in restated.itertuples()
        )
        or "no other body",
        plan_latest_outcome=(f"fell {100 * gap:.0f}% short of it" if gap > 0 else f"beat it by {-100 * gap:.0f}%"),
        plan_latest_vs=(f"{100 * gap:.0f}% short of" if gap > 0 else f"{-100 * gap:.0f}% above"),
        earlier_promises=says(
            f"{r.value:.1f} Mt {verb[r.kind]} for {r.year} by {by_whom(r.primary_source)}, against "
            f"an outturn of {r.outturn:.2f} Mt"
            for r in earlier.itertuples()
        ),
        promises_beaten=says(map(str, beaten)) or "no year",
        promises_missed=says(map(str, missed)) or "no year",
        next_plan=fmt(used["value"], ".1f"),
        next_plan_year=int(used["year"]),
        next_plan_by=by_whom(used["primary_source"]),
        next_plan_growth_pct=fmt(100 * (used["value"] / s[latest] - 1), ".0f"),
        next_plan_other=says(f"the {by_whom(r.primary_source)}'s plan has {r.value:.1f} Mt" for r in other.itertuples())
        or "no other plan is recorded",
        growth_needed=says(f"{100 * r.rate:.0f}% a year to reach it by {r.year}" for r in need.itertuples()),
        target_later_years=says(map(str, later_target_years(inp))),
        target_n_datings=len(inp.target_datings),
    )


def rival_facts(inp: Inputs) -> dict:
    s = inp.series
    (used, passed), *rest = part_rivals(inp)
    latest_used, latest_passed = rest[-1] if rest else (used, passed)
    far = others_farthest(inp)
    return dict(
        part_rival_period=periods.label(*used["period"].split("/")),
        part_rival_passed=fmt(passed["value"], ".2f"),
        part_rival_passed_by=passed["source_publisher"],
        part_rival_used=fmt(used["value"], ".3f"),
        part_rival_used_by=used["source_publisher"],
        part_rival_full_year=fmt(s[int(used["year"])], ".2f"),
        part_rival_year=int(used["year"]),
        part_latest_period=periods.label(*latest_used["period"].split("/")),
        part_latest_passed=fmt(latest_passed["value"], ".1f"),
        part_latest_passed_by=latest_passed["source_publisher"],
        part_latest_used=fmt(latest_used["value"], ".1f"),
        part_latest_used_by=latest_used["source_publisher"],
        part_latest_reason=latest_used["book_uses_reason"],
        others_far=fmt(far["value"], ".1f"),
        others_far_year=int(far["year"]),
        others_far_by=by_whom(far["primary_source"]),
        others_far_series=fmt(s[int(far["year"])], ".2f"),
        others_far_gap_pct=fmt(100 * abs(far["gap"]), ".0f"),
    )


def facts(inp: Inputs) -> dict:
    s, latest = inp.series, inp.latest_year
    low_year, peak_year = int(s.idxmin()), int(s.idxmax())
    climb = s.loc[low_year + 1 : peak_year]
    teu = inp.containers
    teu_first, teu_last = int(teu.index.min()), int(teu.index.max())
    c = inp.cargo
    members = c[(c["kind"] == "plan") & (c["scope"] == "association") & (c["year"] == latest)]
    others, narrow = others_latest(inp), narrower_latest(inp)
    teu_used, teu_passed = container_rival(inp)
    named = {k: _row(inp, v) for k, v in NAMED.items()}
    wb = c[(c["scope"] == "caspian_crossing") & (c["kind"] == "forecast")].sort_values("year").iloc[-1]
    change = s[latest] / s[latest - 1] - 1
    return dict(
        **plan_facts(inp),
        **rival_facts(inp),
        series_first_year=inp.first_year,
        series_first=fmt(s.iloc[0], ".2f"),
        low_year=low_year,
        low=fmt(s[low_year], ".2f"),
        peak_year=peak_year,
        peak=fmt(s[peak_year], ".2f"),
        climb=f"{says(f'{v:.2f}' for v in climb)} Mt in {climb.index[0]}–{climb.index[-1]}"
        if len(climb) > 1
        else f"{climb.iloc[0]:.2f} Mt in {climb.index[0]}",
        growth_low_to_peak=fmt(s[peak_year] / s[low_year], ".1f"),
        latest_year=latest,
        previous_year=latest - 1,
        year_after=latest + 1,
        latest=fmt(s[latest], ".2f"),
        previous=fmt(s[latest - 1], ".2f"),
        latest_move="fell" if change < 0 else "rose",
        latest_change_pct=fmt(abs(100 * change), ".0f"),
        latest_change_word="less" if change < 0 else "more",
        falls=says(falls(inp)),
        teu_first_year=teu_first,
        teu_last_year=teu_last,
        teu_first=fmt(teu[teu_first], ",.0f"),
        teu_last=fmt(teu[teu_last], ",.0f"),
        teu_growth=fmt(teu[teu_last] / teu[teu_first], ".1f"),
        tonnage_growth_same_years=fmt(s[teu_last] / s[teu_first], ".1f"),
        containers_vs_tonnage="faster" if teu[teu_last] / teu[teu_first] > s[teu_last] / s[teu_first] else "slower",
        teu_members_first=fmt(named["teu_members_first"]["value"], ",.0f"),
        teu_members_first_year=int(named["teu_members_first"]["year"]),
        members_plan=fmt(members.loc[members["measure"] == "cargo", "value"].sum(), ".1f"),
        members_plan_teu=fmt(members.loc[members["measure"] == "containers", "value"].sum(), ",.0f"),
        capacity=fmt(inp.capacity["value"], ".0f"),
        capacity_year=int(inp.capacity["year"]),
        capacity_use_pct=fmt(100 * s[latest] / inp.capacity["value"], ".0f"),
        target=fmt(inp.target, ".0f"),
        target_years=" or ".join(map(str, inp.target_years)),
        target_share_pct=fmt(100 * s[latest] / inp.target, ".0f"),
        wb_caspian=fmt(wb["value"], ".0f"),
        wb_caspian_year=int(wb["year"]),
        others_year=int(others["year"].iloc[0]),
        others=says(f"{r.primary_source}: {r.value:.1f} Mt" for r in others.itertuples()),
        narrower=says(f"{r.value:.1f} Mt for {SCOPE_LABEL[r.scope]}" for r in narrow.itertuples()),
        narrower_year=int(narrow["year"].iloc[0]),
        teu_rival_year=int(teu_used["year"]),
        teu_used=fmt(teu_used["value"], ",.0f"),
        teu_passed=fmt(teu_passed["value"], ",.0f"),
        teu_passed_by=by_whom(teu_passed["primary_source"]),
        teu_part_year=fmt(named["teu_part_year"]["value"], ",.0f"),
        teu_part_period=periods.label(*named["teu_part_year"]["period"].split("/")),
        teu_members_year=fmt(named["teu_members_year"]["value"], ",.0f"),
    )
