"""Capstone stage 4 (FICTIONAL Tessaria): cost within the envelope, sources of funds. Logic only."""

from migdev.capstone import current, table
from migdev.data import load
from migdev.rules import detail, funded, funding, menu


def check_envelope(task, answer):
    cap = current()
    return cap.judge(task, answer, lambda a: _as_rule(task.check_number(a, cap.situation().envelope())))


def _as_rule(feedback):
    return feedback.correct, feedback.message, feedback.details


def check_funding(task, answer):
    cap = current()

    def rule(answer):
        priorities = [str(p).upper() for p in cap.decision(3, "1", [])]
        allocation = {k: str(v).upper() for k, v in table(answer, '{"I1": "F3", "I3": "later"}').items()}
        situation = cap.situation()
        problems, cost = funding(priorities, allocation, situation)
        if problems:
            return False, " ".join(problems), []
        paid = funded(priorities, allocation)
        deferred = [p for p in priorities if p not in paid]
        remarks = [detail("left_over", amount=situation.envelope() - cost)]
        if deferred:
            asks = load("capstone_consultations")
            groups = ", ".join(asks.loc[asks["asks_for"].isin(deferred), "group"]) or "-"
            titles = "; ".join(menu().loc[deferred, "title"])
            remarks.append(detail("deferred", titles=titles, groups=groups))
        return True, detail("funding_fits", cost=cost, envelope=situation.envelope()), remarks

    return cap.judge(task, answer, rule)
