"""One exercise notebook's helper: checks with feedback, widgets, and saved answers."""

from __future__ import annotations

import html

from migdev import tasks as task_sets
from migdev.data import CourseError
from migdev.feedback import Feedback, not_yet
from migdev.progress import Progress
from migdev.tables import Table
from migdev.widgets import Choice, Classifier, Sliders

BINDER_TIP = ("Working in Binder? Binder deletes files when the session ends. Before you leave, "
              "download your answers file: in the file browser on the left, right-click it and "
              "choose Download. Next time, upload it into the same folder and run the notebook "
              "from the top.")


class Exercise:
    """The checks of one exercise, e.g. ``ex = Exercise("m01-1-money-flows")``.

    ``ex.check("1", answer)`` returns feedback and saves the answer; ``ex.saved("1")`` returns the
    saved answer (or None); ``ex.classifier("1")`` and ``ex.choice("3")`` make the widgets of
    classification and choice tasks; ``ex.sliders("4", names)`` makes one slider per name.
    """

    def __init__(self, name: str, folder=None):
        self.name = name
        self.taskset = task_sets.get(name)
        self.progress = Progress(name, folder)

    # What the learner sees when the exercise starts.
    def __str__(self) -> str:
        return f"{self.progress.notice}\n{BINDER_TIP}"

    __repr__ = __str__

    def _repr_html_(self) -> str:
        return (f'<div class="migdev-progress" role="status"><p>{html.escape(self.progress.notice)}'
                f"</p><p><em>{html.escape(BINDER_TIP)}</em></p></div>")

    @property
    def task_ids(self) -> list[str]:
        return list(self.taskset.tasks)

    def saved(self, task: str, default: object = None) -> object:
        """The answer saved for ``task`` in an earlier session, or ``default``."""
        return self.progress.get(task, default)

    def check(self, task: str, answer: object, **params) -> Feedback:
        """Check ``answer`` to ``task``; never raises, always returns feedback."""
        definition = self.taskset.tasks.get(task)
        if definition is None:
            return not_yet(str(task), f"There is no task {task!r} in this exercise; the tasks "
                                      f"are {', '.join(self.task_ids)}.")
        try:
            feedback = definition.check(answer, **params)
        except CourseError as problem:
            feedback = not_yet(task, str(problem))
        except Exception:  # noqa: BLE001 - a learner must never see a traceback from a check
            feedback = not_yet(task, f"This answer could not be checked: {definition.expects} "
                                     "is expected.")
        self.progress.record(task, getattr(answer, "value", answer), feedback.status)
        return feedback

    def classifier(self, task: str) -> Classifier:
        """The drop-down widget of a classification task, with any saved answers restored."""
        definition = self.taskset.tasks[task]
        return Classifier(list(definition.current_key()), definition.categories, self.saved(task))

    def choice(self, task: str) -> Choice:
        """The radio-button widget of a choice task, with any saved answer restored."""
        definition = self.taskset.tasks[task]
        return Choice(definition.question, definition.options, self.saved(task))

    def sliders(self, task: str, names: list[str], **options) -> Sliders:
        """One slider per name (e.g. criterion weights), restoring the values saved for ``task``.

        ``options`` go to :class:`~migdev.widgets.Sliders` (minimum, maximum, step, start). Saved
        values are restored only when the task's saved answer is a set of slider values.
        """
        return Sliders(names, saved=self.saved(task), **options)

    def solution(self, task: str, widget: Classifier | Choice, **params) -> Table:
        """Set ``widget`` to the model answer and return the answer with its explanations."""
        definition = self.taskset.tasks[task]
        key = definition.current_key()
        if key:
            widget.set({item: category for item, (category, _) in key.items()})
            rows = [[item, category, why] for item, (category, why) in key.items()]
        else:
            answer = next(o for o in definition.options if definition.check(o, **params).correct)
            widget.set(answer)
            rows = [[definition.question, answer, ""]]
        return Table("Model answer", ["Item", "Answer", "Why"], rows)
