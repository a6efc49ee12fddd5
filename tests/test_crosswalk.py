"""The GCM–SDG crosswalk has one data source, book/crosswalk/coverage.csv: it has a row for every
module, exercise and template, names only the 23 GCM objectives and the curated SDG targets, and the
downloadable CSV is generated from it. A malformed coverage file is refused with a clear message."""

from __future__ import annotations

import csv
import io
import re

import pytest
import yaml
from conftest import EXERCISES, ROOT

from tools import crosswalk as cw

FOLDER = ROOT / cw.FOLDER
BIB_KEYS = set(
    re.findall(r"^@\w+\{([^,]+),", (ROOT / "book" / "references.bib").read_text(encoding="utf-8"), re.M)
)


@pytest.fixture(scope="module")
def crosswalk() -> cw.Crosswalk:
    return cw.load(ROOT)


def ids(crosswalk: cw.Crosswalk, kind: str) -> list[str]:
    return [entry.id for entry in crosswalk.entries if entry.kind == kind]


def test_every_module_exercise_and_template_has_one_row(crosswalk):
    assert sorted(ids(crosswalk, "module")) == sorted(cw.toc_modules(ROOT)), "one row per module in _toc.yml"
    assert sorted(ids(crosswalk, "exercise")) == EXERCISES, "one row per exercise folder"
    if (ROOT / "book" / "templates").is_dir():
        assert sorted(ids(crosswalk, "template")) == sorted(cw.template_specs(ROOT)), (
            "one row per template spec"
        )


def test_the_objectives_are_the_23_of_the_gcm_with_their_source(crosswalk):
    assert [o.number for o in crosswalk.objectives] == list(range(1, 24))
    assert all(o.short_title and o.official_title and o.source in BIB_KEYS for o in crosswalk.objectives)
    # Objective 20 is on remittances (secondary lists sometimes repeat objective 2's title there).
    assert "remittances" in crosswalk.objectives[19].official_title
    assert all(set(entry.gcm) <= set(range(1, 24)) for entry in crosswalk.entries)


def test_sdg_targets_come_only_from_the_curated_list(crosswalk):
    listed = {t.target for t in crosswalk.targets}
    assert {"10.7", "10.c", "17.18", "8.8"} <= listed
    assert all(t.summary and t.migration_link and t.source in BIB_KEYS for t in crosswalk.targets)
    assert all(set(entry.sdg) <= listed for entry in crosswalk.entries)
    with (FOLDER / "coverage.csv").open(encoding="utf-8") as handle:
        raw = {code for row in csv.DictReader(handle) for code in cw.split(row["sdg_targets"])}
    assert raw <= listed


def test_the_matrix_csv_has_all_23_objectives_and_matches_the_coverage(crosswalk):
    titles = {entry: cw.page_title(ROOT, entry) for entry in crosswalk.entries}
    rows = list(csv.reader(io.StringIO(cw.matrix_csv(crosswalk, titles, {}))))
    header, body = rows[0], rows[1:]
    gcm_columns = [crosswalk.labels["csv"]["gcm"].format(number=n) for n in range(1, 24)]
    sdg_columns = [crosswalk.labels["csv"]["sdg"].format(target=t.target) for t in crosswalk.targets]
    assert header[4:] == gcm_columns + sdg_columns
    with (FOLDER / "coverage.csv").open(encoding="utf-8") as handle:
        source = list(csv.DictReader(handle))
    assert [(r[0], r[1]) for r in body] == [(s["kind"], s["id"]) for s in source]
    for row, expected in zip(body, source, strict=True):
        marked = dict(zip(header, row, strict=True))
        assert {n for n in range(1, 24) if marked[gcm_columns[n - 1]] == "1"} == {
            int(n) for n in cw.split(expected["gcm_objectives"])
        }
        codes = [t.target for t in crosswalk.targets]
        marked_sdg = {code for code, column in zip(codes, sdg_columns, strict=True) if marked[column] == "1"}
        assert marked_sdg == set(cw.split(expected["sdg_targets"]))
        assert set(row[4:]) <= {"0", "1"}
    assert titles[crosswalk.entries[0]].startswith("Module 1.")


