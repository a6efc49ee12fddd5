"""Write the .ipynb editions of the exercises from their MyST Markdown sources.

Each exercise's source is ``exercises/<name>/<name>.md`` (jupytext's MyST format, which the book
builds natively). Cells tagged ``solution`` hold model answers; cells tagged ``instructor`` hold
discussion notes for instructors.

- The **learner edition** drops both, and every output, so that "Run all" leaves the learner's
  own answers alone; it turns MyST roles into plain text (author-year citations, page names) and
  adds the "How to work" text of ``exercises/how-to-work.md`` after the title.
- The **instructor edition** keeps everything (the tests run it: every check must say Correct).

One function, :func:`write_editions`, is called from one place per target: Binder's postBuild
(``--in-place``), the book's download links (book/_ext/course_book.py), ``make learner`` and the
tests. Usage::

    python -m tools.learner exercises --out _build/learner [--edition instructor]
    python -m tools.learner exercises --in-place
"""

from __future__ import annotations

import argparse
import re
import sys
from functools import lru_cache
from pathlib import Path

import jupytext
import nbformat

ROOT = Path(__file__).resolve().parents[1]
SOLUTION_TAG, INSTRUCTOR_TAG = "solution", "instructor"
HOW_TO_WORK = "how-to-work.md"
EDITIONS = ("learner", "instructor")


def tags(cell) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def is_solution(cell) -> bool:
    return SOLUTION_TAG in tags(cell)


def is_instructor(cell) -> bool:
    return INSTRUCTOR_TAG in tags(cell)


def sources(folder: Path) -> list[Path]:
    """The notebook source of every exercise folder under ``folder`` (or ``folder`` itself)."""
    if folder.is_file():
        return [folder]
    return sorted(p for p in folder.glob("*/*.md") if p.stem == p.parent.name)


def read_source(path: Path) -> nbformat.NotebookNode:
    return jupytext.read(path, fmt="md:myst")


# ------------------------------------------------------------------------------ MyST -> plain text
@lru_cache(maxsize=1)
def bibliography(path: Path = ROOT / "book" / "references.bib") -> dict[str, tuple[str, str]]:
    """key -> (authors as cited, year), read from the course's BibTeX file."""
    found: dict[str, tuple[str, str]] = {}
    if not path.is_file():
        return found
    text = path.read_text(encoding="utf-8")
    for match in re.finditer(r"@\w+\s*\{\s*([^,\s]+)\s*,(.*?)\n\}", text, re.DOTALL):
        key, body = match[1], match[2]
        author = _field(body, "author") or _field(body, "editor") or _field(body, "title")
        found[key] = (_cited_authors(author), _field(body, "year") or "n.d.")
    return found


def _field(body: str, name: str) -> str:
    match = re.search(rf"\b{name}\s*=\s*[{{\"](.*?)[}}\"]\s*,?\s*\n", body, re.DOTALL | re.I)
    return " ".join(match[1].replace("{", "").replace("}", "").split()) if match else ""


def _cited_authors(author: str) -> str:
    people = [p.strip() for p in author.split(" and ") if p.strip()]
    names = [p.split(",")[0] if "," in p else p for p in people]
    if len(names) > 2:
        return f"{names[0]} et al."
    return " and ".join(names)


def _citation(keys: str, textual: bool) -> str:
    cited = []
    for key in (k.strip() for k in keys.split(",")):
        authors, year = bibliography().get(key, (key, ""))
        cited.append(f"{authors} ({year})" if textual else f"{authors} {year}".strip())
    return "; ".join(cited) if textual else f"({'; '.join(cited)})"


def _label(target: str) -> str:
    """A page or term reference as plain words: "data catalogue <path>" -> "data catalogue"."""
    match = re.match(r"(.*?)\s*<([^>]+)>$", target)
    if match:
        text, where = match[1], match[2]
        return f"{text} (a page of the course book, {where.strip('/')})" if "/" in where else text
    return target.strip("/").split("/")[-1].replace("-", " ")


ROLES = [
    (re.compile(r"\{cite:t\}`([^`]+)`"), lambda m: _citation(m[1], textual=True)),
    (re.compile(r"\{cite(?::p)?\}`([^`]+)`"), lambda m: _citation(m[1], textual=False)),
    (re.compile(r"\{(?:doc|ref|numref)\}`([^`]+)`"), lambda m: _label(m[1])),
    (re.compile(r"\{term\}`([^`<]+?)(?:\s*<[^>]+>)?`"), lambda m: m[1]),
    (re.compile(r"\{\w+\}`([^`]+)`"), lambda m: m[1]),
]
FENCE_OPEN = re.compile(r"^:::+\s*\{(\w+)\}\s*(.*)$")


def plain_markdown(text: str) -> str:
    """MyST markup that Jupyter would show raw, as plain Markdown."""
    for pattern, replace in ROLES:
        text = pattern.sub(replace, text)
    lines = []
    for line in text.splitlines():
        opening = FENCE_OPEN.match(line.strip())
        if opening:
            title = opening[2] or opening[1].capitalize()
            lines.append(f"**{title}**")
        elif re.match(r"^:::+\s*$", line.strip()) or re.match(r"^:\w+:", line.strip()):
            continue
        else:
            lines.append(line)
    return "\n".join(lines)


# ------------------------------------------------------------------------------ editions
def learner_edition(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``notebook`` without model answers, instructor notes and outputs, in plain
    Markdown, with the "How to work" text after the title."""
    learner = nbformat.from_dict(notebook)
    learner.cells = [cell for cell in learner.cells if not is_solution(cell) and not is_instructor(cell)]
    for cell in learner.cells:
        if cell.cell_type == "markdown":
            cell.source = plain_markdown(cell.source)
    how_to = ROOT / "exercises" / HOW_TO_WORK
    if how_to.is_file():
        learner.cells.insert(1, nbformat.v4.new_markdown_cell(how_to.read_text(encoding="utf-8")))
    return finish(learner, "learner")


def instructor_edition(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    return finish(nbformat.from_dict(notebook), "instructor")


def finish(notebook: nbformat.NotebookNode, edition: str) -> nbformat.NotebookNode:
    for number, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{number}"
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    notebook.metadata.pop("jupytext", None)
    notebook.metadata.pop("widgets", None)
    notebook.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    notebook.metadata["language_info"] = {"name": "python"}
    notebook.metadata["migdev_edition"] = edition
    notebook.nbformat, notebook.nbformat_minor = 4, 5
    return notebook


def write_editions(folder: Path, out: Path | None, edition: str = "learner") -> list[Path]:
    """Write ``edition`` of every exercise under ``folder``: to ``out/<name>/<name>.ipynb``, or
    next to its source when ``out`` is None. Returns the paths written."""
    make = learner_edition if edition == "learner" else instructor_edition
    written = []
    for source in sources(folder):
        notebook = make(read_source(source))
        nbformat.validate(notebook)
        target = (
            source.with_suffix(".ipynb") if out is None else out / source.parent.name / f"{source.stem}.ipynb"
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, target)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write .ipynb editions of the exercises.")
    parser.add_argument("source", type=Path, help="the exercises folder, or one exercise's .md")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, help="folder for the editions (one folder each)")
    where.add_argument("--in-place", action="store_true", help="write each next to its source")
    parser.add_argument("--edition", choices=EDITIONS, default="learner")
    args = parser.parse_args(argv)
    if not args.source.exists():
        print(f"Not found: {args.source}", file=sys.stderr)
        return 2
    written = write_editions(args.source, None if args.in_place else args.out, args.edition)
    print(f"Wrote {len(written)} {args.edition} edition(s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
