"""Task files: the declarative description of an exercise's tasks (``tasks.yaml``).

An exercise lives in ``exercises/<name>/``: its notebook source, ``tasks.yaml`` (everything an
author writes by hand: questions, options, explanations, items, tolerances, slips, hints), and,
only when expected answers are computed from data, ``compute.py`` (functions named in the task
file; logic only, no prose). The task file is checked against ``task-schema.json``; a mistake is
reported with the file, the task and the field.
"""

from __future__ import annotations

import importlib.util
import inspect
import json
import os
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import ModuleType

import yaml

from migdev import checks
from migdev.data import CourseError
from migdev.feedback import Feedback, not_yet
from migdev.text import say

SCHEMA = Path(__file__).with_name("task-schema.json")
TASK_FILE = "tasks.yaml"
COMPUTE_FILE = "compute.py"


class TaskFileError(CourseError):
    """A task file that does not follow the schema (for authors, named file, task and field)."""


def exercises_dir() -> Path:
    """``$MIGDEV_EXERCISES``, else the course repository's ``exercises/`` folder."""
    configured = os.environ.get("MIGDEV_EXERCISES")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[1] / "exercises"


def exercise_folder(name: str) -> Path:
    """The folder of exercise ``name``: the working folder if it is that exercise's, else the
    course's ``exercises/<name>/``."""
    here = Path.cwd()
    if here.name == name and (here / TASK_FILE).is_file():
        return here
    return exercises_dir() / name


def exercise_names() -> list[str]:
    """Every exercise: each folder of ``exercises/`` that holds a task file."""
    return sorted(p.parent.name for p in exercises_dir().glob(f"*/{TASK_FILE}"))


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator_class() -> type:
    """jsonschema's Draft 2020-12 validator, imported without its optional IRI format checker.

    jsonschema imports ``rfc3987_syntax`` when it is installed (JupyterLab brings it), and that
    package compiles a grammar for about two seconds on import: most of an exercise's start-up.
    The course's schema checks no formats, so the import is blocked while jsonschema loads.
    """
    blocked = "rfc3987_syntax" not in sys.modules
    if blocked:
        sys.modules["rfc3987_syntax"] = None  # makes `import rfc3987_syntax` raise ImportError
    try:
        from jsonschema import Draft202012Validator
    finally:
        if blocked:
            del sys.modules["rfc3987_syntax"]
    return Draft202012Validator


def validate(content: object, path: Path) -> list[str]:
    """Every way ``content`` breaks the schema, each naming the file, the task and the field."""
    problems = []
    validator = _validator_class()(schema())
    for error in sorted(validator.iter_errors(content), key=lambda e: list(e.absolute_path)):
        where = list(error.absolute_path)
        task = ""
        if len(where) >= 2 and where[0] == "tasks" and isinstance(where[1], int):
            tasks = content.get("tasks", []) if isinstance(content, dict) else []
            task_id = tasks[where[1]].get("id", "?") if isinstance(tasks[where[1]], dict) else "?"
            task = f", task {task_id}"
            where = where[2:]
        fields = ".".join(str(part) for part in where) or "(top level)"
        problems.append(f"{path}{task}, field {fields}: {error.message}")
    if not problems and isinstance(content, dict):
        problems += _semantic_problems(content, path)
    return problems


def _semantic_problems(content: dict, path: Path) -> list[str]:
    """What the schema cannot say: unique ids, known categories, one right option, functions."""
    problems = []
    ids = [task["id"] for task in content["tasks"]]
    for task_id in {i for i in ids if ids.count(i) > 1}:
        problems.append(say("tf_id_twice", where=f"{path}, task {task_id}"))
    if content["exercise"] != path.parent.name:
        problems.append(
            say("tf_folder", path=path, name=repr(content["exercise"]), folder=repr(path.parent.name))
        )
    compute = path.parent / COMPUTE_FILE
    names = _function_names(compute)
    for task in content["tasks"]:
        where = f"{path}, task {task['id']}"
        for key in ("expected", "check"):
            value = task.get(key)
            if isinstance(value, str) and value not in names:
                problems.append(
                    say("tf_no_function", where=where, field=key, name=repr(value), file=compute.name)
                )
        for number, slip in enumerate(task.get("slips", [])):
            if isinstance(slip["value"], str) and slip["value"] not in names:
                problems.append(
                    say(
                        "tf_no_function",
                        where=where,
                        field=f"slips.{number}.value",
                        name=repr(slip["value"]),
                        file=compute.name,
                    )
                )
        if task["kind"] == "choice" and "expected" not in task:
            right = [o for o in task["options"] if o.get("correct")]
            if not right:
                problems.append(say("tf_no_right_option", where=where))
        if task["kind"] == "classify":
            for number, item in enumerate(task["items"]):
                category = item.get("category")
                if category is None and "expected" not in task:
                    problems.append(say("tf_no_category", where=where, number=number))
                elif category is not None and category not in task["categories"]:
                    problems.append(
                        say("tf_unknown_category", where=where, number=number, category=repr(category))
                    )
    return problems


