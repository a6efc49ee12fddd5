"""Exercise m03-2, design a coordination mechanism and export its terms of reference (FICTIONAL).

Everything about Kestrana below is FICTIONAL content written for this exercise: an invented
country, its cabinet decision, institutions and options. No data file is used. The learner's
choices are scored against good practice and assembled into a short terms-of-reference text, which
``export_tor`` writes to ``coordination-mechanism-tor.md`` next to the notebook.
"""

from __future__ import annotations

import html
import os
from collections.abc import Mapping
from datetime import date
from pathlib import Path

import ipywidgets as w
import pandas as pd

from migdev.checks import MISSING, describe
from migdev.feedback import Feedback, correct, not_yet
from migdev.tasks import TaskSet
from migdev.widgets import TextBox

TASKS = TaskSet("m03-2-coordination-mechanism")
FICTIONAL_LABEL = "FICTIONAL: invented for exercise m03-2; not a real country or document"
TOR_FILE = "coordination-mechanism-tor.md"
NOT_CHOSEN = "[not yet chosen]"
MAXIMUM = 12

CABINET_DECISION_FICTIONAL = (
    "Cabinet Decision 17 (FICTIONAL). (1) Migration shall be mainstreamed into the National "
    "Development Plan. (2) The Ministry of Planning and Development is the government focal point. "
    "(3) An Inter-Ministerial Committee on Migration and Development shall be established as a body "
    "of government ministries and national public agencies. (4) Non-state actors, local "
    "authorities and development partners shall take part through a National Migration and "
    "Development Forum and a technical support group. (5) The Minister of Planning and Development "
    "shall submit terms of reference for the Committee to Cabinet within two months."
)


class Boxed:
    """A short text in a labelled box (HTML), or as plain lines."""

    def __init__(self, label: str, text: str):
        self.label, self.text = label, text

    def __str__(self) -> str:
        return f"{self.label}\n{self.text}"

    __repr__ = __str__

    def _repr_html_(self) -> str:
        return (f"<div class='migdev-box' style='border:2px solid #6e7781;padding:0.6em 0.9em;"
                f"margin:0.4em 0'><p><strong>{html.escape(self.label)}</strong></p>"
                f"<p>{html.escape(self.text)}</p></div>")


def cabinet_decision() -> Boxed:
    return Boxed("FICTIONAL cabinet decision", CABINET_DECISION_FICTIONAL)


# ---------------------------------------------------------------- the design choices (FICTIONAL)
# For each "choose" task: the ToR section it fills, the question, and each option with its points
# (2 good practice, 1 acceptable but weaker, 0 weak) and its feedback.

