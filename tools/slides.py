"""Slide decks to project, one per published module, built from the module's own sources.

A deck holds: a title slide; the learning objectives and the key takeaways (``bullets_per_slide``
to a slide); the charts that ``book/instructors/slides.yaml`` names for the module (case-file
charts drawn from the data package); each real case box, a slide per paragraph or list item;
each self-check question, then its answer on a slide marked for the presenter; and the
reflection question of each of the module's exercises. Logic only: the fixed words are in the
YAML file, the rest comes from ``modules/mNN-*.md`` and the exercises.

``write(out)`` writes ``<module>.html`` (self-contained: CSS, script and charts inline) and
``<module>.pdf`` (printed by headless Chromium, one slide a page) for every deck::

    python -m tools.slides _build/slides [--no-pdf]
"""

from __future__ import annotations

import argparse
import base64
import html
import io
import re
import shutil
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import jinja2
import yaml
from markdown_it import MarkdownIt
from markupsafe import Markup
from mdit_py_plugins.colon_fence import colon_fence_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from tools import agendas, crosswalk

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "book" / "instructors" / "slides.yaml"
TEMPLATE = Path(__file__).with_name("slides_deck.html")
BIB = ROOT / "book" / "references.bib"
ROLE = re.compile(r"\{([\w:-]+)\}<code>([^<]*)</code>")  # a MyST role, once rendered by markdown-it
OPTION = re.compile(r"^:[\w-]+:.*$")  # a directive option line, e.g. ":class: tip"
DENSE_WORDS = 70  # a text slide with more words than this uses a smaller type


class SlidesError(ValueError):
    """A module whose sources lack a part every deck needs."""


@dataclass
class Slide:
    kind: str  # title, objectives, takeaways, chart, case, question, answer, discuss
    heading: str
    subheading: str = ""
    body: Markup = Markup("")
    bullets: list[Markup] = field(default_factory=list)
    options: list[Markup] = field(default_factory=list)
    image: str = ""  # a data: URI
    alt: str = ""
    source: str = ""
    note: str = ""

    @property
    def dense(self) -> bool:
        text = " ".join([self.body, *self.bullets, *self.options])
        return len(re.sub(r"<[^>]+>", " ", text).split()) > DENSE_WORDS


@dataclass
class Deck:
    module: str  # the module's file stem, e.g. m01-linkages
    title: str
    slides: list[Slide]


def load_spec(path: Path = SPEC) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=agendas.LOADER)


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    return MarkdownIt("commonmark").use(front_matter_plugin).use(colon_fence_plugin)


@lru_cache(maxsize=256)
def tokens(text: str) -> tuple:
    """The block tokens of ``text`` (cached: a deck reads each part of a page several times)."""
    return tuple(parser().parse(text))


# --- MyST inline markup ----------------------------------------------------------------------


@lru_cache(maxsize=1)
def cite_labels() -> dict[str, str]:
    """Each reference key -> its author-year label, as the book's author_year style shows it."""
    from pybtex.backends.plaintext import Backend
    from pybtex.database import parse_file
    from pybtex.richtext import Text

    backend, labels = Backend(), {}
    for key, entry in parse_file(str(BIB)).entries.items():
        people = entry.persons.get("author") or entry.persons.get("editor") or []
        names = [Text.from_latex(" ".join(p.prelast_names + p.last_names)).render(backend) for p in people]
        if len(names) > 2:
            names = [names[0] + " et al."]
        who = " and ".join(names) or Text.from_latex(entry.fields.get("title", key)).render(backend)
        labels[key] = f"{who} {entry.fields.get('year', '')}".strip()
    return labels


def _role(match: re.Match) -> str:
    name, text = match.group(1), html.unescape(match.group(2))
    if name.startswith("cite"):
        found = [cite_labels().get(key.strip(), key.strip()) for key in text.split(",")]
        words = "; ".join(found)
        return f'<span class="cite">({html.escape(words)})</span>'
    shown = re.match(r"(.+?)\s*<[^>]*>$", text)  # {term}`shown text <Target>`
    return html.escape(shown.group(1) if shown else text.lstrip("/"))


def inline(text: str) -> Markup:
    """One line of MyST Markdown as HTML: emphasis and code kept, roles as plain words."""
    return Markup(ROLE.sub(_role, parser().renderInline(text.strip())))


def blocks(text: str) -> Markup:
    return Markup(ROLE.sub(_role, parser().render(text)))


# --- reading a module ------------------------------------------------------------------------


def top_blocks(text: str) -> list[str]:
    """The source of each top-level block (paragraph, list, fence) of ``text``."""
    lines, found = text.splitlines(), []
    for token in tokens(text):
        if token.level == 0 and token.map and token.nesting != -1:
            found.append("\n".join(lines[token.map[0] : token.map[1]]))
    return found


