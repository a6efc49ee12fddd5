"""Exercise 14.1: women and men among a country's emigrants (UN DESA origin-destination stocks),
and the breakdowns the course's real datasets allow (logic only; every word is in tasks.yaml)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from migdev import checks, countries
from migdev.data import load, resource
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
    "MLI",
    "MEX",
    "MDA",
    "MAR",
    "NPL",
    "PHL",
    "SEN",
    "SRB",
    "TJK",
]
LEFT_OUT = {"TUN": "left_out_tunisia", "TON": "left_out_pacific", "WSM": "left_out_pacific"}
FIRST, LAST, TOP, RISERS = 2000, 2020, 10, 5
HARDLY, TOLERANCE, ABOUT_SAME = 1.0, 0.5, 2.0  # percentage points: task 3, task 5, task 5
SEX = {"female": "stock_female", "male": "stock_male", "all": "stock_total"}
WORDS = {"female": "women", "male": "men", "all": "all"}
DATASETS = [
    "bilateral_stock_focus",
    "migrant_stock_by_destination",
    "immigrants_emigrants",
    "population_net_migration",
    "remittances_2023_vintage",
    "sdg_10_7_2_policies",
]


def offered() -> list[str]:
    return countries.names_of(OFFERED)


def iso3_of(country: object) -> str:
    return countries.one_of(country, OFFERED, LEFT_OUT, TEXTS)


def _rows(country) -> pd.DataFrame:
    data = load("bilateral_stock_focus")
    return data[data["origin_iso3"] == iso3_of(country)]


def _sums(country) -> pd.DataFrame:
    return _rows(country).groupby("year")[list(SEX.values())].sum()


def _wide(country, sex: str) -> pd.DataFrame:
    """Destination name x (2000, 2020): emigrants of one sex (0 where a corridor is absent)."""
    return _rows(country).pivot_table(
        index="destination", columns="year", values=SEX[sex], aggfunc="sum", fill_value=0
    )[[FIRST, LAST]]


def _added(country, sex: str) -> pd.Series:
    wide = _wide(country, sex)
    return wide[LAST] - wide[FIRST]


# ---------------------------------------------------------------- tables for the notebook
def totals(country) -> pd.DataFrame:
    return _sums(country).rename(columns={v: TEXTS(WORDS[k]) for k, v in SEX.items()})


def destinations(country) -> pd.DataFrame:
    shown = list(_wide(country, "all")[LAST].nlargest(TOP).index)
    for sex in ("male", "female"):
        shown += [n for n in _added(country, sex).nlargest(RISERS).index if n not in shown]
    table = pd.DataFrame(
        {
            f"{TEXTS(WORDS[sex])} {year}": _wide(country, sex)[year]
            for sex in ("male", "female")
            for year in (FIRST, LAST)
        }
    )
    return table.loc[shown].astype("Int64")


def picker(ex, task: str, country) -> Choice:
    return Choice(TASKS[task]["question"], list(destinations(country).index), ex.saved(task))


def dataset_picker(ex) -> Classifier:
    return Classifier(list(dataset_classes()), TASKS["6"]["categories"], ex.saved("6"))


# ---------------------------------------------------------------- tasks 1 to 3
def _share(country, year) -> float:
    sums = _sums(country).loc[year]
    return float(100 * sums["stock_female"] / sums["stock_total"])


def share_2020(country):
    return _share(country, LAST)


def share_change(country):
    return _share(country, LAST) - _share(country, FIRST)


def share_change_reversed(country):
    return -share_change(country)


def share_relative_change(country):
    return 100 * (_share(country, LAST) / _share(country, FIRST) - 1)


def _growth(country, sex: str, how: str = "change") -> float:
    old, new = (float(v) for v in _sums(country).loc[[FIRST, LAST], SEX[sex]])
    return {"change": 100 * (new / old - 1), "base_2020": 100 * (1 - old / new), "persons": new - old}[how]


def women_growth(country):
    return _growth(country, "female")


def men_growth(country):
    return _growth(country, "male")


def women_growth_base_2020(country):
    return _growth(country, "female", "base_2020")


def men_growth_base_2020(country):
    return _growth(country, "male", "base_2020")


def women_added(country):
    return _growth(country, "female", "persons")


def men_added(country):
    return _growth(country, "male", "persons")


def what_drove_share(country) -> str:
    """Task 3: the one statement that the size and signs of the changes support."""
    change, options = share_change(country), [o["text"] for o in TASKS["3"]["options"]]
    if abs(change) < HARDLY:
        return options[4]
    if change < 0:
        return options[0] if women_growth(country) < 0 else options[1]
    return options[3] if men_growth(country) < 0 else options[2]


# ---------------------------------------------------------------- tasks 4 and 5 (custom checks)
def most_added(country, sex: str) -> str:
    return _added(country, sex).idxmax()


def _check_most(task, answer, country, sex: str):
    chosen = getattr(answer, "value", answer)
    if chosen is None and hasattr(answer, "value"):
        return not_yet(task.id, say("missing_widget"), task.hint)
    added, names, right = _added(country, sex), list(destinations(country).index), most_added(country, sex)
    why = {name: task.say("change", change=float(added[name])) for name in names}
    largest = _wide(country, "all")[LAST].idxmax()
    if largest != right:
        why[largest] += " " + task.say("largest")
    feedback = checks.check_choice(task.id, chosen, right, names, explanations=why, hint=task.hint)
    men = most_added(country, "male")
    return feedback.with_note(
        task.say("same" if men == most_added(country, "female") else "different", men=men)
    )


def check_most_men(task, answer, country=None):
    return _check_most(task, answer, country, "male")


def check_most_women(task, answer, country=None):
    return _check_most(task, answer, country, "female")


def corridor_share(country) -> float:
    where = most_added(country, "male")
    return float(100 * _wide(country, "female").loc[where, LAST] / _wide(country, "all").loc[where, LAST])


def check_corridor_share(task, answer, country=None):
    expected, every = corridor_share(country), _wide(country, "all")[LAST]
    slips = [
        (100 * every[most_added(country, "male")] / every.sum(), task.say("destination_share")),
        (100 - expected, task.say("men_share")),
    ]
    feedback = checks.check_number(
        task.id, answer, expected, tolerance=TOLERANCE, unit="%", hint=task.hint, slips=slips
    )
    overall = share_2020(country)
    word = (
        "about_same" if abs(expected - overall) <= ABOUT_SAME else "lower" if expected < overall else "higher"
    )
    return feedback.with_note(task.say(word, corridor=expected, overall=overall))


# ---------------------------------------------------------------- task 6 (the data package)
def breakdowns(name: str) -> dict[str, list[str]]:
    """A dataset's columns counted in persons, and those by sex and by age, from its schema."""
    fields = resource(name)["schema"]["fields"]
    persons = [f["name"] for f in fields if f.get("unit") == "persons"]
    return {
        "persons": persons,
        "units": sorted({f["unit"] for f in fields if f.get("unit")}),
        "sex": [n for n in persons if set(n.split("_")) & {"female", "male", "sex"}],
        "age": [n for n in persons if "age" in n.split("_") or "age_group" in n],
    }


