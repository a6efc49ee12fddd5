"""Exercise m06-2, implementation risks: score, rank and band a FICTIONAL risk register.

The risk register of Eastmere's programme below is FICTIONAL content written for this exercise
(invented risks and scores). The scoring rule, the ranking rule and the band thresholds live here
only, and both the notebook's prepared cells and the checks use them.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from migdev import checks
from migdev.charts import MARKERS, OKABE_ITO
from migdev.feedback import Feedback
from migdev.tasks import TaskSet

TASKS = TaskSet("m06-2-implementation-risks")

FICTIONAL_LABEL = "FICTIONAL data written for exercise m06-2; not real figures"

# Table 1. FICTIONAL risk register: likelihood 1 (very unlikely) to 5 (almost certain), impact
# 1 (minor) to 5 (severe).
FICTIONAL_RISK_COLUMNS = ["risk_id", "risk", "cause", "likelihood", "impact", "owner"]
FICTIONAL_RISKS = [
    ("R01", "A new government moves the lead agency or changes priorities (FICTIONAL)",
     "Elections due in year 2", 3, 5, "Ministry of Planning"),
    ("R02", "Trained focal points leave their posts (FICTIONAL)",
     "High staff turnover in line ministries", 4, 3, "Ministry of Public Administration"),
    ("R03", "The bilateral grant arrives late (FICTIONAL)", "Partner's approval procedures", 3, 4,
     "Ministry of Planning"),
    ("R04", "Line ministries do not attend the working group (FICTIONAL)",
     "No formal mandate for the group", 4, 4, "Ministry of Planning"),
    ("R05", "The survey module is dropped from the labour force survey (FICTIONAL)",
     "Statistics office budget cut", 2, 4, "National Statistics Office"),
    ("R06", "Currency depreciation raises imported costs (FICTIONAL)", "Exchange-rate volatility",
     2, 2, "Ministry of Finance"),
    ("R07", "Regional consultations turn hostile to migrants (FICTIONAL)",
     "Polarised public debate", 2, 3, "Ministry of Planning"),
    ("R08", "Personal data of registered migrants are exposed (FICTIONAL)",
     "Weak data protection in a new database", 1, 5, "Ministry of Labour"),
    ("R09", "Diaspora co-financing is lower than pledged (FICTIONAL)",
     "Low trust in local authorities", 3, 2, "Diaspora office"),
    ("R10", "A flood disrupts activities in two regions (FICTIONAL)", "Seasonal flood risk", 2, 5,
     "Ministry of Interior"),
]

# Real facts quoted in the introduction (hand-compiled from the course's shared fact files).
REAL_FACTS = {
    "S1": ("Tunisia's phase II project page cited successive changes of government, and the "
           "difficulty for state institutions of managing migration as a cross-cutting subject, "
           "as reasons why quality technical support was needed",
           "Intégrer la Migration dans la Planification du Développement (Phase II) (IOM Tunisia)",
           "https://tunisia.iom.int/activities/int%C3%A9grer-la-migration-dans-la-planification-"
           "du-d%C3%A9veloppement-phase-ii"),
    "S2": ("At its meeting of 16 February 2016, the steering committee of Tunisia's project, "
           "chaired by the Ministry of Social Affairs, recommended stronger coordination among "
           "stakeholders",
           "Tunisie - Migration : examen du projet Intégration de la migration dans les plans du "
           "développement (Webmanagercenter, 17 February 2016)",
           "https://webmanagercenter.com/2016/02/17/168403/tunisie-migration-examen-du-projet-"
           "integration-de-la-migration-dans-les-plans-du-developpement"),
    "S3": ("IOM's monitoring guidance names four areas to monitor: activities, results, budget and "
           "expenditure, and risk",
           "Monitoring at IOM (IOM Monitoring and Evaluation Guidelines)",
           "https://mandeguidelines.iom.int/en/monitoring-iom"),
}

# ---------------------------------------------------------------- the rules (one place only)

LOW, MEDIUM, HIGH = "Low (score 1–6)", "Medium (score 8–12)", "High (score 15–25)"
BANDS = [LOW, MEDIUM, HIGH]
MEDIUM_FROM, HIGH_FROM = 8, 15  # products of two whole numbers 1-5 are never 7, 13 or 14


def band(score: int) -> str:
    """The band of a score: High from 15, Medium from 8, Low below."""
    if score >= HIGH_FROM:
        return HIGH
    if score >= MEDIUM_FROM:
        return MEDIUM
    return LOW


def risk_register() -> pd.DataFrame:
    """Table 1, the FICTIONAL risk register."""
    return pd.DataFrame(FICTIONAL_RISKS, columns=FICTIONAL_RISK_COLUMNS)


def ranked(register: pd.DataFrame | None = None) -> pd.DataFrame:
    """The register with ``score = likelihood x impact``, its band and its rank.

    Ranking rule: score descending, then impact descending, then risk_id ascending; ranks start
    at 1.
    """
    register = risk_register() if register is None else register.copy()
    register["score"] = register["likelihood"] * register["impact"]
    register["band"] = register["score"].map(band)
    register = register.sort_values(["score", "impact", "risk_id"],
                                    ascending=[False, False, True]).reset_index(drop=True)
    register.insert(0, "rank", range(1, len(register) + 1))
    return register


def what_if(changes: dict[str, tuple[int, int]], register: pd.DataFrame | None = None
            ) -> pd.DataFrame:
    """Going further: the ranking after new (likelihood, impact) scores for some risks."""
    register = risk_register() if register is None else register.copy()
    for risk_id, (likelihood, impact) in changes.items():
        register.loc[register["risk_id"] == risk_id, ["likelihood", "impact"]] = [likelihood,
                                                                                    impact]
    return ranked(register)


def heat_map(register: pd.DataFrame | None = None):
    """Going further: a 5 x 5 grid with each risk in its cell, bands told apart by colour,
    marker and label (FICTIONAL data)."""
    table = ranked(register)
    figure, axes = plt.subplots(figsize=(7, 6))
    for number, name in enumerate(BANDS):
        rows = table[table["band"] == name]
        axes.scatter(rows["likelihood"], rows["impact"], s=500, color=OKABE_ITO[[2, 1, 5][number]],
                     marker=MARKERS[number], alpha=0.35, label=name)
    for (likelihood, impact), group in table.groupby(["likelihood", "impact"]):
        axes.text(likelihood, impact, "\n".join(group["risk_id"]), ha="center", va="center",
                  fontsize=9)
    axes.set_xticks(range(1, 6))
    axes.set_yticks(range(1, 6))
    axes.set_xlim(0.5, 5.5)
    axes.set_ylim(0.5, 5.5)
    axes.grid(alpha=0.3)
    axes.set_xlabel("Likelihood (1 = very unlikely, 5 = almost certain)")
    axes.set_ylabel("Impact (1 = minor, 5 = severe)")
    axes.set_title("Eastmere programme risk register (FICTIONAL data)")
    axes.legend(frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    figure.tight_layout()
    return figure


# ---------------------------------------------------------------- checks

@TASKS.task("1a", "a whole number: the highest score in the register")
def top_score_check(answer):
    expected = int(ranked()["score"].max())
    return checks.check_number("1a", answer, expected, tolerance=0, unit="points",
                               hint="The score is likelihood × impact; the first row of the "
                                    "ranked table has the highest.")


@TASKS.task("1b", "a whole number: the position of R02 in the ranked list")
def rank_check(answer):
    table = ranked()
    row = table[table["risk_id"] == "R02"].iloc[0]
    expected = int(row["rank"])
    hint = ("Sort by score (highest first); when two risks have the same score, the one with the "
            "higher impact comes first; then by risk_id. Count from 1.")
    number = checks.as_number(answer)
    if not isinstance(number, str) and abs(number - expected) == 1:
        same = table[(table["score"] == row["score"]) & (table["risk_id"] != "R02")]
        if not same.empty:
            hint = ("Two risks share this score (" + ", ".join([*same["risk_id"], "R02"]) +
                    "): the tie-break puts the one with the higher impact first.")
    return checks.check_number("1b", answer, expected, tolerance=0, hint=hint)


@TASKS.task("2", "a whole number: how many risks score 15 or more")
def n_high_check(answer):
    table = ranked()
    high = table[table["score"] >= HIGH_FROM]
    feedback = checks.check_number(
        "2", answer, len(high), tolerance=0, unit="risks",
        hint=f"Count the rows whose score is {HIGH_FROM} or more in the ranked table.")
    if feedback.correct:
        feedback.details = [f"{r.risk_id}: {r.risk}, score {r.score}" for r in high.itertuples()]
        feedback.details.append("These high risks go on the agenda of every steering committee "
                                "meeting (FICTIONAL register).")
    return feedback


# Task 3. The band of each risk is derived from the register; the sentences add the judgement.
_BAND_REMARKS = {
    "R01": "political turnover could stop the programme, so it needs an owner and a plan now.",
    "R02": "likely but manageable with deputies and handover files.",
    "R03": "delays hurt, but a bridging plan can limit the damage.",
    "R04": "without participation there is no whole-of-government approach.",
    "R05": "not very likely, but losing it would leave outcome indicators without data.",
    "R06": "watch it and keep a small contingency.",
    "R07": "low score, but prepare facilitators and factual briefings.",
    "R08": "a low score hides a severe impact on migrants' rights (see task 5).",
    "R09": "small amounts at stake; keep diaspora partners informed to build trust.",
    "R10": "plan alternative dates and venues in the flood season.",
}


def _risk_item(row) -> str:
    """The widget text of a risk, with its FICTIONAL label first so it survives shortening."""
    return f"{row.risk_id} (FICTIONAL): {row.risk.replace(' (FICTIONAL)', '')}"


def band_key() -> dict[str, tuple[str, str]]:
    """Each risk -> (its band by the thresholds, an explanation with its score)."""
    table = ranked().sort_values("risk_id")
    top = table["score"].max()
    key = {}
    for row in table.itertuples():
        highest = "the highest score; " if row.score == top else ""
        key[_risk_item(row)] = (
            row.band, f"Likelihood {row.likelihood} × impact {row.impact} = {row.score}, so "
                      f"{row.band}: {highest}{_BAND_REMARKS.get(row.risk_id, '')}".strip())
    return key


TASKS.classify("3", BANDS, band_key,
               hint="Use the score column of the ranked table: 1–6 is Low, 8–12 Medium, "
                    "15–25 High.")

RESPONSES = ["Avoid", "Reduce", "Share", "Accept"]
TASKS.classify("4", RESPONSES, {
    "Give the working group a mandate in a government decree so that ministries must nominate "
    "members (R04)":
        ("Reduce", "A formal mandate makes non-attendance less likely; it does not remove the "
                   "risk entirely."),
    "Train a deputy for each focal point and keep a handover file (R02)":
        ("Reduce", "Deputies lower the impact of a departure on the programme."),
    "Drop the plan to build a new database of migrants' home addresses, and use existing "
    "statistical sources instead (R08)":
        ("Avoid", "If the data are not collected, they cannot be exposed."),
    "Ask a second partner to co-finance the survey module (R05)":
        ("Share", "Two funders share the risk that one of them cuts its contribution."),
    "Insure the equipment in regional offices against flood damage (R10)":
        ("Share", "Insurance passes part of the financial impact to the insurer."),
    "Keep a contingency of a few per cent of imported costs and review the exchange rate each "
    "quarter (R06)":
        ("Accept", "The team takes the risk knowingly and sets aside a reserve instead of acting "
                   "on the cause."),
    "Move the regional consultations out of the election campaign period (R07)":
        ("Avoid", "Changing the dates removes the risk that the consultations become part of the "
                  "campaign."),
    "Use trained facilitators and share a factual briefing on migration before each consultation "
    "(R07)":
        ("Reduce", "Good preparation makes hostile exchanges less likely and less damaging."),
}, hint="Ask what the measure does: removes the cause (avoid), makes the risk less likely or less "
        "harmful (reduce), passes part of it to someone else (share), or takes it knowingly with "
        "a reserve (accept).")

LOW_SCORE = "a low score is not a reason to ignore a severe harm."
TASKS.choose(
    "5",
    "Risk R08 (migrants' personal data exposed) has one of the lowest scores in the FICTIONAL "
    "register. What should the team do?",
    {
        "Remove it from the register, since its score is low.":
            "Not this one: " + LOW_SCORE,
        "Accept it without action until it happens.":
            "Not this one: " + LOW_SCORE,
        "Keep it, and put prevention measures in place now (collect only the data needed, "
        "restrict access, follow data protection rules), because the impact on migrants would be "
        "severe.":
            "A score ranks risks, but a severe impact on people's rights calls for prevention even "
            "when the event is unlikely; the GCM's human rights principle applies to how a plan "
            "is run.",
        "Raise its likelihood score to 5 so that it ranks first.":
            "Change the response, not the evidence: scores should reflect the team's honest "
            "judgement.",
    },
    answer="Keep it, and put prevention measures in place now (collect only the data needed, "
           "restrict access, follow data protection rules), because the impact on migrants would "
           "be severe.",
    hint="Whose harm is at stake if the risk happens, and how severe would it be?",
)
