"""Exercise 14.2: two gaps by sex in the FICTIONAL monitoring data of Eastmere's "Fair Work
Abroad" programme (data/fictional/eastmere_fair_work_monitoring.csv). Logic only; every word is in
tasks.yaml."""

from __future__ import annotations

import pandas as pd

from migdev.data import load

DEPARTURES, ORIENTED, LODGED, RESOLVED = "I1", "I2", "I3", "I4"


def monitoring() -> pd.DataFrame:
    return load("eastmere_fair_work_monitoring").set_index("indicator_id")


def _row(indicator: str) -> pd.Series:
    return monitoring().loc[indicator, ["women", "men"]].astype(float)


def departure_share() -> float:
    """Women's share of registered departures, in %."""
    row = _row(DEPARTURES)
    return 100 * row["women"] / row.sum()


def _gap(places: str) -> float:
    return departure_share() / 100 * _row(places).sum() - _row(ORIENTED)["women"]


def orientation_gap():
    return _gap(ORIENTED)


def gap_over_departures():
    return _gap(DEPARTURES)


def proportional_women():
    return departure_share() / 100 * _row(ORIENTED).sum()


def _rate(sex: str) -> float:
    return 100 * _row(RESOLVED)[sex] / _row(LODGED)[sex]


def resolution_rate_women():
    return _rate("women")


def resolution_gap():
    return _rate("women") - _rate("men")


def resolution_gap_reversed():
    return -resolution_gap()


def resolved_share_women():
    return 100 * _row(RESOLVED)["women"] / _row(RESOLVED).sum()
