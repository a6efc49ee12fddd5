"""Workshop agendas built from the timings the content records once (logic only, no words).

A module's teaching minutes are its front matter (``minutes: {teaching: N}``); an exercise's minutes
are ``minutes`` in its ``tasks.yaml``. The formats (day plans, breaks, module choice, every label)
are ``book/instructors/agendas.yaml``. ``build(spec, timings, format_id)`` places each module
session (teaching, then its exercises) into days: a session that would end after the day's end
moves whole to the next day; a break falls at the boundary between two activities nearest to its
time. A format that cannot hold its modules raises ``AgendaError`` naming the format.

The capstone is one more session, named ``capstone`` in a format's ``modules``: the plenary items
``before`` and ``after`` of the ``capstone`` entry of ``agendas.yaml`` around the six stages, whose
minutes are ``minutes`` in ``exercises/capstone-*/tasks.yaml``.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "book" / "instructors" / "agendas.yaml"
HEADING = re.compile(r"^# (.+)$", re.MULTILINE)
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the task files are long: parse them in C
CAPSTONE = "capstone"  # the session of the capstone's stages (exercises/capstone-*)


class AgendaError(ValueError):
    """A format that is malformed or cannot hold its modules."""


@dataclass(frozen=True)
class Activity:
    kind: str  # "teaching", "exercise", "stage" (of the capstone), "plenary" or "break"
    doc: str  # the page it links to ("" for a break)
    minutes: int
    label: str = ""  # a break's or a plenary's label


@dataclass(frozen=True)
class Row:
    start: int  # minutes after midnight
    end: int
    activity: Activity


@dataclass
class Day:
    number: int
    rows: list[Row] = field(default_factory=list)

    @property
    def work(self) -> int:
        return sum(r.activity.minutes for r in self.rows if r.activity.kind != "break")

    @property
    def breaks(self) -> int:
        return sum(r.activity.minutes for r in self.rows if r.activity.kind == "break")


@dataclass
class Agenda:
    format_id: str
    title: str
    start: int
    end: int
    days: list[Day]


# --- timings ---------------------------------------------------------------------------------


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1]) if text.startswith("---\n") else {}


def exercise_activities(root: Path, prefix: str, kind: str) -> list[Activity]:
    """The exercises whose folder starts with ``prefix``, in folder order, with their minutes."""
    activities = []
    for tasks in sorted((root / "exercises").glob(f"{prefix}-*/tasks.yaml")):
        minutes = yaml.load(tasks.read_text(encoding="utf-8"), Loader=LOADER).get("minutes")
        if not isinstance(minutes, int):
            raise AgendaError(f"{tasks.relative_to(root)}: no `minutes: N`")
        name = tasks.parent.name
        activities.append(Activity(kind, f"exercises/{name}/{name}", minutes))
    return activities


def load_timings(root: Path = ROOT) -> dict[str, list[Activity]]:
    """Each module id -> its session: the teaching, then each of its exercises (by folder name);
    ``capstone`` -> the capstone's stages, if the course has them."""
    sessions = {}
    for module in sorted((root / "modules").glob("m[0-9][0-9]-*.md")):
        teaching = front_matter(module).get("minutes", {}).get("teaching")
        if not isinstance(teaching, int):
            raise AgendaError(f"{module.relative_to(root)}: no `minutes: {{teaching: N}}` in front matter")
        teaching = Activity("teaching", f"modules/{module.stem}", teaching)
        sessions[module.stem] = [teaching, *exercise_activities(root, module.stem[:3], "exercise")]
    stages = exercise_activities(root, CAPSTONE, "stage")
    if stages:
        sessions[CAPSTONE] = stages
    return sessions


def title(doc: str, root: Path = ROOT) -> str:
    """A page's title: its first level-one heading."""
    found = HEADING.search((root / f"{doc}.md").read_text(encoding="utf-8"))
    return found.group(1).strip() if found else doc


# --- formats ---------------------------------------------------------------------------------


def load_spec(path: Path = SPEC) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def clock(text: str, where: str) -> int:
    found = re.fullmatch(r"([01]\d|2[0-3]):([0-5]\d)", str(text))
    if not found:
        raise AgendaError(f"{where}: {text!r} is not a time like 09:00")
    return int(found.group(1)) * 60 + int(found.group(2))


def hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def module_ids(spec: dict, fmt: dict, format_id: str) -> list[str]:
    sets = {**spec.get("module_sets", {}), "priorities": spec.get("priorities", [])}
    ids = []
    for name in fmt.get("modules") or []:
        ids.extend(sets.get(name, [name]))
    if not ids:
        raise AgendaError(f"format {format_id!r}: no modules")
    if len(ids) != len(set(ids)):
        raise AgendaError(f"format {format_id!r}: a module is listed twice")
    return ids


def session(spec: dict, timings: dict[str, list[Activity]], module: str, format_id: str) -> list[Activity]:
    """The activities of one session: a module's, or the capstone's stages between its plenaries."""
    if module not in timings:
        raise AgendaError(f"format {format_id!r}: no module {module!r} with timings")
    if module != CAPSTONE:
        return timings[module]
    plenaries = spec.get(CAPSTONE, {})
    try:
        before, after = (
            [Activity("plenary", str(p["doc"]), int(p["minutes"]), str(p["label"])) for p in plenaries[part]]
            for part in ("before", "after")
        )
    except (KeyError, TypeError, ValueError) as error:
        raise AgendaError(
            f"format {format_id!r}: `capstone` needs `before` and `after` items with a label, minutes and a doc"
        ) from error
    return [*before, *timings[CAPSTONE], *after]


