"""Compare a learner's answer with the expected one and explain the difference.

Every function here returns a :class:`~migdev.feedback.Feedback` for any input whatsoever: a
string, ``None``, NaN, a list, a table... never an exception.
"""

from __future__ import annotations

import difflib
import math
import numbers
from collections.abc import Iterable, Mapping

from migdev import countries
from migdev.data import CourseError
from migdev.feedback import Feedback, correct, not_yet

MISSING = "You have not given an answer yet: replace None with your answer, then run this cell again."


def describe(value: object) -> str:
    """A short, learner-friendly description of what was given."""
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{text} (a {type(value).__name__})"


def as_number(value: object) -> float | str:
    """A finite float, or a sentence saying why the value is not one."""
    if value is None:
        return MISSING
    if isinstance(value, bool):
        return f"You gave {value}, a yes/no value; a number is expected here, e.g. 12.5."
    if isinstance(value, str):
        cleaned = value.strip().replace(",", "").rstrip("%").strip()
        try:
            float(cleaned)
        except ValueError:
            return f"You gave the text {value!r}; a number is expected, e.g. 12.5 (no quotes)."
        return (f"You gave {value!r} in quotes, which Python reads as text. "
                f"Remove the quotes (and any % sign): {cleaned}")
    if isinstance(value, numbers.Real) or hasattr(value, "__float__") and not hasattr(value, "__len__"):
        try:
            number = float(value)
        except (TypeError, ValueError, OverflowError):
            return f"You gave {describe(value)}; a single number is expected."
        if math.isnan(number):
            return ("Your answer is NaN ('not a number'): the value is missing, often because a "
                    "year or a country has no data. Check the table above.")
        if math.isinf(number):
            return "Your answer is infinite: check for a division by zero."
        return number
    joined = _commas_as_thousands(value)
    if joined is not None:
        return ("Python read the commas in your number as separators between several numbers. "
                f"Type it without commas, e.g. {joined}.")
    if hasattr(value, "__len__"):
        return (f"You gave {describe(value)}, which holds several values; a single number is "
                "expected. Pick the one value the task asks for.")
    return f"You gave {describe(value)}; a single number is expected, e.g. 12.5."


def _commas_as_thousands(answer: object) -> str | None:
    """For ``-206,236`` typed without quotes (Python reads a tuple of whole numbers): "-206236"."""
    if not (isinstance(answer, tuple) and len(answer) >= 2
            and all(isinstance(part, int) and not isinstance(part, bool) for part in answer)
            and all(0 <= part <= 999 for part in answer[1:])):
        return None
    first, *rest = answer
    return ("-" if first < 0 else "") + str(abs(first)) + "".join(f"{part:03d}" for part in rest)


def format_number(value: float) -> str:
    """A number as a person writes it: 384,112 or 2.013 or 0.0041 (never 3.84e+05)."""
    if value == 0:
        return "0"
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{value:.0f}" if abs(value) < 10_000 else f"{value:,.0f}"  # years stay 2024
    magnitude = abs(value)
    if magnitude >= 1000:
        return f"{value:,.0f}"
    if magnitude >= 1:
        return f"{value:,.3f}".rstrip("0").rstrip(".")
    return f"{value:.3g}"


def with_unit(number: float, unit: str) -> str:
    text = format_number(number)
    return f"{text}{unit}" if unit.startswith("%") else f"{text} {unit}" if unit else text


def check_number(task: str, answer: object, expected: float, *, tolerance: float,
                 relative: bool = False, unit: str = "", hint: str = "", praise: str = "",
                 slips: Iterable[tuple] = ()) -> Feedback:
    """Correct when ``answer`` is within ``tolerance`` of ``expected``.

    ``tolerance`` is absolute, or a fraction of ``expected`` when ``relative`` is true; the
    feedback states it. ``praise`` is added to a right answer's message. ``slips`` lists the values
    that typical mistakes give, each as (value, advice) or (value, margin, advice): a wrong answer
    within the margin (default: the tolerance, or 0.1% of the value if larger) of such a value gets
    that advice as its hint.
    """
    number = as_number(answer)
    if isinstance(number, str):
        return not_yet(task, number, hint)
    allowed = abs(expected) * tolerance if relative else tolerance
    if allowed == 0:
        margin = "exactly"
    elif relative:
        margin = f"within {tolerance:.0%}"
    elif unit == "%":  # an absolute margin on a percentage is in percentage points
        margin = f"within {format_number(float(f'{allowed:.2g}'))} percentage points"
    else:
        margin = f"within {with_unit(float(f'{allowed:.2g}'), unit)}"
    if abs(number - expected) <= allowed:
        return correct(task, f"{with_unit(number, unit)} is right ({margin}). {praise}".strip())
    advice = hint
    for slip in slips:
        value, slip_margin, slip_advice = (slip if len(slip) == 3 else
                                           (slip[0], max(allowed, abs(slip[0]) * 1e-3), slip[1]))
        if value is not None and math.isfinite(value) and abs(number - value) <= slip_margin:
            advice = slip_advice
            break
    else:
        advice = _unit_slip(number, expected) or hint
    direction = "too high" if number > expected else "too low"
    return not_yet(task, f"{with_unit(number, unit)} is {direction}.", advice)


def _unit_slip(number: float, expected: float) -> str:
    """Advice when ``number`` is ``expected`` in the wrong unit or with the wrong sign."""
    if not expected or not number:
        return ""
    ratio = number / expected
    for factor, words in [(100, "a share written as a percentage, or the other way round"),
                          (1e3, "thousands against units"), (1e6, "millions against units"),
                          (1e9, "billions against units")]:
        if math.isclose(ratio, factor, rel_tol=0.05) or math.isclose(ratio, 1 / factor, rel_tol=0.05):
            return f"Your answer is off by a factor of about {factor:g}: check the unit ({words})."
    if math.isclose(ratio, -1, rel_tol=0.05):
        return "Check the sign of your answer."
    return ""


