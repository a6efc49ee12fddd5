"""Sphinx extension: session plans for instructors, generated from the course's sources.

- directive ``session-plan <module id | capstone>``: the plan's sections (objectives, timed
  sequence, materials, group activity, discussion notes, common difficulties, debrief questions),
  each a section of the page so that it shows in the page's contents;
- directive ``session-plan-list``: a table of every plan (linked) with its session's minutes.

What a plan says is gathered by ``tools/session_plans.py`` as MyST text and parsed here, so links
and citations in the sources work as on their own pages. The words are
``book/instructors/session-plans.yaml``. A module's slide deck is added to its materials when the
slides extension (``slides_ext``) is loaded and has written the deck.

Enable it in ``_config.yml``::

    sphinx:
      local_extensions:
        session_plans: book/_ext
"""

from __future__ import annotations

import posixpath
import sys
from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from slides_ext import FILES as SLIDES  # noqa: E402  (where each module's deck is written)
from templates_ext import _doc_link, _table  # noqa: E402

from tools import session_plans  # noqa: E402


def _depend(env) -> None:
    for path in (
        session_plans.SPEC,
        session_plans.CAPSTONE_DEBRIEF,
        ROOT / "_toc.yml",
        *(ROOT / "tools" / f"{name}.py" for name in ("session_plans", "agendas", "learner")),
        session_plans.agendas.SPEC,  # the capstone's plenary items
        *ROOT.glob("modules/m[0-9][0-9]-*.md"),
        *ROOT.glob("exercises/*/tasks.yaml"),
        *ROOT.glob("exercises/*/*.md"),
    ):
        env.note_dependency(str(path))


class SessionPlan(SphinxDirective):
    """One plan, as sections of the page."""

    required_arguments = 1

    def _slides(self, plan_id: str, materials: nodes.Element) -> None:
        """Add the module's deck to the materials, if the slides extension wrote one."""
        deck = Path(self.env.app.outdir) / SLIDES / f"{plan_id}.html"
        found = materials.next_node(nodes.bullet_list)
        if "slides_ext" not in self.env.app.extensions or not deck.exists() or found is None:
            return
        words = session_plans.load_spec()["words"]
        uri = posixpath.relpath(f"{SLIDES}/{deck.name}", posixpath.dirname(self.env.docname) or ".")
        link = nodes.reference("", words["slides_link"], refuri=uri, internal=True, classes=["slide-deck"])
        found.insert(1, nodes.list_item("", nodes.paragraph("", "", nodes.Text(words["slides"] + " "), link)))

    def _parse(self, text: str, into: nodes.Element) -> None:
        self.state.nested_parse(StringList(text.splitlines(), self.env.docname), self.content_offset, into)

    def run(self):
        _depend(self.env)
        plan_id = self.arguments[0]
        try:
            plan = session_plans.plan_of(plan_id)
        except session_plans.SessionPlanError as error:
            return [self.state.document.reporter.error(str(error), line=self.lineno)]
        spec = session_plans.load_spec()
        found = []
        for title, body in session_plans.sections(plan, spec):
            if not title:
                holder = nodes.container(classes=["session-plan-intro"])
                self._parse(body, holder)
                found.extend(holder.children)
                continue
            section = nodes.section(ids=[make_id(self.env, self.state.document, "", title)])
            section += nodes.title(title, title)
            self._parse(body, section)
            if title == spec["sections"]["materials"]:
                self._slides(plan_id, section)
            self.state.document.note_implicit_target(section)
            found.append(section)
        return found


class SessionPlanList(SphinxDirective):
    """Every plan, linked, with its session's length."""

    def run(self):
        _depend(self.env)
        spec = session_plans.load_spec()
        words = spec["words"]
        try:
            ids = [*session_plans.check(spec), session_plans.CAPSTONE]
            plans = [session_plans.plan_of(plan_id, spec) for plan_id in ids]
        except session_plans.SessionPlanError as error:
            return [self.state.document.reporter.error(str(error), line=self.lineno)]
        rows = [
            [[_doc_link(self.env, f"/{session_plans.PAGES}/{p.plan_id}", p.title)], str(p.minutes)]
            for p in plans
        ]
        return [_table(words["list_columns"], rows)]


def setup(app):
    app.add_directive("session-plan", SessionPlan)
    app.add_directive("session-plan-list", SessionPlanList)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
