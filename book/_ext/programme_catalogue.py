"""Sphinx extension: the course's programme catalogue.

Two directives read ``<srcdir>/data/programme_catalogue.csv`` with the
standard library ``csv`` module:

``.. programme-catalogue::``
    The whole catalogue, one section per theme (in module order 9-14), each
    programme in its own section with the anchor ``programme-<id>``.

``.. programme-list:: <theme>``
    A bullet list of one theme's programmes, each linking (through a
    ``std:ref`` cross-reference, so it resolves from any page) to its entry
    in the catalogue, with countries and years.

The output is plain HTML (sections, field lists, bullet lists and links):
no JavaScript is needed. The CSV is registered as a dependency of every page
that uses a directive, so editing it rebuilds those pages.

Enable it in a Jupyter Book ``_config.yml`` with::

    sphinx:
      local_extensions:
        programme_catalogue: book/_ext
"""

from __future__ import annotations

import csv
import os

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

__version__ = "1.0.0"

logger = logging.getLogger(__name__)

CSV_RELPATH = os.path.join("data", "programme_catalogue.csv")

# Themes in course-module order (modules 9-14): key, heading, module page.
THEMES = [
    ("remittances", "Remittances and financial inclusion", "Module 9", "/modules/m09-remittances"),
    ("diaspora", "Diaspora engagement", "Module 10", "/modules/m10-diaspora"),
    ("labour", "Labour migration, employment and skills", "Module 11", "/modules/m11-labour-migration"),
    ("return", "Return, reintegration and displacement", "Module 12", "/modules/m12-return-displacement"),
    (
        "sectors",
        "Sectors: health, education, climate and local development",
        "Module 13",
        "/modules/m13-sectors",
    ),
    (
        "cross-cutting",
        "Cross-cutting: gender, children, trafficking and rights",
        "Module 14",
        "/modules/m14-cross-cutting",
    ),
]
THEME_KEYS = [t[0] for t in THEMES]

TYPE_LABELS = {
    "matching-fund": "Matching fund",
    "financial-product": "Financial product",
    "financial-education": "Financial education",
    "information-services": "Information services",
    "data-and-research": "Data and research",
    "skills-transfer": "Skills transfer",
    "skills-and-recognition": "Skills and recognition",
    "labour-mobility-scheme": "Labour mobility scheme",
    "policy-and-institutions": "Policy and institutions",
    "international-standard": "International standard",
    "dialogue-and-cooperation": "Dialogue and cooperation",
    "reintegration-support": "Reintegration support",
    "protection-services": "Protection services",
    "local-development": "Local development",
}

# ISO 3166-1 alpha-3 codes used in the catalogue, with short English names.
COUNTRY_NAMES = {
    "AFG": "Afghanistan",
    "ARE": "United Arab Emirates",
    "AUS": "Australia",
    "BDI": "Burundi",
    "BEL": "Belgium",
    "BFA": "Burkina Faso",
    "BGD": "Bangladesh",
    "BHR": "Bahrain",
    "BIH": "Bosnia and Herzegovina",
    "BLR": "Belarus",
    "BRA": "Brazil",
    "BRB": "Barbados",
    "BRN": "Brunei Darussalam",
    "CAN": "Canada",
    "CHE": "Switzerland",
    "CHN": "China",
    "CIV": "Côte d'Ivoire",
    "CMR": "Cameroon",
    "COD": "Democratic Republic of the Congo",
    "COL": "Colombia",
    "DEU": "Germany",
    "DJI": "Djibouti",
    "DZA": "Algeria",
    "ECU": "Ecuador",
    "EGY": "Egypt",
    "ESP": "Spain",
    "ETH": "Ethiopia",
    "FJI": "Fiji",
    "FRA": "France",
    "GBR": "United Kingdom",
    "GEO": "Georgia",
    "GHA": "Ghana",
    "GIN": "Guinea",
    "GMB": "Gambia",
    "GNB": "Guinea-Bissau",
    "IDN": "Indonesia",
    "IND": "India",
    "IRL": "Ireland",
    "IRQ": "Iraq",
    "ISR": "Israel",
    "ITA": "Italy",
    "JAM": "Jamaica",
    "KAZ": "Kazakhstan",
    "KEN": "Kenya",
    "KGZ": "Kyrgyz Republic",
    "KHM": "Cambodia",
    "KIR": "Kiribati",
    "KOR": "Republic of Korea",
    "KWT": "Kuwait",
    "LAO": "Lao People's Democratic Republic",
    "LBY": "Libya",
    "LKA": "Sri Lanka",
    "MAR": "Morocco",
    "MDA": "Republic of Moldova",
    "MDG": "Madagascar",
    "MEX": "Mexico",
    "MLI": "Mali",
    "MMR": "Myanmar",
    "MRT": "Mauritania",
    "MYS": "Malaysia",
    "NER": "Niger",
    "NGA": "Nigeria",
    "NLD": "Netherlands",
    "NOR": "Norway",
    "NPL": "Nepal",
    "NRU": "Nauru",
    "NZL": "New Zealand",
    "OMN": "Oman",
    "PAK": "Pakistan",
    "PHL": "Philippines",
    "PNG": "Papua New Guinea",
    "QAT": "Qatar",
    "RWA": "Rwanda",
    "SAU": "Saudi Arabia",
    "SDN": "Sudan",
    "SEN": "Senegal",
    "SGP": "Singapore",
    "SLB": "Solomon Islands",
    "SLE": "Sierra Leone",
    "SOM": "Somalia",
    "SRB": "Serbia",
    "SWE": "Sweden",
    "SWZ": "Eswatini",
    "TCD": "Chad",
    "THA": "Thailand",
    "TJK": "Tajikistan",
    "TLS": "Timor-Leste",
    "TON": "Tonga",
    "TTO": "Trinidad and Tobago",
    "TUN": "Tunisia",
    "TUR": "Türkiye",
    "TUV": "Tuvalu",
    "UGA": "Uganda",
    "UKR": "Ukraine",
    "USA": "United States",
    "UZB": "Uzbekistan",
    "VNM": "Viet Nam",
    "VUT": "Vanuatu",
    "WSM": "Samoa",
    "YEM": "Yemen",
    "ZAF": "South Africa",
    "ZMB": "Zambia",
}


