"""Exercise 12.2: the computations behind the expected answers (logic only; words in tasks.yaml).

The follow-up survey is FICTIONAL (data/fictional/eastmere_returnee_followup.csv).
"""

from __future__ import annotations

import pandas as pd

from migdev.data import load

MEN, WOMEN = "men", "women"
COUNTS = ["assisted", "reached", "income_covers_needs"]


def by_sex() -> pd.DataFrame:
    """The survey summed over age groups: one row for men, one for women."""
    return load("eastmere_returnee_followup").groupby("sex")[COUNTS].sum().astype("int64")


def rate(sex: str, over: str = "reached") -> float:
    """% of returnees whose income covers basic needs, among those reached (or ``over``)."""
    table = by_sex()
    return float(table.loc[sex, "income_covers_needs"] / table.loc[sex, over] * 100)


def gap() -> float:
    """Percentage points: men's rate minus women's rate, among those reached."""
    return rate(MEN) - rate(WOMEN)


def slip_unweighted_gap() -> float:
    """The gap when each sex's rate is the plain average of its age groups' rates."""
    table = load("eastmere_returnee_followup")
    table["rate"] = table["income_covers_needs"] / table["reached"] * 100
    means = table.groupby("sex")["rate"].mean()
    return float(means[MEN] - means[WOMEN])


def slip_gap_over_assisted() -> float:
    return rate(MEN, "assisted") - rate(WOMEN, "assisted")


def slip_ratio() -> float:
    return rate(MEN) / rate(WOMEN)


def response(sex: str) -> float:
    table = by_sex()
    return float(table.loc[sex, "reached"] / table.loc[sex, "assisted"] * 100)


def response_men() -> float:
    return response(MEN)


def response_women() -> float:
    return response(WOMEN)


def response_all() -> float:
    totals = by_sex().sum()
    return float(totals["reached"] / totals["assisted"] * 100)


def rate_men() -> float:
    return rate(MEN)


def rate_women() -> float:
    return rate(WOMEN)
