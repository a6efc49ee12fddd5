"""Lighter pages for readers on metered connections (a local extension of the book).

What a first visit downloads, and what this extension removes from it (``make bench`` measures the
result; ``python benchmarks/run.py --only pages --html _build/html`` measures only this):

- The search index (``searchindex.js``, several hundred kB) and the search scripts, which the theme
  puts on every page for a search-as-you-type box that the course does not use. The search box
  sends the reader to ``search.html``, the one page that loads the index: it loads only when a
  reader searches.
- The theme's 1.5 MB Font Awesome script: the icons come from book/_static/icons.css instead
  (tools/make_icons.py), so the theme's icon-font class rules are dead and are cut from its
  stylesheet too.
- The icon fonts: the theme draws a few glyphs (admonition titles, breadcrumbs, "on this page")
  from Font Awesome's fonts. Each font is cut down to the glyphs that the site's stylesheets use
  (a few kB instead of 150 kB), and the full fonts are deleted.
- The saved state of the notebooks' widgets, written into exercise pages (up to 350 kB each): the
  book never loads widget JavaScript (``nb_ipywidgets_js: {}`` in _config.yml), so nothing reads it.
- Stylesheets and scripts of features that a page does not use (``PAGE_ASSETS``): sphinx-design,
  toggle buttons, code highlighting and copy buttons, notebook cells; and sphinx-thebe's files on
  every page when live code is switched off (``launch_buttons.thebe: false``). The test is made
  on the page's document tree, so a page gets these features through their directives (a dropdown
  admonition, a code block, a sphinx-design directive), not through raw HTML.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes


def _has_class(doctree, test) -> bool:
    return any(test(c) for node in doctree.findall(nodes.Element) for c in node.get("classes", []))


def _has_code(doctree) -> bool:
    return next(doctree.findall(nodes.literal_block), None) is not None


def _has_cells(doctree) -> bool:  # notebook cells and outputs, glued values
    return _has_code(doctree) or _has_class(doctree, lambda c: c.startswith(("cell", "pasted-")))


# (assets, the test a page's doctree must pass to keep them); names match as file-name prefixes.
PAGE_ASSETS = [
    (("sphinx-design", "design-tabs"), lambda doctree: _has_class(doctree, lambda c: c.startswith("sd-"))),
    (("togglebutton",), lambda doctree: _has_class(doctree, lambda c: c in {"toggle", "dropdown"})),
    (("pygments", "copybutton", "clipboard"), _has_code),
    (("mystnb",), _has_cells),
]
THEBE_ASSETS = ("sphinx-thebe",)
THEBE_SETTING = "THEBE_JS_URL"  # in the inline script that sphinx-thebe adds
WIDGET_STATE_KEY = "ipywidgets_state"  # myst-nb's key for the widget state it writes into a page
SEARCH_PAGE = "search.html"

FONTAWESOME_SCRIPT = re.compile(
    r'<script[^>]*src="[^"]*_static/scripts/fontawesome\.js[^"]*"[^>]*></script>\s*'
)
SEARCH_SCRIPTS = re.compile(
    r'<script src="[^"]*(?:_static/searchtools\.js|_static/language_data\.js|searchindex\.js)"></script>\s*'
)
THEME_STYLESHEET = Path("_static") / "styles" / "pydata-sphinx-theme.css"
# `.fa-house:before,.fa-home:before{content:"\f015"}`: Font Awesome's class rules, one per icon.
ICON_CLASS_RULE = re.compile(r'(?:\.fa-[\w-]+:(?:before|after),?)+\{content:"[^"]*"\}')
# `src:url(../vendor/.../fa-solid-900.woff2) format("woff2"),url(../vendor/.../fa-solid-900.ttf) format(...)`
FONT_SOURCE = re.compile(
    r'src:url\(([^)]*/)([\w-]+)\.woff2\) format\("woff2"\),url\(\1\2\.ttf\) format\("truetype"\)'
)
PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]|\\(f[0-9a-fA-F]{3})\b")


def _name(asset) -> str:
    return Path(str(getattr(asset, "filename", None) or asset)).name


def drop_unused_assets(app, pagename, templatename, context, doctree) -> None:
    """Remove from this page the stylesheets and scripts of features it does not use."""
    thebe = bool(app.config.html_theme_options.get("launch_buttons", {}).get("thebe"))
    unused = () if thebe else THEBE_ASSETS
    for prefixes, needed in PAGE_ASSETS:
        if doctree is None or not needed(doctree):
            unused += prefixes
    for key in ("css_files", "script_files"):
        kept = [asset for asset in context.get(key, []) if not _name(asset).startswith(unused)]
        if not thebe:  # and its inline settings
            kept = [a for a in kept if THEBE_SETTING not in (getattr(a, "attributes", {}).get("body") or "")]
        context[key][:] = kept


def drop_widget_state(app, env) -> None:
    """Forget the widget state myst-nb would write into pages, when no widget script reads it."""
    if app.config.nb_ipywidgets_js:
        return
    for data in getattr(env, "nb_metadata", {}).values():
        data.get("js_files", {}).pop(WIDGET_STATE_KEY, None)


def lighten_page(text: str, is_search_page: bool) -> str:
    text = FONTAWESOME_SCRIPT.sub("", text)
    return text if is_search_page else SEARCH_SCRIPTS.sub("", text)


def glyphs_used(stylesheets: list[str]) -> set[int]:
    """The icon-font code points (Unicode private use area) that the stylesheets draw."""
    found = set()
    for text in stylesheets:
        for literal, escaped in ((m.group(0), m.group(1)) for m in PRIVATE_USE.finditer(text)):
            found.add(int(escaped, 16) if escaped else ord(literal))
    return found


def subset_font(source: Path, target: Path, code_points: set[int]) -> None:
    """Write ``target`` (WOFF): ``source`` with only the glyphs of ``code_points``."""
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = []
    options.name_IDs = []
    options.notdef_outline = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(code_points))
    subsetter.subset(font)
    subset.save_font(font, str(target), options)


def lighten_theme_stylesheet(static: Path, theme_css: Path) -> None:
    """Cut the dead icon-class rules from the theme's stylesheet and its fonts to the glyphs used."""
    text = ICON_CLASS_RULE.sub("", theme_css.read_text(encoding="utf-8"))
    others = [p.read_text(encoding="utf-8") for p in static.rglob("*.css") if p != theme_css]
    code_points = glyphs_used([text, *others])

    def use_subset(match: re.Match) -> str:
        folder, name = match.group(1), match.group(2)
        fonts = (theme_css.parent / folder).resolve()
        subset_font(fonts / f"{name}.ttf", fonts / f"{name}.subset.woff", code_points)
        for suffix in (".woff2", ".ttf"):
            (fonts / f"{name}{suffix}").unlink()
        return f'src:url({folder}{name}.subset.woff) format("woff")'

    theme_css.write_text(FONT_SOURCE.sub(use_subset, text), encoding="utf-8")


def finish(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    (outdir / "_static" / "scripts" / "fontawesome.js").unlink(missing_ok=True)
    if (outdir / THEME_STYLESHEET).exists():
        lighten_theme_stylesheet(outdir / "_static", outdir / THEME_STYLESHEET)
    for page in (p for p in outdir.rglob("*.html") if "_static" not in p.relative_to(outdir).parts):
        text = page.read_text(encoding="utf-8")
        lighter = lighten_page(text, page == outdir / SEARCH_PAGE)
        if lighter != text:
            page.write_text(lighter, encoding="utf-8")


def setup(app):
    app.connect("env-updated", drop_widget_state)
    app.connect("html-page-context", drop_unused_assets, priority=900)  # after others add theirs
    app.connect("build-finished", finish)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
