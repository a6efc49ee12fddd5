"""Exercise 9.1: one country's diaspora and remittance corridors in 2017 (logic only; the words are
in tasks.yaml). Corridor amounts: bilateral_remittances_2017; costs: the 2017 annual mean of
remittance_costs_corridors; migrants: bilateral_stock_focus (2020) and bilateral_migrants_2017."""

from functools import lru_cache
from pathlib import Path

import pandas as pd

from migdev import checks, countries
from migdev.charts import bar_chart
from migdev.data import CourseError, load
from migdev.feedback import not_yet
from migdev.taskfile import TaskFile
from migdev.text import say
from migdev.widgets import Choice

YEAR, STOCK_YEAR, TARGET, CEILING = 2017, 2020, 3, 5
PILOTS = ["BGD", "JAM", "MDA", "TUN", "ECU", "KGZ", "MAR", "SRB"]


@lru_cache(maxsize=1)
def _taskfile() -> TaskFile:
    return TaskFile(Path(__file__).parent.name, Path(__file__).parent)


def diaspora(country: object, year: int = STOCK_YEAR) -> pd.DataFrame:
    """People born in the country living in each destination, largest first, with shares."""
    stock = load("bilateral_stock_focus")
    stock = stock[(stock["origin_iso3"] == countries.resolve(country)) & (stock["year"] == year)]
    table = stock.groupby("destination")[["stock_total", "stock_female"]].sum()
    table = table.sort_values("stock_total", ascending=False)
    table["share_pct"] = 100 * table["stock_total"] / table["stock_total"].sum()
    table["women_pct"] = 100 * table["stock_female"] / table["stock_total"]
    return table


def estimates(country: object) -> pd.DataFrame:
    """The World Bank's 2017 corridor estimates to the country, largest first."""
    data = load("bilateral_remittances_2017")
    data = data[data["receiving_iso3"] == countries.resolve(country)]
    return data.sort_values("remittances_usd_million", ascending=False)[
        ["sending_country", "sending_iso3", "remittances_usd_million"]
    ].reset_index(drop=True)


def costs(country: object, period: str | None = None) -> pd.Series:
    """Cost of sending US$200 per sending country: mean of the 2017 quarters (or one period)."""
    data = load("remittance_costs_corridors")
    data = data[data["receiving_iso3"] == countries.resolve(country)]
    data = data[data["period"] == period] if period else data[data["year"] == YEAR]
    return data.groupby("sending_iso3")["avg_total_cost_pct"].mean().rename("cost_pct")


def priced(country: object, period: str | None = None) -> pd.DataFrame:
    """The corridors priced in 2017, with amount, cost, saving at 3% and 2017 migrants."""
    table = estimates(country).merge(costs(country, period), left_on="sending_iso3", right_index=True)
    if table.empty:
        raise CourseError(_taskfile().text("no_corridors", country=country, year=YEAR))
    table["saving_usd_million"] = (
        table["remittances_usd_million"] * (table["cost_pct"] - TARGET).clip(lower=0) / 100
    )
    matrix = load("bilateral_migrants_2017")
    matrix = matrix[matrix["origin_iso3"] == countries.resolve(country)].dropna()
    migrants = matrix.set_index("destination_iso3")["migrants"]
    table["migrants_2017"] = table["sending_iso3"].map(migrants)
    return table.sort_values("saving_usd_million", ascending=False).reset_index(drop=True)


def inflow_wdi(country: object) -> float:
    """Personal remittances received in 2017 (WDI), in US$ million."""
    flows = load("financial_flows")
    row = flows[(flows["iso3"] == countries.resolve(country)) & (flows["year"] == YEAR)]
    return float(row["remittances_received_usd"].iloc[0]) / 1e6


