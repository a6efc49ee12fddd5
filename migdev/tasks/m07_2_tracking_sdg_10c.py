"""Exercise m07-2, tracking SDG target 10.c with real data: corridor costs against 3% and 5%.

Definitions used by every check: ``Q`` = corridors of ``remittance_costs_corridors`` in 2020Q3;
``C`` = rows of ``Q`` whose receiving country is the chosen country. Every expected value is
computed from the data at run time.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd

from migdev import checks, countries
from migdev.charts import OKABE_ITO
from migdev.data import CourseError, load
from migdev.feedback import Feedback, not_yet
from migdev.tasks import TaskSet
from migdev.widgets import Choice

TASKS = TaskSet("m07-2-tracking-sdg-10c", params={"country": "JAM"})

PERIOD = "2020Q3"
YEAR = 2020
AVERAGE_TARGET = 3      # % : target 10.c, average cost below 3% by 2030
CORRIDOR_CEILING = 5    # % : no corridor above 5% by 2030
# The eight countries that applied the Handbook with IOM and UNDP (pilot 2011-2013, phase II
# 2014-2018); source: IOM-UNDP joint programme page.
PILOTS = ["BGD", "JAM", "MDA", "TUN", "ECU", "KGZ", "MAR", "SRB"]
RPW_SOURCE = "The World Bank, Remittance Prices Worldwide, 2020Q3"
WDI_SOURCE = "World Bank, WDI"


# ---------------------------------------------------------------- tables for the notebook

def latest_corridors() -> pd.DataFrame:
    """Q: every corridor in 2020Q3, cheapest first."""
    data = load("remittance_costs_corridors")
    latest = data[data["period"] == PERIOD]
    return latest.sort_values("avg_total_cost_pct").reset_index(drop=True)[
        ["sending_country", "sending_iso3", "receiving_country", "receiving_iso3",
         "avg_total_cost_pct"]]


def country_name(country: object) -> str:
    return countries.country_name(countries.resolve(country))


def country_corridors(country: object) -> pd.DataFrame:
    """C: the chosen country's corridors in 2020Q3, cheapest first, with the distance from 3%."""
    iso3 = countries.resolve(country)
    latest = latest_corridors()
    rows = latest[latest["receiving_iso3"] == iso3].reset_index(drop=True)
    if rows.empty:
        raise CourseError(f"Remittance Prices Worldwide has no corridor to "
                          f"{countries.country_name(iso3)} in {PERIOD}: choose one of the eight "
                          "pilot countries.")
    rows = rows[["sending_country", "sending_iso3", "avg_total_cost_pct"]].copy()
    rows["distance_from_3_pp"] = rows["avg_total_cost_pct"] - AVERAGE_TARGET
    return rows


def remittances_received(country: object, year: int = YEAR) -> float:
    """Personal remittances received by the country in ``year``, in US$ (NaN if missing)."""
    iso3 = countries.resolve(country)
    flows = load("financial_flows")
    value = flows.loc[(flows["iso3"] == iso3) & (flows["year"] == year),
                      "remittances_received_usd"]
    return float(value.iloc[0]) if len(value) and pd.notna(value.iloc[0]) else math.nan


def summary(country: object) -> dict:
    """The numbers of tasks 2 and 3 for one country."""
    rows = country_corridors(country)
    mean = float(rows["avg_total_cost_pct"].mean())
    gap = max(0.0, mean - AVERAGE_TARGET)
    received = remittances_received(country)
    above = rows[rows["avg_total_cost_pct"] > CORRIDOR_CEILING]
    return {"country": country_name(country), "corridors": len(rows), "mean_cost_pct": mean,
            "gap_pp": gap, "corridors_above_5": len(above),
            "senders_above_5": list(above["sending_country"]),
            "remittances_2020_usd_million": received / 1e6,
            "gap_cost_usd_million": gap / 100 * received / 1e6}


def pilot_table() -> pd.DataFrame:
    """Tasks 2-3 repeated for the eight pilot countries."""
    rows = []
    for iso3 in PILOTS:
        try:
            figures = summary(iso3)
        except CourseError:
            continue
        figures.pop("senders_above_5")
        rows.append(figures)
    return pd.DataFrame(rows).set_index("country")


def pilot_names() -> list[str]:
    return [countries.country_name(iso3) for iso3 in PILOTS]


def country_picker(default: str = "JAM") -> Choice:
    """Radio buttons to choose one of the eight pilot countries (default Jamaica)."""
    return Choice("Which country's planning ministry do you work for?", pilot_names(),
                  countries.country_name(default))


