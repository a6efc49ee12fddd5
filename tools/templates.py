"""Write the course's working templates (spreadsheets and documents) from their specs.

    python -m tools.templates OUT_DIR

Each template is one YAML spec in ``book/templates/`` (``<id>.yaml``, the file stem of the output)
that holds every word and every formula; this module holds layout logic only. A spreadsheet spec
may have an ``example`` part: the same workbook filled with a case of the course, written as
``<id>-example.xlsx`` (the rows come from the data package, see ``tools/template_examples.py``).

Formulas are Excel formulas written as strings in the spec, with placeholders filled here:
``{r}`` the formula's own row; ``{<sheet>_first}``, ``{<sheet>_last}`` and ``{<sheet>_header}`` the
data rows and header row of a table sheet; ``{<sheet>_<key>}`` the row of a named line (a line of a
list sheet, or a line above a table).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml
from docx import Document
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from tools import template_examples

SPECS = Path(__file__).resolve().parents[1] / "book" / "templates"
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")  # pale yellow: cells a user fills in
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
WRAP = Alignment(wrap_text=True, vertical="top")
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when PyYAML has it


def _read(path: Path) -> object:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)  # noqa: S506 (a safe loader)


def specs() -> list[dict]:
    """Every template spec, in the order of its ``order`` field."""
    found = [_read(path) for path in SPECS.glob("*.yaml")]
    found = [spec for spec in found if isinstance(spec, dict) and "id" in spec]
    return sorted(found, key=lambda spec: (spec["order"], spec["id"]))


def site() -> dict:
    """The words of the book's template pages (download links, sizes, table headings)."""
    return _read(SPECS / "site.yaml")


def spec_of(template_id: str) -> dict:
    return next(spec for spec in specs() if spec["id"] == template_id)


# ----------------------------------------------------------------------------- spreadsheets
def layout(spec: dict) -> dict[str, int]:
    """The row numbers the placeholders of the spec's formulas stand for."""
    rows: dict[str, int] = {}
    for sheet in spec["sheets"]:
        key, row = sheet.get("key", ""), 2 + len(sheet.get("notes", [])) + 1
        if sheet["kind"] == "table":
            for line in sheet.get("above", []):
                rows[f"{key}_{line['key']}"] = row
                row += 1
            count = sheet["rows"] if isinstance(sheet["rows"], int) else len(sheet["rows"])
            rows |= {f"{key}_header": row, f"{key}_first": row + 1, f"{key}_last": row + count}
        elif sheet["kind"] == "list":
            for number, item in enumerate(sheet["items"], start=row + 1):
                rows[f"{key}_{item['key']}"] = number
    return rows


def _fill(value: object, rows: dict[str, int], row: int) -> object:
    if isinstance(value, str) and value.startswith("="):
        return value.format_map(rows | {"r": row})
    return value


def _validation(sheet, rule: dict, cells: str) -> None:
    if "whole" in rule or "decimal" in rule:
        kind = "whole" if "whole" in rule else "decimal"
        low, high = rule[kind]
        check = DataValidation(type=kind, operator="between", formula1=str(low), formula2=str(high))
    else:
        check = DataValidation(type="list", formula1='"' + ",".join(rule["list"]) + '"')
    check.showErrorMessage, check.allow_blank = True, True  # refuse other values; empty is fine
    check.add(cells)
    sheet.add_data_validation(check)


