"""Exercise 5.2: task 1's check and the chain as sorted (logic only; words in tasks.yaml)."""

from pathlib import Path

import pandas as pd

from migdev import checks
from migdev.display import Table, show
from migdev.taskfile import TaskFile
from migdev.text import say

# Common mistakes of task 1: (card number in the task file, from 0; wrong level number) -> message.
MISTAKES = {(4, 2): "training_as_output", (6, 3): "trained_as_outcome", (8, 3): "website_as_outcome"}


def check_cards(task, answer):
    """A classification check whose hint names the common mistakes the learner made."""
    feedback = checks.check_classification(task.id, answer, task.key(), hint=task.hint)
    given = getattr(answer, "value", answer)
    if not feedback.correct and isinstance(given, dict):
        tips = [
            task.say(key)
            for (card, level), key in MISTAKES.items()
            if given.get(task.items[card]) == task.categories[level]
        ]
        if tips:
            feedback.hint = " ".join(tips)
    return feedback


def _files() -> TaskFile:
    return TaskFile("m05-2-results-chain", Path(__file__).parent)


def solution(widget) -> Table:
    """Task 1's model answer (ex.solution handles only tasks of kind classify)."""
    key = _files().tasks["1"].key()
    widget.set({card: level for card, (level, _) in key.items()})
    return Table(
        say("model_answer"),
        [say("column_item"), say("column_answer"), say("column_why")],
        [[c, level, why] for c, (level, why) in key.items()],
    )


def chain(widget: object) -> Table:
    """The cards as the learner sorted them (a widget or a dict), one column per level."""
    files = _files()
    task = files.tasks["1"]
    placed = getattr(widget, "value", widget)
    placed = placed if isinstance(placed, dict) else {}
    columns = {
        level: [card for card in task.items if placed.get(card) == level] or [files.text("chain_none")]
        for level in task.categories
    }
    unplaced = sum(placed.get(card) not in task.categories for card in task.items)
    table = pd.DataFrame(
        {
            f"{level} →" if n < len(columns) - 1 else level: pd.Series(cards)
            for n, (level, cards) in enumerate(columns.items())
        }
    ).fillna("")
    caption = files.text("chain_caption")
    if unplaced:
        caption += ". " + files.text("chain_unplaced", count=unplaced)
    return show(table, caption)
