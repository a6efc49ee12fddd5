"""The workshop agendas are built from the recorded timings: they add up, fit their days, hold every
chosen module once with its exercises, follow a change of timing, and reject a malformed format."""

from __future__ import annotations

import copy
import re
import shutil

import pytest
import yaml
from conftest import EXERCISES, ROOT

from tools import agendas

SPEC = agendas.load_spec()
TIMINGS = agendas.load_timings()
FORMATS = list(SPEC["formats"])


@pytest.fixture(scope="module")
def built() -> dict[str, agendas.Agenda]:
    return agendas.build_all(SPEC, TIMINGS)


def test_every_module_and_exercise_records_its_minutes():
    modules = sorted(p.stem for p in (ROOT / "modules").glob("m[0-9][0-9]-*.md"))
    assert sorted(set(TIMINGS) - {agendas.CAPSTONE}) == modules
    for module in modules:
        session = TIMINGS[module]
        assert session[0].kind == "teaching" and session[0].doc == f"modules/{module}"
        assert all(a.minutes > 0 for a in session), module
    in_sessions = [a.doc.split("/")[1] for s in TIMINGS.values() for a in s if a.kind == "exercise"]
    assert sorted(in_sessions) == [e for e in EXERCISES if re.match(r"m\d\d-", e)]
    stages = [a.doc.split("/")[1] for a in TIMINGS[agendas.CAPSTONE]]
    assert stages == [e for e in EXERCISES if e.startswith("capstone-")] and len(stages) == 6
    assert all(a.kind == "stage" and a.minutes > 0 for a in TIMINGS[agendas.CAPSTONE])
    for name in set(EXERCISES) - set(in_sessions) - set(stages):  # outside a module (catalogue explorer)
        text = (ROOT / "exercises" / name / "tasks.yaml").read_text(encoding="utf-8")
        minutes = yaml.load(text, Loader=agendas.LOADER)["minutes"]
        assert isinstance(minutes, int) and minutes > 0, name


def test_the_formats_are_on_the_page_once_each_and_the_capstone_day_on_the_debrief():
    page = (ROOT / "book" / "instructors" / "agendas.md").read_text(encoding="utf-8")
    assert re.findall(r"^```\{workshop-agenda\} (\S+)$", page, re.MULTILINE) == FORMATS
    assert {"half-day", "one-day", "two-days", "three-days", "five-days", "capstone-day"} <= set(FORMATS)
    debrief = (ROOT / "book" / "capstone" / "debrief.md").read_text(encoding="utf-8")
    assert re.findall(r"^```\{workshop-agenda\} (\S+)$", debrief, re.MULTILINE) == ["capstone-day"]


@pytest.mark.parametrize("format_id", FORMATS)
def test_each_day_adds_up_and_fits_its_format(built, format_id):
    agenda = built[format_id]
    fmt = SPEC["formats"][format_id]
    assert len(agenda.days) <= fmt["days"]
    for day in agenda.days:
        assert day.rows, f"{format_id}: day {day.number} is empty"
        assert day.rows[0].start == agenda.start
        for before, after in zip(day.rows, day.rows[1:], strict=False):
            assert after.start == before.end, f"{format_id}: a gap or overlap on day {day.number}"
        for row in day.rows:
            assert row.end - row.start == row.activity.minutes
        assert day.work + day.breaks == day.rows[-1].end - agenda.start
        assert day.rows[-1].end <= agenda.end, f"{format_id}: day {day.number} runs over"
        assert day.rows[0].activity.kind != "break" and day.rows[-1].activity.kind != "break"
        plan = SPEC["day_plans"][fmt["day_plan"]]
        assert day.breaks <= sum(b["minutes"] for b in plan["breaks"])


@pytest.mark.parametrize("format_id", FORMATS)
def test_every_chosen_module_appears_once_with_its_exercises(built, format_id):
    fmt = SPEC["formats"][format_id]
    chosen = agendas.module_ids(SPEC, fmt, format_id)
    expected = [a.doc for module in chosen for a in agendas.session(SPEC, TIMINGS, module, format_id)]
    taught = [r.activity.doc for day in built[format_id].days for r in day.rows if r.activity.kind != "break"]
    assert taught == expected


def test_a_module_never_splits_across_days(built):
    for agenda in built.values():
        for day in agenda.days:
            if day.rows:
                assert day.rows[0].activity.kind in ("teaching", "plenary")


def plenaries(part: str) -> list[tuple[str, int]]:
    return [(item["label"], item["minutes"]) for item in SPEC["capstone"][part]]


def stage_minutes(root=ROOT) -> list[tuple[str, int]]:
    found = []
    for tasks in sorted((root / "exercises").glob("capstone-*/tasks.yaml")):
        found.append((tasks.parent.name, yaml.safe_load(tasks.read_text(encoding="utf-8"))["minutes"]))
    return found


def test_the_capstone_day_is_the_briefing_the_six_stages_the_plans_and_the_debrief(built):
    day = built["capstone-day"].days
    assert len(day) == 1
    work = [r.activity for r in day[0].rows if r.activity.kind != "break"]
    before, after = len(SPEC["capstone"]["before"]), len(SPEC["capstone"]["after"])
    assert [(a.label, a.minutes) for a in work[:before]] == plenaries("before")
    assert [(a.label, a.minutes) for a in work[len(work) - after :]] == plenaries("after")
    stages = [(a.doc.split("/")[1], a.minutes) for a in work[before : len(work) - after]]
    assert stages == stage_minutes() and len(stages) == 6
    assert day[0].work == sum(m for _, m in stages) + sum(
        m for _, m in plenaries("before") + plenaries("after")
    )
    five = built["five-days"].days[-1]
    assert [r.activity for r in five.rows] == [r.activity for r in day[0].rows]


