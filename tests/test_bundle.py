"""The USB bundle (tools/bundle.py): its zip holds the guide, the offline site, the learner
repository and the wheelhouse; and, with the network switched off for pip, a fresh virtual
environment installs the exercises and JupyterLab from a Linux wheelhouse and runs every learner
notebook of the learner repository (the binder tier: it downloads the wheels first)."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
import pytest
from conftest import EXERCISES, answers_file, check_calls, error_outputs, run_notebook

from tools import bundle
from tools.learner_repo import write_learner_repo

REPORT = [
    {"folder": "windows-x86_64", "label": "Windows", "tags": ["win_amd64"], "jupyterlab": True,
     "runtime": True, "missing": [], "megabytes": 1.0},
    {"folder": "macos-arm64", "label": "macOS arm", "tags": ["m"], "jupyterlab": True, "runtime": True,
     "missing": [], "megabytes": 1.0},
    {"folder": "macos-x86_64", "label": "macOS Intel", "tags": ["m"], "jupyterlab": False,
     "runtime": False, "missing": ["argon2-cffi-bindings"], "megabytes": 0.0},
    {"folder": "linux-x86_64", "label": "Linux", "tags": ["l"], "jupyterlab": True, "runtime": True,
     "missing": [], "megabytes": 1.0},
]  # fmt: skip


def test_pip_errors_name_the_packages_without_a_wheel():
    log = (
        "ERROR: Cannot install x because these package versions have conflicting dependencies.\n"
        "Additionally, some packages in these conflicts have no matching distributions available "
        "for your environment:\n    argon2-cffi-bindings\n\nTo fix this\n"
    )
    assert bundle.missing_packages(log) == ["argon2-cffi-bindings"]
    assert bundle.missing_packages("ERROR: No matching distribution found for Kiwisolver==1.5") == [
        "kiwisolver"
    ]


def test_the_guide_gives_install_lines_for_each_covered_platform_and_lists_the_rest():
    markdown, page = bundle.guide(REPORT)
    assert "{{" not in markdown and "{%" not in markdown
    assert "--find-links ..\\wheelhouse\\windows-x86_64 -r requirements-laptop.txt" in markdown
    assert "--find-links ../wheelhouse/linux-x86_64" in markdown
    assert "--find-links ../wheelhouse/macos-x86_64" not in markdown
    assert "| macOS Intel | `wheelhouse/macos-x86_64` | no | argon2-cffi-bindings |" in markdown
    assert "jupyter lab --ip 0.0.0.0" in markdown and "http.server" in markdown
    assert page.startswith("<!DOCTYPE html>") and "<table>" in page and "<script" not in page


def _run(job: tuple[str, str]) -> tuple[str, list[str], bool]:
    """Run one notebook in the bundle's kernel: (name, error outputs, whether it has checks)."""
    path, kernel = Path(job[0]), job[1]
    notebook = run_notebook(nbformat.read(path, as_version=4), path.parent, kernel_name=kernel)
    return path.name, error_outputs(notebook), check_calls(notebook) > 0


@pytest.mark.binder
def test_an_offline_install_from_the_wheelhouse_runs_every_learner_notebook(tmp_path, monkeypatch):
    repo = write_learner_repo(tmp_path / "course")
    bundle.write_laptop_requirements(repo)
    linux = next(p for p in bundle.spec()["platforms"] if p["folder"] == "linux-x86_64")
    wheels = tmp_path / "wheelhouse"
    wanted = bundle.download_list(repo, tmp_path)
    assert bundle.download(wanted, wheels, linux["tags"], bundle.spec()["python"]) == []

    # pip with the network off: no index, no configured extra index or local wheel folder.
    environment = tmp_path / "env"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    offline = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    offline.update(PIP_CONFIG_FILE=os.devnull, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
    install = [str(python), "-m", "pip", "install", "--quiet", "--no-index", "--find-links", str(wheels)]
    # JupyterLab resolves from the wheelhouse alone; the exercises' runtime is installed and run.
    subprocess.run(
        install + ["--dry-run", "-r", bundle.LAPTOP_REQUIREMENTS], cwd=repo, env=offline, check=True
    )
    subprocess.run(install + ["-r", "requirements.txt"], cwd=repo, env=offline, check=True)

    kernels = tmp_path / "kernels"
    subprocess.run(
        [str(python), "-m", "ipykernel", "install", "--prefix", str(kernels), "--name", "bundle-env"],
        check=True,
        capture_output=True,
    )
    monkeypatch.setenv("JUPYTER_PATH", str(kernels / "share" / "jupyter"))
    monkeypatch.delenv("MIGDEV_SAVE", raising=False)
    jobs = [(str(p), "bundle-env") for p in sorted(repo.glob("exercises/*/*.ipynb"))]
    with ProcessPoolExecutor(max_workers=2) as pool:  # the machine's two cores
        results = list(pool.map(_run, jobs))
    assert [name for name, _, _ in results] == [f"{n}.ipynb" for n in EXERCISES]
    for name, errors, checked in results:
        assert errors == [], name
        if checked:
            saved = answers_file(repo / "exercises", name[: -len(".ipynb")])
            assert {e["status"] for e in saved["checked"].values()} == {"not yet"}, name
    probe = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("import sys, migdev; print(sys.prefix)")]
    )
    printed = run_notebook(probe, tmp_path, kernel_name="bundle-env").cells[0].outputs[0]["text"]
    assert printed.strip() == str(environment) and sys.prefix != str(environment)