CHOICES = {
    "1": ("Chair", "Who should chair the Committee?", [
        ("The Minister of Planning and Development, with the Permanent Secretary of Planning "
         "chairing technical meetings", 2,
         "The focal point's minister has the authority to convene other ministries and to report "
         "to Cabinet; a senior official can run technical sessions."),
        ("The Minister of Labour and Overseas Employment", 1,
         "Workable: this ministry knows the subject. But a line ministry chairing its peers may be "
         "seen as pushing its own agenda, and Cabinet named Planning as focal point."),
        ("The IOM Chief of Mission", 0,
         "A government committee must be chaired by government; IOM can support through the "
         "technical support group."),
        ("A different ministry at every meeting, in alphabetical order", 0,
         "A rotating chair means no one owns follow-up between meetings."),
    ]),
    "3": ("Mandate", "What is the Committee's mandate?", [
        ("Steer the mainstreaming process: guide the situation assessment, agree migration "
         "priorities for the plan, review sector plans and budgets for their migration "
         "implications, and monitor implementation", 2,
         "This covers the whole planning cycle and gives the Committee a clear role in horizontal "
         "coherence."),
        ("Exchange information on migration among ministries", 1,
         "Useful, but too weak: without a role in priorities and review, clashes between policies "
         "will not be settled."),
        ("Decide individual visa, passport and deportation cases", 0,
         "Individual cases belong to the competent authorities under the law; a planning committee "
         "should not handle them."),
        ("Implement migration projects with donor funds", 0,
         "Implementation stays with line ministries; a committee that runs projects loses its "
         "neutral, steering role."),
    ]),
    "4": ("Meetings", "How often should it meet?", [
        ("The Committee meets every quarter at senior level; a technical working group meets every "
         "month while the plan is drafted, then every quarter", 2,
         "Senior meetings stay rare enough to attract decision makers; the working group keeps "
         "momentum."),
        ("Twice a year, at senior level only", 1,
         "Workable once the plan is adopted, but too slow during drafting, when decisions are "
         "needed every few weeks."),
        ("Every week, at ministerial level", 0,
         "Ministers will not attend weekly; they will send junior staff, and the Committee will "
         "lose authority."),
        ("Only when a crisis occurs", 0,
         "Mainstreaming is systematic, not ad hoc; a crisis-only body cannot steer a plan."),
    ]),
    "5": ("Reporting", "To whom does it report?", [
        ("To Cabinet through the Minister of Planning and Development, twice a year; its annual "
         "report is shared with the Parliamentary Committee on the Economy and with the Forum", 2,
         "A political reporting line gives its recommendations somewhere to go, and sharing the "
         "report builds accountability."),
        ("To the Permanent Secretary of Planning only", 1,
         "Workable for technical matters, but decisions that involve other ministries need "
         "Cabinet."),
        ("To the donors who fund the technical support", 0,
         "Accountability to donors undermines national ownership."),
        ("No formal reporting; members inform their own ministers", 0,
         "Without a reporting line, disputes between ministries cannot be settled."),
    ]),
    "6": ("Secretariat", "Who runs the secretariat?", [
        ("The mainstreaming unit of the Ministry of Planning and Development, with named staff and "
         "a budget line", 2,
         "A permanent unit with its own budget keeps the Committee going when projects end or "
         "staff move."),
        ("A consultant paid by a donor project", 1,
         "Helpful at the start, but the secretariat should move into government before the "
         "project ends."),
        ("Each member ministry in turn", 0,
         "Rotating secretariats lose records and follow-up."),
        ("No secretariat; the chair's office sends invitations", 0,
         "Papers, minutes and follow-up need dedicated staff."),
    ]),
}
HINTS = {
    "1": "Cabinet named a focal point. Who can convene the other ministries and report to Cabinet?",
    "3": "A mandate should cover the whole planning cycle, without taking over the work of "
         "ministries or courts.",
    "4": "Think of two levels: senior meetings that decision makers attend, and technical work "
         "that keeps up with drafting.",
    "5": "Where do the Committee's recommendations go so that disputes between ministries can be "
         "settled?",
    "6": "Who keeps the papers and follow-up going after projects end or staff move?",
}


def _with_points(task_id: str) -> None:
    """Add the points of the chosen option to the choice feedback."""
    definition = TASKS.tasks[task_id]
    base = definition.check
    points = {text: value for text, value, _ in CHOICES[task_id][2]}

    def check(answer: object) -> Feedback:
        feedback = base(answer)
        chosen = getattr(answer, "value", answer)
        if isinstance(chosen, str) and chosen in points:
            feedback.message += f" This option earns {points[chosen]} of 2 points."
        return feedback

    definition.check = check


# ---------------------------------------------------------------- task 2: who sits where

FULL = "Full member"
OBSERVER = "Observer or invited when relevant"
FORUM = "Takes part through the Forum or the support group"
SEATS = [FULL, OBSERVER, FORUM]
TASK2_NOTE = ("Other countries chose differently. Jamaica's National Working Group brought "
              "government agencies and non-state actors into one structure (see the case in "
              "Module 3). In Kestrana the Cabinet chose a government committee plus a Forum; what "
              "matters is that the Forum's views reach the Committee.")
