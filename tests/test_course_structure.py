"""Every published module follows the page anatomy, lists its exercises, and is no longer on the
"coming next" page; the glossary and bibliography have one home each."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import EXERCISES, ROOT

from tools import crosswalk


def toc_files() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = []

    def walk(entries):
        for entry in entries:
            files.append(entry["file"])
            walk(entry.get("sections", []))

    for part in toc["parts"]:
        walk(part["chapters"])
    return files


MODULES = [f for f in toc_files() if f.startswith("modules/")]


def lesson_words(text: str) -> int:
    """Words between the learning objectives and the key takeaways, without markup."""
    lesson = text.split("## Key takeaways")[0].split("## Learning objectives", 1)[-1]
    lesson = re.sub(r"\{[a-z:]+\}`[^`]*`", "", lesson)
    lesson = re.sub(r"^[:`]{3,}.*$", "", lesson, flags=re.MULTILINE)
    return len(re.findall(r"[A-Za-z][A-Za-z'’-]*", lesson))


@pytest.mark.parametrize("module", MODULES)
def test_module_page_anatomy(module):
    text = (ROOT / f"{module}.md").read_text(encoding="utf-8")
    assert len(re.findall(r"^# ", text, re.MULTILINE)) == 1
    for heading in [
        "## Learning objectives",
        "## Key takeaways",
        "## Self-check quiz",
        "## Exercises",
        "## Further reading",
    ]:
        assert heading in text, f"{module}: missing {heading}"
    order = [
        text.index(h)
        for h in [
            "## Learning objectives",
            "## Key takeaways",
            "## Self-check quiz",
            "## Exercises",
            "## Further reading",
        ]
    ]
    assert order == sorted(order), f"{module}: sections out of order"
    assert re.search(r":::\{admonition\} Case", text), f"{module}: no case box"
    number = re.search(r"m(\d\d)", module).group(1)
    questions = re.findall(rf"^:::\{{exercise\}} Question \d+\n:label: m{number}-quiz-\d+$", text, re.M)
    answers = re.findall(rf"^:::\{{solution\}} m{number}-quiz-\d+\n:class: dropdown$", text, re.M)
    assert len(questions) == len(answers) >= 5, f"{module}: fewer than 5 quiz questions with answers"
    assert lesson_words(text) >= 1500, f"{module}: lesson has {lesson_words(text)} words"
    assert "<!-- EXERCISES -->" not in text
    assert "{cite" in text


def toc_children() -> dict[str, list[str]]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return {
        chapter["file"]: [s["file"] for s in chapter.get("sections", [])]
        for part in toc["parts"]
        for chapter in part["chapters"]
    }


@pytest.mark.parametrize("module", MODULES)
def test_module_lists_its_exercises_from_the_toc(module):
    text = (ROOT / f"{module}.md").read_text(encoding="utf-8")
    assert re.search(r"^```\{exercise-list\}\n```$", text, re.M), "an empty exercise-list directive"
    number = re.search(r"modules/m(\d\d)", module).group(1)
    folders = sorted(f"exercises/{n}/{n}" for n in EXERCISES if n.startswith(f"m{number}-"))
    assert len(folders) >= 2 and sorted(toc_children()[module]) == folders


def test_coming_next_lists_only_what_is_still_to_come():
    text = (ROOT / "book" / "coming-next.md").read_text(encoding="utf-8")
    announced = set(re.findall(r"^## Module (\d+)\.", text, re.MULTILINE))
    published = {str(int(re.search(r"m(\d\d)", m).group(1))) for m in MODULES}
    assert not announced & published
    if "book/programme-catalogue" in toc_files():
        assert "## Programme catalogue" not in text


def test_every_exercise_is_in_the_toc_once():
    files = toc_files()
    for name in EXERCISES:
        assert files.count(f"exercises/{name}/{name}") == 1, name


def test_glossary_and_bibliography_have_one_home_each():
    assert not (ROOT / "book" / "glossary").exists(), "merge glossary fragments into book/glossary.md"
    assert not (ROOT / "book" / "bib").exists(), "merge .bib fragments into book/references.bib"
    keys = re.findall(
        r"^@\w+\{([^,]+),", (ROOT / "book" / "references.bib").read_text(encoding="utf-8"), re.MULTILINE
    )
    assert len(keys) == len(set(keys))


@pytest.fixture(scope="module")
def coverage() -> dict[str, crosswalk.Entry]:
    return {entry.id: entry for entry in crosswalk.load(ROOT).entries if entry.kind == "module"}


@pytest.mark.parametrize("module", MODULES)
def test_module_records_its_frameworks_and_timing_as_data(module, coverage):
    """A module's teaching time is front matter (for instructor agendas); the GCM objectives and SDG
    targets it teaches are its row in book/crosswalk/coverage.csv, the one source of the crosswalk."""
    text = (ROOT / f"{module}.md").read_text(encoding="utf-8")
    assert text.startswith("---\n"), "front matter first"
    meta = yaml.safe_load(text.split("---\n", 2)[1])
    assert set(meta) == {"minutes"}, "GCM objectives and SDG targets go in book/crosswalk/coverage.csv"
    assert 15 <= meta["minutes"]["teaching"] <= 180
    row = coverage.get(module.split("/", 1)[1])
    assert row is not None, f"{module}: no row in book/crosswalk/coverage.csv"
    assert all(1 <= o <= 23 for o in row.gcm)
    assert all(re.fullmatch(r"\d{1,2}\.[0-9a-c]+", t) for t in row.sdg)
    assert row.gcm or row.sdg, f"{module}: a module treats at least one objective or target"
