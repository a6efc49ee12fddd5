"""Exercise m07-1, SMART indicators: test FICTIONAL draft indicators, and name real SDG indicators.

Table 1 (Eastmere's draft indicators) is FICTIONAL content written for this exercise, not real
indicators. Table 2 is real: the official names and custodians of migration-related SDG
indicators, hand-compiled from the course's frameworks reference, each with its source.
"""

from __future__ import annotations

import pandas as pd

from migdev.tasks import TaskSet

TASKS = TaskSet("m07-1-smart-indicators")

FICTIONAL_LABEL = "FICTIONAL data written for exercise m07-1; not real indicators"

# Table 1. FICTIONAL draft indicators of Eastmere's plan: the result each is meant to measure,
# and the draft. Each weak draft was written to fail one SMART test.
FICTIONAL_DRAFT_COLUMNS = ["indicator_id", "result", "draft_indicator"]
FICTIONAL_DRAFTS = [
    ("D1", "Migration is considered in sector planning",
     "Improvement in migration governance, reported every year from 2025 to 2028 in the "
     "government's annual report (FICTIONAL)"),
    ("D2", "Returnees in three pilot districts are reintegrated",
     "Returnees in the three pilot districts feel well reintegrated by 2028, compared with 2025 "
     "(FICTIONAL)"),
    ("D3", "More women migrate through regular and protected channels",
     "Share of women among workers registered for overseas employment rises from 18% in 2025 to "
     "90% by 2026, from registration records (FICTIONAL)"),
    ("D4", "Recruitment costs paid by migrant workers fall",
     "Number of leaflets on safe recruitment printed, from 0 in 2025 to 50,000 by 2027, from "
     "printing invoices (FICTIONAL)"),
    ("D5", "Recruitment costs paid by migrant workers fall",
     "Average recruitment cost paid by workers from Eastmere, as a share of monthly income in the "
     "destination country, falls from 200% (2024 survey) to 100%, measured with the labour force "
     "survey module (FICTIONAL)"),
    ("D6", "Migration is considered in local planning",
     "Number of the 24 district development plans that include costed migration actions, from 0 "
     "in 2025 to 10 by the end of 2028, verified from approved plan documents (FICTIONAL)"),
    ("D7", "Sending money to Eastmere becomes cheaper",
     "Average total cost of sending the equivalent of USD 200 to Eastmere in each of its five "
     "largest corridors, from 7.5% in 2024 to 5% or less in every corridor by 2030, from "
     "Remittance Prices Worldwide (FICTIONAL)"),
    ("D8", "Migrants have access to basic services",
     "Better services for migrants by 2028, with quarterly progress reports (FICTIONAL)"),
]

# Table 2. Migration-related SDG indicators (real, hand-compiled). Official names as in the
# course's frameworks reference (open-sdg mirror of the UN list, 2025). For 10.7.2, some national
# platforms quote a newer wording beginning "Proportion of countries...": check the current UN list.
SDG_COLUMNS = ["code", "official_name", "custodians", "source_title", "source_url"]
SDG_INDICATORS = [
    ("10.7.1", "Recruitment cost borne by employee as a proportion of monthly income earned in "
               "country of destination", "ILO; World Bank",
     "SDG indicator metadata 10.7.1 (World Bank SDG metadata repository)",
     "https://worldbank.github.io/sdg-metadata/metadata/en/10-7-1"),
    ("10.7.2", "Number of countries with migration policies that facilitate orderly, safe, "
               "regular and responsible migration and mobility of people",
     "UN DESA (Population Division); IOM",
     "SDG indicator 10.7.2 - Policy brief #1 October 2019 (UN DESA and IOM; Migration Data "
     "Portal)",
     "https://migrationdataportal.org/fr/resource/sdg-indicator-1072-policy-brief-1-october-2019"),
    ("10.c.1", "Remittance costs as a proportion of the amount remitted", "World Bank",
     "UK SDG data: 10.c.1 (national metadata quoting the global indicator)",
     "https://sdgdata.gov.uk/10-c-1"),
    ("17.18.1", "Statistical capacity indicator for Sustainable Development Goal monitoring",
     "Open Data Watch; World Bank",
     "SDG 17.18.1 measures national capacity to produce sustainable development indicators (Open "
     "Data Watch)",
     "https://opendatawatch.com/blog/sdg-17-18-1-measures-national-capacity-to-produce-"
     "sustainable-development-indicators"),
    ("10.7.3", "Number of people who died or disappeared in the process of migration towards an "
               "international destination", "IOM",
     "10.7.3 metadata (Statistical Office of the Republic of Serbia)",
     "https://data.stat.gov.rs/Metadata/HtmlSDGUN/SDGUN100703_100703IND01_ESMS_G0_2025_3.html"),
    ("10.7.4", "Proportion of the population who are refugees, by country of origin", "UNHCR",
     "Forcibly displaced FAQ (UNHCR)",
     "https://unhcr.org/refugee-statistics/insights/explainers/forcibly-displaced-faq.html"),
]