def _function_names(compute: Path) -> set[str]:
    if not compute.is_file():
        return set()
    import ast

    tree = ast.parse(compute.read_text(encoding="utf-8"))
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}


def read(path: Path) -> dict:
    """The task file at ``path``, validated; TaskFileError listing every problem otherwise."""
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as problem:
        raise TaskFileError(say("tf_unreadable", path=path, reason=problem.strerror)) from None
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        line = f", line {mark.line + 1}" if mark else ""
        raise TaskFileError(
            say("tf_not_yaml", path=f"{path}{line}", reason=getattr(problem, "problem", problem))
        ) from None
    problems = validate(content, path)
    if problems:
        raise TaskFileError("\n".join(problems))
    return content


def load_compute(folder: Path) -> ModuleType | None:
    """The exercise's ``compute.py`` as a module (under a name unique to the exercise)."""
    path = folder / COMPUTE_FILE
    if not path.is_file():
        return None
    name = "migdev_compute_" + folder.name.replace("-", "_")
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def call(function, settings: dict):
    """Call ``function`` with the settings it takes (by name)."""
    parameters = inspect.signature(function).parameters
    if any(p.kind is p.VAR_KEYWORD for p in parameters.values()):
        return function(**settings)
    return function(**{k: v for k, v in settings.items() if k in parameters})


@dataclass
class Task:
    """One task of a task file, with its check."""

    spec: dict
    compute: ModuleType | None = None
    texts: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.spec["id"]

    @property
    def kind(self) -> str:
        return self.spec["kind"]

    @property
    def expects(self) -> str:
        return self.spec.get("expects", "")

    @property
    def hint(self) -> str:
        return self.spec.get("hint", "")

    @property
    def question(self) -> str:
        return self.spec.get("question", "")

    @property
    def options(self) -> list[str]:
        return [option["text"] for option in self.spec.get("options", [])]

    @property
    def categories(self) -> list[str]:
        return list(self.spec.get("categories", []))

    @property
    def items(self) -> list[str]:
        return [item["text"] for item in self.spec.get("items", [])]

    def function(self, name: str):
        return getattr(self.compute, name)

    def value(self, value: object, settings: dict):
        """A number or list from the task file, or the result of the compute function it names."""
        return call(self.function(value), settings) if isinstance(value, str) else value

    def say(self, key: str, **values: object) -> str:
        """The task's message ``key`` (from ``messages`` in the task file), placeholders filled."""
        text = self.spec.get("messages", {}).get(key)
        if text is None:
            raise KeyError(f"task {self.id} has no message {key!r}")
        return " ".join(text.split()).format(**values)

    def explanation(self, option: str) -> str:
        for spec in self.spec.get("options", []):
            if spec["text"] == option:
                return spec.get("explanation", "")
        return ""

    def key(self, settings: dict | None = None) -> dict[str, tuple[str, str]]:
        """A classification's answer key: item -> (category, why), computed when it is data."""
        settings = settings or {}
        computed = self.value(self.spec["expected"], settings) if "expected" in self.spec else {}
        key = {}
        for item in self.spec.get("items", []):
            found = computed.get(item["text"], item.get("category"))
            values = dict(settings)
            if isinstance(found, dict):  # {"category": ..., and values for the explanation}
                values.update(found)
                found = found.get("category")
            why = item["why"]
            if isinstance(why, dict):  # an explanation per category
                why = why.get(found, "")
            key[item["text"]] = (found, why.format(**values) if "{" in why else why)
        return key

    def check_classification(
        self, answer: object, settings: dict | None = None, key: dict | None = None
    ) -> Feedback:
        """A category per item against the key (computed unless given), with the task file's hint,
        explain_all, note and praise."""
        spec = self.spec
        feedback = checks.check_classification(
            self.id,
            answer,
            key if key is not None else self.key(settings),
            hint=self.hint,
            explain_all=spec.get("explain_all", False),
            note=spec.get("note", ""),
        )
        return feedback.with_note(spec["praise"]) if spec.get("praise") else feedback

    def right_options(self, settings: dict | None = None) -> list[str]:
        """The right option(s): marked ``correct``, or returned by the ``expected`` function (as
        text, a position in the options, or a list of either, for ties)."""
        if "expected" in self.spec:
            right = self.value(self.spec["expected"], settings or {})
            found = [right] if isinstance(right, (str, int)) else list(right)
            return [self.options[r] if isinstance(r, int) else r for r in found]
        return [o["text"] for o in self.spec["options"] if o.get("correct")]

    def check_choice(self, chosen: object, settings: dict | None = None) -> Feedback:
        """A one-option answer against the right option(s), with each option's explanation; an
        option's ``points`` are reported."""
        spec = self.spec
        explanations = {o["text"]: o.get("explanation", "") for o in spec.get("options", [])}
        feedback = checks.check_choice(
            self.id,
            chosen,
            self.right_options(settings),
            self.options,
            explanations=explanations,
            hint=self.hint,
            praise=spec.get("praise", ""),
        )
        most = max((o.get("points", 0) for o in spec.get("options", [])), default=0)
        for option in spec.get("options", []):
            if (
                "points" in option
                and isinstance(chosen, str)
                and checks.normalise(chosen) == checks.normalise(option["text"])
            ):
                feedback.details.append(
                    say("choice_points", points=f"{option['points']:g}", maximum=f"{most:g}")
                )
        return feedback

    def check_number(
        self,
        answer: object,
        expected: float,
        settings: dict | None = None,
        hint: str | None = None,
        slips: tuple = (),
        **values: object,
    ) -> Feedback:
        """``answer`` against ``expected`` with the task file's tolerance, unit, slips, hint and
        praise (``praise`` and slip feedback may hold {placeholders}, filled from ``values``).
        ``hint`` replaces the task file's; ``slips`` ((value, advice) pairs computed at check time)
        come before the task file's."""
        spec, settings = self.spec, settings or {}
        tolerance = spec.get("tolerance", 0)
        relative = isinstance(tolerance, dict) and set(tolerance) == {"relative"}
        if relative:  # stated as "within 1%"
            allowed = tolerance["relative"]
        elif isinstance(tolerance, dict):
            allowed = max(
                tolerance.get("absolute", 0),
                abs(expected) * tolerance.get("relative", 0),
                tolerance.get("minimum", 0),
            )
        else:
            allowed = tolerance
        slips = list(slips)
        for slip in spec.get("slips", []):
            value = self.value(slip["value"], settings)
            if value is None:
                continue
            advice = slip["feedback"].format(**values) if values else slip["feedback"]
            slips.append(
                (float(value), slip["margin"], advice) if "margin" in slip else (float(value), advice)
            )
        praise = spec.get("praise", "")
        return checks.check_number(
            self.id,
            answer,
            float(expected),
            tolerance=allowed,
            relative=relative,
            unit=spec.get("unit", ""),
            hint=self.hint if hint is None else hint,
            praise=praise.format(**values) if values else praise,
            slips=slips,
        )

    def check(self, answer: object, settings: dict) -> Feedback:
        spec, kind = self.spec, self.kind
        if kind == "number":
            return self.check_number(answer, float(self.value(spec["expected"], settings)), settings)
        if kind == "choice":
            from_widget = hasattr(answer, "_repr_mimebundle_") and hasattr(answer, "value")
            chosen = getattr(answer, "value", answer) if from_widget else answer
            if chosen is None and from_widget:
                return not_yet(self.id, say("missing_widget"), self.hint)
            return self.check_choice(chosen, settings)
        if kind == "classify":
            return self.check_classification(answer, settings)
        if kind == "country":
            expected = self.value(spec["expected"], settings)
            return checks.check_country(self.id, answer, expected, hint=self.hint)
        if kind == "countries":
            expected = self.value(spec["expected"], settings)
            return checks.check_countries(self.id, answer, expected, hint=self.hint)
        return call_check(self.function(spec["check"]), self, answer, settings)

    def points(self, feedback: Feedback) -> float:
        """Points earned: a chosen option's points, else the task's points when correct."""
        full = self.spec.get("points", 1)
        return full if feedback.correct else 0


