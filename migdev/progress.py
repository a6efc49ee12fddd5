"""Save a learner's answers in a small JSON file next to the notebook, and load them back.

The file is ``<exercise>.answers.json`` in the notebook's folder (the kernel's working folder).
It holds, per task, the answer, its status and the settings it was checked with (e.g. the
country, slider weights); the settings last used; and the result of the last check of each task
(``checked``), even when no answer was given (that never creates or overwrites an answer).
A missing file means a fresh start. A damaged file is never overwritten: it is renamed to
``<exercise>.answers.damaged-<time>.json`` and the learner is told so.

Exercises that share one file (``shared="capstone"``: the capstone's six stages) save it in the
parent folder as ``capstone.answers.json``, one section per exercise under ``stages``; a save
re-reads the file and replaces only its own section, so two stages open at once lose nothing.
"""

from __future__ import annotations

import json
import math
import os
from datetime import UTC, datetime
from pathlib import Path

from migdev.text import say

FORMAT = 2


def given(value: object) -> bool:
    """False for what is no answer at all: None, empty text, a widget nobody has touched, a set of
    drop-downs where nothing is chosen."""
    if (
        hasattr(value, "_repr_mimebundle_")
        and hasattr(value, "value")
        and not isinstance(value, (str, int, float))
    ):
        if not getattr(value, "answered", True):
            return False
        value = value.value
    if value is None or isinstance(value, str) and not value.strip():
        return False
    if isinstance(value, dict) and value and all(v is None for v in value.values()):
        return False
    return True


def plain(value: object) -> object:
    """``value`` as plain JSON data, or ``None`` when it cannot be saved (e.g. a table)."""
    if (
        hasattr(value, "_repr_mimebundle_")
        and hasattr(value, "value")
        and not isinstance(value, (str, int, float))
    ):
        value = value.value  # a widget: its value
    if value is None or isinstance(value, (bool, str)):
        return str(value) if isinstance(value, str) else value
    if isinstance(value, int):
        return value
    if isinstance(value, float) or hasattr(value, "__float__") and not hasattr(value, "__len__"):
        try:
            number = float(value)
        except (TypeError, ValueError, OverflowError):
            return None
        if math.isfinite(number):
            return int(number) if isinstance(value, int) else number
        return None
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Progress:
    """The saved answers of one exercise."""

    def __init__(self, exercise: str, folder: str | os.PathLike | None = None, shared: str | None = None):
        self.exercise = exercise
        self.shared = shared
        self.folder = Path(folder) if folder is not None else Path.cwd()
        if shared:
            self.folder = self.folder.resolve().parent
        self.stem = shared or exercise
        self.path = self.folder / f"{self.stem}.answers.json"
        self.answers: dict[str, dict] = {}
        self.settings: dict[str, object] = {}
        self.checked: dict[str, dict] = {}
        self.notice = ""
        self.damaged = False
        self._load()

    def _load(self) -> None:
        if not self.path.exists():
            self.notice = say("progress_none_shared" if self.shared else "progress_none", file=self.path.name)
            return
        try:
            content = self._section(json.loads(self.path.read_text(encoding="utf-8")))
            answers = content["answers"]
            if content.get("exercise") != self.exercise or not isinstance(answers, dict):
                raise ValueError("the file belongs to another exercise")
            if not all(isinstance(v, dict) and "answer" in v for v in answers.values()):
                raise ValueError("an entry has no answer")
            settings = content.get("settings", {})
            checked = content.get("checked", {})
            if not isinstance(settings, dict) or not isinstance(checked, dict):
                raise ValueError("settings are not a table")
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.damaged = True
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
            kept = self.path.with_name(f"{self.stem}.answers.damaged-{stamp}.json")
            name = self.path.name
            try:
                self.path.rename(kept)
                where = say("progress_kept_as", kept=kept.name)
            except OSError:
                where = say("progress_not_renamed")
                self.path = self.path.with_name(f"{self.stem}.answers.new.json")
            self.notice = say("progress_damaged", file=name, where=where)
            return
        self.answers, self.settings, self.checked = answers, settings, checked
        listed = ", ".join(f"{task} ({entry.get('status', '?')})" for task, entry in sorted(answers.items()))
        self.notice = say("progress_restored", count=len(answers), file=self.path.name, listed=listed)
        shown = describe_settings(settings)
        if shown:
            self.notice += " " + say("progress_restored_settings", settings=shown)

    def _section(self, content: dict) -> dict:
        """This exercise's part of the file (the whole file unless it is shared)."""
        if not self.shared:
            return content
        if content.get("exercise") != self.shared or not isinstance(content.get("stages"), dict):
            raise ValueError("not a shared answers file")
        empty = {"exercise": self.exercise, "answers": {}, "settings": {}, "checked": {}}
        return {**empty, **content["stages"].get(self.exercise, {}), "exercise": self.exercise}

    def others(self) -> dict[str, dict]:
        """The other sections of a shared file as saved now ({exercise: section}); {} if none."""
        if not self.shared or self.damaged or not self.path.exists():
            return {}
        try:
            content = json.loads(self.path.read_text(encoding="utf-8"))
            self._section(content)
        except (OSError, ValueError, TypeError, AttributeError):
            return {}
        return {k: v for k, v in content["stages"].items() if k != self.exercise and isinstance(v, dict)}

    @property
    def href(self) -> str:
        """The file's address from the notebook's folder (for a download link)."""
        return f"../{self.path.name}" if self.shared else self.path.name

    def get(self, task: str, default: object = None) -> object:
        entry = self.answers.get(task)
        return default if entry is None else entry["answer"]

    def entry(self, task: str) -> dict | None:
        return self.answers.get(task)

    def record(self, task: str, answer: object, status: str, settings: dict | None = None) -> None:
        """Save one check: the answer (if one was given), its status and its settings."""
        self.checked[task] = {"status": status, "at": _now()}
        saved = plain(answer)
        if given(answer) and saved is not None:
            self.answers[task] = {"answer": saved, "status": status, "saved_at": _now()}
            if settings:
                self.answers[task]["settings"] = plain(settings)
                self.settings.update(plain(settings))
        self.save()

    def save_setting(self, name: str, value: object) -> None:
        self.settings[name] = plain(value)
        self.save()

    def save(self) -> None:
        if os.environ.get("MIGDEV_SAVE", "1") == "0":
            return
        content = {
            "exercise": self.exercise,
            "format": FORMAT,
            "answers": self.answers,
            "settings": self.settings,
            "checked": self.checked,
        }
        if self.shared:
            content = {
                "exercise": self.shared,
                "format": FORMAT,
                "stages": {**self.others(), self.exercise: content},
            }
        temporary = self.path.with_suffix(".tmp")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps(content, indent=1, ensure_ascii=False), encoding="utf-8")
            temporary.replace(self.path)
        except OSError:
            self.notice = say("progress_read_only", folder=self.folder)


def describe_settings(settings: dict) -> str:
    """The settings a learner chose, in words: "Nepal" or "country Nepal, year 2020"."""
    shown = {
        k: v for k, v in settings.items() if isinstance(v, (str, int, float)) and not isinstance(v, bool)
    }
    if list(shown) == ["country"]:
        return str(shown["country"])
    return ", ".join(f"{k} {v}" for k, v in shown.items())
