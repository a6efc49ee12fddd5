"""Exercise 8.1: the eight pilot countries' routes, from the hand-compiled, cited table
pilot_country_routes (logic only; the words are in tasks.yaml)."""

from collections.abc import Mapping
from itertools import zip_longest

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from migdev import checks
from migdev.charts import OKABE_ITO
from migdev.data import load
from migdev.taskfile import texts

PILOT, PHASE_II = "pilot 2011-2013", "phase II 2014-2018"  # values of the phase column
OPEN_END = 2025  # where a bar with no end year stops on the timeline
ALSO_ACCEPTED = {"Republic of Moldova": 1}  # task 5: item -> index of a second accepted category
TEXTS = text = texts(__file__, keep_lines=True)  # captions, labels (some on two lines)


def routes() -> pd.DataFrame:
    return load("pilot_country_routes")


def overview(table: pd.DataFrame) -> pd.DataFrame:
    """The table without its codes and sources, indexed by country."""
    return table.drop(columns=["iso3", "source_title", "source_url"]).set_index("country")


def with_lag(table: pd.DataFrame) -> pd.DataFrame:
    """Each country's phase, first year of that phase, start year and the lag between them."""
    shown = table[["country", "phase", "start_year"]].copy()
    shown["phase_start"] = table["phase"].str.extract(r"(\d{4})")[0].astype("Int64")
    shown["lag"] = shown["start_year"] - shown["phase_start"]
    return shown.set_index("country")[["phase", "phase_start", "start_year", "lag"]]


def sorted_by_start(table: pd.DataFrame) -> pd.DataFrame:
    columns = ["phase", "start_year", "end_year", "plan_or_strategy"]
    return table.sort_values("start_year", na_position="last").set_index("country")[columns]


def sources(table: pd.DataFrame) -> pd.DataFrame:
    """Every source of the table, one row per source (the cells are split at ' | ')."""
    rows = []
    for country, titles, urls in table[["country", "source_title", "source_url"]].itertuples(index=False):
        split = [[p.strip() for p in c.split(" | ")] if isinstance(c, str) else [] for c in (titles, urls)]
        found = enumerate(zip_longest(*split, fillvalue=""), 1)
        rows += [(country, number, title, url) for number, (title, url) in found]
    return pd.DataFrame(rows, columns=["country", "source", "title", "address"])


def timeline_chart(table: pd.DataFrame):
    """One bar per country with a start year, over the two programme phases; a bar with no end
    year is hatched and runs to the end of 2025; countries without a start year are named below."""
    dated = table[table["start_year"].notna()].sort_values("start_year", ascending=False)
    undated = table.loc[table["start_year"].isna(), "country"].tolist()
    figure, axes = plt.subplots(figsize=(8, 0.5 * len(dated) + 2.4))
    axes.axvspan(2011, 2014, color="#d0d7de", alpha=0.5, linewidth=0)
    axes.axvspan(2014, 2018 + 1 / 12, color="#d0d7de", alpha=0.25, linewidth=0)
    colours = {PILOT: OKABE_ITO[0], PHASE_II: OKABE_ITO[1]}
    for position, row in enumerate(dated.itertuples(index=False)):
        start, open_ended = int(row.start_year), pd.isna(row.end_year)
        stop = OPEN_END + 1 if open_ended else int(row.end_year) + 1
        colour = colours.get(row.phase, OKABE_ITO[2])
        look = {"alpha": 0.45, "hatch": "//"} if open_ended else {"alpha": 0.9, "hatch": None}
        axes.barh(position, stop - start, 0.6, start, color=colour, edgecolor=colour, linewidth=1.2, **look)
        axes.plot(start, position, marker="o" if row.phase == PILOT else "s", color="black", markersize=5)
        years = text("bar_open", start=start) if open_ended else f"{start}-{int(row.end_year)}"
        axes.text(stop + 0.15, position, years, va="center", fontsize=8)
    axes.set_yticks(range(len(dated)), dated["country"].tolist())
    axes.set(xlim=(2010, OPEN_END + 6), xticks=range(2010, OPEN_END + 2, 2), ylim=(-0.8, len(dated) + 0.3))
    top = len(dated) - 0.45
    axes.text(2012.5, top, text("band_pilot"), ha="center", va="center", fontsize=8)
    axes.text(2016, top, text("band_phase_2"), ha="center", va="center", fontsize=8)
    axes.set(title=text("timeline_title"), xlabel=text("timeline_x"), ylabel=text("timeline_y"))
    axes.spines[["top", "right"]].set_visible(False)
    keys = {"legend_pilot": OKABE_ITO[0], "legend_phase_2": OKABE_ITO[1]}
    handles = [Patch(facecolor=colour, edgecolor=colour, label=text(key)) for key, colour in keys.items()]
    open_label = text("legend_open", year=OPEN_END)
    handles.append(Patch(facecolor="white", edgecolor="black", hatch="//", label=open_label))
    where = {"loc": "upper center", "bbox_to_anchor": (0.45, -0.16), "ncol": 3, "fontsize": 8}
    axes.legend(handles=handles, frameon=False, **where)
    if undated:
        where = {"xy": (0, 0), "xycoords": "axes fraction", "xytext": (0, -62), "textcoords": "offset points"}
        axes.annotate(text("no_start_year", countries=", ".join(undated)), fontsize=9, va="top", **where)
    figure.tight_layout()
    return figure


def phase_two_count() -> int:
    return int((routes()["phase"] == PHASE_II).sum())


def earliest_year() -> int:
    return int(routes()["start_year"].min())


def first_countries() -> list[str]:
    """Every country whose plan or strategy started in the earliest year (ties: each is right)."""
    table = routes().sort_values("iso3")
    return table.loc[table["start_year"] == earliest_year(), "country"].tolist()


def missing_start_count() -> int:
    return int(routes()["start_year"].isna().sum())


def mean_lag() -> float:
    return round(float(with_lag(routes())["lag"].dropna().mean()), 1)


def check_first_year(task, answer):
    """A year: "2016 is right." / "2019 is too late." rather than a margin."""
    expected = earliest_year()
    feedback = task.check_number(answer, expected)
    number = checks.as_number(answer)
    if not isinstance(number, str):
        year = f"{number:g}" if number != int(number) else str(int(number))
        late = "too_late" if number > expected else "too_early"
        feedback.message = task.say("right" if feedback.correct else late, year=year)
        if abs(number - expected) > 100:
            feedback.message += " " + task.say("type_a_year")
    return feedback


def check_routes(task, answer):
    """A classification in which one item has a second defensible category."""
    given, key = getattr(answer, "value", answer), task.key()
    if isinstance(given, Mapping):
        given = dict(given)
        for item, index in ALSO_ACCEPTED.items():
            if checks.normalise(str(given.get(item))) == checks.normalise(task.categories[index]):
                given[item] = key[item][0]
    return task.check_classification(given, key=key).with_note(task.say("note"))