def call_check(function, task: Task, answer: object, settings: dict) -> Feedback:
    parameters = inspect.signature(function).parameters
    if any(p.kind is p.VAR_KEYWORD for p in parameters.values()):
        return function(task, answer, **settings)
    return function(task, answer, **{k: v for k, v in settings.items() if k in parameters})


class Texts(dict):
    """An exercise's texts by key; called as ``text("key", value=...)`` it fills placeholders."""

    def __call__(self, key: str, **values: object) -> str:
        return self[key].format(**values)


def texts(compute_file: str | Path, keep_lines: bool = False) -> Texts:
    """The ``texts`` of the task file next to ``compute_file`` (for compute.py:
    ``TEXTS = texts(__file__)``), each with its spacing normalised (line breaks kept with
    ``keep_lines``, e.g. for a template)."""
    path = Path(compute_file).with_name(TASK_FILE)
    content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    found = content.get("texts", {})
    if keep_lines:
        return Texts({key: str(text) for key, text in found.items()})
    return Texts({key: " ".join(str(text).split()) for key, text in found.items()})


class TaskFile:
    """An exercise's task file with its tasks, settings and texts."""

    def __init__(self, name: str, folder: Path | None = None):
        self.folder = Path(folder) if folder is not None else exercise_folder(name)
        path = self.folder / TASK_FILE
        if not path.is_file():
            names = exercise_names()
            raise CourseError(say("no_such_exercise", name=repr(name), names=", ".join(names)))
        self.spec = read(path)
        self.name = name
        self.compute = load_compute(self.folder)
        self.texts = dict(self.spec.get("texts", {}))
        self.tasks = {t["id"]: Task(t, self.compute, self.texts) for t in self.spec["tasks"]}

    @property
    def settings(self) -> dict:
        return dict(self.spec.get("settings", {}))

    @property
    def title(self) -> str:
        return self.spec["title"]

    def text(self, key: str, **values: object) -> str:
        return " ".join(self.texts[key].split()).format(**values)
