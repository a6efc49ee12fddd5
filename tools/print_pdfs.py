"""The printed materials, as PDFs made from the built HTML book with headless Chromium (no LaTeX).

Usage::

    python -m tools.print_pdfs _build/html _build/print

writes, for A4 and US Letter (``<product>-a4.pdf``, ``<product>-letter.pdf``):

- ``participant-workbook``: the course pages in ``_toc.yml`` order (the chapters listed in
  ``book/print.yaml``), without quiz answers, model answers, check results or instructor notes;
- ``quiz-handouts`` and ``quiz-answers``: each module's self-check quiz, without and with answers;
- ``answer-key``: each exercise's model answers, their check results and the instructor notes.

Each product is one HTML document assembled from the built pages' articles (their stylesheets and
images kept) plus ``tools/print.css``, printed twice: once to find the page of each contents entry
(from the PDF outline), once with those page numbers in the contents. The words are in
``book/print.yaml``; which elements are answers is decided by the selectors below, in one place.
"""

from __future__ import annotations

import fnmatch
import html as html_lib
import io
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from bs4 import BeautifulSoup, Tag

from tools.learner import is_instructor, read_source

ROOT = Path(__file__).resolve().parents[1]
WORDS = ROOT / "book" / "print.yaml"
STYLESHEET = Path(__file__).with_name("print.css")
PAPERS = {"a4": "A4", "letter": "Letter"}
MARGIN = {"top": "16mm", "bottom": "18mm", "left": "16mm", "right": "16mm"}
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]

# What is an answer, in the built pages (one place).
QUIZ_QUESTION = "div.exercise"  # sphinx-exercise question
QUIZ_ANSWER = "div.solution"  # sphinx-exercise solution
MODEL_ANSWER = "div.cell.tag_solution"  # code cell tagged `solution`, with its output
CHECK_RESULT = "div.migdev-feedback"  # a check's result names the expected answer
ANSWERS = (QUIZ_ANSWER, MODEL_ANSWER, CHECK_RESULT)
# Parts of a page that only make sense on screen (links to headings, notes about the web book).
SCREEN_ONLY = ("a.headerlink", ".toctree-wrapper", ".migdev-progress", ".migdev-export")
ADMONITION_TITLE = re.compile(r"^:::+\s*\{admonition\}\s*(.+?)\s*$", re.MULTILINE)


@dataclass
class Entry:
    """One course page in a product: its ``_toc.yml`` name, depth, title and printed content."""

    doc: str
    depth: int
    title: str = ""
    content: list[Tag] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return "print-" + re.sub(r"[^a-z0-9]+", "-", self.doc.lower())


# ------------------------------------------------------------------------------ the book
def toc_docs(root: Path = ROOT) -> list[tuple[str, int, str]]:
    """Every page of ``_toc.yml`` in order: (doc, depth, the chapter it belongs to)."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    found: list[tuple[str, int, str]] = []

    def walk(entries: list[dict], depth: int, chapter: str | None) -> None:
        for entry in entries:
            found.append((entry["file"], depth, chapter or entry["file"]))
            walk(entry.get("sections", []), depth + 1, chapter or entry["file"])

    for part in toc.get("parts", []):
        walk(part.get("chapters", []), 0, None)
    return found


def instructor_titles(root: Path = ROOT) -> set[str]:
    """The titles of the admonitions in the exercises' cells tagged ``instructor``."""
    titles = set()
    for path in sorted((root / "exercises").glob("*/*.md")):
        if path.stem != path.parent.name:
            continue
        for cell in read_source(path).cells:
            if cell.cell_type == "markdown" and is_instructor(cell):
                titles.update(ADMONITION_TITLE.findall(cell.source))
    return titles


