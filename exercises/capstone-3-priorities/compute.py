"""Capstone stage 3 (FICTIONAL Tessaria): choose and justify priorities. Logic only."""

from migdev.capstone import codes, current, enough_words, table
from migdev.data import load
from migdev.rules import detail, menu

PRIORITIES = (3, 4)


def chosen(cap) -> list[str]:
    return [str(p).upper() for p in cap.decision(3, "1", [])]


def check_priorities(task, answer):
    cap = current()

    def rule(answer):
        picked = codes(answer, list(menu().index), '["I1", "I3", "I6"]')
        low, high = PRIORITIES
        if not low <= len(picked) <= high:
            return False, detail("choose_count", minimum=low, maximum=high, count=len(picked)), []
        interventions, asks = menu(), load("capstone_consultations")
        remarks = [
            detail("not_asked", group=row.group, title=interventions.loc[row.asks_for, "title"])
            for row in asks.itertuples()
            if row.asks_for not in picked
        ] or [detail("all_asked")]
        objectives = ", ".join(str(interventions.loc[p, "gcm_objective"]) for p in picked)
        cost = float(interventions.loc[picked, "cost_usd"].sum())
        message = detail("priority_cost", cost=cost, envelope=cap.situation().envelope())
        return True, message, [detail("gcm_covered", objectives=objectives), *remarks]

    return cap.judge(task, answer, rule)


def check_justification(task, answer):
    cap = current()

    def rule(answer):
        reasons = table(answer, '{"I1": "why ...", "I3": "why ..."}')
        missing = [p for p in chosen(cap) if not enough_words(reasons.get(p))]
        if missing or not chosen(cap):
            return False, detail("no_justification", missing=", ".join(missing) or detail("no_priority")), []
        return True, detail("justified", priorities=", ".join(chosen(cap))), []

    return cap.judge(task, answer, rule)
