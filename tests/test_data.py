import hashlib
import json

import pandas as pd
import pytest
from conftest import ROOT
from frictionless import validate

from migdev import CourseError, dataset_names, load
from migdev.data import describe

PACKAGE = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))


def test_data_package_is_valid_frictionless():
    report = validate(str(ROOT / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


@pytest.mark.parametrize("resource", PACKAGE["resources"], ids=lambda r: r["name"])
def test_every_file_matches_its_sha256_and_size(resource):
    raw = (ROOT / "data" / resource["path"]).read_bytes()
    assert resource["hash"] == "sha256:" + hashlib.sha256(raw).hexdigest()
    assert resource["bytes"] == len(raw)
    assert len(raw) < 1_000_000, "keep each data file well under 1 MB"


@pytest.mark.parametrize("resource", PACKAGE["resources"], ids=lambda r: r["name"])
def test_every_resource_documents_itself(resource):
    assert resource["licenses"] and resource["sources"] and resource["description"]
    if resource.get("fictional"):
        # An invented case: said so in its title, its path and its source.
        assert resource["title"].startswith("FICTIONAL"), resource["title"]
        assert resource["path"].startswith("fictional/")
        assert all(source.get("fictional") for source in resource["sources"])
    else:
        assert not resource["path"].startswith("fictional/")
    for source in resource["sources"]:
        assert {"publisher", "title", "path"} <= set(source)
        if source.get("fictional"):
            continue
        if source.get("hand_compiled"):
            # A table the course authors compiled cites a source on every row.
            table = load(resource["name"])
            if "sources" in table:  # several addresses per row, e.g. the programme catalogue
                assert table["sources"].str.contains("http").all()
            else:
                assert table["source_url"].notna().all() and table["source_title"].notna().all()
        else:
            assert {"repository", "commit"} <= set(source) and len(source["commit"]) == 40
    for field in resource["schema"]["fields"]:
        assert field.get("description"), f"{resource['name']}.{field['name']} has no description"


def test_load_types_columns_per_schema():
    flows = load("financial_flows")
    assert flows["year"].dtype == "Int64"
    assert flows["is_aggregate"].dtype == "boolean"
    assert pd.api.types.is_float_dtype(flows["remittances_received_usd"])
    assert pd.api.types.is_string_dtype(flows["iso3"])
    # Missing values stay missing: ODA is not published for 2024.
    assert flows.loc[flows["year"] == 2024, "oda_net_received_usd"].isna().all()


def test_load_returns_a_fresh_copy():
    first = load("immigrants_emigrants")
    first["emigrants"] = 0
    assert load("immigrants_emigrants")["emigrants"].max() > 0


def test_every_listed_dataset_loads_with_its_schema_columns():
    for name in dataset_names():
        columns = [
            field["name"]
            for field in next(r for r in PACKAGE["resources"] if r["name"] == name)["schema"]["fields"]
        ]
        assert list(load(name).columns) == columns


def test_unknown_name_lists_valid_names_and_closest_match():
    with pytest.raises(CourseError) as problem:
        load("financial_flow")
    message = str(problem.value)
    assert "Did you mean 'financial_flows'?" in message
    for name in dataset_names():
        assert name in message


def test_non_string_name_is_explained():
    with pytest.raises(CourseError, match="a int"):
        load(42)


def test_describe_lists_units():
    table = describe("financial_flows")
    assert table.loc["gdp_current_usd", "unit"] == "current US$"
