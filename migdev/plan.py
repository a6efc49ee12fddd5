"""The capstone's plan: the decisions of the six stages assembled into a short mainstreaming plan,
written as a Word document (python-docx) and a printable, self-contained HTML page. Headings and
labels live in ``capstone.yaml``; everything is marked FICTIONAL."""

from __future__ import annotations

import html
from pathlib import Path

from migdev.capstone import INDICATOR_FIELDS, LATER, Capstone, Missing, Notice, say, words
from migdev.display import Table
from migdev.rules import coherence, funded, menu, upper_keys

STEM = "tessaria-plan"


def label(key: str, **values: object) -> str:
    return say("plan", key, **values)


def column(key: str) -> str:
    return str(words()["plan"]["columns"][key])


def flat(value: object) -> str:
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def summary(situation) -> str:
    """The situation in one paragraph, from the numbers after the events."""
    numbers = situation.numbers
    emigrants = numbers[numbers["topic"] == "emigration"]
    recorded = emigrants[emigrants["sex"].isin(["women", "men"])]
    remittances = float(numbers.loc[numbers["topic"] == "remittances", "value"].sum())
    costs = numbers.loc[numbers["topic"] == "remittance cost", "value"]
    return label(
        "situation_lead",
        emigrants=emigrants["value"].sum(),
        women=100 * recorded.loc[recorded["sex"] == "women", "value"].sum() / recorded["value"].sum(),
        main=recorded.groupby("destination")["value"].sum().idxmax(),
        remittances=remittances,
        share=100 * remittances / situation.value("P1"),
        cost_low=costs.min(),
        cost_high=costs.max(),
    )


def sections(cap: Capstone) -> list[tuple[str, list]]:
    """The plan as (heading, blocks); a block is a sentence or a (column keys, rows) table."""
    situation, interventions = cap.situation(), menu()
    first, third, fourth, fifth, sixth = (cap.answers(n) for n in (1, 3, 4, 5, 6))
    priorities = [str(p).upper() for p in third.get("1", [])]
    allocation, why = upper_keys(fourth.get("2")), upper_keys(third.get("2"))
    leads, risks, chosen = upper_keys(fifth.get("1")), upper_keys(fifth.get("2")), upper_keys(sixth.get("1"))
    paid = funded(priorities, allocation)
    title = {p: f"{p} {interventions.loc[p, 'title']}" for p in priorities}
    cost = {p: float(interventions.loc[p, "cost_usd"]) for p in paid}
    source = {p: situation.sources["source"].get(str(allocation.get(p)).upper(), LATER) for p in priorities}
    budget = [[title[p], f"{cost[p]:,.0f}" if p in paid else label("later"), source[p]] for p in priorities]
    budget += [
        [label("total"), f"{sum(cost.values()):,.0f}", ""],
        [label("envelope"), f"{situation.envelope():,.0f}", ""],
    ]
    framework = [
        [p, interventions.loc[p, "output"], interventions.loc[p, "outcome"]]
        + [flat((chosen.get(p) or {}).get(field, "")) for field in INDICATOR_FIELDS]
        for p in paid
    ]
    arrangements = [
        f"{label('lead')}: {first.get('1', '')}. {label('mechanism')}: {first.get('2', '')}.",
        f"{label('table')}: {', '.join(situation.name(str(m).upper()) for m in first.get('3', []))}.",
        (
            ("priority", "lead", "risk"),
            [[p, situation.name(str(leads.get(p, "")).upper()), risks.get(p, "")] for p in paid],
        ),
    ]
    return [
        (
            label("situation"),
            [
                summary(situation),
                (("event", "detail"), [[e.title, e.what_happens] for e in situation.events.itertuples()]),
                label("gaps"),
                (
                    ("gap", "detail"),
                    [[g, situation.gaps.loc[g, "what_is_missing"]] for g in cap.answers(2).get("3", [])],
                ),
            ],
        ),
        (
            label("priorities"),
            [(("priority", "justification"), [[title[p], why.get(p, "")] for p in priorities])],
        ),
        (label("results"), [(("priority", "output", "outcome", *INDICATOR_FIELDS), framework)]),
        (label("budget"), [(("priority", "cost", "funding"), budget)]),
        (label("coordination"), arrangements),
        (label("scorecard"), [(("check", "result", "detail"), scorecard(cap).rows)]),
    ]


