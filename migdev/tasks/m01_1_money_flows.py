"""Exercise m01-1, money flows compared: remittances, ODA and FDI for one country, 2000-2023."""

from __future__ import annotations

import pandas as pd

from migdev import checks, countries
from migdev.data import load
from migdev.tasks import TaskSet

TASKS = TaskSet("m01-1-money-flows", params={"country": "Moldova"})
FIRST_YEAR, LAST_YEAR = 2000, 2023
FLOWS = {"remittances": "remittances_received_usd", "ODA": "oda_net_received_usd",
         "FDI": "fdi_net_inflows_usd"}


def country_flows(country: str) -> pd.DataFrame:
    """The three flows and GDP for one country, 2000-2023: US$ and % of GDP, one row a year."""
    iso3 = countries.resolve(country)
    data = load("financial_flows")
    data = data[(data["iso3"] == iso3) & data["year"].between(FIRST_YEAR, LAST_YEAR)]
    table = data.set_index("year")[list(FLOWS.values()) + ["gdp_current_usd"]]
    table.columns = list(FLOWS) + ["GDP"]
    for flow in FLOWS:
        table[f"{flow} % of GDP"] = 100 * table[flow] / table["GDP"]
    return table


def years_with_a_fall(flows: pd.DataFrame) -> pd.Series:
    """For each flow, the number of years in which it was lower (in US$) than the year before."""
    changes = flows[list(FLOWS)].diff()
    return (changes < 0).sum()


@TASKS.task("1", "a number: remittances received in 2023, in US$ billion")
def remittances_2023(answer, country):
    expected = country_flows(country).loc[LAST_YEAR, "remittances"] / 1e9
    return checks.check_number("1", answer, expected, tolerance=max(0.02 * expected, 0.005),
                               unit="US$ billion",
                               hint="Read the 2023 row of the table and divide US$ by 1,000,000,000.")


@TASKS.task("2", "a number: remittances in 2023 as a percentage of GDP")
def remittances_share_2023(answer, country):
    expected = country_flows(country).loc[LAST_YEAR, "remittances % of GDP"]
    return checks.check_number("2", answer, expected, tolerance=0.1, unit="% of GDP",
                               hint="Divide remittances by GDP for 2023, then multiply by 100.")


def largest_on_average(country: str) -> str:
    flows = country_flows(country)
    averages = {flow: flows[f"{flow} % of GDP"].mean() for flow in FLOWS}
    return max(averages, key=averages.get)


@TASKS.task("3", 'one of "remittances", "ODA" or "FDI"')
def largest_flow(answer, country):
    return checks.check_choice(
        "3", answer, largest_on_average(country), FLOWS,
        hint="Compare the averages over 2000-2023 in the 'average % of GDP' row.")


@TASKS.task("4", "a whole number of years")
def remittance_falls(answer, country):
    expected = int(years_with_a_fall(country_flows(country))["remittances"])
    return checks.check_number("4", answer, expected, tolerance=0, unit="years",
                               hint="Count the years in which remittances were lower than the "
                                    "year before; the prepared cell shows the count.")


@TASKS.task("5", 'one of "remittances", "ODA" or "FDI"')
def steadiest_flow(answer, country):
    falls = years_with_a_fall(country_flows(country))
    steadiest = [flow for flow in FLOWS if falls[flow] == falls.min()]
    chosen = getattr(answer, "value", answer)
    # Ties: every flow with the fewest falls is a right answer.
    expected = chosen if isinstance(chosen, str) and chosen in steadiest else steadiest[0]
    return checks.check_choice("5", answer, expected, FLOWS,
                               hint="The steadiest flow is the one that fell in the fewest years.")
