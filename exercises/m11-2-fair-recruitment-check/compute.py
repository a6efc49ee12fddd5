"""Exercise 11.2: the computations behind the expected answers (logic only; words in tasks.yaml).

The Eastmere survey is FICTIONAL (data/fictional/eastmere_recruitment_survey.csv).
"""

from __future__ import annotations

import pandas as pd

from migdev.data import load

PRIVATE, G2G = "private agency", "government-to-government"


def survey() -> pd.DataFrame:
    """The survey with each worker's ``months`` of pay: recruitment cost / first month's earnings."""
    table = load("eastmere_recruitment_survey")
    table["months"] = table["recruitment_cost_usd"] / table["first_month_earnings_usd"]
    return table


def indicator() -> float:
    return float(survey()["months"].mean())


def ratio_of_totals() -> float:
    table = survey()
    return float(table["recruitment_cost_usd"].sum() / table["first_month_earnings_usd"].sum())


def inverted_mean() -> float:
    table = survey()
    return float((table["first_month_earnings_usd"] / table["recruitment_cost_usd"]).mean())


def median_months() -> float:
    return float(survey()["months"].median())


def mean_for(column: str, value: str, measure: str = "months") -> float:
    table = survey()
    return float(table.loc[table[column] == value, measure].mean())


def women() -> float:
    return mean_for("sex", "F")


def men() -> float:
    return mean_for("sex", "M")


def channel_gap() -> float:
    """Months of pay: private agencies minus the government-to-government scheme."""
    return mean_for("channel", PRIVATE) - mean_for("channel", G2G)


def channel_cost_gap() -> float:
    """The same gap in US$ of cost (the slip of comparing costs, not months of pay)."""
    cost = "recruitment_cost_usd"
    return mean_for("channel", PRIVATE, cost) - mean_for("channel", G2G, cost)