def write_html(cap: Capstone, path: Path) -> Path:
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{html.escape(label('title'))}</title><style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}}"
        "table{border-collapse:collapse;width:100%}td,th{border:1px solid #888;padding:4px;text-align:left;vertical-align:top}"
        ".fictional{border:2px solid #9a6700;padding:0.5em}@media print{h2{break-before:auto}}</style></head><body>",
        f"<h1>{html.escape(label('title'))}</h1><p class='fictional'><strong>{html.escape(label('fictional'))}</strong></p>",
        f"<p>{html.escape(label('prepared_by', group=cap.group))}</p>",
    ]
    for heading, blocks in sections(cap):
        parts.append(f"<h2>{html.escape(heading)}</h2>")
        for block in blocks:
            if isinstance(block, str):
                parts.append(f"<p>{html.escape(block)}</p>")
                continue
            keys, rows = block
            head = "".join(f"<th scope='col'>{html.escape(column(k))}</th>" for k in keys)
            body = "".join(
                "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows
            )
            parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    parts.append("</body></html>")
    path.write_text("".join(parts), encoding="utf-8")
    return path


def write_docx(cap: Capstone, path: Path) -> Path:
    from docx import Document

    document = Document()
    document.add_heading(label("title"), level=0)
    document.add_paragraph().add_run(label("fictional")).bold = True
    document.add_paragraph(label("prepared_by", group=cap.group))
    for heading, blocks in sections(cap):
        document.add_heading(heading, level=1)
        for block in blocks:
            if isinstance(block, str):
                document.add_paragraph(block)
                continue
            keys, rows = block
            grid = document.add_table(rows=1, cols=len(keys))
            grid.style = "Table Grid"
            for cell, key in zip(grid.rows[0].cells, keys, strict=True):
                cell.text = column(key)
            for row in rows:
                cells = grid.add_row().cells
                for cell, value in zip(cells, list(row) + [""] * (len(keys) - len(row)), strict=False):
                    cell.text = str(value)
    document.save(path)
    return path


def scorecard(cap: Capstone) -> Table | Notice:
    """The coherence checks as a table, or which stage to do first."""
    try:
        rows = [[r.title, label("holds") if r.ok else label("not_yet"), r.message] for r in coherence(cap)]
    except Missing as missing:
        return Notice([missing.message])
    return Table(label("scorecard"), [column("check"), column("result"), column("detail")], rows)


def plan(cap: Capstone, folder: Path | None = None):
    """Write the plan next to the notebook and link it; in the web book, show the page itself."""
    try:
        for stage in range(1, 7):
            cap.answers(stage)
    except Missing as missing:
        return Notice([missing.message])
    from IPython.display import HTML

    from migdev.exercise import in_book

    folder = Path.cwd() if folder is None else folder
    if in_book():
        import tempfile

        with tempfile.TemporaryDirectory() as temporary:
            page = write_html(cap, Path(temporary) / f"{STEM}.html").read_text(encoding="utf-8")
        body = page.split("<body>", 1)[1].rsplit("</body>", 1)[0]
        for level, shown in (("h2", "h4"), ("h1", "h3")):  # the page keeps its own headings
            body = body.replace(f"<{level}>", f"<{shown}>").replace(f"</{level}>", f"</{shown}>")
        return HTML(
            f"<p><em>{html.escape(label('book_note'))}</em></p><div class='tex2jax_ignore mathjax_ignore'>{body}</div>"
        )
    docx, page = write_docx(cap, folder / f"{STEM}.docx"), write_html(cap, folder / f"{STEM}.html")
    links = {k: f"<a href='{p.name}' download>{p.name}</a>" for k, p in (("docx", docx), ("html", page))}
    return HTML(f"<p>{label('download', **links)}</p>")


__all__ = ["plan", "scorecard", "sections", "write_docx", "write_html"]
