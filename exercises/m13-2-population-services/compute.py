"""Exercise 13.2: how migration changes the population that services plan for (logic only; every
word is in tasks.yaml). Data: UN WPP growth rates (population_growth_migration), UN DESA migrant
stock (immigrants_emigrants) and UNHCR refugee statistics (unhcr_refugees_focus)."""

from __future__ import annotations

import math

import pandas as pd

from migdev.data import load

FIRST, LAST = 2012, 2021
PILOTS = ["BGD", "JAM", "MDA", "TUN", "ECU", "KGZ", "MAR", "SRB"]
COUNTRY, HOST, YEAR = "MDA", "LBN", 2020


def growth(iso3: str = COUNTRY, first: int = FIRST, last: int = LAST) -> pd.DataFrame:
    """Growth and natural growth (% a year) of one country, one row a year."""
    data = load("population_growth_migration")
    data = data[(data["iso3"] == iso3) & data["year"].between(first, last)]
    return data.set_index("year")[["growth_rate_pct", "natural_growth_rate_pct"]]


def _contribution(iso3: str = COUNTRY, first: int = FIRST, last: int = LAST) -> float:
    table = growth(iso3, first, last)
    return float((table["growth_rate_pct"] - table["natural_growth_rate_pct"]).mean())


# ---------------------------------------------------------------- task 1
def contribution():
    return _contribution()


def contribution_reversed():
    return -_contribution()


def total_growth_only():
    return float(growth()["growth_rate_pct"].mean())


def contribution_2011_2021():
    return _contribution(first=FIRST - 1)


def contribution_2011_2020():
    return _contribution(first=FIRST - 1, last=LAST - 1)


# ---------------------------------------------------------------- task 2
def pilot_contributions() -> pd.Series:
    """Average yearly contribution of net migration, 2012-2021, by pilot country (name)."""
    names = load("population_growth_migration").drop_duplicates("iso3").set_index("iso3")["country"]
    return pd.Series({names[c]: _contribution(c) for c in PILOTS}).sort_values()


def largest_gain() -> str:
    return pilot_contributions().idxmax()


# ---------------------------------------------------------------- task 3
def indexes(iso3: str = COUNTRY) -> pd.DataFrame:
    """Population index (2011 = 100) with and without net migration, one row a year."""
    table = growth(iso3)
    return pd.DataFrame(
        {
            "actual": 100 * (1 + table["growth_rate_pct"] / 100).cumprod(),
            "without_migration": 100 * (1 + table["natural_growth_rate_pct"] / 100).cumprod(),
        }
    ).round(2)


def _last() -> pd.Series:
    return indexes().iloc[-1]


def larger_without_migration():
    return float(100 * (_last()["without_migration"] / _last()["actual"] - 1))


def index_point_gap():
    return float(_last()["without_migration"] - _last()["actual"])


def ratio_reversed():
    return float(100 * (_last()["actual"] / _last()["without_migration"] - 1))


def summed_differences():
    return -10 * _contribution()


def exponential_version():
    return 100 * (math.exp(-10 * _contribution() / 100) - 1)


# ---------------------------------------------------------------- task 4
def lebanon() -> pd.DataFrame:
    """Lebanon, 2020: UN DESA population and refugees, UNHCR refugees and asylum seekers."""
    desa = load("immigrants_emigrants").query("iso3 == @HOST and year == @YEAR")
    unhcr = load("unhcr_refugees_focus").query("iso3 == @HOST and year == @YEAR")
    return pd.DataFrame(
        {
            "desa_population": desa["population"].to_numpy(),
            "desa_immigrants": desa["immigrants"].to_numpy(),
            "desa_refugees_in_country": desa["refugees_in_country"].to_numpy(),
            "unhcr_refugees": unhcr["refugees"].to_numpy(),
            "unhcr_asylum_seekers": unhcr["asylum_seekers"].to_numpy(),
        },
        index=[YEAR],
    ).astype("int64")


def _share(column: str | list[str]) -> float:
    row = lebanon().iloc[0]
    return float(100 * row[column if isinstance(column, list) else [column]].sum() / row["desa_population"])


def desa_share():
    return _share("desa_refugees_in_country")


def immigrant_share():
    return _share("desa_immigrants")


def unhcr_share():
    return _share(["unhcr_refugees", "unhcr_asylum_seekers"])


def unhcr_refugees_only():
    return _share("unhcr_refugees")
