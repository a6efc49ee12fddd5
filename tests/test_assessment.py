"""The workshop assessment (tools/assessment.py, book/instructors/assessment/) and the issue forms
of the repository (.github/ISSUE_TEMPLATE/).

- The item bank: enough items, four options and one key each, every published module covered,
  every item mapped to a learning objective that its module page really lists, no stem a near-copy
  of a self-check quiz question.
- The parallel forms: question N of both forms tests the same objective; every item used once.
- The files: the forms, the key and the evaluation form open with their questions and sections;
  the scoring workbook's formulas, evaluated with pycel on the FICTIONAL example, give the scores,
  gains and objective shares computed here in Python. A negative test shows that a wrong formula
  is caught.
- The issue forms: every body element has a known type, an id and a label; the fields an
  instructor must give are required.
"""

from __future__ import annotations

import html as html_module
import math
import re
from difflib import SequenceMatcher
from pathlib import Path

import pytest
import yaml
from docx import Document
from openpyxl import load_workbook
from pycel import ExcelCompiler

from tools import assessment

ROOT = Path(__file__).resolve().parents[1]
BANK = assessment.bank()
WORDS = assessment.words()
POSITIONS = assessment.split(BANK)
FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"
ISSUE_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}


def published_modules() -> list[int]:
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    return sorted(int(n) for n in re.findall(r"file: modules/m(\d\d)-", toc))


def quiz_stems(number: int) -> list[str]:
    """The question text of every self-check quiz question of a module page."""
    stems, inside, lines = [], False, []
    for line in assessment.module_page(number).read_text(encoding="utf-8").splitlines():
        if line.startswith(":::{exercise}"):
            inside, lines = True, []
        elif inside and (line.startswith(":::") or line.startswith("- (")):
            stems.append(" ".join(lines))
            inside = False
        elif inside and line.strip() and not line.startswith(":"):
            lines.append(line.strip())
    return stems


def too_close(a: str, b: str) -> bool:
    """A near-copy: mostly the same words, or the same characters in the same order (compared only
    when a third of the words are shared, which keeps the check fast)."""
    a, b = assessment.plain(a), assessment.plain(b)
    words_a, words_b = set(re.findall(r"\w+", a)), set(re.findall(r"\w+", b))
    overlap = len(words_a & words_b) / len(words_a | words_b)
    return overlap > 0.5 or (overlap > 0.3 and SequenceMatcher(None, a, b).ratio() > 0.6)


# ----------------------------------------------------------------------------- the item bank
def test_the_bank_has_at_least_40_items_each_with_four_options_one_key_and_a_reason():
    assert len(BANK) >= 40
    assert len({item["id"] for item in BANK}) == len(BANK)
    for item in BANK:
        assert len(item["options"]) == 4 and len(set(item["options"])) == 4, item["id"]
        assert item["key"] in "abcd" and len(item["key"]) == 1, item["id"]
        assert item["stem"].strip() and item["rationale"].strip(), item["id"]


def test_every_published_module_has_items_and_modules_1_to_7_have_more():
    counts = {number: sum(item["module"] == number for item in BANK) for number in published_modules()}
    assert len(counts) == 14 and {item["module"] for item in BANK} <= set(counts)
    assert all(count >= 2 for count in counts.values()), counts
    assert all(counts[number] > 2 for number in range(1, 8)), counts


def test_every_item_names_one_learning_objective_listed_on_its_module_page():
    for item in BANK:
        number = assessment.objective_of(item)
        listed = assessment.objectives(item["module"])[number - 1]
        assert assessment.plain(listed).startswith(assessment.plain(item["objective"])), item["id"]


def test_an_objective_the_module_does_not_list_is_refused():
    item = {**BANK[0], "objective": "negotiate a trade agreement"}
    with pytest.raises(assessment.AssessmentError, match=BANK[0]["id"]):
        assessment.objective_of(item)


def test_no_stem_is_a_near_copy_of_a_quiz_question():
    quizzes = [stem for number in published_modules() for stem in quiz_stems(number)]
    assert len(quizzes) >= 5 * 14
    copies = [(item["id"], stem) for item in BANK for stem in quizzes if too_close(item["stem"], stem)]
    assert not copies