def sections(text: str) -> dict[str, str]:
    """Each level-two heading -> the source under it, up to the next level-two heading."""
    lines, found = text.splitlines(), {}
    starts = [(token.map[0], title) for token, title in _headings(text)]
    for number, (start, title) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        found[title] = "\n".join(lines[start + 1 : end])
    return found


def _headings(text: str) -> list[tuple]:
    found = tokens(text)
    return [
        (token, found[n + 1].content.strip())
        for n, token in enumerate(found)
        if token.type == "heading_open" and token.tag == "h2"
    ]


def bullet_items(text: str) -> list[str]:
    """The source of each item of the first top-level bullet list in ``text``."""
    items = []
    for token in tokens(text):
        if token.type == "bullet_list_close" and token.level == 0 and items:
            break
        if token.type == "inline" and token.level == 3:
            items.append(token.content)
    return items


def fences(text: str, directive: str) -> list[tuple[str, str]]:
    """(argument, body without option lines) of each ``:::{directive}`` block in ``text``."""
    found = []
    for token in tokens(text):
        if token.type == "colon_fence" and token.info.startswith("{" + directive + "}"):
            body = "\n".join(line for line in token.content.splitlines() if not OPTION.match(line))
            found.append((token.info.split("}", 1)[1].strip(), body.strip()))
    return found


def options(text: str, name: str) -> str:
    found = re.search(rf"^:{name}:\s*(.+)$", text, re.MULTILINE)
    return found.group(1).strip() if found else ""


def quiz(text: str) -> list[tuple[str, str, list[str], str]]:
    """(title, question, options, answer) of each self-check question of a module."""
    raw = [(t.info, t.content) for t in tokens(text) if t.type == "colon_fence"]
    answers = {info.split("}", 1)[1].strip(): body for info, body in raw if info.startswith("{solution}")}
    questions = []
    for info, body in raw:
        if not info.startswith("{exercise}"):
            continue
        label = options(body, "label")
        body = "\n".join(line for line in body.splitlines() if not OPTION.match(line))
        parts = top_blocks(body)
        question = "\n\n".join(p for p in parts if not p.lstrip().startswith(("- ", "* ")))
        answer = "\n".join(line for line in answers.get(label, "").splitlines() if not OPTION.match(line))
        questions.append((info.split("}", 1)[1].strip(), question, bullet_items(body), answer.strip()))
    return questions


def reflection(doc: str, heading: str) -> str:
    """An exercise's reflection question: ``reflection`` in its task file, or else the paragraphs
    with a question mark in its notebook's reflection section, before the first code cell."""
    folder = (ROOT / doc).parent
    tasks = yaml.load((folder / "tasks.yaml").read_text(encoding="utf-8"), Loader=agendas.LOADER)
    if tasks.get("reflection"):
        return str(tasks["reflection"])
    part = sections((ROOT / f"{doc}.md").read_text(encoding="utf-8")).get(heading, "")
    before_code = part.split("```", 1)[0]
    return "\n\n".join(p for p in top_blocks(before_code) if "?" in p)


# --- building a deck -------------------------------------------------------------------------


def chunks(items: list, size: int) -> list[list]:
    return [items[n : n + size] for n in range(0, len(items), size)] or [[]]


def numbered(heading: str, number: int, total: int, words: dict) -> str:
    return heading if total == 1 else f"{heading} {words['part'].format(number=number, total=total)}"


def bullet_slides(kind: str, items: list[str], spec: dict) -> list[Slide]:
    words, groups = spec["words"], chunks(items, spec["bullets_per_slide"])
    return [
        Slide(kind, numbered(words[kind], n, len(groups), words), bullets=[inline(i) for i in group])
        for n, group in enumerate(groups, 1)
    ]


def chart_slide(country: str, key: str, words: dict) -> Slide:
    import matplotlib.pyplot as plt

    sys.path.insert(0, str(ROOT / "book" / "_ext"))
    import case_file_data

    found = case_file_data.chart(country, key)
    with plt.rc_context({"font.size": 15, "axes.titlesize": 18, "legend.fontsize": 14}):
        figure = found.figure()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=110)
        plt.close(figure)
    image = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
    return Slide("chart", words["chart"], found.heading, image=image, alt=found.alt, source=found.source)


def case_parts(body: str) -> list[str]:
    """A case box cut for the screen: each paragraph, and each item of a list, on its own."""
    parts = []
    for part in top_blocks(body):
        items = bullet_items(part) if part.lstrip().startswith(("- ", "* ")) else []
        parts.extend(items or [part])
    return parts


def case_slides(text: str, spec: dict) -> list[Slide]:
    words, slides = spec["words"], []
    for title, body in fences(text, "admonition"):
        if not title.startswith(spec["sources"]["case"]):
            continue
        parts = case_parts(body)
        for n, part in enumerate(parts, 1):
            slides.append(Slide("case", numbered(words["case"], n, len(parts), words), title, blocks(part)))
    return slides


