"""Exercise m03-1, stakeholder map: FICTIONAL actors of the Republic of Kestrana.

Everything about Kestrana below is FICTIONAL content written for this exercise: an invented
country, its institutions and organisations, and what they want. No data file is used.
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import pandas as pd

from migdev.charts import MARKERS, OKABE_ITO
from migdev.checks import MISSING, describe
from migdev.feedback import correct, not_yet
from migdev.tables import Table
from migdev.tasks import TaskSet
from migdev.widgets import Sliders

TASKS = TaskSet("m03-1-stakeholder-map")
FICTIONAL_LABEL = "FICTIONAL: invented for exercise m03-1; not a real country or organisation"

# The actor cards (FICTIONAL): who each actor is, what it can do, and how much it cares.
ACTOR_CARDS_FICTIONAL = [
    {"actor": "Ministry of Labour and Overseas Employment",
     "description": "Licenses recruitment agencies and runs pre-departure training. Has asked for "
                    "years for migration to be in the national plan. Its minister sits in "
                    "cabinet."},
    {"actor": "Ministry of Foreign Affairs",
     "description": "Runs consulates in destination countries and negotiates labour and social "
                    "security agreements. Keen to take part. A cabinet ministry with its own "
                    "budget."},
    {"actor": "Ministry of Health",
     "description": "Has the largest sector budget. Worried about nurses leaving rural clinics; "
                    "wants a say in any plan on labour migration."},
    {"actor": "Central Bank of Kestrana",
     "description": "Regulates money transfer operators and sets rules on foreign exchange. Follows "
                    "remittances closely and has asked to be consulted."},
    {"actor": "Ministry of Finance",
     "description": "Sets budget ceilings for every ministry and must approve the plan's costing. "
                    "So far sees migration only as a balance-of-payments item and has not asked to "
                    "take part."},
    {"actor": "Ministry of Interior",
     "description": "Issues passports and manages borders. Any measure on documents needs its "
                    "agreement. Considers the planning exercise outside its remit and has sent no "
                    "reply."},
    {"actor": "Parliamentary Committee on the Economy",
     "description": "Must approve the plan before it becomes law. Its members have not discussed "
                    "migration so far."},
    {"actor": "National Statistics Office",
     "description": "Wants to add migration questions to the labour force survey. Technically "
                    "essential but has no say over the plan's priorities."},
    {"actor": "Association of Local Authorities",
     "description": "Its members deal with returnees and families of migrants every day and want "
                    "more support. Has no formal role in approving the national plan."},
    {"actor": "Federation of Kestranan Diaspora Associations",
     "description": "Very interested in investing at home and in consular services. Informal voice "
                    "only."},
    {"actor": "National Trade Union Confederation",
     "description": "Campaigns on the rights of migrant workers. Little weight in the planning "
                    "process."},
    {"actor": "Migrant Rights Network",
     "description": "An alliance of non-governmental organisations. Assists migrant workers and "
                    "families, including women domestic workers. Little weight in the planning "
                    "process."},
    {"actor": "National Employers' Federation",
     "description": "Has not engaged on migration. Its view counts in the tripartite labour "
                    "council, but it has no role in approving the plan."},
    {"actor": "National Sports Council",
     "description": "Runs sports facilities. No link with migration has been identified, and no "
                    "role in the plan."},
]
ACTORS = [card["actor"] for card in ACTOR_CARDS_FICTIONAL]
SHORT_NAMES = dict(zip(ACTORS, [
    "Labour", "Foreign Affairs", "Health", "Central Bank", "Finance", "Interior",
    "Parliament committee", "Statistics Office", "Local authorities", "Diaspora federation",
    "Trade unions", "Migrant Rights Network", "Employers", "Sports Council"]))


def actor_cards() -> Table:
    """The actor cards as a table, labelled FICTIONAL."""
    return Table("Actor cards, Republic of Kestrana (FICTIONAL): every actor and fact is invented",
                ["Actor (FICTIONAL)", "Description (FICTIONAL)"],
                [[card["actor"], card["description"]] for card in ACTOR_CARDS_FICTIONAL])


# ---------------------------------------------------------------- task 1: the grid

MANAGE = "Manage closely (high influence, high interest)"
SATISFY = "Keep satisfied (high influence, low interest)"
INFORM = "Keep informed (low influence, high interest)"
MONITOR = "Monitor (low influence, low interest)"
QUADRANTS = [MANAGE, SATISFY, INFORM, MONITOR]

TASK1_NOTE = ("A map is a snapshot. 'Keep satisfied' actors are often the ones to work on: show the "
              "Ministry of Finance how remittances, the balance of payments and the plan's "
              "financing connect. And low influence is not low importance: the whole-of-society "
              "principle asks that migrants, diasporas and local communities be heard.")

TASK1_KEY = {
    "Ministry of Labour and Overseas Employment":
        (MANAGE, "A cabinet ministry that regulates recruitment and wants migration in the plan: "
                 "high influence, high interest."),
    "Ministry of Foreign Affairs":
        (MANAGE, "It negotiates agreements and runs consulates, and it is keen: high influence, "
                 "high interest."),
    "Ministry of Health":
        (MANAGE, "The largest sector budget and a direct stake in nurse emigration: high influence, "
                 "high interest."),
    "Central Bank of Kestrana":
        (MANAGE, "It sets the rules on remittance channels and follows the topic closely: high "
                 "influence, high interest."),
    "Ministry of Finance":
        (SATISFY, "It can block the plan's costing but shows little interest so far; the aim is to "
                  "raise its interest."),
    "Ministry of Interior":
        (SATISFY, "It controls documents and can block measures, but does not yet see a role for "
                  "itself."),
    "Parliamentary Committee on the Economy":
        (SATISFY, "It approves the plan, so its influence is high, but it has not engaged on "
                  "migration yet."),
    "National Statistics Office":
        (INFORM, "Eager and essential for data, but without a say over priorities: involve it "
                 "closely in technical work."),
    "Association of Local Authorities":
        (INFORM, "Strong interest and daily experience, little formal power over the national plan: "
                 "consult regularly and bring its evidence in."),
    "Federation of Kestranan Diaspora Associations":
        (INFORM, "High interest, informal influence only: consult regularly."),
    "National Trade Union Confederation":
        (INFORM, "High interest in migrant workers' rights, little weight in planning: consult "
                 "regularly."),
    "Migrant Rights Network":
        (INFORM, "High interest and first-hand knowledge of migrants' needs, little weight: consult "
                 "regularly and help its voice be heard."),
    "National Employers' Federation":
        (MONITOR, "At this stage it shows little interest and has no role in approving the plan. "
                  "Watch for a change: employers are affected by labour migration and may become "
                  "more engaged."),
    "National Sports Council":
        (MONITOR, "No identified link with migration and no role in the plan."),
}
TASKS.classify("1", QUADRANTS, TASK1_KEY,
               hint="For each actor ask two questions: can it shape or block the plan (budget, "
                    "law, approval, control of data or services)? Does it care about migration, "
                    "or is it strongly affected?", explain_all=True, note=TASK1_NOTE)

# ---------------------------------------------------------------- task 2: who is missing?

INCLUDE, LEAVE_OUT = "Include", "Do not include"
FIRST_DRAFT_FICTIONAL = ["Ministry of Labour and Overseas Employment", "Ministry of Foreign Affairs",
                         "Ministry of Interior", "Federation of Kestranan Diaspora Associations"]
CORE = {
    "Ministry of Planning and Development":
        "It is the focal point and chairs or convenes the structure.",
    "Ministry of Finance":
        "Without it, the plan's migration measures will not be costed or funded.",
    "Ministry of Labour and Overseas Employment":
        "It regulates recruitment and protects workers abroad.",
    "Ministry of Foreign Affairs":
        "Consulates and agreements with destination countries are in its hands.",
    "Ministry of Interior":
        "Passports, documents and borders need its agreement.",
    "National Statistics Office":
        "The assessment and the plan's indicators depend on its data.",
    "Association of Local Authorities":
        "Local governments deliver services to migrants' families and returnees; they bring "
        "vertical coherence.",
    "Federation of Kestranan Diaspora Associations":
        "Diasporas are named in the GCM's whole-of-society principle and hold knowledge and "
        "resources.",
    "National Employers' Federation":
        "Employers feel the effects of emigration and return on skills; they are named in the "
        "whole-of-society principle as the private sector.",
    "National Trade Union Confederation":
        "Unions defend the rights of workers, including migrant workers; they are named in the "
        "whole-of-society principle.",
    "Migrant Rights Network":
        "Civil society brings migrants' own experience, including that of women domestic workers.",
}
OTHERS = {
    "Ministry of Health":
        (INCLUDE, "Nurse emigration makes health a key sector for this plan."),
    "Central Bank of Kestrana":
        (INCLUDE, "It regulates the channels through which remittances flow."),
    "IOM and UNDP country offices":
        (INCLUDE, "They can sit in the support group and give technical help; they are not members "
                  "of the government mechanism."),
    "Kestrel Advisory Ltd (FICTIONAL), a consulting firm that hopes to win the contract for the "
    "situation assessment":
        (LEAVE_OUT, "A firm bidding for a contract should not help design the process that awards "
                    "it: that is a conflict of interest."),
    "FastWay Jobs Abroad (FICTIONAL), a recruitment agency whose licence is suspended":
        (LEAVE_OUT, "An agency under sanction should not be a member. Involve recruiters through "
                    "their licensed association in the consultation instead."),
}
TASK2_KEY = {**{actor: (INCLUDE, why) for actor, why in CORE.items()}, **OTHERS}
TASKS.classify("2", [INCLUDE, LEAVE_OUT], TASK2_KEY,
               hint="Check the GCM whole-of-society list: migrants, diasporas, local communities, "
                    "civil society, academia, the private sector, parliamentarians, trade unions, "
                    "national human rights institutions, the media.", explain_all=True)


def missing_actors(answer: object) -> Table:
    """The core actors not (yet) marked "Include", under the heading "Missing: add these"."""
    given = getattr(answer, "value", answer)
    given = given if isinstance(given, Mapping) else {}
    missing = [[actor, why] for actor, why in CORE.items() if given.get(actor) != INCLUDE]
    if not missing:
        return Table("Missing: none. Every core actor is on your invitation list.", [], [])
    return Table(f"Missing: add these ({len(missing)} of the {len(CORE)} core actors)",
                ["Core actor (FICTIONAL)", "Why it is needed"], missing)


# ---------------------------------------------------------------- tasks 3 to 5

TASKS.choose(
    "3",
    "Cabinet could have chosen another focal point. Which reason best supports its choice of the "
    "Ministry of Planning and Development (FICTIONAL)?",
    {
        "It has the most staff working on migration.":
            "Expertise can be borrowed through an expert facilitator; convening power is harder "
            "to build.",
        "It already coordinates the national plan with every sector, so it can convene line "
        "ministries and place migration inside the planning calendar.":
            "This is also why Jamaica chose its planning institute.",
        "It manages the borders.":
            "That is the Ministry of Interior, whose view of migration is mainly about control.",
        "Donors prefer to work with it.":
            "Ownership must be national; donor preference is not a good reason.",
    },
    answer="It already coordinates the national plan with every sector, so it can convene line "
           "ministries and place migration inside the planning calendar.",
    hint="A focal point needs to bring every ministry to the table.",
)
TASKS.choose(
    "4",
    "How should the mainstreaming unit engage the Ministry of Finance (FICTIONAL)?",
    {
        "Leave it out until the plan is finished, then send it the costing.":
            "Finance can veto at the costing stage; late involvement is the most common reason why "
            "plans are not funded.",
        "Invite it as a member and ask it to co-chair the working group on financing, with a short "
        "briefing on how remittances, the balance of payments and the plan's financing connect.":
            "This moves it from 'keep satisfied' towards 'manage closely' by linking migration to "
            "its own goals.",
        "Send it the minutes of each meeting for information.":
            "Minutes keep it informed but do not raise its interest.",
        "Ask the donors to persuade it.":
            "It weakens national ownership and may annoy the ministry.",
    },
    answer="Invite it as a member and ask it to co-chair the working group on financing, with a "
           "short briefing on how remittances, the balance of payments and the plan's financing "
           "connect.",
    hint="The Ministry of Finance is in 'keep satisfied': how do you raise its interest?",
)
TASKS.choose(
    "5",
    "Many Kestranan (FICTIONAL) women work abroad as domestic workers. None of the organisations on "
    "the list is led by them. What is the best step?",
    {
        "Assume the Migrant Rights Network speaks for them.":
            "An alliance can help, but it may not reflect women's specific risks.",
        "Hold separate, safe consultations with women migrant workers and returnees (for example "
        "through the Migrant Rights Network and the trade unions), and record their views in the "
        "assessment.":
            "This applies the GCM's gender-responsive and whole-of-society principles.",
        "Wait until a women's organisation asks to join.":
            "The people with least power are the least likely to ask.",
        "Ask the recruitment agencies what women workers need.":
            "Recruiters have their own interests.",
    },
    answer="Hold separate, safe consultations with women migrant workers and returnees (for example "
           "through the Migrant Rights Network and the trade unions), and record their views in "
           "the assessment.",
    hint="Which option lets women migrant workers speak for themselves, safely?",
)

# ---------------------------------------------------------------- going further: sliders and plot

HIGH_FROM = 3  # a slider value of 3 or more counts as "high"


def quadrant(influence: float, interest: float) -> str:
    """The quadrant of an actor from its two scores (1 to 5): "high" means 3 or more."""
    high_influence, high_interest = influence >= HIGH_FROM, interest >= HIGH_FROM
    if high_influence:
        return MANAGE if high_interest else SATISFY
    return INFORM if high_interest else MONITOR


def score_sliders(saved: dict | None = None) -> Sliders:
    """Two sliders per actor, from 1 to 5: "<actor> | influence" and "<actor> | interest"."""
    names = [f"{actor} | {side}" for actor in ACTORS for side in ("influence", "interest")]
    return Sliders(names, minimum=1, maximum=5, step=1, start=1, saved=saved)


def slider_scores(sliders: object) -> pd.DataFrame:
    """The slider values as a table: one row per actor, columns influence and interest."""
    values = getattr(sliders, "value", sliders)
    values = values if isinstance(values, Mapping) else {}
    rows = {actor: {side: values.get(f"{actor} | {side}") for side in ("influence", "interest")}
            for actor in ACTORS}
    return pd.DataFrame.from_dict(rows, orient="index")


def _short(label: str) -> str:
    return label.split(" (")[0]


def plot_grid(scores: pd.DataFrame, task1: object = None):
    """The interest and influence grid of the actors (FICTIONAL), with quadrant lines at 2.5.

    Prints every actor whose quadrant from the sliders differs from the task 1 answer.
    """
    figure, axes = plt.subplots(figsize=(9, 6.5))
    placed, lowest = {}, 1.0
    for actor, row in scores.iterrows():
        if pd.isna(row["influence"]) or pd.isna(row["interest"]):
            continue
        spot = (float(row["interest"]), float(row["influence"]))
        offset = 0.17 * placed.get(spot, 0)  # actors on the same spot are stacked downwards
        placed[spot] = placed.get(spot, 0) + 1
        lowest = min(lowest, spot[1] - offset)
        where = quadrant(row["influence"], row["interest"])
        style = QUADRANTS.index(where)
        axes.scatter(spot[0], spot[1] - offset, color=OKABE_ITO[style], marker=MARKERS[style], s=50,
                     label=_short(where), zorder=3)
        axes.annotate(SHORT_NAMES.get(actor, actor), (spot[0], spot[1] - offset), xytext=(6, -3),
                      textcoords="offset points", fontsize=8)
    axes.axvline(2.5, color="#6e7781", linewidth=1)
    axes.axhline(2.5, color="#6e7781", linewidth=1)
    axes.set_xlim(0.5, 6.2)
    axes.set_xticks([1, 2, 3, 4, 5])
    axes.set_yticks([1, 2, 3, 4, 5])
    axes.set_ylim(min(0.2, lowest - 0.3), 5.5)
    axes.set_xlabel("Interest in migration and development (1 = low, 5 = high)")
    axes.set_ylabel("Influence over the plan (1 = low, 5 = high)")
    axes.set_title("Stakeholder grid, Republic of Kestrana (FICTIONAL)")
    handles, labels = axes.get_legend_handles_labels()
    unique = dict(zip(labels, handles))
    axes.legend(unique.values(), unique.keys(), frameon=False, loc="upper left", fontsize=8)
    figure.tight_layout()
    given = getattr(task1, "value", task1)
    if isinstance(given, Mapping):
        for actor, row in scores.iterrows():
            chosen = given.get(actor)
            if chosen and pd.notna(row["influence"]) and pd.notna(row["interest"]):
                from_sliders = quadrant(row["influence"], row["interest"])
                if from_sliders != chosen:
                    print(f"{actor}: the sliders give '{_short(from_sliders)}', your task 1 answer "
                          f"is '{_short(chosen)}'. Which do you keep, and why?")
    return figure


@TASKS.task("F1", "a dict {actor: quadrant}, computed from your slider values")
def quadrants_from_sliders(answer, scores=None):
    if answer is None:
        return not_yet("F1", MISSING, "Compute a quadrant for every actor from your slider values.")
    if isinstance(answer, pd.Series):
        answer = answer.to_dict()
    if not isinstance(answer, Mapping):
        return not_yet("F1", f"You gave {describe(answer)}; a dict is expected, e.g. "
                             "{\"Ministry of Finance\": \"Keep satisfied\", ...}.")
    if isinstance(scores, Sliders) or isinstance(scores, Mapping):
        scores = slider_scores(scores)
    if not isinstance(scores, pd.DataFrame) or not {"influence", "interest"} <= set(scores.columns):
        return not_yet("F1", "Pass your slider values too: ex.check(\"F1\", my_quadrants, "
                             "scores=slider_scores(weights)).")
    short = {_short(q).casefold(): q for q in QUADRANTS} | {q.casefold(): q for q in QUADRANTS}
    problems = []
    for actor in ACTORS:
        if actor not in scores.index:
            problems.append(f"{actor}: no slider values.")
            continue
        expected = quadrant(scores.loc[actor, "influence"], scores.loc[actor, "interest"])
        given = answer.get(actor)
        found = short.get(" ".join(given.casefold().split())) if isinstance(given, str) else None
        if given is None:
            problems.append(f"{actor}: no quadrant in your dict.")
        elif found != expected:
            problems.append(f"{actor}: you have '{given}', the rule gives '{_short(expected)}'.")
    if problems:
        return not_yet("F1", f"{len(ACTORS) - len(problems)} of {len(ACTORS)} actors follow the "
                             "rule.", "An actor is 'high' on a side when its slider is 3 or more.",
                       problems)
    return correct("F1", f"All {len(ACTORS)} quadrants follow the rule applied to your slider "
                         "values.")
