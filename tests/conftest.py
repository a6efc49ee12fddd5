"""Shared helpers: where things are, and how to run a notebook in a fresh kernel."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = sorted((ROOT / "exercises").glob("*.ipynb"))
FEEDBACK = re.compile(r"^Task (\S+): (✔ Correct|✘ Not yet)\.", re.MULTILINE)


def run_notebook(notebook: nbformat.NotebookNode, folder: Path, kernel_name: str = "python3",
                 timeout: int = 120) -> nbformat.NotebookNode:
    """Execute ``notebook`` top to bottom in a fresh kernel whose working folder is ``folder``."""
    client = NotebookClient(notebook, timeout=timeout, kernel_name=kernel_name,
                            resources={"metadata": {"path": str(folder)}})
    client.execute()
    return notebook


def check_calls(notebook: nbformat.NotebookNode) -> int:
    return sum(cell.source.count("ex.check(") for cell in notebook.cells if cell.cell_type == "code")


def feedback_in(notebook: nbformat.NotebookNode) -> list[tuple[str, str]]:
    """(task, "✔ Correct" or "✘ Not yet") for every check output of an executed notebook."""
    found = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            text = output.get("data", {}).get("text/plain", "") or output.get("text", "")
            found += FEEDBACK.findall(text)
    return found


def error_outputs(notebook: nbformat.NotebookNode) -> list[str]:
    return [f"{o.get('ename')}: {o.get('evalue')}" for cell in notebook.cells
            for o in cell.get("outputs", []) if o.get("output_type") == "error"]


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """An empty folder for a notebook run, so no saved answers leak between runs."""
    return tmp_path


def copy_project(destination: Path) -> Path:
    """A copy of the project's tracked content (no .venv, no _build)."""
    ignore = shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", "*.answers*.json",
                                    ".pytest_cache", ".hypothesis", "*.egg-info")
    shutil.copytree(ROOT, destination, ignore=ignore)
    return destination


@pytest.fixture(scope="session")
def built_book(tmp_path_factory) -> tuple[Path, str]:
    """Build a copy of the book once per test session: (html folder, build log)."""
    import os
    import subprocess
    import sys

    project = copy_project(tmp_path_factory.mktemp("book") / "repo")
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    result = subprocess.run([str(jupyter_book), "build", str(project), "-W", "-n", "--keep-going"],
                            capture_output=True, text=True, env=dict(os.environ, MIGDEV_SAVE="0"))
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-5000:]
    return project / "_build" / "html", log


def html_pages(html: Path) -> list[Path]:
    """Every content page of a built site (the root index.html only redirects)."""
    return sorted(p for p in html.rglob("*.html")
                  if "_static" not in p.parts and p != html / "index.html")