def dataset_classes() -> dict[str, str]:
    """Item (dataset: title) -> category, by the rule of task 6."""
    names, found = TASKS["6"]["categories"], {}
    for name in DATASETS:
        b = breakdowns(name)
        found[f"{name}: {resource(name)['title']}"] = names[
            3 if not b["persons"] else 0 if b["sex"] and b["age"] else 1 if b["sex"] else 2
        ]
    return found


def dataset_cards() -> pd.DataFrame:
    rows = [
        [
            name,
            resource(name)["title"],
            ", ".join(
                f["name"] if f["unit"] == "persons" else f"{f['name']} ({f['unit']})"
                for f in resource(name)["schema"]["fields"]
                if f.get("unit")
            ),
        ]
        for name in DATASETS
    ]
    return pd.DataFrame(
        rows, columns=[TEXTS(k) for k in ("column_dataset", "column_title", "column_columns")]
    )


def check_datasets(task, answer):
    key = {}
    for name, (item, category) in zip(DATASETS, dataset_classes().items(), strict=True):
        b = {k: ", ".join(v) for k, v in breakdowns(name).items()}
        parts = [
            ("people", b["persons"]),
            ("sex_yes" if b["sex"] else "sex_no", b["sex"]),
            ("age_yes" if b["age"] else "age_no", b["age"]),
        ]
        key[item] = (
            category,
            " ".join(task.say(k, columns=v) for k, v in parts)
            if b["persons"]
            else task.say("not_people", units=b["units"]),
        )
    note = "" if any(breakdowns(name)["age"] for name in DATASETS) else task.say("no_age")
    return checks.check_classification(task.id, answer, key, hint=task.hint, note=note)
