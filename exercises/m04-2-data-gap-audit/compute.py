"""Exercise 4.2: a data gap audit of two WDI vintages of remittances received, remittances_2023_vintage
(May 2023) and financial_flows (July 2026): rules G1-G3, V1-V3 and the answers (words in tasks.yaml)."""

from itertools import groupby
from pathlib import Path

import pandas as pd

from migdev import countries
from migdev.charts import line_chart
from migdev.data import CourseError, load, resource
from migdev.display import Table, show
from migdev.taskfile import read, texts

TEXTS = text = texts(__file__)
NEW_YEARS = range(2000, 2025)  # financial_flows, July 2026 vintage
OLD_YEARS = range(2000, 2023)  # remittances_2023_vintage, May 2023 download
REVISION_YEAR = 2021
USD, PCT = "remittances_received_usd", "remittances_received_pct_gdp"  # the series audited
PILOTS = list(load("pilot_country_routes")["iso3"])  # the eight countries of the Handbook
TASK_5 = next(task for task in read(Path(__file__).with_name("tasks.yaml"))["tasks"] if task["id"] == "5")
DATASETS = [item["text"].split(":")[0] for item in TASK_5["items"]]  # their columns are shown
COLUMNS = {name: [field["name"] for field in resource(name)["schema"]["fields"]] for name in DATASETS}


def pilot_names() -> list[str]:
    return [countries.country_name(iso3) for iso3 in PILOTS]


def pilot(country: object) -> str:
    """The ISO3 code of a pilot country given by name or code; a clear CourseError otherwise."""
    if (iso3 := countries.resolve(country)) not in PILOTS:
        pilots = ", ".join(pilot_names())
        raise CourseError(text("not_a_pilot", country=countries.country_name(iso3), pilots=pilots))
    return iso3


def year_ranges(years: list[int]) -> str:  # [2000, 2001, 2002, 2005] -> "2000-2002, 2005"
    runs = [[y for _, y in run] for _, run in groupby(enumerate(sorted(years)), key=lambda p: p[1] - p[0])]
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def _vintage(name: str, country: object, years: range) -> pd.DataFrame:
    data = load(name)
    return data[data["iso3"] == pilot(country)].set_index("year").rename(index=int).reindex(years)


def new_vintage(country: object) -> pd.DataFrame:
    """July 2026 vintage for one pilot country, one row per year 2000-2024, with the % of GDP."""
    table = _vintage("financial_flows", country, NEW_YEARS)
    return table.assign(remittances_pct_gdp=100 * table[USD] / table["gdp_current_usd"])


def old_vintage(country: object) -> pd.DataFrame:
    """May 2023 vintage for one pilot country (official % of GDP), one row per year 2000-2022."""
    return _vintage("remittances_2023_vintage", country, OLD_YEARS)


def missing_new(country: object) -> list[int]:
    """G1: years 2000-2024 with no remittance value in the new vintage."""
    return [int(year) for year, value in new_vintage(country)[USD].items() if pd.isna(value)]


def missing_old(country: object) -> list[int]:
    """G2: years 2000-2022 with an empty remittance value in the old vintage."""
    return [int(year) for year, value in old_vintage(country)[USD].items() if pd.isna(value)]


def zeros_old(country: object) -> list[int]:
    """G3: years 2000-2022 whose old-vintage remittance value is exactly zero."""
    return [int(year) for year, value in old_vintage(country)[USD].items() if value == 0]


def _status(year: int, new: float, old: float) -> str:
    flags = ["status_missing_new"] if pd.isna(new) else []
    if year > OLD_YEARS[-1]:
        flags.append("status_not_in_old")
    elif pd.isna(old):
        flags.append("status_missing_old")
    elif old == 0:
        flags.append("status_zero_old")
    return "; ".join(text(flag) for flag in flags or ["status_ok"])


def audit(country: object) -> pd.DataFrame:
    """Year by year, 2000-2024: both vintages in US$ million and a status flag."""
    new, old = new_vintage(country)[USD] / 1e6, old_vintage(country)[USD].reindex(NEW_YEARS) / 1e6
    table = pd.DataFrame({"new vintage (2026), US$ million": new, "old vintage (2023), US$ million": old})
    table["status"] = [_status(year, new.loc[year], old.loc[year]) for year in NEW_YEARS]
    return table.round(1).rename_axis("year")


def gap_summary(country: object) -> Table:
    """Rules G1-G3 for one country: the count and the list of years."""
    rules = [("G1", missing_new(country)), ("G2", missing_old(country)), ("G3", zeros_old(country))]
    rows = [(rule, text(rule.lower()), len(ys), year_ranges(ys) or text("no_years")) for rule, ys in rules]
    return show(pd.DataFrame(rows, columns=["rule", "what", "count", "years"]).set_index("rule"))


def audit_chart(country: object):
    """Both vintages in US$ billion; missing years are gaps, zeros are drawn as zeros."""
    new, old = new_vintage(country)[USD] / 1e9, old_vintage(country)[USD].reindex(NEW_YEARS) / 1e9
    title = text("chart_title", country=countries.country_name(pilot(country)))
    table = pd.DataFrame({text("chart_new"): new, text("chart_old"): old})
    figure = line_chart(table, title, text("chart_ylabel"), text("chart_xlabel"))
    figure.axes[0].set(xlim=(1999.5, 2024.5), xticks=range(NEW_YEARS[0], NEW_YEARS[-1] + 1, 4))
    return figure


