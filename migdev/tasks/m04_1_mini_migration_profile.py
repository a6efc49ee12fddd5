"""Exercise m04-1, a mini migration profile: core indicators for one of the eight pilot countries.

Every expected answer is computed here from the course's datasets, for the country the learner
chose. Rules R1 to R9 are the ones written in the exercise brief.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd

from migdev import checks, countries
from migdev.charts import MARKERS, OKABE_ITO
from migdev.data import CourseError, load
from migdev.feedback import Feedback, not_yet
from migdev.tasks import TaskSet

# Show long texts (indicator names) in full in the tables.

TASKS = TaskSet("m04-1-mini-migration-profile", params={"country": "Republic of Moldova"})

# The eight countries that applied the 2010 Handbook (pilot, then phase II).
PILOTS = ["BGD", "JAM", "MDA", "TUN", "ECU", "KGZ", "MAR", "SRB"]
YEAR = 2020
NET_MIGRATION_YEARS = (2016, 2020)


# ----------------------------------------------------------------------------- data helpers
def pilot_names() -> list[str]:
    """The display names of the eight pilot countries."""
    return [countries.country_name(iso3) for iso3 in PILOTS]


def pilot(country: object) -> str:
    """The ISO3 code of a pilot country given by name or code; a clear CourseError otherwise."""
    iso3 = countries.resolve(country)
    if iso3 not in PILOTS:
        raise CourseError(
            f"{countries.country_name(iso3)} is not one of the eight countries of this exercise. "
            f"Choose one of: {', '.join(pilot_names())}."
        )
    return iso3


def stock_row(country: object) -> pd.Series:
    """The 2020 row of ``immigrants_emigrants`` for the country (rules R1 to R4)."""
    iso3 = pilot(country)
    data = load("immigrants_emigrants")
    return data[(data["iso3"] == iso3) & (data["year"] == YEAR)].iloc[0]


def immigrant_share(country: object) -> float:
    """R3: immigrants as % of the resident population, 2020."""
    row = stock_row(country)
    return 100 * row["immigrants"] / row["population"]


def emigrant_share(country: object) -> float:
    """R4: emigrants as % of the resident population, 2020."""
    row = stock_row(country)
    return 100 * row["emigrants"] / row["population"]


def women_among_immigrants(country: object) -> float:
    """R5: women's share among immigrants, 2020, from the destination file."""
    code = stock_row(country)["location_code"]
    data = load("migrant_stock_by_destination")
    row = data[(data["location_code"] == code) & (data["year"] == YEAR)].iloc[0]
    return 100 * row["stock_female"] / row["stock_total"]


def women_among_emigrants(country: object) -> float:
    """R6: women's share among emigrants, 2020, from the origin-destination file."""
    iso3 = pilot(country)
    data = load("bilateral_stock_focus")
    rows = data[(data["origin_iso3"] == iso3) & (data["year"] == YEAR)]
    return 100 * rows["stock_female"].sum() / rows["stock_total"].sum()


def remittance_shares(country: object) -> pd.Series:
    """Remittances as % of GDP by year, 2000-2024, every year listed (missing years are NaN)."""
    iso3 = pilot(country)
    data = load("financial_flows")
    data = data[data["iso3"] == iso3].set_index("year")
    share = 100 * data["remittances_received_usd"] / data["gdp_current_usd"]
    share.index = share.index.astype(int)
    return share.reindex(range(2000, 2025)).rename("remittances, % of GDP")


def latest_remittance_share(country: object) -> tuple[int, float]:
    """R7(b): the latest year with a value, and the value."""
    shares = remittance_shares(country).dropna()
    return int(shares.index.max()), float(shares.loc[shares.index.max()])


def net_migration(country: object) -> pd.Series:
    """Net migration by year, 2016-2020 (persons; negative: more people left than arrived)."""
    iso3 = pilot(country)
    data = load("population_net_migration")
    first, last = NET_MIGRATION_YEARS
    rows = data[(data["iso3"] == iso3) & data["year"].between(first, last)]
    series = rows.set_index("year")["net_migration"]
    series.index = series.index.astype(int)
    return series.astype("Int64").rename("net migration (persons)")


def wdi_migrant_stock(country: object) -> float:
    """R9: international migrant stock in 2020, WDI SM.POP.TOTL (UN DESA IMS 2024 revision)."""
    iso3 = pilot(country)
    data = load("population_net_migration")
    return data[(data["iso3"] == iso3) & (data["year"] == YEAR)]["intl_migrant_stock"].iloc[0]