class Book:
    """The built HTML book: each page's article, with its links made to work from one document."""

    def __init__(self, html: Path, root: Path = ROOT):
        if not (html / "index.html").is_file():
            raise SystemExit(f"No built book at {html}: run `make book` first.")
        self.html, self.root = html.resolve(), root
        self.instructor = instructor_titles(root)
        self.stylesheets: list[str] = []

    def article(self, doc: str, included: set[str]) -> tuple[str, Tag]:
        page = self.html / f"{doc}.html"
        if not page.is_file():
            raise SystemExit(
                f"{doc} is in _toc.yml but not in the built book at {self.html}: run `make book`."
            )
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        if not self.stylesheets:
            self.stylesheets = [
                self._local(page, link["href"]) for link in soup.select("link[rel=stylesheet]")
            ]
        article = remove(soup.select_one("article.bd-article") or soup.select_one("main"), SCREEN_ONLY)
        for element in article.select("[src]"):
            element["src"] = self._local(page, element["src"])
        for link in article.select("a[href]"):
            self._relink(page, link, included)
        for details in article.select("details"):  # folded parts, opened: their fold control goes
            remove(details, ["summary"]).name = "div"
        heading = article.find("h1")
        title = heading.get_text(" ", strip=True).rstrip("#").strip() if heading else doc
        return title, article

    def instructor_notes(self, article: Tag) -> list[Tag]:
        return [
            title.parent
            for title in article.select(".admonition > .admonition-title")
            if title.get_text(" ", strip=True) in self.instructor
        ]

    def _local(self, page: Path, url: str) -> str:
        """``url`` as written in ``page``, relative to the book's root folder."""
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith(("#", "/")):
            return url
        return (page.parent / parts.path).resolve().relative_to(self.html).as_posix()

    def _relink(self, page: Path, link: Tag, included: set[str]) -> None:
        parts = urlsplit(link["href"])
        if parts.scheme or parts.netloc:
            return
        if not parts.path:  # a link within the page: not meaningful once pages are joined
            link.unwrap()
            return
        target = self._local(page, parts.path)
        doc = target.removesuffix(".html")
        if target.endswith(".html") and doc in included:
            link["href"] = "#" + Entry(doc, 0).anchor
        elif target.endswith(".html"):
            link.unwrap()
        else:
            link["href"] = target  # a download (template, learner edition): from the book's folder


def remove(article: Tag, selectors: tuple[str, ...] | list[str]) -> Tag:
    for selector in selectors:
        for element in article.select(selector):
            element.decompose()
    return article


# ------------------------------------------------------------------------------ the products
def workbook(book: Book, words: dict) -> list[Entry]:
    patterns = words["workbook_chapters"]
    docs = [
        (d, depth)
        for d, depth, chapter in toc_docs(book.root)
        if any(fnmatch.fnmatch(chapter, p) for p in patterns)
    ]
    included = {d for d, _ in docs}
    entries = []
    for doc, depth in docs:
        title, article = book.article(doc, included)
        for note in book.instructor_notes(article):
            note.decompose()
        remove(article, ANSWERS)
        entries.append(Entry(doc, depth, title, list(article.children)))
    return entries


def quizzes(book: Book, with_answers: bool) -> list[Entry]:
    entries = []
    for doc, _, _ in toc_docs(book.root):
        title, article = book.article(doc, set())
        questions = article.select(QUIZ_QUESTION)
        if not questions:
            continue
        section = questions[0].find_parent("section")
        heading = article.find("h1")
        if not with_answers:
            remove(section, [QUIZ_ANSWER])
        entries.append(Entry(doc, 0, title, [heading, section]))
    return entries


def answer_key(book: Book) -> list[Entry]:
    entries = []
    for doc, _, _ in toc_docs(book.root):
        if not doc.startswith("exercises/"):
            continue
        title, article = book.article(doc, set())
        exercise_answers = article.select(f"{MODEL_ANSWER}, {CHECK_RESULT}")
        wanted = {id(e) for e in book.instructor_notes(article) + exercise_answers}
        content: list[Tag] = [article.find("h1")]
        for section in article.select("section"):  # each with its heading (the page's h1 is there)
            found = [
                e for e in section.find_all(True) if id(e) in wanted and e.find_parent("section") is section
            ]
            heading = section.find(re.compile("^h[1-6]$"))
            if found:
                content += ([heading] if heading and heading.name != "h1" else []) + found
        if len(content) > 1:
            entries.append(Entry(doc, 0, title, content))
    return entries


def products(book: Book, words: dict) -> dict[str, list[Entry]]:
    return {
        "participant-workbook": workbook(book, words),
        "quiz-handouts": quizzes(book, with_answers=False),
        "quiz-answers": quizzes(book, with_answers=True),
        "answer-key": answer_key(book),
    }


