"""migdev: the helper package behind the course's exercise notebooks (the learner runtime).

Learners use three things from it:

- ``load("financial_flows")``: a dataset from the course's data package, typed per its schema;
- ``Exercise("m01-1-money-flows")``: the exercise's checks (``ex.check("1", answer)``), its
  widgets and the saving of answers next to the notebook;
- ``charts``: simple, accessible charts.

Importing the package changes nothing. Starting an ``Exercise`` teaches the running IPython
kernel to answer natural slips in answer cells with a plain sentence (see ``migdev.cells``).
"""

from migdev.data import CourseError, dataset_names, load
from migdev.exercise import Exercise
from migdev.feedback import Feedback

__all__ = ["CourseError", "Exercise", "Feedback", "dataset_names", "load"]
__version__ = "2.0.0"
