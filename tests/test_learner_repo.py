"""The learner repository (tools/learner_repo.py) holds learner editions, the data and the runtime
with pinned requirements, and nothing of the course's tooling; its nbgitpuller links encode the
hub, repository, branch and notebook so that nbgitpuller reads them back unchanged."""

from __future__ import annotations

import json
import re
import zipfile
from urllib.parse import parse_qs, urlsplit

import nbformat
import pytest
from conftest import EXERCISES, ROOT

from tools import bundle, learner_repo


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    return learner_repo.write_learner_repo(tmp_path_factory.mktemp("learner") / "repo")


def query(link: str) -> dict[str, str]:
    parts = urlsplit(link)
    return {key: values[0] for key, values in parse_qs(parts.query, strict_parsing=True).items()}


def test_a_link_round_trips_every_part_through_url_encoding():
    repository = "https://git.example.org/team a/course-learner.git"
    link = learner_repo.nbgitpuller_link(
        "https://hub.example.org/", repository, "release/2026 & more", "exercises/m01-1-x/m01-1-x.ipynb"
    )
    assert link.startswith("https://hub.example.org/hub/user-redirect/git-pull?")
    assert " " not in link and "&more" not in link
    assert query(link) == {
        "repo": repository,
        "branch": "release/2026 & more",
        "targetpath": "course-learner",
        "urlpath": "lab/tree/course-learner/exercises/m01-1-x/m01-1-x.ipynb",
    }
    assert "urlpath=lab%2Ftree%2Fcourse-learner%2Fexercises%2F" in link


def test_the_folder_is_the_repository_name_or_the_one_given():
    assert learner_repo.folder_name("https://github.com/org/learner.git") == "learner"
    assert learner_repo.folder_name("https://github.com/org/learner/") == "learner"
    link = learner_repo.nbgitpuller_link(
        "https://hub", "https://github.com/org/x", "main", "a.ipynb", "course"
    )
    assert query(link)["targetpath"] == "course" and query(link)["urlpath"] == "lab/tree/course/a.ipynb"


def test_settings_come_from_the_config_file(tmp_path):
    (tmp_path / "_config.yml").write_text(
        "launch_buttons: {jupyterhub_url: ' https://hub.my.org '}\n"
        "sphinx: {config: {learner_repository_url: 'https://github.com/me/ex.git', "
        "learner_repository_branch: dev}}\n",
        encoding="utf-8",
    )
    assert learner_repo.settings(tmp_path) == {
        "hub": "https://hub.my.org",
        "repository": "https://github.com/me/ex.git",
        "branch": "dev",
        "folder": "ex",
    }
    (tmp_path / "_config.yml").write_text("title: x\n", encoding="utf-8")
    assert (
        learner_repo.settings(tmp_path)["hub"] == "" and learner_repo.settings(tmp_path)["branch"] == "main"
    )


def test_links_use_the_examples_until_both_addresses_are_set():
    assert learner_repo.addresses("", "https://github.com/me/x", "")["example"] is True
    assert learner_repo.addresses("https://h", " ", "main")["repository"] == learner_repo.EXAMPLE_REPOSITORY
    assert learner_repo.addresses(" https://h", "https://github.com/me/x", "") == {
        "hub": "https://h",
        "repository": "https://github.com/me/x",
        "branch": "main",
        "example": False,
    }


def test_the_repository_holds_learner_editions_only(repo):
    notebooks = sorted(repo.glob("exercises/*/*.ipynb"))
    assert [p.stem for p in notebooks] == EXERCISES
    for path in notebooks:
        notebook = nbformat.read(path, as_version=4)
        assert notebook.metadata["migdev_edition"] == "learner"
        assert not any({"solution", "instructor"} & set(c.metadata.get("tags", [])) for c in notebook.cells)
        assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code")
        assert (path.parent / "tasks.yaml").is_file()
        assert not list(path.parent.glob("*.md")), "no MyST source (it holds the model answers)"
    assert not list(repo.rglob("*.answers*.json"))


def test_the_repository_has_no_tooling_tests_or_book(repo):
    top = sorted(p.name for p in repo.iterdir())
    assert top == [
        ".gitignore",
        "README.md",
        "data",
        "exercises",
        "migdev",
        "pyproject.toml",
        "requirements.txt",
        "runtime.txt",
    ]
    assert not list(repo.rglob("__pycache__")) and not list((repo / "data").rglob("*.py"))
    project = (repo / "pyproject.toml").read_text(encoding="utf-8")
    assert 'name = "migdev"' in project and "[tool.pytest" not in project and "[tool.ruff" not in project


def test_the_data_package_is_complete(repo):
    package = json.loads((repo / "data" / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        assert (repo / "data" / resource["path"]).is_file(), resource["name"]
    assert sorted(p.name for p in (repo / "migdev").iterdir()) == sorted(
        p.name for p in (ROOT / "migdev").iterdir() if p.suffix in {".py", ".yaml", ".json"}
    )


def test_requirements_are_the_binder_pins_and_the_runtime(repo):
    lines = (repo / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert lines[-1] == "-e ."
    pins = lines[:-1]
    assert pins and all(re.fullmatch(r"[A-Za-z0-9_.\-]+==[\w.]+", line) for line in pins), pins
    binder = (ROOT / "binder" / "requirements.txt").read_text(encoding="utf-8")
    assert all(line in binder.splitlines() for line in pins)
    assert {"ipywidgets", "pandas", "ipykernel"} <= {line.split("==")[0] for line in pins}


def test_the_readme_is_filled_in(repo):
    text = (repo / "README.md").read_text(encoding="utf-8")
    assert "{{" not in text and "{%" not in text
    assert "exercises/preflight-check/preflight-check.ipynb" in text
    link = re.search(r"^(https://\S+git-pull\?\S+)$", text, re.MULTILINE)[1]
    assert query(link)["urlpath"].endswith("exercises/preflight-check/preflight-check.ipynb")


def test_the_bundle_zip_holds_guide_site_course_and_wheelhouse(repo, tmp_path):
    html = tmp_path / "html"
    (html / ".doctrees").mkdir(parents=True)
    (html / "index.html").write_text("<p>course</p>", encoding="utf-8")
    (html / ".doctrees" / "x.pickle").write_text("state", encoding="utf-8")
    wheelhouse = tmp_path / "wheelhouse"
    (wheelhouse / "linux-x86_64").mkdir(parents=True)
    (wheelhouse / "linux-x86_64" / "a-1.0-py3-none-any.whl").write_bytes(b"wheel")
    report = [
        {"folder": "linux-x86_64", "label": "Linux", "jupyterlab": True, "runtime": True, "missing": []}
    ]
    (wheelhouse / "platforms.json").write_text(json.dumps(report), encoding="utf-8")
    target, _ = bundle.pack(html, tmp_path / "bundle.zip", wheelhouse, repo)
    names = set(zipfile.ZipFile(target).namelist())
    top = bundle.FOLDER_IN_ZIP
    assert {f"{top}/START-HERE.md", f"{top}/START-HERE.html", f"{top}/site/index.html"} <= names
    assert f"{top}/wheelhouse/linux-x86_64/a-1.0-py3-none-any.whl" in names
    assert f"{top}/course/requirements-laptop.txt" in names and f"{top}/course/.gitignore" in names
    assert {f"{top}/course/exercises/{n}/{n}.ipynb" for n in EXERCISES} <= names
    assert not [n for n in names if ".doctrees" in n or n.endswith(".md") and "/exercises/" in n]
