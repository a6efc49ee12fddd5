"""Learners in a real JupyterLab: the learner editions, served by the pinned JupyterLab on
loopback and driven in Debian's headless Chromium as a learner would (click radio buttons, move a
slider, choose in drop-downs, type a decimal comma, restart the kernel and run from the top).
Asserts what the learner sees: rendered widgets, feedback without maths typesetting, and answers,
choices and settings restored after a restart."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from migdev import Exercise
from tools.learner import write_editions

pytestmark = pytest.mark.jupyterlab
EXERCISES = ["m01-1-money-flows", "m01-3-impacts-at-every-level", "m05-1-prioritise"]
TOKEN = "course-test-token"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on loopback, serving a folder of learner editions: (base URL, root folder)."""
    base = tmp_path_factory.mktemp("lab")
    root = base / "root"
    for name in EXERCISES:
        write_editions(ROOT / "exercises" / name / f"{name}.md", root / "exercises")
    settings = base / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}), encoding="utf-8"
    )
    port = free_port()
    env = dict(
        os.environ,
        JUPYTER_CONFIG_DIR=str(base / "config"),
        JUPYTER_RUNTIME_DIR=str(base / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(base / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(base / "workspaces"),
    )
    env.pop("MIGDEV_SAVE", None)
    command = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        f"--port={port}",
        "--ServerApp.ip=127.0.0.1",
        f"--IdentityProvider.token={TOKEN}",
        f"--ServerApp.root_dir={root}",
        "--LabApp.expose_app_in_browser=True",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
        "--LabApp.news_url=",
        "--allow-root",
    ]
    log = (base / "server.log").open("w")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), 0.5).close()
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not start: " + (base / "server.log").read_text())
        yield f"http://127.0.0.1:{port}", root
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def trace(*words: object) -> None:
    """Progress lines for a maintainer debugging this test (LAB_TRACE=1)."""
    if os.environ.get("LAB_TRACE"):
        print(time.strftime("%H:%M:%S"), *words, flush=True)