def _format(spec: dict, format_id: str) -> tuple[dict, dict]:
    fmt = spec.get("formats", {}).get(format_id)
    if not isinstance(fmt, dict):
        raise AgendaError(f"format {format_id!r}: not in the formats of {SPEC.name}")
    for key in ("title", "days", "day_plan", "modules"):
        if key not in fmt:
            raise AgendaError(f"format {format_id!r}: `{key}` is missing")
    if not isinstance(fmt["days"], int) or fmt["days"] < 1:
        raise AgendaError(f"format {format_id!r}: `days` must be a whole number of days, 1 or more")
    plan = spec.get("day_plans", {}).get(fmt["day_plan"])
    if not isinstance(plan, dict):
        raise AgendaError(f"format {format_id!r}: no day plan named {fmt['day_plan']!r}")
    return fmt, plan


# --- placing ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Clock:
    """Where a day stands: the time, the breaks still to come and the rows placed so far."""

    now: int
    pending: tuple[Activity, ...]
    due: tuple[int, ...]  # the `at` time of each pending break
    since_pause: bool = False  # an activity has run since the day's start or the last break
    rows: tuple[Row, ...] = ()


def _add(state: _Clock, activity: Activity) -> _Clock:
    if state.pending and state.since_pause:
        at = state.due[0]
        ends = state.now + activity.minutes
        # The break falls at the boundary nearest its time: before this activity, or after it.
        if state.now >= at or (ends > at and at - state.now <= ends - at):
            pause = Row(state.now, state.now + state.pending[0].minutes, state.pending[0])
            state = replace(
                state,
                now=pause.end,
                pending=state.pending[1:],
                due=state.due[1:],
                since_pause=False,
                rows=(*state.rows, pause),
            )
    row = Row(state.now, state.now + activity.minutes, activity)
    return replace(state, now=row.end, since_pause=True, rows=(*state.rows, row))


def _place(state: _Clock, session: list[Activity]) -> _Clock:
    for activity in session:
        state = _add(state, activity)
    return state


def build(spec: dict, timings: dict[str, list[Activity]], format_id: str) -> Agenda:
    """The agenda of one format; raises AgendaError if the format is malformed or too short."""
    fmt, plan = _format(spec, format_id)
    where = f"format {format_id!r}, day plan {fmt['day_plan']!r}"
    start, end = clock(plan.get("start"), where), clock(plan.get("end"), where)
    if end <= start:
        raise AgendaError(f"{where}: the day ends before it starts")
    try:
        timed = sorted(
            (
                (clock(b["at"], where), Activity("break", "", int(b["minutes"]), str(b["label"])))
                for b in plan.get("breaks", [])
            ),
            key=lambda pair: pair[0],
        )
    except (KeyError, TypeError, ValueError) as error:
        raise AgendaError(f"{where}: each break needs a label, minutes and an `at` time") from error
    fresh = _Clock(start, tuple(b for _, b in timed), tuple(at for at, _ in timed))

    days, state = [], fresh
    for module in module_ids(spec, fmt, format_id):
        activities = session(spec, timings, module, format_id)
        placed = _place(state, activities)
        if placed.now > end and state.rows:  # does not fit today: the whole session moves on
            days.append(state.rows)
            placed = _place(fresh, activities)
        if placed.now > end:
            minutes = sum(a.minutes for a in activities)
            raise AgendaError(
                f"format {format_id!r}: module {module!r} ({minutes} minutes) does not fit in one day"
            )
        state = placed
    days.append(state.rows)
    if len(days) > fmt["days"]:
        raise AgendaError(f"format {format_id!r}: its modules need {len(days)} days but it has {fmt['days']}")
    return Agenda(format_id, fmt["title"], start, end, [Day(n, list(rows)) for n, rows in enumerate(days, 1)])


def build_all(spec: dict | None = None, timings: dict | None = None) -> dict[str, Agenda]:
    spec = load_spec() if spec is None else spec
    timings = load_timings() if timings is None else timings
    return {format_id: build(spec, timings, format_id) for format_id in spec["formats"]}


# --- output ----------------------------------------------------------------------------------


def table_rows(agenda: Agenda, words: dict, name) -> list[list]:
    """The agenda's rows, [day, time, activity, minutes], as the page and the CSV show them;
    ``name(activity)`` gives the activity's cell (words for the CSV, a link in the book)."""
    rows = []
    for day in agenda.days:
        label = words["day"].format(number=day.number)
        for row in day.rows:
            time = words["time"].format(start=hhmm(row.start), end=hhmm(row.end))
            rows.append([label, time, name(row.activity), row.activity.minutes])
    return rows


def csv_text(agenda: Agenda, words: dict, root: Path = ROOT) -> str:
    """The agenda as CSV: the same columns and words as the page's table."""

    def name(activity) -> str:
        if activity.kind == "break":
            return activity.label
        return f"{words[activity.kind]} {activity.label or title(activity.doc, root)}"

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(words["columns"])
    writer.writerows(table_rows(agenda, words, name))
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """``python -m tools.agendas [format ...]``: print the agendas as CSV (all formats by default)."""
    import sys

    spec = load_spec()
    timings = load_timings()
    for format_id in (sys.argv[1:] if argv is None else argv) or list(spec["formats"]):
        sys.stdout.write(csv_text(build(spec, timings, format_id), spec["words"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
