"""UNHCR refugees and asylum seekers by country of origin and country of asylum, for origins
among the focus countries, 2010-2025 (Exercise 12.1)."""

from pathlib import Path

import pandas as pd

from tools.curate_data import FOCUS_COUNTRIES

RESOURCE = "unhcr_bilateral_focus"


def extract(src: Path) -> pd.DataFrame:
    df = pd.read_csv(src / "refugees/unhcr_bilateral_refugees_asylum_2010_2025.csv")
    df = df[df["coo_iso"].isin(FOCUS_COUNTRIES)]
    cols = ["year", "coo_iso", "coa_name", "coa_iso", "refugees", "asylum_seekers", "oip"]
    return df[cols].astype({"oip": "Int64"}).sort_values(["coo_iso", "year", "coa_iso"])