def draft_indicators() -> pd.DataFrame:
    """Table 1, Eastmere's FICTIONAL draft indicators, with the result each should measure."""
    return pd.DataFrame(FICTIONAL_DRAFTS, columns=FICTIONAL_DRAFT_COLUMNS)


def sdg_indicators() -> pd.DataFrame:
    """Table 2, the migration-related SDG indicators (real), with their sources."""
    return pd.DataFrame(SDG_INDICATORS, columns=SDG_COLUMNS)


def _source(code: str) -> str:
    """' Source: title, address' for an indicator code (a target such as 17.18 uses 17.18.1)."""
    for row in SDG_INDICATORS:
        if row[0] == code or row[0] == f"{code}.1":
            return f" Source: {row[3]}, {row[4]}"
    return ""


def _draft_item(indicator_id: str) -> str:
    """The widget text of a draft: its result and the draft itself."""
    for row in FICTIONAL_DRAFTS:
        if row[0] == indicator_id:
            draft = row[2].replace(" (FICTIONAL)", "")
            return f"{row[0]} (FICTIONAL). Result: {row[1]}. Draft indicator: {draft}"
    raise KeyError(indicator_id)


# ---------------------------------------------------------------- task 1
SMART = ["Specific", "Measurable", "Achievable", "Relevant", "Time-bound", "Meets all five"]
TASKS.classify("1", SMART, {
    _draft_item("D1"): ("Specific", "It has dates and a report, but \"improvement in migration "
                                    "governance\" does not say what exactly is measured."),
    _draft_item("D2"): ("Measurable", "Who, where and when are clear, but \"feel well "
                                      "reintegrated\" has no defined measure or data source."),
    _draft_item("D3"): ("Achievable", "Multiplying the share fivefold in one year is not "
                                      "realistic; a credible target needs a credible path."),
    _draft_item("D4"): ("Relevant", "Printing leaflets is an activity count; it says nothing "
                                    "about whether recruitment costs fell."),
    _draft_item("D5"): ("Time-bound", "It is specific, measurable and relevant, but gives no date "
                                      "by which the target should be reached."),
    _draft_item("D6"): ("Meets all five", "What, where, how much, by when and from which source "
                                          "are all stated, and the target is plausible."),
    _draft_item("D7"): ("Meets all five", "It follows SDG target 10.c, uses a known data source "
                                          "and states baseline, target and dates."),
    _draft_item("D8"): ("Specific", "\"Better services\" does not say which services, for whom, "
                                    "or how \"better\" is judged."),
}, hint="Read each draft against its result and ask the five questions in order: what exactly is "
        "measured? with which data? is the target realistic? does it show the result? by when?")

# ---------------------------------------------------------------- task 2
TASKS.choose(
    "2",
    "Draft D1 is meant to measure the result \"Migration is considered in sector planning\". "
    "Which rewrite is best? (All numbers are FICTIONAL.)",
    {
        "Migration governance is much better by 2028.":
            "Still not specific or measurable.",
        "Number of sector strategies, out of the 12 approved by the Council of Ministers, that "
        "include at least one costed migration action: from 1 in 2025 to 6 by the end of 2028, "
        "verified by the Ministry of Planning from the approved strategy documents.":
            "It says what is counted and out of how many, gives a baseline, a target and dates, "
            "names the source, and measures the result itself.",
        "Number of meetings of the migration working group held each year.":
            "Meetings are an activity, not evidence that plans changed.",
        "All sector strategies fully integrate migration within six months.":
            "Specific and time-bound, but not achievable, and \"fully integrate\" is not defined.",
    },
    answer="Number of sector strategies, out of the 12 approved by the Council of Ministers, that "
           "include at least one costed migration action: from 1 in 2025 to 6 by the end of 2028, "
           "verified by the Ministry of Planning from the approved strategy documents.",
    hint="Look for the option that passes all five tests and measures the result itself.",
)

