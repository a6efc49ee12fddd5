"""Exercise 10.1: a diaspora mapped from the UN DESA origin-destination matrix and the World Bank's
modelled 2017 remittance corridors (logic only; every word is in tasks.yaml)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from migdev import checks, countries
from migdev.data import load
from migdev.feedback import not_yet
from migdev.taskfile import read, texts
from migdev.text import say
from migdev.widgets import Choice, Classifier

SPEC = read(Path(__file__).with_name("tasks.yaml"))
TEXTS = texts(__file__)  # every message, spacing normalised
TASKS = {task["id"]: task for task in SPEC["tasks"]}
OFFERED = [
    "BGD",
    "ECU",
    "SLV",
    "HTI",
    "HND",
    "JAM",
    "KGZ",
    "LBN",
    "MEX",
    "MDA",
    "MAR",
    "NPL",
    "PHL",
    "SEN",
    "SRB",
    "TJK",
]
LEFT_OUT = {
    "TUN": "left_out_tunisia",
    "MLI": "left_out_mali",
    "TON": "left_out_pacific",
    "WSM": "left_out_pacific",
}
FIRST, BASE, EARLIER, LAST, TOP, SIX = 2000, 2010, 2015, 2020, 10, 6
LARGE = GROWING = 10.0  # task 6: teaching thresholds in %, not a standard


def offered() -> list[str]:
    return countries.names_of(OFFERED)


def iso3_of(country: object) -> str:
    return countries.one_of(country, OFFERED, LEFT_OUT, TEXTS)


# ---------------------------------------------------------------- tables for the notebook
def emigrants(country) -> pd.DataFrame:
    data = load("immigrants_emigrants")
    rows = data[(data["iso3"] == iso3_of(country)) & data["year"].between(FIRST, LAST)]
    return rows.set_index("year")[["emigrants", "emigrants_pct_pop"]]


def stocks(country) -> pd.DataFrame:
    """One row per destination (ISO3), largest in 2020 first: emigrants each year (0 where the
    corridor is absent), women in 2020, remittances sent in 2017 (US$ million, NaN if absent)."""
    data, iso3 = load("bilateral_stock_focus"), iso3_of(country)
    rows = data[data["origin_iso3"] == iso3]
    wide = rows.pivot(index="destination_iso3", columns="year", values="stock_total")
    wide = wide.astype(float).fillna(0).rename_axis(columns=None)
    wide["women"] = rows[rows["year"] == LAST].set_index("destination_iso3")["stock_female"]
    wide["destination"] = rows.groupby("destination_iso3")["destination"].first()
    sent = load("bilateral_remittances_2017").query("receiving_iso3 == @iso3")
    wide["remittances"] = sent.set_index("sending_iso3")["remittances_usd_million"]
    wide.attrs["all_remittances"] = float(sent["remittances_usd_million"].sum())
    return wide.sort_values(LAST, ascending=False)


def _table(country, columns, count, total_label=None) -> pd.DataFrame:
    table = stocks(country)
    top = table.head(count).set_index("destination")[columns]
    if total_label:
        total = table[columns].sum().rename(TEXTS(total_label))
        if "remittances" in columns:
            total["remittances"] = table.attrs["all_remittances"]
        top = pd.concat([top, total.to_frame().T])
    names = {year: f"emigrants {year}" for year in (FIRST, BASE, EARLIER, LAST)}
    names.update(women=f"women {LAST}", remittances="remittances 2017 (US$ million)")
    return top.rename_axis("destination").rename(columns=names)


def destinations(country) -> pd.DataFrame:
    return _table(country, [EARLIER, LAST, "women"], TOP, "all_destinations").astype("Int64")


def money(country) -> pd.DataFrame:
    table = _table(country, [LAST, "remittances"], TOP, "all_senders").round(2)
    return table.astype({f"emigrants {LAST}": "Int64"})


def growth_table(country) -> pd.DataFrame:
    table = _table(country, [FIRST, BASE, LAST], SIX).astype("Int64")
    shares = {name: share for name, (_, share, _) in classes(country).items()}
    table.insert(0, f"share of all emigrants {LAST} (%)", pd.Series(shares).round(1))
    return table


def women_shares(country) -> pd.Series:
    top = stocks(country).head(TOP).set_index("destination")
    return (100 * top["women"] / top[LAST]).rename("women, % of emigrants")


# ---------------------------------------------------------------- expected answers and slips
def _e(country, year, column="emigrants") -> float:
    return float(emigrants(country).loc[year, column])


def growth(country):
    return 100 * (_e(country, LAST) / _e(country, FIRST) - 1)


def growth_ratio(country):
    return _e(country, LAST) / _e(country, FIRST)


def growth_ratio_percent(country):
    return 100 * growth_ratio(country)


def growth_base_2020(country):
    return 100 * (1 - _e(country, FIRST) / _e(country, LAST))


def growth_pct_pop(country):
    return _e(country, LAST, "emigrants_pct_pop") - _e(country, FIRST, "emigrants_pct_pop")


def _top_share(country, count=3, year=LAST, over=None) -> float:
    column = stocks(country)[year].sort_values(ascending=False)
    return 100 * column.head(count).sum() / column.head(over or len(column)).sum()


def top3_share(country):
    return _top_share(country)


def top3_over_ten(country):
    return _top_share(country, over=TOP)


def top1_share(country):
    return _top_share(country, count=1)


def top3_share_2015(country):
    return _top_share(country, year=EARLIER)


def _shares(country, over_listed=False) -> tuple[float, float]:
    """(emigrant share, remittance share) of the largest destination, in %."""
    table = stocks(country)
    sent = table["remittances"].head(TOP).sum() if over_listed else table.attrs["all_remittances"]
    largest = table.iloc[0]
    return 100 * largest[LAST] / table[LAST].sum(), 100 * largest["remittances"] / sent


def money_gap(country):
    return _shares(country)[1] - _shares(country)[0]


def money_gap_reversed(country):
    return -money_gap(country)


def money_gap_over_listed(country):
    return _shares(country, True)[1] - _shares(country)[0]


def minus_stock_share(country):
    return -_shares(country)[0]


def extremes(country, lowest: bool) -> list[str]:
    """Task 3: the destination(s) with the lowest (or highest) women's share."""
    shares = women_shares(country)
    return list(shares[shares == (shares.min() if lowest else shares.max())].index)


