"""SLBFE departures for foreign employment by destination, Sri Lanka, 2021 and 2022 (Exercise 11.1)."""

from pathlib import Path

import pandas as pd

RESOURCE = "slbfe_departures_by_destination"


def extract(src: Path) -> pd.DataFrame:
    df = pd.read_csv(src / "labour_migration/sri_lanka_slbfe_departures_by_destination_2021_2022.csv")
    return df[["year", "destination", "departures_for_foreign_employment"]].sort_values(
        ["year", "destination"]
    )
