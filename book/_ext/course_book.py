"""Sphinx extension for the course book (a local extension of the book; never used by notebooks).

- ``exercise-list`` directive: the exercises of the current module page, read from ``_toc.yml``
  (the one list of exercises): for each, a link to its page, an "Open in Binder" link and a link
  to download its learner edition. The Binder address comes from the book's ``repository.url``
  and ``launch_buttons.binderhub_url`` in ``_config.yml`` (one place).
- ``data-catalogue`` directive: the data catalogue, generated from ``data/datapackage.json``.
- After the HTML build, the learner edition of every exercise is written to ``learner/``, and a
  few accessibility faults of the theme's markup are repaired (``THEME_REPAIRS``). What pages
  download (the theme's icon script and fonts, the search index, unused assets) is cut by
  book/_ext/page_weight.py.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from urllib.parse import quote

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx.addnodes import pending_xref
from sphinx.util.osutil import relative_uri

from migdev import data as course_data

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tools.learner import write_editions  # noqa: E402

LEARNER_FOLDER = "learner"


def binder_url(config, notebook_path: str) -> str:
    options = config.html_theme_options
    repository = options.get("repository_url", "").rstrip("/")
    owner_repo = repository.split("github.com/", 1)[-1]
    branch = options.get("repository_branch", "main")
    hub = options.get("launch_buttons", {}).get("binderhub_url", "https://mybinder.org").rstrip("/")
    return f"{hub}/v2/gh/{owner_repo}/{branch}?urlpath={quote('lab/tree/' + notebook_path, safe='')}"


def _paragraph(*children) -> nodes.paragraph:
    paragraph = nodes.paragraph()
    paragraph.extend(children)
    return paragraph


def _link(text: str, uri: str) -> nodes.reference:
    return nodes.reference("", text, refuri=uri, internal=False)


def exercises_of(env, docname: str) -> list[str]:
    """The docnames listed under ``docname`` in ``_toc.yml`` that are exercises."""
    site_map = getattr(env, "external_site_map", None)
    if site_map is None or docname not in site_map:
        return []
    document = site_map[docname]
    return [child for tree in document.subtrees for child in tree.files() if child.startswith("exercises/")]


class ExerciseList(Directive):
    """The exercises of this module page, as listed under it in ``_toc.yml``."""

    has_content = False

    def run(self):
        env = self.state.document.settings.env
        docname = env.docname
        listing = nodes.bullet_list()
        for target in exercises_of(env, docname):
            page = pending_xref(
                "",
                refdomain="std",
                reftype="doc",
                reftarget="/" + target,
                refdoc=docname,
                refexplicit=False,
                refwarn=True,
            )
            page += nodes.inline("", target)
            name = Path(target).name + ".ipynb"
            learner = relative_uri(env.app.builder.get_target_uri(docname), f"{LEARNER_FOLDER}/{name}")
            item = nodes.list_item()
            item += _paragraph(
                page,
                nodes.Text(" — "),
                _link("open in Binder (learner edition)", binder_url(env.config, f"{target}.ipynb")),
                nodes.Text(" · "),
                nodes.reference("", "download the learner edition", refuri=learner, internal=True),
            )
            listing += item
        if not listing.children:
            return [
                self.state.document.reporter.warning(
                    f"exercise-list: no exercise is listed under {docname} in _toc.yml", line=self.lineno
                )
            ]
        return [listing]


def _table(header: list[str], rows: list[list[str]], widths: list[int]) -> nodes.table:
    table = nodes.table(classes=["migdev-catalogue"])
    group = nodes.tgroup(cols=len(header))
    table += group
    group.extend(nodes.colspec(colwidth=w) for w in widths)
    head = nodes.thead()
    group += head
    head += nodes.row("", *(nodes.entry("", _paragraph(nodes.Text(h))) for h in header))
    body = nodes.tbody()
    group += body
    for row in rows:
        body += nodes.row("", *(nodes.entry("", _paragraph(nodes.Text(c))) for c in row))
    return table


class DataCatalogue(Directive):
    """The datasets of ``data/datapackage.json``: description, provenance and columns."""

    def run(self):
        env = self.state.document.settings.env
        folder = course_data.data_dir()
        env.note_dependency(str(folder / "datapackage.json"))
        package = course_data.package()
        output = []
        for resource in package["resources"]:
            path = folder / resource["path"]
            with path.open(encoding="utf-8") as handle:
                rows = sum(1 for _ in csv.reader(handle)) - 1
            section_id = nodes.make_id(f"dataset-{resource['name']}")
            output.append(
                nodes.rubric(
                    "",
                    f"{resource['title']} ({resource['name']})",
                    ids=[section_id],
                    classes=["migdev-dataset"],
                )
            )
            if resource.get("fictional"):
                output.append(
                    _paragraph(
                        nodes.strong("", "FICTIONAL"),
                        nodes.Text(" — an invented case written for an exercise; not real data."),
                    )
                )
            output.append(_paragraph(nodes.Text(resource["description"])))
            facts = nodes.bullet_list()
            licence = ", ".join(x.get("title", x["name"]) for x in resource.get("licenses", []))
            facts += nodes.list_item(
                "",
                _paragraph(
                    nodes.Text(
                        f"File: data/{resource['path']} — {rows:,} rows, {resource['bytes']:,} bytes; "
                        f'load it with load("{resource["name"]}").'
                    )
                ),
            )
            facts += nodes.list_item("", _paragraph(nodes.Text(f"Licence: {licence}.")))
            for source in resource.get("sources", []):
                codes = ", ".join(source.get("indicator_codes", []))
                text = (
                    f"Source: {source['publisher']}, {source['title']}{' (' + codes + ')' if codes else ''}."
                )
                if source.get("fictional"):
                    text = f"Source: {source['title']}."
                elif source.get("repository"):
                    text += (
                        f" Retrieved from the public GitHub repository {source['repository']}, "
                        f"file(s) {source['path']}, commit {source['commit']}."
                    )
                else:
                    text += " Each row names its own source in the columns source_title and source_url."
                item = _paragraph(nodes.Text(text + " "))
                if source.get("url"):
                    item += _link("Publisher's page", source["url"])
                facts += nodes.list_item("", item)
            facts += nodes.list_item(
                "", _paragraph(nodes.literal("", f"sha256: {resource['hash'].split(':', 1)[-1]}"))
            )
            output.append(facts)
            fields = [
                [f["name"], f["type"], f.get("unit", ""), f.get("description", "")]
                for f in resource["schema"]["fields"]
            ]
            output.append(_table(["Column", "Type", "Unit", "Description"], fields, [18, 8, 14, 60]))
        return output


# Accessibility repairs of markup that the theme and extensions write (found with axe-core):
# (old, new) pairs applied to every HTML page after the build.
THEME_REPAIRS = [
    # pydata-sphinx-theme: the sidebar's expand/collapse <summary> holds only an icon.
    (
        '<summary><span class="toctree-toggle" role="presentation">',
        '<summary aria-label="Show or hide the pages in this section">'
        '<span class="toctree-toggle" role="presentation">',
    ),
    # sphinxcontrib-bibtex: role="list" whose children are not list items.
    ('<div role="list" class="citation-list">', '<div class="citation-list">'),
]


def repair_html(text: str) -> str:
    for old, new in THEME_REPAIRS:
        text = text.replace(old, new)
    return text


def finish_html(app, exception) -> None:
    """Write the learner editions and apply the accessibility repairs."""
    if exception is not None or app.builder.format != "html":
        return
    folder = Path(app.outdir) / LEARNER_FOLDER
    for written in write_editions(Path(app.srcdir) / "exercises", folder):
        written.replace(folder / written.name)  # flat: learner/<name>.ipynb
        written.parent.rmdir()
    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        repaired = repair_html(text)
        if repaired != text:
            page.write_text(repaired, encoding="utf-8")


COMPACT_TABLES = {"crosswalk-matrix", "template-table"}  # table classes styled by compact-tables.css


def add_table_stylesheet(app, pagename, templatename, context, doctree) -> None:
    """book/_static/compact-tables.css, only on the pages that show a wide generated table."""
    if doctree is not None and any(COMPACT_TABLES & set(n["classes"]) for n in doctree.findall(nodes.table)):
        app.add_css_file("compact-tables.css")


def setup(app):
    app.connect("html-page-context", add_table_stylesheet)
    app.add_directive("exercise-list", ExerciseList)
    app.add_directive("data-catalogue", DataCatalogue)
    app.connect("build-finished", finish_html)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
