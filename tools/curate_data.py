"""Rebuild the course's data package from the raw source files.

Maintainer tool only: the book, the tests and the notebooks never run it. It reads the raw files
collected in the course's shared data-sources folder (see each resource's ``sources`` in
``data/datapackage.json`` for the public repository, path and commit they came from), keeps the
rows and columns the exercises need, writes the CSVs into ``data/`` and refreshes each resource's
``bytes`` and ``hash`` in ``data/datapackage.json``.

Usage::

    python -m tools.curate_data [--sources ../shared/data-sources]
    python -m tools.curate_data --hashes-only     # after editing a table by hand (e.g. a
                                                  # FICTIONAL case): refresh sizes and hashes

An extract is a function here (``BUILDERS``) or a module of ``tools/extracts/`` that defines
``RESOURCE`` (the resource's name) and ``extract(src) -> DataFrame``.
Only reshaping happens here (filtering rows, choosing columns, renaming): no value is changed.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parents[1] / "data"

# The 20 focus countries of the course's source collection; the first eight applied the Handbook.
PILOT_COUNTRIES = ["BGD", "JAM", "MDA", "TUN", "ECU", "KGZ", "MAR", "SRB"]
FOCUS_COUNTRIES = PILOT_COUNTRIES + [
    "TJK",
    "NPL",
    "PHL",
    "MEX",
    "SEN",
    "MLI",
    "SLV",
    "HND",
    "HTI",
    "TON",
    "WSM",
    "LBN",
]
# World Bank aggregates kept for comparison.
AGGREGATES = ["WLD", "LMY"]
# Large countries of destination, for the destination-side exercises.
DESTINATIONS = ["USA", "RUS", "ARE", "SAU", "DEU", "GBR", "FRA", "ITA", "ESP", "KAZ", "CAN"]


def financial_flows(src: Path) -> pd.DataFrame:
    df = pd.read_csv(src / "financial_flows/wdi_remittances_oda_fdi_2000_2024.csv")
    df = df[df["iso3"].isin(FOCUS_COUNTRIES + AGGREGATES)]
    cols = [
        "iso3",
        "country",
        "is_aggregate",
        "year",
        "remittances_received_usd",
        "oda_net_received_usd",
        "fdi_net_inflows_usd",
        "gdp_current_usd",
    ]
    return df[cols].sort_values(["iso3", "year"])


def migrant_stock_by_destination(src: Path) -> pd.DataFrame:
    df = pd.read_csv(src / "migrant_stock/undesa_ims2020_by_destination_sex_1990_2020.csv")
    keep = df["is_country_or_area"] | (df["location_code"] == 900)  # countries, plus WORLD
    cols = [
        "location",
        "location_code",
        "is_country_or_area",
        "year",
        "stock_total",
        "stock_male",
        "stock_female",
        "female_pct_of_stock",
        "pop_thousands_total",
        "stock_pct_pop_total",
        "refugees",
    ]
    return df.loc[keep, cols].sort_values(["location_code", "year"])


def immigrants_emigrants(src: Path) -> pd.DataFrame:
    df = pd.read_csv(src / "migrant_stock/undesa_ims2020_immigrants_emigrants_by_country_1990_2020.csv")
    cols = [
        "iso3",
        "name",
        "location_code",
        "year",
        "immigrants",
        "emigrants",
        "population",
        "immigrants_pct_pop",
        "emigrants_pct_pop",
        "refugees_in_country",
    ]
    return df[cols].sort_values(["iso3", "year"])


def bilateral_stock_focus(src: Path) -> pd.DataFrame:
    df = pd.read_csv(src / "migrant_stock/undesa_ims2020_bilateral_origin_destination_1990_2020.csv")
    focus = df["origin_iso3"].isin(FOCUS_COUNTRIES) | df["destination_iso3"].isin(FOCUS_COUNTRIES)
    df = df[focus & (df["year"] >= 2000)]
    return df.sort_values(["origin_iso3", "destination_iso3", "year"])


def sdg_10_7_2_policies(src: Path) -> pd.DataFrame:
    df = pd.read_csv(src / "policy/sdg_10_7_2_migration_policies_all_domains_2019_2021.csv")
    return df.rename(columns={"sg_cpa_migrs_all_domains_score": "score"}).sort_values(["iso3", "year"])


def remittance_costs_corridors(src: Path) -> pd.DataFrame:
    df = pd.read_csv(src / "remittance_costs/rpw_corridor_avg_total_cost_2011q1_2020q3.csv")
    focus = df["receiving_iso3"].isin(FOCUS_COUNTRIES) | df["sending_iso3"].isin(FOCUS_COUNTRIES)
    latest = df["period"] == df.sort_values(["year", "quarter"])["period"].iloc[-1]
    cols = [
        "sending_country",
        "sending_iso3",
        "receiving_country",
        "receiving_iso3",
        "period",
        "year",
        "quarter",
        "avg_total_cost_pct",
    ]
    return df.loc[focus | latest, cols].sort_values(["sending_iso3", "receiving_iso3", "year", "quarter"])


def remittance_cost_by_country(src: Path) -> pd.DataFrame:
    df = pd.read_csv(src / "remittance_costs/wdi2023vintage_avg_remittance_cost_by_country_2011_2020.csv")
    df = df.dropna(subset=["avg_cost_to_country_pct", "avg_cost_from_country_pct"], how="all")
    return df[
        ["iso3", "country", "year", "avg_cost_to_country_pct", "avg_cost_from_country_pct"]
    ].sort_values(["iso3", "year"])


def bilateral_remittances_2017(src: Path) -> pd.DataFrame:
    df = pd.read_csv(src / "remittances/wb_bilateral_remittance_estimates_2017.csv")
    keep = df["receiving_iso3"].isin(FOCUS_COUNTRIES) | df["sending_iso3"].isin(FOCUS_COUNTRIES)
    return df[keep].sort_values(["receiving_iso3", "sending_iso3"])


def remittances_2023_vintage(src: Path) -> pd.DataFrame:
    df = pd.read_csv(src / "remittances/wdi2023vintage_remittances_official_2000_2022.csv")
    df = df[df["iso3"].isin(FOCUS_COUNTRIES + AGGREGATES + DESTINATIONS)]
    return df.sort_values(["iso3", "year"])


def remittance_outflows_knomad(src: Path) -> pd.DataFrame:
    df = pd.read_csv(src / "remittances/knomad_remittance_outflows_2000_2022_june2023.csv")
    return df.sort_values(["country", "year"])


def population_net_migration(src: Path) -> pd.DataFrame:
    df = pd.read_csv(src / "context/wdi_population_gdp_netmigration_2000_2025.csv")
    df = df[df["iso3"].isin(FOCUS_COUNTRIES + AGGREGATES + DESTINATIONS)]
    cols = [
        "iso3",
        "country",
        "is_aggregate",
        "year",
        "population",
        "gdp_per_capita_usd",
        "net_migration",
        "intl_migrant_stock",
    ]
    return df[cols].sort_values(["iso3", "year"])


BUILDERS = {
    "sdg_10_7_2_policies": sdg_10_7_2_policies,
    "remittance_costs_corridors": remittance_costs_corridors,
    "remittance_cost_by_country": remittance_cost_by_country,
    "bilateral_remittances_2017": bilateral_remittances_2017,
    "remittances_2023_vintage": remittances_2023_vintage,
    "remittance_outflows_knomad": remittance_outflows_knomad,
    "population_net_migration": population_net_migration,
    "financial_flows": financial_flows,
    "migrant_stock_by_destination": migrant_stock_by_destination,
    "immigrants_emigrants": immigrants_emigrants,
    "bilateral_stock_focus": bilateral_stock_focus,
}


def extracts() -> dict:
    """The builders above, plus one per module of tools/extracts/."""
    found = dict(BUILDERS)
    for path in sorted((Path(__file__).parent / "extracts").glob("[a-z]*.py")):
        module = importlib.import_module(f"tools.extracts.{path.stem}")
        found[module.RESOURCE] = module.extract
    return found


def file_facts(path: Path) -> tuple[int, str]:
    raw = path.read_bytes()
    return len(raw), hashlib.sha256(raw).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=DATA.parent.parent / "shared/data-sources")
    parser.add_argument(
        "--hashes-only", action="store_true", help="rebuild nothing; refresh every resource's bytes and hash"
    )
    args = parser.parse_args()
    package_path = DATA / "datapackage.json"
    package = json.loads(package_path.read_text(encoding="utf-8"))
    builders = {} if args.hashes_only else extracts()
    for resource in package["resources"]:
        builder = builders.get(resource["name"])
        path = DATA / resource["path"]
        if builder is not None:
            builder(args.sources).to_csv(path, index=False, lineterminator="\n")
        size, digest = file_facts(path)
        resource["bytes"] = size
        resource["hash"] = f"sha256:{digest}"
        print(f"{resource['name']}: {size:,} bytes")
    package_path.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
