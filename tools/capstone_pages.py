"""The capstone's book pages, from data and words (logic only; no words here).

- ``table(key)``: a dossier table of ``book/capstone/labels.yaml`` (resource, rows, columns), its
  values read from the data package by ``migdev.data.load``;
- ``roles()``: the role cards of ``roles.yaml`` with their figures filled from the dossier;
- ``role_cards_html()``: the printable cut-out cards (one per half A4 page, no external loads);
- ``debrief()`` and ``stages()``: the instructor debrief and the six stages with their minutes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
import yaml

from migdev.data import load, resource
from tools import agendas

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "book" / "capstone"
CARDS_TEMPLATE = FOLDER / "role-cards.html.j2"
PREFIX = "capstone"  # the stages' exercise folders: exercises/capstone-*


class CapstonePageError(ValueError):
    """A role, table or figure reference that the data cannot serve."""


def read_yaml(name: str) -> dict:
    return yaml.safe_load((FOLDER / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def labels() -> dict:
    return read_yaml("labels.yaml")


def debrief() -> dict:
    return read_yaml("debrief.yaml")


def dependencies() -> list[Path]:
    """The files the capstone pages are made from."""
    data = ROOT / "data"
    return [
        *sorted(FOLDER.glob("*.yaml")),
        CARDS_TEMPLATE,
        Path(__file__),
        data / "datapackage.json",
        *sorted((data / "fictional").glob("capstone_*.csv")),
        *sorted((ROOT / "exercises").glob(f"{PREFIX}-*/tasks.yaml")),
    ]


# --- the dossier --------------------------------------------------------------------------------


LIST_SEPARATOR = ";"  # a cell listing several ids (e.g. "I4;I5") reads "I4, I5"
ID_LIST = re.compile(rf"\w+(?:{LIST_SEPARATOR}\w+)+")


def plain(value: object) -> object:
    """A value of a table as a reader expects it: None where missing, whole numbers as integers, a
    list of ids separated by commas."""
    if value is None or value != value:  # NaN and pandas' NA are not equal to themselves
        return None
    value = getattr(value, "item", lambda: value)()  # numpy scalars -> Python values
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and ID_LIST.fullmatch(value):
        return value.replace(LIST_SEPARATOR, ", ")
    return value


def cell(value: object, field: str) -> object:
    """A value of a dossier table: as written in the CSV for a field such as a year."""
    value = plain(value)
    return str(value) if value is not None and field in labels()["as_written"] else value


def table(key: str) -> tuple[str, list[str], list[list]]:
    """(caption, header, rows) of dossier table ``key``: its rows as Python values."""
    spec = labels()["tables"].get(key)
    if spec is None:
        raise CapstonePageError(f"no table {key!r} in book/capstone/labels.yaml")
    frame = load(spec["resource"])
    for name, wanted in (spec.get("where") or {}).items():
        frame = frame[frame[name].isin(wanted if isinstance(wanted, list) else [wanted])]
    columns = spec["columns"]
    unnamed = [name for name in columns if name not in labels()["columns"]]
    if unnamed or set(columns) - set(frame.columns):
        raise CapstonePageError(f"table {key!r}: a column without a heading or not in {spec['resource']}")
    header = [labels()["columns"][name] for name in columns]
    lines = frame[columns].itertuples(index=False)
    rows = [[cell(value, name) for value, name in zip(line, columns, strict=True)] for line in lines]
    caption = labels()["fictional_caption"].format(title=spec["caption"])
    return caption, header, rows


def source_line(key: str) -> str:
    name = labels()["tables"][key]["resource"]
    if not resource(name).get("fictional"):
        raise CapstonePageError(f"{name} is not marked fictional in data/datapackage.json")
    return " ".join(labels()["source"].format(resource=name).split())


def figure(ref: dict) -> object:
    """One figure of the dossier: ``field`` of the row whose first column is ``key`` (a list of keys
    adds their values up)."""
    frame = load(ref["resource"])
    first = frame.columns[0]
    keys = ref["key"] if isinstance(ref["key"], list) else [ref["key"]]
    found = frame[frame[first].isin(keys)]
    if len(found) != len(keys):
        missing = sorted(set(keys) - set(found[first]))
        raise CapstonePageError(f"{ref['resource']}: no row {', '.join(map(str, missing))}")
    if ref["field"] not in frame.columns:
        raise CapstonePageError(f"{ref['resource']}: no field {ref['field']!r}")
    values = found[ref["field"]]
    return plain(values.sum()) if len(keys) > 1 else plain(values.iloc[0])


# --- the roles ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Role:
    id: str
    title: str  # the stakeholder's name in the dossier
    position: str  # the stakeholder's position in the dossier
    public: str
    interests: list[str]
    information: list[str]  # filled with the dossier's figures
    red_lines: list[str]


def roles() -> list[Role]:
    stakeholders = load("capstone_stakeholders").set_index("stakeholder_id")
    found = []
    for spec in read_yaml("roles.yaml")["roles"]:
        if spec["stakeholder"] not in stakeholders.index:
            raise CapstonePageError(f"role {spec['id']!r}: no stakeholder {spec['stakeholder']!r}")
        row = stakeholders.loc[spec["stakeholder"]]
        information = [
            item["text"].format(**{name: figure(ref) for name, ref in item.get("figures", {}).items()})
            for item in spec["information"]
        ]
        found.append(
            Role(
                id=spec["id"],
                title=str(row["name"]),
                position=str(row["position"]),
                public=" ".join(spec["public"].split()),
                interests=list(spec["interests"]),
                information=information,
                red_lines=list(spec["red_lines"]),
            )
        )
    return found


def role_cards_html() -> str:
    """The printable role cards: one self-contained HTML page, one card per half A4 page."""
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    template = environment.from_string(CARDS_TEMPLATE.read_text(encoding="utf-8"))
    return template.render(words=labels()["roles"], fictional=labels()["fictional"], roles=roles())


# --- the stages -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stage:
    id: str  # the exercise folder
    doc: str  # its page
    title: str
    minutes: int


def stages(root: Path = ROOT) -> list[Stage]:
    found = []
    for activity in agendas.exercise_activities(root, PREFIX, "stage"):
        name = activity.doc.split("/")[1]
        tasks = yaml.load(
            (root / "exercises" / name / "tasks.yaml").read_text(encoding="utf-8"), Loader=agendas.LOADER
        )
        found.append(Stage(name, activity.doc, str(tasks.get("title", name)), activity.minutes))
    return found