def two_sources(country: object) -> pd.DataFrame:
    """R1 and R9: immigrants in 2020 from the IMS 2020 revision and from WDI (IMS 2024 revision)."""
    wdi = wdi_migrant_stock(country)
    ims2020 = stock_row(country)["immigrants"]
    rows = [
        ("R1", "Immigrants, UN DESA IMS 2020 revision", f"{ims2020:,.0f}", "persons",
         "immigrants_emigrants"),
        ("R9", "International migrant stock, UN DESA IMS 2024 revision (via WDI SM.POP.TOTL)",
         f"{wdi:,.0f}", "persons", "population_net_migration"),
        ("", "Difference: R9 minus R1", f"{wdi - ims2020:,.0f}", "persons", ""),
        ("", "Difference in % of R1", f"{100 * (wdi - ims2020) / ims2020:.1f}", "%", ""),
    ]
    table = pd.DataFrame(rows, columns=["rule", "figure for 2020", "value", "unit", "dataset"])
    return table.set_index("rule")


# ----------------------------------------------------------------------------- the profile
def _persons(value: float) -> str:
    return f"{value:,.0f}"


def _percent(value: float) -> str:
    return f"{value:.2f}"


def profile(country: object) -> pd.DataFrame:
    """The mini migration profile: each indicator with its value, unit, year and dataset."""
    row = stock_row(country)
    year_last, share_last = latest_remittance_share(country)
    share_2020 = remittance_shares(country).loc[YEAR]
    net = net_migration(country)
    first, last = NET_MIGRATION_YEARS
    wdi_stock = wdi_migrant_stock(country)
    lines = [
        ("R1", "Immigrants (born abroad, living in the country)", _persons(row["immigrants"]),
         "persons", YEAR, "immigrants_emigrants"),
        ("R2", "Emigrants (born in the country, living abroad)", _persons(row["emigrants"]),
         "persons", YEAR, "immigrants_emigrants"),
        ("", "Resident population", _persons(row["population"]), "persons", YEAR,
         "immigrants_emigrants"),
        ("R3", "Immigrants as % of the resident population", _percent(immigrant_share(country)),
         "%", YEAR, "immigrants_emigrants"),
        ("R4", "Emigrants as % of the resident population", _percent(emigrant_share(country)),
         "%", YEAR, "immigrants_emigrants"),
        ("R5", "Women's share among immigrants", _percent(women_among_immigrants(country)), "%",
         YEAR, "migrant_stock_by_destination"),
        ("R6", "Women's share among emigrants", _percent(women_among_emigrants(country)), "%",
         YEAR, "bilateral_stock_focus"),
        ("R7a", "Remittances received as % of GDP", _percent(share_2020), "% of GDP", YEAR,
         "financial_flows"),
        ("R7b", "Remittances received as % of GDP, latest year", _percent(share_last),
         "% of GDP", year_last, "financial_flows"),
        ("R8", "Net migration, five-year total", _persons(net.sum()), "persons",
         f"{first}-{last}", "population_net_migration"),
        ("", "Net migration, yearly average", _persons(net.sum() / len(net)), "persons a year",
         f"{first}-{last}", "population_net_migration"),
        ("R9", "International migrant stock (IMS 2024 revision)", _persons(wdi_stock), "persons",
         YEAR, "population_net_migration"),
    ]
    table = pd.DataFrame(lines, columns=["rule", "indicator", "value", "unit", "year", "dataset"])
    return table.set_index("rule")


def year_ranges(years: list[int]) -> str:
    """[2000, 2001, 2002, 2005] -> "2000-2002, 2005"."""
    parts: list[str] = []
    for year in sorted(years):
        if parts and year == int(parts[-1].split("-")[-1]) + 1:
            parts[-1] = f"{parts[-1].split('-')[0]}-{year}"
        else:
            parts.append(str(year))
    return ", ".join(parts)