def test_the_near_copy_check_catches_a_lightly_edited_quiz_question():
    stem = quiz_stems(7)[0]
    assert too_close(stem.replace("Which", "What"), stem)
    assert not too_close(BANK[0]["stem"], stem)


# ----------------------------------------------------------------------------- the forms
def test_both_forms_test_the_same_objectives_with_every_item_used_once():
    assert len(POSITIONS) * 2 == len(BANK)
    used = [p.a["id"] for p in POSITIONS] + [p.b["id"] for p in POSITIONS]
    assert sorted(used) == sorted(item["id"] for item in BANK)
    for p in POSITIONS:
        assert p.a["module"] == p.b["module"] == p.module
        assert assessment.objective_of(p.a) == assessment.objective_of(p.b) == p.objective
    assert [p.number for p in POSITIONS] == list(range(1, len(POSITIONS) + 1))


def test_an_objective_with_an_odd_number_of_items_is_refused_with_its_items_named():
    with pytest.raises(assessment.AssessmentError, match=BANK[1]["id"]):
        assessment.split(BANK[1:])


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    return assessment.write(tmp_path_factory.mktemp("assessment"))


@pytest.mark.parametrize("form", ["A", "B"])
def test_a_form_prints_every_question_with_lettered_options_and_an_answer_sheet(files, form):
    doc = Document(files[f"form-{form.lower()}"])
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == WORDS["forms"][form]["title"]
    for p in POSITIONS:
        item = p.a if form == "A" else p.b
        at = texts.index(WORDS["forms"]["question"].format(number=p.number))
        assert texts[at + 1] == item["stem"]
        assert texts[at + 2 : at + 6] == [
            f"{m}. {o}" for m, o in zip(WORDS["letters"], item["options"], strict=True)
        ]
    sheet = doc.tables[-1]
    assert [row.cells[0].text for row in sheet.rows[1:]] == [str(p.number) for p in POSITIONS]


def test_the_answer_key_gives_each_form_its_keys_and_reasons(files):
    tables = Document(files["key"]).tables
    assert len(tables) == 3
    for table, form in zip(tables[1:], ("A", "B"), strict=True):
        items = [p.a if form == "A" else p.b for p in POSITIONS]
        got = [(row.cells[1].text, row.cells[2].text) for row in table.rows[1:]]
        assert got == [(WORDS["letters"]["abcd".index(i["key"])], i["rationale"]) for i in items]


def test_the_evaluation_form_has_its_sections_and_tick_boxes(files):
    spec = assessment.evaluation_spec()
    doc = Document(files["evaluation"])
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [block["heading"] for block in spec["blocks"] if "heading" in block]
    boxes = sum(len(block.get("checklist", [])) for block in spec["blocks"])
    assert sum(p.text.startswith(spec["box"]) for p in doc.paragraphs) == boxes
    topics = " ".join(headings).lower()
    for topic in ("relevance", "pace", "materials", "keep", "cut", "confidence", "accessibility"):
        assert topic in topics


# ----------------------------------------------------------------------------- the workbook
def expected(answers: dict) -> dict:
    """Scores, gains and objective shares of the example, computed here without the workbook."""
    keys = {
        "pre": [WORDS["letters"]["abcd".index(p.a["key"])] for p in POSITIONS],
        "post": [WORDS["letters"]["abcd".index(p.b["key"])] for p in POSITIONS],
    }
    scores = {
        form: {
            code: None if not any(row) else sum(a == k for a, k in zip(row, keys[form], strict=True))
            for code, row in answers[form].items()
        }
        for form in keys
    }
    paired = [code for code in answers["pre"] if None not in (scores["pre"][code], scores["post"][code])]
    shares = {}
    for p in POSITIONS:
        index = p.number - 1
        shares[(p.module, p.objective)] = tuple(
            sum(answers[form][code][index] == keys[form][index] for code in paired) / len(paired)
            for form in ("pre", "post")
        )
    return {"scores": scores, "paired": paired, "shares": shares}


