"""Feedback from a check: HTML in Jupyter, plain text everywhere else. Never colour alone."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

CORRECT = "correct"
NOT_YET = "not yet"


@dataclass
class Feedback:
    """The result of checking one task.

    ``status`` is "correct" or "not yet"; ``message`` says what was found; ``hint`` says what to
    try next; ``details`` lists item-by-item remarks (for classification tasks).
    """

    task: str
    status: str
    message: str
    hint: str = ""
    details: list[str] = field(default_factory=list)

    @property
    def correct(self) -> bool:
        return self.status == CORRECT

    def with_note(self, note: str, always: bool = False) -> "Feedback":
        """Add ``note`` to a right answer's message (and, if ``always``, to a wrong one's details)."""
        if self.correct:
            self.message = f"{self.message} {note}"
        elif always:
            self.details.append(note)
        return self

    @property
    def label(self) -> str:
        return "✔ Correct" if self.correct else "✘ Not yet"

    def __str__(self) -> str:
        lines = [f"Task {self.task}: {self.label}. {self.message}"]
        lines += [f"  - {detail}" for detail in self.details]
        if self.hint and not self.correct:
            lines.append(f"  Hint: {self.hint}")
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        colour = "#1a7f37" if self.correct else "#9a6700"
        background = "#dafbe1" if self.correct else "#fff8c5"
        parts = [
            f'<div role="status" class="migdev-feedback" style="border-left:4px solid {colour};'
            f'background:{background};color:#1f2328;padding:0.5em 0.8em;margin:0.3em 0">',
            f"<strong>Task {html.escape(self.task)}: {self.label}.</strong> "
            f"{html.escape(self.message)}",
        ]
        if self.details:
            items = "".join(f"<li>{html.escape(d)}</li>" for d in self.details)
            parts.append(f"<ul style='margin:0.3em 0'>{items}</ul>")
        if self.hint and not self.correct:
            parts.append(f"<div><em>Hint:</em> {html.escape(self.hint)}</div>")
        parts.append("</div>")
        return "".join(parts)


def correct(task: str, message: str, details: list[str] | None = None) -> Feedback:
    return Feedback(task, CORRECT, message, details=details or [])


def not_yet(task: str, message: str, hint: str = "", details: list[str] | None = None) -> Feedback:
    return Feedback(task, NOT_YET, message, hint, details or [])
