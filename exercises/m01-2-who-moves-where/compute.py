"""Exercise 1.2: the computations behind the expected answers (logic only; words in tasks.yaml)."""

from pathlib import Path

import pandas as pd

from migdev import countries
from migdev.data import load
from migdev.taskfile import read

YEAR = 2020


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


def emigrants_2020(country: str) -> float:
    """In millions."""
    return stocks(country)["emigrants"] / 1e6


def origin_or_destination(country: str) -> str:
    """Task 2's first option (origin) when emigrants outnumber immigrants, else its second."""
    options = [o["text"] for o in read(Path(__file__).with_name("tasks.yaml"))["tasks"][1]["options"]]
    figures = stocks(country)
    return options[0] if figures["emigrants"] > figures["immigrants"] else options[1]


def top_destination(country: str) -> str:
    return corridors(country).loc[0, "destination_iso3"]


def top_three(country: str) -> list[str]:
    return list(corridors(country).loc[:2, "destination_iso3"])


def women_share(country: str) -> float:
    table = corridors(country)
    return 100 * table["stock_female"].sum() / table["stock_total"].sum()