def cost_histogram(latest: pd.DataFrame | None = None):
    """Histogram of the 2020Q3 corridor costs with the 3% and 5% lines."""
    latest = latest_corridors() if latest is None else latest
    figure, axes = plt.subplots(figsize=(8, 4.5))
    top = math.ceil(latest["avg_total_cost_pct"].max())
    axes.hist(latest["avg_total_cost_pct"], bins=range(0, top + 1), color=OKABE_ITO[0],
              edgecolor="white")
    axes.axvline(AVERAGE_TARGET, color=OKABE_ITO[2], linestyle="--", linewidth=2,
                 label="3%: average target for 2030")
    axes.axvline(CORRIDOR_CEILING, color=OKABE_ITO[5], linestyle=":", linewidth=2.5,
                 label="5%: no corridor above this by 2030")
    axes.set_title(f"Cost of sending US$200, all {len(latest)} corridors ({RPW_SOURCE})",
                   fontsize=10)
    axes.set_xlabel("Average total cost (% of the amount sent)")
    axes.set_ylabel("Number of corridors")
    axes.legend(frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return figure


def corridor_chart(country: object):
    """Bars of the chosen country's corridors, with the 3% and 5% lines."""
    rows = country_corridors(country).sort_values("avg_total_cost_pct", ascending=False)
    height = 0.45 * len(rows) + 2
    figure, axes = plt.subplots(figsize=(8, height))
    axes.barh(rows["sending_country"], rows["avg_total_cost_pct"], color=OKABE_ITO[0])
    for position, value in enumerate(rows["avg_total_cost_pct"]):
        axes.text(value, position, f" {value:.2f}%", va="center", fontsize=9, zorder=4,
                  bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5, "alpha": 0.8})
    axes.axvline(AVERAGE_TARGET, color=OKABE_ITO[2], linestyle="--", linewidth=2,
                 label="3%: average target")
    axes.axvline(CORRIDOR_CEILING, color=OKABE_ITO[5], linestyle=":", linewidth=2.5,
                 label="5%: corridor ceiling")
    axes.set_title(f"Cost of sending US$200 to {country_name(country)}, by sending country\n"
                   f"({RPW_SOURCE})", fontsize=10)
    axes.set_xlabel("Average total cost (% of the amount sent)")
    axes.set_ylabel("Sending country")
    axes.set_xlim(0, max(CORRIDOR_CEILING, rows["avg_total_cost_pct"].max()) * 1.15)
    axes.spines[["top", "right"]].set_visible(False)
    figure.legend(frameon=False, loc="lower center", ncol=2)
    figure.tight_layout(rect=(0, 0.4 / height, 1, 1))
    return figure


# ---------------------------------------------------------------- checks

@TASKS.task("1", "a number: the share of 2020Q3 corridors that cost more than 5%, in %")
def share_above_5(answer, country=None):
    costs = latest_corridors()["avg_total_cost_pct"]
    above = int((costs > CORRIDOR_CEILING).sum())
    expected = 100 * above / len(costs)
    return checks.check_number(
        "1", answer, expected, tolerance=0.1, unit="%",
        slips=[(above, "You gave the number of corridors: divide by the number of corridors and "
                       "multiply by 100."),
               (100 * int((costs <= AVERAGE_TARGET).sum()) / len(costs),
                "You counted the corridors that already meet the 3% average target; this task "
                "asks about the 5% line.")],
        hint="Share = 100 × (corridors above 5%) ÷ (all corridors); the cell above gives both "
             "counts.")


@TASKS.task("2a", "a whole number: how many corridors send money to the country in 2020Q3")
def n_corridors(answer, country):
    return checks.check_number("2a", answer, summary(country)["corridors"], tolerance=0,
                               unit="corridors",
                               hint="Count the rows of your country's corridor table.")


@TASKS.task("2b", "a number: the simple mean cost of the country's corridors, in %")
def mean_cost(answer, country):
    expected = summary(country)["mean_cost_pct"]
    return checks.check_number("2b", answer, expected, tolerance=0.01, unit="%", slips=[],
                           hint="Add the avg_total_cost_pct of every corridor in your table, then "
                                "divide by the number of corridors (two decimals are enough).")


