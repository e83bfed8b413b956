"""The course as it is on disk: terms, seminar pages, their front matter and the rules across pages.

A seminar is a Markdown page directly inside a term folder (``docs/2022-2/04-x.md``;
see ``course_site.terms``); ``index.md`` there is the term's own page. Nothing
about seminars or terms is listed in ``mkdocs.yml``: the navigation, the term
pages, the schedule tables, the tags and the feed all follow from the pages.
``mkdocs.yml`` only lists the allowed tags::

    extra:
      course:
        tags: [seminar, 실습]

The front matter of a seminar (the one schema, ``FIELDS`` below)::

    title: "04 데이터로 뭐를 할까?"   # required
    number: 4                         # required, the 회차 within its term
    date: 2022-11-03                  # required, YYYY-MM-DD
    presenters: [keonju]              # required, a list of names
    tags: [seminar]                   # optional, each from the configured list
    summary: ...                      # optional, one line
    slides: https://...               # optional link
    recording: https://...            # optional link
    term: 2022-2                      # optional; the folder already says it, must match
"""

from __future__ import annotations

import datetime as dt
import difflib
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from course_site.errors import CourseBuildError
from course_site.page_source import PageSource, read_page
from course_site.terms import KEY_HELP, LOOKS_LIKE_TERM, Term, parse_term, term_for_date

FIELDS = {
    "title": "세미나 제목 (문자열, 필수)",
    "number": "학기 안의 회차 (1 이상의 정수, 필수)",
    "date": "세미나 날짜 (YYYY-MM-DD, 필수)",
    "presenters": "발표자 목록 (필수). 예: presenters: [홍길동, 김철수]",
    "tags": "태그 목록 (mkdocs.yml extra.course.tags 중에서, 선택)",
    "summary": "한 줄 요약 (선택)",
    "slides": "발표 자료 링크 (http(s) 주소, 선택)",
    "recording": "녹화 영상 링크 (http(s) 주소, 선택)",
    "term": "학기 (선택; 폴더 이름과 같아야 함. 예: 2022-2)",
}
REQUIRED = ("title", "number", "date", "presenters")
# Keys any page may have: MkDocs' and Material's, and the old addresses a
# page keeps alive (course_site.published_links).
THEME_FIELDS = {"description", "hide", "icon", "search", "status", "template", "subtitle", "redirect_from", "anchor_aliases"}
# Fields only a seminar has: a page with one of them outside a term folder is a misplaced seminar.
SEMINAR_ONLY = ("number", "presenters")
FIX_HINT = "필드 설명: README 의 '세미나 추가하기', scripts/course_site/seminars.py 맨 위."


@dataclass(frozen=True)
class Seminar:
    src_uri: str  # e.g. "2022-2/04-what-to-do-with-data.md"
    title: str
    number: int
    date: dt.date
    presenters: tuple[str, ...]
    term: Term
    tags: tuple[str, ...]
    summary: str = ""
    slides: str = ""
    recording: str = ""


@dataclass(frozen=True)
class CourseConfig:
    tags: tuple[str, ...]

    @classmethod
    def from_extra(cls, extra: dict) -> CourseConfig:
        course = (extra or {}).get("course")
        if not isinstance(course, dict) or not isinstance(course.get("tags"), list):
            raise CourseBuildError(
                "mkdocs.yml: extra.course.tags (세미나에 쓸 수 있는 태그 목록)가 없습니다. "
                "extra: 아래에 다음처럼 쓰세요:\n  extra:\n    course:\n      tags: [seminar, 실습]"
            )
        if "terms" in course:
            raise CourseBuildError(
                "mkdocs.yml: extra.course.terms 는 더 이상 쓰지 않습니다. 학기는 docs/ 의 폴더 이름"
                "(예: docs/2023-1/)에서 정해집니다. 이 줄을 지우세요."
            )
        return cls(tags=tuple(str(tag) for tag in course["tags"]))


@dataclass(frozen=True)
class Course:
    terms: tuple[Term, ...]  # newest first
    seminars: tuple[Seminar, ...]  # by term (newest first), then number

    def in_term(self, term: Term) -> list[Seminar]:
        return [seminar for seminar in self.seminars if seminar.term == term]

    @property
    def current_term(self) -> Term | None:
        """The newest term that has a seminar (a folder made early for the next term does not count)."""
        return next((term for term in self.terms if self.in_term(term)), self.terms[0] if self.terms else None)

    def by_page(self) -> dict[str, Seminar]:
        return {seminar.src_uri: seminar for seminar in self.seminars}


