"""Seminar pages: the front matter schema, its validation, and what is made from it.

A seminar is any Markdown page inside a term's folder (``docs/<folder>/*.md``
except ``index.md``), where the terms are configured in ``mkdocs.yml``::

    extra:
      course:
        terms:
          2nd_term: {title: 2학기, folder: 2nd-term}
        tags: [seminar, ...]

Its front matter (the one schema, ``FIELDS`` below)::

    title: "04 데이터로 뭐를 할까?"   # required
    number: 4                         # required, the 회차
    date: 2022-11-03                  # required, YYYY-MM-DD
    presenters: [keonju]              # required, one name or a list
    term: 2nd_term                    # required, a configured term; must match the folder
    tags: [seminar]                   # optional, each from the configured list
    summary: ...                      # optional, one line
    slides: https://...               # optional link
    recording: https://...            # optional link
"""

from __future__ import annotations

import datetime as dt
import difflib
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from course_site.errors import CourseBuildError

FIELDS = {
    "title": "세미나 제목 (문자열, 필수)",
    "number": "회차 (1 이상의 정수, 필수)",
    "date": "세미나 날짜 (YYYY-MM-DD, 필수)",
    "presenters": "발표자 (이름 하나 또는 이름 목록, 필수)",
    "term": "학기 (mkdocs.yml extra.course.terms 의 키, 필수)",
    "tags": "태그 목록 (mkdocs.yml extra.course.tags 중에서, 선택)",
    "summary": "한 줄 요약 (선택)",
    "slides": "발표 자료 링크 (http(s) 주소, 선택)",
    "recording": "녹화 영상 링크 (http(s) 주소, 선택)",
}
# Keys MkDocs or Material read from any page; allowed beside ours.
THEME_FIELDS = {"description", "hide", "icon", "search", "status", "template", "subtitle"}


@dataclass(frozen=True)
class Term:
    key: str
    title: str
    folder: str


@dataclass(frozen=True)
class Seminar:
    src_uri: str  # e.g. "2nd-term/04-what-to-do-with-data.md"
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
    terms: dict[str, Term]
    tags: tuple[str, ...]

    @classmethod
    def from_extra(cls, extra: dict) -> CourseConfig:
        course = (extra or {}).get("course") or {}
        terms = {}
        for key, value in (course.get("terms") or {}).items():
            if not isinstance(value, dict) or not value.get("title") or not value.get("folder"):
                raise CourseBuildError(
                    f"mkdocs.yml: extra.course.terms.{key} 에는 title 과 folder 가 필요합니다. "
                    "예: 2nd_term: {title: 2학기, folder: 2nd-term}"
                )
            terms[key] = Term(key, str(value["title"]), str(value["folder"]).strip("/"))
        return cls(terms=terms, tags=tuple(str(tag) for tag in course.get("tags") or ()))

    def term_of_path(self, src_uri: str) -> Term | None:
        folder = posixpath.dirname(src_uri)
        return next((term for term in self.terms.values() if term.folder == folder), None)


def is_seminar_page(src_uri: str, config: CourseConfig) -> bool:
    return (
        src_uri.endswith(".md")
        and posixpath.basename(src_uri) != "index.md"
        and config.term_of_path(src_uri) is not None
    )


def read_front_matter(source: str) -> dict:
    match = re.match(r"\A---[ \t]*\r?\n(.*?)\r?\n(---|\.\.\.)[ \t]*(\r?\n|\Z)", source, re.DOTALL)
    if not match:
        return {}
    data = yaml.safe_load(match.group(1))
    return data if isinstance(data, dict) else {}


