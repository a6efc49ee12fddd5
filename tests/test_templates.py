"""The working templates (tools/templates.py, specs in book/templates/): every file opens and has
its sheets or sections, and every spreadsheet formula gives the course's own results.

The formulas are evaluated with **pycel** (``pycel.ExcelCompiler``), which compiles the Excel
formulas of the .xlsx file to Python; no spreadsheet program is needed. Each formula test fills the
template with a case of the course (the worked examples: FICTIONAL Eastmere and Kestrana, and real
data for the mini migration profile), evaluates the formulas and compares the results with the
exercise's own ``compute.py``. The negative tests show that the comparison catches a wrong weight
and a wrong formula.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from pycel import ExcelCompiler

from migdev import Exercise
from migdev.data import load
from tools import template_examples, templates

SPECS = {spec["id"]: spec for spec in templates.specs()}
SHEETS = [spec for spec in SPECS.values() if spec["format"] == "xlsx"]
FIXED_IDS = {
    "readiness-checklist",
    "stakeholder-map",
    "coordination-tor",
    "situation-assessment",
    "prioritisation-matrix",
    "results-framework",
    "costing-funding",
    "risk-register",
    *(f"stage-{n}-checklist" for n in range(1, 7)),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("templates")
    templates.write(out)
    return out


@pytest.fixture(scope="module")
def exercises(tmp_path_factory):
    """The compute module of an exercise, imported the way the notebooks do."""
    answers = tmp_path_factory.mktemp("answers")
    return lambda name: Exercise(name, folder=answers).taskfile.compute


def evaluated(path: Path) -> ExcelCompiler:
    """A pycel compiler of the workbook with every formula evaluated once, so that any input cell
    they read can then be changed with ``set_value``."""
    compiler = ExcelCompiler(filename=str(path))
    for sheet in load_workbook(path).worksheets:
        for line in sheet.iter_rows():
            for cell in line:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    compiler.evaluate(f"{sheet.title}!{cell.coordinate}")
    return compiler


def rows(template_id: str) -> dict[str, int]:
    return templates.layout(SPECS[template_id])


def close(a: object, b: object) -> bool:
    return isinstance(a, int | float) and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


# ----------------------------------------------------------------------------- files open
def test_the_fixed_templates_exist_and_are_at_least_ten():
    assert FIXED_IDS <= set(SPECS) and len(SPECS) >= 10


@pytest.mark.parametrize("template_id", sorted(SPECS))
def test_every_file_opens_with_its_sheets_or_sections(folder, template_id):
    spec = SPECS[template_id]
    path = folder / f"{template_id}.{spec['format']}"
    if spec["format"] == "docx":
        document = Document(path)
        paragraphs = [p.text for p in document.paragraphs]
        assert paragraphs[0] == spec["title"]
        headings = [block["heading"] for block in spec["blocks"] if "heading" in block]
        assert [p.text for p in document.paragraphs if p.style.name.startswith("Heading")] == headings
        boxes = sum(len(block.get("checklist", [])) for block in spec["blocks"])
        assert sum(text.startswith(spec["box"]) for text in paragraphs) == boxes
        return
    book = load_workbook(path)
    assert book.sheetnames == [sheet["name"] for sheet in spec["sheets"]]
    for sheet in spec["sheets"]:
        if sheet["kind"] == "table":
            header = rows(template_id)[f"{sheet['key']}_header"]
            found = [cell.value for cell in book[sheet["name"]][header]]
            assert found == [column["header"] for column in sheet["columns"]]


@pytest.mark.parametrize("spec", [s for s in SHEETS if "example" in s], ids=lambda s: s["id"])
def test_every_sheet_of_an_example_says_what_it_is(folder, spec):
    book = load_workbook(folder / f"{spec['id']}-example.xlsx")
    banner = spec["example"]["banner"]
    assert "FICTIONAL" in banner or "real data" in banner
    for sheet in book.worksheets:
        assert sheet["A1"].value.startswith(banner), sheet.title


@pytest.mark.parametrize("spec", SHEETS, ids=lambda s: s["id"])
def test_a_blank_template_shows_no_formula_error(folder, spec):
    """Empty inputs give empty results, never #DIV/0! or #VALUE!."""
    path = folder / f"{spec['id']}.xlsx"
    book, compiler = load_workbook(path), ExcelCompiler(filename=str(path))
    formulas = [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in book.worksheets
        for line in sheet.iter_rows()
        for cell in line
        if isinstance(cell.value, str) and cell.value.startswith("=")
    ]
    results = {address: compiler.evaluate(address) for address in formulas}
    assert not [a for a, value in results.items() if isinstance(value, str) and value.startswith("#")]


