"""Exercise 1.1: the computations behind the expected answers (logic only; words in tasks.yaml)."""

import pandas as pd

from migdev import countries
from migdev.data import load

FIRST_YEAR, LAST_YEAR = 2000, 2023
FLOWS = {
    "remittances": "remittances_received_usd",
    "ODA": "oda_net_received_usd",
    "FDI": "fdi_net_inflows_usd",
}


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
    return (flows[list(FLOWS)].diff() < 0).sum()


def remittances_2023(country: str) -> float:
    """US$ billion."""
    return country_flows(country).loc[LAST_YEAR, "remittances"] / 1e9


def remittances_share_2023(country: str) -> float:
    return country_flows(country).loc[LAST_YEAR, "remittances % of GDP"]


def largest_on_average(country: str) -> str:
    flows = country_flows(country)
    averages = {flow: flows[f"{flow} % of GDP"].mean() for flow in FLOWS}
    return max(averages, key=averages.get)


def remittance_falls(country: str) -> int:
    return int(years_with_a_fall(country_flows(country))["remittances"])


def steadiest_flows(country: str) -> list[str]:
    """Every flow with the fewest falls (ties: each is a right answer)."""
    falls = years_with_a_fall(country_flows(country))
    return [flow for flow in FLOWS if falls[flow] == falls.min()]
