"""Task files are declarative and valid; a malformed one is reported with file, task and field.
The learner runtime is apart from the book's tooling, and its Python holds no teaching text."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import EXERCISES, ROOT

from migdev.taskfile import TaskFileError, read, validate

TASK_FILES = sorted((ROOT / "exercises").glob("*/tasks.yaml"))


@pytest.mark.parametrize("path", TASK_FILES, ids=lambda p: p.parent.name)
def test_every_task_file_follows_the_schema(path):
    content = read(path)
    assert content["exercise"] == path.parent.name


def broken(tmp_path: Path, change) -> Path:
    folder = tmp_path / "m01-1-money-flows"
    shutil.copytree(ROOT / "exercises" / "m01-1-money-flows", folder)
    content = yaml.safe_load((folder / "tasks.yaml").read_text(encoding="utf-8"))
    change(content)
    (folder / "tasks.yaml").write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    return folder / "tasks.yaml"


@pytest.mark.parametrize(
    "change, words",
    [
        (lambda c: c["tasks"][2]["options"][0].update(correct="yes"), ["task 3", "options.0.correct"]),
        (lambda c: c["tasks"][0].pop("tolerance"), ["task 1", "'tolerance' is a required property"]),
        (
            lambda c: c["tasks"][0].update(expected="no_such_function"),
            ["task 1", "field expected", "no function"],
        ),
        (lambda c: c["tasks"][1].update(id="1"), ["task 1", "used twice"]),
        (lambda c: c["tasks"][3].update(kind="numbr"), ["task 4", "field kind"]),
        (lambda c: c["tasks"][0].update(hnit="typo"), ["task 1", "hnit"]),
        (lambda c: c.update(exercise="m01-9-other"), ["field exercise", "folder"]),
    ],
)
def test_a_malformed_task_file_names_file_task_and_field(tmp_path, change, words):
    path = broken(tmp_path, change)
    with pytest.raises(TaskFileError) as raised:
        read(path)
    message = str(raised.value)
    assert str(path) in message
    for word in words:
        assert word in message, message


def test_invalid_yaml_names_the_line(tmp_path):
    path = tmp_path / "m01-1-money-flows" / "tasks.yaml"
    path.parent.mkdir()
    path.write_text("exercise: x\ntasks:\n  - id: '1'\n   kind: number\n", encoding="utf-8")
    with pytest.raises(TaskFileError, match=r"tasks.yaml, line \d+: not valid YAML"):
        read(path)


def test_a_choice_needs_a_right_option(tmp_path):
    path = broken(tmp_path, lambda c: c["tasks"][2].pop("expected"))
    assert any(
        "no option is marked correct" in p
        for p in validate(yaml.safe_load(path.read_text(encoding="utf-8")), path)
    )


def test_every_exercise_folder_has_its_source_and_task_file():
    folders = sorted(
        p for p in (ROOT / "exercises").iterdir() if p.is_dir() and not p.name.startswith(("_", "."))
    )
    assert [p.name for p in folders] == EXERCISES
    for folder in folders:
        assert (folder / f"{folder.name}.md").is_file() and (folder / "tasks.yaml").is_file()
        assert not list(folder.glob("*.ipynb")), "editions are generated, never committed"


def _prose_in(path: Path) -> list[str]:
    """String literals of three or more words with sentence punctuation: teaching text."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            words = re.findall(r"[A-Za-z]{2,}", node.value)
            if len(words) >= 5 and re.search(r"[.?!:;]\s|[.?!]$", node.value):
                found.append(node.value[:60])
    return found


@pytest.mark.parametrize("name", EXERCISES)
def test_compute_modules_hold_logic_not_prose(name):
    path = ROOT / "exercises" / name / "compute.py"
    if path.exists():
        assert _prose_in(path) == [], "move these words to tasks.yaml (messages or texts)"


# The 17 exercises of Modules 1-8 replaced 5,300 lines of task modules (migdev/tasks/, 2026).
CONVERTED = [n for n in EXERCISES if n[0] == "m" and int(n[1:3]) <= 8]


def compute_lines(name: str) -> int:
    path = ROOT / "exercises" / name / "compute.py"
    return len(path.read_text(encoding="utf-8").splitlines()) if path.exists() else 0


def test_task_logic_is_under_forty_percent_of_the_old_task_modules():
    assert len(CONVERTED) == 17
    lines = sum(compute_lines(name) for name in CONVERTED)
    assert lines < 0.4 * 5300, lines


@pytest.mark.parametrize("name", EXERCISES)
def test_each_compute_module_stays_short(name):
    assert compute_lines(name) <= 300, "move words to tasks.yaml and repeated logic to migdev"


def test_the_runtime_imports_no_build_tooling():
    for path in (ROOT / "migdev").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            for name in names:
                assert name.split(".")[0] not in {"sphinx", "docutils", "myst_nb", "jupytext", "tools"}, (
                    f"{path.name} imports {name}"
                )


def test_the_runtime_has_no_teaching_text_in_python():
    for path in (ROOT / "migdev").glob("*.py"):
        assert _prose_in(path) == [], f"{path.name}: move these words to migdev/messages.yaml"