def quiz_slides(text: str, words: dict) -> list[Slide]:
    slides = []
    for title, question, choices, answer in quiz(text):
        slides.append(
            Slide(
                "question", words["question"], title, blocks(question), options=[inline(c) for c in choices]
            )
        )
        heading = words["answer"].format(question=title)
        slides.append(Slide("answer", heading, body=blocks(answer), note=words["presenter"]))
    return slides


def discuss_slides(module: str, spec: dict) -> list[Slide]:
    words, slides = spec["words"], []
    for activity in agendas.exercise_activities(ROOT, module[:3], "exercise"):
        prompt = reflection(activity.doc, spec["sources"]["reflection"])
        if prompt:
            exercise = words["from_exercise"].format(exercise=agendas.title(activity.doc))
            slides.append(Slide("discuss", words["discuss"], exercise, blocks(prompt)))
    return slides


def build(module: str, spec: dict | None = None) -> Deck:
    """The deck of ``module`` (a file stem such as ``m01-linkages``)."""
    spec = spec or load_spec()
    path = ROOT / "modules" / f"{module}.md"
    text = path.read_text(encoding="utf-8")
    parts = sections(text)
    found = {key: bullet_items(parts.get(spec["sources"][key], "")) for key in ("objectives", "takeaways")}
    for key, items in found.items():
        if not items:
            raise SlidesError(f"{path.relative_to(ROOT)}: no bullets under '## {spec['sources'][key]}'")
    title = agendas.title(f"modules/{module}")
    slides = [Slide("title", title, spec["subtitle"])]
    slides += bullet_slides("objectives", found["objectives"], spec)
    slides += bullet_slides("takeaways", found["takeaways"], spec)
    slides += [chart_slide(c["country"], c["chart"], spec["words"]) for c in spec["charts"].get(module, [])]
    slides += case_slides(text, spec)
    questions = quiz_slides(text, spec["words"])
    if not questions:
        raise SlidesError(f"{path.relative_to(ROOT)}: no self-check question (:::{{exercise}})")
    slides += questions + discuss_slides(module, spec)
    return Deck(module, title, slides)


def modules() -> list[str]:
    """The published modules: those listed in ``_toc.yml``."""
    return crosswalk.toc_modules(ROOT)


# --- writing ---------------------------------------------------------------------------------


def render(deck: Deck, spec: dict) -> str:
    environment = jinja2.Environment(autoescape=True, keep_trailing_newline=True)
    template = environment.from_string(TEMPLATE.read_text(encoding="utf-8"))
    return template.render(deck=deck, spec=spec, words=spec["words"])


def chromium() -> str | None:
    return shutil.which("chromium") or next((p for p in ["/usr/bin/chromium"] if Path(p).exists()), None)


def print_pdfs(pages: list[Path], browser=None) -> None:
    """Print each HTML deck to a PDF beside it, one slide a page, with one headless Chromium
    (``browser``, a Playwright browser, or one launched here). Without Chromium nothing is
    printed: the decks page then says where the PDFs come from."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        executable = chromium()
        if executable is None:  # a machine without Chromium: HTML decks only (the page says so)
            return
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(
                executable_path=executable, args=["--no-sandbox", "--disable-gpu"]
            )
            print_pdfs(pages, launched)
            launched.close()
        return
    page = browser.new_page()
    for path in pages:
        page.goto(path.resolve().as_uri())
        page.pdf(path=str(path.with_suffix(".pdf")), prefer_css_page_size=True, print_background=True)
    page.close()


def write(
    out: Path, pdf: bool = True, only: list[str] | None = None, browser=None
) -> list[tuple[Deck, Path]]:
    """Write every deck (or those of the modules ``only``) as HTML, and PDF, into ``out``. A PDF
    is printed again only when its deck's HTML changed, so a second build costs little."""
    spec = load_spec()
    out.mkdir(parents=True, exist_ok=True)
    written, to_print = [], []
    for module in only or modules():
        deck = build(module, spec)
        path = out / f"{module}.html"
        page = render(deck, spec)
        unchanged = path.exists() and path.read_text(encoding="utf-8") == page
        if not unchanged:
            path.write_text(page, encoding="utf-8")
        if pdf and not (unchanged and path.with_suffix(".pdf").exists()):
            to_print.append(path)
        written.append((deck, path))
    if to_print:
        print_pdfs(to_print, browser)
    return written


def main(argv: list[str] | None = None) -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("out", type=Path)
    arguments.add_argument("--no-pdf", action="store_true")
    options_given = arguments.parse_args(argv)
    for deck, path in write(options_given.out, pdf=not options_given.no_pdf):
        print(f"{path} ({len(deck.slides)} slides)")


if __name__ == "__main__":
    main()
