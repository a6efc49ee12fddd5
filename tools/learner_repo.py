"""Write the learner repository: what a JupyterHub (through nbgitpuller), Binder or a laptop needs
to run the exercises, and nothing else.

It holds the learner edition of every exercise (with its task file and compute.py), the data
package, the runtime package ``migdev`` with a short ``pyproject.toml``, the pinned
``requirements.txt`` of binder/ plus ``-e .`` (so that the notebooks find ``migdev`` and the data
from their own folders), and a README for hub administrators written from
``tools/learner-repo/README.md``. No model answers, no instructor notes, no build tooling, no tests.
The folder is ready for ``git init && git push``.

Usage::

    python -m tools.learner_repo _build/learner-repo

The nbgitpuller links that open an exercise on a hub are built by :func:`nbgitpuller_link`
(also used by the book's instructor page, book/_ext/hub_links.py).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from urllib.parse import quote, urlencode

import jinja2
import yaml

from tools.learner import sources, write_editions

ROOT = Path(__file__).resolve().parents[1]
FILES = ROOT / "tools" / "learner-repo"
EXERCISE_FILES = ("tasks.yaml", "compute.py")
SKIP = shutil.ignore_patterns(
    "__pycache__", "*.pyc", "*.answers*.json", ".ipynb_checkpoints", "scripts", "*.py"
)
RUNTIME = ("*.py", "*.yaml", "*.json")
PROJECT_SECTIONS = ("[build-system]", "[project]", "[tool.setuptools")
PREFLIGHT = "exercises/preflight-check/preflight-check.ipynb"
EXAMPLE_HUB = "https://hub.example.org"
EXAMPLE_REPOSITORY = "https://github.com/example-organisation/migration-course-learner"


# ------------------------------------------------------------------ settings and links
def settings(root: Path = ROOT) -> dict:
    """The hub address and the learner repository (URL, branch, folder), from ``_config.yml``:
    ``launch_buttons.jupyterhub_url`` and ``sphinx.config.learner_repository_*``."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    sphinx = (config.get("sphinx") or {}).get("config") or {}
    url = sphinx.get("learner_repository_url") or ""
    return {
        "hub": ((config.get("launch_buttons") or {}).get("jupyterhub_url") or "").strip(),
        "repository": url.strip(),
        "branch": sphinx.get("learner_repository_branch") or "main",
        "folder": folder_name(url or EXAMPLE_REPOSITORY),
    }


def folder_name(repository: str) -> str:
    """The folder nbgitpuller pulls into: the repository's last path part, without ``.git``."""
    name = repository.rstrip("/").rsplit("/", 1)[-1]
    return name[:-4] if name.endswith(".git") else name


def nbgitpuller_link(hub: str, repository: str, branch: str, notebook: str, folder: str = "") -> str:
    """The link that pulls ``repository`` (``branch``) into the user's ``folder`` on ``hub`` and
    opens ``notebook`` (a path inside the repository) in JupyterLab."""
    folder = folder or folder_name(repository)
    query = urlencode(
        {
            "repo": repository,
            "branch": branch,
            "targetpath": folder,
            "urlpath": f"lab/tree/{folder}/{notebook}",
        },
        quote_via=quote,
        safe="",
    )
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def addresses(hub: str, repository: str, branch: str) -> dict:
    """The hub, repository and branch links use: the examples until both addresses are set."""
    hub, repository = (hub or "").strip(), (repository or "").strip()
    return {
        "hub": hub or EXAMPLE_HUB,
        "repository": repository or EXAMPLE_REPOSITORY,
        "branch": branch or "main",
        "example": not (hub and repository),
    }


def notebooks(root: Path = ROOT) -> list[str]:
    """The path of every exercise's notebook inside the learner repository, in name order."""
    return [f"exercises/{s.stem}/{s.stem}.ipynb" for s in sources(root / "exercises")]


# ------------------------------------------------------------------ the repository
def requirements(root: Path = ROOT) -> str:
    """binder/requirements.txt's pins (without pip-compile's notes), then ``-e .`` for migdev."""
    lines = (root / "binder" / "requirements.txt").read_text(encoding="utf-8").splitlines()
    pins = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    return "\n".join([*pins, "-e .", ""])


def pyproject(root: Path = ROOT) -> str:
    """The course's pyproject.toml without its tool settings (tests, linters)."""
    kept, keep = [], False
    for line in (root / "pyproject.toml").read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            keep = line.startswith(PROJECT_SECTIONS)
        if keep:
            kept.append(line)
    return "\n".join(kept).strip() + "\n"


def readme(root: Path = ROOT) -> str:
    found = settings(root)
    template = jinja2.Template((FILES / "README.md").read_text(encoding="utf-8"), keep_trailing_newline=True)
    first = PREFLIGHT if PREFLIGHT in notebooks(root) else notebooks(root)[0]
    where = addresses(found["hub"], found["repository"], found["branch"])
    example = nbgitpuller_link(where["hub"], where["repository"], where["branch"], first)
    return template.render(**found, example_link=example, notebooks=notebooks(root))


def write_learner_repo(dest: Path, root: Path = ROOT) -> Path:
    """Write the learner repository into ``dest`` (emptied first); return ``dest``."""
    dest = Path(dest)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    write_editions(root / "exercises", dest / "exercises", "learner")
    for source in sources(root / "exercises"):
        for name in EXERCISE_FILES:
            if (source.parent / name).is_file():
                shutil.copy2(source.parent / name, dest / "exercises" / source.stem / name)
    shutil.copytree(root / "data", dest / "data", ignore=SKIP)
    (dest / "migdev").mkdir()
    for pattern in RUNTIME:
        for path in (root / "migdev").glob(pattern):
            shutil.copy2(path, dest / "migdev" / path.name)
    (dest / "requirements.txt").write_text(requirements(root), encoding="utf-8")
    (dest / "pyproject.toml").write_text(pyproject(root), encoding="utf-8")
    shutil.copy2(root / "binder" / "runtime.txt", dest / "runtime.txt")
    (dest / "README.md").write_text(readme(root), encoding="utf-8")
    shutil.copy2(FILES / "gitignore", dest / ".gitignore")
    return dest


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__)
        return 2
    dest = write_learner_repo(Path(args[0]))
    count = len(list(dest.glob("exercises/*/*.ipynb")))
    print(f"Learner repository: {dest} ({count} notebooks)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
