"""Exercise m02-2, global frameworks: SDG targets, GCM objectives and the SDG 10.7.2 policy data.

Tasks 1 and 2 use short, generic situations written for this exercise (not a real country). Tasks 3
to 6 and "going further" read the dataset ``sdg_10_7_2_policies``; every expected answer is computed
from it inside the check, so nothing read from the data is typed here.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from migdev import checks
from migdev.checks import MISSING, describe
from migdev.data import load
from migdev.feedback import correct, not_yet
from migdev.tasks import TaskSet
from migdev.widgets import Choice, Classifier

TASKS = TaskSet("m02-2-global-frameworks")
DATASET = "sdg_10_7_2_policies"
ROUNDS = (2019, 2021)

# Constants, not data: the eight countries that applied the Handbook, and the four categories.
PILOT = ["BGD", "JAM", "MDA", "TUN", "ECU", "KGZ", "MAR", "SRB"]
PILOT_NAMES = {"BGD": "Bangladesh", "JAM": "Jamaica", "MDA": "Moldova", "TUN": "Tunisia",
               "ECU": "Ecuador", "KGZ": "Kyrgyzstan", "MAR": "Morocco", "SRB": "Serbia"}
LABELS = {1: "requires further progress", 2: "partially meets", 3: "meets", 4: "fully meets"}

# ---------------------------------------------------------------- tables for the notebook


def policies() -> pd.DataFrame:
    """The whole 10.7.2 file: one row per country and round."""
    return load(DATASET)


def with_labels(table: pd.DataFrame) -> pd.DataFrame:
    table = table.copy()
    table["label"] = table["score"].map(lambda s: LABELS.get(int(s), "") if pd.notna(s) else "")
    return table


def pilot_rows() -> pd.DataFrame:
    """Every row of the pilot countries, by country and year, with the label of each score."""
    data = policies()
    rows = data[data["iso3"].isin(PILOT)].sort_values(["iso3", "year"]).reset_index(drop=True)
    return with_labels(rows)


def latest_round() -> pd.DataFrame:
    """For each pilot country with a score, its most recent round only."""
    data = policies()
    rows = data[data["iso3"].isin(PILOT)].sort_values("year").groupby("iso3").tail(1)
    return with_labels(rows.sort_values("iso3").reset_index(drop=True))


def side_by_side() -> pd.DataFrame:
    """The pilot countries with a score, one row each: the score of each round (empty if none)."""
    rows = pilot_rows()
    table = rows.pivot(index="iso3", columns="year", values="score")
    table = table.reindex(columns=list(ROUNDS))
    table.columns = [f"score {year}" for year in table.columns]
    for year in ROUNDS:
        table[f"label {year}"] = table[f"score {year}"].map(
            lambda s: LABELS.get(int(s), "") if pd.notna(s) else "")
    table.index = [PILOT_NAMES[code] for code in table.index]
    table.index.name = "country"
    return table


def both_rounds_iso3() -> list[str]:
    """The pilot countries scored in both rounds."""
    data = policies()
    years = data[data["iso3"].isin(PILOT)].groupby("iso3")["year"].nunique()
    return [code for code in PILOT if years.get(code, 0) == len(ROUNDS)]


def round_summary() -> pd.DataFrame:
    """For each round: the number of countries scored and the number scoring 3 or 4."""
    data = policies()
    summary = data.groupby("year").agg(countries_scored=("score", "size"),
                                       scoring_3_or_4=("score", lambda s: int((s >= 3).sum())))
    summary.index.name = "round"
    return summary


def share_3_or_4(year: int, table: pd.DataFrame | None = None) -> float:
    """Percentage of the countries scored in ``year`` that score 3 or 4."""
    data = policies() if table is None else table
    return float(100 * (data.loc[data["year"] == year, "score"] >= 3).mean())


def direction() -> str:
    """One sentence saying which way the share scoring 3 or 4 moved between the two rounds."""
    first, last = (share_3_or_4(year) for year in ROUNDS)
    way = "higher" if last > first else "lower" if last < first else "the same"
    return (f"Of all countries in the file, the share scoring 3 or 4 is {way} in {ROUNDS[1]} than "
            f"in {ROUNDS[0]}." if way != "the same" else
            f"Of all countries in the file, the share scoring 3 or 4 is the same in both rounds.")


def balanced() -> pd.DataFrame:
    """Every country (not only the pilot countries) scored in both rounds, both rows each."""
    data = policies()
    years = data.groupby("iso3")["year"].nunique()
    return data[data["iso3"].isin(years[years == len(ROUNDS)].index)].reset_index(drop=True)


# ---------------------------------------------------------------- task 1 (SDG targets)

T_4B = "4.b: scholarships for students from developing countries"
T_8_8 = "8.8: labour rights and safe working conditions for all workers, including migrants"
T_10_7 = "10.7: orderly, safe, regular and responsible migration; well-managed migration policies"
T_10C = "10.c: cheaper remittances (costs below 3 per cent)"
T_TRAFFICKING = "5.2 / 8.7 / 16.2: trafficking and exploitation"
T_17_18 = "17.18: data broken down by migratory status and other characteristics"
TARGETS = [T_4B, T_8_8, T_10_7, T_10C, T_TRAFFICKING, T_17_18]

TASKS.classify("1", TARGETS, {
    "A finance ministry wants to cut the fees families pay when relatives send money home.":
        (T_10C, "Target 10.c is about reducing the cost of sending remittances."),
    "Labour inspectors will check working conditions on farms that employ seasonal migrant "
    "workers, most of them women.":
        (T_8_8, "Target 8.8 protects the labour rights of all workers, naming migrant workers and "
                "in particular women migrants."),
    "The statistics office adds country of birth and citizenship to its labour force survey so "
    "that results can be broken down by migratory status.":
        (T_17_18, "Target 17.18 calls for more data broken down by characteristics that include "
                  "migratory status."),
    "Police, prosecutors and social services create a joint unit to identify and assist victims "
    "of trafficking, including children.":
        (T_TRAFFICKING, "These targets cover trafficking and exploitation of women, workers and "
                        "children."),
    "A government adopts a national migration policy and sets up a body to implement it.":
        (T_10_7, "Target 10.7 asks for planned and well-managed migration policies."),
    "A donor country funds university scholarships for students from least developed countries.":
        (T_4B, "Target 4.b is about scholarships for students from developing countries."),
    "The central bank licenses mobile money operators to receive international transfers, so "
    "that providers compete on price.":
        (T_10C, "More competition among providers is one way to lower remittance costs."),
    "A country measures how much its workers pay recruiters, compared with their monthly earnings "
    "abroad.":
        (T_10_7, "This is indicator 10.7.1 on recruitment costs, which sits under target 10.7."),
}, hint="Ask what the situation changes: a cost, workers' rights, data, trafficking, a policy, or "
        "scholarships. The same target can fit more than one situation.", explain_all=True)

# ---------------------------------------------------------------- task 2 (GCM objectives)

O1 = "Objective 1: Collect and utilize accurate and disaggregated data as a basis for " \
     "evidence-based policies"
O6 = "Objective 6: Facilitate fair and ethical recruitment and safeguard conditions that ensure " \
     "decent work"
O18 = "Objective 18: Invest in skills development and facilitate mutual recognition of skills, " \
      "qualifications and competences"
O19 = "Objective 19: Create conditions for migrants and diasporas to fully contribute to " \
      "sustainable development in all countries"
O20 = "Objective 20: Promote faster, safer and cheaper transfer of remittances and foster " \
      "financial inclusion of migrants"
O21 = "Objective 21: Cooperate in facilitating safe and dignified return and readmission, as well " \
      "as sustainable reintegration"
O22 = "Objective 22: Establish mechanisms for the portability of social security entitlements " \
      "and earned benefits"
O23 = "Objective 23: Strengthen international cooperation and global partnerships for safe, " \
      "orderly and regular migration"
OBJECTIVES = [O1, O6, O18, O19, O20, O21, O22, O23]

TASKS.classify("2", OBJECTIVES, {
    "Publish a regular migration profile, prepared with the statistics office and line "
    "ministries.":
        (O1, "Migration profiles are among the data actions listed under Objective 1."),
    "Cap the fees that recruiters may charge workers, and license recruiters.":
        (O6, "Fair and ethical recruitment is the core of Objective 6."),
    "Agree with a destination country on how nurses' qualifications are recognised.":
        (O18, "Mutual recognition of skills and qualifications is Objective 18."),
    "Include diaspora associations in local development planning and co-finance their projects.":
        (O19, "Objective 19 is about migrants and diasporas contributing to development; it also "
              "includes integrating migration into development planning."),
    "Allow non-bank providers to offer cheap transfers, and teach money management to migrants' "
    "families.":
        (O20, "Cheaper remittances and financial inclusion are Objective 20."),
    "Offer people who return counselling, job placement and business training, in cooperation "
    "with the country they return from.":
        (O21, "Sustainable reintegration is part of Objective 21."),
    "Sign a bilateral agreement so that pension contributions paid abroad count at home.":
        (O22, "Portability of social security entitlements is Objective 22."),
    "Join a regional consultative process on labour migration to agree common standards with "
    "other States.":
        (O23, "International cooperation and partnerships are Objective 23."),
}, hint="Read the official title of each objective and look for its key words: data, recruitment, "
        "skills, diasporas, remittances, return, social security, cooperation.", explain_all=True)

# ---------------------------------------------------------------- task 3


@TASKS.task("3a", "a whole number: pilot countries with at least one row")
def pilot_countries_present(answer):
    data = policies()
    expected = data.loc[data["iso3"].isin(PILOT), "iso3"].nunique()
    return checks.check_number("3a", answer, expected, tolerance=0, unit="countries",
                               hint="Count distinct countries, not rows: some countries appear in "
                                    "both years.")


SCORED = "scored in at least one round"
NOT_SCORED = "no score in either round"
PRESENCE = [SCORED, NOT_SCORED]


def presence_key() -> dict[str, tuple[str, str]]:
    """For each pilot country: scored or not, computed from the data, with the reason."""
    data = policies()
    present = set(data.loc[data["iso3"].isin(PILOT), "iso3"])
    return {PILOT_NAMES[code]: (SCORED, f"{PILOT_NAMES[code]} has at least one row in the table.")
            if code in present else
            (NOT_SCORED, f"{PILOT_NAMES[code]} has no row in the table: it was not scored in "
                         "either round.")
            for code in PILOT}


def presence_widget(ex) -> Classifier:
    """One menu per pilot country: scored in at least one round, or not scored at all."""
    saved = ex.saved("3b") if ex is not None else None
    return Classifier(list(PILOT_NAMES.values()), PRESENCE, saved)


@TASKS.task("3b", "a category for every pilot country (use the widget)")
def pilot_countries_missing(answer):
    feedback = checks.check_classification(
        "3b", answer, presence_key(),
        hint="A country is missing if its name appears in no row of the table above.")
    if feedback.correct:
        feedback.message += (" A country with no row was not scored in the 2019 or the 2021 round. "
                             "That says nothing about the quality of its policies.")
    return feedback


# ---------------------------------------------------------------- task 4


@TASKS.task("4", "a whole number: pilot countries whose latest score is 3 or 4")
def meets_or_fully_meets(answer):
    latest = latest_round()
    expected = int((latest["score"] >= 3).sum())
    feedback = checks.check_number("4", answer, expected, tolerance=0, unit="countries",
                                   hint="Use only one row per country, its latest year, and count "
                                        "the scores of 3 (meets) or 4 (fully meets).")
    if feedback.correct:
        feedback.message += (" Note that 'most recent' is not the same year for every country, so "
                             "this count mixes 2019 and 2021 answers.")
    return feedback


# ---------------------------------------------------------------- task 5


@TASKS.task("5a", "a whole number: pilot countries scored in both rounds")
def scored_twice(answer):
    return checks.check_number("5a", answer, len(both_rounds_iso3()), tolerance=0,
                               unit="countries",
                               hint="Count the rows of the table that have a score in both the "
                                    "2019 and the 2021 column.")


def country_picker() -> Choice:
    """Radio buttons listing the pilot countries scored in both rounds (built from the data)."""
    return Choice("Choose a pilot country scored in both rounds:",
                  [PILOT_NAMES[code] for code in both_rounds_iso3()])


def _iso3_of(country: object) -> str | None:
    if not isinstance(country, str):
        return None
    key = " ".join(country.casefold().split())
    for code, name in PILOT_NAMES.items():
        if key in (code.casefold(), name.casefold()):
            return code
    return None


@TASKS.task("5b", "a whole number: the change in score, 2021 minus 2019")
def change_in_score(answer, country=None):
    country = getattr(country, "value", country)
    if country is None:
        return not_yet("5b", "No country is chosen yet: click one in the list above, then run "
                             "this cell again.")
    code = _iso3_of(country)
    if code is None or code not in both_rounds_iso3():
        names = ", ".join(PILOT_NAMES[c] for c in both_rounds_iso3())
        return not_yet("5b", f"{country!r} is not a pilot country scored in both rounds. Choose "
                             f"one of: {names}.")
    data = policies()
    scores = data[data["iso3"] == code].set_index("year")["score"]
    first, last = int(scores[ROUNDS[0]]), int(scores[ROUNDS[1]])
    feedback = checks.check_number("5b", answer, last - first, tolerance=0, unit="points",
                                   hint=f"Take the {ROUNDS[1]} score of {PILOT_NAMES[code]} and "
                                        f"subtract its {ROUNDS[0]} score. A fall gives a negative "
                                        "number, no change gives 0.")
    if feedback.correct:
        feedback.message += (f" {PILOT_NAMES[code]} went from '{LABELS[first]}' in {ROUNDS[0]} to "
                             f"'{LABELS[last]}' in {ROUNDS[1]}.")
    return feedback


@TASKS.task("5c", "a whole number: countries whose score differs between the rounds")
def changed_scores(answer):
    data = policies()
    twice = data[data["iso3"].isin(both_rounds_iso3())]
    wide = twice.pivot(index="iso3", columns="year", values="score")
    expected = int((wide[ROUNDS[0]] != wide[ROUNDS[1]]).sum())
    feedback = checks.check_number("5c", answer, expected, tolerance=0, unit="countries",
                                   hint="Among the countries scored in both rounds, count those "
                                        "whose two scores are not equal.")
    if feedback.correct:
        feedback.message += (" A change of category can reflect new policies, but also a different "
                             "person or method answering the Inquiry. Read it as a prompt for "
                             "questions, not as proof.")
    return feedback


# ---------------------------------------------------------------- task 6

SHARE_HINT = ("Divide the countries scoring 3 or 4 by the countries scored in that round, then "
              "multiply by 100.")


@TASKS.task("6a", f"a number: % of countries scoring 3 or 4 in {ROUNDS[0]}")
def share_first_round(answer):
    return checks.check_number("6a", answer, share_3_or_4(ROUNDS[0]), tolerance=0.1, unit="%",
                               hint=SHARE_HINT)


@TASKS.task("6b", f"a number: % of countries scoring 3 or 4 in {ROUNDS[1]}")
def share_second_round(answer):
    return checks.check_number("6b", answer, share_3_or_4(ROUNDS[1]), tolerance=0.1, unit="%",
                               hint=SHARE_HINT)


TASKS.choose(
    "6c",
    "The share of countries scoring 3 or 4 is not the same in the two rounds (the cell above says "
    "which way it moved). Can we conclude that migration policies changed that way worldwide?",
    {
        "Yes: the share moved, so policies moved the same way.":
            "Look at how many countries answered in each round.",
        "Not from these figures alone: the two rounds cover different sets of countries, so the "
        "comparison should use only countries scored in both rounds.":
            "Compare like with like: a balanced set of countries (see Going further 1).",
        "No, because the indicator measures the number of migrants.":
            "10.7.2 is about policies, not numbers of migrants.",
        "Yes, because governments reported the answers themselves.":
            "Self-reporting is a reason for caution, not a reason to conclude.",
    },
    answer="Not from these figures alone: the two rounds cover different sets of countries, so "
           "the comparison should use only countries scored in both rounds.",
    hint="Compare the number of countries scored in each round.",
)

# ---------------------------------------------------------------- task 7

TASKS.choose(
    "7",
    "Country A's 10.7.2 score is 3 ('meets'). Which statement is correct?",
    {
        "Migrants in Country A have good outcomes in employment and health.":
            "The indicator records policies, not outcomes for migrants.",
        "Country A's government reported migration policies that, taken together across the six "
        "domains, fall in the 'meets' category.":
            "It is a summary of reported policy measures.",
        "Country A ranks third in the world.":
            "The four values are categories, not ranks.",
        "Country A has fully implemented the GCM.":
            "10.7.2 is an SDG indicator; it does not measure GCM implementation.",
    },
    answer="Country A's government reported migration policies that, taken together across the "
           "six domains, fall in the 'meets' category.",
    hint="Who answers the UN Inquiry, and about what: policies or results?",
)

# ---------------------------------------------------------------- going further


def _year_value(answer: Mapping, year: int) -> object:
    for key in (year, str(year)):
        if key in answer:
            return answer[key]
    return None


@TASKS.task("F1", "a dict {2019: share, 2021: share}, in % of the balanced set")
def balanced_shares(answer):
    if answer is None:
        return not_yet("F1", MISSING, "Give both values, e.g. {2019: 12.3, 2021: 45.6}.")
    if not isinstance(answer, Mapping):
        return not_yet("F1", f"You gave {describe(answer)}; a dict with one value per round is "
                             "expected, e.g. {2019: 12.3, 2021: 45.6}.")
    table = balanced()
    results = [checks.check_number("F1", _year_value(answer, year), share_3_or_4(year, table),
                                   tolerance=0.1, unit="%") for year in ROUNDS]
    if all(result.correct for result in results):
        return correct("F1", "Both shares are right for the countries scored in both rounds. "
                             "Compare them with task 6: what changed once the set of countries "
                             "was the same?")
    details = [f"{year}: " + ("no value given." if _year_value(answer, year) is None
                              else "right." if result.correct else result.message)
               for year, result in zip(ROUNDS, results)]
    return not_yet("F1", "One or both shares are not right yet.", "Keep only the countries with a row in both rounds, then "
                                     "compute the share scoring 3 or 4 in each round.", details)


def _as_int_labels(labels) -> list[int]:
    return [int(float(label)) for label in labels]


@TASKS.task("F2", "a table: pd.crosstab of the 2019 score (rows) against the 2021 score (columns)")
def transition_table(answer):
    if answer is None:
        return not_yet("F2", MISSING, "Use pd.crosstab on the balanced set.")
    if not isinstance(answer, pd.DataFrame):
        return not_yet("F2", f"You gave {describe(answer)}; a table (pandas DataFrame) is expected, "
                             "as made by pd.crosstab.")
    table = balanced()
    wide = table.pivot(index="iso3", columns="year", values="score")
    expected = pd.crosstab(wide[ROUNDS[0]].astype(int), wide[ROUNDS[1]].astype(int))
    try:
        given = answer.copy()
        given.index = _as_int_labels(given.index)
        given.columns = _as_int_labels(given.columns)
        given = given.apply(pd.to_numeric, errors="raise")
    except (TypeError, ValueError):
        return not_yet("F2", "The rows and columns should be scores (1 to 4) and the cells counts "
                             "of countries.", "Use pd.crosstab(score_2019, score_2021).")
    total = float(given.to_numpy().sum())
    if total != len(wide):
        return not_yet("F2", f"Your table counts {total:g} countries; the balanced set has a "
                             "different number.", "Count each country scored in both rounds "
                                                  "exactly once.")
    scores = sorted(LABELS)
    if given.reindex(index=scores, columns=scores, fill_value=0).fillna(0).astype(float).equals(
            expected.reindex(index=scores, columns=scores, fill_value=0).astype(float)):
        return correct("F2", "Your transition table is right. Countries on the diagonal kept their "
                             "category; the others moved up or down.")
    return not_yet("F2", "The total is right, but some cells differ.",
                   "Put the 2019 score in the rows and the 2021 score in the columns.")
