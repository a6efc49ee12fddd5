"""Shared helpers: where things are, and how to run a notebook in a fresh kernel."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest
import yaml
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
# Every exercise: a folder of exercises/ holding a task file (names, e.g. "m01-1-money-flows").
EXERCISES = sorted(p.parent.name for p in (ROOT / "exercises").glob("*/tasks.yaml"))
FEEDBACK = re.compile(r"^Task (\S+): (✔ Correct|✘ Not yet)\.", re.MULTILINE)


def source_of(name: str) -> Path:
    """The MyST Markdown source of exercise ``name``."""
    return ROOT / "exercises" / name / f"{name}.md"


def run_notebook(
    notebook: nbformat.NotebookNode,
    folder: Path,
    kernel_name: str = "python3",
    timeout: int = 120,
    allow_errors: bool = False,
) -> nbformat.NotebookNode:
    """Execute ``notebook`` top to bottom in a fresh kernel whose working folder is ``folder``."""
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name=kernel_name,
        allow_errors=allow_errors,
        resources={"metadata": {"path": str(folder)}},
    )
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
    return [
        f"{o.get('ename')}: {o.get('evalue')}"
        for cell in notebook.cells
        for o in cell.get("outputs", [])
        if o.get("output_type") == "error"
    ]


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """An empty folder for a notebook run, so no saved answers leak between runs."""
    return tmp_path


def copy_project(destination: Path) -> Path:
    """A copy of the project's tracked content (no .venv, no _build)."""
    ignore = shutil.ignore_patterns(
        ".venv",
        "_build",
        ".git",
        "__pycache__",
        "*.answers*.json",
        ".pytest_cache",
        ".hypothesis",
        "*.egg-info",
        ".ruff_cache",
        "_plans",
        "new-refs",
        "new-glossary",
    )
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
    result = subprocess.run(
        [str(jupyter_book), "build", str(project), "-W", "-n", "--keep-going"],
        capture_output=True,
        text=True,
        env=dict(os.environ, MIGDEV_SAVE="0"),
    )
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-5000:]
    return project / "_build" / "html", log


def html_pages(html: Path) -> list[Path]:
    """Every content page of a built site (the root index.html only redirects)."""
    return sorted(p for p in html.rglob("*.html") if "_static" not in p.parts and p != html / "index.html")


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium() -> str | None:
    import os

    return shutil.which("chromium") or (os.path.exists("/usr/bin/chromium") and "/usr/bin/chromium") or None


@pytest.fixture(scope="session")
def chromium_browser():
    """Debian's headless Chromium, driven by Playwright (one for the whole test session)."""
    import os

    executable = chromium()
    if executable is None:
        message = (
            "Chromium is not installed, so the browser tests cannot run. Install Debian's "
            "package (apt-get install chromium) or run `make test` as root, which installs it."
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def answers_file(folder: Path, name: str) -> dict:
    """The answers the notebook ``name`` saved in ``folder`` (the folder of the exercise folders):
    its own file, or its section of a shared file (the capstone's stages share one)."""
    spec = yaml.safe_load((ROOT / "exercises" / name / "tasks.yaml").read_text(encoding="utf-8"))
    shared = spec.get("answers_file")
    path = folder / f"{shared}.answers.json" if shared else folder / name / f"{name}.answers.json"
    assert path.exists(), f"{name}: no answers file was written (did the notebook run?)"
    content = json.loads(path.read_text(encoding="utf-8"))
    if shared:
        assert name in content["stages"], f"{name}: no section in {path.name} (did the notebook run?)"
        return content["stages"][name]
    return content
