"""Exercise m04-2, a data gap audit: missing years, zeros, breakdowns by sex and revisions.

Two World Bank WDI vintages of the same remittance series are compared: ``remittances_2023_vintage``
(downloaded in May 2023) and ``financial_flows`` (July 2026). Rules G1-G3 and V1-V3 are those of
the exercise brief; every expected answer is computed here from the data.
"""

from __future__ import annotations

import pandas as pd

from migdev import countries
from migdev.charts import line_chart
from migdev.data import load, resource
from migdev import checks
from migdev.tasks import TaskSet
from migdev.tasks.m04_1_mini_migration_profile import (  # pilot_names: used by the notebook
    PILOTS, pilot, pilot_names, year_ranges)

# Show long texts (dataset descriptions, column lists) in full in the tables.

TASKS = TaskSet("m04-2-data-gap-audit",
                params={"country": "Serbia", "revision_country": "Kyrgyzstan",
                        "ratio_country": "Jamaica"})

NEW_YEARS = range(2000, 2025)   # financial_flows, July 2026 vintage
OLD_YEARS = range(2000, 2023)   # remittances_2023_vintage, May 2023 download
REVISION_YEAR = 2021
EPSILON = 1e-9


# ----------------------------------------------------------------------------- the two vintages
def new_vintage(country: object) -> pd.DataFrame:
    """July 2026 vintage for one pilot country: US$ and % of GDP, one row per year 2000-2024."""
    iso3 = pilot(country)
    data = load("financial_flows")
    data = data[(data["iso3"] == iso3) & data["year"].between(NEW_YEARS[0], NEW_YEARS[-1])]
    table = data.set_index("year")[["remittances_received_usd", "gdp_current_usd"]]
    table.index = table.index.astype(int)
    table = table.reindex(NEW_YEARS)
    table["remittances_pct_gdp"] = (100 * table["remittances_received_usd"]
                                    / table["gdp_current_usd"])
    return table


def old_vintage(country: object) -> pd.DataFrame:
    """May 2023 vintage for one pilot country: US$ and official % of GDP, 2000-2022."""
    iso3 = pilot(country)
    data = load("remittances_2023_vintage")
    data = data[(data["iso3"] == iso3) & data["year"].between(OLD_YEARS[0], OLD_YEARS[-1])]
    table = data.set_index("year")[["remittances_received_usd", "remittances_received_pct_gdp"]]
    table.index = table.index.astype(int)
    return table.reindex(OLD_YEARS)


def missing_new(country: object) -> list[int]:
    """G1: years 2000-2024 with no remittance value in the new vintage."""
    values = new_vintage(country)["remittances_received_usd"]
    return [int(year) for year, value in values.items() if pd.isna(value)]


def missing_old(country: object) -> list[int]:
    """G2: years 2000-2022 with an empty remittance value in the old vintage."""
    values = old_vintage(country)["remittances_received_usd"]
    return [int(year) for year, value in values.items() if pd.isna(value)]


def zeros_old(country: object) -> list[int]:
    """G3: years 2000-2022 whose old-vintage remittance value is exactly zero."""
    values = old_vintage(country)["remittances_received_usd"]
    return [int(year) for year, value in values.items() if pd.notna(value) and value == 0]


def _status(year: int, new: float, old: float) -> str:
    flags = []
    if pd.isna(new):
        flags.append("missing in new")
    if year > OLD_YEARS[-1]:
        flags.append("not in old (it ends in 2022)")
    elif pd.isna(old):
        flags.append("missing in old")
    elif old == 0:
        flags.append("zero in old")
    return "; ".join(flags) or "ok"


def audit(country: object) -> pd.DataFrame:
    """Year by year, 2000-2024: both vintages in US$ million and a status flag."""
    new = new_vintage(country)["remittances_received_usd"]
    old = old_vintage(country)["remittances_received_usd"].reindex(NEW_YEARS)
    table = pd.DataFrame({"new vintage (2026), US$ million": (new / 1e6).round(1),
                          "old vintage (2023), US$ million": (old / 1e6).round(1)})
    table["status"] = [_status(year, new.loc[year], old.loc[year]) for year in NEW_YEARS]
    table.index.name = "year"
    return table


def gap_summary(country: object) -> pd.DataFrame:
    """Rules G1-G3 for one country: the count and the list of years."""
    rows = [("G1", "years with no value in the new vintage (2000-2024)", missing_new(country)),
            ("G2", "years with no value in the old vintage (2000-2022)", missing_old(country)),
            ("G3", "years with a value of exactly zero in the old vintage", zeros_old(country))]
    return pd.DataFrame([(rule, what, len(years), year_ranges(years) or "none")
                         for rule, what, years in rows],
                        columns=["rule", "what", "count", "years"]).set_index("rule")


