"""Exercise 3.2: score a design of Kestrana's (FICTIONAL) coordination mechanism and assemble its
terms of reference (logic only; every word, the template included, is in tasks.yaml)."""

import html
import os
from collections.abc import Mapping
from contextlib import suppress
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd
from IPython.display import HTML

from migdev.display import Table
from migdev.feedback import Feedback, correct, not_yet
from migdev.reading import describe
from migdev.taskfile import Task, TaskFile, texts
from migdev.text import say

TOR_FILE = "coordination-mechanism-tor.md"
CHOICE_TASKS = ["1", "3", "4", "5", "6"]  # the parts scored by their option's points
MAXIMUM, TOP = 12, 2  # the most points of the design and of each part
SCORE_FLOORS = [(10, "score_good"), (6, "score_workable"), (0, "score_weak")]
CONTEXT_LIMIT = 400
COMPARISON_COLUMNS = ["feature", "kestrana_fictional", "jamaica", "source"]
TEMPLATES = texts(__file__, keep_lines=True)  # the terms of reference, line breaks kept


@lru_cache(maxsize=1)
def _taskfile() -> TaskFile:
    return TaskFile("m03-2-coordination-mechanism", Path(__file__).parent)


def text(key: str, **values: object) -> str:
    return _taskfile().text(key, **values)


def _option(task_id: str, answer: object) -> dict | None:
    chosen = getattr(answer, "value", answer)
    return next((o for o in _taskfile().tasks[task_id].spec["options"] if o["text"] == chosen), None)


def _membership(answer: object) -> tuple[dict[str, list[str]], int, list[str], bool]:
    """(items per seat, items right, notes on misplaced items, whether anything was placed)."""
    task = _taskfile().tasks["2"]
    given = getattr(answer, "value", answer)
    given = given if isinstance(given, Mapping) else {}
    seats = {seat: [] for seat in task.categories}
    right, notes = 0, []
    for item, (expected, why) in task.key().items():
        chosen = given.get(item)
        if isinstance(chosen, str) and chosen in seats:
            seats[chosen].append(item)
            right += chosen == expected
            if chosen != expected:
                notes.append(text("note_misplaced", part=text("part_2"), item=item, chosen=chosen, why=why))
    placed = any(seats.values())
    if placed and sum(len(v) for v in seats.values()) < len(task.items):
        notes.append(text("note_unplaced", part=text("part_2")))
    return seats, right, notes, placed


def _parts(answers: tuple) -> list[tuple]:
    """(task, part, chosen text or "[not yet chosen]", points, notes) for the six parts, from the
    answers (chair, members, mandate, meetings, reporting, secretariat; those missing: None)."""
    chair, members, *others = (*answers, *[None] * 6)[:6]
    rows = []
    for task_id, answer in zip(CHOICE_TASKS, [chair, *others], strict=True):
        option, part = _option(task_id, answer), text(f"part_{task_id}")
        if option is None:
            option, notes = {"text": text("not_chosen"), "points": 0}, [text("note_not_chosen", part=part)]
        else:
            notes = [text("note_weaker", part=part, why=option["explanation"])] * (option["points"] < TOP)
        rows.append((task_id, part, option["text"], option["points"], notes))
    _, right, notes, placed = _membership(members)
    chosen = text("membership_placed", right=right, count=len(_taskfile().tasks["2"].items))
    if not placed:
        chosen, notes = text("not_chosen"), [text("note_not_chosen", part=text("part_2"))]
    rows.insert(1, ("2", text("part_2"), chosen, 2 if right >= 14 else 1 if right >= 10 else 0, notes))
    return rows


def design_score(*answers) -> Table:
    """The good-practice score of the answers (widgets or values: chair, members, mandate,
    meetings, reporting, secretariat); unanswered: 0."""
    parts = _parts(answers)
    total = sum(row[3] for row in parts)
    message = text(next(key for floor, key in SCORE_FLOORS if total >= floor))
    rows = [[row[1], row[2], text("score_of", points=row[3], maximum=TOP)] for row in parts]
    rows.append([text("score_total"), message, text("score_of", points=total, maximum=MAXIMUM)])
    columns = [text("score_part"), text("score_choice"), text("score_points")]
    return Table(text("score_caption"), columns, rows)


def build_tor(*answers, clause=None, clause_title=None, today: date | None = None) -> str:
    """The terms of reference filled in with the answers (widgets or values: chair, members,
    mandate, meetings, reporting, secretariat, context); an unanswered part reads "[not yet
    chosen]". ``clause`` (optional) becomes section 10."""
    parts = _parts(answers)
    keys = ["chair", "mandate", "frequency", "reporting", "secretariat"]
    filled = dict(zip(keys, [row[2] for row in parts if row[0] != "2"], strict=True))
    seats, _, _, placed = _membership(answers[1] if len(answers) > 1 else None)
    for key, seat in zip(["full_members", "observers", "forum_and_support"], seats.values(), strict=True):
        filled[key] = (", ".join(seat) or text("none")) if placed else text("not_chosen")
    context = getattr(answers[6], "value", answers[6]) if len(answers) > 6 else None
    filled["context"] = (context.strip() if isinstance(context, str) else "") or text("not_chosen")
    extra = ""
    if isinstance(clause, str) and clause.strip():
        title = (clause_title.strip() if isinstance(clause_title, str) else "") or text("clause_title")
        extra = "\n" + TEMPLATES["tor_clause"].format(title=title, clause=clause.strip())
    notes = "\n".join(f"- {note}" for row in parts for note in row[4]) or text("none")
    score, today = sum(row[3] for row in parts), (today or date.today()).isoformat()
    return TEMPLATES["tor"].format(date=today, extra=extra, score=score, notes=notes, **filled)


