"""UNHCR figures by country of asylum (refugees hosted, IDPs, returns) for the focus countries,
2000-2025 (Exercise 12.1)."""

from pathlib import Path

import pandas as pd

from tools.curate_data import FOCUS_COUNTRIES

RESOURCE = "unhcr_by_asylum_focus"


def extract(src: Path) -> pd.DataFrame:
    df = pd.read_csv(src / "refugees/unhcr_by_country_of_asylum_2000_2025.csv")
    df = df[df["iso3"].isin(FOCUS_COUNTRIES)]
    cols = [
        "iso3",
        "country_of_asylum",
        "year",
        "refugees",
        "asylum_seekers",
        "returned_refugees",
        "idps",
        "returned_idps",
        "oip",
    ]
    return df[cols].astype({"oip": "Int64"}).sort_values(["iso3", "year"])
