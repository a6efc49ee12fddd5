"""Write the workshop assessment: two parallel forms, their answer key, a scoring workbook and an
end-of-workshop evaluation form.

    python -m tools.assessment OUT_DIR

The item bank is ``book/instructors/assessment/items.yaml``; every word of the files is in
``words.yaml`` and ``evaluation.yaml`` next to it. This module holds logic and layout only.

Parallel forms: the items are grouped by learning objective (module, then the objective's place in
the module's list); each group must hold pairs. Question N of Form A and question N of Form B test
the same objective, so both forms cover the same objectives with the same number of items. Within
each pair, which item goes to Form A alternates from one pair to the next, so that neither form
gets all the items that happen to be written first.

The scoring workbook holds real Excel formulas: per participant, the pre score, the post score and
the gain; per objective, the share of correct answers before and after (participants who took both
forms only). ``tests/test_assessment.py`` evaluates them with pycel on the FICTIONAL example.
"""

from __future__ import annotations

import argparse
import functools
import random
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from docx import Document
from docx.enum.text import WD_BREAK
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from tools import templates

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "book" / "instructors" / "assessment"
ANSWERS_FIRST = 5  # first participant row of the answer sheets (title, note, header, key row above)
RESULTS_HEADER = 9  # header row of the results table (title, note and the summary lines above)
OBJECTIVES_HEADER = 3


class AssessmentError(ValueError):
    """The item bank cannot be used as it is (the message says where and why)."""


@dataclass(frozen=True)
class Position:
    """Question ``number`` of both forms: one objective, one item on Form A, one on Form B."""

    number: int
    module: int
    objective: int  # 1-based place in the module's list of learning objectives
    objective_text: str
    a: dict
    b: dict


def _read(name: str) -> dict:
    return yaml.load((FOLDER / name).read_text(encoding="utf-8"), Loader=templates.LOADER)  # noqa: S506


def words() -> dict:
    return _read("words.yaml")


def bank() -> list[dict]:
    return _read("items.yaml")["items"]


def evaluation_spec() -> dict:
    return _read("evaluation.yaml")


# ----------------------------------------------------------------------------- objectives
def plain(text: str) -> str:
    """Text without Markdown emphasis, with single spaces, lower case: for comparing wordings."""
    return re.sub(r"\s+", " ", text.replace("**", "").replace("*", "")).strip().lower()


def module_page(number: int) -> Path:
    found = sorted((ROOT / "modules").glob(f"m{number:02d}-*.md"))
    if not found:
        raise AssessmentError(f"no module page modules/m{number:02d}-*.md")
    return found[0]


@functools.cache
def objectives(number: int) -> list[str]:
    """The learning objectives of a module, as listed under its "## Learning objectives"."""
    lines = module_page(number).read_text(encoding="utf-8").splitlines()
    found, inside = [], False
    for line in lines:
        if line.startswith("## "):
            inside = line.strip() == "## Learning objectives"
        elif inside and line.startswith("- "):
            found.append(line[2:].strip())
        elif inside and found and line.startswith("  ") and line.strip():
            found[-1] += " " + line.strip()
    return [text.replace("**", "").rstrip(";.") for text in found]


def objective_of(item: dict) -> int:
    """The 1-based place of the item's objective in its module's list; an error if the item's
    wording matches no objective, or more than one."""
    listed = objectives(item["module"])
    start = plain(item["objective"])
    matches = [n for n, text in enumerate(listed, start=1) if plain(text).startswith(start)]
    if len(matches) != 1:
        raise AssessmentError(
            f"item {item['id']}: objective {item['objective']!r} matches {len(matches)} objectives "
            f"of Module {item['module']} (expected exactly one)"
        )
    return matches[0]


# ----------------------------------------------------------------------------- forms
def split(items: list[dict]) -> list[Position]:
    """The parallel forms: one position per pair of items on the same objective."""
    groups: dict[tuple[int, int], list[dict]] = {}
    for item in items:
        groups.setdefault((item["module"], objective_of(item)), []).append(item)
    positions = []
    for (module, objective), group in sorted(groups.items()):
        if len(group) % 2:
            ids = ", ".join(item["id"] for item in group)
            raise AssessmentError(
                f"Module {module}, objective {objective} has {len(group)} items ({ids}); "
                "the forms need pairs: add or remove one"
            )
        text = objectives(module)[objective - 1]
        text = text[0].upper() + text[1:]  # shown as a sentence in the files and on the page
        for first, second in zip(group[::2], group[1::2], strict=True):
            a, b = (first, second) if len(positions) % 2 == 0 else (second, first)
            positions.append(Position(len(positions) + 1, module, objective, text, a, b))
    return positions


