"""Exercise 8.2: the United States as a country of destination (logic only; the words are in
tasks.yaml). Remittance outflows from two World Bank releases (KNOMAD June 2023, WDI May 2023),
the UN DESA migrant stock by destination and the bilateral (origin-destination) stock."""

import math
import numbers

import pandas as pd

from migdev import countries
from migdev.data import CourseError, load
from migdev.feedback import not_yet
from migdev.taskfile import texts

FIRST_YEAR, LAST_YEAR = 2000, 2021  # years that both releases cover for the United States
STOCK_YEAR = 2020

# Destinations: KNOMAD name, ISO3 (WDI and bilateral file), UN M49 code (DESA destination file).
USA = {"knomad": "United States", "iso3": "USA", "m49": 840}
RUSSIA = {"knomad": "Russian Federation", "iso3": "RUS", "m49": 643}
UAE = {"knomad": "United Arab Emirates", "iso3": "ARE", "m49": 784}

# Pilot countries offered in task 7. Tunisia is left out: in the bilateral file its stock in the
# United States jumps more than tenfold after 2010, not yet checked against the UN DESA workbook.
ORIGIN_NAMES = ["Jamaica", "Ecuador", "Bangladesh", "Republic of Moldova", "Kyrgyzstan", "Morocco", "Serbia"]
ORIGINS = dict(zip(ORIGIN_NAMES, ["JAM", "ECU", "BGD", "MDA", "KGZ", "MAR", "SRB"], strict=True))
LEFT_OUT = {"TUN"}
TEXTS = text = texts(__file__)  # captions, labels, messages


# ---------------------------------------------------------------- tables for the notebook
def outflows(destination: dict = USA) -> pd.DataFrame:
    """Outflows, one row a year: KNOMAD in US$ million (0 can mean no data), WDI in US$ and
    US$ million."""
    knomad = load("remittance_outflows_knomad").query("country == @destination['knomad']")
    wdi = load("remittances_2023_vintage").query("iso3 == @destination['iso3']")
    columns = {"knomad_usd_million": knomad.set_index("year")["remittance_outflows_usd_million"]}
    table = pd.DataFrame({**columns, "wdi_usd": wdi.set_index("year")["remittances_paid_usd"]})
    return table.assign(wdi_usd_million=table["wdi_usd"] / 1e6).rename_axis("year").sort_index()


def checked_year(value: object) -> int:
    """A year the learner chose, as an int; a CourseError explains anything else."""
    words = {"first": FIRST_YEAR, "last": LAST_YEAR, "value": repr(value)}
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise CourseError(text("year_not_number", **words))
    if not (math.isfinite(value) and value == int(value) and FIRST_YEAR <= value <= LAST_YEAR):
        raise CourseError(text("year_out_of_range", **words))
    return int(value)


def compare_year(year: object) -> pd.DataFrame:
    """The two published figures for one year, each in the unit of its own file."""
    year = checked_year(year)
    row = outflows(USA).loc[year]
    shown = [f"{v:,.0f}" if pd.notna(v) else text("empty") for v in row[["knomad_usd_million", "wdi_usd"]]]
    files, units = ["KNOMAD (June 2023)", "WDI (May 2023)"], [text("unit_million"), text("unit_dollars")]
    return pd.DataFrame({"file": files, f"value in {year}": shown, "unit": units}).set_index("file")


def destination_stock(destination: dict = USA) -> pd.DataFrame:
    """The UN DESA migrant stock living in one destination, 1990-2020 (found by M49 code)."""
    data = load("migrant_stock_by_destination")
    rows = data[data["location_code"] == destination["m49"]]
    columns = ["location", "stock_total", "female_pct_of_stock", "stock_pct_pop_total"]
    table = rows.set_index("year")[columns].copy()
    table["location"] = table["location"].str.rstrip("*").str.strip()
    table["stock_total"] = table["stock_total"].round().astype("Int64")
    return table


