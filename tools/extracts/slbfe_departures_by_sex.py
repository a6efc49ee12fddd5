"""SLBFE departures for foreign employment by sex, Sri Lanka, 2021 and 2022 (Exercise 11.1)."""

from pathlib import Path

import pandas as pd

RESOURCE = "slbfe_departures_by_sex"


def extract(src: Path) -> pd.DataFrame:
    df = pd.read_csv(src / "labour_migration/sri_lanka_slbfe_departures_by_sex_2021_2022.csv")
    return df[["year", "male", "female", "total"]].sort_values("year")
