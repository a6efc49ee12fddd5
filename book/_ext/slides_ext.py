"""Sphinx extension: the slide decks to project, one per published module.

When the builder starts, ``tools.slides`` writes every deck into the HTML output
(``book/instructors/slides/<module>.html`` and ``.pdf``), so ``make book`` makes them and the
offline zip carries them. A PDF is printed again only when its deck changed.

- directive ``slide-decks``: a table of every deck: the module (linked to its page), the number
  of slides, and links to the HTML deck and the PDF with its size.

Every word shown comes from ``book/instructors/slides.yaml`` or the modules' own pages.

Enable it in ``_config.yml``::

    sphinx:
      local_extensions:
        slides_ext: book/_ext
"""

from __future__ import annotations

import posixpath
import sys
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from agendas import _page  # noqa: E402
from templates_ext import _table, size_words  # noqa: E402

from tools import slides  # noqa: E402

FILES = "book/instructors/slides"  # where the decks go, relative to the HTML output folder
NO_BREAK = "\u00a0"  # short cells ("25 slides", "PDF (98 kB)") stay on one line


def generate(app) -> None:
    slides.write(Path(app.outdir) / FILES)


class SlideDecks(SphinxDirective):
    """Every deck: its module, its number of slides, and its HTML and PDF files."""

    def run(self):
        for path in (slides.SPEC, slides.TEMPLATE, Path(slides.__file__), ROOT / "_toc.yml"):
            self.env.note_dependency(str(path))
        words = slides.load_spec()["page"]
        folder = Path(self.env.app.outdir) / FILES
        here = posixpath.dirname(self.env.docname) or "."
        rows = []
        for module in slides.modules():
            self.env.note_dependency(str(ROOT / "modules" / f"{module}.md"))
            deck = folder / f"{module}.html"
            count = deck.read_text(encoding="utf-8").count('<section class="slide ')
            pdf = deck.with_suffix(".pdf")
            files = [(deck, words["html"])]
            if pdf.exists():
                files.append((pdf, words["pdf"].format(size=size_words(pdf.stat().st_size, words["sizes"]))))
            links = []
            for path, label in files:
                uri = posixpath.relpath(f"{FILES}/{path.name}", here)
                label = label.replace(" ", NO_BREAK)
                links.append([nodes.reference("", label, refuri=uri, internal=True, classes=["slide-deck"])])
            count_words = words["slides"].format(count=count).replace(" ", NO_BREAK)
            if not pdf.exists():
                links.append(words["no_pdf"])
            rows.append([[_page(self.env, f"modules/{module}")], count_words, *links])
        table = _table(words["header"], rows)
        table["classes"].append("slide-decks")
        return [table]


def setup(app):
    app.connect("builder-inited", generate)
    app.add_directive("slide-decks", SlideDecks)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
