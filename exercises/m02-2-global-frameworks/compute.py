"""Exercise 2.2: the tables and expected answers computed from sdg_10_7_2_policies (logic only;
every word is in tasks.yaml). Nothing read from the data is typed here."""

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from migdev.data import load
from migdev.feedback import Feedback, correct, not_yet
from migdev.reading import describe
from migdev.taskfile import read, texts
from migdev.text import say
from migdev.widgets import Choice

TEXTS = texts(__file__)
DATASET = "sdg_10_7_2_policies"
ROUNDS = (2019, 2021)
# Constants, not data: the eight countries that applied the Handbook.
PILOT = ["BGD", "JAM", "MDA", "TUN", "ECU", "KGZ", "MAR", "SRB"]
NAMES = ["Bangladesh", "Jamaica", "Moldova", "Tunisia", "Ecuador", "Kyrgyzstan", "Morocco", "Serbia"]
PILOT_NAMES = dict(zip(PILOT, NAMES, strict=True))
LABELS = {score: TEXTS[f"label_{score}"] for score in (1, 2, 3, 4)}
# Task 3b's categories: scored in at least one round, no score in either round.
PRESENCE = {t["id"]: t for t in read(Path(__file__).with_name("tasks.yaml"))["tasks"]}["3b"]["categories"]


def _label(score) -> str:
    return LABELS.get(int(score), "") if pd.notna(score) else ""


def policies() -> pd.DataFrame:
    """The whole 10.7.2 file: one row per country and round."""
    return load(DATASET)


def pilot_rows() -> pd.DataFrame:
    """Every row of the pilot countries, by country and year, with the label of each score."""
    data = policies()
    rows = data[data["iso3"].isin(PILOT)].sort_values(["iso3", "year"]).reset_index(drop=True)
    return rows.assign(label=rows["score"].map(_label))


def latest_round() -> pd.DataFrame:
    """For each pilot country with a score, its most recent round only."""
    return pilot_rows().groupby("iso3").tail(1).reset_index(drop=True)


def side_by_side() -> pd.DataFrame:
    """The pilot countries with a score, one row each: the score of each round (empty if none)."""
    table = pilot_rows().pivot(index="iso3", columns="year", values="score").reindex(columns=list(ROUNDS))
    table.columns = [f"score {year}" for year in ROUNDS]
    for year in ROUNDS:
        table[f"label {year}"] = table[f"score {year}"].map(_label)
    return table.rename(index=PILOT_NAMES).rename_axis("country")


def both_rounds_iso3() -> list[str]:
    """The pilot countries scored in both rounds."""
    years = policies().groupby("iso3")["year"].nunique()
    return [code for code in PILOT if years.get(code, 0) == len(ROUNDS)]


def round_summary() -> pd.DataFrame:
    """For each round: the number of countries scored and the number scoring 3 or 4."""
    three_or_four = ("score", lambda s: int((s >= 3).sum()))
    summary = policies().groupby("year").agg(countries_scored=("score", "size"), scoring_3_or_4=three_or_four)
    return summary.rename_axis("round")


def share_3_or_4(year: int, table: pd.DataFrame | None = None) -> float:
    """Percentage of the countries scored in ``year`` that score 3 or 4."""
    data = policies() if table is None else table
    return float(100 * (data.loc[data["year"] == year, "score"] >= 3).mean())


def direction() -> str:
    """Which way the share scoring 3 or 4 moved between the two rounds (a sentence of texts)."""
    first, last = (share_3_or_4(year) for year in ROUNDS)
    way = "higher" if last > first else "lower" if last < first else "same"
    return TEXTS[f"direction_{way}"].format(first=ROUNDS[0], last=ROUNDS[1])


def balanced() -> pd.DataFrame:
    """Every country (not only the pilot countries) scored in both rounds, both rows each."""
    data = policies()
    years = data.groupby("iso3")["year"].nunique()
    return data[data["iso3"].isin(years[years == len(ROUNDS)].index)].reset_index(drop=True)


def pilot_countries_present() -> int:
    return len(set(policies()["iso3"]) & set(PILOT))


def meets_or_fully_meets() -> int:
    return int((latest_round()["score"] >= 3).sum())


def scored_twice() -> int:
    return len(both_rounds_iso3())


