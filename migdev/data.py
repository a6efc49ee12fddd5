"""Load the course's datasets by name, typed per the schema in ``data/datapackage.json``."""

from __future__ import annotations

import difflib
import json
import os
from functools import lru_cache
from pathlib import Path

import pandas as pd

from migdev.text import say


class CourseError(ValueError):
    """A mistake a learner can fix; shown as a plain message, never as a traceback."""


# Frictionless field types -> pandas dtypes that keep missing values as missing.
PANDAS_TYPES = {
    "integer": "Int64",
    "number": "float64",
    "boolean": "boolean",
    "string": "str",
    "year": "Int64",
}


def data_dir() -> Path:
    """The folder holding ``datapackage.json``: ``$MIGDEV_DATA``, else the repository's ``data/``."""
    configured = os.environ.get("MIGDEV_DATA")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[1] / "data"


@lru_cache(maxsize=4)
def _package(folder: Path) -> dict:
    path = folder / "datapackage.json"
    if not path.is_file():
        raise CourseError(say("data_not_found", path=path))
    return json.loads(path.read_text(encoding="utf-8"))


def package() -> dict:
    """The data package descriptor, as a dict."""
    return _package(data_dir())


def dataset_names() -> list[str]:
    """Names of every dataset in the data package."""
    return [resource["name"] for resource in package()["resources"]]


def resource(name: str) -> dict:
    """The descriptor of one dataset; an unknown name gets the valid names and the closest one."""
    for candidate in package()["resources"]:
        if candidate["name"] == name:
            return candidate
    names = dataset_names()
    shown = repr(name) if isinstance(name, str) else f"{name!r} (a {type(name).__name__})"
    close = difflib.get_close_matches(str(name), names, n=1, cutoff=0.5)
    suggestion = say("dataset_did_you_mean", name=close[0]) if close else ""
    raise CourseError(say("no_such_dataset", shown=shown, suggestion=suggestion, names=", ".join(names)))


@lru_cache(maxsize=16)
def _read(folder: Path, name: str) -> pd.DataFrame:
    descriptor = resource(name)
    fields = descriptor["schema"]["fields"]
    dtypes = {field["name"]: PANDAS_TYPES[field["type"]] for field in fields}
    frame = pd.read_csv(folder / descriptor["path"], dtype=dtypes, keep_default_na=False, na_values=[""])
    return frame[[field["name"] for field in fields]]


def load(name: str) -> pd.DataFrame:
    """A dataset of the course as a table (a fresh copy each call, so edits never leak)."""
    return _read(data_dir(), name).copy()


def describe(name: str) -> pd.DataFrame:
    """The columns of a dataset with their types, units and descriptions."""
    fields = resource(name)["schema"]["fields"]
    return pd.DataFrame(
        [
            {
                "column": f["name"],
                "type": f["type"],
                "unit": f.get("unit", ""),
                "description": f.get("description", ""),
            }
            for f in fields
        ]
    ).set_index("column")
