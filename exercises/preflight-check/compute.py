"""Pre-flight check: what the notebook tests on its own (Python, data, widgets, charts, saving,
the notebook's folder) and the checks of its two hands-on tasks (a slider, then the answers file
read back). Every word shown is in tasks.yaml."""

from __future__ import annotations

import io
import platform
import sys
import tempfile
from pathlib import Path

from migdev.data import dataset_names, load
from migdev.display import Table
from migdev.exercise import in_book
from migdev.feedback import correct, not_yet
from migdev.progress import Progress
from migdev.taskfile import texts

TEXTS = texts(__file__)
TARGET = 7
SLIDER = TEXTS["slider_label"]
PROBE = "preflight-probe"
OK, FAILED, SKIPPED = "ok", "failed", "skipped"


# ------------------------------------------------------------------ the automatic checks
def _python() -> tuple[str, dict]:
    version = platform.python_version()
    return (OK if sys.version_info >= (3, 11) else FAILED), {"version": version}


def _data() -> tuple[str, dict]:
    names = dataset_names()
    return OK, {"tables": len(names), "rows": sum(len(load(name)) for name in names)}


def _widgets() -> tuple[str, dict]:
    import ipywidgets

    slider, heard = ipywidgets.IntSlider(value=0, min=0, max=10), []
    slider.observe(lambda change: heard.append(change["new"]), names="value")
    slider.value = TARGET
    return (OK if heard == [TARGET] else FAILED), {"version": ipywidgets.__version__}


def _charts() -> tuple[str, dict]:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(2, 1))
    figure.add_subplot().plot([1, 2, 3])
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return (OK if buffer.getvalue().startswith(b"\x89PNG") else FAILED), {}


def _saving() -> tuple[str, dict]:
    with tempfile.TemporaryDirectory() as folder:
        Progress(PROBE, folder).record("1", {SLIDER: TARGET}, "correct")
        back = Progress(PROBE, folder).get("1")
    return (OK if back == {SLIDER: TARGET} else FAILED), {}


def _folder() -> tuple[str, dict]:
    here = Path.cwd()
    with tempfile.NamedTemporaryFile(dir=here, prefix=".preflight-"):
        pass
    return OK, {"folder": here}


CHECKS = {
    "python": _python,
    "data": _data,
    "widgets": _widgets,
    "charts": _charts,
    "saving": _saving,
    "folder": _folder,
}

NOT_IN_BOOK = {"saving", "folder"}  # the web book saves nothing and runs from the course's sources


def outcome(key: str) -> tuple[str, str]:
    """(status, words) of one automatic check; a failure is described, never raised."""
    if key in NOT_IN_BOOK and in_book():
        return SKIPPED, TEXTS["skipped_in_book"]
    try:
        status, values = CHECKS[key]()
    except Exception as error:  # noqa: BLE001 - the participant gets the advice, not a traceback
        return FAILED, TEXTS["error"].format(error=f"{type(error).__name__}: {error}")
    if status == OK:
        return OK, TEXTS(f"{key}_ok", **values)
    return FAILED, TEXTS(f"{key}_old", **values) if f"{key}_old" in TEXTS else ""


def run_checks() -> Table:
    """The table of the automatic checks: what was tested, the result, and what to do if it failed."""
    rows = []
    for key in CHECKS:
        status, words = outcome(key)
        mark = TEXTS[status]
        action = TEXTS[f"{key}_action"] if status == FAILED else ""
        rows.append([TEXTS[f"{key}_name"], f"{mark}: {words}" if words else mark, action])
    columns = [TEXTS["column_check"], TEXTS["column_result"], TEXTS["column_action"]]
    return Table(TEXTS["report_caption"], columns, rows)


# ------------------------------------------------------------------ Task 1: the slider
def heard(values: dict) -> tuple[str, None, str]:
    """What the observer writes under the slider (for migdev.widgets.LiveView)."""
    line = TEXTS("heard", value=f"{values[SLIDER]:g}")
    return f"<p><strong>{line}</strong></p>", None, line


def slider_at_target(task, answer: object):
    if not getattr(answer, "answered", True):
        return not_yet(task.id, task.say("not_moved"), task.hint)
    value = getattr(answer, "value", answer)
    value = value.get(SLIDER) if isinstance(value, dict) else value
    if value != TARGET:
        return not_yet(task.id, task.say("elsewhere", value=value, target=TARGET), task.hint)
    return correct(task.id, task.say("praise"))


# ------------------------------------------------------------------ Task 2: the answers file
def read_back(ex) -> float | None:
    """The slider value saved for Task 1, read from the answers file by a fresh reader (in the
    web book, which saves nothing, from the answers held in memory)."""
    saved = ex.saved("1") if in_book() else Progress(ex.name, ex.progress.folder).get("1")
    return saved.get(SLIDER) if isinstance(saved, dict) else None


def read_back_matches(task, answer: object):
    if answer is None:
        return not_yet(task.id, task.say("nothing_saved"), task.hint)
    if answer != TARGET:
        return not_yet(task.id, task.say("different", value=answer, target=TARGET), task.hint)
    return correct(task.id, task.say("praise"))
