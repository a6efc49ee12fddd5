"""Exercise 10.2: the arithmetic of Eastmere's diaspora bond and the check of its indicators'
breakdowns (logic only; every word is in tasks.yaml). Eastmere and its tables are FICTIONAL
(data/fictional/eastmere_diaspora_bond.csv, eastmere_diaspora_indicators.csv)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from migdev import checks
from migdev.data import load
from migdev.taskfile import read
from migdev.widgets import Classifier

SPEC = read(Path(__file__).with_name("tasks.yaml"))
TASKS = {task["id"]: task for task in SPEC["tasks"]}
BREAKDOWNS = {"by_sex": "sex", "by_age": "age", "by_country_of_residence": "residence"}
REQUIRED = {"people": list(BREAKDOWNS), "money": ["by_country_of_residence"]}


# ---------------------------------------------------------------- tables for the notebook
def bond() -> pd.Series:
    return load("eastmere_diaspora_bond").iloc[0]


def bond_terms() -> pd.DataFrame:
    """The bond's terms, one per row, with the words of the task file (FICTIONAL data)."""
    texts, terms = SPEC["texts"], bond().drop("bond_id")
    return pd.DataFrame({texts["term"]: [texts[name] for name in terms.index], texts["value"]: list(terms)})


def indicators() -> pd.DataFrame:
    return load("eastmere_diaspora_indicators").set_index("indicator_id")


# ---------------------------------------------------------------- the bond (tasks 2 and 3)
def _saving(amount=None, years=None, per_point=100.0) -> float:
    """Interest saved by the diaspora bond on ``amount`` over ``years`` (gross, US$ million)."""
    terms = bond()
    amount = terms["target_usd_million"] if amount is None else amount
    years = terms["years"] if years is None else years
    return float(amount * (terms["market_rate_pct"] - terms["diaspora_coupon_pct"]) / per_point * years)


def _cost() -> float:
    return float(bond()["fixed_cost_usd_million"])


def net_saving():
    return _saving() - _cost()


def gross_saving():
    return _saving()


def one_year_net():
    return _saving(years=1) - _cost()


def one_year_gross():
    return _saving(years=1)


def whole_percent():
    return _saving(per_point=1) - _cost()


def take_up_saving():
    return _saving(amount=bond()["expected_take_up_usd_million"]) - _cost()


def break_even():
    return _cost() / _saving(amount=1)


def break_even_one_year():
    return _cost() / _saving(amount=1, years=1)


def break_even_whole_percent():
    return _cost() / _saving(amount=1, per_point=1)


def saving_curve(points: int = 41) -> pd.DataFrame:
    """Net saving (US$ million) for amounts sold from 0 to the target (FICTIONAL data)."""
    amounts = [bond()["target_usd_million"] * step / (points - 1) for step in range(points)]
    curve = pd.DataFrame(
        {SPEC["texts"]["curve_column"]: [_saving(amount=a) - _cost() for a in amounts]}, index=amounts
    )
    return curve.rename_axis(SPEC["texts"]["curve_xlabel"])


def take_up_clears() -> str:
    """Task 3b: the first option (yes) when the expected take-up reaches break-even."""
    yes, no = (option["text"] for option in TASKS["3b"]["options"])
    return yes if bond()["expected_take_up_usd_million"] >= break_even() else no


# ---------------------------------------------------------------- the indicators (task 6)
def _item(row) -> str:
    return f"{row.Index}. {row.indicator}"


def indicator_classes() -> dict[str, tuple[str, list[str], list[str]]]:
    """Item -> (category, breakdowns required, breakdowns missing), by the plan's rule."""
    complete, partial, none = TASKS["6"]["categories"]
    found = {}
    for row in indicators().itertuples():
        required = REQUIRED[row.counts]
        missing = [name for name in required if getattr(row, name) != "yes"]
        category = complete if not missing else none if len(missing) == len(required) else partial
        found[_item(row)] = (category, required, missing)
    return found


def indicator_picker(ex) -> Classifier:
    return Classifier(list(indicator_classes()), TASKS["6"]["categories"], ex.saved("6"))


def _listed(task, names: list[str]) -> str:
    words = [task.say(BREAKDOWNS[name]) for name in names]
    return task.say(f"list_{len(words)}", **dict(zip("abc", words, strict=False)))


def check_indicators(task, answer):
    counts, key = indicators()["counts"], {}
    for item, (category, required, missing) in indicator_classes().items():
        identifier = item.split(".")[0]
        verdict = (
            task.say("all_there")
            if not missing
            else task.say("none_there")
            if len(missing) == len(required)
            else task.say("some_missing", missing=_listed(task, missing))
        )
        if counts[identifier] == "money":
            verdict += " " + task.say("money_note")
        key[item] = (
            category,
            task.say(
                "why",
                indicator=identifier,
                verdict=verdict,
                counts=task.say(f"counts_{counts[identifier]}"),
                required=_listed(task, required),
            ),
        )
    return checks.check_classification(task.id, answer, key, hint=task.hint)
