"""UNHCR refugees, asylum seekers and other people in need of international protection, by
country of origin, for the 20 focus countries, 2000-2025 (Exercise 12.1)."""

from pathlib import Path

import pandas as pd

from tools.curate_data import FOCUS_COUNTRIES

RESOURCE = "unhcr_by_origin_focus"


def extract(src: Path) -> pd.DataFrame:
    df = pd.read_csv(src / "refugees/unhcr_by_country_of_origin_2000_2025.csv")
    df = df[df["iso3"].isin(FOCUS_COUNTRIES)]
    cols = ["iso3", "country_of_origin", "year", "refugees", "asylum_seekers", "oip"]
    return df[cols].astype({"oip": "Int64"}).sort_values(["iso3", "year"])
