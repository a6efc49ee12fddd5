"""Exercise 6.2: scoring, ranking and banding rules (logic only; words in tasks.yaml).

The risk register is FICTIONAL (data/fictional/eastmere_risk_register.csv). The rules live here
only; the notebook's prepared cells and the checks both use them.
"""

import matplotlib.pyplot as plt
import pandas as pd

from migdev import checks
from migdev.charts import MARKERS, OKABE_ITO
from migdev.data import load

RISK = "R02"  # the risk whose rank task 1b asks for
MEDIUM_FROM, HIGH_FROM = 8, 15  # products of two whole numbers 1-5 are never 7, 13 or 14


def band(score: int) -> int:
    """0 (low), 1 (medium) or 2 (high): the position of the score's band in task 3's categories."""
    return 2 if score >= HIGH_FROM else 1 if score >= MEDIUM_FROM else 0


def ranked(register: pd.DataFrame | None = None) -> pd.DataFrame:
    """The register with ``score = likelihood x impact`` and its ``rank``: score descending,
    then impact descending, then risk_id ascending; ranks start at 1."""
    register = load("eastmere_risk_register") if register is None else register.copy()
    register["score"] = register["likelihood"] * register["impact"]
    order = ["score", "impact", "risk_id"]
    register = register.sort_values(order, ascending=[False, False, True], ignore_index=True)
    register.insert(0, "rank", range(1, len(register) + 1))
    return register


def what_if(changes: dict[str, tuple[int, int]], register: pd.DataFrame | None = None) -> pd.DataFrame:
    """Going further: the ranking after new (likelihood, impact) scores for some risks."""
    register = load("eastmere_risk_register") if register is None else register.copy()
    for risk_id, (likelihood, impact) in changes.items():
        register.loc[register["risk_id"] == risk_id, ["likelihood", "impact"]] = [likelihood, impact]
    return ranked(register)


def top_score() -> int:
    return int(ranked()["score"].max())


def check_rank(task, answer):
    """Task 1b: the rank of R02; one place off, with a tie on its score, explains the tie-break."""
    table = ranked()
    row = table[table["risk_id"] == RISK].iloc[0]
    expected = int(row["rank"])
    number, hint = checks.as_number(answer), None
    same = table[(table["score"] == row["score"]) & (table["risk_id"] != RISK)]
    if not isinstance(number, str) and abs(number - expected) == 1 and not same.empty:
        hint = task.say("tie_break", risks=", ".join([*same["risk_id"], RISK]))
    return task.check_number(answer, expected, hint=hint)


def check_high_risks(task, answer):
    """Task 2: the number of high risks; when right, lists them."""
    high = ranked().query("score >= @HIGH_FROM")[["risk_id", "risk", "score"]].to_dict("records")
    feedback = task.check_number(answer, len(high))
    if feedback.correct:
        feedback.details = [*(task.say("high_risk", **row) for row in high), task.say("agenda")]
    return feedback


def heat_map(ex, register: pd.DataFrame | None = None):
    """Going further: a 5 x 5 grid with each risk in its cell, bands told apart by colour, marker
    and label; its words are the exercise's texts and task 3's categories (FICTIONAL data)."""
    table = ranked(register)
    table["band"] = table["score"].map(band)
    figure, axes = plt.subplots(figsize=(7, 6))
    for number, name in enumerate(ex.taskfile.tasks["3"].categories):
        rows = table[table["band"] == number]
        look = {"color": OKABE_ITO[[2, 1, 5][number]], "marker": MARKERS[number], "label": name}
        axes.scatter(rows["likelihood"], rows["impact"], s=500, alpha=0.35, **look)
    for (likelihood, impact), group in table.groupby(["likelihood", "impact"]):
        axes.text(likelihood, impact, "\n".join(group["risk_id"]), ha="center", va="center", fontsize=9)
    axes.set(
        xticks=range(1, 6), yticks=range(1, 6), xlim=(0.5, 5.5), ylim=(0.5, 5.5), title=ex.text("heat_title")
    )
    axes.set(xlabel=ex.text("heat_xlabel"), ylabel=ex.text("heat_ylabel"))
    axes.grid(alpha=0.3)
    axes.legend(frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    figure.tight_layout()
    return figure