def show_tor(tor: object) -> HTML:
    shown = tor if isinstance(tor, str) else text("tor_missing")
    style = "white-space:pre-wrap;border:1px solid #d0d7de;padding:0.6em"
    return HTML(f"<pre style='{style}'>{html.escape(shown)}</pre>")


def _status(saved: bool, message: str) -> HTML:
    label, message = html.escape(text("export_saved" if saved else "export_not_saved")), html.escape(message)
    return HTML(f"<div role='status' class='migdev-export'><strong>{label}</strong> {message}</div>")


def export_tor(tor: object, folder: str | os.PathLike | None = None) -> HTML:
    """Write ``tor`` to coordination-mechanism-tor.md in ``folder`` (the notebook's folder).
    Never raises: a read-only folder, or saving switched off (MIGDEV_SAVE=0), says so."""
    if not isinstance(tor, str) or not tor.strip():
        return _status(False, text("export_empty"))
    if os.environ.get("MIGDEV_SAVE", "1") == "0":
        return _status(False, text("export_switched_off"))
    where = Path(folder) if folder is not None else Path.cwd()
    path = where / TOR_FILE
    temporary = path.with_suffix(".tmp")
    try:
        temporary.write_text(tor, encoding="utf-8")
        temporary.replace(path)
    except OSError as problem:
        with suppress(OSError):
            temporary.unlink(missing_ok=True)
        reason = problem.strerror or type(problem).__name__
        return _status(False, text("export_failed", file=TOR_FILE, folder=where, reason=reason))
    return _status(True, text("export_done", file=TOR_FILE))


def context_line(task: Task, answer: object) -> Feedback:
    """Task 7: one or two sentences, not empty and under 400 characters (not scored)."""
    line = getattr(answer, "value", answer)
    if line is None or (isinstance(line, str) and not line.strip()):
        return not_yet(task.id, task.say("empty"), task.say("empty_hint"))
    if not isinstance(line, str):
        return not_yet(task.id, task.say("not_text", described=describe(line)))
    if len(line) >= CONTEXT_LIMIT:
        message = task.say("too_long", length=len(line), limit=CONTEXT_LIMIT)
        return not_yet(task.id, message, task.say("too_long_hint"))
    return correct(task.id, task.say("ready", length=len(line)))


def clause_added(task: Task, answer: object, tor: object = None) -> Feedback:
    """Going further 1: the learner's clause is section 10 of the terms of reference ``tor``."""
    clause = getattr(answer, "value", answer)
    if clause is None:
        return not_yet(task.id, say("missing"), task.say("hint_missing"))
    if not isinstance(clause, str):
        return not_yet(task.id, task.say("not_text", described=describe(clause)))
    if not clause.strip():
        return not_yet(task.id, task.say("empty"))
    if not isinstance(tor, str):
        return not_yet(task.id, task.say("no_tor"), task.say("no_tor_hint"))
    heading, review = tor.find("\n10. "), tor.find("\n9. ")
    if heading < 0 or (review >= 0 and heading < review):
        return not_yet(task.id, task.say("no_section"), task.say("no_section_hint"))
    if " ".join(clause.split()) not in " ".join(tor[heading:].split()):
        return not_yet(task.id, task.say("not_in_section"), task.say("not_in_section_hint"))
    return correct(task.id, task.say("right"))


def comparison_table(task: Task, answer: object) -> Feedback:
    """Going further 2: a table comparing the design with Jamaica's, every cell filled."""
    if answer is None:
        return not_yet(task.id, say("missing"), task.say("hint_missing"))
    if not isinstance(answer, pd.DataFrame):
        return not_yet(task.id, task.say("not_table", described=describe(answer)))
    missing = [c for c in COMPARISON_COLUMNS if c not in answer.columns]
    if missing:
        return not_yet(task.id, task.say("missing_columns", columns=", ".join(missing)))
    if len(answer) < 4:
        return not_yet(task.id, task.say("too_few_rows", rows=len(answer)))
    cells = answer[COMPARISON_COLUMNS].to_numpy().ravel()
    empty = sum(not isinstance(v, str) or not v.strip() for v in cells)
    if empty:
        return not_yet(task.id, task.say("empty_cells", count=empty))
    return correct(task.id, task.say("right", rows=len(answer)))
