"""The capstone simulation: one FICTIONAL country, the Republic of Tessaria, carried through the six
stages of planning, one notebook per stage (``exercises/capstone-N-.../``).

- The stages save in one shared answers file, ``exercises/capstone.answers.json`` (see
  ``migdev.progress``); a stage's decisions are its tasks' answers.
- A group's name is the seed: a stable hash picks one event per slot (the stage before which it
  happens) from the dossier table ``capstone_events``; events change the numbers, the funding
  sources, the institutions and the data gaps that later stages read.
- Where an earlier stage has not been played, a stage says which one to do first. The web book
  (nothing is saved there) and the instructor edition (``cap.use_worked_path()`` in a solution
  cell) follow the worked path of ``capstone.yaml`` instead.

Words live in ``capstone.yaml``; this module holds logic only.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from migdev.data import load
from migdev.display import Table
from migdev.feedback import Feedback, correct, not_yet

STAGES = (
    "capstone-1-getting-ready",
    "capstone-2-situation",
    "capstone-3-priorities",
    "capstone-4-funding",
    "capstone-5-implementation",
    "capstone-6-monitoring",
)
WORDS = Path(__file__).with_name("capstone.yaml")
LATER = "later"
AFFECTED = ("migrants and diaspora",)
LOCAL = ("local government",)
SDG_17_18 = ("sex", "age", "migratory status")
INDICATOR_FIELDS = ("indicator", "baseline", "target", "source", "disaggregation")
MIN_WORDS = 6
_current: Capstone | None = None


@lru_cache(maxsize=1)
def words() -> dict:
    with WORDS.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def say(section: str, key: str, **values: object) -> str:
    return " ".join(str(words()[section][key]).format(**values).split())


class Notice:
    """A few sentences shown as a box in Jupyter and as text elsewhere."""

    def __init__(self, lines: list[str]):
        self.lines = [line for line in lines if line]

    def __str__(self) -> str:
        return "\n".join(self.lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        from migdev.feedback import NO_MATHS, safe_html

        body = "".join(f"<p>{safe_html(line)}</p>" for line in self.lines)
        return f'<div class="migdev-progress {NO_MATHS}" role="status">{body}</div>'


# ---------------------------------------------------------------------- seed and events
def normalise(group: str) -> str:
    return " ".join(str(group).split()).casefold()


def draw_events(group: str) -> pd.DataFrame:
    """One event per slot, picked by a stable hash of the group's name and the slot."""
    events = load("capstone_events")
    picked = []
    for slot, rows in events.groupby("slot", sort=True):
        rows = rows.sort_values("event_id")
        digest = hashlib.sha256(f"{normalise(group)}|{slot}".encode()).hexdigest()
        picked.append(rows.iloc[int(digest, 16) % len(rows)])
    return pd.DataFrame(picked).reset_index(drop=True)


@dataclass
class Situation:
    """Tessaria as a stage sees it: the dossier after the events that happened before it."""

    events: pd.DataFrame
    numbers: pd.DataFrame
    sources: pd.DataFrame
    stakeholders: pd.DataFrame
    gaps: pd.DataFrame
    merged: dict[str, tuple[str, str]]

    def value(self, row_id: str) -> float:
        return float(self.numbers.loc[row_id, "value"])

    def envelope(self) -> float:
        return float(self.sources.loc[self.sources["status"] == "committed", "amount_usd"].sum())

    def successor(self, stakeholder: str) -> str:
        while stakeholder in self.merged:
            stakeholder = self.merged[stakeholder][0]
        return stakeholder

    def name(self, stakeholder: str) -> str:
        return str(
            load("capstone_stakeholders").set_index("stakeholder_id")["name"].get(stakeholder, stakeholder)
        )


def situation(group: str, stage: int) -> Situation:
    """The dossier after the events of ``group`` whose slot is at most ``stage`` (a fresh copy:
    a learner may change the tables without changing the simulation)."""
    found = _situation(normalise(group), stage)
    return Situation(
        found.events.copy(),
        found.numbers.copy(),
        found.sources.copy(),
        found.stakeholders.copy(),
        found.gaps.copy(),
        dict(found.merged),
    )


@lru_cache(maxsize=32)
def _situation(group: str, stage: int) -> Situation:
    events = draw_events(group)
    events = events[events["slot"] <= stage].reset_index(drop=True)
    numbers = load("capstone_migration_numbers").set_index("row_id")
    numbers["value"] = numbers["value"].astype(float)
    sources = load("capstone_budget").set_index("source_id")
    sources["amount_usd"] = sources["amount_usd"].astype(float)
    people = load("capstone_stakeholders").set_index("stakeholder_id")
    gaps = load("capstone_data_gaps").set_index("gap_id")
    gaps["closed_by"] = ""
    merged: dict[str, tuple[str, str]] = {}
    for event in events.itertuples():
        change = float(event.value) if event.effect in ("number_change", "source_change") else 0.0
        if event.effect == "number_change":
            numbers.loc[event.target, "value"] *= 1 + change / 100
        elif event.effect == "source_change":
            sources.loc[event.target, "amount_usd"] = round(
                sources.loc[event.target, "amount_usd"] * (1 + change / 100)
            )
        elif event.effect == "source_committed":
            sources.loc[event.target, "status"] = "committed"
        elif event.effect == "merge":
            merged[event.target] = (event.value, event.title)
        elif event.effect == "gap_closed":
            gaps.loc[event.target, "closed_by"] = event.title
    created = people["appears_after_event"].fillna("")
    active = people[(created == "") | created.isin(events["event_id"])]
    active = active[~active.index.isin(list(merged))]
    return Situation(events, numbers, sources, active, gaps, merged)


