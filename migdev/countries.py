"""Recognise a country typed by a learner: a name in any of the datasets' spellings, or an ISO3 code."""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache

from migdev.data import CourseError, load, package
from migdev.reading import describe
from migdev.text import say

# Datasets whose (code column, name column) pairs teach the resolver how countries are spelt.
NAME_COLUMNS = [
    ("iso3", "country"),
    ("iso3", "name"),
    ("origin_iso3", "origin"),
    ("destination_iso3", "destination"),
]


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


def names_of(codes: list[str]) -> list[str]:
    """The display names of ISO3 codes, in their order."""
    return [country_name(code) for code in codes]


def one_of(value: object, offered: list[str], left_out: dict[str, str], texts) -> str:
    """The ISO3 code of ``value`` when it is one of the ``offered`` codes; else a CourseError in
    the exercise's own words: ``texts[left_out[code]]`` for a country left out with a reason,
    ``texts["not_offered"]`` for any other. Each text may use {names} and {country}."""
    code = resolve(value)
    if code in left_out or code not in offered:
        key = left_out.get(code, "not_offered")
        raise CourseError(texts[key].format(names=", ".join(names_of(offered)), country=country_name(code)))
    return code


def resolve(value: object) -> str:
    """The ISO3 code of a country given by name or code; a clear CourseError otherwise."""
    if value is None or isinstance(value, str) and not value.strip():
        raise CourseError(say("country_missing"))
    if not isinstance(value, str):
        raise CourseError(say("country_not_text", described=describe(value)))
    spellings, display = _names()
    key = _normalise(value)
    if key in spellings:
        return spellings[key]
    close = difflib.get_close_matches(key, list(spellings), n=1, cutoff=0.6)
    suggestion = say("country_did_you_mean", name=display.get(spellings[close[0]], close[0])) if close else ""
    raise CourseError(say("country_unknown", text=value, suggestion=suggestion))
