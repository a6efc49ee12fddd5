"""The slide decks (tools/slides.py): one per published module, built from its own sources,
self-contained, and (browser tier) navigable offline and printed one slide a page."""

from __future__ import annotations

import html
import math
import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from tools import slides

ROOT = Path(__file__).resolve().parents[1]
MODULES = slides.modules()
ATTRIBUTE = re.compile(r'\b(?:src|href)\s*=\s*"([^"]*)"')


@pytest.fixture(scope="module")
def spec_without_charts() -> dict:
    """The decks' spec with no chart, so that the structure tests do not draw charts."""
    spec = slides.load_spec()
    spec["charts"] = {}
    return spec


@pytest.fixture(scope="module")
def decks(spec_without_charts) -> dict[str, slides.Deck]:
    return {module: slides.build(module, spec_without_charts) for module in MODULES}


def source(module: str) -> str:
    return (ROOT / "modules" / f"{module}.md").read_text(encoding="utf-8")


def bullets_under(text: str, heading: str) -> int:
    """Counted straight from the text: the '- ' lines between the heading and the next one."""
    part = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return len(re.findall(r"^- ", part, re.MULTILINE))


def case_parts(text: str, prefix: str) -> int:
    """Paragraphs and list items of the real case boxes, counted by blank lines and dashes."""
    count = 0
    for box in re.findall(r"^:::\{admonition\} " + re.escape(prefix) + r".*?\n(.*?)^:::$", text, re.M | re.S):
        body = "\n".join(line for line in box.splitlines() if not line.startswith(":class:"))
        for chunk in [p for p in re.split(r"\n\s*\n", body) if p.strip()]:
            count += len(re.findall(r"^- ", chunk, re.MULTILINE)) if chunk.startswith("- ") else 1
    return count


