"""Capstone stage 1 (FICTIONAL Tessaria): who sits at the table. Logic only; words in
migdev/capstone.yaml."""

from migdev.capstone import codes, current
from migdev.data import load
from migdev.rules import at_table, detail

TABLE_SIZE = (5, 10)


def check_table(task, answer):
    cap = current()
    people = load("capstone_stakeholders").set_index("stakeholder_id")

    def rule(answer):
        members = codes(answer, list(cap.situation().stakeholders.index), '["S01", "S07", "S08"]')
        names = people["name"].to_dict()
        lead = next((code for code, name in names.items() if name == cap.decision(1, "1")), None)
        missing, remarks = at_table(members, lead, cap.situation())
        low, high = TABLE_SIZE
        if not low <= len(members) <= high:
            judgement = detail("too_small") if len(members) < low else detail("too_large")
            missing.append(detail("table_size", count=len(members), judgement=judgement))
        message = (
            " ".join(missing)
            if missing
            else detail("table_size", count=len(members), judgement=detail("workable"))
        )
        return not missing, message, remarks

    return cap.judge(task, answer, rule)
