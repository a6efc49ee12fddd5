"""Capstone stage 6 (FICTIONAL Tessaria): indicators, the score card and the plan. Logic only."""

from migdev.capstone import SDG_17_18, current, table
from migdev.rules import detail, disaggregation_missing, indicators, paid


def check_indicators(task, answer):
    cap = current()

    def rule(answer):
        chosen = table(answer, '{"I1": {"indicator": "...", "baseline": "...", ...}}')
        problems, remarks = indicators(paid(cap), chosen, cap.situation())
        lacking = disaggregation_missing({p: chosen.get(p) for p in paid(cap)})
        if lacking:
            problems.append(detail("no_17_18", missing=", ".join(lacking)))
        if problems:
            return False, " ".join(problems), remarks
        return True, detail("indicators_set", breakdowns=", ".join(SDG_17_18)), remarks

    return cap.judge(task, answer, rule)
