"""The capstone's coherence rules, shared by the stages' checks and the score card of stage 6.

Each rule reads decisions (plain lists and tables of codes) and a ``Situation`` and returns the
sentences that describe what is missing; an empty list means the rule holds. Words live in
``capstone.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass

from migdev.capstone import (
    AFFECTED,
    INDICATOR_FIELDS,
    LATER,
    LOCAL,
    SDG_17_18,
    Capstone,
    Missing,
    Situation,
    enough_words,
    say,
)
from migdev.data import load


def detail(key: str, **values: object) -> str:
    return say("details", key, **values)


def menu():
    return load("capstone_interventions").set_index("intervention_id")


def at_table(members: list[str], lead: str | None, situation: Situation) -> tuple[list[str], list[str]]:
    """(what is missing at the table, remarks on trade-offs)."""
    people = load("capstone_stakeholders").set_index("stakeholder_id")
    types = set(people.loc[[m for m in members if m in people.index], "type"])
    missing = []
    if not types & set(AFFECTED):
        missing.append(detail("needs_at_table"))
    if not types & set(LOCAL):
        missing.append(detail("local_government_at_table"))
    remarks = []
    if lead and lead not in members:
        missing.append(detail("lead_not_at_table", lead=situation.name(lead)))
    if "S05" not in members:
        remarks.append(detail("statistics_at_table"))
    return missing, remarks


def funding(priorities: list[str], allocation: dict, situation: Situation) -> tuple[list[str], float]:
    """(problems with the funding plan, cost of the funded priorities)."""
    interventions, sources = menu(), situation.sources
    problems = []
    unfunded = [p for p in priorities if p not in allocation]
    if unfunded:
        problems.append(detail("unfunded", missing=", ".join(unfunded)))
    asked: dict[str, float] = {}
    for priority, source in allocation.items():
        source = str(source).upper()
        if source == LATER.upper() or priority not in interventions.index:
            continue
        if source not in sources.index:
            problems.append(say("messages", "unknown_codes", codes=source))
            continue
        eligible = sources.loc[source, "eligible"]
        if eligible != "any" and priority not in eligible.split(";"):
            problems.append(
                detail(
                    "not_eligible",
                    source=sources.loc[source, "source"],
                    intervention=priority,
                    eligible=eligible,
                )
            )
        if sources.loc[source, "status"] != "committed":
            problems.append(detail("pledged", source=sources.loc[source, "source"]))
        asked[source] = asked.get(source, 0.0) + float(interventions.loc[priority, "cost_usd"])
    for source, amount in asked.items():
        if source in sources.index and amount > sources.loc[source, "amount_usd"]:
            problems.append(
                detail(
                    "over_source",
                    source=sources.loc[source, "source"],
                    asked=amount,
                    amount=sources.loc[source, "amount_usd"],
                )
            )
    return problems, sum(asked.values())


def funded(priorities: list[str], allocation: dict) -> list[str]:
    return [p for p in priorities if str(allocation.get(p, LATER)).upper() != LATER.upper()]


def leads(priorities: list[str], chosen: dict, situation: Situation) -> tuple[list[str], list[str]]:
    """(problems with the leads, remarks on unusual leads)."""
    interventions = menu()
    problems, remarks = [], []
    missing = [p for p in priorities if not chosen.get(p)]
    if missing:
        problems.append(detail("no_lead", missing=", ".join(missing)))
    for priority, lead in chosen.items():
        lead = str(lead).upper()
        if lead in situation.merged:
            new, event = situation.merged[lead]
            problems.append(
                detail("lead_merged", old=situation.name(lead), new=situation.name(new), event=event)
            )
        elif lead not in situation.stakeholders.index:
            problems.append(say("messages", "unknown_codes", codes=lead))
        elif priority in interventions.index:
            options = interventions.loc[priority, "lead_options"].split(";")
            usual = {situation.successor(o) for o in options}
            if lead not in usual:
                names = ", ".join(situation.name(o) for o in sorted(usual))
                remarks.append(
                    detail("lead_unusual", lead=situation.name(lead), intervention=priority, options=names)
                )
    return problems, remarks


def risks(priorities: list[str], chosen: dict) -> list[str]:
    missing = [p for p in priorities if not enough_words(chosen.get(p))]
    return [detail("no_risk", missing=", ".join(missing))] if missing else []


def indicators(priorities: list[str], chosen: dict, situation: Situation) -> tuple[list[str], list[str]]:
    """(problems: incomplete indicators, remarks on baselines)."""
    interventions = menu()
    problems, remarks = [], []
    for priority in priorities:
        entry = chosen.get(priority)
        entry = entry if isinstance(entry, dict) else {}
        empty = [f for f in INDICATOR_FIELDS if not entry.get(f)]
        if empty:
            problems.append(detail("indicator_fields", intervention=priority, fields=", ".join(empty)))
            continue
        gap = interventions.loc[priority, "baseline_gap"] if priority in interventions.index else None
        if isinstance(gap, str) and gap:
            closed = situation.gaps.loc[gap, "closed_by"]
            to_collect = "collect" in str(entry["baseline"]).lower()
            if closed and to_collect:
                remarks.append(detail("baseline_closed", intervention=priority, event=closed))
            elif not closed:
                key = "baseline_open" if to_collect else "baseline_unsupported"
                remarks.append(detail(key, intervention=priority, gap=gap))
    return problems, remarks


def breakdowns(entry: object) -> set[str]:
    value = entry.get("disaggregation", []) if isinstance(entry, dict) else []
    value = value.split(",") if isinstance(value, str) else value
    return {str(v).strip().lower() for v in value}


def disaggregation_missing(chosen: dict) -> list[str]:
    """The 17.18 breakdowns that no single indicator has all of ([] when one has all three)."""
    best = max((breakdowns(e) & set(SDG_17_18) for e in chosen.values()), key=len, default=set())
    return [b for b in SDG_17_18 if b not in best]


@dataclass
class Result:
    """One coherence check: its key in capstone.yaml, whether it holds, and what it says."""

    key: str
    ok: bool
    message: str

    @property
    def title(self) -> str:
        from migdev.capstone import words

        return str(words()["coherence"][self.key]["title"])


def result(key: str, ok: bool, **values: object) -> Result:
    from migdev.capstone import words

    text = words()["coherence"][key]["ok" if ok else "not"].format(**values)
    return Result(key, ok, " ".join(text.split()))


def coherence(cap: Capstone) -> list[Result]:
    """The five coherence checks across the stages (a stage not done raises Missing)."""
    situation = cap.situation()
    first, fourth, fifth, sixth = cap.answers(1), cap.answers(4), cap.answers(5), cap.answers(6)
    priorities = [str(p).upper() for p in cap.answers(3).get("1", [])]
    allocation = upper_keys(fourth.get("2"))
    paid = funded(priorities, allocation)
    chosen = upper_keys(sixth.get("1"))
    incomplete, _ = indicators(paid, chosen, situation)
    money, cost = funding(priorities, allocation, situation)
    lacking = disaggregation_missing({p: chosen.get(p) for p in paid})
    absent, _ = at_table([str(m).upper() for m in first.get("3", [])], None, situation)
    wrong_leads, _ = leads(paid, upper_keys(fifth.get("1")), situation)
    wrong_leads += risks(paid, upper_keys(fifth.get("2")))
    return [
        result("indicator", not incomplete, missing=" ".join(incomplete)),
        result("budget", not money, cost=cost, envelope=situation.envelope(), problem=" ".join(money)),
        result("disaggregation", not lacking, missing=", ".join(lacking)),
        result("consulted", not absent, missing="; ".join(absent)),
        result("lead_risk", not wrong_leads, problem=" ".join(wrong_leads)),
    ]


def paid(cap: Capstone) -> list[str]:
    """The priorities chosen at stage 3 that stage 4 funds (stages 5 and 6 plan for these)."""
    priorities = [str(p).upper() for p in cap.decision(3, "1", [])]
    return funded(priorities, upper_keys(cap.decision(4, "2", {})))


def upper_keys(value: object) -> dict:
    return {str(k).strip().upper(): v for k, v in value.items()} if isinstance(value, dict) else {}


__all__ = ["Missing", "Result", "coherence"]
