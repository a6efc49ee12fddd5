"""Exercise 12.1: the computations behind the expected answers (logic only; words in tasks.yaml).

UNHCR end-year stocks and flows during the year (unhcr_*_focus); WDI population
(population_net_migration). Functions that take ``iso3`` work for any focus country.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from migdev.data import load

MALI, YEAR, HOSTS_YEAR, FIRST, LAST = "MLI", 2024, 2025, 2013, 2025
PER = 100_000


def country_by_year(iso3: str = MALI) -> pd.DataFrame:
    """One row a year: refugees abroad and IDPs (end-year stocks); returns during the year."""
    origin = load("unhcr_by_origin_focus").query("iso3 == @iso3").set_index("year")
    inside = load("unhcr_by_asylum_focus").query("iso3 == @iso3").set_index("year")
    returns = load("unhcr_solutions_focus").query("coo_iso == @iso3").groupby("year").sum(numeric_only=True)
    table = pd.DataFrame(
        {
            "refugees_abroad": origin["refugees"] + origin["oip"].fillna(0),
            "asylum_seekers_abroad": origin["asylum_seekers"],
            "idps": inside["idps"],
            "refugee_returns": returns["returned_refugees"],
            "idp_returns": inside["returned_idps"],
        }
    )
    return table.fillna(0).astype("int64").rename_axis("year")


def per_100k(refugees: float, iso3: str = MALI, year: int = YEAR, add: bool = True) -> float:
    population = load("population_net_migration").query("iso3 == @iso3 and year == @year")
    return refugees / (float(population["population"].iloc[0]) + refugees * add) * PER


def indicator_10_7_4(iso3: str = MALI, year: int = YEAR) -> float:
    return per_100k(float(country_by_year(iso3).loc[year, "refugees_abroad"]), iso3, year)


def slip_not_in_denominator() -> float:
    return per_100k(float(country_by_year().loc[YEAR, "refugees_abroad"]), add=False)


def slip_with_asylum_seekers() -> float:
    return per_100k(float(country_by_year().loc[YEAR, ["refugees_abroad", "asylum_seekers_abroad"]].sum()))


def slip_hosted_refugees() -> float:
    hosted = load("unhcr_by_asylum_focus").query("iso3 == @MALI and year == @YEAR")
    return per_100k(float(hosted["refugees"].iloc[0]))


def slip_latest_year() -> float:
    return indicator_10_7_4(year=LAST)


def slip_proportion() -> float:
    return indicator_10_7_4() / PER


def slip_percent() -> float:
    return indicator_10_7_4() / PER * 100


def hosts(iso3: str = MALI, year: int = HOSTS_YEAR) -> pd.DataFrame:
    """Countries hosting refugees from ``iso3`` at the end of ``year``, in alphabetical order."""
    data = load("unhcr_bilateral_focus").query("coo_iso == @iso3 and year == @year")
    data = data[data["refugees"] > 0].sort_values("coa_name")
    return (
        data[["coa_name", "refugees", "asylum_seekers"]]
        .rename(columns={"coa_name": "host"})
        .reset_index(drop=True)
        .astype({"host": str})
    )


def _top_share(columns: list[str], among: int | None = None) -> float:
    table = hosts()
    values = table[columns].sum(axis=1)
    top = values[table["refugees"].idxmax()]
    return float(top / (values.nlargest(among).sum() if among else values.sum()) * 100)


def top_host() -> str:
    table = hosts()
    return str(table.loc[table["refugees"].idxmax(), "host"])


def top_host_share() -> float:
    return _top_share(["refugees"])


def slip_share_of_six() -> float:
    return _top_share(["refugees"], among=6)


def slip_share_asylum_seekers() -> float:
    return _top_share(["asylum_seekers"])


def returns_total(first: int = FIRST, column: str = "refugee_returns") -> int:
    return int(country_by_year().loc[first:LAST, column].sum())


def slip_idp_returns() -> int:
    return returns_total(column="idp_returns")


def slip_from_2012() -> int:
    return returns_total(first=FIRST - 1)


def slip_population_table_returns() -> int:
    inside = load("unhcr_by_asylum_focus").query("iso3 == @MALI").set_index("year")
    return int(inside.loc[FIRST:LAST, "returned_refugees"].sum())


def _task(task_id: str) -> dict:
    spec = yaml.safe_load(Path(__file__).with_name("tasks.yaml").read_text(encoding="utf-8"))
    return next(task for task in spec["tasks"] if task["id"] == task_id)


def stock_reading() -> str:
    """Task 4: the right reading depends on whether the stock of refugees abroad rose."""
    stock = country_by_year()["refugees_abroad"]
    options = [option["text"] for option in _task("4")["options"]]
    return options[1] if stock[LAST] > stock[FIRST - 1] else options[2]


def statements() -> dict[str, str]:
    """Task 5: each statement's truth, computed from the table (items in tasks.yaml order)."""
    table = country_by_year()
    truths = [
        table.loc[LAST, "idps"] > table.loc[LAST, "refugees_abroad"],
        table.loc[LAST, "idps"] > table.loc[FIRST - 1, "idps"],
        table["idp_returns"].idxmax() == LAST,
        table["refugee_returns"].idxmax() == table["idp_returns"].idxmax(),
    ]
    task = _task("5")
    true, false = task["categories"]
    return {item["text"]: true if truth else false for item, truth in zip(task["items"], truths, strict=True)}
