"""Check every task file against migdev/task-schema.json (run by `make check`).

Usage: python -m tools.check_tasks [exercises]
Prints each problem with the file, the task and the field; exits 1 if there is any.
"""

from __future__ import annotations

import sys
from pathlib import Path

from migdev.taskfile import TASK_FILE, TaskFileError, read


def main(argv: list[str] | None = None) -> int:
    folder = Path((argv or sys.argv[1:] or ["exercises"])[0])
    problems = []
    files = sorted(folder.glob(f"*/{TASK_FILE}"))
    for path in files:
        try:
            read(path)
        except TaskFileError as error:
            problems.append(str(error))
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(files)} task file(s) checked, {len(problems)} with problems.")
    return 1 if problems or not files else 0


if __name__ == "__main__":
    sys.exit(main())
