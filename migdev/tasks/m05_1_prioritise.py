"""Exercise m05-1, prioritise with weighted criteria (FICTIONAL interventions, FICTIONAL Eastmere).

The scores below are FICTIONAL content written for this exercise; they assess no real programme.
Every expected answer (first place, ties, a weighted score) is computed from them with the scoring
rule of Module 5: ``score = sum(weight * score) / sum(weight)``, compared at 6 decimals, with
competition ranking (1, 1, 3...).
"""

from __future__ import annotations

import base64
import html
import io
import itertools
import math
import numbers

import ipywidgets as w
import matplotlib.pyplot as plt
import pandas as pd

from migdev import checks
from migdev.charts import OKABE_ITO
from migdev.data import CourseError
from migdev.feedback import Feedback, correct, not_yet
from migdev.tasks import TaskSet

# Show long texts (names of interventions, reasons) in full in the tables.

TASKS = TaskSet("m05-1-prioritise")

# Slider label -> column of the score table.
CRITERIA = {
    "Relevance to the national plan": "relevance",
    "Impact on poverty": "poverty",
    "Feasibility": "feasibility",
    "Cost (5 = cheapest)": "cost",
    "Rights and gender": "rights_gender",
}
LABELS = list(CRITERIA)
MAX_WEIGHT = 100  # the sliders go from 0 to 5; a typed dict may go further

# FICTIONAL scores, 1 (poor) to 5 (very good); for cost, 5 means cheapest.
FICTIONAL_INTERVENTIONS = pd.DataFrame([
    ("A", "Pre-departure orientation and information services for migrant workers (FICTIONAL)",
     3, 3, 5, 4, 4),
    ("B", "Lower remittance costs: price comparison website and licensing of non-bank providers "
          "(FICTIONAL)", 4, 4, 3, 4, 3),
    ("C", "Matching grants for diaspora investment in local enterprises (FICTIONAL)",
     5, 3, 3, 2, 2),
    ("D", "Skills recognition and job placement for returning migrants (FICTIONAL)",
     4, 3, 3, 3, 4),
    ("E", "Migration module in the labour force survey (FICTIONAL)", 3, 2, 5, 5, 3),
    ("F", "Social support for children and older people in migrants' families (FICTIONAL)",
     3, 5, 2, 2, 5),
], columns=["id", "intervention", *CRITERIA.values()]).set_index("id")

FICTIONAL_REASONS = {
    "A": "Builds on an existing course (feasible, cheap); reaches women domestic workers (rights "
         "and gender); the plan mentions labour migration only briefly (relevance 3).",
    "B": "The plan has a financial inclusion goal (relevance 4); cheaper transfers help poor "
         "receiving households (poverty 4); needs a regulation change (feasibility 3).",
    "C": "The plan's enterprise chapter names diaspora investment (relevance 5); grants are costly "
         "(cost 2); past schemes mostly reached men with savings (rights and gender 2).",
    "D": "The plan has an employment goal (relevance 4); needs agreement between two ministries "
         "(feasibility 3); includes women returnees explicitly (rights and gender 4).",
    "E": "Cheap and run by an existing survey team (feasibility 5, cost 5); poverty effect is "
         "indirect (poverty 2).",
    "F": "Reaches the poorest households directly (poverty 5) and protects children's rights "
         "(rights and gender 5); needs new social workers in many districts (feasibility 2, "
         "cost 2).",
}


def weights_of(**changes: float) -> dict[str, float]:
    """Every weight at 1, except those changed, e.g. ``weights_of(poverty=3)``."""
    weights = {label: 1.0 for label in LABELS}
    by_column = {column: label for label, column in CRITERIA.items()}
    for column, value in changes.items():
        weights[by_column[column]] = float(value)
    return weights


EQUAL_WEIGHTS = weights_of()
TASK_WEIGHTS = {"2": weights_of(poverty=3), "3": weights_of(rights_gender=3),
                "5": weights_of(relevance=2, rights_gender=2)}


# ----------------------------------------------------------------------------- tables
def scores_table() -> pd.DataFrame:
    """The FICTIONAL scores, with the criteria as column labels."""
    table = FICTIONAL_INTERVENTIONS.rename(columns={c: label for label, c in CRITERIA.items()})
    table.columns.name = "FICTIONAL scores, 1 (poor) to 5 (very good)"
    return table


def reasons_table() -> pd.DataFrame:
    return pd.DataFrame({"short reasons given by the FICTIONAL working group":
                         FICTIONAL_REASONS}).rename_axis("id")