def mismatches(path: Path, answers: dict, only: str = "") -> list[str]:
    """Where the workbook's evaluated formulas differ from the expected results (``only``: check
    the addresses that start with it, which evaluates fewer formulas)."""
    book, want = ExcelCompiler(filename=str(path)), expected(answers)
    sheets = WORDS["scoring"]["sheets"]
    at = assessment.layout(len(POSITIONS), len(answers["pre"]))
    found = []

    def check(address: str, value: object) -> None:
        if not address.startswith(only):
            return
        got = book.evaluate(address)
        same = got == "" if value is None else isinstance(got, int | float) and math.isclose(got, value)
        if not same:
            found.append(f"{address}: {got!r} instead of {value!r}")

    for offset, code in enumerate(answers["pre"]):
        row = at["results_first"] + offset
        pre, post = want["scores"]["pre"][code], want["scores"]["post"][code]
        check(f"{sheets['results']}!B{row}", pre)
        check(f"{sheets['results']}!C{row}", post)
        check(f"{sheets['results']}!D{row}", None if code not in want["paired"] else post - pre)
    paired = want["paired"]
    check(f"{sheets['results']}!B{at['paired']}", len(paired))
    gains = [want["scores"]["post"][c] - want["scores"]["pre"][c] for c in paired]
    check(f"{sheets['results']}!B{at['mean_gain']}", sum(gains) / len(paired))
    for row, (pre, post) in enumerate(want["shares"].values(), start=assessment.OBJECTIVES_HEADER + 1):
        check(f"{sheets['objectives']}!D{row}", pre)
        check(f"{sheets['objectives']}!E{row}", post)
        check(f"{sheets['objectives']}!F{row}", post - pre)
    return found


@pytest.fixture(scope="module")
def example_answers() -> dict:
    return assessment.example_answers(POSITIONS, WORDS)


def test_the_example_is_fictional_and_has_blanks_and_missing_forms(files, example_answers):
    book = load_workbook(files["scoring-example"])
    assert all(sheet["A1"].value.startswith(WORDS["scoring"]["example_banner"]) for sheet in book)
    assert "FICTIONAL" in WORDS["scoring"]["example_banner"]
    rows = [row for form in ("pre", "post") for row in example_answers[form].values()]
    assert any(all(a is None for a in row) for row in rows)
    assert any(None in row and any(row) for row in rows)


def test_the_workbook_formulas_give_each_participants_scores_gain_and_each_objectives_shares(
    files, example_answers
):
    assert mismatches(files["scoring-example"], example_answers) == []


def test_a_wrong_formula_is_caught(files, example_answers, tmp_path):
    """The post score compared with Form A's key instead of Form B's: the check must fail."""
    sheets = WORDS["scoring"]["sheets"]
    book = load_workbook(files["scoring-example"])
    results = book[sheets["results"]]
    row = assessment.RESULTS_HEADER + 1
    pre, post = assessment.quoted(sheets["pre"]), assessment.quoted(sheets["post"])
    key_row = f"!B${assessment.ANSWERS_FIRST - 1}"
    results[f"C{row}"] = results[f"C{row}"].value.replace(f"{post}{key_row}", f"{pre}{key_row}")
    broken = tmp_path / "broken.xlsx"
    book.save(broken)
    found = mismatches(broken, example_answers, only=f"{sheets['results']}!C")
    assert [line.split(":")[0] for line in found] == [f"{sheets['results']}!C{row}"], found


def test_the_blank_workbook_shows_no_formula_error(files, tmp_path):
    """Empty inputs give empty results, never #DIV/0! (on three rows: every row has the same
    formulas as the 30 of the downloadable file, whose rows and sheets are checked here too)."""
    blank = load_workbook(files["scoring"])
    assert blank.sheetnames == list(WORDS["scoring"]["sheets"].values())
    assert (
        blank[WORDS["scoring"]["sheets"]["results"]].max_row
        == assessment.RESULTS_HEADER + WORDS["scoring"]["participants"]
    )
    path = tmp_path / "small.xlsx"
    assessment.workbook(POSITIONS, WORDS, participants=3).save(path)
    book, compiler = load_workbook(path), ExcelCompiler(filename=str(path))
    for sheet in book.worksheets:
        for line in sheet.iter_rows():
            for cell in line:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    value = compiler.evaluate(f"{sheet.title}!{cell.coordinate}")
                    assert not (isinstance(value, str) and value.startswith("#")), cell.coordinate


