"""Exercise m01-2, who moves where: migrant stock, emigrants, corridors and women's share."""

from __future__ import annotations

import pandas as pd

from migdev import checks, countries
from migdev.data import load
from migdev.tasks import TaskSet

TASKS = TaskSet("m01-2-who-moves-where", params={"country": "Bangladesh"})
YEAR = 2020
ORIGIN = "mainly a country of origin"
DESTINATION = "mainly a country of destination"


def stocks(country: str) -> pd.Series:
    """Immigrants, emigrants and population of one country in 2020."""
    iso3 = countries.resolve(country)
    data = load("immigrants_emigrants")
    row = data[(data["iso3"] == iso3) & (data["year"] == YEAR)]
    return row.iloc[0][["immigrants", "emigrants", "population"]]


def corridors(country: str) -> pd.DataFrame:
    """Where the country's emigrants lived in 2020, largest corridor first."""
    iso3 = countries.resolve(country)
    data = load("bilateral_stock_focus")
    rows = data[(data["origin_iso3"] == iso3) & (data["year"] == YEAR)]
    return rows.sort_values("stock_total", ascending=False)[
        ["destination", "destination_iso3", "stock_total", "stock_male", "stock_female"]
    ].reset_index(drop=True)


@TASKS.task("1", "a number: emigrants in 2020, in millions")
def emigrants_2020(answer, country):
    expected = stocks(country)["emigrants"] / 1e6
    return checks.check_number("1", answer, expected, tolerance=max(0.02 * expected, 0.005),
                               unit="million",
                               hint="Read 'emigrants' for 2020 and divide by 1,000,000.")


@TASKS.task("2", f'"{ORIGIN}" or "{DESTINATION}"')
def origin_or_destination(answer, country):
    figures = stocks(country)
    expected = ORIGIN if figures["emigrants"] > figures["immigrants"] else DESTINATION
    return checks.check_choice("2", answer, expected, [ORIGIN, DESTINATION],
                               hint="Compare the number of emigrants with the number of immigrants.")


@TASKS.task("3", "a country name in quotes")
def top_destination(answer, country):
    return checks.check_country("3", answer, corridors(country).loc[0, "destination_iso3"],
                                hint="The first row of the corridor table is the largest.")


@TASKS.task("4", 'a list of three country names, e.g. ["Italy", "Spain", "France"]')
def top_three(answer, country):
    expected = list(corridors(country).loc[:2, "destination_iso3"])
    return checks.check_countries("4", answer, expected,
                                  hint="Take the first three rows of the corridor table.")


@TASKS.task("5", "a number: women's share of emigrants in 2020, in %")
def women_share(answer, country):
    table = corridors(country)
    expected = 100 * table["stock_female"].sum() / table["stock_total"].sum()
    return checks.check_number("5", answer, expected, tolerance=0.5, unit="%",
                               hint="Divide the women living abroad by all emigrants in the "
                                    "corridor table, then multiply by 100.")
