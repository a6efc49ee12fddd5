"""Exercise m08-2, the destination side: the United States as a country of destination.

Remittance outflows from two World Bank releases (KNOMAD June 2023, WDI May 2023), the UN DESA
migrant stock by destination and the bilateral (origin-destination) stock. Every expected answer
is computed from the course data.
"""

from __future__ import annotations

import math
import numbers

import pandas as pd

from migdev import checks, countries
from migdev.data import CourseError, load
from migdev.feedback import Feedback, not_yet
from migdev.tasks import TaskSet
from migdev.widgets import Choice, Sliders

FIRST_YEAR, LAST_YEAR = 2000, 2021  # years that both releases cover for the United States
STOCK_YEAR = 2020
DEFAULT_YEAR = 2000
DEFAULT_ORIGIN = "Jamaica"

# Destinations: KNOMAD name, ISO3 (WDI and bilateral file), UN M49 code (DESA destination file).
USA = {"knomad": "United States", "iso3": "USA", "m49": 840}
RUSSIA = {"knomad": "Russian Federation", "iso3": "RUS", "m49": 643}
UAE = {"knomad": "United Arab Emirates", "iso3": "ARE", "m49": 784}

# Pilot countries offered in task 7. Tunisia is left out: in the bilateral file its stock in the
# United States jumps more than tenfold after 2010, which has not been checked against the
# original UN DESA workbook.
ORIGINS = {"Jamaica": "JAM", "Ecuador": "ECU", "Bangladesh": "BGD", "Republic of Moldova": "MDA",
           "Kyrgyzstan": "KGZ", "Morocco": "MAR", "Serbia": "SRB"}
LEFT_OUT = {"TUN": "Tunisia is left out of this task: in the bilateral file, the number of people "
                   "born in Tunisia and living in the United States jumps more than tenfold after "
                   "2010, and this has not yet been checked against the original UN DESA data. "
                   "Choose another country."}

TASKS = TaskSet("m08-2-destination-side",
                params={"year_checked": DEFAULT_YEAR, "origin": DEFAULT_ORIGIN})


# ---------------------------------------------------------------- tables for the notebook
def outflows(destination: dict = USA) -> pd.DataFrame:
    """Remittance outflows of one country from both releases, one row a year, both in US$ million.

    ``knomad_usd_million`` is the KNOMAD file as published (0 can mean no data there);
    ``wdi_usd`` is the WDI value in US dollars, as published; ``wdi_usd_million`` is the same
    divided by one million, for comparison.
    """
    knomad = load("remittance_outflows_knomad")
    knomad = knomad[knomad["country"] == destination["knomad"]].set_index("year")
    wdi = load("remittances_2023_vintage")
    wdi = wdi[wdi["iso3"] == destination["iso3"]].set_index("year")
    table = pd.DataFrame({"knomad_usd_million": knomad["remittance_outflows_usd_million"],
                          "wdi_usd": wdi["remittances_paid_usd"]})
    table["wdi_usd_million"] = table["wdi_usd"] / 1e6
    table.index.name = "year"
    return table.sort_index()


def _year(value: object) -> int:
    """A year the learner chose, as an int; a CourseError explains anything else."""
    value = getattr(value, "value", value)
    if isinstance(value, dict) and len(value) == 1:
        value = next(iter(value.values()))
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise CourseError(f"The year to check should be a whole number between {FIRST_YEAR} and "
                          f"{LAST_YEAR}, e.g. 2010; got {value!r}. Run the slider cell again.")
    if not math.isfinite(float(value)) or float(value) != int(value) \
            or not FIRST_YEAR <= int(value) <= LAST_YEAR:
        raise CourseError(f"Choose a year between {FIRST_YEAR} and {LAST_YEAR}; got {value!r}.")
    return int(value)


def compare_year(year_checked: object) -> pd.DataFrame:
    """The two published figures for one year, each in the unit of its own file."""
    year = _year(year_checked)
    row = outflows(USA).loc[year]
    shown = [f"{value:,.0f}" if pd.notna(value) else "(empty)"
             for value in (row["knomad_usd_million"], row["wdi_usd"])]
    return pd.DataFrame({
        "file": ["KNOMAD (June 2023)", "WDI (May 2023)"],
        f"value in {year}": shown,
        "unit": ["current US$ million", "current US$"],
    }).set_index("file")


