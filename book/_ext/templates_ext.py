"""Sphinx extension: the course's working templates (spreadsheets and documents).

When the builder starts, ``tools.templates`` writes every template and worked example into the
HTML output (``book/templates/files/``), so ``make book`` makes them and the offline zip carries
them. Every word shown comes from ``book/templates/*.yaml`` (``site.yaml`` for the links' words).

- role ``{template}`<id>``: a download link with the file's type and size, e.g.
  "Download (xlsx, 12 kB)"; ``<id>-example`` links the worked example;
- directive ``template-table``: the overview of every template (name, purpose, modules, download);
- directive ``template-example <id>``: a table of the worked example's values, its formulas
  evaluated with pycel (the evaluator the tests use).

Enable it in ``_config.yml``::

    sphinx:
      local_extensions:
        templates_ext: book/_ext
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
from tools import templates  # noqa: E402

FILES = "book/templates/files"  # where the files go, relative to the HTML output folder
PAGES = "/book/templates/"


def _files(env) -> Path:
    return Path(env.app.outdir) / FILES


def generate(app) -> None:
    templates.write(Path(app.outdir) / FILES)


def size_words(size: int, words: dict) -> str:
    """A file size in words: bytes below 1 kB, kB below 1 MB, else MB (one decimal)."""
    if size < 1000:
        return words["bytes"].format(value=size)
    if size < 1_000_000:
        return words["kB"].format(value=round(size / 1000))
    return words["MB"].format(value=f"{size / 1_000_000:.1f}")


def depend(env, template_id: str) -> None:
    """Re-read the page when the template's spec, the page words or the generator change."""
    spec = templates.SPECS / f"{template_id.removesuffix('-example')}.yaml"
    for path in (spec, templates.SPECS / "site.yaml", *Path(templates.__file__).parent.glob("template*.py")):
        env.note_dependency(str(path))


def download(env, name: str) -> nodes.reference:
    """The download link of one generated file, relative to the current page."""
    depend(env, name)
    words = templates.site()
    path = next(_files(env).glob(f"{name}.*"))
    example = name.endswith("-example")
    label = words["example_download" if example else "download"].format(
        kind=path.suffix[1:], size=size_words(path.stat().st_size, words["sizes"])
    )
    uri = posixpath.relpath(f"{FILES}/{path.name}", posixpath.dirname(env.docname) or ".")
    return nodes.reference("", label, refuri=uri, internal=True, classes=["template-download"])


def template_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    env = inliner.document.settings.env
    try:
        return [download(env, text.strip())], []
    except StopIteration:
        message = inliner.reporter.error(f"no generated template named {text!r}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]


def _doc_link(env, target: str, text: str) -> pending_xref:
    link = pending_xref("", refdomain="std", reftype="doc", reftarget=target, refdoc=env.docname)
    link["refexplicit"] = True
    link += nodes.inline(text, text)
    return link


def _table(header: list[str], rows: list[list], caption: str = "") -> nodes.table:
    """A docutils table; a cell is a string or a list of nodes."""
    table = nodes.table(classes=["template-table"])
    if caption:
        table += nodes.title(caption, caption)
    group = nodes.tgroup(cols=len(header))
    table += group
    group.extend(nodes.colspec(colwidth=1) for _ in header)
    for part, lines in ((nodes.thead(), [header]), (nodes.tbody(), rows)):
        for line in lines:
            row = nodes.row()
            for value in line:
                paragraph = nodes.paragraph()
                paragraph.extend(value if isinstance(value, list) else [nodes.Text(str(value))])
                row += nodes.entry("", paragraph)
            part += row
        group += part
    return table


def module_doc(env, number: int) -> str:
    found = sorted(Path(env.srcdir).glob(f"modules/m{number:02d}-*.md"))
    return "/" + found[0].with_suffix("").relative_to(env.srcdir).as_posix()


class TemplateTable(SphinxDirective):
    """Every template: its name (linked to its page), what it is for, its modules, its download."""

    def run(self):
        words = templates.site()
        rows = []
        for spec in templates.specs():
            modules = []
            for number in spec["modules"]:
                if modules:
                    modules.append(nodes.Text(", "))
                modules.append(
                    _doc_link(self.env, module_doc(self.env, number), words["module"].format(number=number))
                )
            name = _doc_link(self.env, PAGES + spec["page"], spec.get("name", spec["title"]))
            rows.append([[name], spec["purpose"], modules, [download(self.env, spec["id"])]])
        return [_table(words["index_header"], rows)]


def shown(value: object) -> str:
    """A cell's value as a reader expects it: whole numbers without decimals, others with two."""
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, int | float):
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return str(value)


class TemplateExample(SphinxDirective):
    """The worked example of a template, as a table of its values with the formulas evaluated."""

    required_arguments = 1

    def run(self):
        from pycel import ExcelCompiler

        spec = templates.spec_of(self.arguments[0])
        depend(self.env, spec["id"])
        part, rows = spec["page_example"], templates.layout(spec)
        path = _files(self.env) / f"{spec['id']}-example.xlsx"
        book = ExcelCompiler(filename=str(path))
        sheet = next(s for s in spec["sheets"] if s["name"] == part["sheet"])
        key, letters = sheet["key"], part["columns"]
        if sheet["kind"] == "list":
            header = [sheet["header"][ord(letter) - ord("A")] for letter in letters]
            numbers = [rows[f"{key}_{item['key']}"] for item in sheet["items"]]
        else:
            header = [sheet["columns"][ord(letter) - ord("A")]["header"] for letter in letters]
            numbers = range(rows[f"{key}_first"], rows[f"{key}_last"] + 1)
            if "with_above" in part:  # e.g. the weights row of the prioritisation matrix
                numbers = [rows[f"{key}_{part['with_above']}"], *numbers]
        body = [[shown(book.evaluate(f"{part['sheet']}!{letter}{n}")) for letter in letters] for n in numbers]
        body = [line for line in body if line[0]]
        caption = f"{spec['example']['banner']}{sheet.get('title', spec['title'])}"
        return [_table(header, body, caption)]


def setup(app):
    app.connect("builder-inited", generate)
    app.add_role("template", template_role)
    app.add_directive("template-table", TemplateTable)
    app.add_directive("template-example", TemplateExample)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