class Notebook:
    """One notebook open in JupyterLab, driven through the page as a learner would."""

    def __init__(self, browser, base: str, name: str):
        self.page = browser.new_page(viewport={"width": 1300, "height": 1000})
        self.page.set_default_timeout(30_000)
        self.page.goto(f"{base}/lab/tree/exercises/{name}/{name}.ipynb?token={TOKEN}&reset")
        self.page.wait_for_selector(".jp-Notebook", timeout=90_000)
        self.page.wait_for_function(
            "() => { const w = window.jupyterapp.shell.currentWidget;"
            " return w && w.sessionContext && w.sessionContext.session"
            " && w.sessionContext.session.kernel}",
            timeout=90_000,
        )
        self.wait_idle()

    def command(self, name: str) -> None:
        trace("command", name)
        # Not awaited: a command such as restart-run-all waits for its dialog to be answered.
        self.page.evaluate("name => { window.jupyterapp.commands.execute(name); }", name)

    def wait_idle(self, timeout: float = 120) -> None:
        """Until the kernel is idle and no cell waits to run (no [*] prompt)."""
        deadline = time.monotonic() + timeout
        time.sleep(0.5)
        while time.monotonic() < deadline:
            busy = self.page.evaluate(
                "() => { const w = window.jupyterapp.shell.currentWidget;"
                " const k = w.sessionContext.session && w.sessionContext.session.kernel;"
                " const waiting = [...document.querySelectorAll('.jp-InputPrompt')]"
                "   .some(p => p.textContent.includes('*'));"
                " return !k || k.status !== 'idle' || waiting; }"
            )
            if not busy:
                time.sleep(0.5)
                return
            time.sleep(0.3)
        self.page.screenshot(path=str(Path(os.environ.get("TMPDIR", "/tmp")) / "lab-busy.png"))
        raise AssertionError("the kernel stayed busy")

    def wait_all_run(self, timeout: float = 180) -> None:
        """Until every code cell shows an execution number and none waits ([*])."""
        self.page.wait_for_function(
            "() => { const p = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];"
            " return p.length && p.every(e => /\\[\\d+\\]/.test(e.textContent)); }",
            timeout=timeout * 1000,
        )
        self.wait_idle()

    def clear_prompts(self) -> None:
        self.command("notebook:clear-all-cell-outputs")
        self.page.wait_for_function(
            "() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]"
            ".every(e => !/\\d/.test(e.textContent))",
            timeout=30_000,
        )

    def run_all(self) -> None:
        self.clear_prompts()
        self.command("notebook:run-all-cells")
        self.wait_all_run()

    def restart_and_run_all(self) -> None:
        self.clear_prompts()
        self.command("notebook:restart-run-all")
        self.page.locator(".jp-Dialog-button.jp-mod-accept").click()
        trace("restart accepted")
        self.wait_all_run()

    def cell(self, code: str):
        """The code cell whose source contains ``code``."""
        trace("cell", code)
        cells = self.page.locator(".jp-CodeCell").filter(
            has=self.page.locator(".jp-InputArea-editor", has_text=code)
        )
        assert cells.count() == 1, f"{cells.count()} cells contain {code!r}"
        return cells.first

    def run(self, code: str) -> None:
        """Click into the cell holding ``code`` and press Shift+Enter."""
        trace("run", code)
        editor = self.cell(code).locator(".jp-InputArea-editor")
        editor.scroll_into_view_if_needed()
        editor.click()
        self.page.keyboard.press("Shift+Enter")
        self.wait_idle()

    def set_source(self, code: str, new: str) -> None:
        editor = self.cell(code).locator(".cm-content")
        editor.click()
        self.page.keyboard.press("Control+A")
        self.page.keyboard.type(new)
        self.page.keyboard.press("Escape")

    def feedback(self, code: str) -> str:
        box = self.cell(code).locator(".migdev-feedback")
        assert box.count() == 1, f"no feedback under {code!r}"
        assert box.locator("mjx-container, .MathJax").count() == 0, "feedback typeset as maths"
        return " ".join(box.text_content().split())

    def assert_widgets_render(self) -> None:
        errors = self.page.locator(".jp-OutputArea-output", has_text="Error displaying widget")
        assert errors.count() == 0, errors.first.inner_text()
        assert self.page.locator(".jupyter-widgets").count() > 0, "no widget rendered"

    def close(self) -> None:
        self.page.close()


def fresh_learner_edition(root: Path, name: str) -> None:
    """The notebook as Binder gives it in a new session (the answers file stays)."""
    write_editions(ROOT / "exercises" / name / f"{name}.md", root / "exercises")


def test_decimal_commas_and_a_saved_country_in_jupyterlab(lab, chromium_browser):
    base, root = lab
    name = "m01-1-money-flows"
    notebook = Notebook(chromium_browser, base, name)
    try:
        notebook.run_all()
        notebook.assert_widgets_render()
        box = notebook.cell('answer_1 = ex.answer_box("1")').locator(".widget-text input")
        box.fill("2,5")
        notebook.run('ex.check("1"')
        wrong = notebook.feedback('ex.check("1"')
        assert "Not yet" in wrong and "2.5 is too high" in wrong and "Checked for Moldova" in wrong
        box.fill("2,01")
        notebook.run('ex.check("1"')
        right = notebook.feedback('ex.check("1"')
        assert "Correct" in right and "Python writes decimals with a point" in right
        assert right.count("US$") == 2, "dollar signs stay dollar signs"

        # The learner chooses Nepal and answers for it.
        nepal = Exercise(name, folder=root).compute.remittances_2023("Nepal")
        notebook.set_source('country = ex.setting("country")', 'country = "Nepal"')
        notebook.run_all()
        notebook.cell('answer_1 = ex.answer_box("1")').locator(".widget-text input").fill(
            f"{nepal:.3f}".replace(".", ",")
        )
        notebook.run('ex.check("1"')
        assert "Checked for Nepal" in notebook.feedback('ex.check("1"')
    finally:
        notebook.close()

    # A new session: the notebook says ex.setting("country") again; the answers file remains.
    fresh_learner_edition(root, name)
    notebook = Notebook(chromium_browser, base, name)
    try:
        notebook.restart_and_run_all()
        notebook.assert_widgets_render()
        restored = notebook.feedback('ex.check("1"')
        assert "Correct" in restored and "Checked for Nepal" in restored, restored
        box = notebook.cell('answer_1 = ex.answer_box("1")').locator(".widget-text input")
        assert box.input_value().replace(",", ".").startswith(f"{nepal:.3f}"[:4])
        status = notebook.cell('ex = Exercise("m01-1-money-flows")').text_content()
        assert "Nepal" in status and "Download your answers file" in status
    finally:
        notebook.close()


