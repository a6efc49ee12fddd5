"""The pilot-country case files (book/case-files/): the pages are in the table of contents with
their sections and directives; the summary and the charts come from the data; a country without
data gets a note instead of a chart; the built pages carry charts with alt text and sources."""

from __future__ import annotations

import csv
import re
import sys
from html.parser import HTMLParser

import pytest
import yaml
from conftest import ROOT

sys.path.insert(0, str(ROOT / "book" / "_ext"))
import case_file_data as data  # noqa: E402

PAGES = {
    "bgd": "BGD",
    "jam": "JAM",
    "mda": "MDA",
    "tun": "TUN",
    "ecu": "ECU",
    "kgz": "KGZ",
    "mar": "MAR",
    "srb": "SRB",
}
SECTIONS = [
    "Route and institutions",
    "Timeline",
    "The country's migration at a glance",
    "What is known of results",
    "Where sources disagree",
    "Open questions",
    "Sources",
]
PLACEHOLDER = re.compile(r"\{[a-z_]+(:[^}]*)?\}")


def csv_rows(name: str) -> list[dict]:
    with (ROOT / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_toc_lists_the_index_and_eight_pages_in_tools_and_reference():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    part = next(p for p in toc["parts"] if p["caption"] == "Tools and reference")
    files = [chapter["file"] for chapter in part["chapters"]]
    assert files.index("book/case-files/index") < files.index("book/glossary")
    chapter = next(c for c in part["chapters"] if c["file"] == "book/case-files/index")
    assert [s["file"] for s in chapter["sections"]] == [f"book/case-files/{name}" for name in PAGES]


@pytest.mark.parametrize("name", PAGES)
def test_page_has_the_sections_in_order_and_both_directives(name):
    text = (ROOT / "book" / "case-files" / f"{name}.md").read_text(encoding="utf-8")
    assert len(re.findall(r"^# ", text, re.MULTILINE)) == 1
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    assert headings == SECTIONS
    code = PAGES[name]
    for directive, section in (("case-file-summary", 0), ("case-file-charts", 2)):
        block = text.split(f"## {SECTIONS[section]}\n", 1)[1].split("\n## ", 1)[0]
        assert f"```{{{directive}}} {code}\n```" in block
    overview = text.split("\n## ", 1)[0].split("\n", 1)[1].strip()
    assert overview, "a one-paragraph overview comes before the first section"


def test_summary_shows_the_row_of_the_csv_and_its_sources():
    row = next(r for r in csv_rows("pilot_country_routes") if r["iso3"] == "TUN")
    shown = dict(data.summary_fields(data.route_row("TUN")))
    text = data.labels()["summary"]
    assert shown[text["lead_body"]] == row["lead_body"]
    assert shown[text["plan_or_strategy"]] == row["plan_or_strategy"]
    assert row["start_year"] == "" and shown[text["years"]] == text["not_known"]
    urls = row["source_url"].split(" | ")
    assert [url for _, url in data.sources(data.route_row("TUN"))] == urls


def test_summary_says_not_known_for_an_empty_cell_and_gives_open_ended_years():
    text = data.labels()["summary"]
    serbia = dict(data.summary_fields(data.route_row("SRB")))
    assert serbia[text["lead_body"]] == text["not_known"]
    jamaica = dict(data.summary_fields(data.route_row("JAM")))
    assert jamaica[text["years"]] == text["years_open"].format(start=2017)
    assert data.route_row("FRA") is None


def test_route_comes_from_the_route_exercise():
    route, reason = data.route_taken("Serbia")
    tasks = yaml.safe_load((ROOT / "exercises" / "m08-1-eight-countries" / "tasks.yaml").read_text())
    item = next(i for t in tasks["tasks"] for i in t.get("items", []) if i["text"] == "Serbia")
    assert route == item["category"] and reason == " ".join(item["why"].split())
    assert data.route_taken("Atlantis") is None


def test_stocks_chart_draws_the_data_and_states_its_key_numbers():
    rows = [r for r in csv_rows("immigrants_emigrants") if r["iso3"] == "MDA"]
    last = max(rows, key=lambda r: int(r["year"]))
    chart = data.chart("MDA", "stocks")
    assert chart.has_data and chart.note == ""
    figure = chart.figure()
    lines = figure.axes[0].get_lines()
    drawn = {line.get_label(): list(line.get_ydata()) for line in lines}
    immigrants = drawn[data.labels()["charts"]["stocks"]["series"]["immigrants"]]
    assert immigrants[-1] == pytest.approx(float(last["immigrants"]) / 1000)
    assert f"{float(last['immigrants']):,.0f}" in chart.alt
    assert f"{float(last['emigrants']):,.0f}" in chart.alt
    assert last["year"] in chart.alt and "the Republic of Moldova" in chart.alt


def test_remittance_share_is_computed_from_remittances_and_gdp():
    rows = [r for r in csv_rows("financial_flows") if r["iso3"] == "JAM" and r["gdp_current_usd"]]
    rows = [r for r in rows if r["remittances_received_usd"]]
    peak = max(rows, key=lambda r: float(r["remittances_received_usd"]) / float(r["gdp_current_usd"]))
    chart = data.chart("JAM", "remittances")
    share = 100 * float(peak["remittances_received_usd"]) / float(peak["gdp_current_usd"])
    assert chart.values["peak_year"] == int(peak["year"])
    assert f"{share:.1f}%" in chart.alt
    caption, header, table = chart.text_rows()
    assert len(table) < len(rows) and table[-1][0] == max(r["year"] for r in rows)


@pytest.mark.parametrize("code", PAGES.values())
def test_every_pilot_country_gets_three_charts_with_filled_alt_text(code):
    for key in data.CHARTS:
        chart = data.chart(code, key)
        assert chart.has_data, f"{code} {key}"
        assert chart.alt and not PLACEHOLDER.search(chart.alt)
        assert chart.source.startswith("Source: ") and chart.source.count("{") == 0


def test_a_country_missing_from_a_dataset_gets_a_note_not_a_chart():
    assert not any(r["iso3"] == "FRA" for r in csv_rows("financial_flows"))
    chart = data.chart("FRA", "remittances")
    assert not chart.has_data and chart.alt == ""
    assert "financial_flows" in chart.note and "FRA" in chart.note


def test_sdg_scores_are_read_from_the_csv_and_empty_where_not_reported():
    rows = [r for r in csv_rows("sdg_10_7_2_policies") if r["iso3"] == "BGD"]
    scores = data.sdg_scores("BGD")
    assert [(y, s) for y, s, _ in scores] == sorted((int(r["year"]), int(r["score"])) for r in rows)
    assert all(meaning for _, _, meaning in scores)
    assert not any(r["iso3"] == "MAR" for r in csv_rows("sdg_10_7_2_policies"))
    assert data.sdg_scores("MAR") == []


class PageParser(HTMLParser):
    """The chart images (with alt text) and the links of the case file's source lists."""

    def __init__(self):
        super().__init__()
        self.images: list[dict] = []
        self.source_links = 0
        self.in_sources = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "img" and "case-file-chart" in (attributes.get("class") or ""):
            self.images.append(attributes)
        if tag == "ul" and "case-file-sources" in (attributes.get("class") or ""):
            self.in_sources += 1
        if tag == "a" and self.in_sources and attributes.get("href", "").startswith("http"):
            self.source_links += 1

    def handle_endtag(self, tag):
        if tag == "ul" and self.in_sources:
            self.in_sources -= 1


@pytest.mark.book
@pytest.mark.parametrize("name", PAGES)
def test_built_page_has_charts_with_alt_text_and_sources(built_book, name):
    html, _ = built_book
    page = html / "book" / "case-files" / f"{name}.html"
    text = page.read_text(encoding="utf-8")
    parser = PageParser()
    parser.feed(text)
    assert len(parser.images) == len(data.CHARTS)
    for image in parser.images:
        assert len(image.get("alt", "").split()) > 10
        assert (page.parent / image["src"]).resolve().is_file()
    assert parser.source_links >= 1
    assert 'id="sources"' in text


def test_route_template_is_filled_with_nodes_in_order():
    import case_files
    from docutils import nodes

    route, link = nodes.strong("", "R"), nodes.inline("", "E")
    pieces = case_files.fill(
        "{route} (in {exercise}). {reason}", {"route": route, "exercise": link, "reason": "W"}
    )
    assert pieces == [route, " (in ", link, "). ", "W"]
    labels_template = data.labels()["summary"]["route_value"]
    names = set(re.findall(r"\{(\w+)\}", labels_template))
    assert names == {"route", "exercise", "reason"}
