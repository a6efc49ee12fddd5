"""Every exercise runs top to bottom in a fresh kernel, in both editions, through nbval.

The editions are written from the MyST sources by tools.learner (the one edition writer), run
with ``pytest --nbval-lax`` in a subprocess (one kernel per notebook, working folder = the
notebook's folder), and judged from the structured answers file each run leaves behind:

- instructor edition: every task of the task file was checked, and every check said "correct";
- learner edition: every task was checked and said "not yet", no answer was stored, no cell failed.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
import yaml
from conftest import EXERCISES, ROOT, answers_file, source_of

from tools.learner import is_instructor, is_solution, learner_edition, read_source, write_editions

pytestmark = pytest.mark.notebooks


def start_nbval(folder: Path) -> subprocess.Popen:
    """Start nbval on every notebook under ``folder`` (read its report with ``nbval_failures``)."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pytest",
            "--nbval-lax",
            "-q",
            "-p",
            "no:cacheprovider",
            "--junitxml",
            str(folder / "nbval.xml"),
            "--rootdir",
            str(folder),
            str(folder),
        ],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=_env(),
    )


def nbval_failures(folder: Path) -> dict[str, list[str]]:
    """{notebook stem: [failed cell ids]} from the report nbval wrote in ``folder``."""
    failures: dict[str, list[str]] = {}
    for case in ElementTree.parse(folder / "nbval.xml").iter("testcase"):
        notebook = Path(case.get("file", case.get("classname", ""))).stem or case.get("classname")
        notebook = notebook.split(".")[-1] if "." in notebook else notebook
        failed = case.find("failure") is not None or case.find("error") is not None
        failures.setdefault(notebook, [])
        if failed:
            failures[notebook].append(case.get("name", "?"))
    return failures


def _env() -> dict:
    import os

    return {k: v for k, v in os.environ.items() if k != "MIGDEV_SAVE"}


@pytest.fixture(scope="session")
def editions(tmp_path_factory) -> dict[str, tuple[Path, dict]]:
    """Both editions of every exercise, written and run once, the two editions side by side (one
    per core): {edition: (folder, failures)}."""
    runs = {}
    for edition in ("instructor", "learner"):
        folder = tmp_path_factory.mktemp(edition)
        write_editions(ROOT / "exercises", folder, edition)
        runs[edition] = (folder, start_nbval(folder))
    for _, process in runs.values():
        process.wait()
    return {edition: (folder, nbval_failures(folder)) for edition, (folder, _) in runs.items()}


def task_ids(name: str) -> list[str]:
    spec = yaml.safe_load((ROOT / "exercises" / name / "tasks.yaml").read_text(encoding="utf-8"))
    return [task["id"] for task in spec["tasks"]]


@pytest.mark.parametrize("name", EXERCISES)
def test_instructor_edition_passes_every_check(editions, name):
    folder, failures = editions["instructor"]
    assert name in failures, f"{name}: nbval did not run it"
    assert failures[name] == [], f"{name}: cells failed under nbval: {failures[name]}"
    checked = answers_file(folder, name)["checked"]
    assert sorted(checked) == sorted(task_ids(name)), "every task must be checked"
    assert {task: entry["status"] for task, entry in checked.items() if entry["status"] != "correct"} == {}


@pytest.mark.parametrize("name", EXERCISES)
def test_learner_edition_says_not_yet_and_never_fails(editions, name):
    folder, failures = editions["learner"]
    assert name in failures and failures[name] == [], failures.get(name)
    content = answers_file(folder, name)
    assert sorted(content["checked"]) == sorted(task_ids(name))
    assert {t: e["status"] for t, e in content["checked"].items() if e["status"] != "not yet"} == {}
    assert {t: a for t, a in content["answers"].items() if t != "reflection"} == {}, (
        "a check run with no answer must not store an attempt"
    )


@pytest.mark.parametrize("name", EXERCISES)
def test_learner_edition_has_no_solutions_no_instructor_notes_and_no_myst_roles(name):
    learner = learner_edition(read_source(source_of(name)))
    assert not any(is_solution(c) or is_instructor(c) for c in learner.cells)
    markdown = "\n".join(c.source for c in learner.cells if c.cell_type == "markdown")
    assert "{cite" not in markdown and "{doc}" not in markdown and "{term}" not in markdown
    assert "web book" not in markdown.lower() and "Show solution" not in markdown
    assert "How to work" in markdown


@pytest.mark.parametrize("name", EXERCISES)
def test_source_is_a_text_notebook_with_solutions_and_a_saved_reflection(name):
    text = source_of(name).read_text(encoding="utf-8")
    assert text.startswith("---\njupytext:"), "a jupytext MyST header comes first"
    notebook = read_source(source_of(name))
    assert any(is_solution(c) for c in notebook.cells), "no solution cell"
    assert any(is_instructor(c) for c in notebook.cells), "no instructor notes"
    code = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    assert f'Exercise("{name}")' in code and "ex.reflection()" in code
    for cell in notebook.cells:
        if is_solution(cell):
            assert cell.cell_type == "code" and "hide-cell" in cell.metadata.get("tags", [])
    checks = {line.split('"')[1] for line in code.splitlines() if 'ex.check("' in line}
    assert checks == set(task_ids(name)), "each task of the task file has one check cell"


def test_edition_command_writes_both_editions(tmp_path):
    from tools.learner import main

    assert main([str(ROOT / "exercises"), "--out", str(tmp_path / "l")]) == 0
    assert main([str(ROOT / "exercises"), "--out", str(tmp_path / "i"), "--edition", "instructor"]) == 0
    assert sorted(p.parent.name for p in (tmp_path / "l").glob("*/*.ipynb")) == EXERCISES
    assert sorted(p.parent.name for p in (tmp_path / "i").glob("*/*.ipynb")) == EXERCISES
    assert main([str(tmp_path / "missing"), "--out", str(tmp_path)]) == 2
