"""The book builds with -W -n --keep-going and zero warnings, and shows what learners need."""

import re
from pathlib import Path

import pytest
import yaml
from conftest import EXERCISES, ROOT

pytestmark = pytest.mark.book

CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
REPOSITORY = CONFIG["repository"]["url"].split("github.com/", 1)[1]


@pytest.fixture(scope="module")
def html(built_book) -> Path:
    folder, log = built_book
    sphinx_problems = re.findall(r"^(?:.*: )?(?:WARNING|ERROR|CRITICAL): .*$", log, re.MULTILINE)
    assert sphinx_problems == []
    assert "build succeeded." in log
    return folder


def page(html: Path, name: str) -> str:
    return (html / f"{name}.html").read_text(encoding="utf-8")


def test_index_exists(html):
    assert (html / "index.html").exists() and (html / "book" / "index.html").exists()


def test_module_1_shows_lesson_quiz_and_exercises_with_binder_and_downloads(html):
    text = page(html, "modules/m01-linkages")
    assert "Learning objectives" in text and "Self-check quiz" in text and "Key takeaways" in text
    assert text.count('class="solution dropdown admonition"') >= 5
    for name in [n for n in EXERCISES if n.startswith("m01-")]:
        binder = (
            f"mybinder.org/v2/gh/{REPOSITORY}/main?urlpath=lab%2Ftree%2Fexercises%2F{name}%2F{name}.ipynb"
        )
        assert binder in text
        assert f'href="../learner/{name}.ipynb"' in text
        assert (html / "learner" / f"{name}.ipynb").exists()


@pytest.mark.parametrize("name", EXERCISES)
def test_exercise_pages_fold_solutions_and_launch_our_repository(html, name):
    text = page(html, f"exercises/{name}/{name}")
    assert "tag_solution" in text and "tag_hide-cell" in text
    assert "Show solution" in text
    assert f"mybinder.org/v2/gh/{REPOSITORY}/main" in text
    assert "executablebooks/jupyter-book" not in text
    assert "✔ Correct" in text


def test_no_widget_javascript_is_loaded_from_a_cdn(html):
    for path in html.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "html-manager" not in text and "require.min.js" not in text, path


def test_data_catalogue_is_generated_from_the_package(html):
    import json

    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    text = page(html, "book/data-catalogue")
    for resource in package["resources"]:
        assert resource["name"] in text
        assert resource["hash"].split(":", 1)[1] in text
        for field in resource["schema"]["fields"]:
            assert field["name"] in text


def test_glossary_and_references_are_built(html):
    assert "Remittances" in page(html, "book/glossary")
    assert "Mainstreaming Migration into Development Planning" in page(html, "book/references")


def test_no_page_loads_mathjax_or_other_cdn_scripts(html):
    for path in html.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r'<(?:script|link)[^>]+(?:src|href)="(?:https?:)?//', text), path
