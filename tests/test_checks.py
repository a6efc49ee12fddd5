import math

import numpy as np
import pandas as pd
import pytest

from migdev import Exercise, countries
from migdev.checks import (check_choice, check_classification, check_countries, check_country,
                           check_number)
from migdev.data import CourseError, load


def test_number_within_tolerance_is_correct():
    assert check_number("1", 10.04, 10.0, tolerance=0.05).correct
    assert check_number("1", np.float64(10.0), 10.0, tolerance=0).correct


def test_number_outside_tolerance_says_too_high_or_low():
    high = check_number("1", 12, 10.0, tolerance=0.5)
    assert not high.correct and "too high" in high.message
    assert "too low" in check_number("1", 8, 10.0, tolerance=0.5).message


def test_relative_tolerance_is_stated():
    assert check_number("1", 101, 100, tolerance=0.02, relative=True).correct
    assert "2%" in check_number("1", 101, 100, tolerance=0.02, relative=True).message


def test_unit_slip_gets_a_unit_hint():
    feedback = check_number("1", 2_000_000_000, 2.0, tolerance=0.01)
    assert not feedback.correct and "factor" in feedback.hint and "billions" in feedback.hint
    assert "percentage" in check_number("1", 0.153, 15.3, tolerance=0.1).hint


@pytest.mark.parametrize("bad, words", [
    (None, "replace None"), ("abc", "number is expected"), ("12.5", "Remove the quotes"),
    (float("nan"), "NaN"), (math.inf, "infinite"), ([], "several values"), ([1, 2], "several"),
    (True, "yes/no"), ({"a": 1}, "several values"), (pd.Series([1.0, 2.0]), "several values"),
    (object(), "single number"),
])
def test_bad_numeric_answers_get_a_message_not_an_error(bad, words):
    feedback = check_number("1", bad, 10.0, tolerance=0.1)
    assert not feedback.correct
    assert words in feedback.message


def test_choice_ignores_case_and_suggests_on_typo():
    assert check_choice("3", " Remittances ", "remittances", ["remittances", "ODA", "FDI"]).correct
    typo = check_choice("3", "remitances", "remittances", ["remittances", "ODA", "FDI"])
    assert not typo.correct and 'Did you mean "remittances"?' in typo.message
    assert "in quotes" in check_choice("3", 3, "ODA", ["remittances", "ODA"]).message


def test_country_accepts_any_spelling_and_explains_typos():
    assert check_country("3", "Republic of Moldova", "MDA").correct
    assert check_country("3", "moldova", "MDA").correct
    assert check_country("3", "mda", "MDA").correct
    typo = check_country("3", "Moldva", "MDA")
    assert not typo.correct and "Did you mean" in typo.message
    assert "as text in quotes" in check_country("3", 7, "MDA").message
    assert not check_country("3", "Italy", "MDA").correct


def test_country_names_are_shown_without_footnote_marks():
    assert countries.country_name("USA").endswith("America")


def test_country_list_checks():
    assert check_countries("4", ["India", "Saudi Arabia", "United Arab Emirates"],
                           ["IND", "SAU", "ARE"]).correct
    partial = check_countries("4", ["India", "Italy"], ["IND", "SAU", "ARE"])
    assert not partial.correct and "1 of the 3" in partial.details[0] and "Italy" in partial.details[1]
    assert "empty" in check_countries("4", [], ["IND"]).message
    assert "list of 1" in check_countries("4", "India", ["IND"]).message


def test_classification_gives_item_explanations():
    key = {"a statement": ("household", "because families"), "another": ("country", "national")}
    assert check_classification("1", {"a statement": "household", "another": "country"}, key).correct
    half = check_classification("1", {"a statement": "migrant", "another": "country"}, key)
    assert not half.correct and "because families" in half.details[0]
    assert "No item" in check_classification("1", {}, key).message
    assert "widget" in check_classification("1", "household", key).message


def test_feedback_renders_as_html_and_text_with_words_not_only_colour():
    feedback = check_number("1", 12, 10.0, tolerance=0.5)
    assert "Not yet" in str(feedback) and "Not yet" in feedback._repr_html_()
    assert 'role="status"' in feedback._repr_html_()
    assert "<script" not in check_choice("1", "<script>", "a", ["a"])._repr_html_()


def test_resolve_raises_a_course_error_for_unknown_country():
    with pytest.raises(CourseError, match="not in the data"):
        countries.resolve("Atlantis")


def test_expected_answers_follow_the_data(tmp_path, monkeypatch):
    """Change the data and the expected answer changes with it: nothing is typed in."""
    from migdev.tasks import m01_1_money_flows as m01_money_flows

    ex = Exercise("m01-1-money-flows", folder=tmp_path)
    flows = load("financial_flows")
    real = flows.query("iso3 == 'MDA' and year == 2023")["remittances_received_usd"].iloc[0] / 1e9
    assert ex.check("1", real, country="MDA").correct
    doubled = flows.assign(remittances_received_usd=flows["remittances_received_usd"] * 2)
    monkeypatch.setattr(m01_money_flows, "load", lambda name: doubled.copy())
    assert not ex.check("1", real, country="MDA").correct
    assert ex.check("1", 2 * real, country="MDA").correct


def test_unknown_task_and_bad_country_give_feedback(tmp_path):
    ex = Exercise("m01-1-money-flows", folder=tmp_path)
    assert "no task '9'" in ex.check("9", 1).message
    assert "Did you mean" in ex.check("1", 2.0, country="Moldovva").message


def test_unknown_exercise_lists_the_exercises():
    with pytest.raises(CourseError, match="m01-1-money-flows"):
        Exercise("m01-1-money-flow")
