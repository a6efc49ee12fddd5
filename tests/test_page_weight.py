"""Lighter pages (book/_ext/page_weight.py): what a first visit downloads, and that nothing is lost.

Fast tests run the extension's functions on the installed theme's own files; the `book` and
`browser` tests check the built site (search still finds pages, icons still draw)."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import ROOT, html_pages
from docutils.core import publish_doctree

sys.path.insert(0, str(ROOT / "book" / "_ext"))
import page_weight  # noqa: E402

THEME_STATIC = (
    Path(__import__("pydata_sphinx_theme").__file__).parent / "theme" / "pydata_sphinx_theme" / "static"
)
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
LOADED_ICON_FONT = "[...document.fonts].some(f => f.family.includes('Font Awesome') && f.status === 'loaded')"


@pytest.fixture
def static(tmp_path) -> Path:
    """A copy of the theme's stylesheet and icon fonts, laid out as in a built site's _static."""
    folder = tmp_path / "_static"
    shutil.copytree(THEME_STATIC / "styles", folder / "styles")
    shutil.copytree(
        THEME_STATIC / "vendor" / "fontawesome" / "webfonts", folder / "vendor/fontawesome/webfonts"
    )
    return folder


def test_theme_stylesheet_keeps_only_the_glyphs_it_draws(static):
    from fontTools.ttLib import TTFont

    css = static / page_weight.THEME_STYLESHEET.relative_to("_static")
    fonts = static / "vendor" / "fontawesome" / "webfonts"
    original = {p.name: p.stat().st_size for p in fonts.iterdir()}
    page_weight.lighten_theme_stylesheet(static, css)
    text = css.read_text(encoding="utf-8")

    assert page_weight.ICON_CLASS_RULE.search(text) is None
    assert ".admonition-title:after" in text  # the theme's own rules stay
    sources = re.findall(r"@font-face\{[^}]*src:url\(([^)]*)\)", text)
    assert sources and all(source.endswith(".subset.woff") for source in sources)
    used = page_weight.glyphs_used([text])
    assert used  # the admonition icons, the breadcrumb divider...
    solid = TTFont(css.parent / next(s for s in sources if "solid" in s))
    assert used - {0xF09B, 0xF296} <= set(solid.getBestCmap())  # all but the two brand logos
    written = {p.name: p.stat().st_size for p in fonts.iterdir()}
    assert not any(name.endswith((".woff2", ".ttf")) for name in written)
    assert sum(written.values()) < sum(original.values()) / 20


def test_search_scripts_leave_every_page_but_the_search_page():
    search = ["_static/searchtools.js", "_static/language_data.js", "searchindex.js"]
    head = "".join(f'<script src="../{name}"></script>\n' for name in [*search, "_static/doctools.js"])
    head += '<script defer src="../_static/scripts/fontawesome.js?digest=1"></script>'
    page = page_weight.lighten_page(head, is_search_page=False)
    assert not any(name in page for name in search) and "fontawesome" not in page and "doctools.js" in page
    assert all(name in page_weight.lighten_page(head, is_search_page=True) for name in search)


def doctree(source: str):
    return publish_doctree(source, settings_overrides={"report_level": 5})


@pytest.mark.parametrize(
    ("source", "kept", "dropped"),
    [
        ("Plain words.", [], ["pygments.css", "copybutton.js", "togglebutton.js", "sphinx-design.min.css"]),
        ("Code::\n\n    x = 1\n", ["pygments.css", "copybutton.js", "clipboard.min.js"], ["togglebutton.js"]),
        (".. note::\n   :class: dropdown\n\n   Hidden.\n", ["togglebutton.js", "togglebutton.css"], []),
        (".. container:: sd-card\n\n   A card.\n", ["sphinx-design.min.css", "design-tabs.js"], []),
    ],
)
def test_a_page_keeps_the_assets_of_the_features_it_uses(source, kept, dropped):
    names = ["pygments.css", "copybutton.js", "clipboard.min.js", "togglebutton.js", "togglebutton.css"]
    names += ["sphinx-design.min.css", "design-tabs.js", "sphinx-thebe.js", "icons.css"]
    context = {"css_files": [n for n in names if n.endswith(".css")], "script_files": []}
    context["script_files"] = [n for n in names if n.endswith(".js")]
    app = SimpleNamespace(config=SimpleNamespace(html_theme_options={"launch_buttons": {"thebe": False}}))
    page_weight.drop_unused_assets(app, "page", "page.html", context, doctree(source))
    present = context["css_files"] + context["script_files"]
    assert set(kept) <= set(present) and not set(dropped) & set(present)
    assert "icons.css" in present and "sphinx-thebe.js" not in present


def test_widget_state_is_forgotten_only_when_no_widget_script_reads_it():
    def env():
        files = {page_weight.WIDGET_STATE_KEY: (None, {}), "other": ("x.js", {})}
        return SimpleNamespace(nb_metadata={"exercise": {"js_files": files}})

    static_book, with_widgets = env(), env()
    page_weight.drop_widget_state(SimpleNamespace(config=SimpleNamespace(nb_ipywidgets_js={})), static_book)
    page_weight.drop_widget_state(
        SimpleNamespace(config=SimpleNamespace(nb_ipywidgets_js={"w.js": {}})), with_widgets
    )
    assert list(static_book.nb_metadata["exercise"]["js_files"]) == ["other"]
    assert len(with_widgets.nb_metadata["exercise"]["js_files"]) == 2


@pytest.mark.book
def test_built_pages_load_no_search_index_widget_state_or_full_icon_font(built_book):
    html, _ = built_book
    for path in html_pages(html):
        text = path.read_text(encoding="utf-8")
        assert ("searchindex.js" in text) == (path == html / page_weight.SEARCH_PAGE), path
        assert WIDGET_STATE not in text and "fontawesome.js" not in text, path
    css = (html / page_weight.THEME_STYLESHEET).read_text(encoding="utf-8")
    for url in re.findall(r"url\((\.\./[^)]+)\)", css):
        assert (html / page_weight.THEME_STYLESHEET).parent.joinpath(url).resolve().exists(), url


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # no line per request
        pass


@pytest.mark.browser
def test_search_finds_a_page_and_icons_draw(built_book, chromium_browser):
    html, _ = built_book
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(html))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    module = next(p for p in html_pages(html) if p.parent.name == "modules")
    try:
        page = chromium_browser.new_page()
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(f"{base}/{module.relative_to(html).as_posix()}", wait_until="networkidle")
        assert not [u for u in requested if "searchindex" in u or u.endswith((".woff2", ".ttf"))]
        assert [u for u in requested if u.endswith(".subset.woff")]  # drawn by the admonition titles
        assert page.evaluate(LOADED_ICON_FONT)
        title = page.locator("h1").first.inner_text()
        word = max(re.findall(r"[a-z]{6,}", title.lower()), key=len)

        page.keyboard.press("Control+k")  # the theme's search dialog, as a reader opens it
        page.locator("input[name=q]:visible").first.fill(word)
        page.keyboard.press("Enter")
        page.wait_for_url("**/search.html?q=*")
        results = page.locator("#search-results li a")
        results.first.wait_for()
        links = results.evaluate_all("links => links.map(a => a.href)")
        assert any(module.name in link for link in links), (word, links[:10])
        page.close()
    finally:
        server.shutdown()
