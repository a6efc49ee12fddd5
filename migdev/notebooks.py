"""Write the learner edition of an exercise notebook.

The committed notebooks are instructor editions: cells tagged ``solution`` hold the model answers.
The learner edition drops those cells and every output; everything else is unchanged.

Usage::

    python -m migdev.notebooks SOURCE.ipynb [...] --out FOLDER
    python -m migdev.notebooks exercises --in-place      # Binder: every notebook, in place
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

SOLUTION_TAG = "solution"


def is_solution(cell) -> bool:
    return SOLUTION_TAG in cell.get("metadata", {}).get("tags", [])


def learner_edition(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``notebook`` without solution cells and without outputs."""
    learner = nbformat.from_dict(notebook)
    learner.cells = [cell for cell in learner.cells if not is_solution(cell)]
    for cell in learner.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    learner.metadata.pop("widgets", None)
    learner.metadata["migdev_edition"] = "learner"
    return learner


def notebooks_in(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.glob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
        else:
            found.append(path)
    return found


def write_learner_editions(sources: list[Path], out: Path | None) -> list[Path]:
    written = []
    for source in notebooks_in(sources):
        learner = learner_edition(nbformat.read(source, as_version=4))
        target = source if out is None else out / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(learner, target)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write learner editions of exercise notebooks.")
    parser.add_argument("sources", nargs="+", type=Path, help="notebooks or folders of notebooks")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, help="folder for the learner editions")
    where.add_argument("--in-place", action="store_true", help="replace each notebook")
    args = parser.parse_args(argv)
    missing = [str(p) for p in args.sources if not p.exists()]
    if missing:
        print(f"Not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    written = write_learner_editions(args.sources, None if args.in_place else args.out)
    print(f"Wrote {len(written)} learner edition(s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
