"""Property-based tests: every check of every exercise, fed arbitrary values, returns feedback and
never raises."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migdev import Exercise, Feedback
from migdev.taskfile import TaskFile, exercise_names

pytestmark = pytest.mark.properties

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.text(max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(
        [
            math.nan,
            math.inf,
            -math.inf,
            1e308,
            -1e308,
            0,
            "",
            " ",
            "None",
            "12,5",
            "remittances",
            "ODA",
            "Moldova",
            "Moldva",
            "origin",
            "country",
        ]
    ),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=8,
)
frames = st.sampled_from(
    [
        pd.DataFrame(),
        pd.DataFrame({"x": [1, 2, 3]}),
        pd.DataFrame(np.zeros((5, 7))),
        pd.Series([1.0, math.nan]),
        np.array([[1, 2], [3, 4]]),
        np.float64("nan"),
        np.int64(3),
    ]
)
answers = st.one_of(values, frames)

FILES = {name: TaskFile(name) for name in exercise_names()}
TASKS = [(name, task) for name, taskfile in FILES.items() for task in taskfile.tasks]


@pytest.mark.parametrize("name, task", TASKS, ids=[f"{n}:{t}" for n, t in TASKS])
@settings(
    max_examples=20,  # ~200 tasks: as many cases in all as 40 each gave for ~100
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(answer=answers)
def test_any_answer_gets_feedback(name, task, answer, tmp_path):
    ex = Exercise(name, folder=tmp_path)
    feedback = ex.check(task, answer, **FILES[name].settings)
    assert isinstance(feedback, Feedback)
    assert feedback.status in {"correct", "not yet"} and feedback.message
    str(feedback), feedback._repr_html_()


@pytest.mark.parametrize("name", [n for n, taskfile in FILES.items() if taskfile.settings])
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(parameter=values, answer=answers)
def test_any_parameter_value_gets_feedback(name, parameter, answer, tmp_path):
    ex = Exercise(name, folder=tmp_path)
    params = {key: parameter for key in FILES[name].settings}
    for task in ex.task_ids:
        assert isinstance(ex.check(task, answer, **params), Feedback)


@settings(max_examples=150, deadline=None)
@given(answer=answers)
def test_check_primitives_never_raise_on_their_own(answer):
    """The primitives do not rely on Exercise.check's safety net."""
    from migdev import checks

    key = {"an item": ("household", "why"), "another": ("country", "why")}
    results = [
        checks.check_number("1", answer, 10.0, tolerance=0.5),
        checks.check_number("1", answer, 10.0, tolerance=0.02, relative=True),
        checks.check_choice("2", answer, "ODA", ["remittances", "ODA", "FDI"]),
        checks.check_country("3", answer, "MDA"),
        checks.check_countries("4", answer, ["IND", "SAU"]),
        checks.check_classification("5", answer, key),
    ]
    assert all(isinstance(result, Feedback) and result.message for result in results)