def totals(codes: list[str] = PILOTS) -> pd.DataFrame:
    """Sum of the 2017 corridor estimates against the WDI 2017 inflow, per country."""
    rows = {
        countries.country_name(c): [estimates(c)["remittances_usd_million"].sum(), inflow_wdi(c)]
        for c in codes
    }
    table = pd.DataFrame.from_dict(rows, orient="index", columns=["corridors_sum", "wdi_2017"])
    table.index.name = "country"
    return table.assign(ratio=table["corridors_sum"] / table["wdi_2017"]).round(3)


def diaspora_chart(country: object):
    top = diaspora(country)["stock_total"].head(10)
    name = countries.country_name(countries.resolve(country))
    return bar_chart(
        top, _taskfile().text("chart_title", country=name, year=STOCK_YEAR), _taskfile().text("chart_axis")
    )


# ---------------------------------------------------------------- expected values and slips
def top_share(country):
    return diaspora(country)["share_pct"].iloc[0]


def top_share_population(country):
    people = load("immigrants_emigrants").set_index(["iso3", "year"])["population"]
    return 100 * diaspora(country)["stock_total"].iloc[0] / people[countries.resolve(country), STOCK_YEAR]


def top_share_2015(country):
    return diaspora(country, 2015)["share_pct"].get(diaspora(country).index[0], 0.0)


def priced_share(country, denominator=None):
    total = estimates(country)["remittances_usd_million"].sum()
    return 100 * priced(country)["remittances_usd_million"].sum() / (denominator or total)


def priced_share_wdi(country):
    return priced_share(country, inflow_wdi(country))


def priced_share_count(country):
    return 100 * len(priced(country)) / len(estimates(country))


def saving(country, period=None, floor=0.0, less=TARGET):
    table = priced(country, period)
    gap = (table["cost_pct"] - less).clip(lower=floor)
    return (table["remittances_usd_million"] * gap / 100).sum()


def saving_unclipped(country):
    return saving(country, floor=None)


def saving_2020q3(country):
    return saving(country, "2020Q3")


def fees_paid(country):
    return saving(country, less=0)


def above_ceiling(country, line=CEILING):
    return int((priced(country)["cost_pct"] > line).sum())


def above_target(country):
    return above_ceiling(country, TARGET)


def per_migrant(country, people=None):
    top = priced(country).iloc[0]
    return top["saving_usd_million"] * 1e6 / (people or top["migrants_2017"])


def per_migrant_desa(country):
    stock = load("bilateral_stock_focus")
    row = stock[
        (stock["origin_iso3"] == countries.resolve(country))
        & (stock["year"] == STOCK_YEAR)
        & (stock["destination_iso3"] == priced(country)["sending_iso3"].iloc[0])
    ]
    return per_migrant(country, people=float(row["stock_total"].sum()))


# ---------------------------------------------------------------- task 2: a choice built from data
def women_choice(ex, country) -> Choice:
    return Choice(ex.taskfile.tasks["2"].question, list(diaspora(country).index[:5]), ex.saved("2"))


def highest_women(country) -> str:
    return diaspora(country).head(5)["women_pct"].idxmax()


def check_women(task, answer, country):
    whole, chosen = diaspora(country), getattr(answer, "value", answer)
    if chosen is None:
        return not_yet(task.id, say("missing_widget"), task.hint)
    top5, best, why = whole.head(5), highest_women(country), {}
    if isinstance(chosen, str) and chosen in top5.index:
        share = top5["women_pct"].astype(float)
        overall = 100 * whole["stock_female"].sum() / whole["stock_total"].sum()
        values = dict(place=chosen, best=best, share=f"{share[chosen]:.1f}", overall=f"{overall:.1f}")
        message = task.say(
            "right" if chosen == best else "wrong", **values, gap=f"{share[best] - share[chosen]:.1f}"
        )
        if chosen != best and chosen == top5["stock_female"].idxmax():
            message += " " + task.say("most_women", place=chosen)
        why[chosen] = f"{message} {task.say('note')}" if chosen == best else message
    return checks.check_choice(task.id, chosen, best, list(top5.index), explanations=why, hint=task.hint)
