"""The printed materials (`make print`): the PDFs' text, read back with pypdf, proves that the
participant workbook and the quiz handouts hold no answer (quiz answer, model answer, check result,
instructor note) and that the answer key and the quiz answers hold every one of them. The answers
are collected from the sources (modules/*.md, the exercises' cells tagged `solution` and
`instructor`), not from the tool that prints them."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from tools.learner import is_instructor, is_solution, read_source
from tools.print_pdfs import PAPERS, WORDS, course_title, toc_docs, write

pytestmark = pytest.mark.browser

PRODUCTS = ["participant-workbook", "quiz-handouts", "quiz-answers", "answer-key"]
POINTS = {"a4": (595.9, 842.9), "letter": (612.0, 792.0)}  # page sizes in PDF points
SOLUTION = re.compile(r"^:::+\{solution\}[^\n]*\n(?::\w+:[^\n]*\n)*(.*?)^:::", re.MULTILINE | re.DOTALL)
MARKUP = re.compile(r"[*`{}\[\]$<>|]|://")  # rendered differently from the source
QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " "})
FEEDBACK = "Task1:✔Correct"  # a check's result for task 1, as the book shows it (migdev/messages.yaml)


def norm(text: str) -> str:
    """Text compared without whitespace, hyphens (a line may break at one), ligatures or
    typographic quotes."""
    return "".join(unicodedata.normalize("NFKC", text).translate(QUOTES).replace("-", "").split())


def plain_sentence(text: str, minimum: int = 25) -> str:
    """The longest sentence of ``text`` without markup (which the book renders differently)."""
    sentences = re.split(r"(?<=[.;:!?])\s+|\n\s*[-*]\s+", text)
    sentences = [re.sub(r"^[-*]\s+", "", s.strip()) for s in sentences]
    plain = [s for s in sentences if not MARKUP.search(s) and len(s) >= minimum]
    return max(plain, key=len) if plain else ""


def modules(root: Path) -> list[Path]:
    return [root / f"{doc}.md" for doc, _, _ in toc_docs(root) if doc.startswith("modules/")]


def quiz_answers(root: Path) -> dict[str, str]:
    found = {}
    for path in modules(root):
        for n, body in enumerate(SOLUTION.findall(path.read_text(encoding="utf-8")), 1):
            found[f"{path.stem} answer {n}"] = plain_sentence(body)
    return found


def exercise_answers(root: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(model answers, instructor notes): one distinctive line or sentence of each tagged cell
    of every exercise in the book."""
    models, notes = {}, {}
    for doc, _, _ in toc_docs(root):
        if not doc.startswith("exercises/"):
            continue
        cells = read_source(root / f"{doc}.md").cells
        name = doc.split("/")[1]
        elsewhere = norm(" ".join(c.source for c in cells if not is_solution(c)))
        for n, cell in enumerate(cells):
            if cell.cell_type == "code" and is_solution(cell):
                lines = [re.sub(r"\s*#.*$", "", line).strip() for line in cell.source.splitlines()]
                distinct = [line for line in lines if len(norm(line)) >= 12 and norm(line) not in elsewhere]
                models[f"{name} cell {n}"] = max(distinct, key=len) if distinct else ""
            elif cell.cell_type == "markdown" and is_instructor(cell):
                notes[f"{name} cell {n}"] = plain_sentence(cell.source)
    return models, notes


@pytest.fixture(scope="module")
def readers(built_book, chromium_browser, tmp_path_factory) -> dict[str, PdfReader]:
    """Every PDF of `make print`, made from the test session's book, by file name."""
    html, _ = built_book
    out = tmp_path_factory.mktemp("print")
    # Every product in A4; in Letter the quiz handouts only (the same documents on another paper
    # size: printing the long workbook twice would double the test's time).
    only = {(product, "a4") for product in PRODUCTS} | {("quiz-handouts", "letter")}
    write(html, out, html.parents[1], numbered_contents=False, browser=chromium_browser, only=only)
    return {pdf.name: PdfReader(pdf) for pdf in sorted(out.glob("*.pdf"))}


@pytest.fixture(scope="module")
def printed(readers) -> dict[str, list[str]]:
    """{product: each page's text}, from the A4 PDFs (the Letter ones print the same documents;
    reading every page back is the slow part, so it is done for one size)."""
    return {
        name.removesuffix("-a4.pdf"): [page.extract_text() for page in reader.pages]
        for name, reader in readers.items()
        if name.endswith("-a4.pdf")
    }


def body(pages: list[str], root: Path) -> str:
    """The normalised text of a PDF without its page footers."""
    words = yaml.safe_load(WORDS.read_text(encoding="utf-8"))
    course = course_title(root)
    return "".join(
        norm(text).replace(norm(words["footer"].format(course=course, page=n, pages=len(pages))), "")
        for n, text in enumerate(pages, 1)
    )


def test_every_answer_has_a_distinctive_snippet(built_book):
    """The snippets the other tests look for exist (an empty one would prove nothing)."""
    root = built_book[0].parents[1]
    models, notes = exercise_answers(root)
    quiz = quiz_answers(root)
    snippets = {**quiz, **models, **notes}
    assert {where.split()[0] for where in quiz} == {path.stem for path in modules(root)}
    assert models and notes
    assert [where for where, snippet in snippets.items() if not snippet] == []


def test_participant_materials_hold_no_answer_and_the_instructors_hold_all(printed, built_book):
    root = built_book[0].parents[1]
    text = {product: body(pages, root) for product, pages in printed.items()}
    models, notes = exercise_answers(root)
    quiz = quiz_answers(root)

    def missing(product: str, snippets: dict[str, str]) -> list[str]:
        return [where for where, snippet in snippets.items() if norm(snippet) not in text[product]]

    def present(product: str, snippets: dict[str, str]) -> list[str]:
        return [where for where, snippet in snippets.items() if norm(snippet) in text[product]]

    everything = {**quiz, **models, **notes}
    assert present("participant-workbook", everything) == []
    assert FEEDBACK not in text["participant-workbook"]
    assert present("quiz-handouts", everything) == []
    assert missing("quiz-answers", quiz) == []
    assert missing("answer-key", {**models, **notes}) == []
    assert FEEDBACK in text["answer-key"]


@pytest.mark.parametrize("size", PAPERS)
def test_page_numbers_and_contents(readers, built_book, size):
    root = built_book[0].parents[1]
    words = yaml.safe_load(WORDS.read_text(encoding="utf-8"))
    titles = [path.read_text(encoding="utf-8").split("\n# ", 1)[1].splitlines()[0] for path in modules(root)]
    for name, reader in readers.items():
        if not name.endswith(f"-{size}.pdf"):
            continue
        first = [page.extract_text() for page in reader.pages[:4]]
        footer = words["footer"].format(course=course_title(root), page=2, pages=len(reader.pages))
        assert norm(footer) in norm(first[1]), name
        if name.startswith(("participant-workbook", "quiz-")):
            contents = norm(" ".join(first))
            assert [title for title in titles if norm(title) not in contents] == [], name


def test_every_product_in_a4_and_the_letter_size(readers):
    assert sorted(readers) == sorted([f"{p}-a4.pdf" for p in PRODUCTS] + ["quiz-handouts-letter.pdf"])
    for name, reader in readers.items():
        size = name.removesuffix(".pdf").rsplit("-", 1)[1]
        boxes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages}
        assert boxes == {tuple(round(v) for v in POINTS[size])}, name