# ----------------------------------------------------------------------------- issue forms
@pytest.mark.parametrize("name", ["workshop-report", "content-error"])
def test_an_issue_form_has_typed_labelled_elements_with_unique_ids(name):
    form = yaml.safe_load((FORMS / f"{name}.yml").read_text(encoding="utf-8"))
    assert form["name"] and form["description"] and form["body"]
    ids = []
    for element in form["body"]:
        assert element["type"] in ISSUE_TYPES, element
        if element["type"] == "markdown":
            assert element["attributes"]["value"].strip()
            continue
        ids.append(element["id"])
        assert re.fullmatch(r"[a-z][a-z0-9_-]*", element["id"])
        assert element["attributes"]["label"].strip()
        if element["type"] in ("dropdown", "checkboxes"):
            assert element["attributes"]["options"]
    assert len(ids) == len(set(ids))


def required(name: str) -> set[str]:
    form = yaml.safe_load((FORMS / f"{name}.yml").read_text(encoding="utf-8"))
    return {e["id"] for e in form["body"] if e.get("validations", {}).get("required")}


def test_the_fields_an_instructor_or_reader_must_give_are_required():
    assert {"dates", "format", "timings"} <= required("workshop-report")
    assert {"page", "wrong"} <= required("content-error")


def test_the_workshop_report_lists_every_published_module_by_its_title():
    form = yaml.safe_load((FORMS / "workshop-report.yml").read_text(encoding="utf-8"))
    modules = next(e for e in form["body"] if e.get("id") == "modules")
    labels = [option["label"] for option in modules["attributes"]["options"]]
    titles = []
    for number in published_modules():
        text = assessment.module_page(number).read_text(encoding="utf-8")
        titles.append(re.search(r"^# (.+)$", text, flags=re.MULTILINE).group(1))
    assert labels == titles


def test_the_issue_config_is_valid():
    config = yaml.safe_load((FORMS / "config.yml").read_text(encoding="utf-8"))
    assert isinstance(config["blank_issues_enabled"], bool)
    for link in config.get("contact_links", []):
        assert {"name", "url", "about"} <= set(link)


def test_the_guide_and_the_page_ask_instructors_to_use_the_forms_and_the_page_is_reachable():
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    assert "file: book/instructors/assessment" in toc
    assert "<assessment>" in (ROOT / "book/instructors/index.md").read_text(encoding="utf-8")
    for page in ("facilitator-guide.md", "assessment.md"):
        text = (ROOT / "book/instructors" / page).read_text(encoding="utf-8")
        forms = set(re.findall(r"\{issue-form\}`[^`<]*<([\w-]+)>`", text))
        assert "workshop-report" in forms and "content-error" in forms, page
        assert all(form == "choose" or (FORMS / f"{form}.yml").is_file() for form in forms)


# ----------------------------------------------------------------------------- the built page
@pytest.mark.book
def test_the_built_page_links_every_file_with_its_size_and_the_issue_forms(built_book):
    html, _ = built_book
    page = (html / "book" / "instructors" / "assessment.html").read_text(encoding="utf-8")
    for stem in WORDS["files"].values():
        served = next((html / "book" / "instructors" / "files").glob(f"{stem}.*"))
        size = round(served.stat().st_size / 1000)
        assert f'href="files/{served.name}"' in page
        assert WORDS["page"]["download"].format(kind=served.suffix[1:], size=f"{size} kB") in page
    repository = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["repository"]["url"]
    for form in ("workshop-report", "content-error"):
        assert f'href="{repository}/issues/new?template={form}.yml"' in page
    assert f'href="{repository}/issues/new/choose"' in page
    shown = html_module.unescape(page).replace("\u2019", "'")  # the theme's typographic apostrophes
    assert all(p.objective_text in shown for p in POSITIONS)
