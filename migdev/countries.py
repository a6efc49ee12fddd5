"""Recognise a country typed by a learner: a name in any of the datasets' spellings, or an ISO3 code."""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache

from migdev.data import CourseError, load, package

# Datasets whose (code column, name column) pairs teach the resolver how countries are spelt.
NAME_COLUMNS = [("iso3", "country"), ("iso3", "name"), ("origin_iso3", "origin"),
                ("destination_iso3", "destination")]


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9 ]", " ", text.casefold())
    text = re.sub(r"\bthe\b", " ", text)
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _names() -> tuple[dict[str, str], dict[str, str]]:
    """(normalised spelling -> ISO3, ISO3 -> display name)."""
    spellings: dict[str, str] = {}
    display: dict[str, str] = {}
    for descriptor in package()["resources"]:
        columns = {field["name"] for field in descriptor["schema"]["fields"]}
        for code_col, name_col in NAME_COLUMNS:
            if code_col in columns and name_col in columns:
                pairs = load(descriptor["name"])[[code_col, name_col]].dropna().drop_duplicates()
                for code, name in pairs.itertuples(index=False):
                    spellings.setdefault(_normalise(name), code)
                    spellings.setdefault(_normalise(code), code)
                    display.setdefault(code, name.rstrip("*").strip())
    return spellings, display


def country_name(iso3: str) -> str:
    """The display name of an ISO3 code (the code itself if unknown)."""
    return _names()[1].get(iso3, iso3)


def resolve(value: object) -> str:
    """The ISO3 code of a country given by name or code; a clear CourseError otherwise."""
    if value is None:
        raise CourseError("No country given: type a country name in quotes, e.g. \"Jamaica\".")
    if not isinstance(value, str):
        raise CourseError(
            f"A country is expected as text in quotes, e.g. \"Jamaica\"; got {value!r} "
            f"(a {type(value).__name__})."
        )
    spellings, display = _names()
    key = _normalise(value)
    if key in spellings:
        return spellings[key]
    close = difflib.get_close_matches(key, list(spellings), n=1, cutoff=0.6)
    if close:
        iso3 = spellings[close[0]]
        raise CourseError(
            f"The country {value!r} is not in the data. Did you mean \"{display.get(iso3, iso3)}\"?"
        )
    raise CourseError(
        f"The country {value!r} is not in the data. Type its English name as the UN or the "
        "World Bank spells it (e.g. \"Republic of Moldova\" or \"Moldova\"), or its three-letter "
        "ISO code (e.g. \"MDA\")."
    )