def read_weights(weights: object) -> dict[str, float]:
    """The weights as {column: number}, from a Sliders widget or a dict; CourseError if unusable."""
    values = getattr(weights, "value", weights)
    if not isinstance(values, dict):
        raise CourseError("The weights are expected from the sliders above: run the sliders' "
                          "cell first.")
    found: dict[str, float] = {}
    for label, column in CRITERIA.items():
        value = values.get(label, values.get(column))
        if (value is None or isinstance(value, bool) or not isinstance(value, numbers.Real)
                or not math.isfinite(value) or not 0 <= value <= MAX_WEIGHT):
            raise CourseError(f"The weight of '{label}' is missing or not a number from 0 to "
                              f"{MAX_WEIGHT}.")
        found[column] = float(value)
    return found


def weighted_scores(weights: object) -> pd.Series:
    """Score of each intervention: sum(weight * score) / sum(weight), rounded to 6 decimals."""
    found = read_weights(weights)
    total = sum(found.values())
    if total == 0:
        raise CourseError("Set at least one weight above zero.")
    scores = sum(FICTIONAL_INTERVENTIONS[c] * weight for c, weight in found.items()) / total
    return scores.astype(float).round(6).rename("weighted score")


def ranking(weights: object) -> pd.DataFrame:
    """Interventions by descending score; equal scores share a rank (1, 1, 3...), A to F within."""
    scores = weighted_scores(weights)
    ranks = scores.rank(method="min", ascending=False).astype(int)
    table = pd.DataFrame({"rank": ranks, "weighted score": scores.round(2),
                          "intervention": FICTIONAL_INTERVENTIONS["intervention"]})
    order = sorted(table.index, key=lambda i: (table.loc[i, "rank"], i))
    return table.loc[order]


def leaders(weights: object) -> list[str]:
    """The ids at rank 1, in table order."""
    table = ranking(weights)
    return [i for i in table.index if table.loc[i, "rank"] == 1]


def weights_that_put_first(target: str) -> dict[str, float] | None:
    """The first integer weights 0-5 (in counting order) under which ``target`` is first alone."""
    matrix = FICTIONAL_INTERVENTIONS[list(CRITERIA.values())].to_numpy(dtype=float)
    row = list(FICTIONAL_INTERVENTIONS.index).index(target)
    for combination in itertools.product(range(6), repeat=len(LABELS)):
        if any(combination):
            scores = (matrix @ combination / sum(combination)).round(6)
            if (scores < scores[row]).sum() == len(scores) - 1:
                weights = dict(zip(LABELS, map(float, combination)))
                if leaders(weights) == [target]:  # confirm with the scoring rule itself
                    return weights
    return None


# ----------------------------------------------------------------------------- display
def score_chart(weights: object, title: str = "Weighted scores of the FICTIONAL interventions"):
    """Horizontal bars, first place at the top; interventions at rank 1 are hatched and orange."""
    table = ranking(weights).iloc[::-1]
    figure, axes = plt.subplots(figsize=(8, 3.6))
    first = table["rank"] == 1
    bars = axes.barh([f"{i}" for i in table.index], table["weighted score"],
                     color=[OKABE_ITO[1] if top else OKABE_ITO[0] for top in first])
    for bar, top in zip(bars, first):
        bar.set_hatch("//" if top else "")
    for position, value in enumerate(table["weighted score"]):
        axes.text(value, position, f" {value:.2f}", va="center", fontsize=9)
    axes.set_xlim(0, 5.4)
    axes.set_title(title)
    axes.set_xlabel("Weighted score (1 = poor, 5 = very good); hatched orange = rank 1")
    axes.set_ylabel("Intervention (id)")
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return figure


def _png(figure) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=90)
    plt.close(figure)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _weights_text(weights: dict[str, float]) -> str:
    return ", ".join(f"{label} {weights[label]:g}" for label in LABELS if label in weights)


class LiveRanking:
    """The ranking table and chart for a set of sliders, redrawn whenever a slider moves.

    In the static web book it shows the ranking for the sliders' values as an HTML table and an
    image.
    """

    def __init__(self, sliders):
        self.sliders = sliders
        self.widget = w.Output()
        self._cache: dict[tuple, tuple[str, str, str]] = {}
        sliders.observe(self._draw)
        self._draw(sliders.value)

    def _content(self, values: dict) -> tuple[str, str, str]:
        """(HTML table, PNG in base64 or "", plain text) for the slider values."""
        key = tuple(sorted(values.items()))
        if key not in self._cache:
            try:
                table = ranking(values)
            except CourseError as problem:
                self._cache[key] = (f"<p><strong>{html.escape(str(problem))}</strong></p>", "",
                                    str(problem))
            else:
                caption = "Ranking for the weights " + _weights_text(values)
                self._cache[key] = (
                    f"<p><em>{html.escape(caption)}</em></p>" + table.to_html(),
                    _png(score_chart(values)), f"{caption}\n{table.to_string()}")
        return self._cache[key]

    def _draw(self, values: dict) -> None:
        table, png, text = self._content(values)
        outputs = [{"output_type": "display_data", "metadata": {},
                    "data": {"text/html": table, "text/plain": text}}]
        if png:
            outputs.append({"output_type": "display_data", "metadata": {},
                            "data": {"image/png": png,
                                     "text/plain": "Chart of the weighted scores"}})
        self.widget.outputs = tuple(outputs)

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude) or {}
        table, png, text = self._content(self.sliders.value)
        image = (f'<img src="data:image/png;base64,{png}" alt="Bar chart of the weighted scores '
                 'of the FICTIONAL interventions">' if png else "")
        bundle["text/html"] = f'<div class="migdev-static">{table}{image}</div>'
        bundle["text/plain"] = text
        return bundle


