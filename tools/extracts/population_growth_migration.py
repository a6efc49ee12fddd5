"""Population growth with and without migration, 20 focus countries, 2000-2021 (Exercise 13.2)."""

from pathlib import Path

import pandas as pd

from tools.curate_data import FOCUS_COUNTRIES as FOCUS

RESOURCE = "population_growth_migration"


def extract(src: Path) -> pd.DataFrame:
    df = pd.read_csv(src / "context/owid_unwpp_population_growth_with_without_migration_1950_2021.csv")
    df = df[df["code"].isin(FOCUS) & df["year"].between(2000, 2021)]
    df = df.rename(columns={"entity": "country", "code": "iso3"})
    return df[["iso3", "country", "year", "growth_rate_pct", "natural_growth_rate_pct"]]