# ----------------------------------------------------------------------------- Module 3
def test_stakeholder_quadrants_follow_exercise_3_1_for_every_pair_of_scores(folder, exercises):
    compute = exercises("m03-1-stakeholder-map")
    book = evaluated(folder / "stakeholder-map.xlsx")
    first = rows("stakeholder-map")["map_first"]
    assert book.evaluate(f"Quadrants!B{rows('stakeholder-map')['quadrants_high_from']}") == compute.HIGH_FROM
    for influence in range(1, 6):
        for interest in range(1, 6):
            book.set_value(f"Map!C{first}", influence)
            book.set_value(f"Map!D{first}", interest)
            expected = compute.short(compute.quadrant(influence, interest))
            assert book.evaluate(f"Map!E{first}") == expected, (influence, interest)


def test_stakeholder_example_lists_kestrana_and_its_quadrants(folder, exercises):
    compute = exercises("m03-1-stakeholder-map")
    book = evaluated(folder / "stakeholder-map-example.xlsx")
    scores = SPECS["stakeholder-map"]["example"]["tables"][1]["rows"]
    assert [row["actor"] for row in scores] == list(load("kestrana_actors")["actor"])
    for number, row in enumerate(scores, start=rows("stakeholder-map")["map_first"]):
        assert book.evaluate(f"Map!A{number}") == row["actor"]
        expected = compute.short(compute.quadrant(row["influence"], row["interest"]))
        assert book.evaluate(f"Map!E{number}") == expected
        assert book.evaluate(f"Map!F{number}")


def test_readiness_summary_counts_the_answers(folder):
    book = evaluated(folder / "readiness-checklist.xlsx")
    place = rows("readiness-checklist")
    answers = ["yes", "partly", "no", "yes", "not known", "yes"]
    for number, answer in enumerate(answers, start=place["checklist_first"]):
        book.set_value(f"Checklist!C{number}", answer)
    for key, word in [("yes", "yes"), ("partly", "partly"), ("no", "no"), ("unknown", "not known")]:
        assert book.evaluate(f"Summary!B{place['summary_' + key]}") == answers.count(word)


# ----------------------------------------------------------------------------- Module 4
PROFILE = {  # indicator line -> function of Exercise 4.1 (rules R3 to R7a)
    "immigrant_share": "immigrant_share",
    "emigrant_share": "emigrant_share",
    "women_immigrants": "women_among_immigrants",
    "women_emigrants": "women_among_emigrants",
    "remittance_share": "remittance_share_2020",
}


def profile_mismatches(book: ExcelCompiler, compute, country: str) -> list[str]:
    place = rows("situation-assessment")
    for key, value in template_examples.profile(country, compute.YEAR).items():
        book.set_value(f"Inputs!B{place['inputs_' + key]}", value)
    found = []
    for line, function in PROFILE.items():
        value, expected = (
            book.evaluate(f"Indicators!B{place['indicators_' + line]}"),
            getattr(compute, function)(country),
        )
        if not close(value, expected):
            found.append(f"{country} {line}: {value} != {expected}")
    return found