# ----------------------------------------------------------------------------- checks
OPTIONS = {i: f"{i}. {name}" for i, name in FICTIONAL_INTERVENTIONS["intervention"].items()}


def _register_choice(task_id: str, question: str, options: list[str], check) -> None:
    """A choice task with a custom check; ``ex.choice(task_id)`` makes its widget."""
    TASKS.task(task_id, "one of the options (use the widget)")(check)
    TASKS.tasks[task_id].question = question
    TASKS.tasks[task_id].options = list(options)


def _weights_gate(task: str, weights: object, required: dict[str, float]) -> Feedback | None:
    """Not yet, unless the sliders hold exactly the weights the task asks for."""
    try:
        found = read_weights(weights)
    except CourseError as problem:
        return not_yet(task, str(problem), "Set the sliders as asked first.")
    wrong = [label for label, column in CRITERIA.items() if found[column] != required[label]]
    if wrong:
        return not_yet(task, "Set the sliders as asked first: " + _weights_text(required) + ".",
                       f"Slider(s) to change: {', '.join(wrong)}.")
    return None


NO_OPTION = "No option is chosen yet: pick one in the widget above, then run this cell again."


def _first_place(task: str, answer: object, weights: dict[str, float], hint: str,
                 praise: str) -> Feedback:
    if hasattr(answer, "value") and answer.value is None:
        return not_yet(task, NO_OPTION, hint)
    chosen = getattr(answer, "value", answer)
    if isinstance(chosen, str) and chosen.strip().upper() in OPTIONS:
        chosen = OPTIONS[chosen.strip().upper()]  # the id alone, e.g. "A", is accepted
    top = leaders(weights)
    tied = [OPTIONS[i] for i in top]
    expected = chosen if chosen in tied else tied[0]
    feedback = checks.check_choice(task, chosen, expected, OPTIONS.values(), hint=hint)
    if feedback.correct:
        feedback.message = f"{feedback.message} {praise}"
    return feedback


def first_with_equal_weights(answer: object, **_params) -> Feedback:
    return _first_place(
        "1", answer, EQUAL_WEIGHTS,
        hint="With equal weights the weighted score is the plain average of the five scores. "
             "Look at the first row of the ranking table.",
        praise="With equal weights, the intervention with the highest average score wins. It is "
               "good on feasibility, cost and rights and gender, and nowhere poor.")


def first_with_poverty_weight(answer: object, weights: object = None, **_params) -> Feedback:
    gate = _weights_gate("2", weights, TASK_WEIGHTS["2"])
    if gate is not None:  # a Feedback that says "not yet" is falsy: test for None
        return gate
    return _first_place(
        "2", answer, TASK_WEIGHTS["2"],
        hint="Read the new first row of the ranking table after moving the poverty slider.",
        praise="Giving more weight to poverty moves up the intervention that reaches the "
               "poorest households, even though it is hard to deliver and costly.")


QUESTION_1 = "With all five weights at 1, which intervention ranks first?"
QUESTION_2 = ("With 'Impact on poverty' at 3 and every other weight at 1, which intervention "
              "ranks first?")
_register_choice("1", QUESTION_1, list(OPTIONS.values()), first_with_equal_weights)
_register_choice("2", QUESTION_2, list(OPTIONS.values()), first_with_poverty_weight)


def describe_top(ids: list[str]) -> str:
    """["A"] -> "A ranks first on its own"; ["A", "F"] -> "A and F share first place"."""
    if len(ids) == 1:
        return f"{ids[0]} ranks first on its own"
    return f"{', '.join(ids[:-1])} and {ids[-1]} share first place"


TIE_OPTIONS = ["A ranks first on its own", "F ranks first on its own",
               "A and F share first place", "C ranks first on its own"]


def top_with_rights_weight(answer: object, weights: object = None, **_params) -> Feedback:
    gate = _weights_gate("3", weights, TASK_WEIGHTS["3"])
    if gate is not None:
        return gate
    hint = "Look at the scores, not only the order: two rows may have the same score."
    if hasattr(answer, "value") and answer.value is None:
        return not_yet("3", NO_OPTION, hint)
    chosen = getattr(answer, "value", answer)
    feedback = checks.check_choice(
        "3", chosen, describe_top(leaders(TASK_WEIGHTS["3"])), TIE_OPTIONS, hint=hint)
    if feedback.correct:
        feedback.message += (" A tie means the criteria and weights do not settle the choice. "
                             "The group needs a rule agreed in advance, for example a second "
                             "look at feasibility, or a decision by the inter-ministerial "
                             "mechanism.")
    return feedback


