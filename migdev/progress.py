"""Save a learner's answers in a small JSON file next to the notebook, and load them back.

The file is ``<exercise>.answers.json`` in the notebook's folder (the kernel's working folder).
A missing file means a fresh start. A damaged file is never overwritten: it is renamed to
``<exercise>.answers.damaged-<time>.json`` and the learner is told so.
"""

from __future__ import annotations

import json
import math
import os
from datetime import datetime, timezone
from pathlib import Path

FORMAT = 1


def _plain(value: object) -> object:
    """``value`` as plain JSON data, or ``None`` when it cannot be saved (e.g. a table)."""
    if value is None or isinstance(value, (bool, str)):
        return value
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
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return None


class Progress:
    """The saved answers of one exercise."""

    def __init__(self, exercise: str, folder: str | os.PathLike | None = None):
        self.exercise = exercise
        self.folder = Path(folder) if folder is not None else Path.cwd()
        self.path = self.folder / f"{exercise}.answers.json"
        self.answers: dict[str, dict] = {}
        self.notice = ""
        self._load()

    def _load(self) -> None:
        if not self.path.exists():
            self.notice = (f"No saved answers yet. Each time you run a check, your answer is saved "
                           f"in {self.path.name}, next to this notebook.")
            return
        try:
            content = json.loads(self.path.read_text(encoding="utf-8"))
            answers = content["answers"]
            if content.get("exercise") != self.exercise or not isinstance(answers, dict):
                raise ValueError("the file belongs to another exercise")
            if not all(isinstance(v, dict) and "answer" in v for v in answers.values()):
                raise ValueError("an entry has no answer")
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as problem:
            stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
            kept = self.path.with_name(f"{self.exercise}.answers.damaged-{stamp}.json")
            try:
                self.path.rename(kept)
                where = f"It was kept as {kept.name} and a fresh file will be started."
            except OSError:
                where = "It could not be renamed; new answers will not be saved until it is moved."
                self.path = self.path.with_name(f"{self.exercise}.answers.new.json")
            self.notice = (f"Your saved answers in {self.path.name} could not be read "
                           f"({problem}). {where}")
            return
        self.answers = answers
        listed = ", ".join(f"{task} ({entry.get('status', '?')})"
                           for task, entry in sorted(answers.items()))
        self.notice = (f"Restored {len(answers)} saved answer(s) from {self.path.name}: {listed}. "
                       "The answer cells use them until you type new ones.")

    def get(self, task: str, default: object = None) -> object:
        entry = self.answers.get(task)
        return default if entry is None else entry["answer"]

    def record(self, task: str, answer: object, status: str) -> None:
        """Save one answer (values that cannot be saved, such as tables, are stored as None)."""
        self.answers[task] = {"answer": _plain(answer), "status": status,
                              "saved_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        if os.environ.get("MIGDEV_SAVE", "1") == "0":
            return
        content = {"exercise": self.exercise, "format": FORMAT, "answers": self.answers}
        temporary = self.path.with_suffix(".tmp")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps(content, indent=1, ensure_ascii=False), encoding="utf-8")
            temporary.replace(self.path)
        except OSError:
            self.notice = f"Your answers could not be saved in {self.folder} (is it read-only?)."
