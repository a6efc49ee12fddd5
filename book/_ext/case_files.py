"""Sphinx extension: the pilot-country case files (book/case-files/).

``case-file-summary`` (argument: an ISO3 code)
    The country's route from ``data/pilot_country_routes.csv``: phase, route taken (as the course's
    route exercise sorts it), lead institution, coordination mechanism, plan or strategy, its years
    and the row's sources, linked.
``case-file-charts`` (argument: an ISO3 code)
    Three charts drawn from the data package when the page is written (matplotlib, Agg; PNG files in
    ``_images/case-files/`` of the HTML output), each with alt text stating its key numbers, a table
    that stands for it in text and a source line; then the SDG 10.7.2 scores as a table. Where a
    dataset has no data for the country, a note says so instead of an empty chart.

The words come from ``book/case-files/labels.yaml``; the logic from ``case_file_data`` (next to this
file).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import matplotlib.pyplot as plt
from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

sys.path.insert(0, str(Path(__file__).resolve().parent))
import case_file_data as data  # noqa: E402

IMAGE_FOLDER = "_images/case-files"
CATALOGUE = "book/data-catalogue"  # the page that describes every dataset
DPI = 100


class case_file_chart(nodes.General, nodes.Element):
    """A chart drawn when the HTML page is written: attributes ``code``, ``key`` and ``alt``."""


def image_name(code: str, key: str) -> str:
    return f"{code.lower()}-{key}.png"


def visit_chart_html(self, node):
    folder = Path(self.builder.outdir) / IMAGE_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    name = image_name(node["code"], node["key"])
    figure = data.chart(node["code"], node["key"]).figure()
    width, height = (int(v * DPI) for v in figure.get_size_inches())
    figure.savefig(folder / name, dpi=DPI)
    plt.close(figure)
    page = self.builder.get_target_uri(self.builder.current_docname)
    source = relative_uri(page, f"{IMAGE_FOLDER}/{name}")
    self.body.append(
        f'<img class="case-file-chart" src="{source}" alt="{self.attval(node["alt"])}" '
        f'width="{width}" height="{height}" loading="lazy" />'
    )
    raise nodes.SkipNode


def skip_node(self, node):
    raise nodes.SkipNode


def paragraph(*children, classes: list[str] | None = None) -> nodes.paragraph:
    para = nodes.paragraph(classes=classes or [])
    para.extend(nodes.Text(c) if isinstance(c, str) else c for c in children)
    return para


def fill(template: str, parts: dict) -> list:
    """The pieces of ``template`` with each ``{name}`` replaced by the node ``parts[name]``."""
    pieces = re.split(r"\{(\w+)\}", template)
    return [parts[piece] if number % 2 else piece for number, piece in enumerate(pieces) if piece]


def field(name: str, *body) -> nodes.field:
    item = nodes.field()
    item += nodes.field_name(name, name)
    item += nodes.field_body("", paragraph(*body))
    return item


def table(header: list[str], rows: list[list[str]]) -> nodes.table:
    grid = nodes.table(classes=["case-file-table"])
    group = nodes.tgroup(cols=len(header))
    grid += group
    group.extend(nodes.colspec(colwidth=1) for _ in header)
    group += nodes.thead("", nodes.row("", *(nodes.entry("", paragraph(h)) for h in header)))
    group += nodes.tbody("", *(nodes.row("", *(nodes.entry("", paragraph(c)) for c in r)) for r in rows))
    return grid


def source_list(found: list[tuple[str, str]]) -> nodes.bullet_list:
    items = nodes.bullet_list(classes=["case-file-sources"])
    for title, url in found:
        items += nodes.list_item("", paragraph(nodes.reference("", title or url, refuri=url)))
    return items


class CaseFileDirective(SphinxDirective):
    required_arguments = 1
    has_content = False

    def code(self) -> str:
        self.env.note_dependency(str(data.LABELS))
        for dataset in ("pilot_country_routes", "immigrants_emigrants", "financial_flows"):
            self.env.note_dependency(str(data.ROOT / "data" / f"{dataset}.csv"))
        return self.arguments[0].strip().upper()

    def section(self, ident: str, title: str) -> nodes.section:
        found = nodes.section(ids=[nodes.make_id(ident)], names=[nodes.fully_normalize_name(ident)])
        found += nodes.title(title, title)
        return found


class CaseFileSummary(CaseFileDirective):
    """``case-file-summary`` - the route, institutions, documents and sources of one country."""

    def run(self):
        code = self.code()
        text = data.labels()["summary"]
        row = data.route_row(code)
        if row is None:
            return [self.state.document.reporter.warning(text["no_row"].format(code=code), line=self.lineno)]
        facts = nodes.field_list(classes=["case-file-summary"])
        phase, *others = data.summary_fields(row)
        facts += field(*phase)
        facts += self.route_field(row["country"])
        for name, value in others:
            facts += field(name, value)
        return [facts, paragraph(nodes.strong("", text["sources"])), source_list(data.sources(row))]

    def route_field(self, country: str) -> nodes.field:
        text, where = data.labels()["summary"], data.labels()["route_source"]
        route = data.route_taken(country)
        self.env.note_dependency(str(data.ROOT / "exercises" / where["exercise"] / "tasks.yaml"))
        if route is None:
            return field(text["route"], text["route_unknown"])
        target = f"/exercises/{where['exercise']}/{where['exercise']}"
        link = addnodes.pending_xref(
            "", refdomain="std", reftype="doc", reftarget=target, refexplicit=True, refwarn=True
        )
        link += nodes.inline("", where["exercise_title"], classes=["xref", "std", "std-doc"])
        parts = {"route": nodes.strong("", route[0]), "exercise": link, "reason": nodes.Text(route[1])}
        return field(text["route"], *fill(text["route_value"], parts))


class CaseFileCharts(CaseFileDirective):
    """``case-file-charts`` - the country's migration at a glance, drawn from the data package."""

    def run(self):
        code = self.code()
        for dataset in ("remittance_cost_by_country", "sdg_10_7_2_policies", "datapackage"):
            suffix = ".json" if dataset == "datapackage" else ".csv"
            self.env.note_dependency(str(data.ROOT / "data" / f"{dataset}{suffix}"))
        out = [self.chart_section(data.chart(code, key)) for key in data.CHARTS]
        out.append(self.sdg_section(code))
        return out

    def chart_section(self, chart: data.Chart) -> nodes.section:
        found = self.section(f"{chart.code}-{chart.key}", chart.heading)
        if not chart.has_data:
            found += paragraph(chart.note)
        else:
            found += case_file_chart(code=chart.code, key=chart.key, alt=chart.alt)
            caption, header, rows = chart.text_rows()
            found += paragraph(chart.alt)
            found += paragraph(caption)
            found += table(header, rows)
            computed = data.labels()["charts"][chart.key].get("computed")
            if computed:
                found += paragraph(computed)
        found += self.source(data.labels()["charts"][chart.key]["dataset"])
        return found

    def source(self, dataset: str) -> nodes.paragraph:
        """The source line of a chart, with a link to the dataset in the data catalogue."""
        before, link_text, after = data.source_parts(dataset)
        builder = self.env.app.builder
        page = builder.get_target_uri(self.env.docname)
        target = relative_uri(page, builder.get_target_uri(CATALOGUE))
        anchor = nodes.make_id(f"dataset-{dataset}")
        link = nodes.reference("", link_text, refuri=f"{target}#{anchor}", internal=True)
        return paragraph(nodes.emphasis("", before, link, nodes.Text(after)), classes=["case-file-source"])

    def sdg_section(self, code: str) -> nodes.section:
        text = data.labels()["charts"]["sdg"]
        found = self.section(f"{code}-sdg-10-7-2", text["heading"])
        scores = data.sdg_scores(code)
        if scores:
            found += paragraph(data.words(text["intro"]))
            rows = [[str(year), str(score), meaning] for year, score, meaning in scores]
            found += table([text["year"], text["score"], text["meaning"]], rows)
        else:
            note = data.labels()["charts"]["no_sdg"]
            found += paragraph(
                data.words(note.format(country=data.name_in_sentence(code), dataset=text["dataset"]))
            )
        found += self.source(text["dataset"])
        return found


def setup(app):
    others = {fmt: (skip_node, None) for fmt in ("latex", "text", "man", "texinfo")}
    app.add_node(case_file_chart, html=(visit_chart_html, None), **others)
    app.add_directive("case-file-summary", CaseFileSummary)
    app.add_directive("case-file-charts", CaseFileCharts)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
