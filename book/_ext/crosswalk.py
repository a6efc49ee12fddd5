"""Sphinx extension: the GCM–SDG crosswalk, generated from ``book/crosswalk/coverage.csv``.

Directives (the data are read and checked by ``tools/crosswalk.py``; every word comes from
``book/crosswalk/labels.yaml`` or the crosswalk's CSV files):

``crosswalk-matrix`` ``gcm`` | ``sdg``
    A table: the 23 GCM objectives (or the migration-related SDG targets) as rows, the modules as
    columns, a word in each cell that a module treats (so the marks do not rely on colour), and the
    number of exercises and templates that treat each row.
``crosswalk-list`` ``gcm`` | ``sdg``
    One section per objective (or target), anchored ``gcm-objective-<n>`` (``sdg-target-<code>``),
    listing the modules, exercises and templates that treat it, with links to their pages. A page
    that is not in the book (a template not yet written) is named in plain text, not linked.
``crosswalk-download``
    A link to the whole crosswalk as a CSV file, with its size. The CSV is written into the HTML
    output when the build finishes, from the same data, so the size shown is the size served.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tools import crosswalk as data  # noqa: E402

FRAMEWORKS = ("gcm", "sdg")


def anchor(framework: str, key) -> str:
    return nodes.make_id(f"gcm-objective-{key}" if framework == "gcm" else f"sdg-target-{key}")


def read(env) -> data.Crosswalk:
    """The crosswalk of the book being built; its files become dependencies of the page."""
    root = Path(env.srcdir)
    folder = root / data.FOLDER
    for name in ("coverage.csv", "gcm_objectives.csv", "sdg_targets.csv", "labels.yaml"):
        env.note_dependency(str(folder / name))
    for spec in sorted((root / "book" / "templates").glob("*.yaml")):
        env.note_dependency(str(spec))
    return data.load(root)


def matrix_text(app, crosswalk: data.Crosswalk) -> bytes:
    """The downloadable CSV (UTF-8 with a byte-order mark, so that spreadsheet programs read it right)."""
    root = Path(app.srcdir)
    found = app.env.found_docs
    titles = {entry: data.page_title(root, entry) for entry in crosswalk.entries}
    pages = {e: app.builder.get_target_uri(e.docname) for e in crosswalk.entries if e.docname in found}
    return data.matrix_csv(crosswalk, titles, pages).encode("utf-8-sig")


def download_path(crosswalk: data.Crosswalk) -> str:
    words = crosswalk.labels["download"]
    return f"{words['folder']}/{words['file']}"


def module_number(entry: data.Entry) -> int:
    return int(re.match(r"m(\d+)", entry.id).group(1))


def paragraph(*children) -> nodes.paragraph:
    para = nodes.paragraph()
    para.extend(children)
    return para


def entry_cell(*children) -> nodes.entry:
    return nodes.entry("", paragraph(*children))


class CrosswalkDirective(SphinxDirective):
    has_content = False

    def load(self):
        try:
            return read(self.env), None
        except data.CrosswalkError as error:
            return None, [self.state.document.reporter.warning(f"crosswalk: {error}", line=self.lineno)]

    def framework(self):
        framework = self.arguments[0].strip() if self.arguments else ""
        if framework not in FRAMEWORKS:
            return None, [
                self.state.document.reporter.warning(
                    f"{self.name}: the argument must be one of {', '.join(FRAMEWORKS)}", line=self.lineno
                )
            ]
        return framework, None

    def prepare(self):
        """(framework, crosswalk, None), or the error nodes to show in the third place."""
        framework, problem = self.framework()
        crosswalk, failure = self.load() if framework else (None, None)
        return framework, crosswalk, problem or failure


class CrosswalkMatrix(CrosswalkDirective):
    """The rows of one framework against the modules."""

    required_arguments = 1

    def run(self):
        framework, crosswalk, problems = self.prepare()
        if problems:
            return problems
        words = crosswalk.labels["matrix"]
        modules = [e for e in crosswalk.entries if e.kind == "module"]
        if framework == "gcm":
            rows = [(o.number, words["gcm_row"].format(**vars(o))) for o in crosswalk.objectives]
        else:
            rows = [(t.target, words["sdg_row"].format(**vars(t))) for t in crosswalk.targets]

        table = nodes.table(classes=["crosswalk-matrix"])
        table += nodes.title("", words[f"{framework}_caption"])
        group = nodes.tgroup(cols=len(modules) + 2)
        table += group
        group += nodes.colspec(colwidth=30, stub=1)
        group.extend(nodes.colspec(colwidth=3) for _ in modules)
        group += nodes.colspec(colwidth=10)
        head = nodes.thead()
        group += head
        heading = nodes.row()
        heading += entry_cell(nodes.Text(words[f"{framework}_corner"]))
        for module in modules:
            number = module_number(module)
            short = words["module_column"].format(number=number)
            long = words["module_column_long"].format(number=number)
            heading += entry_cell(nodes.abbreviation(short, short, explanation=long))
        heading += entry_cell(nodes.Text(words["others_column"]))
        head += heading

        body = nodes.tbody()
        group += body
        for key, label in rows:
            row = nodes.row()
            link = nodes.reference("", label, refid=anchor(framework, key), internal=True)
            row += entry_cell(link)
            for module in modules:
                treated = key in (module.gcm if framework == "gcm" else module.sdg)
                if treated:
                    row += entry_cell(nodes.inline("", words["treated"], classes=["crosswalk-yes"]))
                else:
                    row += entry_cell(nodes.inline("", words["not_treated"], classes=["visually-hidden"]))
            found = crosswalk.treating(framework, key)
            row += entry_cell(nodes.Text(str(len(found["exercise"]) + len(found["template"]))))
            body += row
        return [table]


class CrosswalkList(CrosswalkDirective):
    """One section per objective or target, with the pages that treat it."""

    required_arguments = 1

    def run(self):
        framework, crosswalk, problems = self.prepare()
        if problems:
            return problems
        words = crosswalk.labels["lists"]
        root = Path(self.env.srcdir)
        self.titles = {entry: data.page_title(root, entry) for entry in crosswalk.entries}
        sections = []
        if framework == "gcm":
            for objective in crosswalk.objectives:
                section = self.section(
                    anchor("gcm", objective.number), words["gcm_heading"].format(**vars(objective))
                )
                section += paragraph(nodes.Text(words["gcm_official"].format(**vars(objective))))
                self.where(section, crosswalk, "gcm", objective.number, words["gcm_none"])
                sections.append(section)
        else:
            for target in crosswalk.targets:
                section = self.section(
                    anchor("sdg", target.target), words["sdg_heading"].format(**vars(target))
                )
                section += paragraph(nodes.Text(words["sdg_summary"].format(summary=target.summary)))
                if target.indicators:
                    indicators = ", ".join(target.indicators)
                    section += paragraph(nodes.Text(words["sdg_indicators"].format(indicators=indicators)))
                section += paragraph(
                    nodes.Text(words["sdg_link"].format(migration_link=target.migration_link))
                )
                self.where(section, crosswalk, "sdg", target.target, words["sdg_none"])
                sections.append(section)
        return sections

    def section(self, ident: str, title: str) -> nodes.section:
        section = nodes.section(ids=[ident], names=[ident], classes=["crosswalk-entry"])
        section += nodes.title("", title)
        self.state.document.note_explicit_target(section, section)
        return section

    def where(self, section, crosswalk, framework, key, none: str) -> None:
        found = crosswalk.treating(framework, key)
        if not any(found.values()):
            section += paragraph(nodes.emphasis("", none))
            return
        listing = nodes.bullet_list(classes=["crosswalk-where"])
        for kind in data.KINDS:
            if not found[kind]:
                continue
            pages = nodes.bullet_list()
            pages.extend(nodes.list_item("", paragraph(self.link(entry, crosswalk))) for entry in found[kind])
            listing += nodes.list_item(
                "", paragraph(nodes.strong("", crosswalk.labels["kinds"][kind])), pages
            )
        section += listing

    def link(self, entry: data.Entry, crosswalk: data.Crosswalk):
        """A link to the page, or the page's title as text if the page is not in the book. The link
        shows the page's title, or the entry's own title where several entries share the page."""
        title = self.titles[entry]
        if entry.docname not in self.env.found_docs:
            return nodes.Text(title)
        shared = sum(other.docname == entry.docname for other in crosswalk.entries) > 1
        xref = addnodes.pending_xref(
            "",
            refdomain="std",
            reftype="doc",
            reftarget="/" + entry.docname,
            refexplicit=shared,
            refwarn=True,
            refdoc=self.env.docname,
        )
        xref += nodes.inline("", title)
        return xref


class CrosswalkDownload(CrosswalkDirective):
    """A link to the crosswalk CSV, with its size."""

    def run(self):
        crosswalk, failure = self.load()
        if failure:
            return failure
        words = crosswalk.labels["download"]
        size = len(matrix_text(self.env.app, crosswalk))
        here = self.env.app.builder.get_target_uri(self.env.docname)
        link = nodes.reference(
            "", words["text"], refuri=relative_uri(here, download_path(crosswalk)), internal=True
        )
        return [paragraph(link, nodes.Text(" " + words["size"].format(kb=max(1, round(size / 1000)))))]


def write_download(app, exception) -> None:
    """Write the crosswalk CSV into the built HTML book."""
    if exception is not None or app.builder.format != "html":
        return
    crosswalk = data.load(Path(app.srcdir))
    target = Path(app.outdir) / download_path(crosswalk)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(matrix_text(app, crosswalk))


def setup(app):
    app.add_directive("crosswalk-matrix", CrosswalkMatrix)
    app.add_directive("crosswalk-list", CrosswalkList)
    app.add_directive("crosswalk-download", CrosswalkDownload)
    app.connect("build-finished", write_download)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
