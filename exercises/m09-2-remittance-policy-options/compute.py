"""Exercise 9.2: a FICTIONAL corridor and a FICTIONAL matching scheme (logic only; the words are in
tasks.yaml). Tables: eastmere_remittance_providers and eastmere_matching_applications (FICTIONAL)."""

import pandas as pd

from migdev.data import load

CEILING_10C = 5  # %: no corridor above 5% (SDG target 10.c)


def costed() -> pd.DataFrame:
    """Each provider's fee, exchange-rate margin and total cost, in % of the amount sent."""
    table = load("eastmere_remittance_providers").set_index("provider")
    table["fee_pct"] = 100 * table["fee_dollars"] / table["amount_sent_dollars"]
    table["margin_pct"] = 100 * (table["market_rate"] - table["rate_offered"]) / table["market_rate"]
    table["total_pct"] = table["fee_pct"] + table["margin_pct"]
    return table[["provider_type", "fee_pct", "margin_pct", "total_pct", "market_share_pct"]]


def cheapest_total():
    return costed()["total_pct"].min()


def cheapest_fee_only():
    return costed()["fee_pct"].min()


def above_ceiling():
    return int((costed()["total_pct"] > CEILING_10C).sum())


def simple_mean():
    return costed()["total_pct"].mean()


def weighted_mean():
    table = costed()
    return (table["total_pct"] * table["market_share_pct"]).sum() / table["market_share_pct"].sum()


def mean_margin():
    return costed()["margin_pct"].mean()


def mean_fee():
    return costed()["fee_pct"].mean()


# ---------------------------------------------------------------- the matching scheme
def funded(budget, ceiling, cap=True, skip=False) -> pd.DataFrame:
    """Applications funded in order of arrival: grant = own investment up to the ceiling; funding
    stops at the first grant that does not fit in what is left (``skip``: go on to the next)."""
    table = load("eastmere_matching_applications")
    own = table["own_investment_crowns"].astype(float)
    table["grant_crowns"] = (own.clip(upper=float(ceiling)) if cap else own).round().astype("Int64")
    left, keep = float(budget), []
    for grant in table["grant_crowns"]:
        fits = grant <= left
        keep.append(fits and (skip or all(keep)))
        left -= grant if keep[-1] else 0
    return table[keep]


def n_funded(budget, ceiling):
    return len(funded(budget, ceiling))


def n_funded_no_ceiling(budget, ceiling):
    return len(funded(budget, ceiling, cap=False))


def n_funded_skipping(budget, ceiling):
    return len(funded(budget, ceiling, skip=True))


def total_investment(budget, ceiling, cap=True, skip=False):
    table = funded(budget, ceiling, cap, skip)
    return float(table["own_investment_crowns"].sum() + table["grant_crowns"].sum())


def total_grants(budget, ceiling):
    return float(funded(budget, ceiling)["grant_crowns"].sum())


def total_own(budget, ceiling):
    return float(funded(budget, ceiling)["own_investment_crowns"].sum())


def total_no_ceiling(budget, ceiling):
    return total_investment(budget, ceiling, cap=False)


def total_skipping(budget, ceiling):
    return total_investment(budget, ceiling, skip=True)


def additional(budget, ceiling) -> pd.DataFrame:
    """Funded applicants who said they would NOT have invested without the grant."""
    table = funded(budget, ceiling)
    return table[table["would_have_invested_anyway"] == "no"]


def cost_per_additional(budget, ceiling):
    table = additional(budget, ceiling)
    return table["grant_crowns"].sum() / len(table) if len(table) else 0.0


def cost_per_funded(budget, ceiling):
    return total_grants(budget, ceiling) / max(n_funded(budget, ceiling), 1)


def grants_to_additional(budget, ceiling):
    return float(additional(budget, ceiling)["grant_crowns"].sum())


def cost_with_unfunded(budget, ceiling):
    """Grants to every applicant who answered no, funded or not, per applicant (a slip)."""
    table = load("eastmere_matching_applications")
    table = table[table["would_have_invested_anyway"] == "no"]
    return table["own_investment_crowns"].clip(upper=ceiling).sum() / len(table)


def women_share(budget, ceiling):
    """Share of women among the funded applicants, in %."""
    table = funded(budget, ceiling)
    return 100 * (table["sex"] == "F").sum() / len(table) if len(table) else 0.0
