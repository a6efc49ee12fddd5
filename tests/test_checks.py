import math

import numpy as np
import pandas as pd
import pytest
from conftest import ROOT

from migdev import Exercise, countries
from migdev.checks import check_choice, check_classification, check_countries, check_country, check_number
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
    assert not feedback.correct and "a billion times" in feedback.hint and "billions" in feedback.hint
    assert "e+09" not in str(feedback) and "US$" not in feedback.message
    assert "percentage" in check_number("1", 0.153, 15.3, tolerance=0.1).hint


@pytest.mark.parametrize(
    "bad, words",
    [
        (None, "No answer yet"),
        ("abc", "number is expected"),
        ("", "No answer yet"),
        (float("nan"), "NaN"),
        (math.inf, "infinite"),
        ([], "several values"),
        ([1, 2], "several"),
        (True, "yes/no"),
        ({"a": 1}, "several values"),
        (pd.Series([1.0, 2.0]), "several values"),
        (object(), "single number"),
    ],
)
def test_bad_numeric_answers_get_a_message_not_an_error(bad, words):
    feedback = check_number("1", bad, 10.0, tolerance=0.1)
    assert not feedback.correct
    assert words in feedback.message
    assert "None" not in feedback.message, "the learner's cell shows ex.saved(...), not None"


def test_choice_ignores_case_and_suggests_on_typo():
    assert check_choice("3", " Remittances ", "remittances", ["remittances", "ODA", "FDI"]).correct
    typo = check_choice("3", "remitances", "remittances", ["remittances", "ODA", "FDI"])
    assert not typo.correct and "Did you mean “remittances”?" in typo.message
    assert "one of these options" in check_choice("3", 3, "ODA", ["remittances", "ODA"]).message


def test_country_accepts_any_spelling_and_explains_typos():
    assert check_country("3", "Republic of Moldova", "MDA").correct
    assert check_country("3", "moldova", "MDA").correct
    assert check_country("3", "mda", "MDA").correct
    typo = check_country("3", "Moldva", "MDA")
    assert not typo.correct and "Did you mean" in typo.message
    assert "in quotes" in check_country("3", 7, "MDA").message
    assert not check_country("3", "Italy", "MDA").correct


def test_country_names_are_shown_without_footnote_marks():
    assert countries.country_name("USA").endswith("America")


def test_country_list_checks():
    assert check_countries(
        "4", ["India", "Saudi Arabia", "United Arab Emirates"], ["IND", "SAU", "ARE"]
    ).correct
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
    ex = Exercise("m01-1-money-flows", folder=tmp_path)
    m01_money_flows = ex.compute
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


def test_known_slips_get_their_own_advice_and_praise_follows_a_right_answer():
    slips = [(100.0, "You divided by the new value."), (-10.0, 0.5, "Check the sign.")]
    assert check_number("3", 100.0, 10.0, tolerance=0.1, slips=slips).hint == "You divided by the new value."
    assert check_number("3", -10.2, 10.0, tolerance=0.1, slips=slips).hint == "Check the sign."
    right = check_number("3", 10.0, 10.0, tolerance=0.1, praise="Record both vintages.")
    assert right.correct and right.message.endswith("Record both vintages.")


def test_numbers_are_written_as_people_write_them():
    from migdev.checks import format_number

    assert format_number(2024) == "2024" and format_number(384112.4) == "384,112"
    assert format_number(2.01234) == "2.012" and format_number(0.00412) == "0.00412"
    assert "e+" not in check_number("1", 3.84e5, 1.0, tolerance=0.1).message


def test_commas_typed_in_a_number_are_explained():
    feedback = check_number("4", (-206, 236), -206236, tolerance=1)
    assert feedback.correct and "-206236" in " ".join(feedback.details)
    decimal = check_number("4", (3, 57), 3.57, tolerance=0.01)
    assert decimal.correct and "Python writes decimals with a point" in " ".join(decimal.details)


def test_classification_can_explain_every_answered_item_and_add_a_note():
    key = {"a": ("x", "because a"), "b": ("y", "because b"), "c": ("x", "because c")}
    feedback = check_classification("1", {"a": "x", "b": "x"}, key, explain_all=True, note="Note.")
    assert not feedback.correct
    assert any("right. because a" in d for d in feedback.details)
    assert any("is not x. because b" in d for d in feedback.details)
    assert any("no category chosen yet" in d for d in feedback.details)
    assert not any("because c" in d for d in feedback.details), "unanswered items stay unexplained"
    assert feedback.details[-1] == "Note."


def test_a_classification_key_can_be_computed_from_the_data():
    import types

    from migdev.taskfile import Task

    answers = {"now": "x"}
    compute = types.SimpleNamespace(key=lambda: dict(answers))
    task = Task(
        {
            "id": "1",
            "kind": "classify",
            "categories": ["x", "y"],
            "expected": "key",
            "items": [{"text": "now", "why": "the data say so"}],
        },
        compute,
    )
    assert task.check({"now": "x"}, {}).correct
    answers["now"] = "y"
    assert not task.check({"now": "x"}, {}).correct


def test_an_empty_choice_widget_is_explained_in_widget_words(tmp_path):
    ex = Exercise("m01-3-impacts-at-every-level", folder=tmp_path)
    feedback = ex.check("3", ex.choice("3"))
    assert "No option is chosen yet" in feedback.message and "None" not in feedback.message


def test_a_note_is_added_to_right_answers_only_unless_asked():
    assert "Note." in check_number("1", 1, 1, tolerance=0).with_note("Note.").message
    wrong = check_number("1", 2, 1, tolerance=0)
    assert "Note." not in str(wrong.with_note("Note."))
    assert "Note." in wrong.with_note("Note.", always=True).details


def test_expected_answers_follow_an_edited_fictional_case(tmp_path, monkeypatch):
    """The page "Adapting the course to your country": edit a FICTIONAL table, nothing else, and the
    expected answers follow."""
    import shutil

    import pandas as pd

    from migdev import data as course_data

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    budget = data / "fictional" / "eastmere_budget_lines.csv"
    table = pd.read_csv(budget)
    ex = Exercise("m06-1-cost-and-fund", folder=tmp_path)
    before = ex.compute.total_cost()
    table.loc[0, "unit_cost_usd"] *= 2
    table.to_csv(budget, index=False)
    monkeypatch.setenv("MIGDEV_DATA", str(data))
    course_data._read.cache_clear()
    try:
        after = ex.compute.total_cost()
        assert after == before + table.loc[0, "unit_cost_usd"] / 2 * table.loc[0, "quantity"]
        assert ex.check("1", after).correct and not ex.check("1", before).correct
    finally:
        course_data._read.cache_clear()
