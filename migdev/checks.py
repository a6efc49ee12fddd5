"""Compare a learner's answer with the expected one and explain the difference.

Every function here returns a :class:`~migdev.feedback.Feedback` for any input whatsoever: a
string, ``None``, NaN, a list, a table... never an exception. Their words are in messages.yaml.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Mapping

from migdev import countries
from migdev.data import CourseError
from migdev.feedback import Feedback, correct, not_yet
from migdev.reading import describe, read_number, show
from migdev.text import say


def as_number(value: object) -> float | str:
    """A finite float, or a sentence saying why the value is not one (see :func:`read_number`)."""
    reading = read_number(value)
    return reading.problem if reading.value is None else reading.value


def format_number(value: float) -> str:
    return show(value)


def with_unit(number: float, unit: str) -> str:
    text = show(number)
    return f"{text}{unit}" if unit.startswith("%") else f"{text} {unit}" if unit else text


def margin_words(expected: float, tolerance: float, relative: bool, unit: str) -> tuple[float, str]:
    """(allowed difference, how it reads: "within 0.04 US$ billion", "within 2%"...)."""
    allowed = abs(expected) * tolerance if relative else tolerance
    if allowed == 0:
        return 0.0, say("margin_exact")
    if relative:
        return allowed, say("margin_relative", share=f"{tolerance:.0%}")
    rounded = float(f"{allowed:.2g}")
    if unit.startswith("%"):  # an absolute margin on a percentage is in percentage points
        return allowed, say("margin_points", points=show(rounded))
    return allowed, say("margin_absolute", amount=with_unit(rounded, unit))


def check_number(
    task: str,
    answer: object,
    expected: float,
    *,
    tolerance: float,
    relative: bool = False,
    unit: str = "",
    hint: str = "",
    praise: str = "",
    slips: Iterable[tuple] = (),
) -> Feedback:
    """Correct when ``answer`` is within ``tolerance`` of ``expected``.

    ``tolerance`` is absolute, or a fraction of ``expected`` when ``relative`` is true; the
    feedback states it. ``slips`` lists the values that typical mistakes give, each as
    (value, advice) or (value, margin, advice): a wrong answer within the margin (default: the
    tolerance, or 0.1% of the value if larger) of such a value gets that advice as its hint.
    Numbers typed as people write them (3,57; 1 234; 15%) are read, and the reading is explained.
    """
    reading = read_number(answer)
    if reading.value is None:
        return not_yet(task, reading.problem, hint)
    allowed, margin = margin_words(expected, tolerance, relative, unit)
    notes = [reading.note] if reading.note else []
    for number in [reading.value, *reading.alternatives]:
        if abs(number - expected) <= allowed:
            message = say(
                "number_right", number=show(number), expected=with_unit(expected, unit), margin=margin
            )
            return correct(task, f"{message} {praise}".strip(), details=notes)
    number = reading.value
    advice = (
        _slip_advice(number, allowed, slips)
        or _rounding(number, expected, allowed, margin)
        or _unit_slip(number, expected)
        or hint
    )
    direction = say("too_high") if number > expected else say("too_low")
    message = say("number_wrong", number=show(number), direction=direction, margin=margin)
    return not_yet(task, message, advice, notes)


def _slip_advice(number: float, allowed: float, slips: Iterable[tuple]) -> str:
    for slip in slips:
        value, slip_margin, advice = (
            slip if len(slip) == 3 else (slip[0], max(allowed, abs(slip[0]) * 1e-3), slip[1])
        )
        if value is not None and math.isfinite(value) and abs(number - value) <= slip_margin:
            return advice
    return ""


def _rounding(number: float, expected: float, allowed: float, margin: str) -> str:
    """Advice when ``number`` is ``expected`` rounded to fewer decimals than the margin allows."""
    if allowed <= 0 or number == 0:
        return ""
    for decimals in range(0, 4):
        if round(expected, decimals) == number and abs(number - expected) > allowed:
            return say("rounded_too_much", margin=margin)
    return ""


FACTORS = [
    (100, "100", "unit_percent_words"),
    (1e3, "1,000", "unit_thousands_words"),
    (1e6, "a million", "unit_millions_words"),
    (1e9, "a billion", "unit_billions_words"),
]


def _unit_slip(number: float, expected: float) -> str:
    """Advice when ``number`` is ``expected`` in the wrong unit or with the wrong sign."""
    if not expected or not number:
        return ""
    ratio = number / expected
    for factor, factor_words, words in FACTORS:
        for bigger, value in [(True, factor), (False, 1 / factor)]:
            if math.isclose(ratio, value, rel_tol=0.05):
                direction = say("unit_factor_bigger" if bigger else "unit_factor_smaller")
                return say("unit_factor", factor=factor_words, direction_word=direction, words=say(words))
    if math.isclose(ratio, -1, rel_tol=0.05):
        return say("sign")
    return ""


def normalise(text: str) -> str:
    return " ".join(str(text).casefold().split())


def _listed(options: Iterable[str]) -> str:
    return ", ".join(f"“{o}”" for o in options)


def check_choice(
    task: str,
    answer: object,
    expected: str | Iterable[str],
    options: Iterable[str],
    *,
    explanations: Mapping[str, str] | None = None,
    hint: str = "",
    praise: str = "",
) -> Feedback:
    """Correct when ``answer`` is the ``expected`` option, or one of them (case and spacing do not
    matter; a close misspelling gets a suggestion)."""
    options = list(options)
    right = {expected} if isinstance(expected, str) else set(expected)
    if answer is None:
        return not_yet(task, say("missing"), say("choice_listed", listed=_listed(options)))
    if not isinstance(answer, str):
        return not_yet(task, say("choice_not_text", described=describe(answer), listed=_listed(options)))
    by_key = {normalise(o): o for o in options}
    chosen = by_key.get(normalise(answer))
    if chosen is None:
        close = difflib.get_close_matches(normalise(answer), list(by_key), n=1, cutoff=0.5)
        suggestion = say("choice_did_you_mean", option=by_key[close[0]]) if close else ""
        return not_yet(
            task,
            say("choice_unknown", text=answer, suggestion=suggestion).strip(),
            say("choice_listed", listed=_listed(options)),
        )
    why = (explanations or {}).get(chosen, "")
    if chosen in right:
        return correct(task, f"{say('choice_right', option=chosen, why=why)} {praise}".strip())
    return not_yet(task, say("choice_wrong", option=chosen, why=why).strip(), hint)


def check_country(task: str, answer: object, expected_iso3: str, *, hint: str = "") -> Feedback:
    """Correct when ``answer`` names the expected country (any spelling in the data, or ISO3)."""
    if answer is None:
        return not_yet(task, say("missing"), hint)
    try:
        iso3 = countries.resolve(answer)
    except CourseError as problem:
        return not_yet(task, str(problem), hint)
    if iso3 == expected_iso3:
        return correct(task, say("country_right", country=countries.country_name(iso3)))
    return not_yet(task, say("country_wrong", country=countries.country_name(iso3)), hint)


def check_countries(task: str, answer: object, expected_iso3: Iterable[str], *, hint: str = "") -> Feedback:
    """Correct when ``answer`` is a list naming exactly the expected countries, in any order."""
    expected = list(expected_iso3)
    if answer is None:
        return not_yet(task, say("missing"), hint)
    if isinstance(answer, str) or not isinstance(answer, Iterable) or isinstance(answer, Mapping):
        return not_yet(task, say("countries_not_list", described=describe(answer), count=len(expected)), hint)
    given = list(answer)
    if not given:
        return not_yet(task, say("countries_empty", count=len(expected)), hint)
    found: list[str] = []
    for item in given:
        try:
            found.append(countries.resolve(item))
        except CourseError as problem:
            return not_yet(task, str(problem), hint)
    right = [c for c in dict.fromkeys(found) if c in expected]
    wrong = [countries.country_name(c) for c in dict.fromkeys(found) if c not in expected]
    if len(right) == len(expected) and not wrong:
        return correct(task, say("countries_right", count=len(expected)))
    details = [say("countries_some", right=len(right), count=len(expected))]
    if wrong:
        details.append(say("countries_extra", names=", ".join(wrong)))
    return not_yet(task, say("countries_not_quite"), hint, details)


def check_classification(
    task: str,
    answer: object,
    key: Mapping[str, tuple[str, str]],
    *,
    hint: str = "",
    explain_all: bool = False,
    note: str = "",
) -> Feedback:
    """Correct when every item has its expected category.

    ``key`` maps each item to (expected category, explanation); ``answer`` maps items to the
    learner's categories (a dict, or a widget with a ``value`` dict). Wrong items get their
    explanation as feedback; with ``explain_all``, every answered item does (right ones too), and
    ``note`` is added once anything is answered. Unanswered items never show their explanation.
    """
    answer = getattr(answer, "value", answer)
    if answer is None:
        return not_yet(task, say("missing"), hint)
    if not isinstance(answer, Mapping):
        return not_yet(task, say("classify_not_widget", described=describe(answer)), hint)
    chosen = {item: _category(answer.get(item)) for item in key}
    unanswered = [item for item, given in chosen.items() if given is None]
    if len(unanswered) == len(key):
        return not_yet(task, say("classify_nothing"), hint)
    details = []
    right = 0
    for item, (expected, why) in key.items():
        given = chosen[item]
        if given is None:
            if explain_all:
                details.append(say("classify_unanswered_item", item=_short(item)))
        elif normalise(given) == normalise(expected):
            right += 1
            if explain_all:
                details.append(say("classify_right_item", item=_short(item), why=why))
        else:
            details.append(say("classify_wrong_item", item=_short(item), given=given, why=why))
    if unanswered and not explain_all:
        details.append(say("classify_unanswered_count", count=len(unanswered)))
    if note:
        details.append(note)
    if right == len(key):
        return correct(task, say("classify_all_right", count=len(key)), details=details)
    return not_yet(task, say("classify_some_right", right=right, count=len(key)), hint, details)


def _category(value: object) -> str | None:
    """A chosen category as text, or None when nothing (usable) was chosen."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
