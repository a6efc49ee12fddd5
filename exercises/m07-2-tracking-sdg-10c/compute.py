"""Exercise 7.2: corridor costs against the 3% and 5% lines of SDG target 10.c (logic only; the
words are in tasks.yaml). The corridors are those of remittance_costs_corridors in 2020Q3."""

import math

import matplotlib.pyplot as plt
import pandas as pd

from migdev import checks, countries
from migdev.charts import OKABE_ITO, bar_chart
from migdev.data import CourseError, load
from migdev.feedback import not_yet
from migdev.taskfile import texts

PERIOD, YEAR = "2020Q3", 2020
AVERAGE_TARGET, CORRIDOR_CEILING = 3, 5  # %: target 10.c, average below 3%, no corridor above 5%
PILOTS = list(load("pilot_country_routes")["iso3"])  # the eight countries that applied the Handbook
TEXTS = texts(__file__)  # captions, labels, messages


def latest_corridors() -> pd.DataFrame:
    """Every corridor in 2020Q3, cheapest first."""
    data = load("remittance_costs_corridors")
    columns = ["sending_country", "sending_iso3", "receiving_country", "receiving_iso3", "avg_total_cost_pct"]
    return data[data["period"] == PERIOD].sort_values("avg_total_cost_pct").reset_index(drop=True)[columns]


def country_corridors(country: object) -> pd.DataFrame:
    """The country's corridors in 2020Q3, cheapest first, with the distance from 3%."""
    iso3 = countries.resolve(country)
    latest = latest_corridors()
    rows = latest[latest["receiving_iso3"] == iso3].reset_index(drop=True)
    if rows.empty:
        raise CourseError(TEXTS["no_corridors"].format(country=countries.country_name(iso3), period=PERIOD))
    rows = rows[["sending_country", "sending_iso3", "avg_total_cost_pct"]].copy()
    rows["distance_from_3_pp"] = rows["avg_total_cost_pct"] - AVERAGE_TARGET
    return rows


def remittances_received(country: object, year: int = YEAR) -> float:
    """Personal remittances received in ``year``, in US$ (NaN if missing)."""
    flows = load("financial_flows").set_index(["iso3", "year"])["remittances_received_usd"]
    value = flows.get((countries.resolve(country), year), math.nan)
    return float(value) if pd.notna(value) else math.nan


def summary(country: object) -> dict:
    """The numbers of tasks 2 and 3 for one country."""
    rows, received = country_corridors(country), remittances_received(country)
    mean = float(rows["avg_total_cost_pct"].mean())
    gap, above = max(0.0, mean - AVERAGE_TARGET), rows[rows["avg_total_cost_pct"] > CORRIDOR_CEILING]
    return {
        "country": countries.country_name(countries.resolve(country)),
        "corridors": len(rows),
        "mean_cost_pct": mean,
        "gap_pp": gap,
        "corridors_above_5": len(above),
        "senders_above_5": list(above["sending_country"]),
        "remittances_2020_usd_million": received / 1e6,
        "gap_cost_usd_million": gap / 100 * received / 1e6,
    }


def pilot_table() -> pd.DataFrame:
    """Tasks 2-3 repeated for the eight pilot countries."""
    rows = [summary(iso3) for iso3 in PILOTS]
    return pd.DataFrame(rows).drop(columns="senders_above_5").set_index("country")


def _costs() -> pd.Series:
    return latest_corridors()["avg_total_cost_pct"]


def count_above_5() -> int:
    return int((_costs() > CORRIDOR_CEILING).sum())


def share_above_5() -> float:
    return 100 * count_above_5() / len(_costs())


def share_at_or_below_3() -> float:
    return 100 * int((_costs() <= AVERAGE_TARGET).sum()) / len(_costs())


def n_corridors(country: str) -> int:
    return summary(country)["corridors"]


def mean_cost(country: str) -> float:
    return summary(country)["mean_cost_pct"]


def gap_reversed(country: str) -> float | None:
    return -summary(country)["gap_pp"] or None  # a slip only when there is a gap


def check_gap(task, answer, country):
    figures = summary(country)
    feedback = task.check_number(answer, figures["gap_pp"], {"country": country})
    if figures["gap_pp"] == 0 and feedback.hint == task.hint:
        feedback.hint = task.say("hint_no_gap")
    if feedback.correct:
        senders, words = figures["senders_above_5"], {"country": figures["country"], "period": PERIOD}
        key = "senders_above" if senders else "none_above"
        feedback.details = [task.say(key, count=len(senders), senders=", ".join(senders), **words)]
    return feedback


