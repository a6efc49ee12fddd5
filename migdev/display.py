"""The one display helper: small tables shown as HTML in Jupyter and in the web book, and as
lines of text elsewhere; long texts are left-aligned so they read as sentences."""

from __future__ import annotations

import html

import pandas as pd

LEFT = "text-align:left;vertical-align:top"


class Table:
    """``Table(caption, columns, rows)``: e.g. an exercise's cards, or a model answer."""

    def __init__(self, caption: str, columns: list[str], rows: list[list[object]]):
        self.caption, self.columns, self.rows = caption, list(columns), [list(r) for r in rows]

    @classmethod
    def of(cls, frame: pd.DataFrame, caption: str = "", index: bool = True) -> Table:
        """A table of a pandas DataFrame, left-aligned (numbers keep their formatting)."""
        frame = frame.reset_index() if index and frame.index.name else frame
        return cls(
            caption,
            [str(c) for c in frame.columns],
            frame.astype(object).where(frame.notna(), "").values.tolist(),
        )

    def __str__(self) -> str:
        lines = [self.caption] if self.caption else []
        lines += [" | ".join(str(cell) for cell in row) for row in self.rows]
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        head = "".join(f"<th scope='col' style='{LEFT}'>{html.escape(str(c))}</th>" for c in self.columns)
        body = "".join(
            "<tr>" + "".join(f"<td style='{LEFT}'>{html.escape(str(cell))}</td>" for cell in row) + "</tr>"
            for row in self.rows
        )
        caption = (
            (f"<caption style='text-align:left'><strong>{html.escape(self.caption)}</strong></caption>")
            if self.caption
            else ""
        )
        return (
            f"<table class='migdev-table tex2jax_ignore mathjax_ignore'>{caption}<thead><tr>"
            f"{head}</tr></thead><tbody>{body}</tbody></table>"
        )


def show(frame: pd.DataFrame, caption: str = "") -> Table:
    """``frame`` as a left-aligned table (e.g. ``show(scores)``)."""
    return Table.of(frame, caption)
