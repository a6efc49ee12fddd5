"""A fresh virtual environment made only from binder/ runs every learner edition."""

import os
import subprocess
import sys
import venv

import nbformat
import pytest
from conftest import EXERCISES, answers_file, copy_project, error_outputs, run_notebook

pytestmark = pytest.mark.binder


@pytest.fixture(scope="module")
def binder_copy(tmp_path_factory):
    """A copy of the repository set up as Binder does: requirements.txt, then postBuild."""
    base = tmp_path_factory.mktemp("binder")
    project = copy_project(base / "repo")
    environment = base / "env"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run(pip + ["-r", str(project / "binder" / "requirements.txt")], check=True)
    env = dict(os.environ, PATH=f"{environment / 'bin'}{os.pathsep}{os.environ['PATH']}")
    subprocess.run(["bash", "binder/postBuild"], cwd=project, env=env, check=True)
    kernels = base / "kernels"
    subprocess.run(
        [str(python), "-m", "ipykernel", "install", "--prefix", str(kernels), "--name", "binder-env"],
        check=True,
        capture_output=True,
    )
    return project, kernels / "share" / "jupyter"


def test_binder_environment_has_no_sphinx(binder_copy):
    project, _ = binder_copy
    lines = (project / "binder" / "requirements.txt").read_text().lower().splitlines()
    packages = [line.split("==")[0] for line in lines if line and not line.startswith("#")]
    assert "pandas" in packages and "ipywidgets" in packages
    assert not [p for p in packages if "sphinx" in p or p in {"jupyter-book", "myst-nb", "docutils"}]


def test_postbuild_leaves_only_learner_editions(binder_copy):
    project, _ = binder_copy
    written = sorted(project.glob("exercises/*/*.ipynb"))
    assert [p.stem for p in written] == EXERCISES
    for path in written:
        notebook = nbformat.read(path, as_version=4)
        assert notebook.metadata.get("migdev_edition") == "learner"
        assert not any({"solution", "instructor"} & set(c.metadata.get("tags", [])) for c in notebook.cells)


# Every learner edition also runs in a fresh environment with the same pins in tests/test_bundle.py
# (installed from the USB bundle's wheelhouse); here the pre-flight check, which tests the
# environment itself (widgets, data, saving), and one data exercise.
IN_BINDER = ["preflight-check", "m01-1-money-flows"]


def test_learner_editions_run_in_the_binder_environment(binder_copy, monkeypatch, tmp_path):
    project, jupyter_path = binder_copy
    monkeypatch.setenv("JUPYTER_PATH", str(jupyter_path))
    notebooks = [project / "exercises" / name / f"{name}.ipynb" for name in IN_BINDER]
    for path in notebooks:
        notebook = run_notebook(nbformat.read(path, as_version=4), path.parent, kernel_name="binder-env")
        assert error_outputs(notebook) == [], path.name
        saved = answers_file(path.parent.parent, path.stem)
        assert saved["checked"] and saved["answers"] == {}, path.name
        assert {e["status"] for e in saved["checked"].values()} == {"not yet"}, path.name
    # The kernel really was the Binder environment's Python, not this one.
    probe = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import sys; print(sys.prefix)")])
    printed = run_notebook(probe, tmp_path, kernel_name="binder-env").cells[0].outputs[0]["text"]
    assert printed.strip() != sys.prefix and "env" in printed
