"""Exercise 5.1: weighted scores of the FICTIONAL Eastmere interventions, and the checks of tasks
1-4 (logic only; words in tasks.yaml). Rule of Module 5: score = sum(weight * score) / sum(weight),
compared at 6 decimals, with competition ranking (1, 1, 3...)."""

import html
import itertools
import numbers
from functools import cache

import matplotlib.pyplot as plt
import pandas as pd

from migdev import checks
from migdev.charts import OKABE_ITO
from migdev.data import CourseError, load
from migdev.display import show
from migdev.feedback import correct, not_yet
from migdev.taskfile import texts
from migdev.text import say

TEXTS = text = texts(__file__)


CRITERIA = ["relevance", "poverty", "feasibility", "cost", "rights_gender"]  # columns of the data
LABELS = [text(f"criterion_{column}") for column in CRITERIA]  # the sliders' labels
COLUMNS = dict(zip(LABELS, CRITERIA, strict=True))
MAX_WEIGHT = 100  # the sliders go from 0 to 5; a typed dict may go further
INTERVENTIONS = load("eastmere_interventions").set_index("id")
TARGET = "C"  # task 4


def weights_of(**changes: float) -> dict[str, float]:
    """Every weight at 1, except those changed, e.g. ``weights_of(poverty=3)``."""
    return {label: float(changes.get(column, 1)) for label, column in COLUMNS.items()}


EQUAL_WEIGHTS = weights_of()
TASK_WEIGHTS = {"1": EQUAL_WEIGHTS, "2": weights_of(poverty=3), "3": weights_of(rights_gender=3)}
TASK_WEIGHTS["5"] = weights_of(relevance=2, rights_gender=2)


# ----------------------------------------------------------------------------- tables
def scores_table() -> pd.DataFrame:
    return INTERVENTIONS[["intervention", *CRITERIA]].rename(
        columns={c: label for label, c in COLUMNS.items()}
    )


def reasons_table() -> pd.DataFrame:
    return INTERVENTIONS[["reason"]].rename(columns={"reason": text("reasons_column")})


def read_weights(weights: object) -> dict[str, float]:
    """The weights as {column: number}, from a Sliders widget or a dict; CourseError if unusable."""
    values = getattr(weights, "value", weights)
    if not isinstance(values, dict):
        raise CourseError(text("weights_not_sliders"))
    found: dict[str, float] = {}
    for label, column in COLUMNS.items():
        value = values.get(label, values.get(column))
        if isinstance(value, bool) or not isinstance(value, numbers.Real) or not 0 <= value <= MAX_WEIGHT:
            raise CourseError(text("weight_not_number", label=label, maximum=MAX_WEIGHT))
        found[column] = float(value)
    return found


def weighted_scores(weights: object) -> pd.Series:
    """Score of each intervention: sum(weight * score) / sum(weight), rounded to 6 decimals."""
    found = read_weights(weights)
    total = sum(found.values())
    if total == 0:
        raise CourseError(text("all_weights_zero"))
    scores = sum(INTERVENTIONS[c].astype(float) * weight for c, weight in found.items()) / total
    return scores.round(6).rename("weighted score")


def ranking(weights: object) -> pd.DataFrame:
    """Interventions by descending score; equal scores share a rank (1, 1, 3...), A to F within."""
    scores = weighted_scores(weights)
    ranks = scores.rank(method="min", ascending=False).astype(int)
    names = INTERVENTIONS["intervention"]
    table = pd.DataFrame({"rank": ranks, "weighted score": scores.round(2), "intervention": names})
    return table.loc[sorted(table.index, key=lambda i: (table.loc[i, "rank"], i))]


def leaders(weights: object) -> list[str]:
    """The ids at rank 1, in table order."""
    return list(ranking(weights).query("rank == 1").index)


@cache
def weights_that_put_first(target: str) -> dict[str, float] | None:
    """The first integer weights 0-5 (in counting order) under which ``target`` is first alone."""
    matrix = INTERVENTIONS[CRITERIA].to_numpy(dtype=float)
    row = list(INTERVENTIONS.index).index(target)
    for combination in itertools.product(range(6), repeat=len(CRITERIA)):
        if any(combination):
            scores = (matrix @ combination / sum(combination)).round(6)
            if (scores < scores[row]).sum() == len(scores) - 1:
                weights = dict(zip(LABELS, map(float, combination), strict=True))
                if leaders(weights) == [target]:  # confirm with the scoring rule itself
                    return weights
    return None


def d_score() -> float:
    """Task 5: D's weighted score with the weights of task 5."""
    return float(weighted_scores(TASK_WEIGHTS["5"])["D"])


def d_weighted_sum() -> float:  # a slip: not divided by the sum of the weights
    return d_score() * sum(TASK_WEIGHTS["5"].values())


