"""The values of the templates' worked examples, read from the course's data package.

A spec's ``example`` part says where its values come from (logic only; no words here):

- ``tables``: rows of a data resource put into a table sheet, ``{column letter: resource column}``;
- ``rows``: rows written in the spec itself, for a case whose figures no resource holds;
- ``cells``: single values, ``{"Sheet!C{matrix_weights}": 2}``;
- ``profile``: the figures of a mini migration profile of one country (Exercise 4.1's datasets).
"""

from __future__ import annotations

from migdev import countries
from migdev.data import load


def _table(part: dict, rows: dict[str, int]) -> dict[str, object]:
    data = load(part["resource"]) if "resource" in part else None
    records = data.to_dict("records") if data is not None else part["rows"]
    first, last = rows[f"{part['key']}_first"], rows[f"{part['key']}_last"]
    if len(records) > last - first + 1:
        raise ValueError(f"{part['sheet']}: {len(records)} rows do not fit in {last - first + 1}")
    found = {}
    for number, record in enumerate(records, start=first):
        for letter, column in part["columns"].items():
            value = record[column]
            found[f"{part['sheet']}!{letter}{number}"] = value.item() if hasattr(value, "item") else value
    return found


def profile(country: object, year: int) -> dict[str, float]:
    """The raw figures of a mini migration profile (rules R1 to R7 of Exercise 4.1) for one year."""
    iso3 = countries.resolve(country)

    def one_year(name: str, column: str, value: object):
        data = load(name)
        return data[(data[column] == value) & (data["year"] == year)]

    stocks = one_year("immigrants_emigrants", "iso3", iso3).iloc[0]
    women_in = one_year("migrant_stock_by_destination", "location_code", stocks["location_code"]).iloc[0]
    abroad = one_year("bilateral_stock_focus", "origin_iso3", iso3)
    flows = one_year("financial_flows", "iso3", iso3).iloc[0]
    figures = {
        "population": stocks["population"],
        "immigrants": stocks["immigrants"],
        "emigrants": stocks["emigrants"],
        "immigrants_women": women_in["stock_female"],
        "immigrants_all": women_in["stock_total"],
        "emigrants_women": abroad["stock_female"].sum(),
        "emigrants_all": abroad["stock_total"].sum(),
        "remittances": flows["remittances_received_usd"],
        "gdp": flows["gdp_current_usd"],
    }
    return {key: float(value) for key, value in figures.items()}


def values(spec: dict, rows: dict[str, int]) -> dict[str, object]:
    """Every cell of the example, as ``{"Sheet!B5": value}``."""
    example, found = spec["example"], {}
    for part in example.get("tables", []):
        found |= _table(part, rows)
    for reference, value in example.get("cells", {}).items():
        found[reference.format_map(rows)] = value
    if "profile" in example:
        part = example["profile"]
        figures = profile(part["country"], part["year"])
        for key, value in figures.items():
            found[f"{part['sheet']}!{part['column']}{rows[part['key'] + '_' + key]}"] = value
    return found