TASK2_KEY = {
    "Ministry of Planning and Development":
        (FULL, "It chairs the Committee and hosts its secretariat."),
    "Ministry of Finance":
        (FULL, "Migration measures in the plan need costing and funding."),
    "Ministry of Labour and Overseas Employment":
        (FULL, "Recruitment, protection of workers abroad and reintegration are its business."),
    "Ministry of Foreign Affairs":
        (FULL, "Consulates and agreements with destination countries."),
    "Ministry of Interior":
        (FULL, "Documents, passports and borders."),
    "Ministry of Health":
        (FULL, "Emigration of nurses makes health a priority sector in this plan."),
    "Ministry of Education":
        (FULL, "Skills, recognition of qualifications and children of migrants at school."),
    "Ministry of Local Government":
        (FULL, "It links the Committee to municipalities: the channel for vertical coherence."),
    "National Statistics Office":
        (FULL, "It is a national public agency, and the plan's data and indicators depend on it."),
    "Central Bank of Kestrana":
        (OBSERVER, "Central banks are often independent and may prefer observer status; it should "
                   "attend whenever remittances are discussed."),
    "Association of Local Authorities":
        (OBSERVER, "Not a government ministry or agency, but a standing invitation as observer "
                   "strengthens vertical coherence; it also sits in the Forum."),
    "IOM country office":
        (FORUM, "An international partner gives technical support through the support group."),
    "UNDP country office":
        (FORUM, "As for IOM: technical support, not membership of a government body."),
    "Federation of Kestranan Diaspora Associations":
        (FORUM, "Non-state actors take part through the Forum under the Cabinet decision."),
    "National Trade Union Confederation":
        (FORUM, "As a non-state actor, it takes part through the Forum."),
    "National Employers' Federation":
        (FORUM, "As a non-state actor, it takes part through the Forum."),
}
TASKS.classify("2", SEATS, TASK2_KEY,
               hint="Cabinet Decision 17 (FICTIONAL) makes the Committee a body of government "
                    "ministries and national public agencies; everyone else takes part another "
                    "way.", explain_all=True, note=TASK2_NOTE)

# Register the tasks in their order in the notebook: 1, 2, then 3 to 6.
_task2 = TASKS.tasks.pop("2")
for _task, (_section, _question, _options) in CHOICES.items():
    TASKS.choose(_task, _question, {text: why for text, _, why in _options},
                 answer=next(text for text, value, _ in _options if value == 2), hint=HINTS[_task])
    _with_points(_task)
    if _task == "1":
        TASKS.tasks["2"] = _task2

# ---------------------------------------------------------------- task 7: one line of context

DEFAULT_CONTEXT_FICTIONAL = ("Kestrana (FICTIONAL) is mainstreaming migration into its next National "
                             "Development Plan, as decided by Cabinet Decision 17 (FICTIONAL).")
CONTEXT_LIMIT = 400


def context_box(ex) -> TextBox:
    """The text area of task 7, with any saved text restored."""
    return TextBox("In one or two sentences: why is Kestrana (FICTIONAL) setting up the "
                   "Committee?", ex.saved("7") if ex is not None else None)


@TASKS.task("7", "one or two sentences of text (use the text area)")
def context_line(answer):
    text = getattr(answer, "value", answer)
    if text is None or (isinstance(text, str) and not text.strip()):
        return not_yet("7", "The text area is still empty: type one or two sentences, then run "
                            "this cell again.", "Say what Cabinet decided and why a committee is "
                                                "needed.")
    if not isinstance(text, str):
        return not_yet("7", f"You gave {describe(text)}; text is expected (use the text area).")
    if len(text) >= CONTEXT_LIMIT:
        return not_yet("7", f"Your text has {len(text)} characters; keep it under {CONTEXT_LIMIT}.",
                       "One or two short sentences are enough for the background section.")
    return correct("7", f"Your background text is ready ({len(text)} characters). It is not "
                        "scored.")