def revision(country: object, year: int = REVISION_YEAR) -> dict[str, float]:
    """Rules V1-V3 for one country and year."""
    new, old = new_vintage(country).loc[year], old_vintage(country).loc[year]
    r = {"old_usd": old[USD], "new_usd": new[USD], "old_pct": old[PCT], "new_pct": new["remittances_pct_gdp"]}
    r |= {"V1": 100 * (r["new_usd"] - r["old_usd"]) / r["old_usd"], "V2": r["new_pct"] - r["old_pct"]}
    r |= {"old_gdp": r["old_usd"] / (r["old_pct"] / 100), "new_gdp": new["gdp_current_usd"]}
    return r | {"V3": 100 * (r["new_gdp"] - r["old_gdp"]) / r["old_gdp"]}


def revision_table(country: object, year: int = REVISION_YEAR) -> pd.DataFrame:
    """The two vintages side by side for one year: remittances in US$ and as % of GDP."""
    r = revision(country, year)
    usd = (text("row_usd"), r["old_usd"] / 1e6, r["new_usd"] / 1e6)
    pct = (text("row_pct"), r["old_pct"], r["new_pct"])
    columns = ["indicator", text("chart_old"), text("chart_new")]
    table = pd.DataFrame([usd, pct], columns=columns).set_index("indicator").round(4)
    table.columns.name = f"{countries.country_name(pilot(country))}, {year}"
    return table


def denominator_story(country: object) -> Table:
    """V1-V3 for the chosen country in the case of task 4 (US$ not revised, share revised), else Jamaica."""
    r = revision(country)
    if not (abs(r["V1"]) <= 0.01 and abs(r["V2"]) > 0.01):
        print(text("not_denominator_case", country=countries.country_name(pilot(country))))
        country, r = "JAM", revision("JAM")
    rows = [("V1", text("v1"), r["V1"]), ("V2", text("v2"), r["V2"])]
    rows += [("", text(key), r[key] / 1e9) for key in ("old_gdp", "new_gdp")] + [("V3", text("v3"), r["V3"])]
    table = pd.DataFrame(rows, columns=["rule", "measure", "value"]).set_index("rule").round(2)
    return show(table, f"{countries.country_name(pilot(country))}, {REVISION_YEAR}")


def latest_year_gap() -> pd.DataFrame:
    """The 2022 row of the old vintage for the eight pilot countries."""
    data = load("remittances_2023_vintage")
    rows = data[data["iso3"].isin(PILOTS) & (data["year"] == OLD_YEARS[-1])]
    table = rows.set_index("country")[[USD, PCT]] / [1e6, 1]
    table.columns = ["remittances received, US$ million", "remittances received, % of GDP"]
    table.columns.name = text("latest_caption", year=OLD_YEARS[-1])
    return table.round(1)


def check_revision(task, answer, revision_country):
    """Task 3: V1 (typical slips: divided by the new value, the sign, a fraction)."""
    r = revision(revision_country)
    v1, of_new = r["V1"], 100 * (r["new_usd"] - r["old_usd"]) / r["new_usd"]
    slips = [(of_new, 0.01, "slip_new"), (-v1, 0.01, "slip_sign"), (v1 / 100, 0.0001, "slip_fraction")]
    return task.check_number(answer, v1, slips=[(v, m, task.say(key)) for v, m, key in slips])


def check_share_change(task, answer, ratio_country):
    """Task 4a: V2, with the values its typical slips give (a change in per cent, sign)."""
    r = revision(ratio_country)
    slips = [(100 * r["V2"] / r["old_pct"], 0.01, "slip_percent"), (-r["V2"], 0.01, "slip_sign")]
    return task.check_number(answer, r["V2"], slips=[(v, m, task.say(key)) for v, m, key in slips])


def missing_years_check(task, answer, country):
    """Task 1: G1, the years with no value in the new vintage."""
    count, old = len(missing_new(country)), len(missing_old(country))
    slips = [] if old == count else [(old, 0, task.say("old_count"))]
    praise = task.say("praise_gaps" if count else "praise_no_gaps")
    return task.check_number(answer, count, slips=slips).with_note(praise)


def has_breakdown(name: str, words: set[str]) -> bool:
    return any(words & set(column.lower().split("_")) for column in COLUMNS[name])


def sex_breakdowns() -> dict[str, str]:
    """Task 5's categories, read from each dataset's columns (the first category: a breakdown)."""
    (with_sex, without), sex = TASK_5["categories"], {"male", "female", "men", "women", "sex"}
    items = [item["text"] for item in TASK_5["items"]]
    return {item: with_sex if has_breakdown(item.split(":")[0], sex) else without for item in items}


def breakdown_columns() -> Table:
    """The columns of each dataset of task 5, as the course provides them."""
    rows = [(name, ", ".join(COLUMNS[name])) for name in DATASETS]
    return show(pd.DataFrame(rows, columns=["dataset", "columns"]).set_index("dataset"))


def age_breakdowns() -> list[str]:
    """Datasets of task 5 with a column for age (none, at the time of writing)."""
    return [name for name in DATASETS if has_breakdown(name, {"age", "ages", "age_group"})]