# ---------------------------------------------------------------------- the stage's helper
def current() -> Capstone:
    """The capstone helper of the running notebook (made by ``Capstone(ex)``)."""
    if _current is None:
        raise RuntimeError("Capstone(ex) has not been created in this notebook")
    return _current


class Missing(Exception):
    """An earlier stage whose decisions are needed has not been done."""

    def __init__(self, number: int):
        super().__init__(number)
        self.number = number

    @property
    def message(self) -> str:
        return say("messages", "stage_missing", number=self.number, name=STAGES[self.number - 1])


class Capstone:
    """The capstone side of one stage's notebook: ``cap = Capstone(ex)``."""

    def __init__(self, ex):
        global _current
        from migdev.exercise import in_book

        self.ex = ex
        self.stage = STAGES.index(ex.name) + 1
        self.worked_mode = in_book()
        _current = self

    # -------------------------------------------------------------- decisions and the seed
    def use_worked_path(self) -> None:
        """Follow the worked path for every earlier stage that has not been played here."""
        self.worked_mode = True

    def worked(self, task: str, stage: int | None = None) -> object:
        """The worked path's answer to ``task`` of ``stage`` (this stage by default)."""
        return words()["worked_path"][STAGES[(stage or self.stage) - 1]].get(str(task))

    def answers(self, stage: int) -> dict:
        """The decisions of ``stage`` ({task: answer}); raises Missing when it has none."""
        if stage == self.stage:
            found = {task: entry["answer"] for task, entry in self.ex.progress.answers.items()}
        else:
            section = self.ex.progress.others().get(STAGES[stage - 1], {})
            found = {task: entry.get("answer") for task, entry in section.get("answers", {}).items()}
        found.pop("reflection", None)
        if not found and self.worked_mode:
            found = dict(words()["worked_path"][STAGES[stage - 1]])
        if not found and stage != self.stage:
            raise Missing(stage)
        return found

    def decision(self, stage: int, task: str, default: object = None) -> object:
        """One decision of ``stage``, or ``default`` when that stage has not been done."""
        try:
            return self.answers(stage).get(str(task), default)
        except Missing:
            return default

    @property
    def group(self) -> str:
        if self.stage == 1:
            saved = self.ex.progress.settings.get("group")
        else:
            saved = self.ex.progress.others().get(STAGES[0], {}).get("settings", {}).get("group")
        if not saved and self.worked_mode:
            saved = words()["worked_path"]["group"]
        if not saved:
            raise Missing(1)
        return str(saved)

    def start(self, group: object) -> Notice:
        """Stage 1: name the group (the seed of its events) and save it."""
        if not isinstance(group, str) or not group.strip():
            return Notice([say("messages", "no_group")])
        self.ex.progress.save_setting("group", " ".join(group.split()))
        return Notice([say("messages", "group_set", group=self.group)])

    def situation(self) -> Situation:
        """Tessaria after this group's events so far; the dossier as it was if no group is named."""
        try:
            return situation(self.group, self.stage)
        except Missing:
            return situation("", 1)

    # -------------------------------------------------------------- what the stage shows first
    def __str__(self) -> str:
        return str(self.overview())

    __repr__ = __str__

    def _repr_html_(self) -> str:
        return self.overview()._repr_html_()

    def overview(self) -> Notice:
        from migdev.exercise import in_book

        lines = []
        try:
            lines.append(say("messages", "group_is", group=self.group))
            if in_book():
                lines.append(say("messages", "worked_path", group=self.group))
            for stage in range(1, self.stage):
                self.answers(stage)
        except Missing as missing:
            lines.append(missing.message)
        return Notice(lines)

    def events(self) -> Table | Notice:
        """The events that happened before this stage."""
        try:
            happened = situation(self.group, self.stage).events
        except Missing as missing:
            return Notice([missing.message])
        if happened.empty:
            return Notice([say("messages", "no_events")])
        shown = happened[["slot", "title", "what_happens"]]
        return Table.of(shown, say("messages", "events_caption"), index=False)

    # -------------------------------------------------------------- checks (called by compute.py)
    def judge(self, task, answer, rule) -> Feedback:
        """Run ``rule(answer)`` -> (ok, message, details) once the earlier stages are done; a missing
        stage or an answer of the wrong shape is said plainly."""
        from migdev.progress import given
        from migdev.text import say as runtime_say

        if not given(answer):
            return not_yet(task.id, runtime_say("missing"), task.hint)
        try:
            for stage in range(1, self.stage):
                self.answers(stage)
            self.group  # noqa: B018 - raises Missing when no group is named
            ok, message, details = rule(answer)
        except Missing as missing:
            return not_yet(task.id, missing.message)
        except Shape as shape:
            return not_yet(task.id, shape.message, task.hint)
        return (correct if ok else not_yet)(task.id, message, details=details)


class Shape(Exception):
    """An answer of the wrong shape (a list or a table was expected)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def codes(answer: object, known: list[str], example: str) -> list[str]:
    """``answer`` as a list of known codes (upper case), or Shape."""
    if isinstance(answer, str) or not isinstance(answer, (list, tuple)):
        raise Shape(say("messages", "not_a_list", example=example, given=repr(answer)))
    found = [str(code).strip().upper() for code in answer]
    unknown = [code for code in found if code not in known]
    if unknown:
        raise Shape(say("messages", "unknown_codes", codes=", ".join(unknown)))
    return list(dict.fromkeys(found))


def table(answer: object, example: str) -> dict[str, object]:
    """``answer`` as a {CODE: value} table, or Shape."""
    if not isinstance(answer, dict):
        raise Shape(say("messages", "not_a_mapping", example=example, given=repr(answer)))
    return {str(key).strip().upper(): value for key, value in answer.items()}


def enough_words(text: object) -> bool:
    return isinstance(text, str) and len(text.split()) >= MIN_WORDS
