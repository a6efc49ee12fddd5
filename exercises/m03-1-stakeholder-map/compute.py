"""Exercise 3.1: the stakeholder grid of Kestrana (FICTIONAL); logic only, words in tasks.yaml. The
actor cards are the FICTIONAL resource kestrana_actors; the quadrants are task 1's categories and the
invitation list task 2's items (its first CORE_COUNT items are core actors)."""

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from migdev.charts import MARKERS, OKABE_ITO
from migdev.data import load
from migdev.display import Table, show
from migdev.feedback import Feedback, correct, not_yet
from migdev.reading import describe
from migdev.taskfile import Task, TaskFile
from migdev.text import say

HIGH_FROM = 3  # a slider value of 3 or more counts as "high"
CORE_COUNT = 11  # task 2: the first 11 candidates are the core actors of the structure
SIDES = ("influence", "interest")


@lru_cache(maxsize=1)
def _taskfile() -> TaskFile:
    return TaskFile("m03-1-stakeholder-map", Path(__file__).parent)


def text(key: str, **values: object) -> str:
    return _taskfile().text(key, **values)


def quadrants() -> list[str]:
    """Manage closely, Keep satisfied, Keep informed, Monitor (task 1's categories)."""
    return _taskfile().tasks["1"].categories


def short(label: str) -> str:
    return label.split(" (")[0]


def actors() -> pd.DataFrame:
    return load("kestrana_actors")


def actor_cards() -> Table:
    cards = actors()[["actor", "description"]]
    cards.columns = [text("cards_actor"), text("cards_description")]
    return show(cards, text("cards_caption"))


def missing_actors(answer: object) -> Table:
    """The core actors not (yet) marked as the first category of task 2 ("Include")."""
    task = _taskfile().tasks["2"]
    given = getattr(answer, "value", answer)
    given = given if isinstance(given, Mapping) else {}
    core = list(task.key().items())[:CORE_COUNT]
    missing = [[actor, why] for actor, (_, why) in core if given.get(actor) != task.categories[0]]
    if not missing:
        return Table(text("missing_none"), [], [])
    caption = text("missing_some", count=len(missing), total=len(core))
    return Table(caption, [text("missing_actor"), text("missing_why")], missing)


def quadrant(influence: float, interest: float) -> str:
    """The quadrant of an actor from its two scores (1 to 5): "high" means 3 or more."""
    manage, satisfy, inform, monitor = quadrants()
    if influence >= HIGH_FROM:
        return manage if interest >= HIGH_FROM else satisfy
    return inform if interest >= HIGH_FROM else monitor


def slider_names() -> list[str]:
    """Two sliders per actor: "<actor> | influence" and "<actor> | interest"."""
    return [f"{actor} | {side}" for actor in actors()["actor"] for side in SIDES]


def slider_scores(sliders: object) -> pd.DataFrame:
    """The slider values as a table: one row per actor, columns influence and interest."""
    values = getattr(sliders, "value", sliders)
    values = values if isinstance(values, Mapping) else {}
    scores = {actor: {side: values.get(f"{actor} | {side}") for side in SIDES} for actor in actors()["actor"]}
    return pd.DataFrame.from_dict(scores, orient="index")


def plot_grid(scores: pd.DataFrame, task1: object = None):
    """The interest and influence grid (quadrant lines at 2.5); prints every actor whose quadrant
    from the sliders differs from the task 1 answer."""
    names = dict(zip(actors()["actor"], actors()["short_name"], strict=True))
    figure, axes = plt.subplots(figsize=(9, 6.5))
    placed, lowest = {}, 1.0
    scored = scores.dropna(subset=list(SIDES))
    for actor, row in scored.iterrows():
        spot = (float(row["interest"]), float(row["influence"]))
        offset = 0.17 * placed.get(spot, 0)  # actors on the same spot are stacked downwards
        placed[spot] = placed.get(spot, 0) + 1
        lowest = min(lowest, spot[1] - offset)
        style = quadrants().index(quadrant(row["influence"], row["interest"]))
        point, label = (spot[0], spot[1] - offset), short(quadrants()[style])
        axes.scatter(*point, color=OKABE_ITO[style], marker=MARKERS[style], s=50, label=label, zorder=3)
        axes.annotate(names.get(actor, actor), point, xytext=(6, -3), textcoords="offset points", fontsize=8)
    axes.axvline(2.5, color="#6e7781", linewidth=1)
    axes.axhline(2.5, color="#6e7781", linewidth=1)
    axes.set(xlim=(0.5, 6.2), ylim=(min(0.2, lowest - 0.3), 5.5), xticks=range(1, 6), yticks=range(1, 6))
    axes.set(xlabel=text("grid_xlabel"), ylabel=text("grid_ylabel"), title=text("grid_title"))
    handles, labels = axes.get_legend_handles_labels()
    unique = dict(zip(labels, handles, strict=True))
    axes.legend(unique.values(), unique.keys(), frameon=False, loc="upper left", fontsize=8)
    figure.tight_layout()
    given = getattr(task1, "value", task1)
    if isinstance(given, Mapping):
        for actor, row in scored.iterrows():
            from_sliders = quadrant(row["influence"], row["interest"])
            if given.get(actor) and from_sliders != given[actor]:
                chosen = short(given[actor])
                print(text("grid_differs", actor=actor, from_sliders=short(from_sliders), chosen=chosen))
    return figure


def quadrants_from_sliders(task: Task, answer: object, scores: object = None) -> Feedback:
    """Going further: every actor's quadrant follows the rule applied to the slider values."""
    if answer is None:
        return not_yet(task.id, say("missing"), task.say("hint_missing"))
    answer = answer.to_dict() if isinstance(answer, pd.Series) else answer
    if not isinstance(answer, Mapping):
        return not_yet(task.id, task.say("not_dict", described=describe(answer)))
    if not isinstance(scores, pd.DataFrame):
        scores = slider_scores(scores) if isinstance(getattr(scores, "value", scores), Mapping) else None
    if scores is not None and set(SIDES) <= set(scores.columns):
        scores = scores[list(SIDES)].apply(pd.to_numeric, errors="coerce")
    if scores is None or not set(SIDES) <= set(scores.columns) or scores.isna().all().all():
        return not_yet(task.id, task.say("no_scores"))
    names = {short(q).casefold(): q for q in quadrants()} | {q.casefold(): q for q in quadrants()}
    problems = []
    for actor in actors()["actor"]:
        if actor not in scores.index or scores.loc[actor, list(SIDES)].isna().any():
            problems.append(task.say("no_slider_values", actor=actor))
            continue
        expected = quadrant(scores.loc[actor, "influence"], scores.loc[actor, "interest"])
        given = answer.get(actor)
        found = names.get(" ".join(given.casefold().split())) if isinstance(given, str) else None
        if given is None:
            problems.append(task.say("no_quadrant", actor=actor))
        elif found != expected:
            problems.append(task.say("differs", actor=actor, given=given, expected=short(expected)))
    count = len(actors())
    if problems:
        message = task.say("some_follow", right=count - len(problems), count=count)
        return not_yet(task.id, message, task.say("hint_rule"), problems)
    return correct(task.id, task.say("all_follow", count=count))
