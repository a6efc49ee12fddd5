"""Exercise m05-2, build a results chain for a FICTIONAL programme of FICTIONAL Eastmere.

All cards and indicators are FICTIONAL content written for this exercise, except the name of SDG
indicator 10.7.1, which is quoted exactly. The levels follow the OECD glossary of evaluation and
results-based management terms (2023) as taught in Module 5.
"""

from __future__ import annotations

import html

from migdev import checks
from migdev.feedback import Feedback
from migdev.tasks import TaskSet

TASKS = TaskSet("m05-2-results-chain")

LEVELS = ["Input", "Activity", "Output", "Outcome", "Impact"]

TRAINING = "Run training sessions for labour inspectors on fair recruitment rules"
TRAINED = "Labour inspectors have completed the fair-recruitment training"
WEBSITE = ("A website comparing the cost of sending money home is online and updated every "
           "quarter")

# FICTIONAL cards of the FICTIONAL "Fair Migration for Development Programme".
FICTIONAL_CARDS = {
    "A budget allocation for the programme's three years":
        ("Input", "It is money the programme uses, before any work is done."),
    "Two trainers seconded from the Ministry of Labour":
        ("Input", "Staff time is a resource the programme uses."),
    "The course materials of an earlier pre-departure programme":
        ("Input", "Existing materials are a resource the programme draws on."),
    "Design a pre-departure orientation course with migrant workers' associations":
        ("Activity", "It describes work the programme does."),
    TRAINING:
        ("Activity", "Running sessions is work done; the trained inspectors are the output."),
    "Hold district meetings with associations of returned migrants":
        ("Activity", "A meeting is work done, not a result."),
    TRAINED:
        ("Output", "It is a direct product of the training activity, which the programme can "
                   "largely guarantee."),
    "A pre-departure orientation course is available in every district":
        ("Output", "It is a service the programme delivers."),
    WEBSITE:
        ("Output", "It is a product the programme delivers; whether people use it is an "
                   "outcome."),
    "Migrant workers pay lower recruitment fees than before the programme":
        ("Outcome", "It depends on recruiters, employers and workers changing behaviour, not "
                    "only on the programme."),
    "More migrants' families receive money through formal, cheaper channels":
        ("Outcome", "It is a change in behaviour that follows from the outputs but is not "
                    "guaranteed by them."),
    "Women migrant workers report that they know where to seek help abroad":
        ("Outcome", "It is a change in knowledge among the people the programme serves."),
    "Recruitment agencies that overcharge are sanctioned more often":
        ("Outcome", "It is a change in how institutions act when they use the trained "
                    "inspectors and new rules."),
    "Lower poverty among migrants' households in districts of origin":
        ("Impact", "It is a long-term change the programme contributes to, with many other "
                   "factors."),
    "Migration contributes more to the national plan's goals on employment and income":
        ("Impact", "It is a wide, long-term development change, far beyond the programme's "
                   "control."),
}

# Common mistakes: (card, wrong level) -> a hint that goes beyond the card's explanation.
COMMON_MISTAKES = {
    (TRAINING, "Output"): "Running sessions is still work done. Ask 'so what?': the result is "
                          "trained inspectors.",
    (TRAINED, "Outcome"): "Training people is within the programme's reach. The outcome is what "
                          "changes when the inspectors use what they learned.",
    (WEBSITE, "Outcome"): "Putting a website online is the programme's product. People using it, "
                          "and paying less, would be the outcome.",
}

SDG_10_7_1 = ("Recruitment cost borne by employee as a proportion of monthly income earned in "
              "country of destination (SDG 10.7.1)")

FICTIONAL_INDICATORS = {
    "Share of the programme budget spent by the end of year 1":
        ("Input", "It tracks the use of resources."),
    "Number of training sessions held for labour inspectors":
        ("Activity", "It counts work done, not what the work produced."),
    "Number of labour inspectors who completed the training, by sex":
        ("Output", "It counts a product of the activity, broken down by sex."),
    SDG_10_7_1:
        ("Outcome", "It measures what migrant workers actually pay, which changes only if "
                    "recruiters and employers change practice."),
    "Poverty rate of migrants' households in districts of origin, by sex of the head of "
    "household":
        ("Impact", "It measures the long-term change the programme contributes to, with many "
                   "other factors."),
}


def _cards_check(answer: object, **_params) -> Feedback:
    feedback = checks.check_classification(
        "1", answer, FICTIONAL_CARDS,
        hint="For each card ask: is it a resource, work done, a product the programme "
             "delivers, a change when others use it, or a long-term change it contributes to?")
    given = getattr(answer, "value", answer)
    if not feedback.correct and isinstance(given, dict):
        tips = [tip for (card, level), tip in COMMON_MISTAKES.items() if given.get(card) == level]
        if tips:
            feedback.hint = " ".join(tips)
    return feedback


