"""Rebuild the course's data package from the raw source files.

Maintainer tool only: the book, the tests and the notebooks never run it. It reads the raw files
collected in the course's shared data-sources folder (see each resource's ``sources`` in
``data/datapackage.json`` for the public repository, path and commit they came from), keeps the
rows and columns the exercises need, writes the CSVs into ``data/`` and refreshes each resource's
``bytes`` and ``hash`` in ``data/datapackage.json``.

Usage::

    python data/scripts/curate.py [--sources ../shared/data-sources]

Only reshaping happens here (filtering rows, choosing columns, renaming): no value is changed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parents[1]

# The 20 focus countries of the course's source collection; the first eight applied the Handbook.
PILOT_COUNTRIES = ["BGD", "JAM", "MDA", "TUN", "ECU", "KGZ", "MAR", "SRB"]
FOCUS_COUNTRIES = PILOT_COUNTRIES + [
    "TJK", "NPL", "PHL", "MEX", "SEN", "MLI", "SLV", "HND", "HTI", "TON", "WSM", "LBN",
]
# World Bank aggregates kept for comparison.
AGGREGATES = ["WLD", "LMY"]


def financial_flows(src: Path) -> pd.DataFrame:
    df = pd.read_csv(src / "financial_flows/wdi_remittances_oda_fdi_2000_2024.csv")
    df = df[df["iso3"].isin(FOCUS_COUNTRIES + AGGREGATES)]
    cols = ["iso3", "country", "is_aggregate", "year", "remittances_received_usd",
            "oda_net_received_usd", "fdi_net_inflows_usd", "gdp_current_usd"]
    return df[cols].sort_values(["iso3", "year"])


def migrant_stock_by_destination(src: Path) -> pd.DataFrame:
    df = pd.read_csv(src / "migrant_stock/undesa_ims2020_by_destination_sex_1990_2020.csv")
    keep = df["is_country_or_area"] | (df["location_code"] == 900)  # countries, plus WORLD
    cols = ["location", "location_code", "is_country_or_area", "year", "stock_total",
            "stock_male", "stock_female", "female_pct_of_stock", "pop_thousands_total",
            "stock_pct_pop_total", "refugees"]
    return df.loc[keep, cols].sort_values(["location_code", "year"])


def immigrants_emigrants(src: Path) -> pd.DataFrame:
    df = pd.read_csv(
        src / "migrant_stock/undesa_ims2020_immigrants_emigrants_by_country_1990_2020.csv")
    cols = ["iso3", "name", "location_code", "year", "immigrants", "emigrants", "population",
            "immigrants_pct_pop", "emigrants_pct_pop", "refugees_in_country"]
    return df[cols].sort_values(["iso3", "year"])


def bilateral_stock_focus(src: Path) -> pd.DataFrame:
    df = pd.read_csv(
        src / "migrant_stock/undesa_ims2020_bilateral_origin_destination_1990_2020.csv")
    focus = df["origin_iso3"].isin(FOCUS_COUNTRIES) | df["destination_iso3"].isin(FOCUS_COUNTRIES)
    df = df[focus & (df["year"] >= 2000)]
    return df.sort_values(["origin_iso3", "destination_iso3", "year"])


BUILDERS = {
    "financial_flows": financial_flows,
    "migrant_stock_by_destination": migrant_stock_by_destination,
    "immigrants_emigrants": immigrants_emigrants,
    "bilateral_stock_focus": bilateral_stock_focus,
}


def file_facts(path: Path) -> tuple[int, str]:
    raw = path.read_bytes()
    return len(raw), hashlib.sha256(raw).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=DATA.parent.parent / "shared/data-sources")
    args = parser.parse_args()
    package_path = DATA / "datapackage.json"
    package = json.loads(package_path.read_text(encoding="utf-8"))
    for resource in package["resources"]:
        builder = BUILDERS.get(resource["name"])
        path = DATA / resource["path"]
        if builder is not None:
            builder(args.sources).to_csv(path, index=False, lineterminator="\n")
        size, digest = file_facts(path)
        resource["bytes"] = size
        resource["hash"] = f"sha256:{digest}"
        print(f"{resource['name']}: {size:,} bytes")
    package_path.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n",
                            encoding="utf-8")


if __name__ == "__main__":
    main()
