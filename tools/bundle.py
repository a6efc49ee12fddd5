"""Write the USB bundle for a room without internet: one zip with the offline site, the learner
repository and a wheelhouse (every wheel needed to install the exercises and JupyterLab with no
network) for each platform of ``tools/usb-bundle/platforms.yaml``, and a one-page guide for
participants and the instructor (``tools/usb-bundle/START-HERE.md``, also written as HTML).

Usage (``make bundle`` builds the book first)::

    python -m tools.bundle _build/html _build/mainstreaming-migration-bundle.zip

The wheelhouse is downloaded from the package index (``pip download --only-binary=:all:``), with
the versions of requirements/lock.txt. A platform for which a package has no wheel is recorded,
with the package, in ``wheelhouse/platforms.json`` and in the guide's table.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import jinja2
import yaml
from markdown_it import MarkdownIt

from tools.learner_repo import write_learner_repo
from tools.offline import site_files

ROOT = Path(__file__).resolve().parents[1]
FILES = ROOT / "tools" / "usb-bundle"
LOCK = ROOT / "requirements" / "lock.txt"
FOLDER_IN_ZIP = "mainstreaming-migration-bundle"
LAPTOP_REQUIREMENTS = "requirements-laptop.txt"
MISSING = (
    re.compile(r"No matching distribution found for ([A-Za-z0-9_.\-]+)"),
    re.compile(r"no matching distributions available for your environment:[ \t]*\n((?:[ \t]+\S+[ \t]*\n)+)"),
)
INSTALL = {
    "windows": "py -3.11 -m venv env\nenv\\Scripts\\activate\ncd course\n"
    "python -m pip install --no-index --find-links ..\\wheelhouse\\{folder} -r " + LAPTOP_REQUIREMENTS,
    "posix": "python3.11 -m venv env\n. env/bin/activate\ncd course\n"
    "python -m pip install --no-index --find-links ../wheelhouse/{folder} -r " + LAPTOP_REQUIREMENTS,
}


def spec() -> dict:
    return yaml.safe_load((FILES / "platforms.yaml").read_text(encoding="utf-8"))


def pinned(name: str) -> str:
    """``name==version`` as pinned in requirements/lock.txt."""
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if line.lower().startswith(f"{name.lower()}=="):
            return line.strip()
    raise SystemExit(f"{name} is not pinned in {LOCK}")


def laptop_requirements() -> str:
    """``requirements-laptop.txt``: the learner repository's requirements, and JupyterLab."""
    return f"-r requirements.txt\n{pinned('jupyterlab')}\n"


def write_laptop_requirements(repo: Path) -> Path:
    path = repo / LAPTOP_REQUIREMENTS
    path.write_text(laptop_requirements(), encoding="utf-8")
    return path


def download_list(repo: Path, folder: Path, with_jupyterlab: bool = True) -> Path:
    """The requirements to download: the repository's pins (not ``-e .``), and JupyterLab."""
    lines = [line for line in (repo / "requirements.txt").read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line and not line.startswith("-e")]
    lines += [pinned("jupyterlab")] if with_jupyterlab else []
    path = folder / ("download-jupyterlab.txt" if with_jupyterlab else "download-runtime.txt")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def missing_packages(log: str) -> list[str]:
    found = [name for name in MISSING[0].findall(log)]
    for block in MISSING[1].findall(log):
        found += block.split()
    return sorted({name.lower() for name in found}) or ["(see pip's log)"]


def download(requirements: Path, dest: Path, tags: list[str], python: str) -> list[str]:
    """Download every wheel of ``requirements`` for ``tags`` into ``dest``; return the packages
    that have no wheel there (an empty list when all were found)."""
    command = [sys.executable, "-m", "pip", "download", "--disable-pip-version-check"]
    command += ["--only-binary=:all:", "--implementation", "cp", "--python-version", python]
    command += [f"--platform={tag}" for tag in tags]
    command += ["-d", str(dest), "-r", str(requirements), "-c", str(LOCK)]
    result = subprocess.run(command, capture_output=True, text=True)
    return [] if result.returncode == 0 else missing_packages(result.stdout + result.stderr)


