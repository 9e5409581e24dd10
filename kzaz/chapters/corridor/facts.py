"""Every number and phrase the corridor chapter's prose quotes, as the `mc` namespace."""

from __future__ import annotations

import pandas as pd

from kzaz import dates
from kzaz.computed import once_per_build
from kzaz.markdown import says
from kzaz.prose import Facts, count, fmt, times

from . import chain, model, promises, scenarios, sea, targets, timesplit
from .inputs import Inputs

MONTHS = [pd.Timestamp(2000, m, 1).strftime("%B") for m in range(1, 13)]
UNIT_FORMAT = {"TEU": ",.0f", "Mt": ".2f"}  # containers are counted; tonnes to 10,000 t


def promise_facts(inp: Inputs) -> dict:
    p, j = promises.promises(inp), promises.judged(inp)
    cargo = j[j["subject"] == promises.CARGO]
    oil = j[j["subject"] == promises.OIL]
    cap = j[j["subject"] == promises.CAPACITY].iloc[0]
    worst = j.loc[j["error_pct"].abs().idxmax()]
    m = promises.moves(inp)
    last_plan = cargo.sort_values("year").iloc[-1]
    short, n = int((j["error_pct"] < 0).sum()), len(j)
    record = (
        "more often too high than too low"
        if 2 * short > n
        else "as often too high as too low"
        if 2 * short == n
        else "more often too low than too high"
    )
    return dict(
        promise_record=record,
        growth_turn=int(cargo.loc[cargo["error_pct"] > 0, "year"].max()),
        n_promises=len(p),
        n_judged=len(j),
        n_short=int((j["error_pct"] < 0).sum()),
        n_open=len(p) - len(j),
        median_abs_error=fmt(j["error_pct"].abs().median(), ".0f"),
        n_cargo=len(cargo),
        cargo_years=says(sorted(set(cargo["year"]))),
        n_cargo_over=int((cargo["error_pct"] > 0).sum()),
        cargo_over=says(
            f"{r.who} for {r.year} (outturn {r.error_pct:+.0f}%)" for r in cargo[cargo["error_pct"] > 0].itertuples()
        ),
        cargo_last_year=int(last_plan["year"]),
        cargo_last_who=last_plan["who"],
        cargo_last_error=fmt(last_plan["error_pct"], "+.0f"),
        cargo_last_promised=fmt(last_plan["promised"], ".1f"),
        cargo_last_outturn=fmt(last_plan["outturn"], ".2f"),
        cargo_last_restated=last_plan["restated_by"] or "nobody",
        n_oil=len(oil),
        oil_short=int((oil["error_pct"] < 0).sum()),
        oil_range=f"{oil['error_pct'].min():+.0f}% to {oil['error_pct'].max():+.0f}%",
        cap_year=int(cap["year"]),
        cap_target=fmt(cap["promised"], ".0f"),
        cap_stated=fmt(cap["outturn"], ".1f"),
        cap_pct=fmt(100 * cap["outturn"] / cap["promised"], ".0f"),
        cap_who=cap["who"],
        worst=f"{worst['who']}'s {worst['kind']} for {worst['year']}",
        worst_error=fmt(worst["error_pct"], "+.0f"),
        goal=fmt(m["value"].iloc[0], ".0f"),
        goal_n=len(m),
        goal_n_years=m["year"].nunique(),
        goal_years=says(sorted({int(y) for y in m["year"]})),
        goal_first_said=m["said_label"].iloc[0],
        goal_first_year=int(m["year"].iloc[0]),
        goal_last_said=m["said_label"].iloc[-1],
        goal_last_year=int(m["year"].iloc[-1]),
    )


