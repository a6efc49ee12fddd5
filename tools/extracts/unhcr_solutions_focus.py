"""UNHCR solutions (returns, resettlement, naturalisation) by country of origin and country of
asylum, for origins among the focus countries, 2000-2025 (Exercise 12.1)."""

from pathlib import Path

import pandas as pd

from tools.curate_data import FOCUS_COUNTRIES

RESOURCE = "unhcr_solutions_focus"
FLOWS = ["returned_refugees", "resettlement", "naturalisation", "returned_idps"]


def extract(src: Path) -> pd.DataFrame:
    df = pd.read_csv(src / "refugees/unhcr_solutions_returns_resettlement_2000_2025.csv")
    df = df[df["coo_iso"].isin(FOCUS_COUNTRIES)]
    cols = ["year", "coo_name", "coo_iso", "coa_name", "coa_iso", *FLOWS]
    return df[cols].astype({flow: "Int64" for flow in FLOWS}).sort_values(["coo_iso", "year", "coa_iso"])
