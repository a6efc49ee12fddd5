"""One exercise notebook's helper: checks with feedback, widgets, settings and saved answers."""

from __future__ import annotations

import html
import os
import sys
from urllib.parse import quote

from migdev import cells
from migdev.data import CourseError
from migdev.display import Table
from migdev.feedback import NO_MATHS, Feedback, not_yet
from migdev.progress import Progress, describe_settings, plain
from migdev.taskfile import TaskFile
from migdev.text import say
from migdev.widgets import AnswerBox, Choice, Classifier, Sliders, TextBox


def in_book() -> bool:
    """True while the web book is being built (its notebooks run with saving switched off)."""
    return os.environ.get("MIGDEV_SAVE", "1") == "0"


class Exercise:
    """The checks of one exercise, e.g. ``ex = Exercise("m01-1-money-flows")``.

    ``ex.check("1", answer)`` returns feedback and saves the answer with the settings it was
    checked for; ``ex.saved("1")`` returns the saved answer (or None); ``ex.setting("country")``
    the saved (or starting) value of a setting; ``ex.classifier("1")``, ``ex.choice("3")``,
    ``ex.sliders("4", names)``, ``ex.answer_box("1")`` and ``ex.reflection()`` make widgets.
    """

    def __init__(self, name: str, folder=None):
        self.name = name
        self.taskfile = TaskFile(name)
        self.progress = Progress(name, folder, shared=self.taskfile.spec.get("answers_file"))
        cells.install()
        # compute.py can be imported by name from the notebook (``from compute import ...``).
        folder_text = str(self.taskfile.folder)
        if folder_text not in sys.path:
            sys.path.insert(0, folder_text)

    # ------------------------------------------------------------------ what the learner sees first
    def __str__(self) -> str:
        if in_book():
            return say("book_note")
        return f"{self.progress.notice}\n{say(self._binder_tip)}"

    @property
    def _binder_tip(self) -> str:
        return "binder_tip_shared" if self.progress.shared else "binder_tip"

    __repr__ = __str__

    def _repr_html_(self) -> str:
        if in_book():
            return f'<div class="migdev-progress {NO_MATHS}"><p><em>{html.escape(say("book_note"))}</em></p></div>'
        file = self.progress.path.name
        link = (
            f'<a href="{quote(self.progress.href)}" download="{html.escape(file)}" '
            f'style="font-weight:bold">{html.escape(say("download_answers", file=file))}</a>'
        )
        return (
            f'<div class="migdev-progress {NO_MATHS}" role="status">'
            f"<p>{html.escape(self.progress.notice)}</p><p>{link}</p>"
            f"<p><em>{html.escape(say(self._binder_tip))}</em></p></div>"
        )

    # ------------------------------------------------------------------ tasks, settings, answers
    @property
    def task_ids(self) -> list[str]:
        return list(self.taskfile.tasks)

    @property
    def compute(self):
        return self.taskfile.compute

    def text(self, key: str, **values) -> str:
        """A text of the exercise (a caption, a label) from its task file."""
        return self.taskfile.text(key, **values)

    def setting(self, name: str) -> object:
        """The value of setting ``name`` saved in an earlier session, else its starting value."""
        if name in self.progress.settings:
            return self.progress.settings[name]
        return self.taskfile.settings.get(name)

    def saved(self, task: str, default: object = None) -> object:
        """The answer saved for ``task`` in an earlier session, or ``default``."""
        return self.progress.get(task, default)

    def _settings(self, given: dict) -> dict:
        """The settings for a check: those given, else the saved ones, else the starting values."""
        settings = {
            **self.taskfile.settings,
            **{k: v for k, v in self.progress.settings.items() if k in self.taskfile.settings},
        }
        settings.update(
            {
                key: plain(value) if hasattr(value, "_repr_mimebundle_") else value
                for key, value in given.items()
            }
        )
        return settings

    def check(self, task: str, answer: object, **settings) -> Feedback:
        """Check ``answer`` to ``task``; never raises, always returns feedback."""
        definition = self.taskfile.tasks.get(str(task))
        if definition is None:
            return not_yet(str(task), say("no_such_task", task=repr(task), tasks=", ".join(self.task_ids)))
        current = self._settings(settings)
        entry = self.progress.entry(definition.id)
        saved_scalars = {
            k: v
            for k, v in (entry or {}).get("settings", {}).items()
            if isinstance(v, (str, int, float)) and not isinstance(v, bool)
        }
        restored = (
            entry is not None
            and saved_scalars
            and plain(answer) == entry["answer"]
            and {k: plain(current.get(k)) for k in saved_scalars} != saved_scalars
        )
        checked_with = {**current, **saved_scalars} if restored else current
        try:
            feedback = definition.check(answer, checked_with)
        except CourseError as problem:
            feedback = not_yet(definition.id, str(problem))
        except Exception:  # noqa: BLE001 - a learner must never see a traceback from a check
            feedback = not_yet(
                definition.id, say("could_not_check", expects=definition.expects or "an answer")
            )
        shown = describe_settings(
            {k: v for k, v in checked_with.items() if k in self.taskfile.settings and k in settings}
        )
        if restored:
            feedback.context = say(
                "restored_other_settings",
                saved=describe_settings(saved_scalars),
                current=describe_settings({k: current.get(k) for k in saved_scalars}),
            )
            return feedback
        if shown:
            feedback.context = say("checked_for", settings=shown)
        # Saved with the answer: the declared settings given to the check, and any widget's values.
        used = {
            k: v
            for k, v in current.items()
            if k in settings and (k in self.taskfile.settings or hasattr(settings[k], "_repr_mimebundle_"))
        }
        self.progress.record(definition.id, answer, feedback.status, used)
        return feedback

    # ------------------------------------------------------------------ widgets
    def classifier(self, task: str) -> Classifier:
        """The drop-down widget of a classification task, with any saved answers restored."""
        definition = self.taskfile.tasks[task]
        return Classifier(definition.items, definition.categories, self.saved(task))

    def choice(self, task: str) -> Choice:
        """The radio-button widget of a choice task, with any saved answer restored."""
        definition = self.taskfile.tasks[task]
        return Choice(definition.question, definition.options, self.saved(task))

    def sliders(self, task: str, names: list[str], setting: str | None = None, **options) -> Sliders:
        """One slider per name, restoring the values saved for ``task`` (its answer when that is
        a set of slider values, else the setting ``setting`` it was checked with)."""
        saved = self.saved(task)
        if not (isinstance(saved, dict) and set(saved) <= set(names)):
            saved = None
        if saved is None and setting:
            entry = self.progress.entry(task) or {}
            saved = entry.get("settings", {}).get(setting, self.progress.settings.get(setting))
        return Sliders(names, saved=saved, **options)

    def answer_box(self, task: str) -> AnswerBox:
        """A text box for a number typed as people write it (3,57 or 1 234 or 15%), shown at
        once and holding the saved answer; the check reads what is in the box when it runs."""
        from IPython.display import display

        saved = self.saved(task)
        box = AnswerBox(saved if isinstance(saved, (int, float, str)) else None)
        display(box)
        return box

    def reflection(self) -> TextBox:
        """A text box for the reflection; its text is saved as the learner types."""
        prompt = self.taskfile.spec.get("reflection", "")
        box = TextBox(prompt, saved=self.saved("reflection"), placeholder=say("reflection_placeholder"))

        def save(text: str) -> None:
            self.progress.answers["reflection"] = {"answer": text, "status": "saved"}
            self.progress.save()

        box.observe(save)
        return box

    def solution(self, task: str, widget: Classifier | Choice, **settings) -> Table:
        """Set ``widget`` to the model answer and return the answer with its explanations."""
        definition = self.taskfile.tasks[task]
        current = self._settings(settings)
        if definition.spec.get("items"):
            key = definition.key(current)
            widget.set({item: category for item, (category, _) in key.items()})
            rows = [[item, category, why] for item, (category, why) in key.items()]
        else:
            answer = definition.right_options(current)[0]
            widget.set(answer)
            rows = [[definition.question, answer, definition.explanation(answer)]]
        return Table(say("model_answer"), [say("column_item"), say("column_answer"), say("column_why")], rows)
