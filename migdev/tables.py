"""A small table shown as HTML in Jupyter and in the web book, and as lines of text elsewhere."""

from __future__ import annotations

import html


class Table:
    """``Table(caption, columns, rows)``: e.g. an exercise's cards, or a model answer."""

    def __init__(self, caption: str, columns: list[str], rows: list[list[object]]):
        self.caption, self.columns, self.rows = caption, list(columns), [list(r) for r in rows]

    def __str__(self) -> str:
        lines = [self.caption] if self.caption else []
        lines += [" | ".join(str(cell) for cell in row) for row in self.rows]
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        head = "".join(f"<th scope='col' style='text-align:left'>{html.escape(str(c))}</th>"
                       for c in self.columns)
        body = "".join("<tr>" + "".join(f"<td style='text-align:left;vertical-align:top'>"
                                        f"{html.escape(str(cell))}</td>" for cell in row) + "</tr>"
                       for row in self.rows)
        caption = (f"<caption style='text-align:left'><strong>{html.escape(self.caption)}"
                   "</strong></caption>") if self.caption else ""
        return (f"<table class='migdev-table'>{caption}<thead><tr>{head}</tr></thead>"
                f"<tbody>{body}</tbody></table>")