def test_the_csv_has_the_tables_columns_and_one_line_per_activity(built):
    agenda = built["three-days"]
    lines = agendas.csv_text(agenda, SPEC["words"]).splitlines()
    assert lines[0].split(",") == SPEC["words"]["columns"]
    assert len(lines) == 1 + sum(len(day.rows) for day in agenda.days)
    assert "Module 8" in lines[-1] or "Exercise 8" in lines[-1]


@pytest.fixture
def course_copy(tmp_path):
    """A copy of the timings' sources, to change one without touching the course."""
    shutil.copytree(ROOT / "modules", tmp_path / "modules")
    for tasks in (ROOT / "exercises").glob("*/tasks.yaml"):
        (tmp_path / "exercises" / tasks.parent.name).mkdir(parents=True)
        shutil.copy(tasks, tmp_path / "exercises" / tasks.parent.name / "tasks.yaml")
    return tmp_path


def set_teaching(root, module: str, minutes: int) -> None:
    path = root / "modules" / f"{module}.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"teaching: \d+", f"teaching: {minutes}", text, count=1), encoding="utf-8")


def test_changing_a_modules_minutes_changes_the_agenda(built, course_copy):
    before = TIMINGS["m02-why-mainstream"][0].minutes
    set_teaching(course_copy, "m02-why-mainstream", before + 5)
    agenda = agendas.build(SPEC, agendas.load_timings(course_copy), "one-day")
    rows = [r for r in agenda.days[0].rows if r.activity.doc == "modules/m02-why-mainstream"]
    assert rows[0].activity.minutes == before + 5
    old_end = built["one-day"].days[0].rows[-1].end
    assert agenda.days[0].rows[-1].end == old_end + 5


def test_changing_a_stages_minutes_changes_the_capstone_day(built, course_copy):
    name, minutes = stage_minutes()[2]
    path = course_copy / "exercises" / name / "tasks.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^minutes: \d+", f"minutes: {minutes - 5}", text, count=1, flags=re.M), "utf-8")
    agenda = agendas.build(SPEC, agendas.load_timings(course_copy), "capstone-day")
    assert [m for _, m in stage_minutes(course_copy)][2] == minutes - 5
    assert agenda.days[0].work == built["capstone-day"].days[0].work - 5


def test_a_longer_session_moves_to_the_next_day(course_copy):
    set_teaching(course_copy, "m03-getting-ready", 150)
    timings = agendas.load_timings(course_copy)
    with pytest.raises(agendas.AgendaError, match="'one-day'.*need 2 days but it has 1"):
        agendas.build(SPEC, timings, "one-day")
    agenda = agendas.build(_broken(lambda s: s["formats"]["one-day"].update(days=2)), timings, "one-day")
    assert [day.rows[0].activity.doc for day in agenda.days] == [
        "modules/m01-linkages",
        "modules/m03-getting-ready",
    ]


def test_a_module_without_minutes_is_named(course_copy):
    path = course_copy / "modules" / "m04-situation-assessment.md"
    path.write_text(path.read_text(encoding="utf-8").replace("teaching:", "lesson:", 1), encoding="utf-8")
    with pytest.raises(agendas.AgendaError, match="m04-situation-assessment.md"):
        agendas.load_timings(course_copy)


def _broken(change) -> dict:
    spec = copy.deepcopy(SPEC)
    change(spec)
    return spec


@pytest.mark.parametrize(
    "change, words",
    [
        (lambda s: s["formats"]["one-day"].pop("day_plan"), "`day_plan` is missing"),
        (lambda s: s["formats"]["one-day"].update(day_plan="evening"), "no day plan named 'evening'"),
        (lambda s: s["formats"]["one-day"].update(days=0), "`days` must be"),
        (lambda s: s["formats"]["one-day"].update(modules=[]), "no modules"),
        (lambda s: s["formats"]["one-day"].update(modules=["m99-nothing"]), "no module 'm99-nothing'"),
        (lambda s: s["formats"]["one-day"].update(modules=["m01-linkages", "part-i"]), "listed twice"),
        (lambda s: s["day_plans"]["full-day"].update(start="9am"), "'9am' is not a time"),
        (lambda s: s["day_plans"]["full-day"].update(end="08:00"), "ends before it starts"),
        (lambda s: s["day_plans"]["full-day"]["breaks"][0].pop("at"), "each break needs"),
        (lambda s: s["day_plans"]["full-day"].update(end="10:00"), "does not fit in one day"),
        (lambda s: s["formats"]["one-day"].update(modules=["core"]), "need 3 days but it has 1"),
        (
            lambda s: s["formats"]["one-day"].update(modules=["capstone"]) or s.pop("capstone"),
            "`capstone` needs",
        ),
    ],
)
def test_a_malformed_format_gives_a_clear_error_naming_it(change, words):
    with pytest.raises(agendas.AgendaError, match=re.escape(words)) as error:
        agendas.build(_broken(change), TIMINGS, "one-day")
    assert "'one-day'" in str(error.value)


def test_an_unknown_format_is_named():
    with pytest.raises(agendas.AgendaError, match="'seven-days'"):
        agendas.build(SPEC, TIMINGS, "seven-days")