def audit_chart(country: object):
    """Both vintages in US$ billion; missing years are gaps, zeros are drawn as zeros."""
    new = new_vintage(country)["remittances_received_usd"] / 1e9
    old = old_vintage(country)["remittances_received_usd"].reindex(NEW_YEARS) / 1e9
    table = pd.DataFrame({"new vintage (July 2026)": new, "old vintage (May 2023)": old})
    name = countries.country_name(pilot(country))
    figure = line_chart(table, title=f"{name}: personal remittances received, two WDI vintages",
                        ylabel="US$ billion (current prices)",
                        xlabel="Year (a break in a line = no value)")
    axes = figure.axes[0]
    axes.set_xlim(NEW_YEARS[0] - 0.5, NEW_YEARS[-1] + 0.5)
    axes.set_xticks(range(NEW_YEARS[0], NEW_YEARS[-1] + 1, 4))
    return figure


# ----------------------------------------------------------------------------- revisions
def revision(country: object, year: int = REVISION_YEAR) -> dict[str, float]:
    """Rules V1-V3 for one country and year."""
    new = new_vintage(country).loc[year]
    old = old_vintage(country).loc[year]
    old_gdp = old["remittances_received_usd"] / (old["remittances_received_pct_gdp"] / 100)
    return {
        "old_usd": old["remittances_received_usd"], "new_usd": new["remittances_received_usd"],
        "old_pct": old["remittances_received_pct_gdp"], "new_pct": new["remittances_pct_gdp"],
        "V1": 100 * (new["remittances_received_usd"] - old["remittances_received_usd"])
              / old["remittances_received_usd"],
        "V2": new["remittances_pct_gdp"] - old["remittances_received_pct_gdp"],
        "old_gdp": old_gdp, "new_gdp": new["gdp_current_usd"],
        "V3": 100 * (new["gdp_current_usd"] - old_gdp) / old_gdp,
    }


def revision_table(country: object, year: int = REVISION_YEAR) -> pd.DataFrame:
    """The two vintages side by side for one year: remittances in US$ and as % of GDP."""
    r = revision(country, year)
    rows = [("Personal remittances received, US$ million", r["old_usd"] / 1e6, r["new_usd"] / 1e6),
            ("Remittances received, % of GDP", r["old_pct"], r["new_pct"])]
    table = pd.DataFrame(rows, columns=["indicator", "old vintage (May 2023)",
                                        "new vintage (July 2026)"]).set_index("indicator")
    table.columns.name = f"{countries.country_name(pilot(country))}, {year}"
    return table.round(4)


def gdp_table(country: object, year: int = REVISION_YEAR) -> pd.DataFrame:
    """Rules V1-V3 for one country: what was revised, the money or the GDP below it?"""
    r = revision(country, year)
    rows = [
        ("V1", "Revision of remittances (US$), % of the old value", r["V1"]),
        ("V2", "Change in remittances as % of GDP, percentage points", r["V2"]),
        ("", "GDP implied by the old vintage, US$ billion", r["old_gdp"] / 1e9),
        ("", "GDP in the new vintage, US$ billion", r["new_gdp"] / 1e9),
        ("V3", "Revision of GDP, % of the old value", r["V3"]),
    ]
    table = pd.DataFrame(rows, columns=["rule", "measure", "value"]).set_index("rule")
    table.columns.name = f"{countries.country_name(pilot(country))}, {year}"
    return table.round(2)


def is_denominator_case(country: object) -> bool:
    """True when the US$ value was not revised (V1 about 0) but the share was (V2 not about 0)."""
    r = revision(country)
    return abs(r["V1"]) <= 0.01 and abs(r["V2"]) > 0.01


def denominator_story(country: object) -> pd.DataFrame:
    """V1-V3 for the chosen country when it shows the case of task 4; otherwise for Jamaica."""
    if is_denominator_case(country):
        return gdp_table(country)
    print(f"This question is about Jamaica: for {countries.country_name(pilot(country))} the "
          "US$ value and the share did not move in the way the question describes. "
          "Jamaica's figures are shown instead.")
    return gdp_table("JAM")


def latest_year_gap() -> pd.DataFrame:
    """The 2022 row of the old vintage for the eight pilot countries."""
    data = load("remittances_2023_vintage")
    rows = data[data["iso3"].isin(PILOTS) & (data["year"] == OLD_YEARS[-1])]
    table = rows.set_index("country")[["remittances_received_usd", "remittances_received_pct_gdp"]]
    table.columns = ["remittances received, US$ million", "remittances received, % of GDP"]
    table.iloc[:, 0] = table.iloc[:, 0] / 1e6
    table.columns.name = f"old vintage (May 2023), year {OLD_YEARS[-1]}"
    return table.round(1)