def destination_stock(destination: dict = USA) -> pd.DataFrame:
    """The UN DESA migrant stock living in one destination, 1990-2020 (found by M49 code)."""
    data = load("migrant_stock_by_destination")
    rows = data[data["location_code"] == destination["m49"]]
    table = rows.set_index("year")[["location", "stock_total", "female_pct_of_stock",
                                    "stock_pct_pop_total"]].copy()
    table["location"] = table["location"].str.rstrip("*").str.strip()
    table["stock_total"] = table["stock_total"].round().astype("Int64")
    return table


def stock_2020(destination: dict = USA) -> float:
    return float(destination_stock(destination).loc[STOCK_YEAR, "stock_total"])


def outflow_million(year: int, destination: dict = USA) -> float:
    return float(outflows(destination).loc[year, "knomad_usd_million"])


def per_immigrant(destination: dict = USA) -> float:
    """Outflows in 2020 (KNOMAD) divided by the migrant stock in 2020, in US$ per immigrant."""
    return outflow_million(STOCK_YEAR, destination) * 1e6 / stock_2020(destination)


def mexico_in_us() -> pd.DataFrame:
    """The two numbers of task 6: Mexico-born people in the US and all migrants in the US, 2020."""
    bilateral = load("bilateral_stock_focus")
    mexico = bilateral.loc[(bilateral["origin_iso3"] == "MEX")
                           & (bilateral["destination_iso3"] == USA["iso3"])
                           & (bilateral["year"] == STOCK_YEAR), "stock_total"].sum()
    return pd.DataFrame({
        "persons": [int(mexico), int(round(stock_2020(USA)))],
        "file": ["bilateral_stock_focus", "migrant_stock_by_destination"],
    }, index=["Born in Mexico, living in the US (2020)",
              "All international migrants in the US (2020)"])


def origin_code(origin: object) -> str:
    """The ISO3 code of a pilot country offered in task 7; a CourseError explains anything else."""
    origin = getattr(origin, "value", origin)
    if origin is None:
        raise CourseError("No country chosen: choose a country in the list above and run that "
                          "cell again.")
    iso3 = countries.resolve(origin)
    if iso3 in LEFT_OUT:
        raise CourseError(LEFT_OUT[iso3])
    if iso3 not in ORIGINS.values():
        raise CourseError(f"{countries.country_name(iso3)} is not one of the countries of this "
                          f"task. Choose one of: {', '.join(ORIGINS)}.")
    return iso3


def emigrants_by_destination(origin: object) -> pd.DataFrame:
    """Where people born in ``origin`` lived in 2020, largest first, with each share of the total."""
    iso3 = origin_code(origin)
    bilateral = load("bilateral_stock_focus")
    rows = bilateral[(bilateral["origin_iso3"] == iso3) & (bilateral["year"] == STOCK_YEAR)]
    table = (rows.sort_values("stock_total", ascending=False)
             [["destination", "destination_iso3", "stock_total"]].reset_index(drop=True))
    table["share_pct"] = 100 * table["stock_total"] / table["stock_total"].sum()
    return table


def destination_share(origin: object, destination_iso3: str = "USA") -> float:
    """Share (%) of the emigrants of ``origin`` who lived in one destination in 2020."""
    table = emigrants_by_destination(origin)
    return 100 * table.loc[table["destination_iso3"] == destination_iso3, "stock_total"].sum() \
        / table["stock_total"].sum()


def top_five(origin: object) -> pd.DataFrame:
    """The five main destinations of one pilot country, plus the United States and the total."""
    table = emigrants_by_destination(origin)
    shown = table.head(5).set_index("destination")[["destination_iso3", "stock_total"]]
    us = table[table["destination_iso3"] == USA["iso3"]]
    extra = pd.DataFrame({
        "destination_iso3": ["USA", "all destinations"],
        "stock_total": [us["stock_total"].sum(), table["stock_total"].sum()],
    }, index=["United States (any rank)", "All destinations"])
    return pd.concat([shown, extra])