@TASKS.task("2c", "a number: how far the mean cost is above 3%, in percentage points")
def gap_pp(answer, country):
    figures = summary(country)
    expected, mean = figures["gap_pp"], figures["mean_cost_pct"]
    slips = [(mean, "That is the mean cost itself: subtract the 3% target from it.")]
    if expected > 0:
        slips.append((-expected, "Subtract 3 from the mean, not the mean from 3."))
    hint = ("Gap = mean cost (2b) − 3. If the mean is already at or below 3%, the gap is 0."
            if expected > 0 else
            "The mean is already at or below 3%, so the gap is 0.")
    feedback = checks.check_number("2c", answer, expected, tolerance=0.01,
                               unit="percentage points", slips=slips, hint=hint)
    if feedback.correct:
        senders = figures["senders_above_5"]
        if senders:
            feedback.details = [
                f"{figures['country']} has {len(senders)} corridor(s) above 5% in {PERIOD}, from: "
                + ", ".join(senders) + ". Target 10.c asks that no corridor cost more than 5% "
                                       "by 2030."]
        else:
            feedback.details = [f"None of {figures['country']}'s corridors costs more than 5% "
                                f"in {PERIOD}."]
    return feedback


@TASKS.task("3", "a number: the yearly cost of the gap, in US$ million")
def gap_cost(answer, country):
    figures = summary(country)
    if math.isnan(figures["remittances_2020_usd_million"]):
        return not_yet("3", f"The World Bank publishes no remittances received by "
                            f"{figures['country']} in {YEAR}, so this task cannot be checked for "
                            "it.", "Choose another of the eight pilot countries and run the "
                                   "notebook again from the top.")
    expected = figures["gap_cost_usd_million"]
    # 1% of the expected value; a country whose mean is already at or below 3% has no gap.
    relative = expected > 0
    return checks.check_number(
        "3", answer, expected, tolerance=0.01 if relative else 0.05, relative=relative,
        unit="US$ million",
        slips=[(100 * expected, "The gap is in percentage points: divide it by 100 before "
                                "multiplying."),
               (1e6 * expected, "Give the answer in millions of US dollars."),
               (100e6 * expected, "Divide the gap by 100, and give the answer in millions of "
                                  "US dollars.")],
        hint="Gap cost = (gap in percentage points ÷ 100) × remittances received in 2020, in "
             "US$ million as the cell above shows them.")


@TASKS.task("4", "a whole number: how many pilot countries have a mean cost at or below 5%")
def pilots_at_or_below_5(answer, country=None):
    table = pilot_table()
    expected = int((table["mean_cost_pct"] <= CORRIDOR_CEILING).sum())
    feedback = checks.check_number(
        "4", answer, expected, tolerance=0, unit="countries",
        hint="Count the rows of the pilot table whose mean cost is 5.00 or less.")
    if feedback.correct:
        at_3 = int((table["mean_cost_pct"] <= AVERAGE_TARGET).sum())
        with_above = int((table["corridors_above_5"] > 0).sum())
        feedback.details = [
            f"{at_3} of the {len(table)} pilot countries have a mean cost at or below 3%.",
            f"{with_above} of the {len(table)} have at least one corridor above 5%.",
            "An average at or below 5% does not mean that every corridor is: target 10.c asks "
            "for both a low average and no corridor above 5%.",
        ]
    return feedback


# Task 5. Bangladesh's corridors against the two thresholds, derived from the data.
AT_OR_BELOW_3 = "At or below 3%"
BETWEEN = "Above 3% and up to 5%"
ABOVE_5 = "Above 5% (to be eliminated by 2030)"
THRESHOLD_BANDS = [AT_OR_BELOW_3, BETWEEN, ABOVE_5]
CLASSIFIED = "BGD"


def threshold_band(cost: float) -> str:
    if cost <= AVERAGE_TARGET:
        return AT_OR_BELOW_3
    if cost <= CORRIDOR_CEILING:
        return BETWEEN
    return ABOVE_5


_BAND_SENTENCES = {
    AT_OR_BELOW_3: "it is already at or below the 3% average target.",
    BETWEEN: "it meets the 5% ceiling but is above the 3% average target.",
    ABOVE_5: "it is above the 5% ceiling: this is the kind of corridor target 10.c asks to "
             "eliminate by 2030.",
}


