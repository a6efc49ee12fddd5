"""The capstone's pages: the dossier tables show the CSVs' values, the role cards are complete and
draw their figures from the data, the printable cards load nothing from outside, and the debrief
covers every stage."""

from __future__ import annotations

import csv
import re
import sys
from html.parser import HTMLParser

import pytest
import yaml
from conftest import EXERCISES, ROOT

from tools import capstone_pages as pages

sys.path.insert(0, str(ROOT / "book" / "_ext"))
from templates_ext import shown  # noqa: E402  (how the pages show a value)

FOLDER = ROOT / "book" / "capstone"
ROLES = yaml.safe_load((FOLDER / "roles.yaml").read_text(encoding="utf-8"))["roles"]
DEBRIEF = pages.debrief()
TABLES = pages.labels()["tables"]
STAGES = [name for name in EXERCISES if name.startswith("capstone-")]
PLACEHOLDER = re.compile(r"\{(\w+)(?::[^}]*)?\}")


def rows_of(resource: str) -> list[dict]:
    """A dossier resource read straight from its CSV (not through the code under test)."""
    with (ROOT / "data" / "fictional" / f"{resource}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def selected(spec: dict) -> list[dict]:
    """The rows of a dossier table's resource that its `where` selects (read straight from the CSV)."""
    found = rows_of(spec["resource"])
    for field, wanted in (spec.get("where") or {}).items():
        wanted = wanted if isinstance(wanted, list) else [wanted]
        found = [row for row in found if row[field] in wanted]
    return found


def as_shown(text: str, kind: str = "number", field: str = "") -> str:
    """A CSV cell as the pages show it, by its type in the data package: numbers with thousands
    separators (years as written), text with its lists of ids separated by commas."""
    if not text:
        return ""
    if kind == "string" or field in pages.labels()["as_written"]:
        return text.replace(";", ", ") if re.fullmatch(r"\w+(;\w+)+", text) else text
    value = float(text)
    return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"


# --------------------------------------------------------------------------------- the dossier
@pytest.mark.parametrize("key", list(TABLES))
def test_each_dossier_table_shows_the_csv_rows_it_selects(key):
    spec = TABLES[key]
    expected = selected(spec)
    caption, header, rows = pages.table(key)
    assert expected and len(rows) == len(expected)
    assert caption.startswith(pages.labels()["fictional"]) and spec["caption"] in caption
    assert header == [pages.labels()["columns"][c] for c in spec["columns"]]
    kinds = {f["name"]: f["type"] for f in pages.resource(spec["resource"])["schema"]["fields"]}
    for row, source in zip(rows, expected, strict=True):
        assert [shown(v) for v in row] == [as_shown(source[c], kinds[c], c) for c in spec["columns"]]


def test_every_dossier_resource_is_fictional_and_on_the_dossier_page_or_the_debrief():
    page = (FOLDER / "dossier.md").read_text(encoding="utf-8")
    used = re.findall(r"^```\{capstone-table\} (\S+)$", page, re.MULTILINE)
    assert sorted(used) == sorted(TABLES), "every dossier table once on the page"
    in_tables = {spec["resource"] for spec in TABLES.values()} | {"capstone_events"}  # events: the debrief
    on_disk = {p.stem for p in (ROOT / "data" / "fictional").glob("capstone_*.csv")}
    assert on_disk == in_tables
    for resource in on_disk:
        assert pages.resource(resource).get("fictional") is True, resource
        assert "FICTIONAL" in pages.resource(resource)["title"], resource
    assert all(
        key in pages.source_line(key) or TABLES[key]["resource"] in pages.source_line(key) for key in TABLES
    )


def test_a_table_or_figure_the_data_cannot_serve_is_named():
    with pytest.raises(pages.CapstonePageError, match="no table 'nowhere'"):
        pages.table("nowhere")
    with pytest.raises(pages.CapstonePageError, match="capstone_budget: no row F99"):
        pages.figure({"resource": "capstone_budget", "key": "F99", "field": "amount_usd"})
    with pytest.raises(pages.CapstonePageError, match="no field 'euros'"):
        pages.figure({"resource": "capstone_budget", "key": "F1", "field": "euros"})


# ----------------------------------------------------------------------------------- the roles
def test_eight_roles_each_with_a_public_side_and_a_full_private_brief():
    assert len(ROLES) == 8 and len({r["id"] for r in ROLES}) == 8
    stakeholders = {row["stakeholder_id"]: row for row in rows_of("capstone_stakeholders")}
    kinds = {stakeholders[r["stakeholder"]]["type"] for r in ROLES}
    assert {"government", "central bank", "statistics", "local government", "migrants and diaspora"} <= kinds
    assert {"international"} <= kinds
    for role in ROLES:
        for field in ("stakeholder", "public", "interests", "information", "red_lines"):
            assert role.get(field), f"role {role['id']}: no {field}"
        assert all(item.get("figures") for item in role["information"]), role["id"]


def test_role_information_types_no_figure_and_names_every_placeholder():
    for role in ROLES:
        for item in role["information"]:
            names = set(PLACEHOLDER.findall(item["text"]))
            assert names == set(item["figures"]), f"role {role['id']}: {item['text']}"
            assert not re.search(r"\d", PLACEHOLDER.sub("", item["text"])), f"a typed number: {item['text']}"


def test_role_figures_come_from_the_dossier():
    budget = {row["source_id"]: row for row in rows_of("capstone_budget")}
    numbers = {row["row_id"]: row for row in rows_of("capstone_migration_numbers")}
    filled = {role.id: role for role in pages.roles()}
    assert len(filled) == 8
    planning, diaspora = filled["planning"], filled["diaspora"]
    assert f"{int(budget['F1']['amount_usd']):,}" in planning.information[0]
    remittances = sum(float(numbers[k]["value"]) for k in ("M1", "M2", "M3", "M4"))
    assert f"{remittances:,.0f}" in planning.information[2]
    halvenia = sum(int(float(numbers[k]["value"])) for k in ("E1", "E2"))
    assert f"{halvenia:,}" in diaspora.information[2]
    stakeholders = {row["stakeholder_id"]: row for row in rows_of("capstone_stakeholders")}
    for spec in ROLES:
        row = stakeholders[spec["stakeholder"]]
        assert (filled[spec["id"]].title, filled[spec["id"]].position) == (row["name"], row["position"])


class Loads(HTMLParser):
    """Every address a page would load (scripts, styles, images, frames) and its cards."""

    def __init__(self):
        super().__init__()
        self.addresses, self.cards, self.scripts = [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts += 1
        for name in ("src", "href"):
            if attrs.get(name) and tag in ("script", "link", "img", "iframe", "source", "audio", "video"):
                self.addresses.append(attrs[name])
        if tag == "section" and "card" in (attrs.get("class") or "").split():
            self.cards.append(attrs["id"])


def test_the_printable_cards_hold_eight_cards_one_per_half_page_and_load_nothing():
    html = pages.role_cards_html()
    found = Loads()
    found.feed(html)
    assert found.cards == [f"role-{r['id']}" for r in ROLES]
    assert found.addresses == [] and found.scripts == 0
    assert "@import" not in html and "url(" not in html and not re.search(r"https?://", html)
    assert "size: A4" in html and "height: 148.5mm" in html
    for card in html.split('<section class="card"')[1:]:
        assert pages.labels()["fictional"] in card


# --------------------------------------------------------------------------------- the debrief
def test_the_debrief_covers_every_stage_in_order_with_questions_choices_and_trade_offs():
    assert [s["id"] for s in DEBRIEF["stages"]] == STAGES and len(STAGES) == 6
    for stage in DEBRIEF["stages"]:
        assert stage["focus"] and 3 <= len(stage["questions"]) <= 5, stage["id"]
        assert stage["typical"] and all(t["choice"] and t["why"] for t in stage["typical"]), stage["id"]
        assert stage["trade_offs"], stage["id"]
    events = DEBRIEF["events"]
    assert events["intro"] and events["steps"] and events["questions"] and DEBRIEF["closing"]


def test_every_stage_says_what_it_decides_and_records_its_minutes():
    decides = pages.labels()["stages"]["decides"]
    found = pages.stages()
    assert [s.id for s in found] == STAGES == list(decides)
    assert all(s.minutes > 0 and s.title for s in found)


# ------------------------------------------------------------------------------- the built book
def page_text(path) -> str:
    """The words of a built page, as a reader sees them (tags removed, entities decoded)."""
    import html

    text = re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))
    return " ".join(html.unescape(text).replace("\u2019", "'").split())


