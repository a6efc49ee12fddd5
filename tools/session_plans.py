"""Session plans for instructors, gathered from the course's own sources (logic only, no words).

A module's plan reads:

- its learning objectives (the bullets of the module page's ``## Learning objectives``) and its
  templates (the bullets of ``## Templates for this module``), as MyST text;
- its timings, through ``tools.agendas.load_timings`` (the same numbers as the agendas);
- for each exercise: the reflection question (the notebook's ``## Reflection`` text before its
  last paragraph, the standing instruction; else ``reflection:`` in the task file), the discussion
  points of the cells tagged ``instructor``, and the typical slips and hints of ``tasks.yaml``
  (the MyST notebook is scanned for its cell breaks, not parsed whole: that is fast);
- the written parts (debrief questions, timing notes, how to run the group activity, the minutes
  of the objectives, quiz, debrief and reflection) from ``book/instructors/session-plans.yaml``.

The capstone's plan reads the stages ``exercises/capstone-*`` the same way and, when it exists,
the instructor debrief ``book/capstone/debrief.yaml``. ``SessionPlanError`` names what is missing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from tools import agendas
from tools.learner import INSTRUCTOR_TAG

ROOT = agendas.ROOT
SPEC = ROOT / "book" / "instructors" / "session-plans.yaml"
PAGES = "book/instructors/session-plans"
CAPSTONE = agendas.CAPSTONE  # the capstone: its plan id and its session in the agendas
CAPSTONE_DEBRIEF = ROOT / "book" / "capstone" / "debrief.yaml"
MODULE_DOC = re.compile(r"^modules/(m\d\d-[\w-]+)$")
FENCE = re.compile(r"^:::+\s*(\{admonition\}.*)?$|^:class:.*$")
PARAGRAPHS = re.compile(r"\n\s*\n")
# A MyST notebook's cell breaks: a `+++` marker (with its metadata) or the start of a code cell.
CELL_BREAK = re.compile(r"^(?:\+\+\+(?P<meta>.*)|```\{code-cell\}.*)$", re.MULTILINE)


class SessionPlanError(ValueError):
    """A source a session plan needs is missing or malformed."""


@dataclass(frozen=True)
class Step:
    key: str  # the activity's kind: a key of `activities` in the YAML file
    minutes: int
    doc: str = ""  # the page it works on
    label: str = ""  # a plenary item's own label (from agendas.yaml)


@dataclass
class Exercise:
    doc: str
    minutes: int
    reflection: str = ""  # MyST text
    notes: list[str] = field(default_factory=list)  # MyST bullets
    slips: list[str] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)


@dataclass
class Plan:
    plan_id: str
    title: str
    doc: str  # the page the plan serves ("" for the capstone)
    objectives: list[str]
    steps: list[Step]
    exercises: list[Exercise]
    templates: list[str]
    written: dict  # this plan's entry of the YAML file
    stage_debriefs: dict[str, list[str]] = field(default_factory=dict)  # capstone stage -> questions

    @property
    def minutes(self) -> int:
        return sum(step.minutes for step in self.steps)


# --- sources ---------------------------------------------------------------------------------


def load_spec(path: Path = SPEC) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def toc_files(root: Path = ROOT) -> list[str]:
    """Every file listed in _toc.yml, at any depth, in order."""

    def walk(entries) -> list[str]:
        found = []
        for entry in entries or []:
            found += [str(entry["file"])] if "file" in entry else []
            found += walk(entry.get("sections")) + walk(entry.get("chapters"))
        return found

    return walk(yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8")).get("parts"))


def published_modules(root: Path = ROOT) -> list[str]:
    """The module ids in _toc.yml, in their order (a module is published once it is listed)."""
    return [match.group(1) for match in map(MODULE_DOC.match, toc_files(root)) if match]


def section(text: str, heading: str) -> str:
    """The text of a page's ``## heading`` section (without the heading), or ""."""
    match = re.search(rf"^## {re.escape(heading)}\s*$(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    return match.group(1).strip() if match else ""


def bullets(text: str) -> list[str]:
    """The items of the first bullet list in ``text``, each joined onto one line."""
    items: list[str] = []
    for line in text.splitlines():
        if line.startswith("- "):
            items.append(line[2:].strip())
        elif items and line.startswith("  ") and line.strip():
            items[-1] += " " + line.strip()
        elif items and not line.strip():
            break
    return items


def markdown_cells(text: str) -> list[tuple[list[str], str]]:
    """The markdown cells of a MyST notebook (the text after each cell break up to the next one,
    code cells left out), each with its tags, read without parsing the whole notebook."""
    cells, breaks = [], list(CELL_BREAK.finditer(text))
    for found, after in zip(breaks, [*breaks[1:], None], strict=True):
        if found.group(0).startswith("+++"):
            meta = json.loads(found.group("meta").strip() or "{}")
            end = after.start() if after else len(text)
            cells.append((meta.get("tags", []), text[found.end() : end].strip()))
    first = breaks[0].start() if breaks else len(text)
    return [([], text[:first])] + cells


@lru_cache(maxsize=64)
def _tasks(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=agendas.LOADER) or {}


def reflection(text: str, tasks: dict, heading: str) -> str:
    """The reflection question: the section's paragraphs before its code cell, but the last (the
    standing instruction to write in the box); else the task file's ``reflection:``."""
    found = section(text, heading)
    found = found[: cut.start()] if (cut := CELL_BREAK.search(found)) else found
    paragraphs = [p.strip() for p in PARAGRAPHS.split(found) if p.strip()]
    if len(paragraphs) > 1:
        return "\n\n".join(paragraphs[:-1])
    return " ".join(str(tasks.get("reflection", "")).split())


def instructor_notes(text: str) -> list[str]:
    """The bullets of the cells tagged ``instructor``, without their admonition fence."""
    notes = []
    for tags, cell in markdown_cells(text):
        if INSTRUCTOR_TAG in tags:
            body = "\n".join(line for line in cell.splitlines() if not FENCE.match(line.strip()))
            notes.extend(bullets(body) or [body.strip()])
    return [note for note in notes if note]


def _plain(text: object) -> str:
    """A task-file sentence fit to quote: one line; "" if it has placeholders filled at run time."""
    words = " ".join(str(text or "").split())
    return "" if "{" in words else words


def read_exercise(doc: str, minutes: int, heading: str, root: Path = ROOT) -> Exercise:
    folder = (root / doc).parent
    tasks = _tasks(folder / "tasks.yaml")
    text = (root / f"{doc}.md").read_text(encoding="utf-8")
    slips, hints = [], []
    for task in tasks.get("tasks") or []:
        slips.extend(_plain(slip.get("feedback")) for slip in task.get("slips") or [])
        hints.append(_plain(task.get("hint")))
    return Exercise(
        doc=doc,
        minutes=minutes,
        reflection=reflection(text, tasks, heading),
        notes=instructor_notes(text),
        slips=list(dict.fromkeys(s for s in slips if s)),
        hints=list(dict.fromkeys(h for h in hints if h)),
    )


# --- plans -----------------------------------------------------------------------------------


def _minutes(spec: dict, written: dict, key: str, where: str) -> int:
    value = written.get(key, spec.get("defaults", {}).get(key))
    if not isinstance(value, int) or value < 0:
        raise SessionPlanError(f"{where}: `{key}` must be a whole number of minutes")
    return value


def _written(spec: dict, plan_id: str, group: str) -> dict:
    entry = (spec.get(group) or {}).get(plan_id)
    where = f"{SPEC.relative_to(ROOT)}, {group}: {plan_id}"
    if not isinstance(entry, dict):
        raise SessionPlanError(
            f"{plan_id} is published in _toc.yml but has no entry under `{group}:` in "
            f"{SPEC.relative_to(ROOT)}: add its debrief questions, timing note and group activity"
        )
    for key in spec.get("required", []):
        if not entry.get(key):
            raise SessionPlanError(f"{where}: `{key}` is missing")
    debrief = entry["debrief"] if isinstance(entry.get("debrief"), list) else []
    if not 3 <= len(debrief) <= 5:
        raise SessionPlanError(f"{where}: `debrief` needs 3 to 5 questions, not {len(debrief)}")
    return entry


def _exercise_steps(spec: dict, written: dict, exercise: Exercise, where: str) -> list[Step]:
    """Pair work, then the group reflection, within the exercise's own minutes."""
    reflect = _minutes(spec, written, "reflection_minutes", where) if exercise.reflection else 0
    if exercise.minutes - reflect < 5:
        raise SessionPlanError(
            f"{where}: {exercise.doc} ({exercise.minutes} minutes) leaves no time for the tasks"
        )
    steps = [Step("exercise", exercise.minutes - reflect, exercise.doc)]
    return steps + ([Step("reflection", reflect, exercise.doc)] if reflect else [])


def module_plan(
    module: str, spec: dict | None = None, timings: dict | None = None, root: Path = ROOT
) -> Plan:
    """A module's plan: objectives, lesson, each exercise and its reflection, quiz, debrief. The
    objectives, quiz and debrief take their minutes from the lesson, as the facilitator guide says."""
    spec = load_spec() if spec is None else spec
    timings = agendas.load_timings(root) if timings is None else timings
    if module not in timings:
        raise SessionPlanError(f"{module}: no module page modules/{module}.md with timings")
    written = _written(spec, module, "modules")
    where = f"{SPEC.relative_to(ROOT)}, modules: {module}"
    headings = spec["headings"]
    teaching, *practice = timings[module]
    page = (root / f"{teaching.doc}.md").read_text(encoding="utf-8")
    objectives = bullets(section(page, headings["objectives"]))
    if not objectives:
        raise SessionPlanError(f"{teaching.doc}.md: no bullets under `## {headings['objectives']}`")
    exercises = [read_exercise(a.doc, a.minutes, headings["reflection"], root) for a in practice]
    opening, quiz, debrief = (
        _minutes(spec, written, k, where) for k in ("opening_minutes", "quiz_minutes", "debrief_minutes")
    )
    lesson = teaching.minutes - opening - quiz - debrief
    if lesson < 10:
        raise SessionPlanError(
            f"{where}: the objectives, quiz and debrief leave {lesson} minutes for the lesson"
        )
    steps = [Step("opening", opening), Step("lesson", lesson, teaching.doc)]
    for exercise in exercises:
        steps += _exercise_steps(spec, written, exercise, where)
    steps += [Step("quiz", quiz, teaching.doc), Step("debrief", debrief)]
    return Plan(
        plan_id=module,
        title=agendas.title(teaching.doc, root),
        doc=teaching.doc,
        objectives=objectives,
        steps=[s for s in steps if s.minutes],
        exercises=exercises,
        templates=bullets(section(page, headings["templates"])),
        written=written,
    )


def capstone_session(root: Path = ROOT) -> list[agendas.Activity]:
    """The capstone's session as the agendas place it: the plenary items of ``agendas.yaml`` around
    the stages (``exercises/capstone-N-*``, with their recorded minutes), if the stages exist."""
    timings = {agendas.CAPSTONE: [], **agendas.load_timings(root)}
    try:
        return agendas.session(agendas.load_spec(), timings, agendas.CAPSTONE, agendas.CAPSTONE)
    except agendas.AgendaError as error:
        raise SessionPlanError(str(error)) from error


def stage_debriefs(path: Path = CAPSTONE_DEBRIEF) -> dict[str, dict[str, list[str]]]:
    """Each stage id -> its ``questions`` and ``trade_offs`` in the capstone's instructor debrief
    (``stages:``, a list of entries with an ``id``), or {} while that file does not exist."""
    if not path.exists():
        return {}
    stages = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("stages") or []
    found = {}
    for entry in stages:
        if isinstance(entry, dict) and entry.get("id"):
            found[str(entry["id"])] = {
                key: [" ".join(str(item).split()) for item in entry.get(key) or []]
                for key in ("questions", "trade_offs")
            }
    return found


def capstone_plan(spec: dict | None = None, root: Path = ROOT, debrief: Path = CAPSTONE_DEBRIEF) -> Plan:
    """The capstone's plan: the same session as in the agendas, with the stages' sources."""
    spec = load_spec() if spec is None else spec
    written = _written(spec, CAPSTONE, "plans")
    heading = spec["headings"]["reflection"]
    session = capstone_session(root)
    steps = [Step(a.kind, a.minutes, a.doc, a.label) for a in session if a.minutes]
    stages = [read_exercise(a.doc, a.minutes, heading, root) for a in session if a.kind == "stage"]
    overview = root / "book" / "capstone" / "index.md"
    page = overview.read_text(encoding="utf-8") if overview.exists() else ""
    return Plan(
        plan_id=CAPSTONE,
        title=written["title"],
        doc="book/capstone/index" if page else "",
        objectives=bullets(section(page, spec["headings"]["objectives"])) or list(written["objectives"]),
        steps=steps,
        exercises=stages,
        templates=[],
        written=written,
        stage_debriefs=stage_debriefs(debrief),
    )


def plan_of(plan_id: str, spec: dict | None = None) -> Plan:
    return capstone_plan(spec) if plan_id == CAPSTONE else module_plan(plan_id, spec)


def check(spec: dict | None = None, root: Path = ROOT) -> list[str]:
    """Every published module has an entry and a page; raises SessionPlanError naming the first gap."""
    spec = load_spec() if spec is None else spec
    modules, listed = published_modules(root), toc_files(root)
    for module in modules:
        _written(spec, module, "modules")
    for module in modules:
        page = f"{PAGES}/{module}"
        if not (root / f"{page}.md").exists() or page not in listed:
            raise SessionPlanError(
                f"{module} is published in _toc.yml but its session plan {page}.md is missing or not in "
                f"_toc.yml: add the page (a title and a `session-plan {module}` directive) under {PAGES}/index"
            )
    return modules


# --- the page, as MyST text --------------------------------------------------------------------


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def _link(doc: str) -> str:
    return f"{{doc}}`/{doc}`"


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def sequence(plan: Plan, spec: dict) -> str:
    """The timed sequence as a MyST table: offset from the start, activity, minutes, what to do."""
    words, activities = spec["words"], spec["activities"]
    rows = ["| " + " | ".join(words["columns"]) + " |", "|" + " --- |" * len(words["columns"])]
    now = 0
    for step in plan.steps:
        activity = activities[step.key]
        label = activity["label"].format(page=_link(step.doc) if step.doc else "", label=step.label)
        time = words["time"].format(start=_clock(now), end=_clock(now + step.minutes))
        rows.append(f"| {time} | {_cell(label)} | {step.minutes} | {_cell(activity['note'])} |")
        now += step.minutes
    total = words["capstone_total" if plan.plan_id == CAPSTONE else "total"].format(minutes=plan.minutes)
    return "\n".join([*rows, "", total, "", str(plan.written.get("timing", "")).strip()])


def _per_exercise(plan: Plan, spec: dict, items, empty: str) -> str:
    """One block per exercise: its link, then its items (or the `empty` words)."""
    blocks = []
    for exercise in plan.exercises:
        found = items(exercise)
        body = found if isinstance(found, str) else "\n".join(f"- {item}" for item in found)
        blocks.append(f"**{_link(exercise.doc)}**\n\n{body or spec['words'][empty]}")
    return "\n\n".join(blocks)


def _difficulties(spec: dict):
    def items(exercise: Exercise) -> str:
        if exercise.slips:
            return spec["words"]["slips"] + "\n\n" + "\n".join(f"- {slip}" for slip in exercise.slips)
        if exercise.hints:
            return spec["words"]["hints"] + "\n\n" + "\n".join(f"- {hint}" for hint in exercise.hints)
        return ""

    return items


def materials(plan: Plan, spec: dict) -> str:
    words = spec["words"]
    page = words["capstone_page" if plan.plan_id == CAPSTONE else "module_page"]
    lines = [f"- {page.format(page=_link(plan.doc))}"] if plan.doc else []
    lines += [f"- {words['exercise'].format(page=_link(e.doc), minutes=e.minutes)}" for e in plan.exercises]
    lines += [f"- {item}" for item in plan.templates]
    lines += [f"- {item}" for item in plan.written.get("materials", [])]
    return "\n".join(lines)


def sections(plan: Plan, spec: dict) -> list[tuple[str, str]]:
    """The plan's sections, (title, MyST body), in page order; empty sections are left out."""
    words, titles = spec["words"], spec["sections"]
    kind = "capstone_" if plan.plan_id == CAPSTONE else ""
    intro = words[f"{kind}intro"].format(
        page=_link(plan.doc) if plan.doc else plan.title, minutes=plan.minutes
    )
    group = (
        str(plan.written["group_activity"]).strip()
        + "\n\n"
        + _per_exercise(plan, spec, lambda e: e.reflection, "no_reflection")
    )
    notes = _per_exercise(plan, spec, lambda e: e.notes, "no_notes")
    found = [
        ("", intro),
        (titles["objectives"], "\n".join(f"- {o}" for o in plan.objectives)),
        (titles["sequence"], sequence(plan, spec)),
        (titles["materials"], materials(plan, spec)),
        (titles["group"], group),
        (titles["notes"], words["notes_intro"] + "\n\n" + notes if notes else ""),
        (titles["difficulties"], _per_exercise(plan, spec, _difficulties(spec), "no_difficulties")),
        (titles["debrief"], "\n".join(f"1. {q}" for q in plan.written["debrief"])),
    ]
    found = [(title, body) for title, body in found if body.strip()]
    if plan.plan_id == CAPSTONE and plan.stage_debriefs:
        found.append((titles["stage_debrief"], stage_questions(plan, spec)))
    return found


def stage_questions(plan: Plan, spec: dict) -> str:
    """The capstone debrief's questions and trade-offs, stage by stage."""
    words, blocks = spec["words"], [spec["words"]["stage_debrief"]]
    for exercise in plan.exercises:
        entry = plan.stage_debriefs.get(Path(exercise.doc).name)
        if entry:
            lines = [f"- {q}" for q in entry["questions"]]
            lines += [f"- {words['trade_off'].format(text=t)}" for t in entry["trade_offs"]]
            blocks.append(f"**{_link(exercise.doc)}**\n\n" + "\n".join(lines))
    return "\n\n".join(blocks)