def normalise(text: str) -> str:
    return " ".join(text.casefold().split())


def check_choice(task: str, answer: object, expected: str, options: Iterable[str], *,
                 explanations: Mapping[str, str] | None = None, hint: str = "") -> Feedback:
    """Correct when ``answer`` is the ``expected`` option (case and spacing do not matter)."""
    options = list(options)
    listed = ", ".join(f'"{o}"' for o in options)
    if answer is None:
        return not_yet(task, MISSING, f"Choose one of: {listed}.")
    if not isinstance(answer, str):
        return not_yet(task, f"You gave {describe(answer)}; one of these words is expected, in "
                             f"quotes: {listed}.")
    by_key = {normalise(o): o for o in options}
    chosen = by_key.get(normalise(answer))
    if chosen is None:
        close = difflib.get_close_matches(normalise(answer), list(by_key), n=1, cutoff=0.5)
        suggestion = f' Did you mean "{by_key[close[0]]}"?' if close else ""
        return not_yet(task, f"{answer!r} is not one of the options.{suggestion}",
                       f"Choose one of: {listed}.")
    why = (explanations or {}).get(chosen, "")
    if chosen == expected:
        return correct(task, f'"{chosen}" is right. {why}'.strip())
    return not_yet(task, f'"{chosen}" is not the best answer. {why}'.strip(), hint)


def check_country(task: str, answer: object, expected_iso3: str, *, hint: str = "") -> Feedback:
    """Correct when ``answer`` names the expected country (any spelling in the data, or ISO3)."""
    if answer is None:
        return not_yet(task, MISSING, hint)
    try:
        iso3 = countries.resolve(answer)
    except CourseError as problem:
        return not_yet(task, str(problem), hint)
    if iso3 == expected_iso3:
        return correct(task, f"{countries.country_name(iso3)} is right.")
    return not_yet(task, f"{countries.country_name(iso3)} is not the one.", hint)


def check_countries(task: str, answer: object, expected_iso3: Iterable[str], *,
                    hint: str = "") -> Feedback:
    """Correct when ``answer`` is a list naming exactly the expected countries, in any order."""
    expected = list(expected_iso3)
    if answer is None:
        return not_yet(task, MISSING, hint)
    if isinstance(answer, str) or not isinstance(answer, Iterable) or isinstance(answer, Mapping):
        return not_yet(task, f"You gave {describe(answer)}; a list of {len(expected)} country "
                             'names is expected, in square brackets, e.g. ["Italy", "Spain"].', hint)
    given = list(answer)
    if not given:
        return not_yet(task, f"Your list is empty; {len(expected)} countries are expected.", hint)
    found: list[str] = []
    for item in given:
        try:
            found.append(countries.resolve(item))
        except CourseError as problem:
            return not_yet(task, str(problem), hint)
    right = [c for c in dict.fromkeys(found) if c in expected]
    wrong = [countries.country_name(c) for c in dict.fromkeys(found) if c not in expected]
    if len(right) == len(expected) and not wrong:
        return correct(task, f"All {len(expected)} countries are right.")
    details = [f"{len(right)} of the {len(expected)} expected countries are in your list."]
    if wrong:
        details.append("Not among them: " + ", ".join(wrong) + ".")
    return not_yet(task, "Not quite.", hint, details)


def check_classification(task: str, answer: object, key: Mapping[str, tuple[str, str]], *,
                         hint: str = "", explain_all: bool = False, note: str = "") -> Feedback:
    """Correct when every item has its expected category.

    ``key`` maps each item to (expected category, explanation); ``answer`` maps items to the
    learner's categories (a dict, or a widget with a ``value`` dict). Wrong items get their
    explanation as feedback; with ``explain_all``, every answered item does (right ones too), and
    ``note`` is added once anything is answered. Unanswered items never show their explanation.
    """
    answer = getattr(answer, "value", answer)
    if answer is None:
        return not_yet(task, MISSING, hint)
    if not isinstance(answer, Mapping):
        return not_yet(task, f"You gave {describe(answer)}; the answers of the widget above are "
                             "expected: run its cell and choose a category for each item.", hint)
    chosen = {item: _category(answer.get(item)) for item in key}
    unanswered = [item for item, given in chosen.items() if given is None]
    if len(unanswered) == len(key):
        return not_yet(task, "No item has a category yet: choose one for each item in the widget "
                             "above, then run this cell again.", hint)
    details = []
    right = 0
    for item, (expected, why) in key.items():
        given = chosen[item]
        if given is None:
            if explain_all:
                details.append(f"\u201c{_short(item)}\u201d: no category chosen yet.")
        elif normalise(given) == normalise(expected):
            right += 1
            if explain_all:
                details.append(f"\u201c{_short(item)}\u201d: right. {why}")
        else:
            details.append(f"\u201c{_short(item)}\u201d is not {given}. {why}")
    if unanswered and not explain_all:
        details.append(f"{len(unanswered)} item(s) still have no category.")
    if note:
        details.append(note)
    if right == len(key):
        return correct(task, f"All {len(key)} items are in the right category.", details=details)
    return not_yet(task, f"{right} of {len(key)} items are right.", hint, details)


def _category(value: object) -> str | None:
    """A chosen category as text, or None when nothing (usable) was chosen."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
