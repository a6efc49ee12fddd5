"""Sphinx extension: workshop agendas generated from the modules' and exercises' timings.

- directive ``workshop-agenda <format>``: the agenda of one format of
  ``book/instructors/agendas.yaml`` as a table (day, start–end time, activity linked to its page,
  minutes), each day's totals, and a link to download the agenda as CSV;
- when the builder starts, every agenda is written as CSV into the HTML output
  (``book/instructors/files/``), so ``make book`` makes them and the offline zip carries them.

The placing logic is ``tools/agendas.py``; every word shown comes from the YAML file or the pages'
titles.

Enable it in ``_config.yml``::

    sphinx:
      local_extensions:
        agendas: book/_ext
"""

from __future__ import annotations

import posixpath
import sys
from pathlib import Path

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.util.docutils import SphinxDirective

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from templates_ext import _table  # noqa: E402

from tools import agendas  # noqa: E402

FILES = "book/instructors/files"  # where the CSV files go, relative to the HTML output folder


def csv_name(format_id: str) -> str:
    return f"agenda-{format_id}.csv"


def write_csv(app) -> None:
    spec = agendas.load_spec()
    folder = Path(app.outdir) / FILES
    folder.mkdir(parents=True, exist_ok=True)
    timings = agendas.load_timings()
    for format_id in spec["formats"]:
        try:
            agenda = agendas.build(spec, timings, format_id)
        except agendas.AgendaError:
            continue  # the format's directive reports the error on its page
        (folder / csv_name(format_id)).write_text(agendas.csv_text(agenda, spec["words"]), encoding="utf-8")


def _page(env, doc: str, label: str = "") -> pending_xref:
    """A link to a page, titled with ``label`` or else with the page's own title."""
    link = pending_xref(
        "", refdomain="std", reftype="doc", reftarget="/" + doc, refdoc=env.docname, refexplicit=bool(label)
    )
    link += nodes.inline(label or doc, label or doc)
    return link


class WorkshopAgenda(SphinxDirective):
    """The agenda of one format, built from the timings at build time."""

    required_arguments = 1

    def run(self):
        format_id = self.arguments[0]
        for path in (
            agendas.SPEC,
            Path(agendas.__file__),
            *ROOT.glob("modules/m[0-9][0-9]-*.md"),
            *ROOT.glob("exercises/*/tasks.yaml"),
        ):
            self.env.note_dependency(str(path))
        spec = agendas.load_spec()
        try:
            agenda = agendas.build(spec, agendas.load_timings(), format_id)
        except agendas.AgendaError as error:
            return [self.state.document.reporter.error(str(error), line=self.lineno)]
        words = spec["words"]

        def name(activity) -> list:
            if activity.kind == "break":
                return [nodes.emphasis(activity.label, activity.label)]
            return [nodes.Text(words[activity.kind] + " "), _page(self.env, activity.doc, activity.label)]

        rows = [[*row[:3], str(row[3])] for row in agendas.table_rows(agenda, words, name)]
        totals = nodes.bullet_list()
        for day in agenda.days:
            if day.rows:
                total = words["total"].format(
                    day=words["day"].format(number=day.number),
                    work=day.work,
                    breaks=day.breaks,
                    end=agendas.hhmm(day.rows[-1].end),
                )
                totals += nodes.list_item("", nodes.paragraph("", total))
        table = _table(words["columns"], rows, agenda.title)
        table["classes"].append("workshop-agenda")
        uri = posixpath.relpath(f"{FILES}/{csv_name(format_id)}", posixpath.dirname(self.env.docname) or ".")
        download = nodes.paragraph(
            "",
            "",
            nodes.reference("", words["download"], refuri=uri, internal=True, classes=["agenda-download"]),
        )
        return [table, totals, download]


def setup(app):
    app.connect("builder-inited", write_csv)
    app.add_directive("workshop-agenda", WorkshopAgenda)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
