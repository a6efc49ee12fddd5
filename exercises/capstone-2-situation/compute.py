"""Capstone stage 2 (FICTIONAL Tessaria): what the data say and what is missing. Logic only."""

from migdev.capstone import codes, current
from migdev.rules import detail

GAPS = (2, 3)
BREAKDOWN_GAPS = ("D1", "D2", "D3")


def women_share(situation) -> float:
    women = sum(situation.value(r) for r in ("E1", "E3", "E5"))
    return 100 * women / sum(situation.value(f"E{i}") for i in range(1, 7))


def remittance_share(situation) -> float:
    return 100 * sum(situation.value(f"M{i}") for i in range(1, 5)) / situation.value("P1")


def _number(task, answer, expected):
    cap = current()
    return cap.judge(task, answer, lambda a: _as_rule(task.check_number(a, expected(cap.situation()))))


def _as_rule(feedback):
    return feedback.correct, feedback.message, feedback.details


def check_women(task, answer):
    return _number(task, answer, women_share)


def check_remittances(task, answer):
    return _number(task, answer, remittance_share)


def check_gaps(task, answer):
    cap = current()

    def rule(answer):
        gaps = cap.situation().gaps
        chosen = codes(answer, list(gaps.index), '["D1", "D4"]')
        low, high = GAPS
        if not low <= len(chosen) <= high:
            return False, detail("gaps_count", minimum=low, maximum=high, count=len(chosen)), []
        remarks = [detail("gap_consequence", gap=g, why=gaps.loc[g, "why_it_matters"]) for g in chosen]
        if not set(chosen) & set(BREAKDOWN_GAPS):
            remarks.append(detail("gap_no_disaggregation"))
        return True, remarks.pop(0), remarks

    return cap.judge(task, answer, rule)
