"""Exercise m08-1, the eight pilot countries: which route each took to mainstream migration.

The data are the hand-compiled, cited table ``pilot_country_routes`` (one row per country of the
IOM-UNDP joint programme). Every expected answer is computed from that table.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from itertools import zip_longest

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from migdev import checks, countries
from migdev.charts import OKABE_ITO
from migdev.data import CourseError, load
from migdev.feedback import Feedback, not_yet
from migdev.tasks import Task, TaskSet

TASKS = TaskSet("m08-1-eight-countries")

PILOT = "pilot 2011-2013"
PHASE_II = "phase II 2014-2018"
OPEN_END = 2025  # where a bar with no end year stops on the timeline (the brief's convention)

# The eight countries as the table names them, in the order of the table (options of task 2b).
COUNTRIES = ["Bangladesh", "Jamaica", "Republic of Moldova", "Tunisia", "Ecuador", "Kyrgyzstan",
             "Morocco", "Serbia"]


def routes() -> pd.DataFrame:
    """The table of the eight countries (a fresh copy)."""
    return load("pilot_country_routes")


def overview(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The table without its codes and sources, indexed by country, for reading on screen."""
    table = routes() if table is None else table
    return table.drop(columns=["iso3", "source_title", "source_url"]).set_index("country")


def with_lag(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each country's phase, first year of that phase, start year and the lag between them."""
    table = routes() if table is None else table
    shown = table[["country", "phase", "start_year"]].copy()
    shown["phase_start"] = table["phase"].str.extract(r"(\d{4})")[0].astype("Int64")
    shown["lag"] = shown["start_year"] - shown["phase_start"]
    return shown.set_index("country")[["phase", "phase_start", "start_year", "lag"]]


def sorted_by_start(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Country, phase, plan and years, earliest start first (empty start years at the end)."""
    table = routes() if table is None else table
    return (table.sort_values("start_year", na_position="last")
            .set_index("country")[["phase", "start_year", "end_year", "plan_or_strategy"]])


class SourceList:
    """Every source of the table, one line per source, with clickable links in Jupyter."""

    def __init__(self, table: pd.DataFrame):
        rows = []
        for country, titles, urls in table[["country", "source_title", "source_url"]].itertuples(
                index=False):
            titles = [t.strip() for t in str(titles).split(" | ")] if isinstance(titles, str) else []
            urls = [u.strip() for u in str(urls).split(" | ")] if isinstance(urls, str) else []
            for number, (title, url) in enumerate(zip_longest(titles, urls, fillvalue=""), 1):
                rows.append((country, number, title, url))
        self.table = pd.DataFrame(rows, columns=["country", "source", "title", "address"])

    def __repr__(self) -> str:
        lines = []
        for country, group in self.table.groupby("country", sort=False):
            lines.append(country)
            lines += [f"  [{n}] {title}\n      {url}" for _, n, title, url in group.itertuples(
                index=False)]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        body = []
        for country, number, title, url in self.table.itertuples(index=False):
            link = (f'<a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener">'
                    f"{html.escape(url)}</a>") if url.startswith("http") else html.escape(url)
            body.append(f"<tr><td>{html.escape(country)}</td><td>{number}</td>"
                        f"<td>{html.escape(title)}</td><td style='word-break:break-all'>{link}</td></tr>")
        return ("<table class='migdev-sources'><thead><tr><th scope='col'>Country</th>"
                "<th scope='col'>No.</th><th scope='col'>Source</th><th scope='col'>Address</th>"
                f"</tr></thead><tbody>{''.join(body)}</tbody></table>")


def sources(table: pd.DataFrame | None = None) -> SourceList:
    """The sources of every row, split at ' | ', as a list to read and click."""
    return SourceList(routes() if table is None else table)


def timeline_chart(table: pd.DataFrame | None = None):
    """One bar per country with a start year, over the two programme phases.

    A bar covers whole calendar years, from ``start_year`` to the end of ``end_year``. Where no
    end year is set, the bar is hatched and runs to the end of 2025. Countries without a start
    year are named under the chart.
    """
    table = routes() if table is None else table
    dated = table[table["start_year"].notna()].sort_values("start_year", ascending=False)
    undated = table.loc[table["start_year"].isna(), "country"].tolist()
    figure, axes = plt.subplots(figsize=(8, 0.5 * len(dated) + 2.4))
    axes.axvspan(2011, 2014, color="#d0d7de", alpha=0.5, linewidth=0)
    axes.axvspan(2014, 2018 + 1 / 12, color="#d0d7de", alpha=0.25, linewidth=0)
    colours = {PILOT: OKABE_ITO[0], PHASE_II: OKABE_ITO[1]}
    labels = []
    for position, row in enumerate(dated.itertuples(index=False)):
        start = int(row.start_year)
        open_ended = pd.isna(row.end_year)
        stop = OPEN_END + 1 if open_ended else int(row.end_year) + 1
        colour = colours.get(row.phase, OKABE_ITO[2])
        axes.barh(position, stop - start, left=start, height=0.6,
                  color=colour, alpha=0.45 if open_ended else 0.9,
                  hatch="//" if open_ended else None, edgecolor=colour, linewidth=1.2)
        axes.plot(start, position, marker="o" if row.phase == PILOT else "s", color="black",
                  markersize=5)
        years = f"from {start}, no end year" if open_ended else f"{start}-{int(row.end_year)}"
        axes.text(stop + 0.15, position, years, va="center", fontsize=8)
        labels.append(row.country)
    axes.set_yticks(range(len(labels)), labels)
    axes.set_xlim(2010, OPEN_END + 6)
    axes.set_xticks(range(2010, OPEN_END + 2, 2))
    axes.set_ylim(-0.8, len(labels) - 0.2)
    top = len(labels) - 0.45
    axes.text(2012.5, top, "pilot\n2011-2013", ha="center", va="center", fontsize=8)
    axes.text(2016, top, "phase II\nFeb 2014 - Jan 2018", ha="center", va="center", fontsize=8)
    axes.set_ylim(-0.8, len(labels) + 0.3)
    axes.set_title("Plans and strategies of the pilot countries, by year")
    axes.set_xlabel("Year (each bar covers whole calendar years)")
    axes.set_ylabel("Country")
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(handles=[
        Patch(facecolor=OKABE_ITO[0], edgecolor=OKABE_ITO[0], label="joined in the pilot (circle)"),
        Patch(facecolor=OKABE_ITO[1], edgecolor=OKABE_ITO[1], label="joined in phase II (square)"),
        Patch(facecolor="white", edgecolor="black", hatch="//",
              label=f"no end year set (drawn to {OPEN_END})"),
    ], loc="upper center", bbox_to_anchor=(0.45, -0.16), ncol=3, fontsize=8, frameon=False)
    if undated:
        axes.annotate("No start year in the table: " + ", ".join(undated) + ".",
                      xy=(0, 0), xycoords="axes fraction", xytext=(0, -62),
                      textcoords="offset points", fontsize=9, va="top")
    figure.tight_layout()
    return figure




# ---------------------------------------------------------------- task 1
@TASKS.task("1", "a whole number of countries")
def countries_in_phase_two(answer, **_):
    expected = len(routes().query("phase == @PHASE_II"))
    return checks.check_number("1", answer, expected, tolerance=0, unit="countries",
                            hint=f"Count the rows whose phase column says '{PHASE_II}'.",
                            praise=("The other countries joined in the pilot and went on into phase"
                                   " II, so all eight were taking part in 2014-2018."))


# ---------------------------------------------------------------- task 2
def earliest(table: pd.DataFrame | None = None) -> tuple[int, set[str]]:
    """The earliest start year and the ISO3 codes of every country that started then."""
    table = routes() if table is None else table
    first = table["start_year"].min()
    return int(first), set(table.loc[table["start_year"] == first, "iso3"])


@TASKS.task("2a", "a year, e.g. 2012")
def first_year(answer, **_):
    expected = earliest()[0]
    feedback = checks.check_number("2a", answer, expected, tolerance=0,
                                   hint="Sort the table by start_year: the first row has the "
                                        "earliest year. Empty cells go to the end.")
    number = checks.as_number(answer)
    if not isinstance(number, str):  # say "2012", not "2,012 (within 0)"
        shown = f"{number:g}" if number != int(number) else str(int(number))
        if feedback.correct:
            feedback.message = f"{shown} is right."
        else:
            feedback.message = f"{shown} is too {'late' if number > expected else 'early'}."
            if abs(number - expected) > 100:
                feedback.message += " Type a year, e.g. 2012."
    return feedback


def _first_country(answer, **_):
    chosen = getattr(answer, "value", answer)
    if chosen is None:
        return not_yet("2b", NO_CHOICE.replace("one of the options", "a country"),
                       "Look at the first row of the table sorted by start_year.")
    _, winners = earliest()
    table = routes()
    names = dict(zip(table["iso3"], table["country"]))
    winner_names = [names[code] for code in sorted(winners)]
    expected = winner_names[0]
    if isinstance(chosen, str):
        try:
            if countries.resolve(chosen) in winners:
                expected = names[countries.resolve(chosen)]
                chosen = expected
        except CourseError:
            pass
    feedback = checks.check_choice(
        "2b", chosen, expected, COUNTRIES,
        hint="Look at the first row of the table sorted by start_year.")
    return feedback.with_note(
        "Its plan or strategy started as soon as its programme phase began, "
                           "while most of the other countries took several years.")


TASKS.tasks["2b"] = Task("2b", "one of the eight countries (use the widget)", _first_country,
                         question="Whose plan or strategy started first?", options=COUNTRIES)


# ---------------------------------------------------------------- task 3
@TASKS.task("3", "a whole number of countries")
def missing_start(answer, **_):
    expected = int(routes()["start_year"].isna().sum())
    return checks.check_number("3", answer, expected, tolerance=0, unit="countries",
                            hint="Count the empty cells (<NA>) in the start_year column.",
                            praise=("An empty cell means that the year was not confirmed in the "
                                   "sources, or that the document was not adopted, or that the "
                                   "route was a set of sector policies with no single start date. "
                                   "It does not mean that the country did nothing: read the "
                                   "plan_or_strategy cell of these rows."))


# ---------------------------------------------------------------- task 4
@TASKS.task("4", "a number of years, to one decimal")
def mean_lag(answer, **_):
    expected = round(float(with_lag()["lag"].dropna().mean()), 1)
    return checks.check_number("4", answer, expected, tolerance=0.05, unit="years",
                            hint="Leave out the rows with no start_year. For the others, subtract "
                                 "2011 (pilot) or 2014 (phase II) from start_year, add up the lags "
                                 "and divide by the number of countries with a lag.",
                            praise=("Mainstreaming takes years: evidence, coordination and "
                                   "consultation come before a plan is adopted. Remember that the "
                                   "pilot countries had more time in the programme."))


# ---------------------------------------------------------------- task 5
NATIONAL = "National development plan"
STAND_ALONE = "Stand-alone policy or strategy"
SECTORAL = "Sectoral policies"
ROUTES = [NATIONAL, STAND_ALONE, SECTORAL]
MOLDOVA = "Republic of Moldova"
ALSO_ACCEPTED = {MOLDOVA: STAND_ALONE}  # a second defensible answer

TASKS.classify("5", ROUTES, {
    "Bangladesh": (NATIONAL,
                   "Bangladesh wrote migration targets, such as remittances and women's share of "
                   "migrant workers, into its Seventh Five-Year Plan, and backed them with a "
                   "national migration and development strategy."),
    "Jamaica": (STAND_ALONE,
                "Jamaica's National Policy on International Migration and Development (2017) is a "
                "separate policy, designed to serve the goals of Vision 2030 Jamaica, the national "
                "plan."),
    MOLDOVA: (SECTORAL,
              "Moldova put migration focal points in all central public authorities to check the "
              "migration impact of new policies, and also adopted a stand-alone diaspora "
              "strategy: both of these answers are accepted."),
    "Tunisia": (STAND_ALONE,
                "Tunisia prepared a National Migration Strategy (preliminary version 2015, presented "
                "in 2017), a separate document that takes account of the five-year development "
                "plan 2016-2020."),
    "Ecuador": (STAND_ALONE,
                "Ecuador's National Human Mobility Plan (2018) is a separate plan led by the "
                "Ministry of Foreign Affairs and Human Mobility, under a 2017 law that asks all "
                "public bodies to mainstream human mobility."),
    "Kyrgyzstan": (SECTORAL,
                   "The programme reports that Kyrgyzstan's mainstreaming was done at sectoral "
                   "level, backed by new inter-agency councils, not through one national plan."),
    "Morocco": (STAND_ALONE,
                "Morocco adopted two stand-alone strategies, on immigration and asylum (2014) and "
                "on Moroccans residing abroad (2015)."),
    "Serbia": (SECTORAL,
               "Serbia's programme built migration into three sectoral policies, on youth, "
               "education and employment."),
}, hint="Read the plan_or_strategy column: is migration in the country's main plan, in a separate "
        "migration or diaspora policy, or in the policies of line ministries?")

_classify_routes = TASKS.tasks["5"].check


def _routes_check(answer, **_):
    given = getattr(answer, "value", answer)
    if isinstance(given, Mapping):
        given = dict(given)
        for item, alternative in ALSO_ACCEPTED.items():
            value = given.get(item)
            if isinstance(value, str) and " ".join(value.casefold().split()) == alternative.casefold():
                given[item] = TASKS.tasks["5"].key[item][0]
    return _classify_routes(given).with_note(
        "Most of these countries did not use the national plan: the Handbook's fallback, a "
        "stand-alone strategy, was the most common route, and several countries combined "
        "routes.")


TASKS.tasks["5"].check = _routes_check


# ---------------------------------------------------------------- task 6
TIMING_RIGHT = ("When the timing of national development planning and of the mainstreaming "
                "process do not match, for example because the plan was adopted recently.")
TASKS.choose(
    "6",
    "According to public summaries of the 2010 Handbook, when should a government prepare a "
    "stand-alone migration and development strategy instead of writing migration into the "
    "national plan?",
    {
        "Whenever migration is handled by a ministry other than the planning ministry.":
            "This confuses the lead body with timing: the advice is about when the plan is drafted.",
        TIMING_RIGHT:
            "The Handbook's first choice is to mainstream while a new national plan is being "
            "drafted; when the timelines do not align, it suggests a stand-alone strategy that "
            "serves the plan's goals.",
        "Only in countries of destination.":
            "The Handbook was written mainly for planning in developing countries, most of them "
            "countries of origin.",
        "Never: the Handbook rejects stand-alone strategies.":
            "Public summaries of the Handbook describe the stand-alone strategy as its fallback "
            "route, not a route it rejects.",
    },
    answer=TIMING_RIGHT,
    hint="The advice is about the timing of the national planning cycle.",
)