def term_of_path(src_uri: str) -> Term | None:
    """The term whose folder holds ``src_uri`` directly, if any."""
    folder = posixpath.dirname(src_uri)
    return parse_term(folder) if folder and "/" not in folder else None


def is_seminar_page(src_uri: str) -> bool:
    return (
        src_uri.endswith(".md") and posixpath.basename(src_uri) != "index.md" and term_of_path(src_uri) is not None
    )


def load_course(docs_dir: Path, src_uris: list[str], config: CourseConfig) -> tuple[Course, dict[str, PageSource]]:
    """Read every page once, validate every seminar and the rules across them.

    Raises one CourseBuildError listing every problem of every page. Returns
    the course and each page's parsed source (for the other hooks).
    """
    problems: list[str] = []
    pages: dict[str, PageSource] = {}
    for src_uri in sorted(uri for uri in src_uris if uri.endswith(".md")):
        try:
            pages[src_uri] = read_page(docs_dir / src_uri, f"docs/{src_uri}")
        except CourseBuildError as error:
            problems.append(str(error))

    terms = {term_of_path(uri) for uri in pages} - {None}
    seminars = []
    for src_uri, page in pages.items():
        if is_seminar_page(src_uri):
            seminar, errors = validate(page, src_uri, config)
            problems.extend(errors)
            if seminar:
                seminars.append(seminar)
        else:
            problems.extend(misplaced_seminar(page, src_uri))
    problems.extend(rules_across_pages(seminars))
    if problems:
        raise CourseBuildError("세미나 페이지에 문제가 있습니다:\n  " + "\n  ".join(problems) + "\n  " + FIX_HINT)
    seminars.sort(key=lambda s: (-s.term.year, -s.term.rank, s.number, s.date))
    return Course(tuple(sorted(terms, reverse=True)), tuple(seminars)), pages


def validate(page: PageSource, src_uri: str, config: CourseConfig) -> tuple[Seminar | None, list[str]]:
    """One seminar page's front matter -> (Seminar, []) or (None, ["file:line: what to fix", ...])."""
    meta = page.meta
    errors: list[str] = []

    def problem(key: str | None, text: str) -> None:
        errors.append(f"{page.display}:{page.line_of(key) if key else 1}: {text}")

    if not meta:
        problem(None, "front matter(맨 위 --- 사이의 YAML)가 없습니다. 필수 필드: " + ", ".join(REQUIRED) + ".")
        return None, errors
    for key in meta:
        if key not in FIELDS and key not in THEME_FIELDS:
            hint = close_match(str(key), tuple(FIELDS))
            problem(key, f"알 수 없는 필드 '{key}'" + (f" ('{hint}' 의 오타인가요?)" if hint else "")
                    + f". 쓸 수 있는 필드: {', '.join(FIELDS)}.")
    for key in REQUIRED:
        if meta.get(key) in (None, "", []):
            problem(None, f"필수 필드 '{key}' 가 없습니다: {FIELDS[key]}.")

    title = meta.get("title")
    if title is not None and not isinstance(title, str | int | float):
        problem("title", "'title': 한 줄 문자열이어야 합니다. 예: title: \"05 신경망 첫걸음\"")
    title = str(title or "").strip()

    number = meta.get("number")
    if number is not None and (isinstance(number, bool) or not isinstance(number, int) or number < 1):
        problem("number", f"'number': {number!r} 은(는) 1 이상의 정수가 아닙니다. 예: number: 4")
        number = None

    date = parse_date(meta.get("date"))
    if meta.get("date") is not None and date is None:
        problem("date", f"'date': '{meta.get('date')}' 은(는) 있는 날짜가 아닙니다. YYYY-MM-DD 로 쓰세요. 예: date: 2022-11-03")

    presenters = meta.get("presenters")
    if isinstance(presenters, str):
        if re.search(r"[,、/&]| 및 | and ", presenters):
            names = ", ".join(n.strip() for n in re.split(r"[,、/&]| 및 | and ", presenters) if n.strip())
            problem("presenters", f"'presenters': \"{presenters}\" 는 이름 여러 개를 한 문자열로 쓴 것 같습니다. "
                    f"목록으로 나눠 쓰세요: presenters: [{names}]")
            presenters = None
        else:
            problem("presenters", f"'presenters': 목록으로 쓰세요: presenters: [{presenters}]")
            presenters = None
    elif presenters is not None and not (
        isinstance(presenters, list) and presenters and all(isinstance(p, str) and p.strip() for p in presenters)
    ):
        problem("presenters", "'presenters': 이름 목록이어야 합니다. 예: presenters: [홍길동, 김철수]")
        presenters = None

    folder_term = term_of_path(src_uri)
    term_key = meta.get("term")
    if term_key is not None and str(term_key) != folder_term.key:
        problem("term", f"'term': '{term_key}' 인데 파일은 {folder_term.title} 폴더(docs/{folder_term.folder}/)에 "
                f"있습니다. 폴더가 학기를 정하므로 'term' 줄을 지우거나, 파일을 docs/{term_key}/ 로 옮기세요.")

    tags = meta.get("tags") or []
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",") if t.strip()]
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        problem("tags", "'tags': 태그 목록이어야 합니다. 예: tags: [seminar]")
        tags = []
    for tag in tags:
        if tag not in config.tags:
            hint = close_match(tag, config.tags)
            problem("tags", f"'tags': '{tag}' 은(는) 설정된 태그가 아닙니다"
                    + (f" ('{hint}' 의 오타인가요?)" if hint else "")
                    + f". 가능한 값: {', '.join(config.tags)} (새 태그는 mkdocs.yml 의 extra.course.tags 에 추가하세요).")

    links = {}
    for key in ("slides", "recording"):
        value = meta.get(key)
        if value is not None and not (isinstance(value, str) and re.match(r"https?://\S+$", value)):
            problem(key, f"'{key}': {value!r} 은(는) http(s) 주소가 아닙니다.")
        links[key] = value if isinstance(value, str) else ""

    summary = meta.get("summary")
    if summary is not None and not isinstance(summary, str):
        problem("summary", "'summary': 한 줄 문자열이어야 합니다.")

    if errors:
        return None, errors
    return (
        Seminar(
            src_uri=src_uri,
            title=title,
            number=number,
            date=date,
            presenters=tuple(p.strip() for p in presenters),
            term=folder_term,
            tags=tuple(tags),
            summary=(summary or "").strip(),
            **links,
        ),
        [],
    )