@pytest.mark.book
def test_the_built_capstone_pages_show_the_data_the_cards_and_the_schedule(built_book):
    html, _ = built_book
    folder = html / "book" / "capstone"
    dossier = page_text(folder / "dossier.html")
    assert dossier.count(pages.labels()["fictional_caption"].format(title="")) == len(TABLES)
    for spec in TABLES.values():
        kinds = {f["name"]: f["type"] for f in pages.resource(spec["resource"])["schema"]["fields"]}
        for row in selected(spec):
            for column in spec["columns"]:
                assert as_shown(row[column], kinds[column], column) in dossier, (spec["resource"], column)
    cards = folder / "files" / pages.labels()["roles"]["file"]
    assert cards.read_text(encoding="utf-8") == pages.role_cards_html()
    roles_page = (folder / "role-cards.html").read_text(encoding="utf-8")
    assert f'href="files/{cards.name}"' in roles_page
    debrief = (folder / "debrief.html").read_text(encoding="utf-8")
    assert "workshop-agenda" in debrief and all(s.title in debrief for s in pages.stages())


@pytest.mark.browser
def test_the_printed_cards_fill_one_half_a4_page_each(chromium_browser, tmp_path):
    """Chromium prints the cards to PDF: two cards per A4 page, each card's text whole on its page."""
    import io
    import unicodedata

    from pypdf import PdfReader

    page = chromium_browser.new_page()
    page.set_content(pages.role_cards_html())
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    page.close()
    texts = [" ".join(unicodedata.normalize("NFKC", p.extract_text()).split()) for p in reader.pages]
    assert len(texts) == (len(ROLES) + 1) // 2
    for number, role in enumerate(pages.roles()):
        text = texts[number // 2]
        assert role.title in text and " ".join(role.red_lines[-1].split()[-4:]) in text, role.id