def profile_charts(country: object):
    """Three charts: stocks 1990-2020, remittances as % of GDP 2000-2024, women's shares 2020."""
    iso3 = pilot(country)
    name = countries.country_name(iso3)
    data = load("immigrants_emigrants")
    stocks = data[data["iso3"] == iso3].set_index("year")[["immigrants", "emigrants"]] / 1e6
    shares = remittance_shares(country)
    women = pd.Series({"among immigrants": women_among_immigrants(country),
                       "among emigrants": women_among_emigrants(country)})

    figure, (top, middle, bottom) = plt.subplots(3, 1, figsize=(8, 10.5))
    for number, column in enumerate(stocks.columns):
        top.plot(stocks.index.astype(int), stocks[column], label=column, color=OKABE_ITO[number],
                 marker=MARKERS[number], linestyle=["-", "--"][number], linewidth=1.8)
    top.set_title(f"{name}: immigrants and emigrants, 1990-2020 (UN DESA, IMS 2020)")
    top.set_xlabel("Year (mid-year estimates, every five years)")
    top.set_ylabel("Persons (millions)")
    top.set_ylim(bottom=0)
    top.grid(alpha=0.3)
    top.legend(frameon=False)

    middle.bar(shares.index, shares.to_numpy(dtype=float), color=OKABE_ITO[0])
    middle.set_title(f"{name}: personal remittances received, % of GDP (World Bank WDI, 2026)")
    missing = [int(year) for year, value in shares.items() if pd.isna(value)]
    middle.set_xlabel("Year" + (f" (no bar = no data: {year_ranges(missing)})" if missing else ""))
    middle.set_ylabel("% of GDP")
    middle.set_xticks(range(2000, 2025, 4))
    middle.grid(alpha=0.3, axis="y")

    bars = bottom.barh(list(women.index), women.to_numpy(), color=[OKABE_ITO[1], OKABE_ITO[2]])
    for bar, hatch in zip(bars, ["", "//"]):
        bar.set_hatch(hatch)
    for position, value in enumerate(women.to_numpy()):
        bottom.text(value, position, f" {value:.1f}%", va="center", fontsize=9)
    bottom.axvline(50, color="#6e7781", linewidth=0.8, linestyle=":")
    bottom.set_xlim(0, 100)
    bottom.set_title(f"{name}: women's share among immigrants and emigrants, 2020")
    bottom.set_xlabel("Women, % of the group (dotted line: 50%)")
    bottom.set_ylabel("Group")
    figure.tight_layout()
    return figure


# ----------------------------------------------------------------------------- checks
EPSILON = 1e-9  # rounding a value to the asked decimals must never fall outside the tolerance


@TASKS.task("1", "a number: emigrants as % of the population in 2020")
def emigrant_share_check(answer, country, **_params):
    expected = emigrant_share(country)
    return checks.check_number(
        "1", answer, expected, tolerance=0.05 + EPSILON, unit="%",
        hint="Divide emigrants by the resident population and multiply by 100 (row R4).",
        praise="For every 100 people living in the country, this many people born there live "
               "abroad. The denominator is the resident population.",
        slips=[(immigrant_share(country), 0.05, "That is the immigrant share (R3). Look at the "
                                                 "emigrants row (R4)."),
               (expected / 100, 0.0005, "Give the answer in per cent, not as a fraction.")])


@TASKS.task("2", "a number: women's share among emigrants in 2020, in %")
def women_emigrants_check(answer, country, **_params):
    expected = women_among_emigrants(country)
    return checks.check_number(
        "2", answer, expected, tolerance=0.1 + EPSILON, unit="%",
        hint="Use the emigrant bar in the third chart or row R6 of the profile table.",
        praise="Compare it with the share among immigrants (R5): the two can differ a lot, which "
               "matters for services for departing and arriving migrants.",
        slips=[(women_among_immigrants(country), 0.1,
                "That is the share among immigrants (R5). This task asks about emigrants: people "
                "born in your country who live abroad."),
               (100 - expected, 0.1, "That is the share of men. Take the share of women.")])


@TASKS.task("3a", "a year, e.g. 2021")
def latest_year_check(answer, country, **_params):
    year, _ = latest_remittance_share(country)
    return checks.check_number(
        "3a", answer, year, tolerance=0, unit="",
        hint="Look at the last bar of the remittances chart, or row R7b of the profile table.",
        praise="Always quote a figure with its year.",
        slips=[(YEAR, 0, "2020 is the year of the stock figures. Remittances are published for "
                         "later years: use the latest one.")])


@TASKS.task("3b", "a number: remittances as % of GDP in the latest year")
def latest_share_check(answer, country, **_params):
    _, share = latest_remittance_share(country)
    return checks.check_number(
        "3b", answer, share, tolerance=0.05 + EPSILON, unit="% of GDP",
        hint="Look at the last bar of the remittances chart, or row R7b of the profile table.",
        praise="Quote this figure with its year and source: World Bank WDI, July 2026 vintage.",
        slips=[(remittance_shares(country).loc[YEAR], 0.05,
                "That is the 2020 value (R7a). Use the latest year (R7b).")])