def stock_2020(destination: dict = USA) -> float:
    return float(destination_stock(destination).loc[STOCK_YEAR, "stock_total"])


def outflow_million(year: int, destination: dict = USA) -> float:
    return float(outflows(destination).loc[year, "knomad_usd_million"])


def mexico_in_us() -> pd.DataFrame:
    """Task 6: Mexico-born people in the US (bilateral file) and all migrants in the US, 2020."""
    data = load("bilateral_stock_focus")
    rows = data.query("origin_iso3 == 'MEX' and destination_iso3 == @USA['iso3'] and year == @STOCK_YEAR")
    persons = [int(rows["stock_total"].sum()), int(round(stock_2020(USA)))]
    files = ["bilateral_stock_focus", "migrant_stock_by_destination"]
    labels = [text("born_in_mexico"), text("all_migrants_us")]
    return pd.DataFrame({"persons": persons, "file": files}, index=labels)


def origin_code(origin: object) -> str:
    """The ISO3 code of a pilot country offered in task 7; a CourseError explains anything else."""
    if origin is None:
        raise CourseError(text("no_origin"))
    iso3 = countries.resolve(origin)
    if iso3 in LEFT_OUT:
        raise CourseError(text("tunisia_left_out"))
    if iso3 not in ORIGINS.values():
        names = ", ".join(ORIGINS)
        raise CourseError(text("origin_not_offered", country=countries.country_name(iso3), countries=names))
    return iso3


def emigrants_by_destination(origin: object) -> pd.DataFrame:
    """Where people born in ``origin`` lived in 2020, largest first, with each share of the total."""
    bilateral = load("bilateral_stock_focus")
    rows = bilateral[(bilateral["origin_iso3"] == origin_code(origin)) & (bilateral["year"] == STOCK_YEAR)]
    columns = ["destination", "destination_iso3", "stock_total"]
    table = rows.sort_values("stock_total", ascending=False)[columns].reset_index(drop=True)
    table["share_pct"] = 100 * table["stock_total"] / table["stock_total"].sum()
    return table


def top_five(origin: object) -> pd.DataFrame:
    """The five main destinations of one pilot country, then the United States and the total."""
    table = emigrants_by_destination(origin)
    shown = table.head(5).set_index("destination")[["destination_iso3", "stock_total"]]
    us = table.loc[table["destination_iso3"] == USA["iso3"], "stock_total"].sum()
    totals = {
        "destination_iso3": ["USA", "all destinations"],
        "stock_total": [us, table["stock_total"].sum()],
    }
    extra = pd.DataFrame(totals, index=[text("us_any_rank"), text("all_destinations")])
    return pd.concat([shown, extra])


# ---------------------------------------------------------------- expected values and checks
def outflows_2021() -> float:
    """US$ billion."""
    return outflow_million(2021) / 1000


def us_stock_millions() -> float:
    return stock_2020(USA) / 1e6


def mexico_share() -> float:
    persons = mexico_in_us()["persons"]
    return round(100 * persons.iloc[0] / persons.iloc[1], 1)


def check_difference(task, answer, year):
    row = outflows(USA).loc[checked_year(year)]
    knomad, wdi = row["knomad_usd_million"] * 1e6, row["wdi_usd"]
    if pd.isna(knomad) or pd.isna(wdi) or not wdi:
        return not_yet(task.id, task.say("no_value", year=int(year)))
    return task.check_number(answer, round(100 * (knomad - wdi) / wdi, 1)).with_note(task.say("note"))


def check_per_immigrant(task, answer):
    expected = outflow_million(STOCK_YEAR) * 1e6 / stock_2020(USA)
    return task.check_number(answer, expected).with_note(task.say("note"), always=True)


def check_us_share(task, answer, origin):
    table = emigrants_by_destination(origin)
    us = table.loc[table["destination_iso3"] == USA["iso3"], "stock_total"].sum()
    feedback = task.check_number(answer, round(100 * us / table["stock_total"].sum(), 1))
    return feedback.with_note(task.say("note"))
