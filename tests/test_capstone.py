"""The capstone simulation (FICTIONAL Tessaria): seeded events, carry-forward between stages, the
coherence checks, the shared answers file and the downloadable plan, played through the runtime
API (no kernel)."""

from __future__ import annotations

import json

import pytest
from docx import Document

from migdev import Exercise
from migdev.capstone import STAGES, Capstone, draw_events, situation, words
from migdev.data import load
from migdev.plan import write_docx, write_html
from migdev.rules import coherence

WORKED = words()["worked_path"]
ITEMS = {
    "Staff of the regional councils are trained to assess returnees' skills": "activity",
    "One-stop centres offering skills recognition and job placement are open in three regions": "output",
    "Returnees find decent work within six months": "outcome",
    "Fewer households in the northern regions live in poverty": "impact",
}


def stage(tmp_path, number: int) -> tuple[Exercise, Capstone]:
    name = STAGES[number - 1]
    ex = Exercise(name, folder=tmp_path / name)
    return ex, Capstone(ex)


def indicator(text: str, breakdown: list[str], baseline: str = "to be collected") -> dict:
    return {"indicator": text, "baseline": baseline, "target": "a target for 2029", "source": "a survey",
            "disaggregation": breakdown}  # fmt: skip


# Three groups, three sets of decisions. Each stage lists (task, answer) in the order a group
# would check them; "first tries" that must say "not yet" are marked with False.
RISK = "Staff are too few; second two officers from the planning ministry in year one."
PATHS = {
    "Worked example": {
        1: [("1", WORKED[STAGES[0]]["1"]), ("2", WORKED[STAGES[0]]["2"]), ("3", WORKED[STAGES[0]]["3"])],
        2: [("3", WORKED[STAGES[1]]["3"])],
        3: [("1", WORKED[STAGES[2]]["1"]), ("2", WORKED[STAGES[2]]["2"])],
        4: [("2", WORKED[STAGES[3]]["2"])],
        5: [("1", WORKED[STAGES[4]]["1"]), ("2", WORKED[STAGES[4]]["2"])],
        6: [("1", WORKED[STAGES[5]]["1"])],
    },
    "Group Delta": {
        1: [
            ("1", "Ministry of Labour and Employment"),
            ("2", "An inter-ministerial steering committee with a technical working group"),
            ("3", ["S01", "S03"], False),  # nobody affected, no local government
            ("3", ["S02", "S01", "S05", "S07", "S09", "S11"]),
        ],
        2: [("3", ["D2", "D3"])],
        3: [("1", ["I1", "I3", "I7", "I4"]), ("2", {i: RISK for i in ("I1", "I3", "I7", "I4")})],
        4: [
            ("2", {"I1": "F3", "I7": "F3", "I3": "F1", "I4": "later"}, False),  # F3 over-asked
            ("2", {"I1": "F3", "I3": "F1", "I7": "later", "I4": "later"}),
        ],
        5: [
            ("1", {"I1": "S02", "I3": "S06"}, False),
            ("1", {"I1": "S15", "I3": "S06"}),
            ("2", {"I1": RISK, "I3": RISK}),
        ],
        6: [
            (
                "1",
                {"I1": indicator("Share informed", ["sex"]), "I3": indicator("Cost", ["destination"])},
                False,
            ),
            (
                "1",
                {
                    "I1": indicator("Share informed", ["sex", "age", "migratory status"]),
                    "I3": indicator("Cost", ["destination"], "6.8%"),
                },
            ),  # fmt: skip
        ],
    },
    "Team Oak": {
        1: [
            ("1", "Ministry of Foreign Affairs"),
            ("2", "An inter-ministerial steering committee with a technical working group"),
            ("3", ["S03", "S01", "S02", "S05", "S07", "S08", "S12"]),
        ],
        2: [("3", ["D1", "D5"])],
        3: [("1", ["I3", "I6", "I1"]), ("2", {i: RISK for i in ("I3", "I6", "I1")})],
        4: [("2", {"I3": "F1", "I6": "F4", "I1": "F3"}, False), ("2", {"I3": "F1", "I6": "F1", "I1": "F3"})],
        5: [("1", {"I3": "S06", "I6": "S05", "I1": "S03"}), ("2", {i: RISK for i in ("I3", "I6", "I1")})],
        6: [
            (
                "1",
                {
                    "I3": indicator("Cost", ["destination"]),
                    "I6": indicator("Published", ["sex", "age", "migratory status"], "0"),
                    "I1": indicator("Share informed", ["sex"]),
                },
            )
        ],  # fmt: skip
    },
}


def play(tmp_path, group: str) -> Capstone:
    """Play every stage of ``group``'s path; return stage 6's helper."""
    for number in range(1, 7):
        ex, cap = stage(tmp_path, number)
        if number == 1:
            cap.start(group)
        if number == 2:
            sit = cap.situation()
            women = (
                100
                * sum(sit.value(r) for r in ("E1", "E3", "E5"))
                / sum(sit.value(f"E{i}") for i in range(1, 7))
            )
            assert ex.check("1", women).correct
        if number == 3:
            assert ex.check("3", ITEMS).correct
        if number == 4:
            assert ex.check("1", cap.situation().envelope()).correct
        if number == 6:
            choice = ex.taskfile.tasks["2"].right_options({})[0]
            assert ex.check("2", choice).correct
        for task, answer, *expected in PATHS[group][number]:
            feedback = ex.check(task, answer)
            assert feedback.correct == (expected or [True])[0], (
                f"{group}, stage {number}, task {task}: {feedback}"
            )
    return cap


