"""What the course's structure turns into: the navigation, term pages and schedule tables.

``mkdocs.yml``'s ``nav:`` lists only the pages that are not seminars (home,
tags, a glossary ...). The terms, newest first, each with its page, its
seminars by number and, after each seminar, the notebooks it links to, are
inserted right after the first entry (the home page): the current term (and
a newer one made early) as a section of its own, the earlier ones inside one
section, "지난 학기".
"""

from __future__ import annotations

import posixpath
import re

from course_site.errors import CourseBuildError
from course_site.seminars import Course, Seminar, term_of_path
from course_site.terms import Term

EARLIER_TERMS = "지난 학기"  # the nav section holding every term before the current one
SCHEDULE_MARK = re.compile(r"<!--\s*seminar-schedule(?:\s+term=(\S+))?\s*-->")


def course_nav(configured: list, course: Course, notebooks_of: dict[str, list[str]]) -> list:
    """The full nav: the configured entries with the terms inserted after the first.

    ``notebooks_of`` maps a seminar's src_uri to the notebook pages it links
    to (each notebook listed under the first seminar that links to it).
    """
    for entry in flatten(configured):
        if term_of_path(entry) is not None:
            raise CourseBuildError(
                f"mkdocs.yml: nav 에 학기 폴더의 페이지 '{entry}' 가 있습니다. 학기와 세미나는 폴더에서 "
                "자동으로 목차에 들어가므로 nav 에서 이 줄을 지우세요."
            )
    placed: set[str] = set()
    terms = []
    for term in course.terms:
        items: list = [f"{term.folder}/index.md"]
        for seminar in course.in_term(term):
            items.append(seminar.src_uri)
            for notebook in notebooks_of.get(seminar.src_uri, []):
                if notebook not in placed:
                    placed.add(notebook)
                    items.append(notebook)
        terms.append((term, {term.title: items}))
    # Material writes the whole nav into every page, so a flat list of every
    # term's seminars costs pages x pages. With navigation.prune a section
    # nested one level down is written as one link unless the reader is in
    # it: earlier terms go one level down, under "지난 학기", and the nav of a
    # page grows with the number of terms, not of pages. The current term
    # stays a top-level section, so its seminars are listed on every page.
    current = course.current_term
    shown = [entry for term, entry in terms if term >= current]
    earlier = [entry for term, entry in terms if term < current]
    grouped = [*shown, {EARLIER_TERMS: earlier}] if earlier else shown
    return [*configured[:1], *grouped, *configured[1:]]


def flatten(nav) -> list[str]:
    pages = []
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        pages.extend(flatten(value) if isinstance(value, list) else [value])
    return pages


def term_index_page(term: Term) -> str:
    """The Markdown of a term page nobody wrote: its title and its schedule."""
    return f"---\ntitle: {term.title}\n---\n\n# {term.title}\n\n<!-- seminar-schedule -->\n"


def expand_schedules(markdown: str, page_uri: str, course: Course, page_display: str) -> str:
    """Replace each ``<!-- seminar-schedule -->`` mark of a page.

    On a term's page the mark lists that term; anywhere else it lists the
    current term and links to the earlier ones. ``term=2022-2`` picks a term.
    """

    def replace(match: re.Match) -> str:
        key = match.group(1)
        if key:
            term = next((t for t in course.terms if t.key == key), None)
            if term is None:
                raise CourseBuildError(
                    f"{page_display}: seminar-schedule 의 term='{key}' 인 학기 폴더가 없습니다. "
                    f"있는 학기: {', '.join(t.key for t in course.terms) or '(없음)'}"
                )
            return schedule_table(course.in_term(term), page_uri)
        term = term_of_path(page_uri) if posixpath.basename(page_uri) == "index.md" else None
        if term is not None:
            return schedule_table(course.in_term(term), page_uri)
        return home_schedule(course, page_uri)

    return SCHEDULE_MARK.sub(replace, markdown)


def home_schedule(course: Course, page_uri: str) -> str:
    current = course.current_term
    if current is None:
        return "_아직 등록된 세미나가 없습니다._"
    page_dir = posixpath.dirname(page_uri) or "."
    # Fixed ids: a link to "this term" pasted in chat must survive the next term.
    parts = [f"### {current.title} {{#이번-학기}}", "", schedule_table(course.in_term(current), page_uri)]
    earlier = [term for term in course.terms if term < current]
    if earlier:
        parts += ["", f"### {EARLIER_TERMS} {{#지난-학기}}", ""]
        for term in earlier:
            link = posixpath.relpath(f"{term.folder}/index.md", page_dir)
            parts.append(f"- [{term.title}]({link}) · 세미나 {len(course.in_term(term))}개")
    return "\n".join(parts)


def schedule_table(seminars: list[Seminar], page_uri: str) -> str:
    """Markdown table of seminars (by number), with links relative to the page."""
    if not seminars:
        return "_아직 등록된 세미나가 없습니다._"
    page_dir = posixpath.dirname(page_uri) or "."
    lines = ["| 회차 | 날짜 | 제목 | 발표자 | 태그 |", "|---:|---|---|---|---|"]
    for seminar in seminars:
        link = posixpath.relpath(seminar.src_uri, page_dir)
        # "04 데이터로 뭐를 할까?" -> "데이터로 뭐를 할까?": the 회차 column already says 04
        title = re.sub(rf"^0*{seminar.number}\s+", "", seminar.title).replace("|", "\\|")
        lines.append(
            f"| {seminar.number:02d} | {seminar.date.isoformat()} | [{title}]({link}) | "
            f"{', '.join(seminar.presenters)} | {', '.join(seminar.tags)} |"
        )
    return "\n".join(lines)
