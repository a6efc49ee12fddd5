"""The session plans are gathered from the course's sources: every published module has one, with
its objectives, a timed sequence that adds up to its session in the agendas, the exercises'
discussion notes and slips, and written debrief questions; a gap is named clearly."""

from __future__ import annotations

import copy
import re
from dataclasses import replace

import pytest
import yaml
from conftest import ROOT

from tools import agendas
from tools import session_plans as sp

SPEC = sp.load_spec()
TIMINGS = agendas.load_timings()
MODULES = sp.published_modules()


@pytest.fixture(scope="module")
def plans() -> dict[str, sp.Plan]:
    return {module: sp.module_plan(module, SPEC, TIMINGS) for module in MODULES}


def test_every_published_module_has_an_entry_and_a_page_in_the_toc():
    assert MODULES, "no module in _toc.yml"
    assert sp.check(SPEC) == MODULES
    listed = sp.toc_files()
    assert f"{sp.PAGES}/index" in listed and f"{sp.PAGES}/{sp.CAPSTONE}" in listed
    for page in (ROOT / sp.PAGES).glob("*.md"):
        if page.stem != "index":
            directive = re.findall(r"^```\{session-plan\} (\S+)$", page.read_text(encoding="utf-8"), re.M)
            assert directive == [page.stem], f"{page.name} shows the plan of {directive}"


@pytest.mark.parametrize("module", MODULES)
def test_a_plan_adds_up_to_its_session_in_the_agendas(plans, module):
    plan = plans[module]
    assert plan.minutes == sum(activity.minutes for activity in TIMINGS[module])
    assert all(step.minutes > 0 for step in plan.steps)
    worked_on = [step.doc for step in plan.steps if step.key == "exercise"]
    assert worked_on == [a.doc for a in TIMINGS[module] if a.kind == "exercise"], (
        "each exercise once, in order"
    )
    for exercise in plan.exercises:  # an exercise and its reflection together take the exercise's minutes
        assert (
            sum(s.minutes for s in plan.steps if s.doc == exercise.doc and s.key != "lesson")
            == exercise.minutes
        )


@pytest.mark.parametrize("module", MODULES)
def test_a_plan_reads_the_objectives_notes_and_slips_of_its_sources(plans, module):
    plan = plans[module]
    page = (ROOT / "modules" / f"{module}.md").read_text(encoding="utf-8")
    objectives = sp.section(page, SPEC["headings"]["objectives"])
    assert plan.objectives and all(o.split()[0] in objectives for o in plan.objectives)
    assert len(plan.objectives) == len(re.findall(r"^- ", objectives, re.M))
    for exercise in plan.exercises:
        source = (ROOT / f"{exercise.doc}.md").read_text(encoding="utf-8")
        if '"tags": ["instructor"]' in source:
            assert exercise.notes, f"{exercise.doc}: its instructor cell gives no discussion note"
            assert all(note.split()[-1] in source for note in exercise.notes)
        assert all(":::" not in note and ":class:" not in note for note in exercise.notes)
        tasks = yaml.safe_load(
            (ROOT / exercise.doc).parent.joinpath("tasks.yaml").read_text(encoding="utf-8")
        )
        feedback = [s["feedback"] for t in tasks["tasks"] for s in t.get("slips") or []]
        written = [" ".join(f.split()) for f in feedback if "{" not in f]
        assert sorted(exercise.slips) == sorted(set(written))
        assert exercise.reflection not in ("", None) or "reflection" not in tasks, exercise.doc


@pytest.mark.parametrize("module", MODULES)
def test_the_page_holds_every_part_of_the_plan(plans, module):
    plan = plans[module]
    found = dict(sp.sections(plan, SPEC))
    for key in ("objectives", "sequence", "materials", "group", "notes", "difficulties", "debrief"):
        assert found.get(SPEC["sections"][key], "").strip(), f"{module}: no {key}"
    debrief = found[SPEC["sections"]["debrief"]]
    assert 3 <= len(plan.written["debrief"]) <= 5
    assert all(" ".join(q.split()) in debrief for q in plan.written["debrief"])
    table = found[SPEC["sections"]["sequence"]]
    assert len(re.findall(r"^\| \d+:\d\d–\d+:\d\d \|", table, re.M)) == len(plan.steps)
    assert f"–{plan.minutes // 60}:{plan.minutes % 60:02d} |" in table, (
        "the last activity ends at the session's end"
    )
    materials = found[SPEC["sections"]["materials"]]
    assert all(f"/{e.doc}`" in materials for e in plan.exercises)
    for item in sp.bullets(
        sp.section((ROOT / f"{plan.doc}.md").read_text(encoding="utf-8"), "Templates for this module")
    ):
        assert item in materials