_register_choice("3", "With 'Rights and gender' at 3 and every other weight at 1, what do you "
                      "see at the top of the ranking?", TIE_OPTIONS, top_with_rights_weight)


def solution(task: str, sliders, choice) -> pd.DataFrame:
    """Set the sliders to the weights of ``task`` and the choice to its answer; show the ranking."""
    sliders.set(TASK_WEIGHTS[task])
    definition = TASKS.tasks[task]
    choice.set(next(option for option in definition.options
                    if definition.check(option, weights=sliders).correct))
    return ranking(sliders)


@TASKS.task("4", "weights under which C ranks first on its own (use the sliders)")
def c_first(answer: object, **_params) -> Feedback:
    hint = ("C has the highest score of all on relevance to the national plan, and low scores on "
            "cost and on rights and gender.")
    try:
        top = leaders(answer)
        scores = weighted_scores(answer)
    except CourseError as problem:
        return not_yet("4", str(problem), hint)
    if top == ["C"]:
        total = len(FICTIONAL_INTERVENTIONS)
        winners = sum(weights_that_put_first(i) is not None for i in FICTIONAL_INTERVENTIONS.index)
        how_many = "every one" if winners == total else str(winners)
        return correct("4", f"You found weights that put C first on its own. With this table, "
                            f"{how_many} of the {total} interventions can be put first on its own "
                            "by some choice of whole-number weights from 0 to 5. That is why the "
                            "weights must be agreed openly, before anyone sees which option they "
                            "favour.")
    shown = ", ".join(f"{i} ({scores[i]:.2f})" for i in top)
    where = "shares first place" if "C" in top else "is not first"
    return not_yet("4", f"Under these weights C {where}; rank 1: {shown}.", hint)


@TASKS.task("5", "a number: D's weighted score, two decimals")
def score_of_d(answer: object, **_params) -> Feedback:
    weights = read_weights(TASK_WEIGHTS["5"])
    scores = FICTIONAL_INTERVENTIONS.loc["D", list(weights)]
    weighted_sum = float(sum(scores[c] * weight for c, weight in weights.items()))
    expected = weighted_sum / sum(weights.values())
    return checks.check_number(
        "5", answer, expected, tolerance=0.01 + 1e-9, unit="",
        hint="Multiply each of D's scores by its weight, add them, then divide by the sum of the "
             "weights (2 + 1 + 1 + 1 + 2).",
        praise="Multiply, add, and divide by the sum of the weights.",
        slips=[(weighted_sum, 0.01, "You have the weighted sum. Divide it by the sum of the "
                                    "weights."),
               (float(scores.mean()), 0.01, "That is the average with equal weights. Use the "
                                             "weights given.")])


TASKS.classify("6", ["Relevance to the national plan", "Impact on poverty", "Feasibility", "Cost",
                     "Rights and gender"], {
    "The plan's employment chapter names safe labour migration as a priority.":
        ("Relevance to the national plan",
         "It shows whether the intervention serves a goal the plan already has."),
    "The plan's mid-term review asks for better data on emigration.":
        ("Relevance to the national plan",
         "A gap named in the plan's own review makes a data intervention more relevant."),
    "Most of the households that would benefit live in the two poorest regions.":
        ("Impact on poverty", "It tells you who gains, and whether they are poor."),
    "The measure would raise the incomes of families who receive remittances, many of them "
    "below the poverty line.":
        ("Impact on poverty", "It describes the effect on poor households' income."),
    "The agency that would run it has no legal mandate to inspect recruiters yet.":
        ("Feasibility", "A missing mandate makes delivery harder, whatever the cost."),
    "A pilot already runs in one district, with trained staff.":
        ("Feasibility", "Existing experience and staff make delivery easier."),
    "The scheme needs a new office in each of 12 districts.":
        ("Cost", "It drives the amount of public money needed."),
    "Half of the budget would buy equipment once; the rest pays staff every year.":
        ("Cost", "It describes how much money is needed and when."),
    "Past schemes of this kind reached mostly men, because they required land as collateral.":
        ("Rights and gender", "It shows who is excluded, and why."),
    "The service would be free and open to migrants whatever their migration status.":
        ("Rights and gender", "It concerns equal access and migrants' rights."),
}, hint="Ask which question the evidence helps to answer: does it serve the plan? does it help "
        "the poor? can it be delivered? how much will it cost? is it fair to women, men and "
        "migrants whatever their status?")
