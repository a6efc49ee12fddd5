"""The GCM–SDG crosswalk's one data source, read and checked.

``book/crosswalk/coverage.csv`` says which GCM objectives and SDG targets each module, exercise and
template treats. ``gcm_objectives.csv`` (the 23 objectives) and ``sdg_targets.csv`` (the
migration-related targets the course uses) are the lists those cells may name, and ``labels.yaml``
holds every word the generated page and CSV show. The book's ``crosswalk`` Sphinx extension and the
tests both read the crosswalk through :func:`load`.

Usage: python -m tools.crosswalk   (checks the crosswalk; prints each problem, exits 1 if any)
"""

from __future__ import annotations

import csv
import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
FOLDER = Path("book") / "crosswalk"
KINDS = ("module", "exercise", "template")
COVERAGE_COLUMNS = ["kind", "id", "gcm_objectives", "sdg_targets", "basis"]
GCM_COUNT = 23


class CrosswalkError(ValueError):
    """A problem in the crosswalk's files, named with the file, the row and the field."""


@dataclass(frozen=True)
class Objective:
    number: int
    short_title: str
    official_title: str
    paragraph: str
    source: str


@dataclass(frozen=True)
class Target:
    target: str
    short_title: str
    summary: str
    indicators: tuple[str, ...]
    migration_link: str
    source: str


@dataclass(frozen=True)
class Entry:
    """One row of coverage.csv: a page of the course and what it treats."""

    kind: str
    id: str
    gcm: tuple[int, ...]
    sdg: tuple[str, ...]
    basis: str
    docname: str  # the book page that shows it


@dataclass(frozen=True)
class Crosswalk:
    objectives: list[Objective]
    targets: list[Target]
    entries: list[Entry]
    labels: dict

    def treating(self, framework: str, key) -> dict[str, list[Entry]]:
        """The entries that treat one objective (``framework="gcm"``) or target (``"sdg"``), by kind."""
        found = {kind: [] for kind in KINDS}
        for entry in self.entries:
            if key in (entry.gcm if framework == "gcm" else entry.sdg):
                found[entry.kind].append(entry)
        return found


def docname(kind: str, name: str, template_page: str | None = None) -> str:
    """The book page of a module, exercise or template (several templates may share a page)."""
    return {
        "module": f"modules/{name}",
        "exercise": f"exercises/{name}/{name}",
        "template": f"book/templates/{template_page or name}",
    }[kind]


def split(cell: str) -> list[str]:
    return [part.strip() for part in (cell or "").split(";") if part.strip()]


def _rows(path: Path, columns: list[str]) -> list[tuple[int, dict]]:
    """(line number, row) for each data row; the header must hold ``columns``."""
    if not path.is_file():
        raise CrosswalkError(f"{path}: file not found")
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise CrosswalkError(f"{path}: missing column(s) {', '.join(missing)}")
        return [(reader.line_num, row) for row in reader]


def load_objectives(path: Path) -> list[Objective]:
    rows = _rows(path, ["number", "short_title", "official_title", "paragraph", "source"])
    objectives = []
    for line, row in rows:
        if not re.fullmatch(r"\d+", row["number"] or ""):
            raise CrosswalkError(f"{path}, line {line}: number {row['number']!r} is not a whole number")
        objectives.append(
            Objective(
                int(row["number"]), row["short_title"], row["official_title"], row["paragraph"], row["source"]
            )
        )
    numbers = [o.number for o in objectives]
    if numbers != list(range(1, GCM_COUNT + 1)):
        raise CrosswalkError(
            f"{path}: the objectives must be numbered 1 to {GCM_COUNT} in order, found {numbers}"
        )
    return objectives


def load_targets(path: Path) -> list[Target]:
    columns = ["target", "short_title", "summary", "indicators", "migration_link", "source"]
    targets = []
    for line, row in _rows(path, columns):
        if not re.fullmatch(r"\d{1,2}\.(\d{1,2}|[a-c])", row["target"] or ""):
            raise CrosswalkError(f"{path}, line {line}: {row['target']!r} is not an SDG target code")
        indicators = tuple(split(row["indicators"]))
        stray = [i for i in indicators if not i.startswith(row["target"] + ".")]
        if stray:
            raise CrosswalkError(
                f"{path}, line {line}: indicator(s) {stray} do not belong to {row['target']}"
            )
        targets.append(
            Target(
                row["target"],
                row["short_title"],
                row["summary"],
                indicators,
                row["migration_link"],
                row["source"],
            )
        )
    codes = [t.target for t in targets]
    if len(codes) != len(set(codes)):
        raise CrosswalkError(f"{path}: a target is listed twice")
    return targets


