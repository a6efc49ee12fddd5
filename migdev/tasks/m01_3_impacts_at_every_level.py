"""Exercise m01-3, impacts at every level: classify illustrative statements (no code to write)."""

from __future__ import annotations

from migdev.tasks import TaskSet

TASKS = TaskSet("m01-3-impacts-at-every-level")

LEVELS = ["migrant", "household", "community", "country"]
TASKS.classify("1", LEVELS, {
    "A nurse who takes a job abroad earns far more than at home and learns to use new equipment.":
        ("migrant", "The gain in income and skills belongs first to the person who moved."),
    "A migrant worker in an irregular situation is afraid to complain about unpaid wages.":
        ("migrant", "The risk falls on the migrant: an irregular status makes rights harder to claim."),
    "With money sent by a son abroad, a family pays school fees and repairs its roof.":
        ("household", "Remittances are spent by the receiving family, so the effect is on the household."),
    "A farming family loses its main worker at harvest time and has to hire day labourers.":
        ("household", "The loss of labour is felt by the family the migrant left."),
    "A hometown association abroad co-finances a new water supply for the village.":
        ("community", "A shared service benefits the whole community, not one family."),
    "A rural district has fewer young adults, and two of its schools merge for lack of pupils.":
        ("community", "Population change reshapes local services: a community-level effect."),
    "Remittances become one of the country's largest sources of foreign currency.":
        ("country", "Foreign-exchange earnings are a national, macro-economic effect."),
    "The national health system struggles to fill posts as trained doctors emigrate.":
        ("country", "A shortage across a national system is a country-level effect."),
}, hint="Ask who feels the effect first: the person who moved, the family, the local area, or the "
        "nation as a whole.")

SIDES = ["origin", "destination"]
TASKS.classify("2", SIDES, {
    "Employers in the care sector fill vacancies that local workers do not take.":
        ("destination", "The jobs are filled where migrants live and work."),
    "Returnees open small businesses with savings and skills gained abroad.":
        ("origin", "Return brings savings and skills back to the country of origin."),
    "Migrant workers pay taxes and social contributions where they work.":
        ("destination", "Taxes and contributions are paid in the country of destination."),
    "Families that receive remittances spend more on health care and education.":
        ("origin", "Remittances are received and spent in the country of origin."),
    "Cities that receive many newcomers need more affordable housing and language classes.":
        ("destination", "Demand for housing and integration services arises where migrants arrive."),
    "Diaspora entrepreneurs open export markets for firms in their home country.":
        ("origin", "The benefit goes to firms in the country of origin."),
}, hint="Ask in which country the effect is felt.")

TASKS.choose(
    "3",
    "Statement 2 of task 1 describes a migrant worker in an irregular situation who is afraid to "
    "complain about unpaid wages. Which response follows a rights-based approach?",
    {
        "Make sure the worker can claim unpaid wages safely, because labour rights apply whatever "
        "the migration status.":
            "A rights-based approach protects human and labour rights whatever a person's status.",
        "Leave the matter to the immigration authorities, because the worker's status is irregular.":
            "This puts status before rights: the wage claim would go unheard.",
        "Advise the worker to return home first and then claim the wages from abroad.":
            "This makes claiming rights depend on leaving, which rarely works in practice.",
    },
    answer="Make sure the worker can claim unpaid wages safely, because labour rights apply "
           "whatever the migration status.",
    hint="Which option treats the worker's rights as independent of migration status?",
)
