"""migdev: the helper package behind the course's exercise notebooks.

Learners use three things from it:

- ``load("financial_flows")``: a dataset from the course's data package, typed per its schema;
- ``Exercise("m01-1-money-flows")``: the exercise's checks (``ex.check("1", answer)``), its
  widgets and the saving of answers next to the notebook;
- ``charts``: simple, accessible charts.
"""

from migdev.data import CourseError, dataset_names, load
from migdev.exercise import Exercise
from migdev.feedback import Feedback

__all__ = ["CourseError", "Exercise", "Feedback", "dataset_names", "load"]
__version__ = "1.0.0"


def _install_friendly_errors() -> None:
    """In IPython, show a CourseError as its message only, never as a traceback."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is a dependency
        return
    shell = get_ipython()
    if shell is None:
        return

    def show_message(shell, etype, value, tb, tb_offset=None):
        print(f"⚠ {value}")

    shell.set_custom_exc((CourseError,), show_message)


_install_friendly_errors()
