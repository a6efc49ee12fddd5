"""Programme-catalogue explorer: filters, live table, programme picker and the expected answers of
tasks 1-5 (logic only; words in tasks.yaml). A filter on a country or an objective matches a
programme when the code or number is in its `countries` or `gcm_objectives` list."""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as w
import pandas as pd

from migdev.countries import country_name
from migdev.data import CourseError, load, resource
from migdev.display import Table
from migdev.feedback import correct, not_yet
from migdev.reading import describe
from migdev.taskfile import read
from migdev.text import say
from migdev.widgets import _Display  # the engine's static-page fallback for widgets

SPEC = read(Path(__file__).with_name("tasks.yaml"))
TEXTS, CATALOGUE = SPEC["texts"], load("programme_catalogue")
ENUMS = {
    f["name"]: f.get("constraints", {}).get("enum")
    for f in resource("programme_catalogue")["schema"]["fields"]
}
RULE_OBJECTIVE, RETURN_OBJECTIVE, PREVIEW_ROWS = 6, 21, 8  # task 4's rule, task 5, static preview
COLUMNS = ["name", "countries", "lead_body", "years", "intervention_type", "gcm_objectives"]


def text(key: str, **values) -> str:
    return " ".join(str(TEXTS[key]).split()).format(**values)


def codes(cell: object, ordered: bool = False) -> list[str]:
    found = [] if pd.isna(cell) else [part.strip() for part in str(cell).split(";") if part.strip()]
    return sorted(found, key=lambda code: code.zfill(3)) if ordered else found  # 2 before 19


def place(code: str) -> str:
    if code.startswith("REGIONAL:"):
        return text("region", name=code.split(":", 1)[1])
    return text("global") if code == "GLOBAL" else f"{country_name(code)} ({code})"


def matching(country=None, theme=None, kind=None, objective=None) -> pd.DataFrame:
    """The catalogue rows that pass every filter given (None: any), e.g. matching(objective=20)."""
    rows = CATALOGUE
    if country is not None:
        rows = rows[rows["countries"].map(lambda cell: country in codes(cell))]
    if objective is not None:
        rows = rows[rows["gcm_objectives"].map(lambda cell: str(objective) in codes(cell))]
    rows = rows if theme is None else rows[rows["theme"] == theme]
    return rows if kind is None else rows[rows["intervention_type"] == kind]


def years(row) -> str:
    start, end = row["start_year"], row["end_year"]
    key = "years_unknown" if pd.isna(start) else "years_from" if pd.isna(end) else "years_range"
    return text(key, start=start, end=end)


def readable(rows: pd.DataFrame, caption: str = "") -> Table:
    """Name, countries, lead body, years, type and GCM objectives: one row per programme."""
    body = [
        [
            row["name"],
            ", ".join(codes(row["countries"])),
            "" if pd.isna(row["lead_body"]) else row["lead_body"],
            years(row),
            text(f"type_{row['intervention_type']}"),
            ", ".join(codes(row["gcm_objectives"], True)),
        ]
        for _, row in rows.iterrows()
    ]
    return Table(caption, [text(f"column_{c}") for c in COLUMNS], body)


class Explorer:
    """Four drop-downs and a live table of the matching programmes; in a static page, the first
    rows of the unfiltered catalogue."""

    def __init__(self):
        places = sorted(
            {c for cell in CATALOGUE["countries"] for c in codes(cell)},
            key=lambda c: (c.startswith(("GLOBAL", "REGIONAL")), place(c)),
        )
        options = {
            "country": [(place(c), c) for c in places],
            "theme": [(text(f"theme_{t}"), t) for t in ENUMS["theme"]],
            "kind": [(text(f"type_{t}"), t) for t in ENUMS["intervention_type"]],
            "objective": [
                (text("objective_option", number=n, label=text(f"gcm_{n}")), n) for n in range(1, 24)
            ],
        }  # the GCM's 23 objectives
        self.menus = {
            name: w.Dropdown(
                options=[(text(f"any_{name}"), None), *choices],
                description=text(f"label_{name}"),
                style={"description_width": "11em"},
                layout=w.Layout(width="42em"),
            )
            for name, choices in options.items()
        }
        self.result = w.HTML()
        for menu in self.menus.values():
            menu.observe(lambda _change: self._draw(), names="value")
        self.widget = w.VBox([*self.menus.values(), self.result])
        self._draw()

    def _draw(self) -> None:
        rows = matching(**{name: menu.value for name, menu in self.menus.items()})
        count = html.escape(text("count", count=len(rows), total=len(CATALOGUE)))
        self.result.value = (
            f"<p><strong>{count}</strong></p><div style='max-height:32em;"
            f"overflow:auto'>{readable(rows)._repr_html_()}</div>"
        )

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude) or {}
        note = text("static_preview", shown=PREVIEW_ROWS, total=len(CATALOGUE))
        preview = readable(CATALOGUE.head(PREVIEW_ROWS))
        bundle["text/html"] = (
            f'<div class="migdev-static"><p><em>{html.escape(note)}</em></p>{preview._repr_html_()}</div>'
        )
        bundle["text/plain"] = f"{note}\n{preview}"
        return bundle


