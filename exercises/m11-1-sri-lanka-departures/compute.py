"""Exercise 11.1: the computations behind the expected answers (logic only; words in tasks.yaml)."""

from __future__ import annotations

import pandas as pd

from migdev.data import load

FIRST, LAST = 2021, 2022
COUNTRY = "SAU"  # the destination of task 5


def by_sex() -> pd.DataFrame:
    return load("slbfe_departures_by_sex").set_index("year").astype(float)


def departures(year: int = LAST) -> pd.DataFrame:
    """One year's departures by destination, with the lookup's ISO3 code and GCC membership."""
    names = load("slbfe_destination_names")[["destination", "destination_iso3", "gcc_member"]]
    rows = load("slbfe_departures_by_destination").merge(names, on="destination", how="left")
    return rows[rows["year"] == year]


def growth_pct() -> float:
    total = by_sex()["total"]
    return 100 * (total[LAST] - total[FIRST]) / total[FIRST]


def growth_ratio_pct() -> float:
    return 100 + growth_pct()


def growth_persons() -> float:
    return by_sex()["total"].diff()[LAST]


def women_share(year: int = LAST) -> float:
    return 100 * by_sex().loc[year, "female"] / by_sex().loc[year, "total"]


def men_share() -> float:
    return 100 - women_share()


def women_over_men() -> float:
    return 100 * by_sex().loc[LAST, "female"] / by_sex().loc[LAST, "male"]


def women_share_change() -> float:
    """Percentage points, 2021 to 2022."""
    return women_share(LAST) - women_share(FIRST)


def women_share_relative_change() -> float:
    return 100 * women_share_change() / women_share(FIRST)


def gcc_share(year: int = LAST, with_other: bool = False) -> float:
    rows = departures(year)
    keep = rows["gcc_member"].fillna(False).astype(bool) | (with_other & (rows["destination"] == "Other"))
    return 100 * rows.loc[keep, "departures_for_foreign_employment"].sum() / by_sex().loc[year, "total"]


def gcc_share_2021() -> float:
    return gcc_share(FIRST)


def gcc_share_with_other() -> float:
    return gcc_share(LAST, with_other=True)


def ranking(year: int = LAST) -> pd.Series:
    """Departures by destination, largest first; rows that are not a country are left out."""
    rows = departures(year).dropna(subset=["destination_iso3"]).set_index("destination")
    return rows["departures_for_foreign_employment"].sort_values(ascending=False)


def leader(year: int = LAST) -> str:
    rows = departures(year).dropna(subset=["destination_iso3"])
    return rows.loc[rows["departures_for_foreign_employment"].idxmax(), "destination_iso3"]


def leader_2021() -> str:
    return leader(FIRST)


def stock(column: str = "stock_total") -> float:
    return float(load("lka_emigrant_stock_2020").set_index("destination_iso3").loc[COUNTRY, column])


def women_share_in_country() -> float:
    return 100 * stock("stock_female") / stock()


def men_share_in_country() -> float:
    return 100 - women_share_in_country()


def women_share_all_emigrants() -> float:
    everyone = load("lka_emigrant_stock_2020")
    return 100 * everyone["stock_female"].sum() / everyone["stock_total"].sum()


def stock_against_departures(top: int = 10) -> pd.DataFrame:
    """The largest destinations by 2020 stock, with their 2022 departures (empty where SLBFE does
    not list the country on its own) and their share of all 2022 departures (%)."""
    flows = departures()[["destination_iso3", "departures_for_foreign_employment"]]
    table = load("lka_emigrant_stock_2020").head(top).merge(flows, on="destination_iso3", how="left")
    table["share_of_2022_departures_pct"] = (
        100 * table["departures_for_foreign_employment"] / by_sex().loc[LAST, "total"]
    ).round(1)
    return table.set_index("destination")[
        ["stock_total", "departures_for_foreign_employment", "share_of_2022_departures_pct"]
    ]
