"""Exercise m06-1, cost and fund a programme: FICTIONAL budget lines and funding commitments.

Everything about Eastmere below is FICTIONAL content written for this exercise (invented names,
unit costs and amounts, not an estimate of what such a programme costs anywhere). The real facts
used in task 4 are hand-compiled from the course's shared fact files, each with its source.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd

from migdev import checks
from migdev.charts import bar_chart
from migdev.feedback import Feedback, not_yet
from migdev.tasks import TaskSet

TASKS = TaskSet("m06-1-cost-and-fund")

FICTIONAL_LABEL = "FICTIONAL data written for exercise m06-1; not real figures"

# Table 1. FICTIONAL budget lines of Eastmere's "Migration in Local Development Programme".
FICTIONAL_BUDGET_COLUMNS = ["line_id", "budget_line", "category", "unit", "unit_cost_usd",
                            "quantity", "cost_type"]
FICTIONAL_BUDGET_LINES = [
    ("B01", "National programme coordinator (FICTIONAL)", "Staff and coordination",
     "person-month", 3000, 36, "recurrent"),
    ("B02", "Inter-ministerial working group meetings (FICTIONAL)", "Staff and coordination",
     "meeting", 1500, 12, "recurrent"),
    ("B03", "Regional consultations with local authorities and migrant and diaspora groups "
            "(FICTIONAL)", "Consultation", "consultation", 8000, 5, "one-off"),
    ("B04", "Training of migration focal points in line ministries and districts (FICTIONAL)",
     "Capacity development", "participant", 250, 120, "one-off"),
    ("B05", "Migration module in the labour force survey (FICTIONAL)", "Data and monitoring",
     "survey round", 45000, 2, "recurrent"),
    ("B06", "Pre-departure information sessions (FICTIONAL)", "Services to migrants", "session",
     600, 80, "recurrent"),
    ("B07", "Mid-term and final evaluation (FICTIONAL)", "Data and monitoring", "evaluation",
     25000, 2, "one-off"),
]

# Table 2. FICTIONAL funding commitments. status: "committed" = signed agreement or approved
# budget line; "pledged" = letter of interest only.
FICTIONAL_FUNDING_COLUMNS = ["source_id", "source_name", "source_type", "amount_usd", "status"]
FICTIONAL_FUNDING = [
    ("F01", "Ministry of Planning programme budget line (FICTIONAL)", "Domestic budget", 120000,
     "committed"),
    ("F02", "Ministry of Labour pre-departure services budget line (FICTIONAL)", "Domestic budget",
     48000, "committed"),
    ("F03", "Grant from a bilateral development agency (FICTIONAL)", "Development partner", 100000,
     "committed"),
    ("F04", "UN joint programme financed by the Migration MPTF (FICTIONAL allocation; not a real "
            "MPTF decision)", "UN pooled fund", 60000, "committed"),
    ("F05", "Co-financing of consultations by diaspora hometown associations (FICTIONAL)",
     "Diaspora", 10000, "committed"),
    ("F06", "Bank sponsorship of financial-literacy content in pre-departure sessions (FICTIONAL)",
     "Private sector", 6000, "committed"),
    ("F07", "Second bilateral agency letter of interest (FICTIONAL)", "Development partner", 50000,
     "pledged"),
]
SOURCE_TYPES = ["Domestic budget", "Development partner", "UN pooled fund", "Private sector",
                "Diaspora"]

# Table 3. Real facts (hand-compiled from the course's shared fact files), with their sources.
REAL_FACTS = {
    "S1": ("Phase II of the IOM-UNDP joint programme on mainstreaming migration (1 Feb 2014 to "
           "31 Jan 2018) was funded by the Swiss Agency for Development and Cooperation",
           "Mainstreaming Migration into National Development Strategies (IOM programme page)",
           "https://www.iom.int/mainstreaming-migration-national-development-strategies"),
    "S2": ("Tunisia's phase II project was funded by Swiss cooperation, implemented by IOM and UNDP "
           "over four years, with a budget of USD 679,600",
           "Intégrer la Migration dans la Planification du Développement (Phase II) (IOM Tunisia)",
           "https://tunisia.iom.int/activities/int%C3%A9grer-la-migration-dans-la-planification-"
           "du-d%C3%A9veloppement-phase-ii"),
    "S3": ("The Migration Multi-Partner Trust Fund (Start-up Fund for Safe, Orderly and Regular "
           "Migration) is a UN pooled fund that mainly finances UN joint programmes, endorsed by "
           "the country, to implement the GCM",
           "Migration Multi-Partner Trust Fund factsheet (MPTF Office)",
           "https://mptf.undp.org/factsheet/fund/MIG00"),
    "S4": ("About 10,000 Moldovans abroad contributed over USD 257,000 to 55 local development "
           "projects carried out by 38 new hometown associations with local authorities, with "
           "Swiss grants of USD 1.19 million (UNDP Migration and Local Development project)",
           "Moldovan migrants all over the world contributed to improved public services "
           "benefiting 300,000 people in 38 localities (UNDP Moldova press release)",
           "https://undp.org/moldova/press-releases/moldovan-migrants-all-over-world-contributed-"
           "improved-public-services-benefiting-300000-people-38-localities"),
    "S5": ("The Addis Ababa Action Agenda (para. 40) notes that remittances are mostly wages sent "
           "to families and cannot be equated with foreign direct investment, official "
           "development assistance or other public sources of finance",
           "Addis Ababa Action Agenda of the Third International Conference on Financing for "
           "Development (United Nations)",
           "https://www.un.org/esa/ffd/publications/aaaa-outcome.html"),
    "S6": ("Moldova's DAR 1+3 programme (2019-2025) matches each leu given by the diaspora to a "
           "local project with three lei from central government, local authorities and donors",
           "The Cabinet of Ministers of Moldova approves Diaspora Programme for 2019-2025 (EaP "
           "Migration Panel)",
           "http://eapmigrationpanel.org/en/news/cabinet-ministers-moldova-approves-diaspora-"
           "programme-2019-2025"),
}


# ---------------------------------------------------------------- tables for the notebook

def budget_lines() -> pd.DataFrame:
    """Table 1, the FICTIONAL budget lines (unit cost in US$ per unit, quantity over 3 years)."""
    return pd.DataFrame(FICTIONAL_BUDGET_LINES, columns=FICTIONAL_BUDGET_COLUMNS)


def funding_commitments() -> pd.DataFrame:
    """Table 2, the FICTIONAL funding commitments (US$ over three years)."""
    return pd.DataFrame(FICTIONAL_FUNDING, columns=FICTIONAL_FUNDING_COLUMNS)


def real_facts() -> pd.DataFrame:
    """Table 3, the real facts used in task 4, with their sources."""
    return pd.DataFrame([(key, *value) for key, value in REAL_FACTS.items()],
                        columns=["fact_id", "fact", "source_title", "source_url"])


def costed(budget: pd.DataFrame | None = None) -> pd.DataFrame:
    """Table 1 with ``cost_usd = unit_cost_usd x quantity`` for each line."""
    budget = budget_lines() if budget is None else budget.copy()
    budget["cost_usd"] = budget["unit_cost_usd"] * budget["quantity"]
    return budget


def total_cost() -> float:
    return float(costed()["cost_usd"].sum())


def committed_funds(funding: pd.DataFrame | None = None) -> float:
    funding = funding_commitments() if funding is None else funding
    return float(funding.loc[funding["status"] == "committed", "amount_usd"].sum())


def funding_mix(funding: pd.DataFrame | None = None) -> pd.Series:
    """Share of committed funds (%) by type of source, largest first."""
    funding = funding_commitments() if funding is None else funding
    committed = funding[funding["status"] == "committed"]
    totals = committed.groupby("source_type")["amount_usd"].sum()
    return (100 * totals / totals.sum()).sort_values(ascending=False).rename(
        "share of committed funds (%)")


def funding_mix_chart(mix: pd.Series | None = None):
    """Horizontal bars of the funding mix, labelled as FICTIONAL data."""
    mix = funding_mix() if mix is None else mix
    return bar_chart(mix, title="Committed funds by type of source\nEastmere programme (FICTIONAL data)",
                     xlabel="Share of committed funds (%)", ylabel="Type of source",
                     value_format="{:.1f}%", xlim=(0, max(100, mix.max() * 1.15)))


# ---------------------------------------------------------------- checks

@TASKS.task("1", "a number: the total cost of the programme, in US$")
def total_cost_check(answer):
    budget = costed()
    expected = float(budget["cost_usd"].sum())
    slips = [(float(budget["unit_cost_usd"].sum()),
              "You added the unit costs; multiply each by its quantity first, then add the lines.")]
    for row in budget.itertuples():
        slips.append((expected - row.cost_usd,
                      f"One line is missing: {row.line_id} {row.budget_line}. Add all seven lines."))
    return checks.check_number("1", answer, expected, tolerance=1, unit="US$", slips=slips,
                           hint="Add up the cost_usd column of the table (all seven lines).")


PLEDGE_SLIP = ("A letter of interest is not a commitment: count only rows with status "
               "'committed'.")


@TASKS.task("2a", "a number: the committed funds, in US$")
def committed_check(answer):
    funding = funding_commitments()
    expected = committed_funds(funding)
    everything = float(funding["amount_usd"].sum())
    return checks.check_number("2a", answer, expected, tolerance=1, unit="US$",
                           slips=[(everything, PLEDGE_SLIP)],
                           hint="Add the amount_usd of the rows whose status is 'committed'.")


@TASKS.task("2b", "a number: the funding gap, in US$")
def gap_check(answer):
    funding = funding_commitments()
    cost = total_cost()
    expected = cost - committed_funds(funding)
    with_pledges = cost - float(funding["amount_usd"].sum())
    return checks.check_number("2b", answer, expected, tolerance=1, unit="US$",
                           slips=[(with_pledges, PLEDGE_SLIP),
                                  (-expected, "Subtract the committed funds from the total cost, "
                                              "not the other way round.")],
                           hint="Funding gap = total cost (task 1) − committed funds (2a).")


@TASKS.task("2c", "a number: the funding gap as a % of the total cost")
def gap_pct_check(answer):
    cost, committed = total_cost(), committed_funds()
    gap = cost - committed
    expected = 100 * gap / cost
    return checks.check_number("2c", answer, expected, tolerance=0.1, unit="percentage points",
                           slips=[(100 * gap / committed,
                                   "You divided by the committed funds: express the gap as a "
                                   "share of the total cost."),
                                  (100 * committed / cost,
                                   "This is the share of the cost that is funded; the task asks "
                                   "for the share that is not (the gap).")],
                           hint="Gap % = 100 × gap (2b) ÷ total cost (task 1).")


@TASKS.task("3", "a number: the domestic budget's share of committed funds, in %")
def domestic_share_check(answer):
    funding = funding_commitments()
    mix = funding_mix(funding)
    expected = float(mix.get("Domestic budget", 0.0))
    committed = committed_funds(funding)
    all_domestic = float(funding.loc[funding["source_type"] == "Domestic budget",
                                     "amount_usd"].sum())
    feedback = checks.check_number(
        "3", answer, expected, tolerance=0.1, unit="%",
        slips=[(100 * all_domestic / total_cost(),
                "You divided by the total cost: the funding mix is a share of the committed "
                "funds.")],
        hint="Add the two 'Domestic budget' rows and divide by the committed funds (2a), "
             "then multiply by 100; the chart shows the same share.")
    if feedback.correct:
        others = [f"{source}: {share:.1f}%" for source, share in mix.items()
                  if source != "Domestic budget"]
        feedback.details = [
            "The other sources, by the same rule (FICTIONAL data): " + "; ".join(others) + ".",
            f"All the shares add up to {mix.sum():.0f}% of the committed funds "
            f"(US$ {committed:,.0f}).",
        ]
    return feedback


# Task 4. Categories and items; the source link of a real fact is added to its feedback.
NOT_A_SOURCE = "Not a programme funding source"
FUNDING_CATEGORIES = SOURCE_TYPES + [NOT_A_SOURCE]


def _with_source(text: str, fact_id: str | None) -> str:
    if fact_id is None:
        return text
    _, title, url = REAL_FACTS[fact_id]
    return f"{text} Source ({fact_id}): {title}, {url}"


_FUNDING_ITEMS = [
    ("A budget line for pre-departure orientation in the Ministry of Labour's medium-term "
     "expenditure framework", "Domestic budget",
     "A line in a ministry's approved budget framework is national public money, the most "
     "predictable source for recurrent costs.", None),
    ("A district council pays for a one-stop centre for returnees from its own budget",
     "Domestic budget",
     "Local government budgets are domestic public money too; they matter for actions delivered "
     "locally.", None),
    ("Swiss funding for phase II of the IOM–UNDP joint programme on mainstreaming migration "
     "(2014–2018) (source S1)", "Development partner",
     "A bilateral development agency financed the programme, which is typical start-up funding "
     "from a development partner.", "S1"),
    ("A UN joint programme financed by the Start-up Fund for Safe, Orderly and Regular Migration "
     "(source S3)", "UN pooled fund",
     "The Migration MPTF pools contributions and funds UN joint programmes endorsed by the "
     "country.", "S3"),
    ("A bank pays for financial-literacy content in pre-departure sessions (generic example, not "
     "a real case)", "Private sector",
     "A company's in-kind or cash support is private-sector co-financing; check it for conflicts "
     "of interest.", None),
    ("Contributions of hometown associations to local projects in Moldova, alongside Swiss "
     "grants and local authorities (source S4)", "Diaspora",
     "Money given by emigrants' associations for local projects is diaspora co-financing.", "S4"),
    ("The diaspora's share of a local project under Moldova's DAR 1+3 programme (source S6)",
     "Diaspora",
     "The diaspora's own leu is diaspora money; the three matching lei come from the government, "
     "local authorities and donors.", "S6"),
    ("The wages that migrant workers send to their families each month (source S5)", NOT_A_SOURCE,
     "Personal remittances are private transfers to households; a plan can make them cheaper and "
     "safer but cannot spend them.", "S5"),
]
TASKS.classify("4", FUNDING_CATEGORIES,
               {item: (category, _with_source(why, fact)) for item, category, why, fact
                in _FUNDING_ITEMS},
               hint="Ask who owns the money and whether it can be committed to the programme: "
                    "public budgets, partners' grants, UN pooled funds, companies and diaspora "
                    "groups can commit money; households' own income cannot be.")

TASKS.choose(
    "5",
    "The bilateral grant (F03) ends after three years. To keep the programme working after that, "
    "which budget line should Eastmere (FICTIONAL) move into its own medium-term budget first?",
    {
        "B03 Regional consultations":
            "The consultations are a one-off cost in this plan (see the cost_type column), which "
            "outside funding can pay for once.",
        "B01 National programme coordinator":
            "The coordinator is a recurrent cost at the heart of the programme; if it depends on a "
            "grant, coordination stops when the grant ends.",
        "B07 Mid-term and final evaluation":
            "Evaluations matter, but they are one-off costs here.",
        "B04 Training of focal points":
            "Training will need refreshing, but the focal points cannot work without a "
            "coordinator.",
    },
    answer="B01 National programme coordinator",
    hint="Look at the cost_type column: which cost comes back every year, and what stops if it "
         "is not paid?",
)


# ---------------------------------------------------------------- going further (helpers)

def recurrent_share() -> float:
    """Going further 1: % of the total cost that is recurrent."""
    budget = costed()
    return 100 * float(budget.loc[budget["cost_type"] == "recurrent", "cost_usd"].sum()) / float(
        budget["cost_usd"].sum())


def cuts_to_close_gap(floor_consultations: int = 3) -> tuple[int, int]:
    """Going further 2: (consultations cut, sessions cut) to close the gap of task 2."""
    budget = costed().set_index("line_id")
    gap = total_cost() - committed_funds()
    consultation, session = budget.loc["B03", "unit_cost_usd"], budget.loc["B06", "unit_cost_usd"]
    if gap <= 0:
        return 0, 0
    cut_c = min(int(budget.loc["B03", "quantity"]) - floor_consultations,
                math.ceil(gap / consultation))
    cut_s = max(0, math.ceil((gap - consultation * cut_c) / session))
    return cut_c, cut_s
