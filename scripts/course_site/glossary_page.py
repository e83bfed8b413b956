"""The 용어집 page: every glossary term with its definition and links to where it is taught.

Where a term is taught is read from the built pages, so the links follow the
headings as they are today: first the sections whose heading names the term;
else the sections that introduce it with another spelling in brackets
(지도학습(supervised learning)); else the first sections that mention it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from course_site.glossary import Glossary, Term, form_key, form_pattern

PAGE_URI = "glossary.md"
DATA_FILE = "glossary.yml"  # in docs/: edited beside the pages, watched by mkdocs serve
# Replaced by the term list once every page is rendered (hook_search.on_page_context).
PLACEHOLDER = "<!-- course-glossary -->"
MARKDOWN = f"""\
---
search:
  boost: 0.2
---

# 용어집

세미나에서 가르치는 용어를 가나다순으로 모았습니다. 용어마다 뜻과, 그 용어를 가르치는
세미나의 절로 가는 링크가 있습니다. 사이트 검색은 여기 있는 다른 표기로도 찾습니다
(예: "트랜스포머"로 찾아도 Transformer 절이 나옵니다).

{PLACEHOLDER}
"""
MAX_LINKS = 3

_HEADING = re.compile(r"<h([1-6])[^>]*\bid=\"([^\"]+)\"[^>]*>(.*?)</h\1>", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_GLOSS = re.compile(r"\s*\(")  # another spelling in brackets right after the term
_PERMALINK = re.compile(r"<a[^>]*class=\"headerlink\"[^>]*>.*?</a>", re.DOTALL)


@dataclass(frozen=True)
class Section:
    url: str  # site URL of the section: page URL + "#" + heading id
    page_title: str
    title: str
    text: str  # plain text of the section, up to the next heading


def page_sections(page_url: str, page_title: str, content: str) -> list[Section]:
    """The sections of one rendered page (its HTML ``content``), one per heading with an id."""
    headings = list(_HEADING.finditer(content))
    sections = []
    for heading, following in zip(headings, [*headings[1:], None]):
        body = content[heading.end() : following.start() if following else len(content)]
        sections.append(
            Section(
                url=f"{page_url}#{heading.group(2)}",
                page_title=page_title,
                title=_plain(_PERMALINK.sub("", heading.group(3))),
                text=_plain(body),
            )
        )
    return sections


class SpellingIndex:
    """Which sections hold which spelling (compared by form_key), found in one pass over the sections.

    Only those sections then go through a term's regex: a substring test per
    spelling and section instead of a regex search per term and section,
    which cost seconds at a hundred pages.
    """

    def __init__(self, glossary: Glossary, sections: list[Section]):
        keys = {form_key(form) for term in glossary.terms for form in term.forms}
        self.sections = sections
        self.in_title: dict[str, list[int]] = {key: [] for key in keys}
        self.in_text: dict[str, list[int]] = {key: [] for key in keys}
        for position, section in enumerate(sections):
            title, text = form_key(section.title), form_key(section.text)
            for key in keys:
                if key in text:
                    self.in_text[key].append(position)
                if key in title:
                    self.in_title[key].append(position)

    def holds(self, term: Term) -> bool:
        """Whether any section holds some spelling of ``term`` (in its title or text)."""
        keys = [form_key(form) for form in term.forms]
        return any(self.in_title.get(key) or self.in_text.get(key) for key in keys)

    def holding(self, term: Term, where: str) -> list[Section]:
        found = getattr(self, where)
        positions = sorted({position for form in term.forms for position in found.get(form_key(form), [])})
        return [self.sections[position] for position in positions]


class Taught(NamedTuple):
    """Where some sections teach one term, by how they name it: at most MAX_LINKS of each, in order."""

    titled: list[Section]  # the heading names the term
    introduced: list[Section]  # another spelling in brackets right after it: 지도학습(supervised learning)
    mentioned: list[Section]  # the text names it


def taught_in(term: Term, sections: list[Section], index: SpellingIndex | None = None) -> Taught:
    index = index or SpellingIndex(Glossary([term]), sections)
    pattern = form_pattern(term.forms)
    titled = [section for section in index.holding(term, "in_title") if pattern.search(section.title)]
    introduced, mentioned = [], []
    for section in index.holding(term, "in_text"):
        for match in pattern.finditer(section.text):
            if not mentioned or mentioned[-1] is not section:
                mentioned.append(section)
            if _GLOSS.match(section.text, match.end()):  # 지도학습(supervised learning)
                introduced.append(section)
                break
        if len(introduced) >= MAX_LINKS:
            break
    return Taught(titled[:MAX_LINKS], introduced[:MAX_LINKS], mentioned[:MAX_LINKS])


def where_taught(term: Term, sections: list[Section], index: SpellingIndex | None = None) -> list[Section]:
    """The sections to link: those titled with the term, else those introducing it, else those mentioning it."""
    return _chosen([taught_in(term, sections, index)])


def _chosen(found: list[Taught]) -> list[Section]:
    # Parts of the site in order (pages): the first MAX_LINKS of each kind over all of them.
    for kind in Taught._fields:
        sections = [section for taught in found for section in getattr(taught, kind)]
        if sections:
            return sections[:MAX_LINKS]
    return []


def page_taught(glossary: Glossary, sections: list[Section]) -> dict[str, Taught]:
    """Where one page's ``sections`` teach each term (by Term.term); terms it does not name are left out.

    What glossary_html needs from a page, so that it can be kept per page
    while the page is unchanged (hook_search): a page's findings do not depend
    on any other page.
    """
    index = SpellingIndex(glossary, sections)
    found = {term.term: taught_in(term, sections, index) for term in glossary.terms if index.holds(term)}
    return {name: taught for name, taught in found.items() if any(taught)}


def glossary_html(glossary: Glossary, sections: list[Section], relative: Callable[[str], str]) -> str:
    """The term list as a definition list; ``relative(url)`` makes a link from the glossary page."""
    return glossary_html_of_pages(glossary, [page_taught(glossary, sections)], relative)


def glossary_html_of_pages(
    glossary: Glossary, pages: list[dict[str, Taught]], relative: Callable[[str], str]
) -> str:
    """The term list from each page's page_taught, pages in site order."""
    if not glossary.terms:
        return f"<p>아직 용어가 없습니다. 용어는 docs/{DATA_FILE} 에 더합니다.</p>"
    lines = ['<dl class="course-glossary">']
    for term in sorted(glossary.terms, key=lambda term: term.term.lower()):
        lines.append(
            f'<dt id="{html.escape(_anchor(term.term))}">{html.escape(term.term)} '
            f'<span lang="en">{html.escape(term.english)}</span></dt>'
        )
        lines.append(f"<dd><p>{html.escape(term.definition)}</p>")
        details = []
        if term.spellings:
            details.append("다른 표기: " + ", ".join(html.escape(form) for form in term.spellings))
        taught = _chosen([page[term.term] for page in pages if term.term in page])
        if taught:
            links = [
                f'<a href="{html.escape(relative(section.url))}">{_label(section)}</a>' for section in taught
            ]
            details.append("배우는 곳: " + " · ".join(links))
        if details:
            lines.append("<p>" + "<br>".join(details) + "</p>")
        lines.append("</dd>")
    lines.append("</dl>")
    return "\n".join(lines)


def _label(section: Section) -> str:
    if section.title == section.page_title:  # the page's own heading
        return html.escape(section.page_title)
    return f"{html.escape(section.page_title)} › {html.escape(section.title)}"


def _anchor(term: str) -> str:
    return "용어-" + re.sub(r"[^\w가-힣]+", "-", term.lower()).strip("-")


def _plain(markup: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", markup)).split())
