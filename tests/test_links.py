"""Every internal link and anchor of the built site resolves (checked offline), and every external
link is listed in tests/external-links.txt, where a maintainer reviews it."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

import pytest
from conftest import ROOT

pytestmark = pytest.mark.book

EXTERNAL_LIST = ROOT / "tests" / "external-links.txt"


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("id", "name"):
            if attributes.get(name):
                self.ids.add(attributes[name])
        for name in ("href", "src"):
            if attributes.get(name) and not (tag == "link" and attributes.get("rel") == "canonical"):
                self.links.append(attributes[name])


def parse(path: Path) -> LinkParser:
    parser = LinkParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def site_links(html: Path):
    parsed = {path: parse(path) for path in html.rglob("*.html") if "_static" not in path.parts}
    return parsed


def is_external(link: str) -> bool:
    return urlparse(link).scheme in {"http", "https", "mailto", "ftp"} or link.startswith("//")


def test_internal_links_and_anchors_resolve(built_book):
    html, _ = built_book
    parsed = site_links(html)
    broken = []
    for page, parser in parsed.items():
        for link in parser.links:
            if is_external(link) or link.startswith(("data:", "javascript:")):
                continue
            address, fragment = urldefrag(link)
            target = page if not address else (page.parent / unquote(urlparse(address).path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(html)} -> {link}")
                continue
            if fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if unquote(fragment) not in ids:
                    broken.append(f"{page.relative_to(html)} -> {link} (no anchor)")
    assert broken == []


def normalise(link: str) -> str:
    """The theme's per-page "open an issue" links differ only by their query: list them once."""
    return link.split("?", 1)[0] if urlparse(link).path.endswith("/issues/new") else link


def external_links(html: Path) -> set[str]:
    found = set()
    for parser in site_links(html).values():
        found.update(normalise(link) for link in parser.links if is_external(link))
    return found


def listed_links() -> set[str]:
    lines = EXTERNAL_LIST.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def test_every_external_link_is_listed_for_review(built_book):
    html, _ = built_book
    found = external_links(html)
    unlisted = sorted(found - listed_links())
    stale = sorted(listed_links() - found)
    assert not unlisted and not stale, (
        "tests/external-links.txt is out of date; review the links and rewrite it with "
        "`make external-links`.\nNew: " + "\n".join(unlisted) + "\nGone: " + "\n".join(stale)
    )


def write_list(html: Path) -> None:
    header = (
        "# Every external link of the built book, one per line, for review by a maintainer.\n"
        "# Regenerate with `make external-links` after checking each new link by hand.\n"
    )
    EXTERNAL_LIST.write_text(header + "\n".join(sorted(external_links(html))) + "\n", encoding="utf-8")


if __name__ == "__main__":
    import sys

    write_list(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "_build" / "html"))