def _header(sheet, row: int, headers: list[str], widths: list[int]) -> None:
    for column, (header, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = sheet.cell(row, column, header)
        cell.font, cell.fill = BOLD, HEADER_FILL
        cell.alignment = WRAP
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = sheet.cell(row + 1, 1)


def _table(sheet, spec: dict, rows: dict[str, int]) -> None:
    key, columns = spec.get("key", ""), spec["columns"]
    for line in spec.get("above", []):
        number = rows[f"{key}_{line['key']}"]
        sheet.cell(number, 1, line["label"]).font = BOLD
        for letter, value in line.get("cells", {}).items():
            cell = sheet[f"{letter}{number}"]
            cell.value, cell.fill = value, INPUT_FILL
            if "input" in line:
                _validation(sheet, line["input"], f"{letter}{number}")
    header, first, last = rows[f"{key}_header"], rows[f"{key}_first"], rows[f"{key}_last"]
    _header(sheet, header, [c["header"] for c in columns], [c.get("width", 14) for c in columns])
    given = spec["rows"] if isinstance(spec["rows"], list) else []
    for number in range(first, last + 1):
        values = given[number - first] if given else []
        for column, described in enumerate(columns, start=1):
            cell = sheet.cell(number, column)
            cell.alignment = WRAP
            if "formula" in described:
                cell.value = _fill(described["formula"], rows, number)
            else:
                cell.value = values[column - 1] if column <= len(values) else None
                if described.get("input"):
                    cell.fill = INPUT_FILL
    for column, described in enumerate(columns, start=1):
        if isinstance(described.get("input"), dict):
            letter = get_column_letter(column)
            _validation(sheet, described["input"], f"{letter}{first}:{letter}{last}")


def _list(sheet, spec: dict, rows: dict[str, int]) -> None:
    headers, widths = spec["header"], spec.get("widths", [40] * len(spec["header"]))
    key = spec.get("key", "")
    _header(sheet, rows[f"{key}_{spec['items'][0]['key']}"] - 1, headers, widths)
    for item in spec["items"]:
        number = rows[f"{key}_{item['key']}"]
        for column, value in enumerate(item["cells"], start=1):
            cell = sheet.cell(number, column, _fill(value, rows, number))
            cell.alignment = WRAP
            if value is None and column in spec.get("input_columns", []):
                cell.fill = INPUT_FILL


def workbook(spec: dict, banner: str = "") -> Workbook:
    """The template as an openpyxl workbook; ``banner`` is put before every sheet's title."""
    book, rows = Workbook(), layout(spec)
    book.remove(book.active)
    book.properties.title = f"{banner}{spec['title']}"
    for described in spec["sheets"]:
        sheet = book.create_sheet(described["name"])
        sheet.cell(1, 1, f"{banner}{described.get('title', spec['title'])}").font = TITLE
        for number, note in enumerate(described.get("notes", []), start=2):
            sheet.cell(number, 1, note)
        if described["kind"] == "text":
            sheet.column_dimensions["A"].width = 100
            start = 3 + len(described.get("notes", []))
            for number, line in enumerate(described["lines"], start=start):
                sheet.cell(number, 1, line).alignment = WRAP
        elif described["kind"] == "table":
            _table(sheet, described, rows)
        else:
            _list(sheet, described, rows)
    return book


def fill_example(book: Workbook, spec: dict) -> Workbook:
    """Put the example's values (``{"Sheet!B5": value}``) into the cells a user would fill."""
    rows = layout(spec)
    for reference, value in template_examples.values(spec, rows).items():
        sheet, cell = reference.split("!")
        book[sheet][cell] = value
    return book


# ----------------------------------------------------------------------------- documents
def document(spec: dict) -> Document:
    """The template as a python-docx document: headings, paragraphs, lists, checklists, tables."""
    doc = Document()
    doc.core_properties.title = spec["title"]
    doc.add_heading(spec["title"], level=0)
    for block in spec["blocks"]:
        if "heading" in block:
            doc.add_heading(block["heading"], level=block.get("level", 1))
        elif "paragraph" in block:
            doc.add_paragraph(block["paragraph"])
        elif "bullets" in block:
            for line in block["bullets"]:
                doc.add_paragraph(line, style="List Bullet")
        elif "checklist" in block:
            for line in block["checklist"]:
                doc.add_paragraph(f"{spec['box']} {line}")
        elif "table" in block:
            header, body = block["table"]["header"], block["table"]["rows"]
            table = doc.add_table(rows=1 + len(body), cols=len(header))
            table.style = "Table Grid"
            for number, line in enumerate([header, *body]):
                for column, value in enumerate(line):
                    table.cell(number, column).text = str(value)
                    if number == 0:
                        table.cell(number, column).paragraphs[0].runs[0].bold = True
    return doc


# ----------------------------------------------------------------------------- writing
def write(out: Path) -> list[Path]:
    """Write every template (and every example) into ``out``; the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in specs():
        path = out / f"{spec['id']}.{spec['format']}"
        if spec["format"] == "docx":
            document(spec).save(path)
        else:
            workbook(spec).save(path)
            if "example" in spec:
                example = out / f"{spec['id']}-example.xlsx"
                fill_example(workbook(spec, spec["example"]["banner"]), spec).save(example)
                written.append(example)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    for path in write(parser.parse_args(argv).out):
        print(path)


if __name__ == "__main__":
    main()
