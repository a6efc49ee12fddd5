"""Read a number the way people write it: decimal commas, thousands separators, % signs, words.

``read_number(value)`` never raises. It returns a :class:`Reading`: the number understood (and,
when the separators are ambiguous, the other possible reading), a note saying how the text was
read, or a problem saying why no number could be read.
"""

from __future__ import annotations

import math
import numbers
import re
from dataclasses import dataclass, field

from migdev.text import say


class Typed(str):
    """What a learner typed in an answer cell that Python could not read as a value (kept as text)."""


@dataclass
class Reading:
    value: float | None = None
    alternatives: list[float] = field(default_factory=list)
    note: str = ""
    problem: str = ""


WORDS = re.compile(r"[^\d.,+\-\s'’\u00a0\u202f\u2009]+")  # anything but digits and separators
SPACES = re.compile(r"(?<=\d)[\s\u00a0\u202f\u2009'’](?=\d)")
PYTHON_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
NUMBER = re.compile(r"^[+-]?(\d[\d.,]*|[.,]\d+)$")


def describe(value: object) -> str:
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{text} (a {type(value).__name__})"


def show(number: float) -> str:
    """A number as a person writes it: 384,112 or 2.013 or 0.0041 (never 3.84e+05)."""
    if number == 0:
        return "0"
    if float(number).is_integer() and abs(number) < 1e15:
        return f"{number:.0f}" if abs(number) < 10_000 else f"{number:,.0f}"  # years stay 2024
    magnitude = abs(number)
    if magnitude >= 1000:
        return f"{number:,.0f}"
    if magnitude >= 1:
        return f"{number:,.3f}".rstrip("0").rstrip(".")
    return f"{number:.3g}"


def literal(number: float) -> str:
    """A number as Python writes it: 1234.5, 3.57, -206236."""
    return f"{number:.12g}"


def read_text(text: str) -> Reading:
    """A number from text written as people write it (e.g. "3,57", "1 234,5", "15.3 %", "US$ 2.01")."""
    original = text.strip()
    cleaned = original.replace("−", "-")
    if PYTHON_NUMBER.match(cleaned) and ("e" in cleaned.lower()):
        return Reading(float(cleaned))
    notes = []
    if "%" in cleaned or re.search(r"(?i)per\s?cent", cleaned):
        cleaned = re.sub(r"(?i)%|per\s?cent", " ", cleaned)
        notes.append("percent")
    without_words = WORDS.sub(" ", cleaned)
    if without_words.strip() != cleaned.strip():
        notes.append("words")
    cleaned = SPACES.sub("", " ".join(without_words.split())).replace(" ", "")
    if not NUMBER.match(cleaned):
        return Reading(problem=say("text_not_number", text=original))
    sign = -1.0 if cleaned.startswith("-") else 1.0
    digits = cleaned.lstrip("+-")
    commas, points = digits.count(","), digits.count(".")
    alternatives: list[float] = []
    kind = ""
    if commas and points:  # the last separator is the decimal one
        decimal = "," if digits.rfind(",") > digits.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        value = float(digits.replace(thousands, "").replace(decimal, "."))
        kind = "decimal_comma" if decimal == "," else "thousands"
    elif commas == 1:
        head, tail = digits.split(",")
        if len(tail) == 3 and head and len(head) <= 3:
            value = float(head + tail)
            alternatives = [float(f"{head}.{tail}")]
            kind = "ambiguous"
        else:
            value = float(f"{head or '0'}.{tail}")
            kind = "decimal_comma"
    elif commas > 1 or points > 1:
        separator = "," if commas else "."
        groups = digits.split(separator)
        if not all(len(group) == 3 for group in groups[1:]) or not groups[0]:
            return Reading(problem=say("text_not_number", text=original))
        value = float("".join(groups))
        kind = "thousands"
    else:
        value = float(digits)
        head, _, tail = digits.partition(".")
        if points == 1 and len(tail) == 3 and head and len(head) <= 3:  # 1.000 may mean 1000
            alternatives = [float(head + tail)]
    value *= sign
    alternatives = [sign * a for a in alternatives]
    if not math.isfinite(value):
        return Reading(problem=say("infinite"))
    if kind == "ambiguous":
        note = say(
            "read_ambiguous_comma", text=original, first=literal(value), second=literal(alternatives[0])
        )
    elif kind:
        note = say(f"read_{kind}", text=original, number=literal(value))
    else:
        note = ""
    if "percent" in notes:
        note = " ".join(filter(None, [note, say("read_percent", number=literal(value))]))
    if "words" in notes:
        note = " ".join(filter(None, [note, say("read_words", number=literal(value))]))
    return Reading(value, alternatives, note)


def _tuple_text(value: tuple) -> str | None:
    """``3,57`` typed without quotes is a tuple of whole numbers to Python: give back "3,57"."""
    if (
        len(value) >= 2
        and all(isinstance(p, int) and not isinstance(p, bool) for p in value)
        and all(p >= 0 for p in value[1:])
    ):
        return ",".join(str(p) for p in value)
    return None


def read_number(value: object) -> Reading:
    """What number ``value`` is meant to be, or why it cannot be one."""
    if (
        not isinstance(value, (str, numbers.Number))
        and hasattr(value, "_repr_mimebundle_")
        and hasattr(value, "value")
    ):  # a widget: what the learner typed or chose
        value = value.value
        value = Typed(value) if isinstance(value, str) else value
    if value is None or (isinstance(value, str) and not value.strip()):
        return Reading(problem=say("missing"))
    if isinstance(value, bool):
        return Reading(problem=say("yes_no", value=value))
    if isinstance(value, str):
        reading = read_text(value)
        if reading.value is not None and not isinstance(value, Typed) and not reading.note:
            reading.note = say("read_quotes", number=show(reading.value))
        return reading
    if isinstance(value, numbers.Real) or hasattr(value, "__float__") and not hasattr(value, "__len__"):
        try:
            number = float(value)
        except (TypeError, ValueError, OverflowError):
            return Reading(problem=say("not_a_number", described=describe(value)))
        if math.isnan(number):
            return Reading(problem=say("nan"))
        if math.isinf(number):
            return Reading(problem=say("infinite"))
        return Reading(number)
    if isinstance(value, tuple):
        text = _tuple_text(value)
        if text is not None:
            return read_text(Typed(("-" + text[1:]) if text.startswith("-") else text))
    if hasattr(value, "__len__"):
        return Reading(problem=say("several_values", described=describe(value)))
    return Reading(problem=say("not_a_number", described=describe(value)))
