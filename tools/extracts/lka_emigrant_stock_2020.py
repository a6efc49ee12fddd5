"""People born in Sri Lanka living abroad in 2020, by country of residence and sex (Exercise 11.1)."""

from pathlib import Path

import pandas as pd

RESOURCE = "lka_emigrant_stock_2020"


def extract(src: Path) -> pd.DataFrame:
    df = pd.read_csv(src / "migrant_stock/undesa_ims2020_bilateral_origin_destination_1990_2020.csv")
    df = df[(df["origin_iso3"] == "LKA") & (df["year"] == 2020)]
    cols = ["destination", "destination_iso3", "stock_total", "stock_male", "stock_female"]
    return df[cols].sort_values("stock_total", ascending=False)