def anchor(prog_id: str) -> str:
    """The label/anchor of one programme's entry."""
    return f"programme-{prog_id}"


def country_names(codes: str) -> str:
    """Turn 'GLOBAL;MEX;REGIONAL:Pacific' into readable names."""
    out = []
    for raw in codes.split(";"):
        code = raw.strip()
        if not code:
            continue
        if code == "GLOBAL":
            out.append("Global")
        elif code.startswith("REGIONAL:"):
            out.append(f"{code.split(':', 1)[1]} (regional)")
        else:
            out.append(COUNTRY_NAMES.get(code, code))
    return ", ".join(out) if out else "Not recorded"


def years(row: dict) -> str:
    start, end = row.get("start_year", "").strip(), row.get("end_year", "").strip()
    if start and end:
        return start if start == end else f"{start}–{end}"
    if start:
        return f"from {start} (end not recorded)"
    if end:
        return f"until {end} (start not recorded)"
    return "not recorded"


def short_url(url: str, limit: int = 70) -> str:
    """Link text for a source: the address without its scheme, shortened."""
    text = url.split("://", 1)[-1]
    if text.startswith("www."):
        text = text[4:]
    return text if len(text) <= limit else text[: limit - 1] + "…"


def split_list(value: str, sep: str = ";") -> list[str]:
    return [v.strip() for v in value.split(sep) if v.strip()]


def load_rows(env) -> list[dict]:
    """Read the catalogue CSV and note it as a dependency of the current page."""
    path = os.path.join(env.srcdir, CSV_RELPATH)
    env.note_dependency(path)
    if not os.path.exists(path):
        raise FileNotFoundError(path)
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def text_para(text: str) -> nodes.paragraph:
    return nodes.paragraph(text, text)


def field(name: str, body) -> nodes.field:
    fld = nodes.field()
    fld += nodes.field_name(name, name)
    fb = nodes.field_body()
    if isinstance(body, str):
        body = text_para(body)
    fb += body
    fld += fb
    return fld


def ref_to_programme(env, row: dict) -> addnodes.pending_xref:
    """A std:ref cross-reference to a programme's catalogue entry."""
    xref = addnodes.pending_xref(
        "",
        refdomain="std",
        reftype="ref",
        reftarget=anchor(row["id"]),
        refexplicit=True,
        refwarn=True,
        refdoc=env.docname,
    )
    xref += nodes.inline(row["name"], row["name"], classes=["xref", "std", "std-ref"])
    return xref


def doc_link(env, target: str, text: str) -> addnodes.pending_xref:
    xref = addnodes.pending_xref(
        "",
        refdomain="std",
        reftype="doc",
        reftarget=target,
        refexplicit=True,
        refwarn=True,
        refdoc=env.docname,
    )
    xref += nodes.inline(text, text, classes=["xref", "std", "std-doc"])
    return xref


