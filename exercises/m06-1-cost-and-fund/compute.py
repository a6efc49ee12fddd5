"""Exercise 6.1: the computations behind the expected answers (logic only; words in tasks.yaml).

The Eastmere tables are FICTIONAL (data/fictional/eastmere_budget_lines.csv and
eastmere_funding_commitments.csv).
"""

import math

import pandas as pd

from migdev.data import load

DOMESTIC = "Domestic budget"


def costed(budget: pd.DataFrame | None = None) -> pd.DataFrame:
    """The budget lines with ``cost_usd = unit_cost_usd x quantity``."""
    budget = load("eastmere_budget_lines") if budget is None else budget.copy()
    budget["cost_usd"] = budget["unit_cost_usd"] * budget["quantity"]
    return budget


def _committed(funding: pd.DataFrame | None = None) -> pd.DataFrame:
    funding = load("eastmere_funding_commitments") if funding is None else funding
    return funding[funding["status"] == "committed"]


def total_cost() -> float:
    return float(costed()["cost_usd"].sum())


def unit_costs_added() -> float:
    return float(costed()["unit_cost_usd"].sum())


def committed_funds() -> float:
    return float(_committed()["amount_usd"].sum())


def all_funds() -> float:
    """Committed and pledged together (the slip of counting a letter of interest)."""
    return float(load("eastmere_funding_commitments")["amount_usd"].sum())


def funding_gap() -> float:
    return total_cost() - committed_funds()


def gap_with_pledges() -> float:
    return total_cost() - all_funds()


def gap_reversed() -> float:
    return -funding_gap()


def gap_share() -> float:
    return 100 * funding_gap() / total_cost()


def gap_over_committed() -> float:
    return 100 * funding_gap() / committed_funds()


def funded_share() -> float:
    return 100 * committed_funds() / total_cost()


def funding_mix(funding: pd.DataFrame | None = None) -> pd.Series:
    """Share of committed funds (%) by type of source, largest first."""
    totals = _committed(funding).groupby("source_type")["amount_usd"].sum()
    return (100 * totals / totals.sum()).sort_values(ascending=False).rename("share of committed funds (%)")


def domestic_over_cost() -> float:
    """Every domestic row divided by the total cost (the slip of using the wrong base)."""
    funding = load("eastmere_funding_commitments")
    return 100 * float(funding.loc[funding["source_type"] == DOMESTIC, "amount_usd"].sum()) / total_cost()


def check_total_cost(task, answer):
    """Task 1: a number check whose slips name the budget line left out."""
    budget, expected = costed(), total_cost()
    slips = [(unit_costs_added(), task.say("unit_costs_added"))]
    for line in budget.itertuples():
        advice = task.say("line_missing", line_id=line.line_id, budget_line=line.budget_line)
        slips.append((expected - float(line.cost_usd), advice))
    return task.check_number(answer, expected, slips=slips)


def check_domestic_share(task, answer):
    """Task 3: a number check that, when right, lists the shares of the other sources."""
    mix = funding_mix()
    feedback = task.check_number(answer, float(mix.get(DOMESTIC, 0.0)))
    if feedback.correct:
        shares = mix.drop(DOMESTIC, errors="ignore").items()
        others = "; ".join(task.say("source_share", source=source, share=share) for source, share in shares)
        total = task.say("shares_total", total=mix.sum(), committed=committed_funds())
        feedback.details = [task.say("other_sources", others=others), total]
    return feedback


def recurrent_share() -> float:
    """Going further 1: % of the total cost that is recurrent."""
    budget = costed()
    return 100 * float(budget.loc[budget["cost_type"] == "recurrent", "cost_usd"].sum()) / total_cost()


def cuts_to_close_gap(floor_consultations: int = 3) -> tuple[int, int]:
    """Going further 2: (consultations B03 cut, sessions B06 cut) to close the funding gap."""
    budget = costed().set_index("line_id")
    gap = funding_gap()
    if gap <= 0:
        return 0, 0
    consultation, session = budget.loc["B03", "unit_cost_usd"], budget.loc["B06", "unit_cost_usd"]
    cut_c = min(int(budget.loc["B03", "quantity"]) - floor_consultations, math.ceil(gap / consultation))
    cut_s = max(0, math.ceil((gap - consultation * cut_c) / session))
    return cut_c, cut_s