def toc_modules(root: Path) -> list[str]:
    """The module file stems listed in ``_toc.yml``, in order."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    found = []

    def walk(entries):
        for entry in entries:
            if entry["file"].startswith("modules/"):
                found.append(entry["file"].split("/", 1)[1])
            walk(entry.get("sections", []))

    for part in toc["parts"]:
        walk(part["chapters"])
    return found


def known_pages(root: Path) -> dict[str, set[str] | None]:
    """The ids coverage.csv may use, by kind. ``None``: that kind cannot be checked (no templates yet)."""
    templates = root / "book" / "templates"
    return {
        "module": set(toc_modules(root)),
        "exercise": {p.parent.name for p in (root / "exercises").glob("*/tasks.yaml")},
        "template": set(template_specs(root)) if templates.is_dir() else None,
    }


def template_specs(root: Path) -> dict[str, dict]:
    """The template specs of ``book/templates/*.yaml`` (those with an ``id``), by id."""
    found = {}
    for path in sorted((root / "book" / "templates").glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(spec, dict) and "id" in spec:
            found[spec["id"]] = spec
    return found


def load_coverage(
    path: Path,
    objectives: list[Objective],
    targets: list[Target],
    known: dict[str, set[str] | None],
    template_pages: dict[str, str] | None = None,
) -> list[Entry]:
    numbers = {o.number for o in objectives}
    codes = [t.target for t in targets]
    entries: list[Entry] = []
    seen: set[tuple[str, str]] = set()
    for line, row in _rows(path, COVERAGE_COLUMNS):
        where = f"{path}, line {line}"
        kind, name = (row["kind"] or "").strip(), (row["id"] or "").strip()
        if kind not in KINDS:
            raise CrosswalkError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
        if known.get(kind) is not None and name not in known[kind]:
            raise CrosswalkError(f"{where}: unknown {kind} id {name!r} (no such {kind} in the course)")
        if (kind, name) in seen:
            raise CrosswalkError(f"{where}: {kind} {name!r} has a second row")
        seen.add((kind, name))
        gcm = []
        for cell in split(row["gcm_objectives"]):
            if not re.fullmatch(r"\d+", cell) or int(cell) not in numbers:
                raise CrosswalkError(
                    f"{where}, field gcm_objectives: {cell!r} is not a GCM objective (1 to {GCM_COUNT})"
                )
            gcm.append(int(cell))
        sdg = split(row["sdg_targets"])
        for cell in sdg:
            if cell not in codes:
                raise CrosswalkError(
                    f"{where}, field sdg_targets: {cell!r} is not in {FOLDER / 'sdg_targets.csv'} ({', '.join(codes)})"
                )
        if len(set(gcm)) != len(gcm) or len(set(sdg)) != len(sdg):
            raise CrosswalkError(f"{where}: an objective or target is listed twice")
        page = docname(kind, name, (template_pages or {}).get(name))
        entries.append(
            Entry(
                kind, name, tuple(sorted(gcm)), tuple(sorted(sdg, key=codes.index)), row["basis"] or "", page
            )
        )
    return entries


def load(root: Path = ROOT, coverage: Path | None = None) -> Crosswalk:
    """Read and check the crosswalk of the course in ``root`` (``coverage``: another coverage file)."""
    folder = root / FOLDER
    objectives = load_objectives(folder / "gcm_objectives.csv")
    targets = load_targets(folder / "sdg_targets.csv")
    pages = {name: spec.get("page", name) for name, spec in template_specs(root).items()}
    entries = load_coverage(
        coverage or folder / "coverage.csv", objectives, targets, known_pages(root), pages
    )
    labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
    return Crosswalk(objectives, targets, entries, labels)


def page_title(root: Path, entry: Entry) -> str:
    """The title of the page that shows ``entry`` (its one ``# `` heading); for a template that
    shares its page with others, the title in its spec; else its id."""
    specs = template_specs(root) if entry.kind == "template" else {}
    pages = [spec.get("page", name) for name, spec in specs.items()]
    own_page = specs.get(entry.id, {}).get("page", entry.id)
    source = root / f"{entry.docname}.md"
    if pages.count(own_page) <= 1 and source.is_file():
        found = re.search(r"^# (.+)$", source.read_text(encoding="utf-8"), re.MULTILINE)
        if found:
            return found.group(1).strip()
    return specs.get(entry.id, {}).get("title", entry.id)


def matrix_rows(crosswalk: Crosswalk, titles: dict[Entry, str], pages: dict[Entry, str]) -> list[list[str]]:
    """The downloadable matrix: a header, then one row per page with 1 (treats) or 0 for each column."""
    words = crosswalk.labels["csv"]
    header = [words["kind"], words["id"], words["title"], words["page"]]
    header += [words["gcm"].format(number=o.number) for o in crosswalk.objectives]
    header += [words["sdg"].format(target=t.target) for t in crosswalk.targets]
    rows = [header]
    for entry in crosswalk.entries:
        row = [entry.kind, entry.id, titles.get(entry, entry.id), pages.get(entry, "")]
        row += ["1" if o.number in entry.gcm else "0" for o in crosswalk.objectives]
        row += ["1" if t.target in entry.sdg else "0" for t in crosswalk.targets]
        rows.append(row)
    return rows


def matrix_csv(crosswalk: Crosswalk, titles: dict[Entry, str], pages: dict[Entry, str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(matrix_rows(crosswalk, titles, pages))
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    root = Path((argv or sys.argv[1:] or [str(ROOT)])[0])
    try:
        crosswalk = load(root)
    except CrosswalkError as error:
        print(error, file=sys.stderr)
        return 1
    print(
        f"Crosswalk: {len(crosswalk.entries)} rows, {len(crosswalk.objectives)} objectives, "
        f"{len(crosswalk.targets)} targets."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
