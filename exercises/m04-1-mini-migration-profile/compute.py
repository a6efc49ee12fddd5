"""Exercise 4.1: the indicators of a mini migration profile, rules R1 to R9 of the exercise (logic
only; words in tasks.yaml). Every function takes the chosen country."""

from itertools import groupby

import matplotlib.pyplot as plt
import pandas as pd

from migdev import countries
from migdev.charts import MARKERS, OKABE_ITO
from migdev.data import CourseError, load
from migdev.feedback import Feedback
from migdev.taskfile import texts

PILOTS = ["BGD", "JAM", "MDA", "TUN", "ECU", "KGZ", "MAR", "SRB"]  # the eight Handbook countries
YEAR = 2020
NET_MIGRATION_YEARS = (2016, 2020)
TEXTS = text = texts(__file__)


def pilot_names() -> list[str]:
    return [countries.country_name(iso3) for iso3 in PILOTS]


def pilot(country: object) -> str:
    """The ISO3 code of a pilot country given by name or code; a CourseError otherwise."""
    iso3 = countries.resolve(country)
    if iso3 not in PILOTS:
        pilots = ", ".join(pilot_names())
        raise CourseError(text("not_pilot", country=countries.country_name(iso3), pilots=pilots))
    return iso3


def stock_row(country: object) -> pd.Series:
    """The 2020 row of immigrants_emigrants (R1 to R4)."""
    data = load("immigrants_emigrants")
    return data[(data["iso3"] == pilot(country)) & (data["year"] == YEAR)].iloc[0]


def immigrant_share(country: object) -> float:
    row = stock_row(country)
    return 100 * row["immigrants"] / row["population"]


def emigrant_share(country: object) -> float:
    row = stock_row(country)
    return 100 * row["emigrants"] / row["population"]


def emigrant_fraction(country: object) -> float:
    return emigrant_share(country) / 100


def women_among_immigrants(country: object) -> float:
    data = load("migrant_stock_by_destination")
    code = stock_row(country)["location_code"]
    row = data[(data["location_code"] == code) & (data["year"] == YEAR)].iloc[0]
    return 100 * row["stock_female"] / row["stock_total"]


def women_among_emigrants(country: object) -> float:
    data = load("bilateral_stock_focus")
    rows = data[(data["origin_iso3"] == pilot(country)) & (data["year"] == YEAR)]
    return 100 * rows["stock_female"].sum() / rows["stock_total"].sum()


def men_among_emigrants(country: object) -> float:
    return 100 - women_among_emigrants(country)


def remittance_shares(country: object) -> pd.Series:
    """Remittances as % of GDP, 2000-2024, every year listed (missing years are NaN)."""
    data = load("financial_flows")
    data = data[data["iso3"] == pilot(country)].set_index("year")
    share = 100 * data["remittances_received_usd"] / data["gdp_current_usd"]
    share.index = share.index.astype(int)
    return share.reindex(range(2000, 2025)).rename(text("remittance_share"))


def latest_remittance_year(country: object) -> int:
    return int(remittance_shares(country).dropna().index.max())


def latest_remittance_share(country: object) -> float:
    return float(remittance_shares(country).loc[latest_remittance_year(country)])


def remittance_share_2020(country: object) -> float:
    return float(remittance_shares(country).loc[YEAR])


def net_migration(country: object) -> pd.Series:
    """Net migration by year, 2016-2020 (persons; negative: more people left than arrived)."""
    data = load("population_net_migration")
    rows = data[(data["iso3"] == pilot(country)) & data["year"].between(*NET_MIGRATION_YEARS)]
    series = rows.set_index("year")["net_migration"]
    series.index = series.index.astype(int)
    return series.astype("Int64").rename(text("net_migration"))


def wdi_migrant_stock(country: object) -> float:
    """R9: international migrant stock in 2020, WDI SM.POP.TOTL (UN DESA IMS 2024 revision)."""
    data = load("population_net_migration")
    return data[(data["iso3"] == pilot(country)) & (data["year"] == YEAR)]["intl_migrant_stock"].iloc[0]


def two_sources(country: object) -> pd.DataFrame:
    """R1 and R9: immigrants in 2020 from the IMS 2020 revision and from WDI (IMS 2024)."""
    wdi, ims2020 = wdi_migrant_stock(country), stock_row(country)["immigrants"]
    persons, gap = text("persons"), wdi - ims2020
    rows = [
        ("R1", text("r1_source"), f"{ims2020:,.0f}", persons, "immigrants_emigrants"),
        ("R9", text("r9_source"), f"{wdi:,.0f}", persons, "population_net_migration"),
        ("", text("difference"), f"{gap:,.0f}", persons, ""),
        ("", text("difference_percent"), f"{100 * gap / ims2020:.1f}", text("percent"), ""),
    ]
    columns = ["rule", "figure for 2020", "value", "unit", "dataset"]
    return pd.DataFrame(rows, columns=columns).set_index("rule")