def test_situation_assessment_indicators_follow_exercise_4_1_for_the_eight_countries(folder, exercises):
    compute = exercises("m04-1-mini-migration-profile")
    example = evaluated(folder / "situation-assessment-example.xlsx")
    assert profile_mismatches(example, compute, "Republic of Moldova") == []
    blank = evaluated(folder / "situation-assessment.xlsx")
    for country in compute.pilot_names():
        assert profile_mismatches(blank, compute, country) == []


def test_situation_assessment_revision_follows_exercise_4_2(folder, exercises):
    compute = exercises("m04-2-data-gap-audit")
    book = evaluated(folder / "situation-assessment.xlsx")
    row = rows("situation-assessment")["gaps_first"]
    checked = 0
    for country in compute.pilot_names():
        revision = compute.revision(country)
        if math.isnan(revision["V1"]):
            continue
        book.set_value(f"Data gaps!H{row}", revision["old_usd"])
        book.set_value(f"Data gaps!I{row}", revision["new_usd"])
        assert close(book.evaluate(f"Data gaps!J{row}"), revision["V1"]), country
        checked += 1
    assert checked >= 4


# ----------------------------------------------------------------------------- Module 5
def set_weights(book: ExcelCompiler, compute, weights: dict[str, float]) -> None:
    row = rows("prioritisation-matrix")["matrix_weights"]
    for letter, column in zip("CDEFG", compute.CRITERIA, strict=True):
        book.set_value(f"Matrix!{letter}{row}", weights[compute.text(f"criterion_{column}")])


def matrix_mismatches(book: ExcelCompiler, compute, weights: dict[str, float]) -> list[str]:
    """Every score or rank of the workbook that differs from Exercise 5.1 under ``weights``."""
    scores, table = compute.weighted_scores(weights), compute.ranking(weights)
    found = []
    for number, intervention in enumerate(
        compute.INTERVENTIONS.index, start=rows("prioritisation-matrix")["matrix_first"]
    ):
        assert book.evaluate(f"Matrix!A{number}") == intervention
        score, rank = book.evaluate(f"Matrix!H{number}"), book.evaluate(f"Matrix!I{number}")
        if not close(score, scores[intervention]) or rank != table.loc[intervention, "rank"]:
            found.append(f"{intervention}: {score}, rank {rank}")
    return found


def agree(book: ExcelCompiler, compute, weights: dict[str, float]) -> list[str]:
    set_weights(book, compute, weights)
    return matrix_mismatches(book, compute, weights)


def example_matrix(folder: Path) -> ExcelCompiler:
    return evaluated(folder / "prioritisation-matrix-example.xlsx")


def test_prioritisation_matrix_follows_exercise_5_1_for_every_task_weights(folder, exercises):
    compute = exercises("m05-1-prioritise")
    book = example_matrix(folder)
    for weights in compute.TASK_WEIGHTS.values():
        assert agree(book, compute, weights) == []
    c_first = compute.weights_that_put_first("C")
    assert c_first is not None and agree(book, compute, c_first) == []


def test_the_check_catches_a_perturbed_weight(folder, exercises):
    compute = exercises("m05-1-prioritise")
    book, weights = example_matrix(folder), compute.TASK_WEIGHTS["5"]
    assert agree(book, compute, weights) == []
    # The workbook gets a weight of 3 for poverty; the course still computes with 1.
    book.set_value(f"Matrix!D{rows('prioritisation-matrix')['matrix_weights']}", 3)
    assert matrix_mismatches(book, compute, weights) != []


def test_the_check_catches_a_wrong_formula(folder, exercises, tmp_path):
    compute = exercises("m05-1-prioritise")
    book = load_workbook(folder / "prioritisation-matrix-example.xlsx")
    for line in book["Matrix"].iter_rows():
        for cell in line:
            if isinstance(cell.value, str) and "/SUM(" in cell.value:
                cell.value = cell.value.replace("/SUM(", "/COUNT(")  # divides by 5, not by the weights
    broken = tmp_path / "broken.xlsx"
    book.save(broken)
    compiler = evaluated(broken)
    assert agree(compiler, compute, compute.TASK_WEIGHTS["1"]) == []  # equal weights hide the error
    assert agree(compiler, compute, compute.TASK_WEIGHTS["5"]) != []  # other weights reveal it


