"""Sphinx extension: the workshop assessment and the repository's issue forms.

- When the builder starts, ``tools.assessment`` writes the two assessment forms, their answer key,
  the scoring workbook (blank and a FICTIONAL example) and the evaluation form into the HTML output
  (``book/instructors/files/``), so ``make book`` makes them and the offline zip carries them.
- role ``{assessment-file}`<id>``: a download link with the file's type and size (ids are the keys
  of ``files`` in ``book/instructors/assessment/words.yaml``);
- directive ``assessment-blueprint``: the table of questions, each with its module and learning
  objective (the same on both forms);
- role ``{issue-form}`text <form>```: a link to open an issue with one of the forms of
  ``.github/ISSUE_TEMPLATE/`` (``choose`` for the list of forms), built from the book's
  ``repository.url`` in ``_config.yml``.

Enable it in ``_config.yml``::

    sphinx:
      local_extensions:
        assessment_ext: book/_ext
"""

from __future__ import annotations

import posixpath
import re
import sys
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from templates_ext import _doc_link, _table, module_doc, size_words  # noqa: E402

from tools import assessment, templates  # noqa: E402

FILES = "book/instructors/files"  # where the files go, relative to the HTML output folder
FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"


def generate(app) -> None:
    assessment.write(Path(app.outdir) / FILES)


def depend(env) -> None:
    """Re-read the page when the items, the words, the module pages or the generator change."""
    for path in (*assessment.FOLDER.glob("*.yaml"), Path(assessment.__file__), *ROOT.glob("modules/m*.md")):
        env.note_dependency(str(path))


def assessment_file_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    env = inliner.document.settings.env
    depend(env)
    words = assessment.words()
    stem = words["files"].get(text.strip())
    found = sorted((Path(env.app.outdir) / FILES).glob(f"{stem}.*")) if stem else []
    if not found:
        message = inliner.reporter.error(f"no generated assessment file named {text!r}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    path = found[0]
    label = words["page"]["download"].format(
        kind=path.suffix[1:], size=size_words(path.stat().st_size, templates.site()["sizes"])
    )
    uri = posixpath.relpath(f"{FILES}/{path.name}", posixpath.dirname(env.docname) or ".")
    return [nodes.reference("", label, refuri=uri, internal=True, classes=["template-download"])], []


def issue_url(config, form: str) -> str:
    repository = config.html_theme_options.get("repository_url", "").rstrip("/")
    if form == "choose":
        return f"{repository}/issues/new/choose"
    return f"{repository}/issues/new?template={form}.yml"


def issue_form_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    env = inliner.document.settings.env
    match = re.fullmatch(r"(.+?)\s*<([\w-]+)>", text.strip(), flags=re.DOTALL)
    form = match.group(2) if match else ""
    if form != "choose" and not (FORMS / f"{form}.yml").is_file():
        message = inliner.reporter.error(f"no issue form {form!r} in .github/ISSUE_TEMPLATE", line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    label = re.sub(r"\s+", " ", match.group(1))
    return [nodes.reference("", label, refuri=issue_url(env.app.config, form))], []


class AssessmentBlueprint(SphinxDirective):
    """Every question of the forms with its module and learning objective."""

    def run(self):
        depend(self.env)
        words = assessment.words()
        try:
            positions = assessment.split(assessment.bank())
        except assessment.AssessmentError as error:
            return [self.state.document.reporter.error(str(error), line=self.lineno)]
        module = words["key"]["module"]
        rows = [
            [
                words["page"]["item"].format(number=p.number),
                [_doc_link(self.env, module_doc(self.env, p.module), module.format(number=p.module))],
                p.objective_text,
            ]
            for p in positions
        ]
        return [_table(words["page"]["blueprint_header"], rows)]


def setup(app):
    app.connect("builder-inited", generate)
    app.add_role("assessment-file", assessment_file_role)
    app.add_role("issue-form", issue_form_role)
    app.add_directive("assessment-blueprint", AssessmentBlueprint)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
