"""Pack the built book into a zip that works offline: from disk (file://) or a local web server.

Usage::

    python -m tools.offline _build/html _build/mainstreaming-migration-course.zip

The site loads nothing from other origins (the book build and the tests see to that), so the zip
is the whole course: copy it to a laptop or USB stick, unzip, and open ``index.html``.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

FOLDER_IN_ZIP = "mainstreaming-migration-course"
README = """Mainstreaming Migration into Development Planning: offline copy of the course

Open index.html in this folder with any web browser. Everything the pages need is in this folder:
no internet connection is needed to read the course.

To run the exercises you need Jupyter: each exercise can be downloaded as a learner edition from
its module page (the files are in the learner/ folder).
"""


def site_files(html: Path):
    """(path, path inside the site) of every file of the built site, without Sphinx's build state."""
    for path in sorted(html.rglob("*")):
        relative = path.relative_to(html)
        if path.is_file() and relative.parts[0] != ".doctrees" and path.name != ".buildinfo":
            yield path, relative.as_posix()


def pack(html: Path, target: Path) -> Path:
    if not (html / "index.html").is_file():
        raise SystemExit(f"No built book at {html}: run `make book` first.")
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(f"{FOLDER_IN_ZIP}/README.txt", README)
        for path, relative in site_files(html):
            archive.write(path, f"{FOLDER_IN_ZIP}/{relative}")
    return target


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__)
        return 2
    target = pack(Path(args[0]), Path(args[1]))
    print(f"Offline copy: {target} ({target.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
