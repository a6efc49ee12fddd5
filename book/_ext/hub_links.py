"""Sphinx extension: the nbgitpuller link of every exercise, for instructors who run a JupyterHub.

- directive ``nbgitpuller-links``: a table with, for every exercise in ``_toc.yml`` order, its page
  and the link that pulls the learner repository onto the hub and opens the exercise; above it, a
  note that says which hub and repository the links use, or that they are examples;
- when the builder starts, the same links are written as CSV into the HTML output
  (``book/instructors/files/nbgitpuller-links.csv``).

The hub is ``launch_buttons.jupyterhub_url`` (the theme's JupyterHub button uses it too); the
learner repository is ``sphinx.config.learner_repository_url`` and ``learner_repository_branch``,
all in ``_config.yml``. Links are built by ``tools.learner_repo.nbgitpuller_link``; the words are
in ``book/instructors/jupyterhub.yaml``.
"""

from __future__ import annotations

import csv
import io
import posixpath
import sys
from pathlib import Path

import yaml
from docutils import nodes
from sphinx.util.docutils import SphinxDirective

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from agendas import _page  # noqa: E402
from templates_ext import _table  # noqa: E402

from tools import learner_repo  # noqa: E402

WORDS = ROOT / "book" / "instructors" / "jupyterhub.yaml"
FILES = "book/instructors/files"
CSV_NAME = "nbgitpuller-links.csv"


def words() -> dict:
    return yaml.safe_load(WORDS.read_text(encoding="utf-8"))


def addresses(config) -> dict:
    """The hub, repository and branch the links use, and whether they are the examples."""
    hub = config.html_theme_options.get("launch_buttons", {}).get("jupyterhub_url")
    return learner_repo.addresses(hub, config.learner_repository_url, config.learner_repository_branch)


def exercise_docs(config) -> list[str]:
    """Every exercise page, in the order of ``_toc.yml`` (read by sphinx-external-toc)."""
    site_map = getattr(config, "external_site_map", None)
    if site_map is None:
        return []
    found: list[str] = []

    def walk(docname: str) -> None:
        if docname.startswith("exercises/") and docname not in found:
            found.append(docname)
        for tree in site_map[docname].subtrees:
            for child in tree.files():
                walk(child)

    walk(site_map.root.docname)
    return found


def links(config) -> list[tuple[str, str, str]]:
    """(docname, notebook path in the learner repository, link) for every exercise."""
    where = addresses(config)
    rows = []
    for docname in exercise_docs(config):
        notebook = f"{docname}.ipynb"
        rows.append(
            (
                docname,
                notebook,
                learner_repo.nbgitpuller_link(where["hub"], where["repository"], where["branch"], notebook),
            )
        )
    return rows


class NbgitpullerLinks(SphinxDirective):
    """The nbgitpuller link of every exercise, for the configured (or an example) hub."""

    def run(self):
        said, where = words(), addresses(self.env.config)
        note = nodes.admonition(classes=["warning" if where["example"] else "note"])
        note += nodes.title(text=said["column_link"])
        note += nodes.paragraph(
            text=" ".join(said["example" if where["example"] else "configured"].split()).format(**where)
        )
        rows = []
        for docname, _, link in links(self.env.config):
            rows.append(
                [
                    [_page(self.env, docname)],
                    [nodes.reference("", said["link_text"], refuri=link, internal=False)],
                ]
            )
        table = _table([said["column_exercise"], said["column_link"]], rows)
        target = posixpath.relpath(f"{FILES}/{CSV_NAME}", posixpath.dirname(self.env.docname))
        download = nodes.paragraph()
        download += nodes.reference("", said["csv_name"], refuri=target, internal=True)
        return [note, table, download]


def write_csv(app) -> None:
    said = words()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(said["csv_columns"])
    for docname, notebook, link in links(app.config):
        writer.writerow([posixpath.basename(docname), notebook, link])
    folder = Path(app.outdir) / FILES
    folder.mkdir(parents=True, exist_ok=True)
    (folder / CSV_NAME).write_text(buffer.getvalue(), encoding="utf-8")


def setup(app):
    app.add_config_value("learner_repository_url", "", "env")
    app.add_config_value("learner_repository_branch", "main", "env")
    app.add_directive("nbgitpuller-links", NbgitpullerLinks)
    app.connect("builder-inited", write_csv)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
