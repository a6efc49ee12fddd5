"""Exercise 2.1 (FICTIONAL case): the excerpt tables and the two custom checks (logic only; the
excerpts are the resource valdoria_policy_excerpts, every word is in tasks.yaml)."""

import math
import re
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from migdev.checks import normalise
from migdev.data import load
from migdev.display import Table, show
from migdev.feedback import Feedback, correct, not_yet
from migdev.reading import describe
from migdev.taskfile import read, texts
from migdev.text import say

TASK1 = read(Path(__file__).with_name("tasks.yaml"))["tasks"][0]
TEXTS = texts(__file__)
VALDORIA_EXCERPTS_FICTIONAL = load("valdoria_policy_excerpts").to_dict("records")
EXCERPT_CODES = [excerpt["code"] for excerpt in VALDORIA_EXCERPTS_FICTIONAL]
_BY_CODE = {excerpt["code"]: excerpt for excerpt in VALDORIA_EXCERPTS_FICTIONAL}
# The pairs judged in task 1 ("P1: V1 and V2"...): pair code -> (excerpt code, excerpt code).
_CODES = {item["text"]: re.findall(r"\b[PV]\d+\b", item["text"]) for item in TASK1["items"]}
PAIRS_FICTIONAL = {codes[0]: (codes[1], codes[2]) for codes in _CODES.values()}
_LABELS = {codes[0]: label for label, codes in _CODES.items()}
# Task 1's categories (pull against, reinforce, little or no interaction) as matrix values.
VALUES = dict(zip(TASK1["categories"], [-1, 1, 0], strict=True))


def _text(key: str, **values: object) -> str:
    return TEXTS[key].format(**values)


def pair_label(pair: str) -> str:
    """The text of a pair in the widgets, e.g. "P1: V1 and V2"."""
    return _LABELS[pair]


def excerpt_card() -> Table:
    """The excerpt card (FICTIONAL) as a table."""
    rows = [[e["code"], e["source"], _text("excerpt_quoted", text=e["text"])] for e in _BY_CODE.values()]
    columns = [_text("column_code"), _text("column_source"), _text("column_excerpt")]
    return show(pd.DataFrame(rows, columns=columns), _text("excerpt_card"))


def pairs_card(pairs: list[str] | None = None) -> Table:
    """The pairs of task 1 with both excerpts side by side (FICTIONAL)."""
    pairs = list(PAIRS_FICTIONAL) if pairs is None else pairs
    rows = [[p] + [_text("pair_cell", **_BY_CODE[code]) for code in PAIRS_FICTIONAL[p]] for p in pairs]
    columns = [_text("column_pair"), _text("column_first"), _text("column_second")]
    return show(pd.DataFrame(rows, columns=columns), _text("pairs_card"))


def empty_matrix() -> pd.DataFrame:
    """A 12 x 12 table indexed by the excerpt codes: 0 on the diagonal, empty (NaN) elsewhere."""
    matrix = pd.DataFrame(math.nan, index=EXCERPT_CODES, columns=EXCERPT_CODES)
    for code in EXCERPT_CODES:
        matrix.loc[code, code] = 0
    return matrix


def clashes_by_source(matrix: pd.DataFrame) -> pd.Series:
    """For each source institution, how many of its links in ``matrix`` are -1."""
    counts = (matrix == -1).sum(axis=1)
    counts.index = [f"{code}: {_BY_CODE[code]['source'].split(',')[0]}" for code in counts.index]
    return counts.rename(_text("clashes_name"))


def coherence_matrix(task, answer, task1=None) -> Feedback:
    """Going further 1: the matrix is symmetric, 0 on the diagonal, and matches task 1."""
    if answer is None:
        return not_yet(task.id, say("missing"), task.say("start"))
    if not isinstance(answer, pd.DataFrame):
        return not_yet(task.id, task.say("not_table", described=describe(answer)))
    if list(map(str, answer.index)) != EXCERPT_CODES or list(map(str, answer.columns)) != EXCERPT_CODES:
        return not_yet(task.id, task.say("wrong_codes"), task.say("codes_hint"))
    values = answer.apply(pd.to_numeric, errors="coerce").astype("float64")
    if (answer.notna().to_numpy() & values.isna().to_numpy()).any():
        return not_yet(task.id, task.say("not_numbers"))
    numbers = values.to_numpy()
    if not np.isin(numbers[~np.isnan(numbers)], [-1, 0, 1]).all():
        return not_yet(task.id, task.say("wrong_values"))
    problems = []
    if any(values.loc[c, c] != 0 for c in EXCERPT_CODES):
        problems.append(task.say("diagonal"))
    # The cells above the diagonal, and those that differ from their mirror cell (both empty: alike).
    cells = [(a, b) for i, a in enumerate(EXCERPT_CODES) for b in EXCERPT_CODES[i + 1 :]]
    alike = (values == values.T) | (values.isna() & values.T.isna())
    asymmetric = [f"{a}-{b}" for a, b in cells if not alike.loc[a, b]]
    if asymmetric:
        more = " ..." if len(asymmetric) > 6 else ""
        problems.append(task.say("asymmetric", cells=", ".join(asymmetric[:6]), more=more))
    judged = sum(pd.notna(values.loc[a, b]) for a, b in cells)
    if judged < len(PAIRS_FICTIONAL) + 5:
        problems.append(task.say("too_few", judged=judged))
    given = getattr(task1, "value", task1)
    labels = [pair_label(pair) for pair in PAIRS_FICTIONAL]
    if not isinstance(given, Mapping) or not all(isinstance(given.get(label), str) for label in labels):
        problems.append(task.say("task1_incomplete"))
    else:
        for pair, (a, b) in PAIRS_FICTIONAL.items():
            category = given[pair_label(pair)]
            if VALUES.get(category) is None or values.loc[a, b] != VALUES[category]:
                problems.append(task.say("mismatch", a=a, b=b, pair=pair, category=category))
    if problems:
        return not_yet(task.id, task.say("not_consistent"), details=problems)
    return correct(task.id, task.say("consistent", judged=judged))


def rewrite(task, answer, code="V2") -> Feedback:
    """Going further 2: any non-empty text that differs from the original excerpt."""
    original = _BY_CODE.get(code, {}).get("text") if isinstance(code, str) else None
    if original is None:
        return not_yet(task.id, task.say("bad_code", code=repr(code)))
    if answer is None:
        return not_yet(task.id, say("missing"), task.say("write"))
    if not isinstance(answer, str):
        return not_yet(task.id, task.say("not_text", described=describe(answer)))
    if not answer.strip():
        return not_yet(task.id, task.say("empty"))
    if normalise(answer).strip("\"'\u201c\u201d") == normalise(original):
        return not_yet(task.id, task.say("unchanged", code=code))
    return correct(task.id, task.say("ready", code=code))


def compare_rewrite(code: str, text: object) -> Table:
    """The original excerpt next to the learner's rewrite."""
    original = _BY_CODE.get(code, {"source": _text("unknown_code"), "text": ""})
    rows = [[_text("rewrite_original", source=original["source"]), original["text"]]]
    rows.append([_text("rewrite_yours"), text if isinstance(text, str) else _text("rewrite_none")])
    return Table(_text("rewrite_caption", code=code), [_text("column_version"), _text("column_text")], rows)
