"""Capstone stage 5 (FICTIONAL Tessaria): who does what, and the risks. Logic only."""

from migdev.capstone import current, table
from migdev.rules import detail, leads, paid, risks


def check_leads(task, answer):
    cap = current()

    def rule(answer):
        situation = cap.situation()
        chosen = {k: str(v).upper() for k, v in table(answer, '{"I1": "S02"}').items()}
        problems, remarks = leads(paid(cap), chosen, situation)
        first = next(
            (c for c, (_, _) in situation.merged.items() if situation.name(c) == cap.decision(1, "1")), None
        )
        if first:
            remarks.append(
                detail(
                    "first_lead_merged",
                    old=situation.name(first),
                    new=situation.name(situation.successor(first)),
                )
            )
        if problems:
            return False, " ".join(problems), remarks
        named = ", ".join(f"{p} {situation.name(chosen[p])}" for p in paid(cap))
        return True, detail("leads_set", leads=named), remarks

    return cap.judge(task, answer, rule)


def check_risks(task, answer):
    cap = current()

    def rule(answer):
        problems = risks(paid(cap), table(answer, '{"I1": "risk ... response ..."}'))
        if problems:
            return False, " ".join(problems), []
        return True, detail("risks_set", priorities=", ".join(paid(cap))), []

    return cap.judge(task, answer, rule)
