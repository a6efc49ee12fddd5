"""The data behind the pilot-country case files: one country's route (from
``data/pilot_country_routes.csv``) and the series of its charts (from the data package, through
``migdev.data.load``). Logic only: every word comes from ``book/case-files/labels.yaml``."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import yaml  # noqa: E402

from migdev import charts  # noqa: E402
from migdev.data import load, resource  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "book" / "case-files" / "labels.yaml"
ROUTES = "pilot_country_routes"
CHARTS = ("stocks", "remittances", "cost")
SOURCE_SEPARATOR = " | "
FULL_TABLE_ROWS = 10  # a longer series is shown every fifth year, plus its latest year


@lru_cache(maxsize=1)
def labels() -> dict:
    return yaml.safe_load(LABELS.read_text(encoding="utf-8"))


def words(text: str) -> str:
    """A label with its line breaks and repeated spaces folded."""
    return " ".join(str(text).split())


def route_row(code: str) -> dict | None:
    """The row of ``pilot_country_routes`` for ISO3 ``code``, or None."""
    table = load(ROUTES)
    found = table[table["iso3"] == code.upper()]
    if found.empty:
        return None
    return {key: (None if pd.isna(value) else value) for key, value in found.iloc[0].items()}


def country_name(code: str) -> str:
    row = route_row(code)
    return row["country"] if row else code.upper()


def name_in_sentence(code: str) -> str:
    """The country's name as it reads inside a sentence (e.g. with an article)."""
    return labels().get("names_in_sentences", {}).get(code.upper(), country_name(code))


def sources(row: dict) -> list[tuple[str, str]]:
    """(title, address) of each source of a row; the cells list several, split at ' | '."""
    titles = (row.get("source_title") or "").split(SOURCE_SEPARATOR)
    urls = (row.get("source_url") or "").split(SOURCE_SEPARATOR)
    return [(t.strip(), u.strip()) for t, u in zip(titles, urls, strict=False) if u.strip()]


def route_taken(country: str) -> tuple[str, str] | None:
    """(route, reason) for ``country`` as the course's route exercise sorts it, or None."""
    where = labels()["route_source"]
    path = ROOT / "exercises" / where["exercise"] / "tasks.yaml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    for task in spec["tasks"]:
        if str(task["id"]) == str(where["task"]):
            for item in task.get("items", []):
                if item["text"] == country:
                    return item["category"], words(item.get("why", ""))
    return None


def plan_years(row: dict) -> str:
    text = labels()["summary"]
    start, end = row.get("start_year"), row.get("end_year")
    if start is not None and end is not None:
        return text["years_both"].format(start=int(start), end=int(end))
    if start is not None:
        return text["years_open"].format(start=int(start))
    if end is not None:
        return text["years_end_only"].format(end=int(end))
    return text["not_known"]


def summary_fields(row: dict) -> list[tuple[str, str]]:
    """(label, value) for each fact of the summary except the route and the sources."""
    text = labels()["summary"]
    facts = [
        (key, row.get(key)) for key in ("phase", "lead_body", "coordination_mechanism", "plan_or_strategy")
    ]
    shown = [(text[key], value or text["not_known"]) for key, value in facts]
    shown.append((text["years"], plan_years(row)))
    return shown


def source_parts(dataset: str) -> tuple[str, str, str]:
    """The source line of a chart in three parts: text, the data catalogue's link text, text."""
    found, text = resource(dataset)["sources"][0], labels()["charts"]
    line = text["source"].format(
        publisher=found.get("publisher", ""), title=found["title"], dataset=dataset, catalogue="\0"
    )
    before, after = line.split("\0")
    return before, text["catalogue"], after


def source_line(dataset: str) -> str:
    return "".join(source_parts(dataset))