def d_equal_weights() -> float:
    return float(INTERVENTIONS.loc["D", CRITERIA].astype(float).mean())


# ----------------------------------------------------------------------------- display
def score_chart(weights: object, title: str | None = None):
    """Horizontal bars, first place at the top; interventions at rank 1 are hatched and orange."""
    table = ranking(weights).iloc[::-1]
    figure, axes = plt.subplots(figsize=(8, 3.6))
    first = table["rank"] == 1
    bars = axes.barh(list(table.index), table["weighted score"], color=[OKABE_ITO[top] for top in first])
    for bar, top in zip(bars, first, strict=True):
        bar.set_hatch("//" if top else "")
    for position, value in enumerate(table["weighted score"]):
        axes.text(value, position, f" {value:.2f}", va="center", fontsize=9)
    axes.set(title=title or text("chart_title"), xlabel=text("chart_xlabel"), ylabel=text("chart_ylabel"))
    axes.set_xlim(0, 5.4)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return figure


def _weights_text(weights: dict[str, float]) -> str:
    return ", ".join(f"{label} {weights[label]:g}" for label in LABELS if label in weights)


def ranking_view(values: dict) -> tuple[str, object, str]:
    """The ranking for the sliders' values (for a LiveView): HTML table, chart, plain text."""
    try:
        table = ranking(values)
    except CourseError as problem:
        return f"<p><strong>{html.escape(str(problem))}</strong></p>", None, str(problem)
    caption = text("ranking_caption", weights=_weights_text(values))
    return (
        f"<p><em>{html.escape(caption)}</em></p>" + table.to_html(),
        score_chart(values),
        f"{caption}\n{table}",
    )


# ----------------------------------------------------------------------------- checks
def _gate(task, weights: object):
    """Not yet, unless the sliders hold exactly the weights the task asks for (tasks 2 and 3)."""
    required = TASK_WEIGHTS[task.id]
    try:
        found = read_weights(weights)
    except CourseError as problem:
        return not_yet(task.id, str(problem), task.say("set_sliders_first"))
    wrong = [label for label, column in COLUMNS.items() if found[column] != required[label]]
    if wrong:
        advice = task.say("sliders_to_change", labels=", ".join(wrong))
        return not_yet(task.id, task.say("set_sliders_as_asked", weights=_weights_text(required)), advice)
    return None


def first_place(task, answer: object, weights: object = None):
    """Tasks 1-3: the option at the top of the ranking (tasks 2 and 3 check the sliders first).
    Tasks 1 and 2 read the id alone ("A"); task 3 asks for one leader or a tie."""
    gate = _gate(task, weights) if task.id != "1" else None
    if gate is not None:  # a Feedback that says "not yet" is falsy: test for None
        return gate
    if hasattr(answer, "value") and answer.value is None:
        return not_yet(task.id, say("missing_widget"), task.hint)
    chosen, ids = getattr(answer, "value", answer), leaders(TASK_WEIGHTS[task.id])
    if task.id == "3":
        last = {"id": ids[0]} if len(ids) == 1 else {"ids": ", ".join(ids[:-1]), "last": ids[-1]}
        right = task.say("alone" if len(ids) == 1 else "shared", **last)
    else:
        options = dict(zip(INTERVENTIONS.index, task.options, strict=True))
        chosen = options.get(chosen.strip().upper(), chosen) if isinstance(chosen, str) else chosen
        right = [options[i] for i in ids]
    praise = task.say("praise")
    return checks.check_choice(task.id, chosen, right, task.options, hint=task.hint, praise=praise)


def c_first(task, answer: object):
    """Task 4: any weights (the sliders' values) under which C ranks first on its own."""
    try:
        top, scores = leaders(answer), weighted_scores(answer)
    except CourseError as problem:
        return not_yet(task.id, str(problem), task.hint)
    if top == [TARGET]:
        total = len(INTERVENTIONS)
        winners = sum(weights_that_put_first(i) is not None for i in INTERVENTIONS.index)
        how_many = task.say("every_one") if winners == total else str(winners)
        return correct(task.id, task.say("right", how_many=how_many, total=total))
    shown = ", ".join(f"{i} ({scores[i]:.2f})" for i in top)
    where = task.say("shares_first" if TARGET in top else "not_first")
    return not_yet(task.id, task.say("wrong", where=where, shown=shown), task.hint)


def solution(ex, task_id: str, sliders, choice):
    """Set the sliders to the weights of the task and the choice to its answer; the ranking."""
    weights = TASK_WEIGHTS[task_id]
    if sliders is not None:
        sliders.set(weights)
    task = ex.taskfile.tasks[task_id]
    choice.set(next(o for o in task.options if task.check(o, {"weights": weights}).correct))
    return show(ranking(weights))