# ----------------------------------------------------------------------------- breakdowns
SEX_WORDS = {"male", "female", "men", "women", "sex"}
AGE_WORDS = {"age", "ages", "age_group"}


def columns_of(name: str) -> list[str]:
    return [field["name"] for field in resource(name)["schema"]["fields"]]


def has_sex_breakdown(name: str) -> bool:
    """True when a column of the dataset names a sex (e.g. ``stock_female``)."""
    return any(SEX_WORDS & set(column.lower().split("_")) for column in columns_of(name))


def has_age_breakdown(name: str) -> bool:
    return any(AGE_WORDS & set(column.lower().split("_")) for column in columns_of(name))


SEX, NO_SEX = "Sex breakdown in the file", "No sex breakdown in the file"

# Each item: the dataset it describes, and why it has (or lacks) a breakdown by sex.
BREAKDOWN_ITEMS = {
    "migrant_stock_by_destination: immigrants by country of destination, UN DESA IMS 2020": (
        "migrant_stock_by_destination",
        "It has stock_male, stock_female and female_pct_of_stock for each country and year."),
    "bilateral_stock_focus: migrants by origin and destination (corridors), UN DESA IMS 2020": (
        "bilateral_stock_focus",
        "Each origin-destination row has stock_male and stock_female."),
    "immigrants_emigrants: immigrants and emigrants by country, UN DESA IMS 2020": (
        "immigrants_emigrants",
        "This summary file has totals only. The breakdown exists in the two UN DESA files above, "
        "so a gap in one file is not always a gap in the source."),
    "financial_flows: personal remittances received, World Bank WDI": (
        "financial_flows",
        "Balance-of-payments data record transactions, not who sent them; a breakdown by sex "
        "needs a household or migrant survey."),
    "remittances_2023_vintage: remittances received and paid, World Bank WDI (May 2023)": (
        "remittances_2023_vintage",
        "Like the newer vintage, it records money, not the people who send or receive it."),
    "population_net_migration: net migration, World Bank WDI from UN WPP": (
        "population_net_migration",
        "The file holds one total a year for each country."),
    "remittance_costs_corridors: cost of sending remittances by corridor, World Bank RPW": (
        "remittance_costs_corridors",
        "It measures prices in a corridor, not people."),
    "bilateral_remittances_2017: remittances by sending and receiving country, World Bank "
    "estimates": (
        "bilateral_remittances_2017",
        "These are modelled money flows between countries; they say nothing about senders."),
}


def breakdown_key() -> dict[str, tuple[str, str]]:
    """The expected category of each item, read from the dataset's columns."""
    return {item: (SEX if has_sex_breakdown(name) else NO_SEX, why)
            for item, (name, why) in BREAKDOWN_ITEMS.items()}


def breakdown_columns() -> pd.DataFrame:
    """The columns of each dataset of task 5, as the course provides them."""
    rows = [(name, ", ".join(columns_of(name))) for name, _ in BREAKDOWN_ITEMS.values()]
    return pd.DataFrame(rows, columns=["dataset", "columns"]).set_index("dataset")


def age_breakdowns() -> list[str]:
    """Datasets of the course with a column for age (none, at the time of writing)."""
    return [name for name, _ in BREAKDOWN_ITEMS.values() if has_age_breakdown(name)]


# ----------------------------------------------------------------------------- checks
@TASKS.task("1", "a whole number of years")
def missing_years_check(answer, country, **_params):
    expected = len(missing_new(country))
    old = len(missing_old(country))
    traps = [] if old == expected else [
        (old, 0, "That is the count for the old (2023) vintage. This task asks about the new "
                 "one (2026).")]
    praise = ("Say so in the report, and never fill the gap with zeros: a chart that draws "
              "missing years as zero would show a collapse that never happened." if expected else
              "No year is missing for this country. Choose Serbia to see what gaps look like.")
    return checks.check_number(
        "1", answer, expected, tolerance=0, unit="",
        hint="Count the rows of the audit table whose status says 'missing in new' (the "
             "summary table gives the count as G1).",
        praise=praise, slips=traps)


_zeros = zeros_old("SRB")
SERBIA_ZEROS = " and ".join(map(str, _zeros)) if len(_zeros) <= 2 else year_ranges(_zeros)

