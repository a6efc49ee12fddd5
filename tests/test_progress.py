"""Answers are saved next to the notebook and survive a new kernel; damaged files never crash."""

import json

import pytest
from conftest import run_notebook
from nbformat.v4 import new_code_cell, new_notebook

from migdev import Exercise
from migdev.progress import Progress


def test_answers_survive_a_new_progress_object(tmp_path):
    ex = Exercise("m01-1-money-flows", folder=tmp_path)
    ex.check("1", 5.0, country="Moldova")
    ex.check("4", "three", country="Moldova")
    again = Exercise("m01-1-money-flows", folder=tmp_path)
    assert again.saved("1") == 5.0 and again.saved("4") == "three"
    assert "Restored 2 saved answer(s)" in str(again)
    assert again.progress.answers["1"]["status"] == "not yet"


def test_values_that_cannot_be_saved_are_not_stored_as_answers(tmp_path):
    progress = Progress("m01-1-money-flows", tmp_path)
    progress.record("1", float("nan"), "not yet")
    progress.record("2", object(), "not yet")
    content = json.loads((tmp_path / "m01-1-money-flows.answers.json").read_text())
    assert content["answers"] == {} and set(content["checked"]) == {"1", "2"}


def test_widget_answers_are_saved_and_restored_into_the_widget(tmp_path):
    ex = Exercise("m01-3-impacts-at-every-level", folder=tmp_path)
    widget = ex.classifier("1")
    first = next(iter(widget.value))
    widget.set({first: "country"})
    ex.check("1", widget)
    restored = Exercise("m01-3-impacts-at-every-level", folder=tmp_path).classifier("1")
    assert restored.value[first] == "country"


def test_the_chosen_country_is_saved_and_restored_with_the_answers(tmp_path):
    ex = Exercise("m01-1-money-flows", folder=tmp_path)
    assert ex.setting("country") == "Moldova", "the task file's starting value"
    nepal = ex.compute.remittances_2023("Nepal")
    feedback = ex.check("1", nepal, country="Nepal")
    assert feedback.correct and "Checked for Nepal" in str(feedback)
    again = Exercise("m01-1-money-flows", folder=tmp_path)
    assert again.setting("country") == "Nepal" and "Nepal" in str(again)
    assert again.check("1", again.saved("1"), country=again.setting("country")).correct


def test_a_restored_answer_is_never_downgraded_when_a_setting_was_lost(tmp_path):
    ex = Exercise("m01-1-money-flows", folder=tmp_path)
    nepal = ex.compute.remittances_2023("Nepal")
    ex.check("1", nepal, country="Nepal")
    again = Exercise("m01-1-money-flows", folder=tmp_path)
    feedback = again.check("1", again.saved("1"), country="Moldova")  # e.g. a fresh notebook
    assert feedback.correct and "Nepal" in feedback.context and "Moldova" in feedback.context
    assert again.progress.answers["1"]["status"] == "correct"
    assert again.progress.answers["1"]["settings"] == {"country": "Nepal"}


def test_a_check_without_an_answer_stores_no_attempt(tmp_path):
    ex = Exercise("m01-1-money-flows", folder=tmp_path)
    ex.check("1", 2.0, country="Moldova")
    ex.check("1", None, country="Moldova")
    ex.check("2", None, country="Moldova")
    saved = json.loads((tmp_path / "m01-1-money-flows.answers.json").read_text())
    assert saved["answers"]["1"]["answer"] == 2.0 and "2" not in saved["answers"]
    assert saved["checked"]["2"]["status"] == "not yet"


def test_slider_settings_are_restored_into_the_sliders(tmp_path):
    ex = Exercise("m01-1-money-flows", folder=tmp_path)
    weights = ex.sliders("3", ["a", "b"], setting="weights")
    weights.set({"a": 3, "b": 0})
    ex.check("3", "remittances", country="Moldova", weights=weights)
    restored = Exercise("m01-1-money-flows", folder=tmp_path).sliders("3", ["a", "b"], setting="weights")
    assert restored.value == {"a": 3, "b": 0}


def test_setting_several_sliders_redraws_their_view_once_with_the_final_values():
    from migdev.widgets import Sliders

    weights, seen = Sliders(["a", "b", "c"]), []
    weights.observe(seen.append)
    weights.set({"a": 3, "b": 0, "c": 5})
    weights.set({"a": 3})  # nothing moves: no redraw
    weights._sliders["b"].value = 2  # a learner drags one slider
    assert seen == [{"a": 3, "b": 0, "c": 5}, {"a": 3, "b": 2, "c": 5}]


def test_the_reflection_is_saved_as_the_learner_types(tmp_path):
    ex = Exercise("m01-1-money-flows", folder=tmp_path)
    box = ex.reflection()
    box.set("Remittances are private money.")
    assert (
        Exercise("m01-1-money-flows", folder=tmp_path).saved("reflection") == "Remittances are private money."
    )


@pytest.mark.kernel
def test_saved_answers_come_back_in_a_fresh_kernel(tmp_path):
    save = new_notebook(
        cells=[
            new_code_cell(
                'from migdev import Exercise\nex = Exercise("m01-2-who-moves-where")\n'
                'ex.check("3", "Italy", country="Bangladesh")\nex.check("4", ["India", "Nepal"], country="Bangladesh")'
            )
        ]
    )
    run_notebook(save, tmp_path)
    restore = new_notebook(
        cells=[
            new_code_cell(
                'from migdev import Exercise\nex = Exercise("m01-2-who-moves-where")\n'
                'print(repr(ex.saved("3")), repr(ex.saved("4")))'
            )
        ]
    )
    output = run_notebook(restore, tmp_path).cells[0].outputs
    text = "".join(o.get("text", "") for o in output)
    assert "'Italy' ['India', 'Nepal']" in text


def test_damaged_file_is_kept_aside_and_a_fresh_start_is_announced(tmp_path):
    damaged = tmp_path / "m01-1-money-flows.answers.json"
    damaged.write_text("{not json", encoding="utf-8")
    ex = Exercise("m01-1-money-flows", folder=tmp_path)
    assert "could not be read" in str(ex) and ex.saved("1") is None
    assert "Expecting" not in str(ex) and "JSON" not in str(ex), "no parser jargon"
    kept = list(tmp_path.glob("m01-1-money-flows.answers.damaged-*.json"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{not json"
    ex.check("1", 1.5, country="Moldova")
    assert json.loads(damaged.read_text())["answers"]["1"]["answer"] == 1.5


def test_a_file_of_another_exercise_is_not_taken(tmp_path):
    (tmp_path / "m01-1-money-flows.answers.json").write_text(
        json.dumps({"exercise": "other", "answers": {}}), encoding="utf-8"
    )
    ex = Exercise("m01-1-money-flows", folder=tmp_path)
    assert "not an answers file of this exercise" in str(ex)
    assert "JSON" not in str(ex) and "Expecting" not in str(ex), "no parser jargon"


def test_missing_file_is_a_fresh_start(tmp_path):
    ex = Exercise("m01-1-money-flows", folder=tmp_path)
    assert "No saved answers yet" in str(ex)
    assert "download" in str(ex) and "Binder" in ex._repr_html_()
    assert 'download="m01-1-money-flows.answers.json"' in ex._repr_html_(), "one-click download"


def test_saving_can_be_switched_off_for_book_builds(tmp_path, monkeypatch):
    monkeypatch.setenv("MIGDEV_SAVE", "0")
    Exercise("m01-1-money-flows", folder=tmp_path).check("1", 2.0, country="Moldova")
    assert not list(tmp_path.glob("*.json"))