# The year and the country that the learner chose are saved with the answers (as "settings"), so
# that a learner who comes back finds the same choices as the answers were checked with.
YEAR_SETTING = "year chosen for task 2"
ORIGIN_SETTING = "country chosen for task 7"


def _remember(ex: object, setting: str, value: object) -> None:
    progress = getattr(ex, "progress", None)
    if progress is not None and progress.get(setting) != value:
        progress.record(setting, value, "setting")


def year_slider(ex: object = None) -> Sliders:
    """The slider of task 2: one year between 2000 and 2021 (the saved choice, else 2000)."""
    saved = ex.saved(YEAR_SETTING) if hasattr(ex, "saved") else None
    try:
        start = _year(saved)
    except CourseError:
        start = DEFAULT_YEAR
    return Sliders(["Year to check"], minimum=FIRST_YEAR, maximum=LAST_YEAR, step=1, start=start)


def chosen_year(slider: object, ex: object = None) -> int:
    """The year set on the slider of task 2 (or a year typed in), checked to be in range."""
    year = _year(slider)
    _remember(ex, YEAR_SETTING, year)
    return year


def origin_menu(ex: object = None) -> Choice:
    """The list of task 7: the pilot countries (Tunisia left out); the saved choice, else Jamaica."""
    saved = ex.saved(ORIGIN_SETTING) if hasattr(ex, "saved") else None
    return Choice("Which pilot country do you want to look at?", list(ORIGINS),
                  saved=saved if saved in ORIGINS else DEFAULT_ORIGIN)


def chosen_origin(menu: object, ex: object = None) -> str:
    """The country chosen in the list of task 7, checked to be one of the countries offered."""
    origin = getattr(menu, "value", menu)
    origin_code(origin)  # a clear message if it is not one of the countries offered
    if origin in ORIGINS:
        _remember(ex, ORIGIN_SETTING, origin)
    return origin




# ---------------------------------------------------------------- task 1
@TASKS.task("1", "a number: US remittance outflows in 2021, in US$ billion")
def outflows_2021(answer, **_):
    expected = outflow_million(2021) / 1000
    return checks.check_number("1", answer, expected, tolerance=0.05, unit="US$ billion",
                            hint="The file is in US$ million: divide the 2021 value by 1,000 to "
                                 "get US$ billion.",
                            praise=("This is money sent by people living in the United States to "
                                   "other countries, mostly to their families. For the countries "
                                   "that receive it, it is private income, not aid."))


# ---------------------------------------------------------------- task 2
@TASKS.task("2", "a number: the difference between KNOMAD and WDI, in % of WDI")
def publishers_differ(answer, year_checked=DEFAULT_YEAR, **_):
    year = _year(year_checked)
    row = outflows(USA).loc[year]
    knomad, wdi = row["knomad_usd_million"] * 1e6, row["wdi_usd"]
    if pd.isna(knomad) or pd.isna(wdi) or not wdi:
        return not_yet("2", f"One of the two files has no value for {year}: choose another year.")
    expected = round(100 * (knomad - wdi) / wdi, 1)
    feedback = checks.check_number(
        "2", answer, expected, tolerance=0.1, unit="%",
        hint="Multiply the KNOMAD value by 1,000,000 first (WDI is in US dollars), then compute "
             "100 x (KNOMAD - WDI) / WDI.")
    feedback.message = f"(Year checked: {year}.) {feedback.message}"
    return feedback.with_note(
        "In some years the two files give the same figure, in others they differ. Both come from "
        "the World Bank, but they are different releases, prepared at different times, and past "
        "figures can be revised or estimated differently from one release to the next. Try 2000 "
        "and 2021.")


# ---------------------------------------------------------------- task 3
CONSISTENT = ("Use one source consistently, name it and its release date, and do not mix the two "
              "sources in one time series.")
