"""Extract: World Bank bilateral estimates of migrant stocks in 2017, for emigrants of the 20 focus
countries (rows filtered only; every value as published).

Source file: migrant_stock/wb_bilateral_migration_matrix_2017.csv of the course's data sources
(hbenveniste/mig-fund, input_data/WB_Bilateral_Estimates_Migrant_Stocks_2017.xlsx).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from tools.curate_data import FOCUS_COUNTRIES as FOCUS

RESOURCE = "bilateral_migrants_2017"
COLUMNS = ["origin_country", "origin_iso3", "destination_country", "destination_iso3", "migrants"]


def extract(src: Path) -> pd.DataFrame:
    """Rows whose country of origin is a focus country, in the source's order."""
    frame = pd.read_csv(
        src / "migrant_stock/wb_bilateral_migration_matrix_2017.csv", keep_default_na=False, na_values=[""]
    )
    return frame.loc[frame["origin_iso3"].isin(FOCUS), COLUMNS].reset_index(drop=True)