def parse_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def misplaced_seminar(page: PageSource, src_uri: str) -> list[str]:
    """A page that looks like a seminar (or a term folder) but is not where seminars live."""
    folder = posixpath.dirname(src_uri)
    top = folder.split("/", 1)[0]
    if top and parse_term(top) is None and LOOKS_LIKE_TERM.match(top):
        return [f"docs/{src_uri}:1: 폴더 docs/{top}/ 는 학기 폴더 이름이 아닙니다. {KEY_HELP}."]
    if not any(key in page.meta for key in SEMINAR_ONLY):
        return []
    date = parse_date(page.meta.get("date"))
    where = f"docs/{term_for_date(date).folder}/" if date else "docs/<연도-학기>/ (예: docs/2023-1/)"
    if parse_term(top) is not None:  # deeper inside a term folder
        reason = "세미나 페이지는 학기 폴더 바로 안에 있어야 합니다"
    else:
        reason = "세미나 페이지(number/presenters 가 있는 페이지)가 학기 폴더 밖에 있습니다"
    return [f"docs/{src_uri}:1: {reason}. {where} 로 옮기세요. {KEY_HELP}."]


def rules_across_pages(seminars: list[Seminar]) -> list[str]:
    """Two seminars of one term may share neither a number nor a title."""
    problems = []
    for label, key in (("회차(number)", lambda s: s.number), ("제목(title)", lambda s: s.title.strip())):
        groups: dict[tuple, list[Seminar]] = {}
        for seminar in seminars:
            groups.setdefault((seminar.term, key(seminar)), []).append(seminar)
        for (term, value), same in sorted(groups.items(), key=lambda item: item[1][0].src_uri):
            if len(same) > 1:
                files = ", ".join(f"docs/{s.src_uri}" for s in same)
                problems.append(
                    f"{files}: {term.title}의 세미나 {len(same)}개가 같은 {label} '{value}' 를 씁니다. "
                    "한 학기 안에서는 겹치지 않게 하나를 바꾸세요."
                )
    return problems


def close_match(word: str, choices: tuple[str, ...]) -> str | None:
    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return found[0] if found else None


# What is made from the metadata -------------------------------------------------


def korean_date(date: dt.date) -> str:
    return f"{date.year}년 {date.month}월 {date.day}일"


def reading_minutes(text: str) -> int:
    """Rough reading time: ~500 Hangul syllables or ~230 English words a minute."""
    hangul = len(re.findall(r"[가-힣]", text))
    words = len(re.findall(r"[A-Za-z]+", text))
    return max(1, round(hangul / 500 + words / 230))