@TASKS.task("4", "a whole number of persons (keep the minus sign if it is negative)")
def net_migration_check(answer, country, **_params):
    yearly = net_migration(country)
    total = float(yearly.sum())
    direction = ("More people left than arrived over these five years." if total < 0 else
                 "More people arrived than left over these five years.")
    return checks.check_number(
        "4", answer, total, tolerance=1, unit="persons",
        hint="Read row R8 of the profile table, or add up the five years in the net migration "
             "table.",
        praise=f"{direction} Net migration figures are estimates from UN World Population "
               "Prospects, not counts.",
        slips=[(-total, 1, "Check the sign: negative means net emigration (more people left "
                           "than arrived)."),
               (float(yearly.loc[NET_MIGRATION_YEARS[1]]), 1,
                "That is one year (2020). Add the five years 2016-2020."),
               (total / len(yearly), 1, "That is the yearly average. Give the five-year total.")])


STOCK, FLOW, RATIO = "Stock", "Flow", "Ratio or share"
TASKS.classify("5", [STOCK, FLOW, RATIO], {
    "Immigrants living in the country in 2020":
        (STOCK, "It counts people present at one point in time (mid-2020 in UN DESA's "
                "estimates)."),
    "Emigrants living abroad in 2020":
        (STOCK, "It counts people born in the country who were living abroad at one point in "
                "time."),
    "Net migration, 2016-2020":
        (FLOW, "It adds arrivals minus departures over a five-year period."),
    "Personal remittances received in 2023, in US$":
        (FLOW, "It is money received over one calendar year."),
    "Remittances as a % of GDP":
        (RATIO, "It divides one yearly flow (remittances) by another (GDP)."),
    "Women's share among emigrants":
        (RATIO, "It divides the number of women by the total number of emigrants."),
    "Refugees hosted in the country in 2020":
        (STOCK, "It counts people present at one point in time."),
    "Workers who left for jobs abroad during 2022":
        (FLOW, "It counts departures during one year."),
}, hint="Ask: is it a count at one moment (stock), a count over a period (flow), or one number "
        "divided by another (ratio or share)?")

def _large_diaspora_example(iso3: str = "TON") -> str:
    """E.g. "above 70% for Tonga in 2020": rule R4 for a country with a large diaspora."""
    data = load("immigrants_emigrants")
    row = data[(data["iso3"] == iso3) & (data["year"] == YEAR)].iloc[0]
    share = int(100 * row["emigrants"] / row["population"] // 10 * 10)
    return f"above {share}% for {str(row['name']).rstrip('*').strip()} in {YEAR}"


LARGE_DIASPORA = _large_diaspora_example()

TASKS.choose(
    "6",
    "Your profile gives emigrants as a percentage of the population (rule R4). What does the "
    "denominator of this ratio count?",
    {
        "All people born in the country, wherever they live":
            "No: UN DESA divides by the resident population, not by everyone born in the "
            "country. That is why the ratio can look very large for countries with big "
            f"diasporas ({LARGE_DIASPORA}).",
        "The people living in the country in 2020":
            "UN DESA divides emigrants by the resident population of the country of origin. "
            "It is not a share of all people born in the country, so it can look very large "
            f"for countries with big diasporas ({LARGE_DIASPORA}).",
        "Immigrants plus emigrants":
            "No: this sum is not used as a denominator.",
        "The working-age population":
            "No: the denominator is the whole resident population, of every age.",
    },
    answer="The people living in the country in 2020",
    hint="Look at the column used to divide in rule R4: population.")

TASKS.choose(
    "7",
    "Both numbers are 'international migrants living in the country in 2020' from UN DESA. "
    "Why can they differ?",
    {
        "One of them is a typing error":
            "No: both are published figures, read from the data without retyping.",
        "They come from two revisions of the same UN DESA database: the 2020 revision and the "
        "2024 revision, which re-estimated past years":
            "The World Bank series (SM.POP.TOTL) now uses the IMS 2024 revision, while the "
            "migrant stock datasets use the 2020 revision. Each revision can change earlier "
            "years. Say which revision you use, and do not mix the two in one table.",
        "The World Bank figure counts only refugees":
            "No: both count all international migrants; refugees are part of the stock.",
        "The World Bank figure is for a different year":
            "No: both figures are for 2020.",
    },
    answer="They come from two revisions of the same UN DESA database: the 2020 revision and the "
           "2024 revision, which re-estimated past years",
    hint="Look at the name of the revision in each row of the table above.")