def check_gap_cost(task, answer, country):
    figures = summary(country)
    if math.isnan(figures["remittances_2020_usd_million"]):
        no_data = task.say("no_data", country=figures["country"], year=YEAR)
        return not_yet(task.id, no_data, task.say("choose_another"))
    expected = figures["gap_cost_usd_million"]
    advice = {100: "slip_percent", 1e6: "slip_unit", 100e6: "slip_both"}
    slips = [(factor * expected, task.say(key)) for factor, key in advice.items()]
    relative = expected > 0  # 1% of the value; a country with no gap: within 0.05
    margin = {"tolerance": 0.01 if relative else 0.05, "relative": relative, "unit": task.spec["unit"]}
    return checks.check_number(task.id, answer, expected, hint=task.hint, slips=slips, **margin)


def check_pilots(task, answer):
    table = pilot_table()
    feedback = task.check_number(answer, int((table["mean_cost_pct"] <= CORRIDOR_CEILING).sum()))
    if feedback.correct:
        total = len(table)
        feedback.details = [
            task.say("at_3", count=int((table["mean_cost_pct"] <= AVERAGE_TARGET).sum()), total=total),
            task.say("with_above", count=int((table["corridors_above_5"] > 0).sum()), total=total),
            task.say("both_asked"),
        ]
    return feedback


def _lines(axes, average_label: str, ceiling_label: str) -> None:
    axes.axvline(AVERAGE_TARGET, color=OKABE_ITO[2], ls="--", lw=2, label=TEXTS[average_label])
    axes.axvline(CORRIDOR_CEILING, color=OKABE_ITO[5], ls=":", lw=2.5, label=TEXTS[ceiling_label])
    axes.set_xlabel(TEXTS["axis_cost"])
    axes.spines[["top", "right"]].set_visible(False)


def cost_histogram(latest: pd.DataFrame | None = None):
    """Histogram of the 2020Q3 corridor costs with the 3% and 5% lines."""
    latest = latest_corridors() if latest is None else latest
    figure, axes = plt.subplots(figsize=(8, 4.5))
    costs = latest["avg_total_cost_pct"]
    axes.hist(costs, color=OKABE_ITO[0], edgecolor="white", bins=range(0, math.ceil(costs.max()) + 1))
    _lines(axes, "line_average_2030", "line_ceiling_2030")
    axes.set_title(TEXTS["histogram_title"].format(count=len(latest), source=TEXTS["source"]), fontsize=10)
    axes.set_ylabel(TEXTS["axis_corridors"])
    axes.legend(frameon=False)
    figure.tight_layout()
    return figure


def corridor_chart(country: object):
    """Bars of the chosen country's corridors, with the 3% and 5% lines."""
    costs = country_corridors(country).set_index("sending_country")["avg_total_cost_pct"]
    name = countries.country_name(countries.resolve(country))
    title = f"{TEXTS['bars_title'].format(country=name)}\n({TEXTS['source']})"
    limits = (0, max(CORRIDOR_CEILING, costs.max()) * 1.15)
    figure = bar_chart(costs, title, TEXTS["axis_cost"], TEXTS["axis_sending"], "{:.2f}%", limits)
    _lines(figure.axes[0], "line_average", "line_ceiling")
    figure.legend(frameon=False, loc="lower center", ncol=2)
    figure.tight_layout(rect=(0, 0.4 / figure.get_figheight(), 1, 1))
    return figure


def weighted_mean(country: object) -> dict:
    """Corridor costs weighted by the 2017 modelled bilateral remittances."""
    rows = country_corridors(country)
    weights = load("bilateral_remittances_2017")
    weights = weights[weights["receiving_iso3"] == countries.resolve(country)]
    matched = rows.merge(weights[["sending_iso3", "remittances_usd_million"]], on="sending_iso3")
    total = matched["remittances_usd_million"].sum()
    mean = float((matched["avg_total_cost_pct"] * matched["remittances_usd_million"]).sum() / total)
    return {"weighted_mean_pct": mean, "corridors_matched": len(matched), "corridors": len(rows)}
