"""Checks of the programme-catalogue explorer against the catalogue itself, so that a change to
data/programme_catalogue.csv or to the task file that would break the exercise is caught:
``.venv/bin/python -m pytest -q tests/test_catalogue_explorer.py``."""

from __future__ import annotations

import pytest

from migdev import Exercise
from migdev.data import load, resource

NAME = "catalogue-1-explorer"


@pytest.fixture(scope="module")
def ex(tmp_path_factory):
    return Exercise(NAME, folder=tmp_path_factory.mktemp("answers"))


@pytest.fixture(scope="module")
def compute(ex):
    return ex.taskfile.compute


def enum(column: str) -> list[str]:
    fields = {f["name"]: f for f in resource("programme_catalogue")["schema"]["fields"]}
    return fields[column]["constraints"]["enum"]


def test_task_4_names_programmes_of_the_catalogue_and_keeps_both_categories(ex, compute):
    task = ex.taskfile.tasks["4"]
    assert set(task.items) <= set(load("programme_catalogue")["name"])
    key = compute.fits_rule()
    assert set(key) == set(task.items)
    assert set(key.values()) == set(task.categories), "every item on one side: rethink the items"


def test_task_2_offers_every_type_of_the_vocabulary_once(ex, compute):
    labels = [compute.text(f"type_{kind}") for kind in enum("intervention_type")]
    assert sorted(ex.taskfile.tasks["2"].options) == sorted(labels)
    assert set(compute.most_common_type_in_remittances()) <= set(labels)


def test_every_filter_value_has_words(compute):
    for theme in enum("theme"):
        assert compute.text(f"theme_{theme}")
    for number in range(1, 24):
        assert compute.text(f"gcm_{number}")
    objectives = {c for cell in load("programme_catalogue")["gcm_objectives"] for c in compute.codes(cell)}
    assert objectives <= {str(n) for n in range(1, 24)}


def test_filters_agree_with_a_plain_reading_of_the_csv(compute):
    data = load("programme_catalogue")
    by_hand = data[
        data["countries"].str.split(";").map(lambda c: "PHL" in c)
        & data["gcm_objectives"].str.split(";").map(lambda c: "7" in c)
        & (data["theme"] == "labour")
    ]
    found = compute.matching(country="PHL", objective=7, theme="labour")
    assert list(found["id"]) == list(by_hand["id"])
    assert len(compute.matching()) == len(data)
    assert (
        compute.objective_20_count() == data["gcm_objectives"].str.split(";").map(lambda c: "20" in c).sum()
    )


def test_task_5_has_candidates_and_its_check_explains_them(ex, compute):
    candidates = compute.return_candidates()
    assert len(candidates) > 0
    task = ex.taskfile.tasks["5"]
    for name in candidates["name"]:
        feedback = compute.judge_return_choice(task, name)
        assert feedback.correct and any(d.startswith("Cost") for d in feedback.details)
    other = load("programme_catalogue").query("theme == 'remittances'")
    outside = other[~other["id"].isin(candidates["id"])]["name"].iloc[0]
    assert not compute.judge_return_choice(task, outside).correct


def test_explorer_redraws_and_has_a_static_table(compute):
    explorer = compute.Explorer()
    explorer.menus["objective"].value = 20
    assert (
        compute.text("count", count=compute.objective_20_count(), total=len(compute.CATALOGUE))
        in explorer.result.value
    )
    bundle = explorer._repr_mimebundle_()
    assert bundle["text/html"].count("<tr>") == compute.PREVIEW_ROWS + 1  # header + rows


def test_picker_restores_a_saved_name_and_ignores_junk(compute):
    name = compute.CATALOGUE["name"].iloc[0]
    assert compute.Picker(name).value == name
    assert compute.Picker("not a programme").value is None
    assert compute.Picker([1, 2]).value is None