def load_seminars(docs_dir: Path, src_uris: list[str], config: CourseConfig) -> list[Seminar]:
    """Validate every seminar page; raise one error listing every problem."""
    seminars, problems = [], []
    for src_uri in sorted(src_uris):
        if not is_seminar_page(src_uri, config):
            continue
        display = f"docs/{src_uri}"
        try:
            meta = read_front_matter((docs_dir / src_uri).read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f":{mark.line + 2}" if mark else ""  # +1 for 1-based, +1 for the '---' line
            problems.append(f"{display}{where}: front matter 가 올바른 YAML 이 아닙니다 ({error}).")
            continue
        except ValueError as error:  # YAML reads 2022-13-01 as a date and fails
            problems.append(
                f"{display}: front matter 의 값을 읽을 수 없습니다 ({error}). "
                "날짜라면 실제로 있는 날짜를 YYYY-MM-DD 로 쓰세요."
            )
            continue
        seminar, errors = validate(meta, src_uri, config)
        problems.extend(f"{display}: {error}" for error in errors)
        if seminar:
            seminars.append(seminar)
    if problems:
        raise CourseBuildError(
            "세미나 front matter 에 문제가 있습니다:\n  " + "\n  ".join(problems)
            + "\n  필드 설명은 scripts/course_site/seminars.py 맨 위와 README 의 '세미나 추가하기'를 보세요."
        )
    return sorted(seminars, key=lambda s: (s.date, s.number))


def validate(meta: dict, src_uri: str, config: CourseConfig) -> tuple[Seminar | None, list[str]]:
    errors = []
    if not meta:
        return None, ["front matter(맨 위 --- 사이의 YAML)가 없습니다. 필수 필드: title, number, date, presenters, term."]
    for key in meta:
        if key not in FIELDS and key not in THEME_FIELDS:
            errors.append(f"알 수 없는 필드 '{key}'. 쓸 수 있는 필드: {', '.join(FIELDS)}.")
    for key in ("title", "number", "date", "presenters", "term"):
        if meta.get(key) in (None, "", []):
            errors.append(f"필수 필드 '{key}' 가 없습니다: {FIELDS[key]}.")

    title = str(meta.get("title") or "").strip()
    number = meta.get("number")
    if number is not None and (isinstance(number, bool) or not isinstance(number, int) or number < 1):
        errors.append(f"'number': {number!r} 은(는) 1 이상의 정수가 아닙니다. 예: number: 4")

    date = meta.get("date")
    if isinstance(date, dt.datetime):
        date = date.date()
    elif isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date.strip())
        except ValueError:
            errors.append(f"'date': '{date}' 은(는) 날짜가 아닙니다. YYYY-MM-DD 형식으로 쓰세요. 예: date: 2022-11-03")
            date = None
    elif date is not None and not isinstance(date, dt.date):
        errors.append(f"'date': {date!r} 은(는) 날짜가 아닙니다. YYYY-MM-DD 형식으로 쓰세요.")
        date = None

    presenters = meta.get("presenters")
    if isinstance(presenters, str):
        presenters = [presenters]
    if presenters is not None and not (
        isinstance(presenters, list) and all(isinstance(p, str) and p.strip() for p in presenters)
    ):
        errors.append("'presenters': 이름 하나 또는 이름 목록이어야 합니다. 예: presenters: [keonju]")
        presenters = None

    term = None
    term_key = meta.get("term")
    folder_term = config.term_of_path(src_uri)
    if term_key is not None:
        term = config.terms.get(str(term_key))
        if term is None:
            errors.append(
                f"'term': '{term_key}' 은(는) 설정된 학기가 아닙니다. 가능한 값: {', '.join(config.terms)} "
                "(새 학기는 mkdocs.yml 의 extra.course.terms 에 추가하세요)."
            )
        elif folder_term and term != folder_term:
            errors.append(
                f"'term': '{term_key}' 인데 파일은 {folder_term.key} 폴더(docs/{folder_term.folder}/)에 있습니다. "
                "둘 중 하나를 맞추세요."
            )

    tags = meta.get("tags") or []
    if isinstance(tags, str):
        tags = [tags]
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        errors.append("'tags': 태그 목록이어야 합니다. 예: tags: [seminar]")
        tags = []
    for tag in tags:
        if tag not in config.tags:
            hint = close_match(tag, config.tags)
            errors.append(
                f"'tags': '{tag}' 은(는) 설정된 태그가 아닙니다"
                + (f" ('{hint}' 의 오타인가요?)" if hint else "")
                + f". 가능한 값: {', '.join(config.tags)} (새 태그는 mkdocs.yml 의 extra.course.tags 에 추가하세요)."
            )

    links = {}
    for key in ("slides", "recording"):
        value = meta.get(key)
        if value is not None and not (isinstance(value, str) and re.match(r"https?://\S+$", value)):
            errors.append(f"'{key}': {value!r} 은(는) http(s) 주소가 아닙니다.")
        links[key] = value if isinstance(value, str) else ""

    summary = meta.get("summary")
    if summary is not None and not isinstance(summary, str):
        errors.append("'summary': 한 줄 문자열이어야 합니다.")

    if errors:
        return None, errors
    return (
        Seminar(
            src_uri=src_uri,
            title=title,
            number=number,
            date=date,
            presenters=tuple(p.strip() for p in presenters),
            term=term,
            tags=tuple(tags),
            summary=(summary or "").strip(),
            **links,
        ),
        [],
    )


def close_match(word: str, choices: tuple[str, ...]) -> str | None:
    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return found[0] if found else None


# What is made from the metadata -------------------------------------------------


def korean_date(date: dt.date) -> str:
    return f"{date.year}년 {date.month}월 {date.day}일"


def schedule_table(seminars: list[Seminar], page_src_uri: str, term: str | None = None) -> str:
    """Markdown table of seminars (by date), with links relative to the page."""
    rows = [s for s in seminars if term is None or s.term.key == term]
    if not rows:
        return "_아직 등록된 세미나가 없습니다._"
    page_dir = posixpath.dirname(page_src_uri)
    lines = ["| 회차 | 날짜 | 제목 | 발표자 | 태그 |", "|---:|---|---|---|---|"]
    for seminar in rows:
        link = posixpath.relpath(seminar.src_uri, page_dir or ".")
        # "04 데이터로 뭐를 할까?" -> "데이터로 뭐를 할까?": the 회차 column already says 04
        title = re.sub(rf"^0*{seminar.number}\s+", "", seminar.title).replace("|", "\\|")
        lines.append(
            f"| {seminar.number:02d} | {seminar.date.isoformat()} | [{title}]({link}) | "
            f"{', '.join(seminar.presenters)} | {', '.join(seminar.tags)} |"
        )
    return "\n".join(lines)


def reading_minutes(text: str) -> int:
    """Rough reading time: ~500 Hangul syllables or ~230 English words a minute."""
    hangul = len(re.findall(r"[가-힣]", text))
    words = len(re.findall(r"[A-Za-z]+", text))
    return max(1, round(hangul / 500 + words / 230))
