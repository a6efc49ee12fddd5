"""Every exercise runs top to bottom in a fresh kernel, in both editions."""

import json

import nbformat
import pytest

from conftest import EXERCISES, ROOT, check_calls, error_outputs, feedback_in, run_notebook
from migdev.notebooks import is_solution, learner_edition


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.stem)
def test_solution_edition_passes_every_check(path, workdir):
    notebook = run_notebook(nbformat.read(path, as_version=4), workdir)
    assert error_outputs(notebook) == []
    results = feedback_in(notebook)
    assert len(results) == check_calls(notebook) >= 3
    assert all(status == "✔ Correct" for _, status in results), results


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.stem)
def test_learner_edition_says_not_yet_and_never_fails(path, workdir):
    learner = learner_edition(nbformat.read(path, as_version=4))
    assert not any(is_solution(cell) for cell in learner.cells)
    notebook = run_notebook(learner, workdir)
    assert error_outputs(notebook) == []
    results = feedback_in(notebook)
    assert len(results) == check_calls(notebook) >= 3
    assert all(status == "✘ Not yet" for _, status in results), results


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.stem)
def test_committed_notebook_is_an_instructor_edition_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert '"output_type"' not in path.read_text(encoding="utf-8")
    assert all(cell.get("execution_count") is None for cell in notebook.cells
               if cell.cell_type == "code")
    assert any(is_solution(cell) for cell in notebook.cells), "no solution cell"
    sources = "\n".join(cell.source for cell in notebook.cells)
    assert "Reflection" in sources and "Exercise(" in sources


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.stem)
def test_every_exercise_has_a_task_set(path):
    from migdev.tasks import exercise_names
    assert path.stem in exercise_names()


def test_learner_edition_command_writes_editions(tmp_path):
    from migdev.notebooks import main
    assert main([str(ROOT / "exercises"), "--out", str(tmp_path)]) == 0
    written = sorted(tmp_path.glob("*.ipynb"))
    assert [p.name for p in written] == [p.name for p in EXERCISES]
    for path in written:
        content = json.loads(path.read_text(encoding="utf-8"))
        assert not any("solution" in c["metadata"].get("tags", []) for c in content["cells"])
    assert main([str(tmp_path / "missing.ipynb"), "--out", str(tmp_path)]) == 2
