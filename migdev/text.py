"""The words the helper package says to learners, kept in ``messages.yaml`` (never in code)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

MESSAGES = Path(__file__).with_name("messages.yaml")


@lru_cache(maxsize=1)
def messages() -> dict[str, str]:
    with MESSAGES.open(encoding="utf-8") as handle:
        return {key: " ".join(str(value).split()) for key, value in yaml.safe_load(handle).items()}


def say(key: str, **values: object) -> str:
    """The message ``key`` with its ``{placeholders}`` filled in."""
    return " ".join(messages()[key].format(**values).split())