TASKS.choose(
    "3",
    "You are writing a one-page note for your minister. The two files give different US outflow "
    "figures for the same year. What should you do?",
    {
        "Use the larger figure, because it makes the case stronger.":
            "Choosing the figure that suits the argument is cherry-picking.",
        CONSISTENT:
            "Both are official World Bank data: what matters is to be transparent and consistent.",
        "Average the two figures.":
            "An average is a number that no publisher produced, and no one can trace it.",
        "Leave the number out: if sources disagree, neither can be used.":
            "This throws away useful evidence; the difference is usually small next to the total.",
    },
    answer=CONSISTENT,
    hint="Think about what a reader of the note needs to check the figure.",
)


# ---------------------------------------------------------------- task 4
@TASKS.task("4", "a number: international migrants in the US in 2020, in millions")
def us_stock(answer, **_):
    expected = stock_2020(USA) / 1e6
    return checks.check_number("4", answer, expected, tolerance=0.01, unit="million",
                            hint="Read stock_total for 2020 in the table above and divide by "
                                 "1,000,000.",
                            praise=("UN DESA counts the foreign-born population of the United "
                                   "States. The count includes naturalised citizens, refugees and "
                                   "people in an irregular situation alike."))


# ---------------------------------------------------------------- task 5
@TASKS.task("5", "a number: US$ of outflows per immigrant in 2020, to the nearest dollar")
def outflows_per_immigrant(answer, **_):
    return checks.check_number("5", answer, per_immigrant(USA), tolerance=0.01, relative=True,
                            unit="US$",
                            hint="Use 2020 for both numbers, and turn US$ million into US$ "
                                 "(multiply by 1,000,000) before dividing.").with_note(
        "This is a rough ratio, not what a typical migrant sends. Many migrants send nothing and "
        "some send a lot; people who are not migrants also send money abroad; and remittances "
        "paid also include the pay of short-term foreign workers. Use it only to compare orders "
        "of magnitude between destinations.", always=True)


# ---------------------------------------------------------------- task 6
@TASKS.task("6", "a number: the share of Mexico-born people in the US migrant stock, in %")
def mexico_share(answer, **_):
    numbers_ = mexico_in_us()["persons"]
    expected = round(100 * numbers_.iloc[0] / numbers_.iloc[1], 1)
    return checks.check_number("6", answer, expected, tolerance=0.1, unit="%",
                            hint="Divide the Mexico-born by all international migrants in the "
                                 "United States (the destination total, not the sum of the "
                                 "bilateral file), then multiply by 100.",
                            praise=("US policy on work visas, enforcement and remittance markets "
                                   "weighs heavily on this one corridor. The denominator is the "
                                   "destination total, which includes migrants whose origin is "
                                   "unknown; dividing by the sum of the bilateral file would give "
                                   "a slightly larger share."))


# ---------------------------------------------------------------- task 7
@TASKS.task("7", "a number: the share of the country's emigrants living in the US, in %")
def us_share_of_emigrants(answer, origin=DEFAULT_ORIGIN, **_):
    iso3 = origin_code(origin)
    expected = round(destination_share(iso3, USA["iso3"]), 1)
    feedback = checks.check_number(
        "7", answer, expected, tolerance=0.1, unit="%",
        hint="Divide the United States row by the total over all destinations (the last row), "
             "then multiply by 100.")
    feedback.message = f"(Country: {countries.country_name(iso3)}.) {feedback.message}"
    return feedback.with_note(
        "Now choose a second country and compare. For some pilot countries the United States is "
        "the main destination, so US policy on visas and remittances is part of their development "
        "context; for others the main destination is elsewhere (the table shows where), and it is "
        "that country's policies that matter most.")


# ---------------------------------------------------------------- task 8
MONEY = "Money that reaches families"
JOBS = "Access to regular jobs abroad"
RECRUITMENT = "Recruitment costs and protection"
SKILLS = "Skills and services at home"
CHANNELS = [MONEY, JOBS, RECRUITMENT, SKILLS]

