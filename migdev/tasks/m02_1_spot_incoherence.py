"""Exercise m02-1, spot the incoherence: FICTIONAL policy excerpts of the Republic of Valdoria.

Everything about Valdoria and Norland below is FICTIONAL content written for this exercise:
invented countries, institutions, policies and numbers. No data file is used.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping

import numpy as np
import pandas as pd

from migdev.checks import MISSING, describe, normalise
from migdev.feedback import Feedback, correct, not_yet
from migdev.tables import Table
from migdev.tasks import TaskSet

TASKS = TaskSet("m02-1-spot-incoherence")
FICTIONAL_LABEL = "FICTIONAL: invented for exercise m02-1; not a real country or policy"

# The excerpt card (FICTIONAL). Each excerpt: code, source (institution and document), text.
VALDORIA_EXCERPTS_FICTIONAL = [
    {"code": "V1", "source": "Ministry of Health, National Health Workforce Plan 2026–2030",
     "text": "Fill nine in ten nursing posts in rural health centres by 2030. Nurses whose training "
             "is paid by the State serve three years in public facilities after graduation."},
    {"code": "V2", "source": "Ministry of Labour, Overseas Employment Strategy 2026–2030",
     "text": "Double the yearly number of nurses placed in jobs abroad. Newly licensed nurses may "
             "take up an overseas contract at once; the service requirement is waived for "
             "overseas placements."},
    {"code": "V3", "source": "Central Bank of Valdoria, Circular 12/2026",
     "text": "From 1 July, a stamp duty of 4 per cent applies to every incoming personal transfer "
             "received through a bank or a licensed money transfer operator."},
    {"code": "V4", "source": "Ministry of Finance, National Financial Inclusion Strategy",
     "text": "Raise the share of adults who hold a transaction account, with a special focus on "
             "households that receive money from relatives abroad."},
    {"code": "V5", "source": "Ministry of Foreign Affairs, Diaspora Engagement Policy",
     "text": "Encourage Valdorians abroad to invest in small and medium-sized businesses at home, "
             "supported by a one-stop investment desk."},
    {"code": "V6", "source": "Ministry of Trade and Industry, Investment Promotion Act",
     "text": "The one-stop investment desk registers any investor, resident or non-resident, within "
             "ten working days and issues all national business permits."},
    {"code": "V7", "source": "Municipal Council of Port Selka, By-law 4 on Business Licences",
     "text": "A local trading licence is issued only to persons who have been registered residents "
             "of the municipality for the last five years."},
    {"code": "V8", "source": "Ministry of Labour and Social Protection, Social Security Act",
     "text": "Pension rights are earned only for contributions paid in Valdoria. Periods of work "
             "abroad are not counted."},
    {"code": "V9", "source": "Kingdom of Norland, draft bilateral social security agreement "
                             "offered to Valdoria",
     "text": "Norland will count periods of insurance completed in Valdoria towards Norland "
             "pensions, provided that Valdoria counts periods completed in Norland on the same "
             "terms."},
    {"code": "V10", "source": "National Statistics Office, Census 2030 plan",
     "text": "The census will ask about household members who live abroad, when they left, and "
             "whether anyone has returned in the last five years."},
    {"code": "V11", "source": "Ministry of Education, Higher Education Strategy",
     "text": "Expand engineering places at public universities by one third."},
    {"code": "V12", "source": "Ministry of Labour, Pre-departure Orientation Programme",
     "text": "Every worker leaving for a job abroad receives a short course on managing money and "
             "help to open an account at home before departure."},
]
EXCERPT_CODES = [excerpt["code"] for excerpt in VALDORIA_EXCERPTS_FICTIONAL]
_BY_CODE = {excerpt["code"]: excerpt for excerpt in VALDORIA_EXCERPTS_FICTIONAL}

# The pairs judged in task 1, by excerpt code.
PAIRS_FICTIONAL = {"P1": ("V1", "V2"), "P2": ("V3", "V4"), "P3": ("V5", "V6"),
                   "P4": ("V5", "V7"), "P5": ("V8", "V9"), "P6": ("V4", "V12"),
                   "P7": ("V3", "V11"), "P8": ("V9", "V11")}


def pair_label(pair: str) -> str:
    """The text of a pair in the widgets, e.g. "P1: V1 and V2"."""
    first, second = PAIRS_FICTIONAL[pair]
    return f"{pair}: {first} and {second}"


# ---------------------------------------------------------------- displays


def excerpt_card() -> Table:
    """The excerpt card (FICTIONAL) as a table."""
    return Table("Excerpt card, Republic of Valdoria (FICTIONAL): every excerpt, institution and "
                "number is invented", ["Code", "Source (FICTIONAL)", "Excerpt (FICTIONAL)"],
                [[e["code"], e["source"], f"\u201c{e['text']}\u201d"]
                 for e in VALDORIA_EXCERPTS_FICTIONAL])


def pairs_card(pairs: list[str] | None = None) -> Table:
    """The pairs of task 1 with both excerpts side by side (FICTIONAL)."""
    pairs = list(PAIRS_FICTIONAL) if pairs is None else pairs
    rows = []
    for pair in pairs:
        first, second = (_BY_CODE[code] for code in PAIRS_FICTIONAL[pair])
        rows.append([pair, f"{first['code']}. {first['source']}: \u201c{first['text']}\u201d",
                     f"{second['code']}. {second['source']}: \u201c{second['text']}\u201d"])
    return Table("Pairs of excerpts to judge (FICTIONAL)", ["Pair", "First excerpt",
                                                            "Second excerpt"], rows)


# ---------------------------------------------------------------- checks with every reason




# ---------------------------------------------------------------- task 1

INTERACTIONS = ["Pull against each other", "Reinforce each other", "Little or no interaction"]
PULL, REINFORCE, LITTLE = INTERACTIONS
TASK1_KEY = {
    pair_label("P1"): (PULL, "If newly licensed nurses can leave at once and the service rule is "
                             "waived, V1's rural staffing goal loses the nurses it was counting "
                             "on."),
    pair_label("P2"): (PULL, "A duty on formal transfers pushes families towards informal "
                             "channels, the opposite of V4's aim of bringing them into accounts."),
    pair_label("P3"): (REINFORCE, "The one-stop desk in V6 removes a barrier for exactly the "
                                  "diaspora investors that V5 wants to attract."),
    pair_label("P4"): (PULL, "Diaspora investors usually do not live in Port Selka, so the "
                             "five-year residence rule blocks the investment that V5 encourages."),
    pair_label("P5"): (PULL, "Norland offers to count Valdorian insurance periods only if Valdoria "
                             "reciprocates; V8 forbids that, so migrants lose pension rights in "
                             "both countries."),
    pair_label("P6"): (REINFORCE, "Helping departing workers open an account at home brings "
                                  "migrants and their families into the formal financial system "
                                  "that V4 wants to reach."),
    pair_label("P7"): (LITTLE, "A duty on remittances and more engineering places act on different "
                               "groups and channels; any link is indirect."),
    pair_label("P8"): (LITTLE, "A pension agreement with Norland and university expansion at home "
                               "do not act on the same people or decisions in any direct way."),
}
TASKS.classify("1", INTERACTIONS, TASK1_KEY,
               hint="Ask whether the two policies act on the same people or the same money flow, "
                    "and whether one makes the other's goal harder to reach.", explain_all=True)

# ---------------------------------------------------------------- task 2

KINDS = ["Horizontal", "Vertical", "Between countries"]
TASK2_KEY = {
    pair_label("P1"): ("Horizontal", "Two ministries of the same national government (health and "
                                     "labour) set goals that clash."),
    pair_label("P2"): ("Horizontal", "The central bank and the finance ministry are both national "
                                     "bodies; their measures clash on the same money flow."),
    pair_label("P4"): ("Vertical", "A national policy meets a municipal by-law: the clash is "
                                   "between levels of government."),
    pair_label("P5"): ("Between countries", "The clash is between Valdoria's law and the terms "
                                            "offered by another State, Norland."),
}
TASKS.classify("2", KINDS, TASK2_KEY,
               hint="Look at who wrote each excerpt: two bodies of the same national government "
                    "(horizontal), two levels of government (vertical), or two States (between "
                    "countries).", explain_all=True)

# ---------------------------------------------------------------- tasks 3 to 6

TASKS.choose(
    "3",
    "How should Valdoria (FICTIONAL) resolve the clash between V1 and V2?",
    {
        "Ban nurses from taking jobs abroad until rural posts are filled.":
            "Everyone has the right to leave any country, including their own. A ban would also "
            "push nurses towards irregular routes and would not fill rural posts.",
        "Prepare a joint health and labour workforce plan that trains additional nurses for work "
        "abroad, keeps a clear and fair service rule for State-funded training, and places nurses "
        "only through agreements that follow ethical recruitment.":
            "This reconciles the two goals: more nurses are trained, the public investment is "
            "protected, and migration happens through fair channels. It needs the two ministries "
            "to plan together, which is what a coordination mechanism is for (Module 3).",
        "Do nothing: remittances from nurses abroad will pay for rural health care.":
            "Remittances go to households, not to rural clinics, and they do not replace nurses. "
            "The staffing gap would remain.",
        "Leave the question to private recruitment agencies.":
            "Agencies follow demand abroad, not national health goals; leaving it to them deepens "
            "the clash and may expose nurses to unfair recruitment.",
    },
    answer="Prepare a joint health and labour workforce plan that trains additional nurses for "
           "work abroad, keeps a clear and fair service rule for State-funded training, and places "
           "nurses only through agreements that follow ethical recruitment.",
    hint="Look for the option that respects the right to leave and still serves both goals.",
)

TASKS.choose(
    "4",
    "Which SDG target does the stamp duty in V3 (FICTIONAL) work against most directly?",
    {
        "Target 4.b": "4.b is about scholarships.",
        "Target 8.8": "8.8 is about labour rights and safe working conditions.",
        "Target 10.c": "Target 10.c aims to bring the cost of sending remittances below 3 per cent "
                       "by 2030. A 4 per cent duty on top of fees moves in the opposite direction.",
        "Target 17.18": "17.18 is about data broken down by migratory status and other "
                        "characteristics.",
    },
    answer="Target 10.c",
    hint="V3 makes every incoming transfer dearer. Which target is about the cost of remittances? "
         "The table of targets in Module 2 helps.",
)

TASKS.choose(
    "5",
    "Which GCM objective speaks most directly to the clash between V8 and V9 (FICTIONAL)?",
    {
        "Objective 5: Enhance availability and flexibility of pathways for regular migration":
            "Pathways concern admission, not pensions.",
        "Objective 20: Promote faster, safer and cheaper transfer of remittances and foster "
        "financial inclusion of migrants":
            "Remittances are a different money flow from pension rights.",
        "Objective 22: Establish mechanisms for the portability of social security entitlements "
        "and earned benefits":
            "Objective 22 is about making social security rights follow workers across borders, "
            "which is exactly what the Norland agreement would do if Valdoria changed V8.",
        "Objective 11: Manage borders in an integrated, secure and coordinated manner":
            "Border management does not affect pension rights.",
    },
    answer="Objective 22: Establish mechanisms for the portability of social security "
           "entitlements and earned benefits",
    hint="V8 and V9 are about pension rights earned in two countries. Which objective is about "
         "rights that follow workers across borders?",
)

TASKS.choose(
    "6",
    "Who should convene the resolution of the clash between V5 and V7 (FICTIONAL)?",
    {
        "The Municipal Council of Port Selka alone.":
            "The council can change its by-law, but it may not see the national goal; it needs a "
            "partner at national level.",
        "The national coordination mechanism led by the planning ministry, with the ministry in "
        "charge of local government and the association of local authorities.":
            "A vertical clash needs both levels at the table. The coordination mechanism can agree "
            "a national rule or a model by-law with local authorities, rather than overriding "
            "them.",
        "The diaspora office of the foreign ministry alone.":
            "The diaspora office owns V5 but has no say over local licensing.",
        "The courts, after an investor complains.":
            "Courts settle individual disputes after the harm is done; planning should prevent "
            "the clash.",
    },
    answer="The national coordination mechanism led by the planning ministry, with the ministry in "
           "charge of local government and the association of local authorities.",
    hint="The clash is vertical: which option brings both levels of government to the table?",
)


# ---------------------------------------------------------------- going further

VALUES = {PULL: -1, REINFORCE: 1, LITTLE: 0}


def empty_matrix() -> pd.DataFrame:
    """A 12 x 12 table indexed by the excerpt codes: 0 on the diagonal, empty (NaN) elsewhere."""
    matrix = pd.DataFrame(math.nan, index=EXCERPT_CODES, columns=EXCERPT_CODES)
    for code in EXCERPT_CODES:
        matrix.loc[code, code] = 0
    return matrix


def clashes_by_source(matrix: pd.DataFrame) -> pd.Series:
    """For each source institution, how many of its links in ``matrix`` are -1."""
    counts = (matrix == -1).sum(axis=1)
    counts.index = [f"{code}: {_BY_CODE[code]['source'].split(',')[0]}" for code in counts.index]
    return counts.rename("links marked -1 (pull against)")


@TASKS.task("F1", "a 12 x 12 table (pandas DataFrame) indexed by the excerpt codes V1 to V12")
def coherence_matrix(answer, task1=None):
    if answer is None:
        return not_yet("F1", MISSING, "Start from empty_matrix() and fill in your judgements.")
    if not isinstance(answer, pd.DataFrame):
        return not_yet("F1", f"You gave {describe(answer)}; a table (pandas DataFrame) is "
                             "expected. Start from empty_matrix().")
    if list(map(str, answer.index)) != EXCERPT_CODES or list(map(str, answer.columns)) != EXCERPT_CODES:
        return not_yet("F1", "The rows and columns must be the twelve codes V1 to V12, in order.",
                       "Start from empty_matrix(), which has them already.")
    values = answer.apply(pd.to_numeric, errors="coerce").astype("float64")
    if (answer.notna().to_numpy() & values.isna().to_numpy()).any():
        return not_yet("F1", "Some cells are not numbers: use only -1, 0 and 1 (or leave a cell "
                             "empty for a pair you did not judge).")
    numbers = values.to_numpy()
    if not np.isin(numbers[~np.isnan(numbers)], [-1, 0, 1]).all():
        return not_yet("F1", "Use only -1 (pull against), 0 (little or no interaction) and 1 "
                             "(reinforce).")
    problems = []
    if any(values.loc[c, c] != 0 for c in EXCERPT_CODES):
        problems.append("The diagonal (a policy with itself) must be 0.")
    asymmetric = [f"{a}-{b}" for i, a in enumerate(EXCERPT_CODES) for b in EXCERPT_CODES[i + 1:]
                  if not (pd.isna(values.loc[a, b]) and pd.isna(values.loc[b, a]))
                  and values.loc[a, b] != values.loc[b, a]]
    if asymmetric:
        problems.append("The table is not symmetric: " + ", ".join(asymmetric[:6]) +
                        (" ..." if len(asymmetric) > 6 else "") + " differ from their mirror cell.")
    judged = sum(1 for i, a in enumerate(EXCERPT_CODES) for b in EXCERPT_CODES[i + 1:]
                 if pd.notna(values.loc[a, b]))
    if judged < len(PAIRS_FICTIONAL) + 5:
        problems.append(f"You judged {judged} pair(s); judge the 8 pairs of task 1 and at least 5 "
                        "more.")
    given = getattr(task1, "value", task1)
    if not isinstance(given, Mapping) or not all(isinstance(given.get(pair_label(p)), str)
                                                 for p in PAIRS_FICTIONAL):
        problems.append("Your task 1 answers are incomplete, so the table cannot be compared with "
                        "them: answer every pair in task 1 first, and pass the widget as task1=.")
    else:
        for pair, (a, b) in PAIRS_FICTIONAL.items():
            category = given[pair_label(pair)]
            expected = VALUES.get(category)
            if expected is None or values.loc[a, b] != expected:
                problems.append(f"The cell {a}-{b} does not match your task 1 answer for {pair} "
                                f"({category}).")
    if problems:
        return not_yet("F1", "The table is not yet consistent.", details=problems)
    return correct("F1", f"The table is consistent: symmetric, 0 on the diagonal, {judged} pairs "
                         "judged, and it matches your task 1 answers.")


@TASKS.task("F2", "your rewritten excerpt, as text in quotes")
def rewrite(answer, code="V2"):
    original = _BY_CODE.get(code, {}).get("text") if isinstance(code, str) else None
    if original is None:
        return not_yet("F2", f"{code!r} is not an excerpt code: use \"V2\" or \"V7\".")
    if answer is None:
        return not_yet("F2", MISSING, "Write your new version of the excerpt in quotes.")
    if not isinstance(answer, str):
        return not_yet("F2", f"You gave {describe(answer)}; your new text is expected, in quotes.")
    if not answer.strip():
        return not_yet("F2", "Your text is empty.")
    if normalise(answer).strip("\"'\u201c\u201d") == normalise(original):
        return not_yet("F2", f"Your text is the same as the original {code}: change it so that the "
                             "clash disappears.")
    return correct("F2", f"Your new version of {code} is ready to discuss. There is no single right "
                         "text: compare it with the original with your group or instructor.")


def compare_rewrite(code: str, text: object) -> Table:
    """The original excerpt next to the learner's rewrite."""
    original = _BY_CODE.get(code, {"source": "(unknown code)", "text": ""})
    return Table(f"{code} (FICTIONAL): original and your rewrite", ["Version", "Text"],
                [["Original: " + original["source"], original["text"]],
                 ["Your rewrite", text if isinstance(text, str) else "(no text yet)"]])