# ------------------------------------------------------------------------------ one document
def document(book: Book, words: dict, product: str, entries: list[Entry], pages: dict[str, int]) -> str:
    """The product as one HTML document; ``pages`` gives the contents' page numbers, if known."""
    course = course_title(book.root)
    text = words["products"][product]
    esc = html_lib.escape
    head = "".join(f'<link rel="stylesheet" href="{esc(href)}">' for href in book.stylesheets)
    head += f'<link rel="stylesheet" href="{STYLESHEET.resolve().as_uri()}">'
    cover = (
        f'<section class="print-cover"><p class="course">{esc(course)}</p>'
        f'<h1>{esc(text["title"])}</h1><p class="note">{esc(text["note"])}</p></section>'
    )
    contents = f'<nav class="print-contents print-page"><h1>{esc(words["contents"])}</h1>{contents_list(entries, pages)}</nav>'
    body = "".join(
        f'<article class="bd-article print-page" id="{entry.anchor}">{"".join(str(c) for c in entry.content)}</article>'
        for entry in entries
    )
    return (
        f'<!DOCTYPE html><html lang="en" data-theme="light"><head><meta charset="utf-8">'
        f'<base href="{book.html.as_uri()}/"><title>{esc(text["title"])}</title>{head}</head>'
        f'<body><main class="print-document">{cover}{contents}{body}</main></body></html>'
    )


def contents_list(entries: list[Entry], pages: dict[str, int]) -> str:
    """Nested lists by depth; each item: title, dotted leader, page number (once known)."""
    html, depth = "", -1
    for entry in entries:
        if entry.depth > depth:
            html += "<ol>" * (entry.depth - depth)
        else:
            html += "</li></ol>" * (depth - entry.depth) + "</li>"
        depth = entry.depth
        html += (
            f'<li><a href="#{entry.anchor}"><span>{html_lib.escape(entry.title)}</span>'
            f'<span class="dots"></span><span class="num">{pages.get(entry.anchor, "")}</span></a>'
        )
    return html + "</li></ol>" * (depth + 1)


def course_title(root: Path = ROOT) -> str:
    return yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))["title"]


def footer(words: dict, root: Path = ROOT) -> str:
    text = html_lib.escape(words["footer"]).format(
        course=html_lib.escape(course_title(root)),
        page='<span class="pageNumber"></span>',
        pages='<span class="totalPages"></span>',
    )
    return f'<div style="font-size:8pt;width:100%;text-align:center;color:#555">{text}</div>'


# ------------------------------------------------------------------------------ printing
def entry_pages(pdf: bytes, entries: list[Entry]) -> dict[str, int]:
    """The page (from 1) where each entry starts: the next top-level item of the PDF's outline
    (made from the h1 headings) that holds its title. Chromium may drop the spaces of an outline
    title or repeat a part of it, so titles are compared without spaces, by inclusion."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    top = [
        ("".join(item.title.split()), reader.get_destination_page_number(item) + 1)
        for item in reader.outline
        if not isinstance(item, list)
    ]
    found, start = {}, 0
    for entry in entries:
        title = "".join(entry.title.split())
        for n in range(start, len(top)):
            if title in top[n][0]:
                found[entry.anchor], start = top[n][1], n + 1
                break
    return found


def write(
    html: Path,
    out: Path,
    root: Path = ROOT,
    numbered_contents: bool = True,
    browser=None,
    only: set[tuple[str, str]] | None = None,
) -> dict[str, int]:
    """Write every product in both paper sizes to ``out``; return {file name: page count}.
    ``numbered_contents=False`` prints once, with no page numbers in the contents (faster);
    ``browser``: a Playwright Chromium already running (else one is started); ``only``: the
    (product, size) pairs to print, e.g. ``{("quiz-handouts", "letter")}`` (default: all)."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return write(html, out, root, numbered_contents, launched, only)
            finally:
                launched.close()
    words = yaml.safe_load(WORDS.read_text(encoding="utf-8"))
    book = Book(html, root)
    out.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(java_script_enabled=False)
    page, counts = context.new_page(), {}
    for product, entries in products(book, words).items():
        source = out / f"{product}.html"
        for size, paper in PAPERS.items():
            if only is not None and (product, size) not in only:
                continue
            pages: dict[str, int] = {}
            for _ in range(2 if numbered_contents else 1):  # the second has the contents' pages
                source.write_text(document(book, words, product, entries, pages), encoding="utf-8")
                pdf = print_pdf(page, source, paper, footer(words, root))
                pages = entry_pages(pdf, entries)
            target = out / f"{product}-{size}.pdf"
            target.write_bytes(pdf)
            counts[target.name] = page_count(pdf)
    context.close()
    return counts


def print_pdf(page, source: Path, paper: str, footer_html: str) -> bytes:
    page.goto(source.resolve().as_uri(), wait_until="load")
    return page.pdf(
        format=paper,
        margin=MARGIN,
        print_background=True,
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=footer_html,
        outline=True,  # the PDF's bookmarks, from the headings (also gives the contents' pages)
        tagged=True,
    )


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__)
        return 2
    for name, count in write(Path(args[0]), Path(args[1])).items():
        print(f"{Path(args[1]) / name}: {count} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