# ---------------------------------------------------------------- task 3
TASKS.classify("3", ["Monitoring", "Evaluation"], {
    "Were the five planned regional consultations held this quarter?":
        ("Monitoring", "Checking whether planned activities took place is routine progress "
                       "tracking."),
    "How much of this year's budget for pre-departure sessions has been spent?":
        ("Monitoring", "Budget and expenditure are one of the four areas IOM's guidance lists for "
                       "monitoring."),
    "Is the risk \"ministries do not attend the working group\" rising or falling?":
        ("Monitoring", "Risk is also monitored continuously, through the risk register."),
    "How many focal points completed the training this month?":
        ("Monitoring", "Counting outputs as they are delivered is monitoring."),
    "Did the programme contribute to lower recruitment costs, and why?":
        ("Evaluation", "Judging effectiveness and explaining why needs an evaluation."),
    "Was the programme good value for money compared with other options?":
        ("Evaluation", "This is the efficiency criterion of an evaluation."),
    "Does the programme fit with national labour and health policies, or do they work against "
    "each other?":
        ("Evaluation", "This is the coherence criterion added to the OECD DAC criteria in 2019."),
    "Would the results last if outside funding stopped?":
        ("Evaluation", "This is the sustainability criterion of an evaluation."),
}, hint="Monitoring asks whether the work is on track (activities, budget, results, risks); "
        "evaluation judges whether it worked, why, and whether it was worth it.")

# ---------------------------------------------------------------- task 4
SDG_CODES = ["10.7.1", "10.7.2", "10.c.1", "17.18"]
TASKS.classify("4", SDG_CODES, {
    "\"Recruitment cost borne by employee as a proportion of monthly income earned in country of "
    "destination\"":
        ("10.7.1", "This is the official name of 10.7.1." + _source("10.7.1")),
    "Custodians: ILO and World Bank":
        ("10.7.1", "The ILO and the World Bank are co-custodians of the recruitment-cost "
                   "indicator." + _source("10.7.1")),
    "Custodians: UN DESA (Population Division) and IOM":
        ("10.7.2", "UN DESA and IOM are co-custodians of the migration-policy indicator."
         + _source("10.7.2")),
    "Draws on IOM's Migration Governance Framework and covers six policy domains":
        ("10.7.2", "MiGOF is the conceptual basis of 10.7.2, which scores policies in six "
                   "domains." + _source("10.7.2")),
    "\"Remittance costs as a proportion of the amount remitted\"":
        ("10.c.1", "This is the official name of 10.c.1; the World Bank is its custodian."
         + _source("10.c.1")),
    "Measured with the World Bank's Remittance Prices Worldwide corridor data":
        ("10.c.1", "Remittance Prices Worldwide reports the cost of sending about USD 200 in each "
                   "corridor." + _source("10.c.1")),
    "Calls for data broken down by income, sex, age, race, ethnicity, migratory status, "
    "disability and location":
        ("17.18", "Target 17.18 names migratory status among the characteristics for "
                  "disaggregation." + _source("17.18")),
    "Its current indicator measures national statistical capacity; custodians Open Data Watch and "
    "World Bank":
        ("17.18", "Indicator 17.18.1 is the statistical capacity indicator for SDG monitoring."
         + _source("17.18")),
}, hint="Use the table of SDG indicators above: names and custodians are listed there; 17.18 is "
        "the target about data.")

# ---------------------------------------------------------------- task 5
TASKS.choose(
    "5",
    "Eastmere (FICTIONAL) wants to report on indicator 10.7.1 (recruitment costs) every two years. "
    "Which means of verification is best?",
    {
        "Interviews with a few recruitment agencies about the fees they charge":
            "Agencies report what they charge, not what workers actually pay.",
        "A recruitment-cost module in a household survey, such as the labour force survey, "
        "following the ILO–World Bank guidelines for 10.7.1":
            "10.7.1 measures costs borne by workers, so the data must come from workers, with a "
            "method that is comparable over time; national pilots such as Bangladesh's Cost of "
            "Migration Survey 2020 followed this route.",
        "The Ministry of Labour's annual activity report":
            "An activity report does not measure costs paid.",
        "Posts by migrant workers on social media":
            "Not representative and not comparable over time.",
    },
    answer="A recruitment-cost module in a household survey, such as the labour force survey, "
           "following the ILO–World Bank guidelines for 10.7.1",
    hint="Who bears the cost that 10.7.1 measures, and which source can be repeated the same way "
         "every two years?",
)
