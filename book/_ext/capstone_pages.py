"""Sphinx extension: the capstone's pages (book/capstone/), drawn from the dossier and YAML words.

- ``capstone-table <key>``: a dossier table of ``book/capstone/labels.yaml``, its values read from
  the data resources ``data/fictional/capstone_*`` (FICTIONAL in its caption), and its source line;
- ``capstone-stages``: the six stages, linked, with what each decides and its minutes;
- ``capstone-roles``: the role cards (``roles.yaml``), each private brief folded, and the link to
  the printable cards, which are written into the HTML output when the builder starts;
- ``capstone-debrief``: the instructor debrief of ``debrief.yaml``, with the events a seed can draw.

The logic is ``tools/capstone_pages.py``; every word comes from the YAML files.

Enable it in ``_config.yml``::

    sphinx:
      local_extensions:
        capstone_pages: book/_ext
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
from templates_ext import _doc_link, _table, shown, size_words  # noqa: E402

from migdev.data import load  # noqa: E402
from tools import capstone_pages as pages  # noqa: E402

FILES = "book/capstone/files"  # where the printable cards go, relative to the HTML output folder


def write_cards(app) -> None:
    folder = Path(app.outdir) / FILES
    folder.mkdir(parents=True, exist_ok=True)
    (folder / pages.labels()["roles"]["file"]).write_text(pages.role_cards_html(), encoding="utf-8")


def paragraph(*children) -> nodes.paragraph:
    para = nodes.paragraph()
    para.extend(nodes.Text(c) if isinstance(c, str) else c for c in children)
    return para


def bullets(items: list[str]) -> nodes.bullet_list:
    found = nodes.bullet_list()
    found.extend(nodes.list_item("", paragraph(" ".join(str(item).split()))) for item in items)
    return found


def rubric(text: str) -> nodes.rubric:
    return nodes.rubric(text, text)


class CapstoneDirective(SphinxDirective):
    has_content = False

    def run(self):
        for path in pages.dependencies():
            self.env.note_dependency(str(path))
        try:
            return self.make()
        except pages.CapstonePageError as error:
            return [self.state.document.reporter.error(f"{self.name}: {error}", line=self.lineno)]

    def section(self, ident: str, title: str) -> nodes.section:
        found = nodes.section(ids=[nodes.make_id(ident)], names=[nodes.fully_normalize_name(ident)])
        found += nodes.title(title, title)
        return found


class CapstoneTable(CapstoneDirective):
    """One table of the dossier, with FICTIONAL in its caption and its source below."""

    required_arguments = 1

    def make(self):
        key = self.arguments[0]
        caption, header, rows = pages.table(key)
        body = [[shown(value) for value in row] for row in rows]
        grid = _table(header, body, caption)
        grid["classes"].append("capstone-dossier")
        return [grid, paragraph(nodes.emphasis("", pages.source_line(key)))]


class CapstoneStages(CapstoneDirective):
    """The six stages: a link to each, what the group decides in it, and its minutes."""

    def make(self):
        words = pages.labels()["stages"]
        found = pages.stages()
        rows = [
            [[_doc_link(self.env, "/" + s.doc, s.title)], words["decides"][s.id], str(s.minutes)]
            for s in found
        ]
        total = words["total"].format(minutes=sum(s.minutes for s in found))
        return [_table(words["columns"], rows), paragraph(total)]


class CapstoneRoles(CapstoneDirective):
    """The role cards: the public part open, the private brief folded; the printable file linked."""

    def make(self):
        words = pages.labels()["roles"]
        out = [paragraph(self.download(words))]
        for role in pages.roles():
            found = self.section(f"role-{role.id}", role.title)
            found += paragraph(nodes.strong("", words["public"] + ". "), role.public)
            found += paragraph(nodes.strong("", words["dossier_position"] + " "), role.position)
            brief = nodes.admonition(classes=["dropdown"])
            brief += nodes.title(words["private"], words["private"])
            for key, items in (
                ("interests", role.interests),
                ("information", role.information),
                ("red_lines", role.red_lines),
            ):
                brief += rubric(words[key])
                brief += bullets(items)
            found += brief
            out.append(found)
        return out

    def download(self, words: dict) -> nodes.reference:
        text = pages.role_cards_html().encode("utf-8")
        label = words["download"].format(size=size_words(len(text), words["sizes"]))
        uri = posixpath.relpath(f"{FILES}/{words['file']}", posixpath.dirname(self.env.docname) or ".")
        return nodes.reference("", label, refuri=uri, internal=True, classes=["capstone-download"])


class CapstoneDebrief(CapstoneDirective):
    """Per stage: its focus, questions, typical choices and trade-offs; then the events and the close."""

    def make(self):
        words, debrief = pages.labels()["debrief"], pages.debrief()
        titles = {s.id: s for s in pages.stages()}
        out = [paragraph(" ".join(debrief["intro"].split()))]
        for entry in debrief["stages"]:
            stage = titles.get(entry["id"])
            if stage is None:
                raise pages.CapstonePageError(f"debrief.yaml: no stage {entry['id']!r} in exercises/")
            found = self.section(f"debrief-{entry['id']}", stage.title)
            found += paragraph(nodes.strong("", words["focus"] + " "), " ".join(entry["focus"].split()))
            found += paragraph(
                nodes.strong("", words["page"] + " "), _doc_link(self.env, "/" + stage.doc, stage.title)
            )
            found += rubric(words["questions"])
            found += bullets(entry["questions"])
            found += rubric(words["typical"])
            typical = nodes.definition_list()
            for item in entry["typical"]:
                term = nodes.term(item["choice"], item["choice"])
                typical += nodes.definition_list_item("", term, nodes.definition("", paragraph(item["why"])))
            found += typical
            found += rubric(words["trade_offs"])
            found += bullets(entry["trade_offs"])
            out.append(found)
        out.append(self.events(words, debrief["events"], titles))
        closing = self.section("debrief-closing", words["closing"])
        closing += bullets(debrief["closing"])
        out.append(closing)
        return out

    def events(self, words: dict, events: dict, titles: dict) -> nodes.section:
        found = self.section("debrief-events", words["events"])
        found += paragraph(" ".join(events["intro"].split()))
        table = load("capstone_events")
        order = list(titles.values())
        rows = [
            [order[int(slot) - 1].title if 0 < int(slot) <= len(order) else str(slot), title, happens]
            for slot, title, happens in table[["slot", "title", "what_happens"]].itertuples(index=False)
        ]
        caption = pages.labels()["fictional_caption"].format(title=words["event_table"])
        found += _table(words["event_columns"], rows, caption)
        found += rubric(words["steps"])
        found += bullets(events["steps"])
        found += rubric(words["event_questions"])
        found += bullets(events["questions"])
        return found


def setup(app):
    app.connect("builder-inited", write_cards)
    app.add_directive("capstone-table", CapstoneTable)
    app.add_directive("capstone-stages", CapstoneStages)
    app.add_directive("capstone-roles", CapstoneRoles)
    app.add_directive("capstone-debrief", CapstoneDebrief)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