class Picker(_Display):
    """A drop-down of every programme name in the catalogue (task 5); ``value`` is the name."""

    def __init__(self, saved: object = None):
        names = list(CATALOGUE["name"])
        self.widget = w.Dropdown(
            options=[(say("choose"), None), *[(n, n) for n in names]],
            value=saved if saved in names else None,
            description=text("label_picker"),
            layout=w.Layout(width="60em"),
        )

    value = property(lambda self: self.widget.value)

    def set(self, name: str) -> None:
        self.widget.value = name

    def _static_lines(self) -> list[str]:
        return [text("picker_static", count=len(CATALOGUE))]


# ----------------------------------------------------------------------------- expected answers
def objective_20_count() -> int:
    return len(matching(objective=20))


def remittances_theme_count() -> int:  # slip: the theme instead of the objective
    return len(matching(theme="remittances"))


def most_common_type_in_remittances() -> list[str]:
    counts = matching(theme="remittances")["intervention_type"].value_counts()
    return [text(f"type_{kind}") for kind in counts.index[counts == counts.max()]]  # ties: each


def diaspora_products() -> int:
    return len(matching(theme="diaspora", kind="financial-product"))


def diaspora_count() -> int:  # slip: one filter only
    return len(matching(theme="diaspora"))


def fits_rule() -> dict[str, str]:
    """Task 4: {programme name: first category if mapped to Objective 6, else the second}."""
    task = next(t for t in SPEC["tasks"] if t["id"] == "4")
    (fits, other), names = task["categories"], [item["text"] for item in task["items"]]
    missing = [name for name in names if name not in set(CATALOGUE["name"])]
    if missing:
        raise CourseError(text("item_not_in_catalogue", names="; ".join(missing)))
    chosen = set(matching(objective=RULE_OBJECTIVE)["name"])
    return {name: fits if name in chosen else other for name in names}


def return_candidates() -> pd.DataFrame:
    """Task 5: programmes of the return theme or mapped to Objective 21, in catalogue order."""
    ids = set(matching(theme="return")["id"]) | set(matching(objective=RETURN_OBJECTIVE)["id"])
    return CATALOGUE[CATALOGUE["id"].isin(ids)]


def judge_return_choice(task, answer: object):
    """Task 5: any of return_candidates() is right; the feedback says what to check before
    borrowing it (context, evidence of results, flags, cost)."""
    chosen = getattr(answer, "value", answer) if hasattr(answer, "_repr_mimebundle_") else answer
    if not isinstance(chosen, str) or not chosen.strip():
        key = "not_text" if chosen is not None and not isinstance(chosen, str) else "none_chosen"
        return not_yet(task.id, task.say(key, described=describe(chosen)), task.hint)
    key = " ".join(chosen.casefold().split())
    found = CATALOGUE[(CATALOGUE["name"].str.casefold() == key) | (CATALOGUE["id"] == key)]
    if found.empty:
        return not_yet(task.id, task.say("unknown", text=chosen[:80]), task.hint)
    row = found.iloc[0]
    about = {
        "name": row["name"],
        "theme": text(f"theme_{row['theme']}"),
        "objectives": ", ".join(codes(row["gcm_objectives"], True)),
    }
    if row["id"] not in set(return_candidates()["id"]):
        return not_yet(task.id, task.say("not_linked", **about), task.hint)
    results = row["results_known"]
    lead = text("years_unknown") if pd.isna(row["lead_body"]) else row["lead_body"]
    details = [
        task.say("context", countries=", ".join(map(place, codes(row["countries"]))), lead=lead),
        task.say("no_evidence")
        if pd.isna(results) or results == text("no_results")
        else task.say("evidence", results=results),
    ]
    if pd.notna(row["flags"]):
        details.append(task.say("flags", flags=row["flags"]))
    if row["intervention_type"] in ("policy-and-institutions", "international-standard"):
        details.append(task.say("not_a_programme"))
    return correct(task.id, task.say("linked", **about), details=[*details, task.say("cost")])