TASKS.choose(
    "2",
    f"How should the assessment report treat Serbia's remittances for {SERBIA_ZEROS}?",
    {
        "As zero: Serbia received no remittances in those years":
            "No: a country with large emigration does not receive zero remittances. The zero is "
            "a placeholder, not a measurement.",
        "As missing: the zero in the old file is a placeholder, and the newer release no longer "
        "publishes those years":
            "A country with large emigration does not receive zero remittances, and the newer "
            "release removed the values. Treat them as missing, and say so.",
        "Average the neighbouring years and fill them in without comment":
            "No: filling a gap silently hides it from readers. If you estimate, say so.",
        "Use the old vintage for those years and the new vintage for the other years, without "
        "comment":
            "No: mixing vintages without saying so makes the series impossible to check, and "
            "the old values are placeholders anyway.",
    },
    answer="As missing: the zero in the old file is a placeholder, and the newer release no "
           "longer publishes those years",
    hint="Could a country with a large diaspora receive no money at all from it?")


@TASKS.task("3", "a number: the revision in % of the old value (two decimals)")
def revision_check(answer, revision_country, **_params):
    r = revision(revision_country)
    expected = r["V1"]
    return checks.check_number(
        "3", answer, expected, tolerance=0.01 + EPSILON, unit="%",
        hint="Use (new - old) / old x 100, with the 2021 values of the two vintages.",
        praise="A target set on the old figure may now look easier or harder to reach. Record "
               "both vintages in the report.",
        slips=[(100 * (r["new_usd"] - r["old_usd"]) / r["new_usd"], 0.01,
                "You divided by the new value. A revision is measured against the old value."),
               (-expected, 0.01, "Check the sign: new minus old."),
               (expected / 100, 0.0001, "Give the answer in per cent (multiply by 100).")])


@TASKS.task("4a", "a number: the change in percentage points (two decimals)")
def share_change_check(answer, ratio_country, **_params):
    r = revision(ratio_country)
    expected = r["V2"]
    return checks.check_number(
        "4a", answer, expected, tolerance=0.01 + EPSILON, unit="percentage points",
        hint="Subtract the old share of GDP from the new share, both for 2021.",
        praise="Now look at the US$ row of the same table: did the money change?",
        slips=[(100 * expected / r["old_pct"], 0.01,
                "That is a change in per cent. This task asks for percentage points: new share "
                "minus old share."),
               (-expected, 0.01, "Check the sign: new share minus old share.")])


TASKS.choose(
    "4b",
    "For Jamaica, the US$ value of 2021 remittances is the same in both vintages, but the share "
    "of GDP changed. Why?",
    {
        "The World Bank made an error":
            "No: nothing suggests an error. Look at what else goes into the ratio.",
        "GDP for 2021 was revised between the two vintages, so the denominator changed":
            "A ratio changes when either part changes. The table shows the 2021 GDP implied by "
            "each vintage (V3). The report should say which vintage each number comes from.",
        "Remittances are measured in local currency in one file":
            "No: both vintages give the same series in current US dollars.",
        "The share of GDP is computed for a different year in each file":
            "No: both shares are for 2021.",
    },
    answer="GDP for 2021 was revised between the two vintages, so the denominator changed",
    hint="A share of GDP has two parts. One did not move; look at the other (V3).")

TASKS.classify("5", [SEX, NO_SEX], breakdown_key(),
               hint="Look at the columns of each dataset in the table above: is there a column "
                    "for women or men?")

TASKS.choose(
    "6",
    "In the old (May 2023) vintage, 2022 has a US$ value of remittances for every pilot country "
    "but no value as a share of GDP. What is the most likely reason, and what should a report "
    "written in mid-2023 have done?",
    {
        "Remittances were zero in 2022; report zero":
            "No: the US$ values for 2022 are there. Only the share is missing.",
        "GDP for 2022 was not yet published when the data were released; report the US$ value "
        "and say that the share will follow":
            "The most recent year is often incomplete in a new release, because each series "
            "arrives on its own timetable. Report what exists, with its date, and say what is "
            "pending.",
        "The World Bank stopped publishing the indicator; drop it":
            "No: the indicator is published for earlier years, and a newer vintage exists.",
        "Compute the share with 2021 GDP and present it as the 2022 share":
            "No: using last year's GDP without saying so would mislabel the number.",
    },
    answer="GDP for 2022 was not yet published when the data were released; report the US$ "
           "value and say that the share will follow",
    hint="The share needs two series. Which one could be late?")

TASKS.choose(
    "7",
    "Which list is closest to the characteristics named in SDG target 17.18 for data "
    "disaggregation?",
    {
        "Income, gender, age, race, ethnicity, migratory status, disability, geographic "
        "location and other nationally relevant characteristics":
            "Target 17.18 of the 2030 Agenda names all of these, including migratory status.",
        "Sex and age only":
            "No: this is part of the list only.",
        "Country of birth and citizenship only":
            "No: these describe migratory status, one item of the list.",
        "Income and geographic location only":
            "No: this is part of the list only.",
    },
    answer="Income, gender, age, race, ethnicity, migratory status, disability, geographic "
           "location and other nationally relevant characteristics",
    hint="The target asks for a long list, and migratory status is in it.")