def letter(item: dict, spoken: dict) -> str:
    """The key of an item as the forms print it (A to D)."""
    return spoken["letters"]["abcd".index(item["key"])]


def form_document(positions: list[Position], form: str, spoken: dict) -> Document:
    """Form A or B: instructions, the questions, and an answer sheet on its own page."""
    said = spoken["forms"]
    doc = Document()
    doc.core_properties.title = said[form]["title"]
    doc.add_heading(said[form]["title"], level=0)
    count = len(positions)
    for line in said["intro"]:
        doc.add_paragraph(line.format(count=count, minutes=count * said["minutes_per_item"]))
    doc.add_paragraph(said["code_line"])
    for position in positions:
        item = position.a if form == "A" else position.b
        doc.add_heading(said["question"].format(number=position.number), level=2)
        doc.add_paragraph(item["stem"])
        for mark, option in zip(spoken["letters"], item["options"], strict=True):
            doc.add_paragraph(f"{mark}. {option}")
    doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading(said["answer_sheet"], level=1)
    doc.add_paragraph(said["code_line"])
    doc.add_paragraph(said["answer_sheet_note"])
    _table(doc, said["answer_header"], [[str(p.number), ""] for p in positions])
    return doc


def key_document(positions: list[Position], spoken: dict) -> Document:
    """The facilitators' document: the blueprint, then the key of each form with the reasons."""
    said = spoken["key"]
    doc = Document()
    doc.core_properties.title = said["title"]
    doc.add_heading(said["title"], level=0)
    for line in said["intro"]:
        doc.add_paragraph(line)
    doc.add_heading(said["blueprint"], level=1)
    rows = [[str(p.number), said["module"].format(number=p.module), p.objective_text] for p in positions]
    _table(doc, said["blueprint_header"], rows)
    for form in ("A", "B"):
        doc.add_heading(said["form_key"].format(form=spoken["forms"][form]["title"]), level=1)
        chosen = [(p.number, p.a if form == "A" else p.b) for p in positions]
        rows = [[str(n), letter(item, spoken), item["rationale"]] for n, item in chosen]
        _table(doc, said["key_header"], rows)
    return doc


def _table(doc: Document, header: list[str], rows: list[list[str]]) -> None:
    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    for number, (row, line) in enumerate(zip(table.rows, [header, *rows], strict=True)):
        for cell, value in zip(row.cells, line, strict=True):  # row.cells once: table.cell is slow
            cell.text = value
            if number == 0:
                cell.paragraphs[0].runs[0].bold = True