def classified_key() -> dict[str, tuple[str, str]]:
    """Each corridor into Bangladesh -> (its band by the thresholds, a sentence from the data)."""
    rows = latest_corridors()
    rows = rows[rows["receiving_iso3"] == CLASSIFIED].sort_values("sending_country")
    key = {}
    for row in rows.itertuples():
        corridor = f"{row.sending_country} → {row.receiving_country}"
        category = threshold_band(row.avg_total_cost_pct)
        key[corridor] = (category, f"{corridor} cost {row.avg_total_cost_pct:.2f}% in {PERIOD}, "
                                   f"so {_BAND_SENTENCES[category]}")
    return key


TASKS.classify("5", THRESHOLD_BANDS, classified_key,
               hint="Compare each cost in the table with 3 and 5: at or below 3; above 3 and at "
                    "most 5; above 5.")


# Task 6. The question names a country whose cheapest corridor is far below the others: Moldova
# if the data still show Russia, Italy and Germany with Russia cheapest, else the pilot country
# with the largest spread between its cheapest and dearest corridor.
def spread_case() -> str:
    """The ISO3 code of the country the question of task 6 is about."""
    rows = latest_corridors()
    moldova = rows[rows["receiving_iso3"] == "MDA"]
    if (set(moldova["sending_iso3"]) == {"RUS", "ITA", "DEU"}
            and moldova.iloc[0]["sending_iso3"] == "RUS"):
        return "MDA"
    pilots = rows[rows["receiving_iso3"].isin(PILOTS)]
    spread = pilots.groupby("receiving_iso3")["avg_total_cost_pct"].agg(lambda s: s.max() - s.min())
    return str(spread.idxmax())


def _names(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven"}


def spread_question() -> str:
    """The question of task 6, with the country and its sending countries read from the data."""
    iso3 = spread_case()
    senders = list(country_corridors(iso3)["sending_country"])  # cheapest first
    name = countries.country_name(iso3)
    count = _WORDS.get(len(senders), str(len(senders)))
    others = "the other one" if len(senders) == 2 else \
        f"the other {_WORDS.get(len(senders) - 1, str(len(senders) - 1))}"
    return (f"In {PERIOD} {name}'s {count} surveyed corridors ran from {_names(senders)}, and "
            f"the corridor from {senders[0]} was much cheaper than {others}. Why might the simple "
            f"average of the {count} corridor costs misstate what senders to {name} actually "
            "paid?")


WEIGHTED = ("Because a simple average gives each corridor the same weight, whatever the amount of "
            "money sent through it; if most money comes through the cheap corridor, the real "
            "average cost is lower.")
TASKS.choose(
    "6", spread_question(),
    {
        "Because the World Bank measures costs only for USD 500 transfers.":
            "Remittance Prices Worldwide uses USD 200 as its reference amount.",
        WEIGHTED:
            "Corridors carry very different amounts; a weighted average, using the money sent in "
            "each corridor as weights, is closer to what senders pay (see \"going further\" 1).",
        f"Because corridor costs include taxes paid to {countries.country_name(spread_case())}'s "
        "government.":
            "The total cost is the fee plus the exchange-rate margin charged by providers.",
        "It cannot misstate anything: averages are always representative.":
            "An average hides differences between corridors; always look at the spread too.",
    },
    answer=WEIGHTED,
    hint="Does every corridor carry the same amount of money?",
)
_choose_check = TASKS.tasks["6"].check
TASKS.tasks["6"].check = lambda chosen, country=None: _choose_check(chosen)


# ---------------------------------------------------------------- going further (reference)

def weighted_mean(country: object) -> dict:
    """Going further 1: corridor costs weighted by the 2017 modelled bilateral remittances."""
    rows = country_corridors(country)
    iso3 = countries.resolve(country)
    weights = load("bilateral_remittances_2017")
    weights = weights[weights["receiving_iso3"] == iso3][["sending_iso3",
                                                          "remittances_usd_million"]]
    matched = rows.merge(weights, on="sending_iso3", how="inner")
    total = matched["remittances_usd_million"].sum()
    mean = float((matched["avg_total_cost_pct"] * matched["remittances_usd_million"]).sum() / total)
    return {"weighted_mean_pct": mean, "corridors_matched": len(matched),
            "corridors": len(rows)}


def annual_average(country: object, year: int = YEAR) -> float:
    """Going further 2: WDI's average cost of sending remittances to the country (NaN if none)."""
    iso3 = countries.resolve(country)
    data = load("remittance_cost_by_country")
    value = data.loc[(data["iso3"] == iso3) & (data["year"] == year), "avg_cost_to_country_pct"]
    return float(value.iloc[0]) if len(value) and pd.notna(value.iloc[0]) else math.nan
