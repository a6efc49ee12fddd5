"""Natural slips in answer cells get a plain sentence, never a traceback.

``install()`` (called when an exercise starts, never on import) teaches the IPython kernel:

- an answer cell (``answer_3 = ...``) whose right-hand side Python cannot read (``2,01``), is a
  bare unknown word (``remittances`` without quotes) or a tuple of whole numbers (``3,57``) keeps
  what was typed as text (:class:`~migdev.reading.Typed`), which the check reads as a person
  would (Did you mean 3.57?);
- a NameError elsewhere (a check cell run before its answer cell, a word without quotes) and a
  :class:`~migdev.data.CourseError` are shown as one plain sentence.
"""

from __future__ import annotations

import ast
import builtins
import re

from migdev.data import CourseError
from migdev.text import say

ANSWER = re.compile(r"^(?P<name>answer_\w+)\s*=\s*(?P<value>.*?)\s*$", re.DOTALL)


def without_comment(line: str) -> str:
    """``line`` without a trailing ``# comment`` (a # inside quotes is kept)."""
    quote = ""
    for position, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "#":
            return line[:position].rstrip()
    return line


def rewrite(lines: list[str], known: dict) -> list[str]:
    """The cell's lines, with a slip in a one-line answer cell turned into typed text."""
    code = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if len(code) != 1:
        return lines
    line = without_comment(code[0].rstrip("\n"))
    match = ANSWER.match(line.strip())
    if not match:
        return lines
    name, value = match["name"], match["value"]
    if not value:
        return lines
    try:
        tree = ast.parse(value, mode="eval").body
    except SyntaxError:
        return _typed(name, value)
    if isinstance(tree, ast.Name) and tree.id not in known and not hasattr(builtins, tree.id):
        return _typed(name, value)
    if (
        isinstance(tree, ast.Tuple)
        and len(tree.elts) >= 2
        and all(
            isinstance(e, ast.Constant)
            and type(e.value) is int
            or isinstance(e, ast.UnaryOp)
            and isinstance(e.operand, ast.Constant)
            for e in tree.elts
        )
    ):
        return _typed(name, value)
    return lines


def _typed(name: str, text: str) -> list[str]:
    """``name = Typed(text)``: keep what was typed, for the check to read."""
    return [f"import migdev.reading as _migdev_reading\n{name} = _migdev_reading.Typed({text!r})\n"]


def _show_name_error(shell, etype, value, tb, tb_offset=None):
    match = re.search(r"name '(\w+)' is not defined", str(value))
    name = match[1] if match else "?"
    key = "cell_unset_answer" if name.startswith("answer_") else "cell_unknown_word"
    print(say(key, name=name))


def _show_course_error(shell, etype, value, tb, tb_offset=None):
    print(say("course_error", message=value))


def _show(shell, etype, value, tb, tb_offset=None):
    if issubclass(etype, NameError):
        return _show_name_error(shell, etype, value, tb, tb_offset)
    return _show_course_error(shell, etype, value, tb, tb_offset)


def install() -> bool:
    """Teach the running IPython kernel the above; False outside IPython."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is a dependency
        return False
    shell = get_ipython()
    if shell is None:
        return False
    transformers = shell.input_transformers_post
    if not any(getattr(t, "__name__", "") == "migdev_answer_cells" for t in transformers):

        def migdev_answer_cells(lines: list[str]) -> list[str]:
            return rewrite(lines, shell.user_ns)

        transformers.append(migdev_answer_cells)
    shell.set_custom_exc((NameError, CourseError), _show)
    return True