# ----------------------------------------------------------------------------- workbook
def quoted(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def layout(count: int, participants: int) -> dict[str, int | str]:
    """Rows and columns the formulas refer to, for ``count`` questions per form."""
    return {
        "first": ANSWERS_FIRST,
        "last": ANSWERS_FIRST + participants - 1,
        "last_column": get_column_letter(1 + count),
        "results_first": RESULTS_HEADER + 1,
        "results_last": RESULTS_HEADER + participants,
        "paired": 3,
        "mean_pre": 4,
        "mean_post": 5,
        "mean_gain": 6,
        "items": 7,
    }


def _title(sheet, text: str, note: str = "") -> None:
    sheet.cell(1, 1, text).font = templates.TITLE
    if note:
        sheet.cell(2, 1, note)


def _key_sheet(sheet, positions: list[Position], spoken: dict) -> None:
    said = spoken["scoring"]
    templates._header(sheet, 3, said["key_header"], [10, 10, 70, 28, 10, 28, 10])
    for row, p in enumerate(positions, start=4):
        values = [p.number, p.module, p.objective_text, p.a["id"], letter(p.a, spoken)]
        values += [p.b["id"], letter(p.b, spoken)]
        for column, value in enumerate(values, start=1):
            sheet.cell(row, column, value).alignment = templates.WRAP


def _answer_sheet(sheet, positions: list[Position], spoken: dict, form: str, at: dict) -> None:
    said, key = spoken["scoring"], quoted(said_sheet(spoken, "key"))
    header = [said["participant"], *(said["question"].format(number=p.number) for p in positions)]
    templates._header(sheet, ANSWERS_FIRST - 2, header, [14] + [6] * len(positions))
    sheet.cell(ANSWERS_FIRST - 1, 1, said["key_row"]).font = templates.BOLD
    key_column = "E" if form == "A" else "G"
    for p in positions:
        cell = sheet.cell(ANSWERS_FIRST - 1, 1 + p.number, f"={key}!${key_column}${3 + p.number}")
        cell.font = templates.BOLD
    pre = quoted(said_sheet(spoken, "pre"))
    for row in range(at["first"], at["last"] + 1):
        code = sheet.cell(row, 1)
        if form == "A":
            code.fill = templates.INPUT_FILL
        else:
            code.value = f'=IF({pre}!A{row}="","",{pre}!A{row})'
        for column in range(2, 2 + len(positions)):
            sheet.cell(row, column).fill = templates.INPUT_FILL
    cells = f"B{at['first']}:{at['last_column']}{at['last']}"
    templates._validation(sheet, {"list": spoken["letters"]}, cells)


def said_sheet(spoken: dict, name: str) -> str:
    return spoken["scoring"]["sheets"][name]


def _score(sheet_name: str, row: int, at: dict) -> str:
    """The formula of one participant's score on one form: blank if the form has no answer.
    INT changes nothing in a spreadsheet; it makes pycel return a plain number, which its
    SUMPRODUCT over the scores then counts (it skips the numpy integers SUMPRODUCT returns)."""
    answers = f"{sheet_name}!B{row}:{at['last_column']}{row}"
    key = f"{sheet_name}!B${ANSWERS_FIRST - 1}:{at['last_column']}${ANSWERS_FIRST - 1}"
    return f'=IF(COUNTIF({answers},"?*")=0,"",INT(SUMPRODUCT(--({answers}={key}))))'


def _paired_mean(column: str, at: dict) -> str:
    """The mean of a results column over the participants who took both forms."""
    first, last, paired = at["results_first"], at["results_last"], at["paired"]
    values = f"{column}{first}:{column}{last}"
    return f'=IF(B{paired}=0,"",SUMPRODUCT(--(G{first}:G{last}=1),{values})/B{paired})'


def _results_sheet(sheet, spoken: dict, at: dict) -> None:
    said = spoken["scoring"]
    pre, post = quoted(said_sheet(spoken, "pre")), quoted(said_sheet(spoken, "post"))
    first, last = at["results_first"], at["results_last"]
    summary = said["summary"]
    lines = {
        "paired": f"=SUM(G{first}:G{last})",
        "mean_pre": _paired_mean("B", at),
        "mean_post": _paired_mean("C", at),
        "mean_gain": _paired_mean("D", at),
        "items": f'=COUNTIF({pre}!B{ANSWERS_FIRST - 1}:{at["last_column"]}{ANSWERS_FIRST - 1},"?*")',
    }
    for name, formula in lines.items():
        sheet.cell(at[name], 1, summary[name]).font = templates.BOLD
        sheet.cell(at[name], 2, formula)
    templates._header(sheet, RESULTS_HEADER, said["results_header"], [14, 10, 10, 10, 12, 12, 12])
    items = f"$B${at['items']}"
    for offset, row in enumerate(range(first, last + 1)):
        answers = at["first"] + offset
        formulas = [
            f'=IF({pre}!A{answers}="","",{pre}!A{answers})',
            _score(pre, answers, at),
            _score(post, answers, at),
            f'=IF(OR(B{row}="",C{row}=""),"",C{row}-B{row})',
            f'=IF(B{row}="","",B{row}/{items})',
            f'=IF(C{row}="","",C{row}/{items})',
            f'=IF(D{row}="",0,1)',
        ]
        for column, formula in enumerate(formulas, start=1):
            sheet.cell(row, column, formula)
        for column in (5, 6):
            sheet.cell(row, column).number_format = "0%"


def _objective_share(sheet_name: str, columns: list[str], results: str, at: dict) -> str:
    """Share of correct answers to an objective's questions, among participants who took both."""
    paired = f"{results}!$G${at['results_first']}:$G${at['results_last']}"
    terms = [
        f"SUMPRODUCT(--({sheet_name}!{c}{at['first']}:{c}{at['last']}={sheet_name}!{c}${ANSWERS_FIRST - 1}),"
        f"--({paired}=1))"
        for c in columns
    ]
    count = f"{results}!$B${at['paired']}"
    return f'=IF({count}=0,"",({"+".join(terms)})/({len(columns)}*{count}))'


def _objectives_sheet(sheet, positions: list[Position], spoken: dict, at: dict) -> None:
    said = spoken["scoring"]
    pre, post = quoted(said_sheet(spoken, "pre")), quoted(said_sheet(spoken, "post"))
    results = quoted(said_sheet(spoken, "results"))
    templates._header(sheet, OBJECTIVES_HEADER, said["objectives_header"], [10, 70, 12, 12, 12, 14])
    groups: dict[tuple[int, int], list[Position]] = {}
    for p in positions:
        groups.setdefault((p.module, p.objective), []).append(p)
    for row, ((module, _), group) in enumerate(groups.items(), start=OBJECTIVES_HEADER + 1):
        columns = [get_column_letter(1 + p.number) for p in group]
        numbers = ", ".join(said["question"].format(number=p.number) for p in group)
        values = [
            module,
            group[0].objective_text,
            numbers,
            _objective_share(pre, columns, results, at),
            _objective_share(post, columns, results, at),
            f'=IF(D{row}="","",E{row}-D{row})',
        ]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row, column, value)
            cell.alignment = templates.WRAP
            if column >= 4:
                cell.number_format = "0%"