class ProgrammeCatalogue(SphinxDirective):
    """``.. programme-catalogue::`` - the whole catalogue, grouped by theme."""

    has_content = False
    required_arguments = 0
    optional_arguments = 0

    def run(self):
        try:
            rows = load_rows(self.env)
        except FileNotFoundError as exc:
            return [
                self.state.document.reporter.warning(
                    f"programme-catalogue: data file not found: {exc}", line=self.lineno
                )
            ]

        out = []
        for key, heading, module, page in THEMES:
            theme_rows = [r for r in rows if r.get("theme") == key]
            sec = self._section(f"catalogue-theme-{key}", f"{heading} ({module})")
            intro = nodes.paragraph()
            intro += nodes.Text(f"{len(theme_rows)} entries. Course module: ")
            intro += doc_link(self.env, page, f"{module}: {heading}")
            intro += nodes.Text(".")
            sec += intro
            for row in theme_rows:
                sec += self._programme(row)
            out.append(sec)

        unknown = [r["id"] for r in rows if r.get("theme") not in THEME_KEYS]
        if unknown:
            logger.warning(
                "programme-catalogue: rows with an unknown theme: %s",
                ", ".join(unknown),
                location=(self.env.docname, self.lineno),
            )
        return out

    def _section(self, ident: str, title: str) -> nodes.section:
        sec = nodes.section(ids=[ident], names=[ident])
        sec += nodes.title(title, title)
        # An explicit target makes the section a std label, so ``{ref}`` works
        # from any page of the book.
        self.state.document.note_explicit_target(sec, sec)
        return sec

    def _programme(self, row: dict) -> nodes.section:
        sec = self._section(anchor(row["id"]), row["name"])
        sec["classes"].append("programme-entry")

        fl = nodes.field_list(classes=["programme-fields"])
        fl += field("Countries", country_names(row.get("countries", "")))
        fl += field("Lead body", row.get("lead_body", "") or "Not recorded")
        fl += field("Years", years(row))
        itype = row.get("intervention_type", "")
        fl += field("Type", TYPE_LABELS.get(itype, itype) or "Not recorded")
        gcm = split_list(row.get("gcm_objectives", ""))
        fl += field("GCM objectives", ", ".join(gcm) if gcm else "Not mapped")
        sdg = split_list(row.get("sdg_targets", ""))
        fl += field("SDG targets", ", ".join(sdg) if sdg else "Not mapped")
        fl += field("Summary", row.get("summary", ""))
        fl += field("Results known", row.get("results_known", "") or "Not documented in the sources read.")
        flags = row.get("flags", "").strip()
        if flags:
            fl += field("Notes and flags", flags)
        sec += fl

        # Sources go below the field list: long addresses would squeeze the
        # field-name column of the theme's grid layout.
        urls = split_list(row.get("sources", ""), sep=" ; ")
        head = nodes.paragraph(classes=["programme-sources-heading"])
        head += nodes.strong("Sources read:", "Sources read:")
        if not urls:
            head += nodes.Text(" none recorded.")
        sec += head
        if urls:
            blist = nodes.bullet_list(classes=["programme-sources"])
            for url in urls:
                item = nodes.list_item()
                para = nodes.paragraph()
                para += nodes.reference(url, short_url(url), refuri=url)
                item += para
                blist += item
            sec += blist
        return sec


class ProgrammeList(SphinxDirective):
    """``.. programme-list:: <theme>`` - one theme's programmes as a list."""

    has_content = False
    required_arguments = 1
    optional_arguments = 0
    final_argument_whitespace = False

    def run(self):
        theme = self.arguments[0].strip()
        if theme not in THEME_KEYS:
            return [
                self.state.document.reporter.warning(
                    f"programme-list: unknown theme {theme!r}; use one of: " + ", ".join(THEME_KEYS),
                    line=self.lineno,
                )
            ]
        try:
            rows = load_rows(self.env)
        except FileNotFoundError as exc:
            return [
                self.state.document.reporter.warning(
                    f"programme-list: data file not found: {exc}", line=self.lineno
                )
            ]

        blist = nodes.bullet_list(classes=["programme-list"])
        for row in (r for r in rows if r.get("theme") == theme):
            item = nodes.list_item()
            para = nodes.paragraph()
            para += ref_to_programme(self.env, row)
            para += nodes.Text(f" — {country_names(row.get('countries', ''))}; {years(row)}")
            item += para
            blist += item
        return [blist]


def setup(app):
    app.add_directive("programme-catalogue", ProgrammeCatalogue)
    app.add_directive("programme-list", ProgrammeList)
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