TASKS.classify("8", CHANNELS, {
    "A government-funded website that compares the fees and exchange rates of money transfer "
    "services (as the United Kingdom did from 2005)":
        (MONEY, "Price comparison pushes providers to compete, so more of each transfer reaches "
                "the family."),
    "Allowing licensed non-bank providers to use the national payment system (a step named in the "
    "Addis Ababa Action Agenda, 2015)":
        (MONEY, "More providers with access to payment systems means more competition and cheaper "
                "transfers."),
    "A levy on money transfers sent abroad":
        (MONEY, "A levy raises the cost of sending, so less money reaches families; it works "
                "against SDG target 10.c."),
    "A seasonal worker scheme for Pacific Island workers in horticulture, with an annual cap "
    "(New Zealand's Recognised Seasonal Employer scheme, since 2007)":
        (JOBS, "It opens a regular, repeated route to work abroad; the cap decides how many people "
               "can use it."),
    "A memorandum of understanding between two governments that sets how workers are selected and "
    "sent (the Republic of Korea's Employment Permit System)":
        (JOBS, "Agreements between governments create regular channels and set their terms, which "
               "GCM Objective 5 on regular pathways encourages."),
    "A rule that employers, not workers, pay recruitment fees":
        (RECRUITMENT, "Workers who pay no fees start without debt, which lowers the recruitment "
                      "cost measured by SDG indicator 10.7.1."),
    "A named contact point where migrant workers can complain about abuse by employers or "
    "recruiters":
        (RECRUITMENT, "Access to complaints and remedies protects workers' rights, in line with "
                      "GCM Objective 6."),
    "Not actively recruiting health workers from countries with critical shortages (the WHO Global "
    "Code of Practice, 2010, and its safeguards list)":
        (SKILLS, "It protects health services in countries that cannot spare their doctors and "
        "nurses."),
    "Paying for training in the country of origin, where trainees choose either to stay or to "
    "migrate (the Global Skill Partnership model)":
        (SKILLS, "Training for work at home and abroad adds skills to the country of origin instead "
        "of only drawing them away."),
}, hint="Ask what changes first for the country of origin: the money families receive, the number "
        "of regular jobs, what workers pay and how they are protected, or the skills left at home.")

_classify_levers = TASKS.tasks["8"].check


def _levers_check(answer, **_):
    return _classify_levers(answer).with_note(
        "The same decision of a destination country can help on one channel and harm on "
        "another: a coherent policy looks at all four.")


TASKS.tasks["8"].check = _levers_check


# ---------------------------------------------------------------- task 9
PRICES = ("Supporting a price comparison service and opening payment systems to licensed non-bank "
          "remittance providers.")
TASKS.choose(
    "9",
    "A destination government wants to contribute to SDG target 10.c (remittance costs below 3 per "
    "cent by 2030, no corridor above 5 per cent). Which measure acts on it most directly?",
    {
        "Raising the annual quota for seasonal workers.":
            "This may raise the number of people who send money, but not the cost of each "
            "transfer.",
        PRICES:
            "Transparency and competition lower the cost of each transfer, which is exactly what "
            "target 10.c measures.",
        "Funding a diaspora investment fair.":
            "This may help investment, but it does not change what a transfer costs.",
        "Introducing a levy on outgoing transfers.":
            "A levy raises the cost of sending, the opposite of target 10.c.",
    },
    answer=PRICES,
    hint="Target 10.c measures the cost of each transfer.",
)


# ---------------------------------------------------------------- task 10
OBJECTIVE_5 = "Objective 5, “Enhance availability and flexibility of pathways for regular migration”"
TASKS.choose(
    "10",
    "A seasonal worker scheme agreed between two governments mainly serves which GCM objective? "
    "(The titles are the official ones.)",
    {
        OBJECTIVE_5:
            "The scheme creates a regular pathway to work. A well-designed scheme also serves "
            "Objectives 6 and 23, but its main purpose is the pathway itself.",
        "Objective 6, “Facilitate fair and ethical recruitment and safeguard conditions that "
        "ensure decent work”":
            "A good scheme should also meet Objective 6, but recruitment and decent work are about "
            "its terms, not its main purpose.",
        "Objective 20, “Promote faster, safer and cheaper transfer of remittances and foster "
        "financial inclusion of migrants”":
            "Objective 20 is about remittances, not about routes to work.",
        "Objective 23, “Strengthen international cooperation and global partnerships for safe, "
        "orderly and regular migration”":
            "The scheme is a form of cooperation, but what it creates is a regular pathway.",
    },
    answer=OBJECTIVE_5,
    hint="What does the scheme open up for workers of the country of origin?",
)