TASKS.classify("1", LEVELS, FICTIONAL_CARDS)
TASKS.tasks["1"].check = _cards_check

TASKS.classify("2", LEVELS, FICTIONAL_INDICATORS,
               hint="Ask what each indicator counts: money used, work done, products delivered, "
                    "changes in what people pay or do, or long-term living conditions.")

TASKS.choose(
    "3",
    "The draft logframe lists this as the programme's outcome: 'Twelve workshops on fair "
    "recruitment held.' What is wrong with it?",
    {
        "Nothing: it is specific and measurable":
            "No: being measurable does not make a statement an outcome. Holding workshops is "
            "work done.",
        "It describes an activity, not a change; an outcome should say what changes for "
        "migrants or institutions, such as lower recruitment fees":
            "Holding workshops is work done. An outcome says what changes when people and "
            "institutions use what the programme delivers.",
        "It should be an impact":
            "No: it is even further from an impact, which is a long-term, wide change.",
        "Twelve workshops are too few":
            "No: the number of workshops is a planning detail, not the problem.",
    },
    answer="It describes an activity, not a change; an outcome should say what changes for "
           "migrants or institutions, such as lower recruitment fees",
    hint="Ask 'so what?' of the statement: what changes for migrant workers?")

TASKS.choose(
    "4",
    "'Destination-country employers do not pass recruitment costs on to workers in other ways, "
    "such as wage deductions.' In which column of the logical framework does this statement "
    "belong?",
    {
        "Indicator":
            "No: it measures nothing; it states a condition.",
        "Source of data":
            "No: it does not say where data come from.",
        "Assumption":
            "It is a condition outside the programme's control that must hold for the outputs "
            "(trained inspectors, new rules) to lead to the outcome (lower recruitment fees). If "
            "it is unlikely to hold, the design needs another activity, for example cooperation "
            "with destination countries.",
        "Output":
            "No: the programme does not deliver it; employers abroad decide.",
    },
    answer="Assumption",
    hint="Who controls what employers in destination countries do?")

TASKS.choose(
    "5",
    "The Ministry of Labour will report to the national plan's monitoring committee. For which "
    "level can it fairly be held fully accountable?",
    {
        "Impact: lower poverty in districts of origin":
            "No: poverty depends on many forces besides the programme.",
        "Outcomes: lower recruitment fees":
            "No: fees also depend on recruiters, employers and destination countries. The "
            "ministry reports its contribution to outcomes.",
        "Outputs: trained inspectors, an orientation course in every district, a cost "
        "comparison website":
            "The ministry controls its inputs and activities and can largely guarantee its "
            "outputs. Outcomes and impact depend also on migrants, recruiters, employers and "
            "other countries, so it reports its contribution to them, not sole responsibility.",
        "None: results depend on too many factors":
            "No: this goes too far. Outputs are within the ministry's reach.",
    },
    answer="Outputs: trained inspectors, an orientation course in every district, a cost "
           "comparison website",
    hint="Which level does the ministry deliver itself?")


class Chain:
    """The cards placed in five columns, from inputs (left) to impact (right)."""

    def __init__(self, placed: dict[str, str | None]):
        self.columns = {level: [card for card, chosen in placed.items() if chosen == level]
                        for level in LEVELS}
        self.unplaced = [card for card, chosen in placed.items() if chosen not in LEVELS]

    def __str__(self) -> str:
        lines = []
        for level in LEVELS:
            lines.append(f"{level.upper()}:")
            lines += [f"  - {card}" for card in self.columns[level]] or ["  (none yet)"]
        if self.unplaced:
            lines.append(f"Not placed yet: {len(self.unplaced)} card(s).")
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        head = "".join(f"<th scope='col'>{html.escape(level)}{' →' if n < 4 else ''}</th>"
                       for n, level in enumerate(LEVELS))
        cells = "".join(
            "<td style='vertical-align:top'><ul style='margin:0;padding-left:1.1em'>"
            + ("".join(f"<li>{html.escape(card)}</li>" for card in self.columns[level])
               or "<li><em>none yet</em></li>") + "</ul></td>" for level in LEVELS)
        note = (f"<p><em>Not placed yet: {len(self.unplaced)} card(s). Choose a level for each "
                "card in the widget above.</em></p>" if self.unplaced else "")
        return ("<table class='migdev-chain'><caption>The FICTIONAL programme's results chain, "
                "from inputs (left) to impact (right)</caption><thead><tr>" + head
                + "</tr></thead><tbody><tr>" + cells + "</tr></tbody></table>" + note)


def chain(widget: object) -> Chain:
    """The results chain as the learner has sorted the cards (a widget or a dict)."""
    placed = getattr(widget, "value", widget)
    placed = placed if isinstance(placed, dict) else {}
    return Chain({card: placed.get(card) for card in FICTIONAL_CARDS})