def workbook(positions: list[Position], spoken: dict, banner: str = "", participants: int = 0) -> Workbook:
    """The scoring workbook, with room for ``participants`` (default: the words' number)."""
    said = spoken["scoring"]
    at = layout(len(positions), participants or said["participants"])
    book = Workbook()
    book.remove(book.active)
    book.properties.title = f"{banner}{said['title']}"
    for name in ("readme", "key", "pre", "post", "results", "objectives"):
        sheet = book.create_sheet(said["sheets"][name])
        note = {"pre": said["answers_note"], "post": said["answers_note"]}.get(name, "")
        note = said["objectives_note"] if name == "objectives" else note
        _title(sheet, f"{banner}{said['title']}: {said['sheets'][name]}", note)
        if name == "readme":
            sheet.column_dimensions["A"].width = 100
            for row, line in enumerate(said["readme"], start=3):
                sheet.cell(row, 1, line).alignment = templates.WRAP
        elif name == "key":
            _key_sheet(sheet, positions, spoken)
        elif name in ("pre", "post"):
            _answer_sheet(sheet, positions, spoken, "A" if name == "pre" else "B", at)
        elif name == "results":
            _results_sheet(sheet, spoken, at)
        else:
            _objectives_sheet(sheet, positions, spoken, at)
    return book


# ----------------------------------------------------------------------------- FICTIONAL example
def example_answers(positions: list[Position], spoken: dict, size: int = 12, seed: int = 2026) -> dict:
    """A FICTIONAL group's answers: ``{"pre": {code: [letter or None]}, "post": {...}}``.

    Drawn at random with a fixed seed. Participants answer better after the workshop, one leaves
    some questions blank, one misses the post-test and one the pre-test."""
    draw = random.Random(seed)
    letters = spoken["letters"]
    result: dict[str, dict[str, list]] = {"pre": {}, "post": {}}
    for number in range(1, size + 1):
        code = spoken["scoring"]["example_code"].format(number=number)
        chance = draw.uniform(0.3, 0.6)
        for form, lift in (("pre", 0.0), ("post", 0.25)):
            if (form, number) in {("post", size), ("pre", size - 1)}:
                result[form][code] = [None] * len(positions)
                continue
            chosen = []
            for p in positions:
                right = letter(p.a if form == "pre" else p.b, spoken)
                wrong = [mark for mark in letters if mark != right]
                chosen.append(right if draw.random() < chance + lift else draw.choice(wrong))
            if number == 1:
                chosen[-3:] = [None] * 3
            result[form][code] = chosen
    return result


def fill_example(book: Workbook, answers: dict, spoken: dict) -> Workbook:
    sheets = {"pre": book[said_sheet(spoken, "pre")], "post": book[said_sheet(spoken, "post")]}
    for offset, code in enumerate(answers["pre"]):
        row = ANSWERS_FIRST + offset
        sheets["pre"].cell(row, 1, code)
        for form, sheet in sheets.items():
            for column, value in enumerate(answers[form][code], start=2):
                sheet.cell(row, column, value)
    return book


# ----------------------------------------------------------------------------- writing
def write(out: Path) -> dict[str, Path]:
    """Write every assessment file into ``out``; the paths written, by file id."""
    out.mkdir(parents=True, exist_ok=True)
    spoken, positions = words(), split(bank())
    paths = {name: out / stem for name, stem in spoken["files"].items()}
    written = {}
    for form, name in (("A", "form-a"), ("B", "form-b")):
        written[name] = paths[name].with_suffix(".docx")
        form_document(positions, form, spoken).save(written[name])
    written["key"] = paths["key"].with_suffix(".docx")
    key_document(positions, spoken).save(written["key"])
    written["evaluation"] = paths["evaluation"].with_suffix(".docx")
    templates.document(evaluation_spec()).save(written["evaluation"])
    written["scoring"] = paths["scoring"].with_suffix(".xlsx")
    workbook(positions, spoken).save(written["scoring"])
    written["scoring-example"] = paths["scoring-example"].with_suffix(".xlsx")
    answers = example_answers(positions, spoken)
    banner = spoken["scoring"]["example_banner"]
    example = workbook(positions, spoken, banner, participants=len(answers["pre"]))
    fill_example(example, answers, spoken).save(written["scoring-example"])
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    for path in write(parser.parse_args(argv).out).values():
        print(path)


if __name__ == "__main__":
    main()
