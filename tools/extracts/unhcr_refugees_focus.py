"""Refugees and asylum seekers hosted by the 20 focus countries, 2000-2025 (Exercise 13.2)."""

from pathlib import Path

import pandas as pd

from tools.curate_data import FOCUS_COUNTRIES as FOCUS

RESOURCE = "unhcr_refugees_focus"


def extract(src: Path) -> pd.DataFrame:
    df = pd.read_csv(src / "refugees/unhcr_by_country_of_asylum_2000_2025.csv")
    df = df[df["iso3"].isin(FOCUS)]
    return df[["iso3", "country_of_asylum", "year", "refugees", "asylum_seekers"]]