def test_drop_downs_and_radio_buttons_come_back_after_a_restart(lab, chromium_browser):
    base, _ = lab
    name = "m01-3-impacts-at-every-level"
    spec = yaml.safe_load((ROOT / "exercises" / name / "tasks.yaml").read_text(encoding="utf-8"))
    levels = {item["text"]: item["category"] for item in spec["tasks"][0]["items"]}
    right_option = next(o["text"] for o in spec["tasks"][2]["options"] if o.get("correct"))
    notebook = Notebook(chromium_browser, base, name)
    try:
        notebook.run_all()
        notebook.assert_widgets_render()
        widget = notebook.cell('levels = ex.classifier("1")')
        menus = widget.locator("select")
        assert menus.count() == len(levels)
        assert menus.first.locator("option").first.inner_text().replace("\xa0", " ") == "— choose —"
        for number, category in enumerate(levels.values()):
            menus.nth(number).select_option(label=category)
        notebook.run('ex.check("1", levels)')
        assert "All 8 items are in the right category" in notebook.feedback('ex.check("1", levels)')
        notebook.cell('rights = ex.choice("3")').get_by_label(right_option).check()
        notebook.run('ex.check("3", rights)')
        assert "Correct" in notebook.feedback('ex.check("3", rights)')

        notebook.restart_and_run_all()
        notebook.assert_widgets_render()
        menus = notebook.cell('levels = ex.classifier("1")').locator("select")
        chosen = [menus.nth(n).evaluate("s => s.options[s.selectedIndex].text") for n in range(menus.count())]
        assert chosen == list(levels.values()), "the drop-downs show the saved answers"
        assert notebook.cell('rights = ex.choice("3")').get_by_label(right_option).is_checked()
        assert "Correct" in notebook.feedback('ex.check("1", levels)')
        assert "Correct" in notebook.feedback('ex.check("3", rights)')
    finally:
        notebook.close()


def test_moved_sliders_are_saved_with_the_answer_and_restored(lab, chromium_browser):
    base, _ = lab
    name = "m05-1-prioritise"
    notebook = Notebook(chromium_browser, base, name)
    try:
        notebook.run_all()
        notebook.assert_widgets_render()
        sliders = notebook.cell('weights_2 = ex.sliders("2"').locator(".widget-slider")
        poverty = sliders.filter(has_text="poverty")
        handle = poverty.locator(".noUi-handle")
        handle.scroll_into_view_if_needed()
        handle.click()
        for _ in range(2):
            notebook.page.keyboard.press("ArrowRight")
        assert poverty.locator(".widget-readout").text_content().strip() == "3"
        solution = Exercise(name).compute
        first = solution.leaders(solution.weights_of(poverty=3))
        choice = notebook.cell('first_2 = ex.choice("2")')
        choice.locator("label").filter(has_text=f"{first[0]}. ").first.click()
        notebook.run('ex.check("2", first_2')
        assert "Correct" in notebook.feedback('ex.check("2", first_2')

        notebook.restart_and_run_all()
        notebook.assert_widgets_render()
        sliders = notebook.cell('weights_2 = ex.sliders("2"').locator(".widget-slider")
        assert sliders.filter(has_text="poverty").locator(".widget-readout").text_content().strip() == "3"
        restored = notebook.feedback('ex.check("2", first_2')
        assert "Correct" in restored and "Set the sliders" not in restored, restored
    finally:
        notebook.close()
