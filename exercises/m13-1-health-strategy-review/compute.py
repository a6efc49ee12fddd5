"""Exercise 13.1: health workforce density and the years needed to reach WHO's threshold
(logic only; every word is in tasks.yaml). Eastmere and its tables are FICTIONAL
(data/fictional/eastmere_health_workforce.csv, eastmere_health_workforce_flows.csv)."""

from __future__ import annotations

import pandas as pd

from migdev.data import load

THRESHOLD = 49  # doctors, nurses and midwives per 10,000 people (WHO safeguards list, real)
PER = 10_000
CADRES = ["doctors", "nurses", "midwives"]
REGION = "North"


def workforce() -> pd.DataFrame:
    """Population and health workers by region, with a national total row (FICTIONAL)."""
    table = load("eastmere_health_workforce").set_index("region")
    table.loc["Eastmere"] = table.sum()
    return table


def flows() -> pd.DataFrame:
    return load("eastmere_health_workforce_flows").set_index("scenario")


def _density(row: pd.Series, cadres=CADRES, population=None, per=PER) -> float:
    population = row["population"] if population is None else population
    return float(row[cadres].sum() / population * per)


# ---------------------------------------------------------------- task 2: density in the North
def north_density():
    return _density(workforce().loc[REGION])


def national_density():
    return _density(workforce().loc["Eastmere"])


def north_nurses_only():
    return _density(workforce().loc[REGION], cadres=["nurses"])


def north_per_1000():
    return _density(workforce().loc[REGION], per=1_000)


def north_per_person():
    return _density(workforce().loc[REGION], per=1)


def north_national_population():
    return _density(workforce().loc[REGION], population=workforce().loc["Eastmere", "population"])


# ---------------------------------------------------------------- task 3: years to the threshold
def gap_workers() -> float:
    """Health workers Eastmere lacks to reach the threshold (national)."""
    nation = workforce().loc["Eastmere"]
    return float(THRESHOLD * nation["population"] / PER - nation[CADRES].sum())


def gap_density() -> float:
    return THRESHOLD - national_density()


def _years(scenario: str, returns=True, retirement=True, gap=None) -> float:
    row = flows().loc[scenario]
    net = (
        row["graduates"]
        + (row["returns"] if returns else 0)
        - (row["exits_retirement"] if retirement else 0)
        - row["emigration"]
    )
    return float((gap_workers() if gap is None else gap) / net)


def years_current():
    return _years("current")


def years_training():
    return _years("training_only")


def years_training_no_returns():
    return _years("training_only", returns=False)


def years_training_no_retirement():
    return _years("training_only", retirement=False)


def years_training_density_gap():
    return _years("training_only", gap=gap_density())


def years_mainstreamed():
    return _years("mainstreamed")


def years_mainstreamed_no_returns():
    return _years("mainstreamed", returns=False)


def years_mainstreamed_no_retirement():
    return _years("mainstreamed", retirement=False)


def years_mainstreamed_density_gap():
    return _years("mainstreamed", gap=gap_density())


def scenario_years() -> pd.DataFrame:
    """Net yearly change and years to the threshold, for each scenario (FICTIONAL data)."""
    table = flows()
    table["net_change"] = (
        table["graduates"] + table["returns"] - table["exits_retirement"] - table["emigration"]
    )
    table["years_to_threshold"] = (gap_workers() / table["net_change"]).round(1)
    return table