def profile(country: object) -> pd.DataFrame:
    """The mini migration profile: each indicator with its value, unit, year and dataset."""
    row, net = stock_row(country), net_migration(country)
    span, latest = "{}-{}".format(*NET_MIGRATION_YEARS), latest_remittance_year(country)
    persons, percent = (lambda v: f"{v:,.0f}"), (lambda share: f"{share(country):.2f}")
    stocks, flows, nets = "immigrants_emigrants", "financial_flows", "population_net_migration"
    lines = [
        ("R1", "r1", persons(row["immigrants"]), "persons", YEAR, stocks),
        ("R2", "r2", persons(row["emigrants"]), "persons", YEAR, stocks),
        ("", "population", persons(row["population"]), "persons", YEAR, stocks),
        ("R3", "r3", percent(immigrant_share), "percent", YEAR, stocks),
        ("R4", "r4", percent(emigrant_share), "percent", YEAR, stocks),
        ("R5", "r5", percent(women_among_immigrants), "percent", YEAR, "migrant_stock_by_destination"),
        ("R6", "r6", percent(women_among_emigrants), "percent", YEAR, "bilateral_stock_focus"),
        ("R7a", "r7a", percent(remittance_share_2020), "percent_of_gdp", YEAR, flows),
        ("R7b", "r7b", percent(latest_remittance_share), "percent_of_gdp", latest, flows),
        ("R8", "r8", persons(net.sum()), "persons", span, nets),
        ("", "r8_average", persons(net.sum() / len(net)), "persons_a_year", span, nets),
        ("R9", "r9", persons(wdi_migrant_stock(country)), "persons", YEAR, nets),
    ]
    rows = [(rule, text(label), value, text(unit), *rest) for rule, label, value, unit, *rest in lines]
    columns = ["rule", "indicator", "value", "unit", "year", "dataset"]
    return pd.DataFrame(rows, columns=columns).set_index("rule")


def year_ranges(years: list[int]) -> str:
    """[2000, 2001, 2002, 2005] -> "2000-2002, 2005"."""
    runs = [[y for _, y in run] for _, run in groupby(enumerate(sorted(years)), key=lambda p: p[1] - p[0])]
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def profile_charts(country: object):
    """Three charts: stocks 1990-2020, remittances as % of GDP 2000-2024, women's shares 2020."""
    iso3, data = pilot(country), load("immigrants_emigrants")
    name = countries.country_name(iso3)
    stocks = data[data["iso3"] == iso3].set_index("year")[["immigrants", "emigrants"]] / 1e6
    shares = remittance_shares(country)
    labels = [text("women_among_immigrants"), text("women_among_emigrants")]
    women = pd.Series([women_among_immigrants(country), women_among_emigrants(country)], index=labels)
    figure, (top, middle, bottom) = plt.subplots(3, 1, figsize=(8, 10.5))
    for number, column in enumerate(stocks.columns):
        style = {"color": OKABE_ITO[number], "marker": MARKERS[number], "linestyle": ["-", "--"][number]}
        top.plot(stocks.index.astype(int), stocks[column], label=text(column), linewidth=1.8, **style)
    title = text("stocks_title", country=name)
    top.set(title=title, xlabel=text("stocks_xlabel"), ylabel=text("stocks_ylabel"), ylim=(0, None))
    top.grid(alpha=0.3)
    top.legend(frameon=False)
    middle.bar(shares.index, shares.to_numpy(dtype=float), color=OKABE_ITO[0])
    missing = [int(year) for year, value in shares.items() if pd.isna(value)]
    xlabel = text("remittances_xlabel_gaps", years=year_ranges(missing)) if missing else None
    title, xlabel = text("remittances_title", country=name), xlabel or text("remittances_xlabel")
    middle.set(title=title, ylabel=text("percent_of_gdp"), xlabel=xlabel, xticks=range(2000, 2025, 4))
    middle.grid(alpha=0.3, axis="y")
    bars = bottom.barh(list(women.index), women.to_numpy(), color=[OKABE_ITO[1], OKABE_ITO[2]])
    bars[1].set_hatch("//")
    for position, value in enumerate(women.to_numpy()):
        bottom.text(value, position, f" {value:.1f}%", va="center", fontsize=9)
    bottom.axvline(50, color="#6e7781", linewidth=0.8, linestyle=":")
    title = text("women_title", country=name)
    bottom.set(title=title, xlabel=text("women_xlabel"), ylabel=text("women_ylabel"), xlim=(0, 100))
    figure.tight_layout()
    return figure


def check_net_migration(task, answer: object, country: object) -> Feedback:
    """Task 4: a number task whose praise says whether more people left or arrived."""
    yearly = net_migration(country)
    total = float(yearly.sum())
    slips = [(-total, "slip_sign"), (float(yearly.loc[YEAR]), "slip_one_year")]
    slips.append((total / len(yearly), "slip_average"))
    direction = task.say("left" if total < 0 else "arrived")
    return task.check_number(
        answer, total, slips=[(v, 1, task.say(k)) for v, k in slips], direction=direction
    )
