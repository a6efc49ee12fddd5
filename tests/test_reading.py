"""Numbers typed the way people write them are understood, or get a precise suggestion; natural
slips in an answer cell never reach the learner as a traceback."""

from __future__ import annotations

import math

import nbformat
import pytest
from conftest import error_outputs, run_notebook
from hypothesis import given
from hypothesis import strategies as st
from nbformat.v4 import new_code_cell, new_notebook

from migdev.cells import rewrite, without_comment
from migdev.checks import check_number
from migdev.reading import Typed, read_number

amounts = st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


def grouped(whole: int, separator: str) -> str:
    return f"{whole:,}".replace(",", separator)


def readings(value) -> list[float]:
    reading = read_number(value)
    return [] if reading.value is None else [reading.value, *reading.alternatives]


@given(amounts)
def test_decimal_commas_are_read(amount):
    text = f"{amount:.2f}".replace(".", ",")
    assert any(math.isclose(r, float(amount), abs_tol=1e-9) for r in readings(text))
    assert any(math.isclose(r, float(amount), abs_tol=1e-9) for r in readings(Typed(text)))


@given(amounts, st.sampled_from([" ", "\u00a0", "\u202f", "'", "."]))
def test_thousands_separators_with_a_decimal_comma_are_read(amount, separator):
    whole, cents = divmod(abs(int(amount * 100)), 100)
    sign = "-" if amount < 0 else ""
    text = f"{sign}{grouped(whole, separator)},{cents:02d}"
    assert any(math.isclose(r, float(amount), abs_tol=1e-9) for r in readings(text)), text


@given(st.integers(min_value=1000, max_value=10**12), st.sampled_from([",", " ", "."]))
def test_whole_numbers_with_thousands_separators_are_read(number, separator):
    text = grouped(number, separator)
    assert number in readings(text), text


@given(
    amounts,
    st.sampled_from(
        [
            "{} %",
            "{}%",
            "{} per cent",
            "US$ {}",
            "{} US$",
            "{} USD",
            "€{}",
            "{} dollars",
            "{} billion",
            "{} people",
        ]
    ),
)
def test_percent_signs_and_currency_words_are_left_out(amount, pattern):
    text = pattern.format(f"{amount:.2f}")
    reading = read_number(text)
    assert reading.value is not None and math.isclose(reading.value, float(amount), abs_tol=1e-9)
    assert reading.note, "the learner is told how the text was read"


@given(st.text(max_size=30))
def test_any_text_is_read_or_explained(text):
    reading = read_number(text)
    assert (reading.value is None) != (reading.problem == "")
    assert reading.value is None or math.isfinite(reading.value)


def test_a_decimal_comma_gets_a_precise_suggestion():
    feedback = check_number("1", Typed("3,57"), 3.57, tolerance=0.005)
    assert feedback.correct
    assert "Python writes decimals with a point: next time type 3.57" in str(feedback)
    wrong = check_number("1", Typed("3,75"), 3.57, tolerance=0.005)
    assert not wrong.correct and "3.75" in str(wrong)


def test_an_ambiguous_comma_tries_both_readings():
    assert check_number("1", "2,011", 2.011, tolerance=0.001).correct
    assert check_number("1", "2,011", 2011, tolerance=0.5).correct


def test_a_rounded_answer_is_told_to_keep_more_decimals():
    feedback = check_number("1", 7.0, 7.014, tolerance=0.01)
    assert not feedback.correct and "rounded too much" in feedback.hint
    assert "within 0.01" in feedback.message, "the margin is stated in the feedback"


def test_answer_cells_keep_what_python_cannot_read():
    assert "Typed('2,01')" in "".join(rewrite(['answer_1 = 2,01  # ← e.g. "ODA"\n'], {}))
    assert "Typed('remittances')" in "".join(rewrite(["answer_3 = remittances\n"], {}))
    assert "Typed('3,57')" in "".join(rewrite(["answer_2 = 3,57\n"], {}))
    unchanged = ['answer_1 = ex.saved("1")  # ← replace with your answer, e.g. "ODA"\n']
    assert rewrite(unchanged, {"ex": object()}) == unchanged
    assert rewrite(["answer_1 = flows\n"], {"flows": 1}) == ["answer_1 = flows\n"]
    assert rewrite(["x = 2,01\n"], {}) == ["x = 2,01\n"], "only answer cells are rewritten"
    assert without_comment('answer_1 = "a # b"  # note') == 'answer_1 = "a # b"'


@pytest.mark.kernel
def test_slips_in_a_real_kernel_give_sentences_not_tracebacks(tmp_path):
    cells = [
        'from migdev import Exercise\nex = Exercise("m01-1-money-flows")',
        "answer_1 = 2,01  # ← replace with your answer",
        'print(ex.check("1", answer_1))',
        "answer_3 = remittances",
        'print(ex.check("3", answer_3))',
        'print(ex.check("4", answer_4))',
        "undefined_table.head()",
    ]
    notebook = run_notebook(
        new_notebook(cells=[new_code_cell(c) for c in cells]), tmp_path, allow_errors=True
    )
    assert error_outputs(notebook) == [], "no traceback is shown"
    printed = ["".join(o.get("text", "") for o in cell.outputs) for cell in notebook.cells]
    assert "2.01 is right" in printed[2] and "Python writes decimals with a point" in printed[2]
    assert "“remittances” is right" in printed[4]
    assert "answer_4 has no value yet" in printed[5]
    assert "“undefined_table” is not something Python knows" in printed[6]
    assert "Traceback" not in "".join(printed) and "SyntaxError" not in "".join(printed)


@pytest.mark.kernel
def test_nothing_is_installed_on_import(tmp_path):
    notebook = new_notebook(
        cells=[
            new_code_cell(
                "import migdev\nfrom IPython import get_ipython\n"
                "print(len(get_ipython().input_transformers_post), get_ipython().custom_exceptions)"
            )
        ]
    )
    printed = run_notebook(notebook, tmp_path).cells[0].outputs[0]["text"]
    assert printed.strip() == "0 ()"
    nbformat.validate(notebook)