@dataclass
class Chart:
    """One chart of a case file: its series (index: year) or, with no data, a note instead."""

    key: str
    code: str
    country: str
    table: pd.DataFrame
    heading: str
    source: str
    alt: str = ""
    note: str = ""
    values: dict = field(default_factory=dict)

    @property
    def has_data(self) -> bool:
        return not self.table.empty

    def text_rows(self) -> tuple[str, list[str], list[list[str]]]:
        """(caption, header, rows) of the table that stands for the chart in text."""
        text = labels()["charts"]
        table = self.table
        selection = text["all_years"]
        if len(table) > FULL_TABLE_ROWS:
            keep = [year for year in table.index if year % 5 == 0] + [table.index[-1]]
            table = table.loc[sorted(set(keep))]
            selection = text["selected_years"]
        cell = text[self.key]["cell"]
        header = [text["year_column"]] + [text[self.key]["series"][c] for c in table.columns]
        rows = [[str(year)] + [cell.format(value=v) for v in values] for year, values in table.iterrows()]
        return text["text_equivalent"].format(selection=selection), header, rows

    def figure(self):
        """The chart as a matplotlib figure (call only when ``has_data``)."""
        text = labels()["charts"][self.key]
        shown = self.table.rename(columns=text["series"])
        if self.key == "stocks":
            shown = shown / 1000
        figure = charts.line_chart(
            shown, text["title"].format(country=self.country), text["ylabel"], text["xlabel"]
        )
        figure.axes[0].set_ylim(bottom=0)
        return figure


def _series(code: str, key: str) -> pd.DataFrame:
    """The yearly values of one chart for ISO3 ``code``: rows with no value are dropped."""
    if key == "stocks":
        table = load("immigrants_emigrants")
        table = table[table["iso3"] == code].set_index("year")[["immigrants", "emigrants"]]
    elif key == "remittances":
        table = load("financial_flows")
        table = table[table["iso3"] == code].set_index("year")
        share = 100 * table["remittances_received_usd"] / table["gdp_current_usd"]
        table = share.to_frame("share")
    else:
        table = load("remittance_cost_by_country")
        table = table[table["iso3"] == code].set_index("year")[["avg_cost_to_country_pct"]]
        table = table.rename(columns={"avg_cost_to_country_pct": "cost"})
    table = table.dropna(how="all").sort_index().astype(float)
    table.index = table.index.astype(int)
    return table


def _key_values(key: str, table: pd.DataFrame) -> dict:
    """The numbers the alt text states, computed from the series."""
    first, last = table.index[0], table.index[-1]
    values = {"first_year": first, "last_year": last}
    if key == "stocks":
        for column in table.columns:
            values[f"{column}_first"] = table.loc[first, column]
            values[f"{column}_last"] = table.loc[last, column]
        return values
    column = table.columns[0]
    values.update(first_value=table.loc[first, column], last_value=table.loc[last, column])
    values.update(peak_year=table[column].idxmax(), peak_value=table[column].max())
    values.update(low_year=table[column].idxmin(), low_value=table[column].min())
    return values


def chart(code: str, key: str) -> Chart:
    """Chart ``key`` (one of CHARTS) for ISO3 ``code``, with its alt text or its no-data note."""
    code = code.upper()
    text = labels()["charts"]
    dataset = text[key]["dataset"]
    table = _series(code, key)
    found = Chart(key, code, country_name(code), table, text[key]["heading"], source_line(dataset))
    if not found.has_data:
        found.note = words(text["no_data"].format(dataset=dataset, country=name_in_sentence(code)))
        return found
    found.values = _key_values(key, table)
    found.alt = words(text[key]["alt"].format(country=name_in_sentence(code), **found.values))
    return found


def sdg_scores(code: str) -> list[tuple[int, int, str]]:
    """(year, score, meaning) of each SDG 10.7.2 round that ``code`` answered."""
    table = load(labels()["charts"]["sdg"]["dataset"])
    meanings = labels()["charts"]["sdg"]["scores"]
    rows = table[table["iso3"] == code.upper()].sort_values("year")
    return [(int(y), int(s), meanings[int(s)]) for y, s in zip(rows["year"], rows["score"], strict=True)]