# ---------------------------------------------------------------- score and terms of reference

MESSAGES = [(10, "Your design follows good practice. Check the notes below before you share it."),
            (6, "A workable design with some weak points. See the notes below."),
            (0, "This design is likely to struggle. Review the feedback and try again.")]


def _value(answer: object) -> object:
    return getattr(answer, "value", answer)


def _option(task_id: str, answer: object) -> tuple[str, int, str] | None:
    chosen = _value(answer)
    for option in CHOICES[task_id][2]:
        if chosen == option[0]:
            return option
    return None


def _membership(answer: object) -> tuple[dict[str, list[str]], int, list[str], bool]:
    """(items per seat, items right, notes on misplaced items, whether anything was placed)."""
    given = _value(answer)
    given = given if isinstance(given, Mapping) else {}
    seats = {seat: [] for seat in SEATS}
    right, notes = 0, []
    for item, (expected, why) in TASK2_KEY.items():
        chosen = given.get(item)
        if isinstance(chosen, str) and chosen in seats:
            seats[chosen].append(item)
            if chosen == expected:
                right += 1
            else:
                notes.append(f"Membership, {item}: placed as \u201c{chosen}\u201d. {why}")
    placed = any(seats.values())
    if placed and sum(len(v) for v in seats.values()) < len(TASK2_KEY):
        notes.append("Membership: some bodies are not placed yet.")
    return seats, right, notes, placed


def _membership_points(right: int) -> int:
    return 2 if right >= 14 else 1 if right >= 10 else 0


class Score:
    """The good-practice score of a design, shown as a table (HTML) or as lines (text)."""

    def __init__(self, rows: list[tuple[str, str, int]], total: int):
        self.rows, self.total = rows, total
        self.message = next(text for floor, text in MESSAGES if total >= floor)

    def __str__(self) -> str:
        lines = [f"{part}: {points} of 2 points ({choice})" for part, choice, points in self.rows]
        return "\n".join(lines + [f"Total: {self.total} of {MAXIMUM}. {self.message}"])

    __repr__ = __str__

    def _repr_html_(self) -> str:
        body = "".join(f"<tr><td>{html.escape(part)}</td><td>{html.escape(choice)}</td>"
                       f"<td>{points} of 2</td></tr>" for part, choice, points in self.rows)
        return ("<table class='migdev-score'><caption style='text-align:left'><strong>"
                "Good-practice score of your design (FICTIONAL exercise)</strong></caption>"
                "<thead><tr><th scope='col'>Part</th><th scope='col'>Your choice</th>"
                f"<th scope='col'>Points</th></tr></thead><tbody>{body}</tbody></table>"
                f"<p role='status'><strong>Total: {self.total} of {MAXIMUM}.</strong> "
                f"{html.escape(self.message)}</p>")


def design_score(chair=None, members=None, mandate=None, meetings=None, reporting=None,
                 secretariat=None) -> Score:
    """Score the current answers (widgets or values); an unanswered part scores 0."""
    rows = []
    for task_id, answer in [("1", chair), ("3", mandate), ("4", meetings), ("5", reporting),
                            ("6", secretariat)]:
        option = _option(task_id, answer)
        rows.append((CHOICES[task_id][0], option[0] if option else NOT_CHOSEN,
                     option[1] if option else 0))
    seats, right, _, placed = _membership(members)
    rows.insert(1, ("Membership", f"{right} of {len(TASK2_KEY)} bodies placed as in the key"
                    if placed else NOT_CHOSEN, _membership_points(right)))
    return Score(rows, sum(points for _, _, points in rows))


