"""Feedback from a check: HTML in Jupyter, plain text everywhere else. Never colour alone.

The HTML can never be typeset as mathematics: the box carries the classes MathJax skips in
JupyterLab, the classic notebook and the book, and every dollar sign is written as an entity.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from migdev.text import say

CORRECT = "correct"
NOT_YET = "not yet"
NO_MATHS = "tex2jax_ignore mathjax_ignore"


def safe_html(text: str) -> str:
    """``text`` escaped for HTML, with ``$`` as an entity so that no maths renderer sees a pair."""
    return html.escape(text).replace("$", "&#36;")


@dataclass
class Feedback:
    """The result of checking one task.

    ``status`` is "correct" or "not yet"; ``message`` says what was found; ``hint`` says what to
    try next; ``details`` lists item-by-item remarks (for classification tasks); ``context`` says
    what the answer was checked for (e.g. the chosen country).
    """

    task: str
    status: str
    message: str
    hint: str = ""
    details: list[str] = field(default_factory=list)
    context: str = ""

    @property
    def correct(self) -> bool:
        return self.status == CORRECT

    def with_note(self, note: str, always: bool = False) -> Feedback:
        """Add ``note`` to a right answer's message (and, if ``always``, to a wrong one's details)."""
        if self.correct:
            self.message = f"{self.message} {note}"
        elif always:
            self.details.append(note)
        return self

    @property
    def label(self) -> str:
        return say("label_correct") if self.correct else say("label_not_yet")

    def _heading(self) -> str:
        return f"{say('task_label', task=self.task)}: {self.label}."

    def __str__(self) -> str:
        lines = [" ".join(filter(None, [self._heading(), self.message, self.context]))]
        lines += [f"  - {detail}" for detail in self.details]
        if self.hint and not self.correct:
            lines.append(f"  {say('hint_label')} {self.hint}")
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        colour = "#1a7f37" if self.correct else "#9a6700"
        background = "#dafbe1" if self.correct else "#fff8c5"
        parts = [
            f'<div role="status" class="migdev-feedback {NO_MATHS}" '
            f'style="border-left:4px solid {colour};background:{background};color:#1f2328;'
            f'padding:0.5em 0.8em;margin:0.3em 0;text-align:left">',
            f"<strong>{safe_html(self._heading())}</strong> {safe_html(self.message)}",
        ]
        if self.context:
            parts.append(f" <em>{safe_html(self.context)}</em>")
        if self.details:
            items = "".join(f"<li>{safe_html(d)}</li>" for d in self.details)
            parts.append(f"<ul style='margin:0.3em 0'>{items}</ul>")
        if self.hint and not self.correct:
            parts.append(f"<div><em>{safe_html(say('hint_label'))}</em> {safe_html(self.hint)}</div>")
        parts.append("</div>")
        return "".join(parts)


def correct(task: str, message: str, details: list[str] | None = None) -> Feedback:
    return Feedback(task, CORRECT, message, details=details or [])


def not_yet(task: str, message: str, hint: str = "", details: list[str] | None = None) -> Feedback:
    return Feedback(task, NOT_YET, message, hint, details or [])