def test_the_page_is_in_tools_and_reference_and_generated_from_the_data():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    part = next(p for p in toc["parts"] if p["caption"] == "Tools and reference")
    files = [chapter["file"] for chapter in part["chapters"]]
    assert "book/crosswalk" in files and files.index("book/crosswalk") < files.index("book/glossary")
    page = (ROOT / "book" / "crosswalk.md").read_text(encoding="utf-8")
    for directive in [
        "crosswalk-matrix} gcm",
        "crosswalk-matrix} sdg",
        "crosswalk-list} gcm",
        "crosswalk-list} sdg",
    ]:
        assert f"```{{{directive}\n```" in page
    assert "```{crosswalk-download}\n```" in page


BAD_ROWS = [
    ("exercise,m99-9-no-such-exercise,1,,", r"line 2: unknown exercise id 'm99-9-no-such-exercise'"),
    ("module,m99-nothing,1,,", r"line 2: unknown module id 'm99-nothing'"),
    ("lesson,m01-linkages,1,,", r"line 2: kind 'lesson' is not one of module, exercise, template"),
    (
        "exercise,m01-1-money-flows,24,,",
        r"line 2, field gcm_objectives: '24' is not a GCM objective \(1 to 23\)",
    ),
    ("exercise,m01-1-money-flows,0;5,,", r"line 2, field gcm_objectives: '0' is not a GCM objective"),
    ("exercise,m01-1-money-flows,Data,,", r"line 2, field gcm_objectives: 'Data' is not a GCM objective"),
    (
        "exercise,m01-1-money-flows,,10.8,",
        r"line 2, field sdg_targets: '10.8' is not in book/crosswalk/sdg_targets",
    ),
]


@pytest.mark.parametrize(("bad_row", "message"), BAD_ROWS)
def test_a_malformed_coverage_file_is_refused_with_a_clear_message(tmp_path, bad_row, message):
    lines = (FOLDER / "coverage.csv").read_text(encoding="utf-8").splitlines()
    copy = tmp_path / "coverage.csv"
    copy.write_text("\n".join([lines[0], bad_row, *lines[1:]]) + "\n", encoding="utf-8")
    with pytest.raises(cw.CrosswalkError, match=message) as raised:
        cw.load(ROOT, coverage=copy)
    assert str(copy) in str(raised.value)


def test_a_page_listed_twice_is_refused(tmp_path):
    lines = (FOLDER / "coverage.csv").read_text(encoding="utf-8").splitlines()
    copy = tmp_path / "coverage.csv"
    copy.write_text("\n".join([lines[0], lines[1], *lines[1:]]) + "\n", encoding="utf-8")
    with pytest.raises(cw.CrosswalkError, match=r"line 3: module 'm01-linkages' has a second row"):
        cw.load(ROOT, coverage=copy)


@pytest.mark.book
def test_the_built_page_lists_every_objective_and_serves_the_csv(built_book, crosswalk):
    html, _ = built_book
    page = (html / "book" / "crosswalk.html").read_text(encoding="utf-8")
    for number in range(1, 24):
        assert f'id="gcm-objective-{number}"' in page
        assert f'href="#gcm-objective-{number}"' in page
    served = html / "crosswalk" / "gcm-sdg-crosswalk.csv"
    assert f'href="../crosswalk/{served.name}"' in page
    assert f"(CSV, {max(1, round(served.stat().st_size / 1000))} kB)" in page
    rows = list(csv.reader(io.StringIO(served.read_text(encoding="utf-8-sig"))))
    assert [(r[0], r[1]) for r in rows[1:]] == [(e.kind, e.id) for e in crosswalk.entries]
    module_1 = dict(zip(rows[0], rows[1], strict=True))
    assert module_1["page"] == "modules/m01-linkages.html"
    assert (html / module_1["page"]).is_file()