def trade_goal_facts(inp: Inputs) -> dict:
    """The USD 1 billion trade goal: how often restated, and the latest whole-year trade against it."""
    ms = inp.milestones
    goal = ms[(ms["kind"] == "target") & (ms["unit"] == "million US$")].copy()
    goal["at"] = [dates.start_of(d) for d in goal["date"]]
    goal = goal.sort_values("at")
    t = inp.trade
    whole = t[t["book_uses"] & (t["flow"] == "turnover") & (t["months"] == 12)].copy()
    whole["year"] = whole["period_start"].str[:4].astype(int)
    last = whole.sort_values(["year", "value_musd"]).iloc[-1]
    value = float(goal["value"].iloc[0])
    return dict(
        trade_goal=fmt(value / 1000, ".0f"),
        trade_goal_n=times(len(goal)),
        trade_goal_first=dates.label(goal["date"].iloc[0]),
        trade_goal_last=dates.label(goal["date"].iloc[-1]),
        trade_year=int(last["year"]),
        trade_value=fmt(last["value_musd"], ",.0f"),
        trade_by=last["reported_by"],
        trade_pct=fmt(100 * last["value_musd"] / value, ".0f"),
    )


def branch_facts(inp: Inputs) -> dict:
    """Where the link through southern Armenia branches off, against the narrowest link (claim C11)."""
    b = chain.branch(inp)
    past = b["past_binding"]
    return dict(
        fork_link=b["fork_link"],
        branch_where="at or after the narrowest link" if past else "before the narrowest link",
        branch_effect=(
            f"cargo bound for it must first pass the {b['binding']}, the narrowest link, so it cannot raise "
            f"what the whole route carries until the links up to the {b['fork_link']} are widened"
            if past
            else "it would bypass the narrowest link and so could raise what the route carries"
        ),
    )


def chain_facts(inp: Inputs) -> dict:
    t = chain.links(inp)
    t = t[t["binds_in_unit"]].sort_values("utilisation_pct", ascending=False)
    top, second = t.iloc[0], t.iloc[1]
    missing = chain.unmeasured(inp)
    return dict(
        n_links=len(inp.links),
        n_measured=len(t),
        binding=top["name"],
        binding_pct=fmt(top["utilisation_pct"], ".0f"),
        binding_unit="containers" if top["unit"] == "TEU" else "tonnes",
        binding_year=int(top["throughput_year"]),
        binding_throughput=fmt(top["throughput"], UNIT_FORMAT[top["unit"]]),
        binding_capacity=fmt(top["capacity"], UNIT_FORMAT[top["unit"]]),
        binding_unit_short=top["unit"],
        binding_capacity_year=int(top["capacity_year"]),
        binding_period=(
            f"January to {MONTHS[int(top['months']) - 1]}, annualised" if top["annualised"] else "the whole year"
        ),
        binding_over=bool(top["utilisation_pct"] > 100),
        binding_basis=top["capacity_basis"],
        second=second["name"],
        second_pct=fmt(second["utilisation_pct"], ".0f"),
        loosest=t.iloc[-1]["name"],
        loosest_pct=fmt(t.iloc[-1]["utilisation_pct"], ".0f"),
        unmeasured=says(missing) if missing else "none",
        n_unmeasured=len(missing),
    )


def _goals_outcome(met: list, horizon: int) -> str:
    """What the model gives the open targets, as a sentence: `met` pairs each with its year met."""
    n, reached = len(met), sum(1 for _, y in met if y)
    if not reached:
        return f"None of the {n} open targets would be met by {horizon}"
    on_time = sum(1 for g, y in met if y and y <= g["year"])
    rest = "" if reached == n else f", and the others not by {horizon}"
    return f"Of the {n} open targets, {reached} would be met, {count(on_time)} of them on time{rest}"