TEMPLATE = """TERMS OF REFERENCE
Inter-Ministerial Committee on Migration and Development
Republic of Kestrana (FICTIONAL) - training exercise, not a real document
Draft of {date}

1. Background
{context}

2. Purpose and mandate
The Committee shall: {mandate}

3. Chair
{chair}

4. Membership
Full members: {full_members}
Observers or bodies invited when relevant: {observers}
Taking part through the National Migration and Development Forum or the technical support group:
{forum_and_support}
Members shall be represented by officials able to commit their institution, with a named alternate.

5. Meetings
{frequency}
The Committee may create time-bound working groups on specific themes.

6. Secretariat
{secretariat}
The secretariat prepares agendas and papers, keeps minutes and tracks follow-up.

7. Reporting
{reporting}

8. Links with the National Migration and Development Forum
The views of the Forum shall be recorded in the Committee's papers and reports, and the Committee
shall explain how it has taken them into account.

9. Review
These terms of reference shall be reviewed after two years, or when the National Development Plan
is revised.
{extra}
---
Good-practice score of this draft: {score} out of 12
Notes from the exercise:
{notes}
"""


def build_tor(chair=None, members=None, mandate=None, meetings=None, reporting=None,
              secretariat=None, context=None, clause: str | None = None,
              clause_title: str = "Additional provision", today: date | None = None) -> str:
    """The terms of reference filled in with the current answers (widgets or values).

    An unanswered part reads "[not yet chosen]". ``clause`` (optional) becomes section 10.
    """
    parts = {"chair": ("1", chair), "mandate": ("3", mandate), "frequency": ("4", meetings),
             "reporting": ("5", reporting), "secretariat": ("6", secretariat)}
    filled, notes = {}, []
    for placeholder, (task_id, answer) in parts.items():
        option = _option(task_id, answer)
        filled[placeholder] = option[0] if option else NOT_CHOSEN
        if option is None:
            notes.append(f"{CHOICES[task_id][0]}: not yet chosen.")
        elif option[1] < 2:
            notes.append(f"{CHOICES[task_id][0]}: {option[2]}")
        if task_id == "1":  # membership (task 2) comes after the chair
            seats, _, member_notes, placed = _membership(members)
            notes += member_notes if placed else ["Membership: not yet chosen."]
    for placeholder, seat in [("full_members", FULL), ("observers", OBSERVER),
                              ("forum_and_support", FORUM)]:
        filled[placeholder] = (", ".join(seats[seat]) or "none") if placed else NOT_CHOSEN
    text = _value(context)
    filled["context"] = text.strip() if isinstance(text, str) and text.strip() else NOT_CHOSEN
    extra = ""
    if isinstance(clause, str) and clause.strip():
        extra = f"\n10. {clause_title.strip() or 'Additional provision'}\n{clause.strip()}\n"
    score = design_score(chair, members, mandate, meetings, reporting, secretariat)
    return TEMPLATE.format(date=(today or date.today()).isoformat(), extra=extra,
                           score=score.total,
                           notes="\n".join(f"- {note}" for note in notes) or "none", **filled)


class Text:
    """A block of text shown as preformatted text."""

    def __init__(self, text: str):
        self.text = text

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__

    def _repr_html_(self) -> str:
        return (f"<pre style='white-space:pre-wrap;border:1px solid #d0d7de;padding:0.6em'>"
                f"{html.escape(self.text)}</pre>")


def show_tor(text: object) -> Text:
    """Show the terms of reference."""
    return Text(text if isinstance(text, str) else "No text yet: run the cell that builds it.")


class Message:
    """A one-paragraph status message."""

    def __init__(self, text: str, ok: bool):
        self.text, self.ok = text, ok

    def __str__(self) -> str:
        return ("Saved. " if self.ok else "Not saved. ") + self.text

    __repr__ = __str__

    def _repr_html_(self) -> str:
        label = "Saved." if self.ok else "Not saved."
        return (f"<div role='status' class='migdev-export'><strong>{label}</strong> "
                f"{html.escape(self.text)}</div>")