def build_wheelhouse(repo: Path, wheelhouse: Path) -> list[dict]:
    """A folder of wheels per platform; for each, what installs (JupyterLab too, or the exercises
    only) and which packages had no wheel."""
    settings, report = spec(), []
    with tempfile.TemporaryDirectory() as scratch:
        full, runtime = download_list(repo, Path(scratch)), download_list(repo, Path(scratch), False)
        for platform in settings["platforms"]:
            dest = wheelhouse / platform["folder"]
            missing = download(full, dest, platform["tags"], settings["python"])
            runtime_ok = not missing or not download(runtime, dest, platform["tags"], settings["python"])
            if not runtime_ok and dest.exists():
                for wheel in dest.iterdir():
                    wheel.unlink()
                dest.rmdir()
            report.append(
                {
                    "folder": platform["folder"],
                    "label": platform["label"],
                    "tags": platform["tags"],
                    "jupyterlab": not missing,
                    "runtime": runtime_ok,
                    "missing": missing,
                    "megabytes": round(folder_size(dest) / 1e6, 1),
                }
            )
    (wheelhouse / "platforms.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    return report


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) if folder.exists() else 0


def guide(report: list[dict]) -> tuple[str, str]:
    """The guide as Markdown and as a standalone HTML page."""
    settings = spec()
    shells = {p["folder"]: p["shell"] for p in settings["platforms"]}
    platforms = [dict(p, commands=INSTALL[shells[p["folder"]]].format(folder=p["folder"])) for p in report]
    template = jinja2.Template(
        (FILES / "START-HERE.md").read_text(encoding="utf-8"), trim_blocks=True, keep_trailing_newline=True
    )
    text = template.render(
        platforms=platforms,
        missing_platforms=", ".join(p["label"] for p in report if not p["jupyterlab"]),
        python=".".join(settings["python"].split(".")[:2]),
        jupyterlab=pinned("jupyterlab").split("==")[1],
    )
    title = text.splitlines()[0].lstrip("# ")
    body = MarkdownIt("commonmark").enable("table").render(text)
    page = (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>'
        "<style>body{font-family:sans-serif;max-width:48em;margin:2em auto;padding:0 1em;line-height:1.5}"
        "pre{background:#f3f3f3;padding:.8em;white-space:pre-wrap;overflow-wrap:anywhere}table{border-collapse:collapse}"
        "th,td{border:1px solid #999;padding:.3em .6em;text-align:left;vertical-align:top}</style>"
        f"</head><body>\n{body}</body></html>\n"
    )
    return text, page


def pack(
    html: Path, target: Path, wheelhouse: Path | None = None, repo: Path | None = None
) -> tuple[Path, list[dict]]:
    """Write the bundle zip; the learner repository and the wheelhouse are written unless
    existing ones are given."""
    with tempfile.TemporaryDirectory() as scratch:
        repo = repo or write_learner_repo(Path(scratch) / "course")
        if wheelhouse is None:
            wheelhouse = Path(scratch) / "wheelhouse"
            report = build_wheelhouse(repo, wheelhouse)
        else:
            report = json.loads((wheelhouse / "platforms.json").read_text(encoding="utf-8"))
        markdown, page = guide(report)
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(f"{FOLDER_IN_ZIP}/START-HERE.md", markdown)
            archive.writestr(f"{FOLDER_IN_ZIP}/START-HERE.html", page)
            archive.writestr(f"{FOLDER_IN_ZIP}/course/{LAPTOP_REQUIREMENTS}", laptop_requirements())
            for path, relative in site_files(html):
                archive.write(path, f"{FOLDER_IN_ZIP}/site/{relative}")
            for part, folder in (("course", repo), ("wheelhouse", wheelhouse)):
                for path in sorted(folder.rglob("*")):
                    if path.is_file():
                        stored = zipfile.ZIP_STORED if path.suffix == ".whl" else zipfile.ZIP_DEFLATED
                        name = f"{FOLDER_IN_ZIP}/{part}/{path.relative_to(folder).as_posix()}"
                        archive.write(path, name, compress_type=stored)
    return target, report


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (2, 3):
        print(__doc__)
        return 2
    html, target = Path(args[0]), Path(args[1])
    if not (html / "index.html").is_file():
        print(f"No built book at {html}: run `make book` first.", file=sys.stderr)
        return 2
    target, report = pack(html, target, Path(args[2]) if len(args) == 3 else None)
    for platform in report:
        state = (
            "JupyterLab" if platform["jupyterlab"] else "exercises only" if platform["runtime"] else "none"
        )
        missing = ", ".join(platform["missing"]) or "-"
        print(f"{platform['folder']}: {state}, {platform['megabytes']} MB; no wheel: {missing}")
    print(f"Bundle: {target} ({target.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