def model_facts(inp: Inputs) -> dict:
    s = scenarios.default(inp)
    y0 = targets.base_year(inp)
    ch = scenarios.chain_model(inp)
    r = model.run(ch, s, scenarios.HORIZON)
    # The most the route can carry with every dated project open and no other growth: the narrowest
    # link's room in the last year the model runs, whatever demand does.
    names = {lk.link: lk.name for lk in ch.links}
    last = min(ch.links, key=lambda lk: model.room(lk, scenarios.HORIZON, s, y0))
    ceiling, ceiling_link = model.room(last, scenarios.HORIZON, s, y0), names[last.link]
    bound = r[r["binding"] != model.DEMAND]
    goals = targets.open_targets(inp)
    met = [(g, model.year_met(r, g["multiple"])) for _, g in goals.iterrows()]
    late = [f"{g['label']}: {y if y else f'not by {scenarios.HORIZON}'}" for g, y in met if not y or y > g["year"]]
    b = targets.bases(inp)
    first = bound["binding"].iloc[0] if len(bound) else None
    after = r[(r["year"] > (bound["year"].iloc[0] if len(bound) else y0)) & (r["binding"] != first)]
    goal_year = model.year_met(r, float(promises.moves(inp)["value"].iloc[0]) / b["Mt"][1])
    runs = {x.name: model.run(ch, x, scenarios.HORIZON) for x in scenarios.scenarios(inp)}
    shallow = min(scenarios.scenarios(inp), key=lambda x: x.loading)
    sr = runs[shallow.name]
    sea_bound = sr[sr["binding"].map(lambda k: any(lk.link == k and lk.sea for lk in ch.links))]
    ends = {names.get(x["binding"].iloc[-1], "demand") for x in runs.values()}
    ids = inp.scenarios.loc[inp.scenarios["parameter"] == "demand_growth", "derived_from"].iloc[0].split()
    plan = inp.cargo.set_index("figure_id").loc[ids].sort_values("year")
    return dict(
        base_year=y0,
        base_mt=fmt(b["Mt"][1], ".2f"),
        base_teu=fmt(b["TEU"][1], ",.0f"),
        base_teu_year=b["TEU"][0],
        horizon=scenarios.HORIZON,
        default=s.name,
        default_growth=fmt(100 * s.demand_growth, ".1f"),
        first_bind_year=int(bound["year"].iloc[0]) if len(bound) else f"none by {scenarios.HORIZON}",
        first_bind=names[bound["binding"].iloc[0]] if len(bound) else "no link",
        carried_last=fmt(r["throughput"].iloc[-1], ".1f"),
        demand_last=fmt(r["demand"].iloc[-1], ".1f"),
        n_goals=len(goals),
        n_goals_late=count(len(late)),
        n_goals_on_time=count(sum(1 for g, y in met if y and y <= g["year"])),
        goals_outcome=_goals_outcome(met, scenarios.HORIZON),
        n_scenarios=len(scenarios.scenarios(inp)),
        shallow_loading=fmt(100 * min(x.loading for x in scenarios.scenarios(inp)), ".0f"),
        first_relief_year=int(after["year"].iloc[0]) if len(after) else f"after {scenarios.HORIZON}",
        goal_reached=f"reached in {goal_year}" if goal_year else f"not reached by {scenarios.HORIZON}",
        shallow_first_year=int(sea_bound["year"].iloc[0]) if len(sea_bound) else f"no year to {scenarios.HORIZON}",
        end_binding_same=(
            f"the {next(iter(ends))} sets the ceiling in all {len(runs)} scenarios"
            if len(ends) == 1
            else "the scenarios end with different binding links"
        ),
        route_max_multiple=fmt(ceiling, ".1f"),
        route_max_mt=fmt(ceiling * b["Mt"][1], ".1f"),
        ceiling_link=ceiling_link,
        plan_from=int(plan.iloc[0]["year"]),
        plan_to=int(plan.iloc[-1]["year"]),
    )


def dating_facts(inp: Inputs) -> dict:
    """The date the chapter's data run to and the day its rows were checked, from the rows themselves."""
    return dates.dating(inp.data_through, inp.checked_on)


@once_per_build
def facts(inp: Inputs) -> Facts:
    out = Facts(
        "mc",
        **promise_facts(inp),
        **trade_goal_facts(inp),
        **chain_facts(inp),
        **branch_facts(inp),
        **model_facts(inp),
        **sea.facts(inp),
        **timesplit.facts(inp),
        **dating_facts(inp),
    )
    return out.publish()