# ----------------------------------------------------------------------------- Module 6
def test_costing_and_funding_follow_exercise_6_1(folder, exercises):
    compute = exercises("m06-1-cost-and-fund")
    book = evaluated(folder / "costing-funding-example.xlsx")
    place = rows("costing-funding")

    def summary(key: str) -> object:
        return book.evaluate(f"Summary!B{place['summary_' + key]}")

    expected = {
        "total_cost": compute.total_cost(),
        "recurrent_share": compute.recurrent_share(),
        "committed": compute.committed_funds(),
        "pledged": compute.all_funds(),
        "gap": compute.funding_gap(),
        "gap_share": compute.gap_share(),
        "funded_share": compute.funded_share(),
    }
    assert {key: summary(key) for key in expected} == pytest.approx(expected)
    sheet = next(s for s in SPECS["costing-funding"]["sheets"] if s["name"] == "Summary")
    mix = {
        item["cells"][0]: summary(item["key"]) for item in sheet["items"] if item["key"].startswith("mix_")
    }
    assert {k: v for k, v in mix.items() if v} == pytest.approx(compute.funding_mix().to_dict())
    costs = compute.costed()["cost_usd"]
    for number, cost in enumerate(costs, start=place["budget_first"]):
        assert book.evaluate(f"Budget!G{number}") == cost


def test_risk_register_follows_exercise_6_2(folder, exercises):
    compute = exercises("m06-2-implementation-risks")
    book = evaluated(folder / "risk-register-example.xlsx")
    place = rows("risk-register")
    assert book.evaluate(f"Scales!B{place['scales_medium']}") == compute.MEDIUM_FROM
    assert book.evaluate(f"Scales!B{place['scales_high']}") == compute.HIGH_FROM
    bands = [book.evaluate(f"Scales!A{place['scales_' + key]}") for key in ("low", "medium", "high")]
    ranked = compute.ranked().set_index("risk_id")
    register = load("eastmere_risk_register")
    for number, risk in enumerate(register["risk_id"], start=place["register_first"]):
        assert book.evaluate(f"Register!A{number}") == risk
        score = book.evaluate(f"Register!F{number}")
        assert score == ranked.loc[risk, "score"]
        assert book.evaluate(f"Register!G{number}") == bands[compute.band(score)]
        assert book.evaluate(f"Register!H{number}") == ranked.loc[risk, "rank"]


# ----------------------------------------------------------------------------- in the built book
@pytest.mark.book
def test_the_book_serves_every_template_with_its_size_and_the_offline_zip_carries_them(built_book, tmp_path):
    """Uses the session's built book (tests/conftest.py); the links and sizes are the extension's."""
    import re
    import zipfile

    from tools.offline import pack

    html, _ = built_book
    files = html / "book" / "templates" / "files"
    expected = {f"{i}.{s['format']}" for i, s in SPECS.items()} | {
        f"{s['id']}-example.xlsx" for s in SHEETS if "example" in s
    }
    assert {p.name for p in files.iterdir()} == expected
    index = (html / "book" / "templates" / "index.html").read_text(encoding="utf-8")
    words = templates.site()
    for template_id, spec in SPECS.items():
        name = f"{template_id}.{spec['format']}"
        size = (files / name).stat().st_size
        label = words["download"].format(kind=spec["format"], size=f"{round(size / 1000)} kB")
        assert re.search(rf'href="files/{re.escape(name)}"[^>]*>{re.escape(label)}<', index), name
    for module in ("m03-getting-ready", "m05-priorities-planning", "m06-funding-implementation"):
        text = (html / "modules" / f"{module}.html").read_text(encoding="utf-8")
        assert "../book/templates/files/" in text and "Templates for this module" in text
    archive = zipfile.ZipFile(pack(html, tmp_path / "offline.zip"))
    assert sum("/book/templates/files/" in n for n in archive.namelist()) == len(expected)