def export_tor(text: object, folder: str | os.PathLike | None = None) -> Message:
    """Write ``text`` to coordination-mechanism-tor.md in ``folder`` (the notebook's folder).

    Never raises: a read-only folder, or saving switched off (MIGDEV_SAVE=0, as in the book
    build), gives a message instead.
    """
    if not isinstance(text, str) or not text.strip():
        return Message("There is no text to export yet: run the cell that builds the terms of "
                       "reference first.", False)
    if os.environ.get("MIGDEV_SAVE", "1") == "0":
        return Message("Saving files is switched off here (MIGDEV_SAVE=0, as when the web book is "
                       "built). Copy the text shown above if you need it.", False)
    where = Path(folder) if folder is not None else Path.cwd()
    path = where / TOR_FILE
    temporary = path.with_suffix(".tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    except OSError as problem:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass
        reason = problem.strerror or type(problem).__name__
        return Message(f"The file {TOR_FILE} could not be written in {where} ({reason}); the "
                       "folder may be read-only. Copy the text shown above into a document "
                       "instead, or run the notebook from a folder where you can save files.",
                       False)
    return Message(f"Your terms of reference are in {TOR_FILE}, next to this notebook. Working in "
                   "Binder? Binder deletes files when the session ends: in the file browser on "
                   "the left, right-click the file and choose Download before you leave.", True)


# ---------------------------------------------------------------- going further


@TASKS.task("F1", "your clause as text in quotes (pass the new text as tor=)")
def clause_added(answer, tor=None):
    clause = getattr(answer, "value", answer)
    if clause is None:
        return not_yet("F1", MISSING, "Write your clause as text in quotes.")
    if not isinstance(clause, str):
        return not_yet("F1", f"You gave {describe(clause)}; your clause is expected as text in "
                             "quotes.")
    if not clause.strip():
        return not_yet("F1", "Your clause is empty: write it as text in quotes.")
    if not isinstance(tor, str):
        return not_yet("F1", "Pass the new terms of reference too: ex.check(\"F1\", my_clause, "
                             "tor=tor_10).", "Build tor_10 with build_tor(..., clause=my_clause).")
    heading = tor.find("\n10. ")
    review = tor.find("\n9. Review")
    if heading < 0 or (review >= 0 and heading < review):
        return not_yet("F1", "The text has no section 10 after section 9.",
                       "Use build_tor(..., clause=my_clause).")
    if " ".join(clause.split()) not in " ".join(tor[heading:].split()):
        return not_yet("F1", "Section 10 does not contain your clause.",
                       "Pass the same text to build_tor and to the check.")
    return correct("F1", "Your clause is section 10 of the terms of reference. Export again to "
                         "save this version.")


COMPARISON_COLUMNS = ["feature", "kestrana_fictional", "jamaica", "source"]


@TASKS.task("F2", "a table with columns feature, kestrana_fictional, jamaica, source")
def comparison_table(answer):
    if answer is None:
        return not_yet("F2", MISSING, "Build a pandas DataFrame with the four columns.")
    if not isinstance(answer, pd.DataFrame):
        return not_yet("F2", f"You gave {describe(answer)}; a table (pandas DataFrame) is "
                             "expected.")
    missing = [c for c in COMPARISON_COLUMNS if c not in answer.columns]
    if missing:
        return not_yet("F2", "Some columns are missing: " + ", ".join(missing) + ".")
    if len(answer) < 4:
        return not_yet("F2", f"Your table has {len(answer)} row(s); at least 4 are expected.")
    cells = answer[COMPARISON_COLUMNS]
    empty = int(cells.apply(lambda col: col.map(lambda v: not isinstance(v, str)
                                                or not v.strip())).to_numpy().sum())
    if empty:
        return not_yet("F2", f"{empty} cell(s) are empty or not text: fill every cell, including "
                             "the source of each Jamaica fact.")
    return correct("F2", f"Your table compares {len(answer)} features. Discuss them with your "
                         "group: which differences matter most?")