def test_a_group_name_gives_one_stable_event_per_slot():
    events = draw_events("Group Delta")
    assert list(events["slot"]) == [2, 3, 4, 5, 6]
    assert list(events["event_id"]) == list(draw_events("Group Delta")["event_id"])
    assert list(events["event_id"]) == list(draw_events("  group   DELTA ")["event_id"]), (
        "case and spaces ignored"
    )
    paths = {tuple(draw_events(f"Group {n}")["event_id"]) for n in range(30)}
    assert len(paths) > 10, "different names lead to different paths"


def test_events_change_what_a_later_stage_reads():
    before, after = situation("Group Delta", 3), situation("Group Delta", 4)  # E07: budget cut of 30%
    budget = load("capstone_budget").set_index("source_id")
    assert before.sources.loc["F1", "amount_usd"] == budget.loc["F1", "amount_usd"]
    assert after.sources.loc["F1", "amount_usd"] == pytest.approx(0.7 * budget.loc["F1", "amount_usd"])
    merged = situation("Group Delta", 5)  # E10: the labour ministry is merged
    assert "S02" not in merged.stakeholders.index and "S15" in merged.stakeholders.index
    assert "S15" not in situation("Group Delta", 4).stakeholders.index


def test_a_later_stage_says_which_stage_to_do_first(tmp_path):
    ex, cap = stage(tmp_path, 4)
    feedback = ex.check("2", {"I1": "F3"})
    assert not feedback.correct and "capstone-1-getting-ready" in feedback.message
    assert "capstone-1-getting-ready" in str(cap)
    assert str(cap.events()), "shown without a traceback"


def test_a_reflection_alone_does_not_count_as_a_done_stage(tmp_path):
    first, _ = stage(tmp_path, 1)
    first.progress.answers["reflection"] = {"answer": "We argued about the chair.", "status": "saved"}
    first.progress.save()
    ex, _ = stage(tmp_path, 2)
    assert "capstone-1-getting-ready" in ex.check("3", ["D1", "D4"]).message


def test_answers_of_the_wrong_shape_are_explained(tmp_path):
    ex, cap = stage(tmp_path, 1)
    cap.start("Group Delta")
    feedback = ex.check("3", "S01, S02")
    assert not feedback.correct and "square brackets" in feedback.message
    assert "S99" in ex.check("3", ["S01", "S99"]).message


def test_all_stages_share_one_file_and_keep_each_others_answers(tmp_path):
    first, cap = stage(tmp_path, 1)
    cap.start("Team Oak")
    second, _ = stage(tmp_path, 2)  # opened before stage 1 saved anything more
    first.check("3", ["S01", "S07", "S08", "S05", "S02"])
    second.check("3", ["D1", "D4"])
    content = json.loads((tmp_path / "capstone.answers.json").read_text(encoding="utf-8"))
    assert set(content["stages"]) == {STAGES[0], STAGES[1]}
    assert content["stages"][STAGES[0]]["settings"]["group"] == "Team Oak"
    assert not list(tmp_path.glob("*/*.answers.json")), "no file per stage"


def test_a_damaged_shared_file_is_kept_aside_and_announced(tmp_path):
    (tmp_path / "capstone.answers.json").write_text("{not json", encoding="utf-8")
    ex, cap = stage(tmp_path, 3)
    assert ex.progress.damaged and "damaged" in str(ex)
    assert list(tmp_path.glob("capstone.answers.damaged-*.json"))
    assert not ex.check("1", ["I1", "I2", "I3"]).correct, "says to do stage 1 first, no traceback"


@pytest.mark.parametrize("group", list(PATHS))
def test_a_complete_path_carries_decisions_forward_and_ends_in_a_coherent_plan(tmp_path, group):
    cap = play(tmp_path, group)
    assert all(result.ok for result in coherence(cap)), [r.message for r in coherence(cap)]
    priorities = PATHS[group][3][0][1]
    assert Exercise(STAGES[2], folder=tmp_path / STAGES[2]).saved("1") == priorities, "restored next session"
    funding = [answer for task, answer, *ok in PATHS[group][4] if not ok][-1]
    costs = load("capstone_interventions").set_index("intervention_id")["cost_usd"]
    total = sum(int(costs[p]) for p, source in funding.items() if source != "later")
    docx, page = write_docx(cap, tmp_path / "plan.docx"), write_html(cap, tmp_path / "plan.html")
    document = Document(str(docx))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    cells = {cell.text for grid in document.tables for row in grid.rows for cell in row.cells}
    text = page.read_text(encoding="utf-8")
    plan_words = words()["plan"]
    for key in ("situation", "priorities", "results", "budget", "coordination", "scorecard"):
        assert plan_words[key] in headings and plan_words[key] in text
    assert f"{total:,}" in cells and f"{total:,}" in text, "the budget total follows the decisions"
    assert all(f"{p} " in text for p in priorities) and "FICTIONAL" in text
    assert "<script" not in text and "http" not in text.split("</style>")[0], "self-contained"
    assert cap.group == group


def test_the_three_paths_meet_different_events():
    assert len({tuple(draw_events(group)["event_id"]) for group in PATHS}) == len(PATHS)


def test_coherence_flags_what_is_missing(tmp_path):
    cap = play(tmp_path, "Team Oak")
    ex, _ = stage(tmp_path, 1)
    ex.progress.answers["3"]["answer"] = ["S01", "S03", "S05", "S02", "S12"]  # nobody affected
    ex.progress.save()
    ex6, cap = stage(tmp_path, 6)
    failed = {r.key for r in coherence(cap) if not r.ok}
    assert failed == {"consulted"}
