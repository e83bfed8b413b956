"""The 용어집 page: every glossary term with its definition and links to where it is taught.

Where a term is taught is read from the built pages, so the links follow the
headings as they are today: first the sections whose heading names the term;
else the sections that introduce it with another spelling in brackets
(지도학습(supervised learning)); else the first sections that mention it.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable
from dataclasses import dataclass

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
_PERMALINK = re.compile(r"<a[^>]*class=\"headerlink\"[^>]*>.*?</a>", re.DOTALL)


@dataclass(frozen=True)
class Section:
    url: str  # site URL of the section: page URL + "#" + heading id
    page_title: str
    title: str
    text: str  # plain text of the section, up to the next heading

    @functools.cached_property
    def keys(self) -> tuple[str, str]:
        """Title and text as spellings are compared (form_key): a quick test before the regexes."""
        return form_key(self.title), form_key(self.text)


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


def where_taught(term: Term, sections: list[Section]) -> list[Section]:
    # Only sections whose text holds a spelling (spaces aside) go through the
    # regexes: a plain substring test per section instead of a regex search
    # per term and section, which cost seconds at a hundred pages.
    keys = [form_key(form) for form in term.forms]
    in_title = [section for section in sections if any(key in section.keys[0] for key in keys)]
    in_text = [section for section in sections if any(key in section.keys[1] for key in keys)]
    pattern = form_pattern(term.forms)
    titled = [section for section in in_title if pattern.search(section.title)]
    if titled:
        return titled[:MAX_LINKS]
    introduced = re.compile(rf"(?:{pattern.pattern})\s*\(", re.IGNORECASE)
    defined = [section for section in in_text if introduced.search(section.text)]
    if defined:
        return defined[:MAX_LINKS]
    return [section for section in in_text if pattern.search(section.text)][:MAX_LINKS]


def glossary_html(glossary: Glossary, sections: list[Section], relative: Callable[[str], str]) -> str:
    """The term list as a definition list; ``relative(url)`` makes a link from the glossary page."""
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
        taught = where_taught(term, sections)
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