def changed_scores() -> int:
    wide = pilot_rows().pivot(index="iso3", columns="year", values="score").dropna()
    return int((wide[ROUNDS[0]] != wide[ROUNDS[1]]).sum())


def share_2019() -> float:
    return share_3_or_4(ROUNDS[0])


def share_2021() -> float:
    return share_3_or_4(ROUNDS[1])


def presence() -> dict:
    """Task 3b: whether each pilot country was scored in at least one round (from the data)."""
    present = set(policies()["iso3"])
    return {n: {"category": PRESENCE[c not in present], "country": n} for c, n in PILOT_NAMES.items()}


def country_picker(saved: object = None) -> Choice:
    """Task 5b: radio buttons listing the pilot countries scored in both rounds (from the data)."""
    return Choice(TEXTS["picker_question"], [PILOT_NAMES[code] for code in both_rounds_iso3()], saved)


def change_in_score(task, answer, country=None) -> Feedback:
    """Task 5b: the change in score of the chosen country, 2021 minus 2019."""
    if country is None:
        return not_yet(task.id, task.say("no_country"))
    key = " ".join(country.casefold().split()) if isinstance(country, str) else None
    code = next((c for c, n in PILOT_NAMES.items() if key in (c.casefold(), n.casefold())), None)
    if code not in both_rounds_iso3():
        names = ", ".join(PILOT_NAMES[c] for c in both_rounds_iso3())
        return not_yet(task.id, task.say("not_both", country=repr(country), names=names))
    scores = policies().loc[lambda d: d["iso3"] == code].set_index("year")["score"]
    first, last = int(scores[ROUNDS[0]]), int(scores[ROUNDS[1]])
    words = dict(name=PILOT_NAMES[code], first=ROUNDS[0], last=ROUNDS[1], first_label=LABELS[first])
    feedback = task.check_number(answer, last - first, last_label=LABELS[last], **words)
    feedback.hint = feedback.hint or task.say("hint", **words)
    return feedback


def balanced_shares(task, answer) -> Feedback:
    """Going further 1: the share scoring 3 or 4 in each round, countries scored in both only."""
    if answer is None:
        return not_yet(task.id, say("missing"), task.say("give_both"))
    if not isinstance(answer, Mapping):
        return not_yet(task.id, task.say("not_dict", described=describe(answer)))
    table = balanced()
    given = {year: answer.get(year, answer.get(str(year))) for year in ROUNDS}
    results = {year: task.check_number(given[year], share_3_or_4(year, table)) for year in ROUNDS}
    if all(result.correct for result in results.values()):
        return correct(task.id, task.say("right"))
    details = []
    for year, result in results.items():
        key = "year_missing" if given[year] is None else "year_right" if result.correct else "year_wrong"
        details.append(task.say(key, year=year, message=result.message))
    return not_yet(task.id, task.say("not_right"), task.say("how"), details)


def transition_table(task, answer) -> Feedback:
    """Going further 2: pd.crosstab of the 2019 score (rows) against the 2021 score (columns)."""
    if answer is None:
        return not_yet(task.id, say("missing"), task.say("use_crosstab"))
    if not isinstance(answer, pd.DataFrame):
        return not_yet(task.id, task.say("not_table", described=describe(answer)))
    wide = balanced().pivot(index="iso3", columns="year", values="score")
    expected = pd.crosstab(wide[ROUNDS[0]].astype(int), wide[ROUNDS[1]].astype(int))
    try:
        given = answer.set_axis([int(float(label)) for label in answer.index], axis=0)
        given = given.set_axis([int(float(label)) for label in given.columns], axis=1)
        given = given.apply(pd.to_numeric, errors="raise")
    except (TypeError, ValueError, OverflowError):
        return not_yet(task.id, task.say("not_scores"), task.say("crosstab_hint"))
    total = float(given.to_numpy().sum())
    if total != len(wide):
        return not_yet(task.id, task.say("wrong_total", total=f"{total:g}"), task.say("count_once"))
    scores = sorted(LABELS)
    mine, right = (t.reindex(index=scores, columns=scores).fillna(0).astype(float) for t in (given, expected))
    if mine.equals(right):
        return correct(task.id, task.say("right"))
    return not_yet(task.id, task.say("cells_differ"), task.say("orientation"))