def test_the_capstone_plan_is_the_capstone_session_of_the_agendas():
    plan = sp.capstone_plan(SPEC)
    session = agendas.session(
        agendas.load_spec(), {agendas.CAPSTONE: [], **TIMINGS}, agendas.CAPSTONE, "test"
    )
    assert plan.minutes == sum(a.minutes for a in session)
    assert [s.doc for s in plan.steps if s.key == "stage"] == [a.doc for a in session if a.kind == "stage"]
    assert plan.objectives and 3 <= len(plan.written["debrief"]) <= 5
    found = dict(sp.sections(plan, SPEC))
    if sp.CAPSTONE_DEBRIEF.exists() and plan.exercises:
        debrief = yaml.safe_load(sp.CAPSTONE_DEBRIEF.read_text(encoding="utf-8"))
        text = found[SPEC["sections"]["stage_debrief"]]
        stages = {stage["id"]: stage for stage in debrief["stages"]}
        for stage in (stages[sp.Path(e.doc).name] for e in plan.exercises if sp.Path(e.doc).name in stages):
            assert all(" ".join(q.split()) in text for q in stage["questions"]), stage["id"]


def test_a_module_in_the_toc_without_an_entry_is_named(tmp_path):
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    toc["parts"][1]["chapters"].append({"file": "modules/m99-new-module"})
    (tmp_path / "_toc.yml").write_text(yaml.safe_dump(toc), encoding="utf-8")
    with pytest.raises(
        sp.SessionPlanError, match=r"m99-new-module .*no entry under `modules:` in .*session-plans\.yaml"
    ):
        sp.check(SPEC, root=tmp_path)
    spec = copy.deepcopy(SPEC)
    spec["modules"]["m99-new-module"] = spec["modules"][MODULES[0]]
    only = {"parts": [{"chapters": [{"file": "modules/m99-new-module"}]}]}
    (tmp_path / "_toc.yml").write_text(yaml.safe_dump(only), encoding="utf-8")
    with pytest.raises(sp.SessionPlanError, match=r"m99-new-module.*session-plans/m99-new-module\.md"):
        sp.check(spec, root=tmp_path)


def test_a_missing_or_short_entry_stops_the_plan():
    spec = copy.deepcopy(SPEC)
    del spec["modules"][MODULES[0]]
    with pytest.raises(sp.SessionPlanError, match=MODULES[0]):
        sp.module_plan(MODULES[0], spec, TIMINGS)
    spec = copy.deepcopy(SPEC)
    spec["modules"][MODULES[0]]["debrief"] = ["Only one question?"]
    with pytest.raises(sp.SessionPlanError, match="3 to 5 questions"):
        sp.module_plan(MODULES[0], spec, TIMINGS)
    spec = copy.deepcopy(SPEC)
    spec["modules"][MODULES[0]]["quiz_minutes"] = 500
    with pytest.raises(sp.SessionPlanError, match="leave .* minutes for the lesson"):
        sp.module_plan(MODULES[0], spec, TIMINGS)


def test_a_change_of_timing_flows_into_the_plan(plans):
    module = MODULES[0]
    timings = dict(TIMINGS)
    teaching, *rest = TIMINGS[module]
    timings[module] = [replace(teaching, minutes=teaching.minutes + 15), *rest]
    before, after = plans[module], sp.module_plan(module, SPEC, timings)
    assert after.minutes == before.minutes + 15
    lesson = {
        p: next(s.minutes for s in plan.steps if s.key == "lesson")
        for p, plan in (("b", before), ("a", after))
    }
    assert lesson["a"] == lesson["b"] + 15


def test_a_notebook_is_read_for_its_question_and_its_instructor_notes():
    text = "\n".join(
        [
            "# Exercise 0.1. A test",
            "",
            "## Reflection",
            "",
            "Should the plan wait for better data?",
            "",
            "Write a few lines in the box below.",
            "",
            "```{code-cell}",
            "ex.reflection()",
            "```",
            "",
            '+++ {"tags": ["instructor"]}',
            "",
            ":::{admonition} For instructors: discussion points",
            ":class: dropdown",
            "",
            "- **Timing.** A first point that runs",
            "  over two lines.",
            "- A second point.",
            ":::",
            "",
            "+++",
            "",
            "## After",
        ]
    )
    assert sp.reflection(text, {}, "Reflection") == "Should the plan wait for better data?"
    assert sp.instructor_notes(text) == [
        "**Timing.** A first point that runs over two lines.",
        "A second point.",
    ]
    alone = text.replace("Should the plan wait for better data?\n\n", "")
    assert (
        sp.reflection(alone, {"reflection": "From the task\n file."}, "Reflection") == "From the task file."
    )
    assert sp.reflection(alone, {}, "Reflection") == ""
