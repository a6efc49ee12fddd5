"""Task sets: the checks of each exercise notebook, one module per notebook.

A task set is a :class:`TaskSet` named like its notebook: notebook ``exercises/m01-1-money-flows.ipynb``
is served by module ``migdev/tasks/m01_1_money_flows.py``, which defines ``TASKS``. The module
registers each task's check function with :meth:`TaskSet.task`, or a classification or a choice
with :meth:`TaskSet.classify` and :meth:`TaskSet.choose`.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field

from migdev import checks
from migdev.data import CourseError
from migdev.feedback import Feedback, not_yet



def exercise_names() -> list[str]:
    """Every exercise with a task set: module ``mNN_K_slug`` serves notebook ``mNN-K-slug``."""
    return sorted(info.name.replace("_", "-") for info in pkgutil.iter_modules(__path__)
                  if info.name.startswith("m"))


@dataclass
class Task:
    id: str
    expects: str
    check: Callable[..., Feedback]
    categories: list[str] = field(default_factory=list)
    key: dict[str, tuple[str, str]] | Callable[[], dict[str, tuple[str, str]]] = field(
        default_factory=dict)
    question: str = ""
    options: list[str] = field(default_factory=list)

    def current_key(self) -> dict[str, tuple[str, str]]:
        """The answer key of a classification (computed now when it depends on the data)."""
        return self.key() if callable(self.key) else self.key


class TaskSet:
    """The tasks of one notebook.

    ``params`` are the keyword arguments the notebook passes to every check (for example the
    country the learner chose), with the notebook's default values; tests use them too.
    """

    def __init__(self, name: str, params: dict | None = None):
        self.name = name
        self.params = dict(params or {})
        self.tasks: dict[str, Task] = {}

    def task(self, task_id: str, expects: str):
        """Decorator: register ``check(answer, **params) -> Feedback`` as task ``task_id``."""
        def register(function: Callable[..., Feedback]) -> Callable[..., Feedback]:
            self.tasks[task_id] = Task(task_id, expects, function)
            return function
        return register

    def classify(self, task_id: str, categories: list[str],
                 key: dict[str, tuple[str, str]] | Callable[[], dict[str, tuple[str, str]]],
                 hint: str = "", explain_all: bool = False, note: str = "") -> None:
        """Register a classification task: each item of ``key`` -> (category, explanation).

        ``key`` may be a function that computes the key from the data at each check.
        ``explain_all`` and ``note``: see :func:`migdev.checks.check_classification`.
        """
        task = Task(task_id, "a category for every item (use the widget)", None,
                    categories=list(categories), key=key if callable(key) else dict(key))

        def check(answer: object, **_params) -> Feedback:
            return checks.check_classification(task_id, answer, task.current_key(), hint=hint,
                                               explain_all=explain_all, note=note)
        task.check = check
        self.tasks[task_id] = task

    def choose(self, task_id: str, question: str, options: dict[str, str], answer: str,
               hint: str = "") -> None:
        """Register a one-answer question: ``options`` maps each option to its explanation."""
        def check(chosen: object, **_params) -> Feedback:
            from_widget = hasattr(chosen, "value")
            chosen = getattr(chosen, "value", chosen)
            if chosen is None and from_widget:
                return not_yet(task_id, "No option is chosen yet: pick one in the widget above, "
                                        "then run this cell again.", hint)
            return checks.check_choice(task_id, chosen, answer, options, explanations=options,
                                       hint=hint)
        self.tasks[task_id] = Task(task_id, "one of the options (use the widget)", check,
                                   question=question, options=list(options))


def get(name: str) -> TaskSet:
    names = exercise_names()
    if name not in names:
        raise CourseError(f"There is no exercise called {name!r}. "
                          f"The exercises are: {', '.join(names)}.")
    return importlib.import_module(f"{__name__}.{name.replace('-', '_')}").TASKS