def classes(country, base=BASE) -> dict[str, tuple[str, float, float]]:
    """Task 6: destination -> (category, share of all emigrants in 2020 %, change since base %)."""
    table, names, found = stocks(country), TASKS["6"]["categories"], {}
    for _, row in table.head(SIX).iterrows():
        share = 100 * row[LAST] / table[LAST].sum()
        change = 100 * (row[LAST] / row[base] - 1) if row[base] > 0 else float("inf")
        found[row["destination"]] = (names[2 * (share < LARGE) + (change < GROWING)], share, change)
    return found


# ---------------------------------------------------------------- widgets and custom checks
def picker(ex, task: str, country) -> Choice:
    return Choice(TASKS[task]["question"], list(women_shares(country).index), ex.saved(task))


def class_picker(ex, country) -> Classifier:
    return Classifier(list(classes(country)), TASKS["6"]["categories"], ex.saved("6"))


def _extreme(task, answer, country, lowest: bool):
    chosen = getattr(answer, "value", answer)
    if chosen is None and hasattr(answer, "value"):
        return not_yet(task.id, say("missing_widget"), task.hint)
    shares, right = women_shares(country), extremes(country, lowest)
    why = {name: task.say("share", share=share) for name, share in shares.items()}
    fewest = stocks(country).head(TOP).set_index("destination")["women"].idxmin()
    if lowest and fewest not in right:
        why[fewest] += " " + task.say("persons")
    feedback = checks.check_choice(
        task.id, chosen, right, list(shares.index), explanations=why, hint=task.hint
    )
    if lowest:
        return feedback
    table = stocks(country)
    return feedback.with_note(
        task.say(
            "spread",
            low=shares.min(),
            low_name=shares.idxmin(),
            high=shares.max(),
            high_name=shares.idxmax(),
            overall=100 * table["women"].sum() / table[LAST].sum(),
        )
    )


def check_lowest(task, answer, country=None):
    return _extreme(task, answer, country, True)


def check_highest(task, answer, country=None):
    return _extreme(task, answer, country, False)


def check_classes(task, answer, country=None):
    found, earlier, key = classes(country), classes(country, base=FIRST), {}
    for name, (category, share, change) in found.items():
        size = task.say("large" if share >= LARGE else "smaller", threshold=LARGE)
        growth_words = (
            task.say("new")
            if change == float("inf")
            else task.say("growing" if change >= GROWING else "not_growing", change=change, threshold=GROWING)
        )
        key[name] = (category, task.say("why", destination=name, share=share, size=size, growth=growth_words))
    feedback = checks.check_classification(task.id, answer, key, hint=task.hint)
    given = getattr(answer, "value", answer)
    if isinstance(given, dict) and not feedback.correct:
        feedback.details += [
            task.say("from_2000", destination=name)
            for name in found
            if given.get(name) == earlier[name][0] != found[name][0]
        ]
    return feedback