def reflection_prompts(module: str) -> int:
    """Exercises of the module that ask a reflection question (task file or notebook)."""
    count = 0
    for folder in sorted((ROOT / "exercises").glob(f"{module[:3]}-*")):
        tasks = yaml.load((folder / "tasks.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        notebook = (folder / f"{folder.name}.md").read_text(encoding="utf-8")
        section = notebook.split("\n## Reflection\n", 1)[-1].split("```", 1)[0]
        count += bool(tasks.get("reflection")) or "?" in section
    return count


def test_every_published_module_has_a_deck(decks):
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    assert MODULES and all(f"file: modules/{module}\n" in toc for module in MODULES)
    assert set(decks) == set(MODULES)
    assert set(MODULES) <= set(slides.load_spec()["charts"]), "every deck names its charts in slides.yaml"


@pytest.mark.parametrize("module", MODULES)
def test_deck_holds_objectives_takeaways_and_quiz(decks, module):
    deck, text = decks[module], source(module)
    kinds = [s.kind for s in deck.slides]
    objectives = [b for s in deck.slides if s.kind == "objectives" for b in s.bullets]
    takeaways = [b for s in deck.slides if s.kind == "takeaways" for b in s.bullets]
    assert len(objectives) == bullets_under(text, "Learning objectives") >= 3
    assert len(takeaways) == bullets_under(text, "Key takeaways") >= 4
    questions = text.count(":::{exercise}")
    assert kinds.count("question") == kinds.count("answer") == questions >= 5
    assert kinds[0] == "title" and deck.title in text
    assert "case" in kinds


@pytest.mark.parametrize("module", MODULES)
def test_slide_count_follows_the_sources(decks, module):
    text, per_slide = source(module), slides.load_spec()["bullets_per_slide"]
    expected = (
        1
        + math.ceil(bullets_under(text, "Learning objectives") / per_slide)
        + math.ceil(bullets_under(text, "Key takeaways") / per_slide)
        + case_parts(text, "Case:")
        + 2 * text.count(":::{exercise}")
        + reflection_prompts(module)
    )
    assert len(decks[module].slides) == expected


def test_answers_follow_their_questions_and_stay_off_them(decks):
    for deck in decks.values():
        for number, slide in enumerate(deck.slides):
            if slide.kind == "question":
                answer = deck.slides[number + 1]
                assert answer.kind == "answer" and answer.note and slide.subheading in answer.heading
                first_letter = re.search(r"<strong>\((\w)\)</strong>", answer.body)
                assert first_letter, f"{deck.module}: the answer does not start with its letter"
                shown = slide.body + "".join(slide.options)
                assert first_letter.group(0) not in shown and len(slide.options) >= 3


def test_roles_become_plain_words():
    html = slides.inline("Read {term}`remittances <Remittances>` {cite:p}`un_2018_gcm`.")
    assert "remittances" in html and "Remittances>" not in html and "{" not in html
    assert re.search(r'<span class="cite">\(United Nations[^)]*2018\)</span>', html)


@pytest.mark.parametrize("module", MODULES)
def test_a_deck_loads_nothing_from_elsewhere(decks, spec_without_charts, module):
    page = slides.render(decks[module], spec_without_charts)
    links = ATTRIBUTE.findall(page)
    assert all(link.startswith(("#", "data:")) for link in links), links
    assert "<link" not in page and "@import" not in page and "url(" not in page


def test_a_chart_is_drawn_from_the_data_and_inlined():
    spec = slides.load_spec()
    module = MODULES[0]
    deck = slides.build(module, spec)
    charts = [s for s in deck.slides if s.kind == "chart"]
    assert len(charts) == len(spec["charts"][module]) >= 1
    assert all(c.image.startswith("data:image/png;base64,") and c.alt and c.source for c in charts)
    page = slides.render(deck, spec)
    assert all(link.startswith(("#", "data:")) for link in ATTRIBUTE.findall(page))


def test_a_module_without_objectives_is_named(tmp_path, monkeypatch):
    (tmp_path / "modules").mkdir()
    text = source(MODULES[0]).replace("## Learning objectives", "## Aims")
    (tmp_path / "modules" / f"{MODULES[0]}.md").write_text(text, encoding="utf-8")
    monkeypatch.setattr(slides, "ROOT", tmp_path)
    with pytest.raises(slides.SlidesError, match=rf"modules/{MODULES[0]}\.md: no bullets under '## Learning"):
        slides.build(MODULES[0])


OVERFLOWING = """() => Array.from(document.querySelectorAll(".slide")).filter((slide) => {
    slide.style.display = "flex";
    const over = slide.scrollHeight > slide.clientHeight + 1 || slide.scrollWidth > slide.clientWidth + 1;
    slide.style.display = "";
    return over;
}).map((slide) => slide.id)"""


@pytest.mark.browser
def test_decks_in_chromium_and_a_pdf(chromium_browser, tmp_path):
    """Every deck fits its slides; the first one navigates offline and prints a slide a page."""
    from pypdf import PdfReader

    written = slides.write(tmp_path, pdf=False)
    page = chromium_browser.new_page(viewport={"width": 1280, "height": 720})
    errors, requests = [], []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    for _, path in written:
        page.goto(path.as_uri())
        assert page.evaluate(OVERFLOWING) == [], f"{path.name}: text runs off these slides"
    deck, path = written[0]
    page.goto(path.as_uri())
    assert page.locator("#slide-1").is_visible() and not page.locator("#slide-2").is_visible()
    page.keyboard.press("ArrowRight")
    assert page.locator("#slide-2").is_visible() and not page.locator("#slide-1").is_visible()
    page.keyboard.press("Space")
    assert page.locator("#slide-3").is_visible()
    page.close()
    assert not errors, errors
    assert all(url.startswith(("file:", "data:")) for url in requests), requests

    slides.print_pdfs([path], chromium_browser)
    reader = PdfReader(path.with_suffix(".pdf"))
    assert len(reader.pages) == len(deck.slides)
    box = reader.pages[0].mediabox
    assert box.width > box.height  # landscape
    text = " ".join(unicodedata.normalize("NFKC", p.extract_text()) for p in reader.pages).split()
    text = " ".join(text)
    objectives = [b for s in deck.slides if s.kind == "objectives" for b in s.bullets]
    for objective in objectives:
        words = html.unescape(re.sub(r"<[^>]+>", "", objective)).split()[:4]
        assert " ".join(words) in text
