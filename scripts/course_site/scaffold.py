"""A new seminar: its page and an example figure script, and nothing else.

Seminars are discovered from the pages on disk, so the scaffold only creates
files: ``docs/<term>/NN-<slug>.md`` and ``figures/<group>/example.py``. It
never overwrites a file and refuses a number the term already uses. The page
it writes holds the marks of ``course_site.unfinished`` where the author still
has to write, so the strict build refuses to publish it until they have.

The reading of the project (``Project``), the front matter layout, the figure
group rule and ``still_to_finish`` (the build's own page checks, so the list
of what to finish is exactly what the build would refuse) are shared with the
Jekyll importer.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from course_site.errors import CourseBuildError
from course_site.mkdocs_config import read_mkdocs_yml
from course_site.page_checks import Finding, check_page
from course_site.page_source import parse_page
from course_site.terms import KEY_HELP, Term, parse_term, term_for_date
from course_site.unfinished import SCAFFOLD_SUMMARY, TODO_COMMENT

# Lowercase ASCII words joined by single hyphens: it becomes part of a URL.
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
EXAMPLE_FIGURE = "example"
# The order of the front matter fields in every page we write (the schema's order).
FIELD_ORDER = ("title", "number", "date", "presenters", "tags", "summary", "slides", "recording")


# Reading the project --------------------------------------------------------


@dataclass(frozen=True)
class Project:
    root: Path
    docs_dir: Path
    tags: tuple[str, ...]  # mkdocs.yml extra.course.tags

    @classmethod
    def load(cls, root: Path) -> Project:
        config = read_mkdocs_yml(root)
        course = (
            ((config.get("extra") or {}).get("course") or {}) if isinstance(config.get("extra"), dict) else {}
        )
        return cls(
            root=root,
            docs_dir=root / str(config.get("docs_dir") or "docs"),
            tags=tuple(str(tag) for tag in course.get("tags") or ()),
        )

    def display(self, path: Path) -> str:
        """A path as the maintainer sees it from the project folder."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def seminar_pages(self) -> list[tuple[Term, Path]]:
        """Every page in a term folder (index pages aside), in folder order."""
        found = []
        for folder in sorted(self.docs_dir.iterdir()) if self.docs_dir.is_dir() else []:
            term = parse_term(folder.name)
            if term is not None and folder.is_dir():
                found += [(term, page) for page in sorted(folder.glob("*.md")) if page.name != "index.md"]
        return found

    def pages_numbered(self, number: int) -> list[tuple[Term, Path]]:
        return [(term, page) for term, page in self.seminar_pages() if seminar_number(page) == number]


def seminar_number(page: Path) -> int | None:
    """A page's 회차: its front matter ``number``, else its file name's leading digits.

    A page whose front matter does not parse still counts by its file name;
    the build reports the broken front matter itself.
    """
    try:
        number = parse_page(page.read_bytes(), page.name).meta.get("number")
    except CourseBuildError:
        number = None
    if isinstance(number, int) and not isinstance(number, bool):
        return number
    match = re.match(r"(\d+)-", page.name)
    return int(match.group(1)) if match else None


def used_by(project: Project, term: Term, number: int, except_page: Path | None = None) -> Path | None:
    """The page of ``term`` that already has 회차 ``number``, if any."""
    return next(
        (page for other, page in project.pages_numbered(number) if other == term and page != except_page),
        None,
    )


def refuse_used_number(project: Project, term: Term, number: int, except_page: Path | None = None) -> None:
    page = used_by(project, term, number, except_page)
    if page is not None:
        raise CourseBuildError(
            f"{term.title}({term.key})의 {number}회차는 이미 {project.display(page)} 이(가) 쓰고 있습니다. "
            "--number 로 다른 회차를 고르세요."
        )


def figure_group(project: Project, term: Term, number: int) -> str:
    """The folder below figures/ for a seminar's figure scripts.

    ``seminarNN`` as seminar 04 has it, unless a seminar of another term has
    that number: then ``<term>/seminarNN``, so two terms' seminars 04 never
    share a folder. The rule reads only pages, not figures/, so importing a
    post again gives the same page after its figures were drawn.
    """
    others = [other for other, _ in project.pages_numbered(number) if other != term]
    return f"{term.key}/seminar{number:02d}" if others else f"seminar{number:02d}"


# Checking what will be written ----------------------------------------------


def check_slug(slug: str) -> None:
    if not SLUG.fullmatch(slug):
        raise CourseBuildError(
            f"--slug '{slug}' 은(는) 쓸 수 없습니다: 영어 소문자·숫자를 하이픈(-)으로 이은 이름이어야 합니다 "
            "(주소의 일부가 됩니다). 예: neural-networks"
        )


def check_term(key: str) -> Term:
    term = parse_term(key)
    if term is None:
        raise CourseBuildError(f"--term '{key}' 은(는) 학기 이름이 아닙니다. {KEY_HELP}")
    return term


def check_date(text: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CourseBuildError(
            f"{where} '{text}' 은(는) 날짜가 아닙니다. YYYY-MM-DD 로 쓰세요. 예: 2023-03-09"
        ) from None


def check_tags(tags: list[str], project: Project, where: str) -> None:
    for tag in tags:
        if tag not in project.tags:
            hint = difflib.get_close_matches(tag, project.tags, n=1, cutoff=0.6)
            raise CourseBuildError(
                f"{where} '{tag}' 은(는) mkdocs.yml 의 extra.course.tags 에 없습니다"
                + (f" ('{hint[0]}' 의 오타인가요?)" if hint else "")
                + f". 가능한 값: {', '.join(project.tags) or '(없음)'}. 새 태그라면 먼저 그곳에 추가하세요."
            )


def refuse_existing(paths: list[Path], project: Project, hint: str) -> None:
    existing = [project.display(path) for path in paths if path.exists()]
    if existing:
        raise CourseBuildError(f"{', '.join(existing)} 이(가) 이미 있어 덮어쓰지 않습니다. {hint}")


# Writing ------------------------------------------------------------------------


def front_matter_text(meta: dict) -> str:
    """YAML front matter in the house layout: schema order, flow lists, bare dates."""
    lines = ["---"]
    for key in sorted(
        meta, key=lambda key: FIELD_ORDER.index(key) if key in FIELD_ORDER else len(FIELD_ORDER)
    ):
        value = meta[key]
        if isinstance(value, (list, tuple)):
            lines.append(f"{key}: [{', '.join(yaml_scalar(item) for item in value)}]")
        elif isinstance(value, str) and key in ("title", "summary"):
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
        elif isinstance(value, str) and key != "date":
            lines.append(f"{key}: {yaml_scalar(value)}")
        else:
            lines.append(f"{key}: {value}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def yaml_scalar(text: str) -> str:
    """``text`` bare when YAML reads it back unchanged, else double-quoted."""
    plain = re.fullmatch(r"[\w가-힣][\w가-힣 .-]*", text) and not text.endswith(" ")
    try:
        same = plain and yaml.safe_load(text) == text
    except (yaml.YAMLError, ValueError):  # ValueError: looks like a date, is not one (2022-13-01)
        same = False
    return text if same else json.dumps(text, ensure_ascii=False)


def still_to_finish(text: str, display: str) -> list[Finding]:
    """What the strict build would refuse in a page we wrote: our marks, and anything else it checks."""
    return check_page(parse_page(text.encode("utf-8"), display))


# The scaffold -----------------------------------------------------------------


@dataclass(frozen=True)
class SeminarRequest:
    """What the author asked for on the command line."""

    number: int
    slug: str
    title: str
    presenters: tuple[str, ...]
    date: str  # YYYY-MM-DD
    tags: tuple[str, ...]
    term: str | None = None  # a term key; None: the term of ``date``


@dataclass(frozen=True)
class SeminarPlan:
    """Every file the scaffold will write, with its full content."""

    term: Term
    page: Path
    page_text: str
    figure_script: Path
    figure_text: str
    to_finish: list[Finding]  # what the author must still write, with file:line


def plan_seminar(project: Project, request: SeminarRequest) -> SeminarPlan:
    """Check the request against the project; raise CourseBuildError on the first problem."""
    date = check_date(request.date, "--date")
    term = check_term(request.term) if request.term else term_for_date(date)
    check_slug(request.slug)
    if request.number < 1:
        raise CourseBuildError(f"--number {request.number}: 회차는 1 이상의 정수여야 합니다.")
    if not request.title:
        raise CourseBuildError('--title 이 비었습니다. 페이지 제목을 주세요. 예: "05 신경망 첫걸음"')
    presenters = [name.strip() for name in request.presenters for name in name.split(",") if name.strip()]
    if not presenters:
        raise CourseBuildError("--presenter 로 발표자 이름을 주세요 (여러 명이면 --presenter 를 여러 번).")
    check_tags(list(request.tags), project, "--tags")

    # The taken number first: it names the seminar that has it, which explains
    # why its figure folder exists too.
    refuse_used_number(project, term, request.number)
    page = project.docs_dir / term.folder / f"{request.number:02d}-{request.slug}.md"
    group = figure_group(project, term, request.number)
    figure_script = project.root / "figures" / group / f"{EXAMPLE_FIGURE}.py"
    refuse_existing(
        [page, figure_script.parent],
        project,
        "세미나 글과 그림 폴더를 지키려고 멈췄습니다. 다른 --number 나 --slug 를 쓰거나, 필요 없으면 직접 지우세요.",
    )

    meta = {
        "title": request.title,
        "number": request.number,
        "date": date.isoformat(),
        "presenters": presenters,
        "tags": list(request.tags),
        "summary": SCAFFOLD_SUMMARY,
    }
    page_text = front_matter_text(meta) + page_body(request.title, f"{term.folder}/{page.name}", group)
    to_finish = still_to_finish(page_text, project.display(page))
    return SeminarPlan(term, page, page_text, figure_script, EXAMPLE_FIGURE_SCRIPT, to_finish)


def write_plan(plan: SeminarPlan) -> None:
    plan.figure_script.parent.mkdir(parents=True)
    plan.figure_script.write_text(plan.figure_text, encoding="utf-8", newline="\n")
    plan.page.parent.mkdir(parents=True, exist_ok=True)  # a new term's folder is simply created
    plan.page.write_text(plan.page_text, encoding="utf-8", newline="\n")


def page_body(title: str, src_uri: str, group: str) -> str:
    figure = posixpath.relpath(f"figures/{group}/{EXAMPLE_FIGURE}.svg", posixpath.dirname(src_uri))
    return f"""
# {title}

{TODO_COMMENT} 도입 — 이번 세미나에서 무엇을 다루는지, 왜 알아 둘 만한지 두세 문장으로 쓰고 이 줄을 지우세요. -->

## 1. 첫 번째 주제

<!-- 제목은 그대로 링크 주소가 됩니다 ("1. 첫 번째 주제" → #1-첫-번째-주제).
     단톡방에 공유한 뒤에는 제목을 되도록 바꾸지 마세요. -->

{TODO_COMMENT} 첫 번째 주제의 본문을 쓰고 이 줄을 지우세요. -->

![예시 그림: 측정값과 추세선]({figure})

{TODO_COMMENT} 위 그림은 figures/{group}/{EXAMPLE_FIGURE}.py 의 본보기입니다. 스크립트를 이 세미나의 그림으로 고치거나
     복사해 새 그림을 만들고(이름.py 는 이름.svg 로 가리킵니다, 캡션은 docstring 첫 줄), 이 줄을 지우세요. -->

## 2. 두 번째 주제

{TODO_COMMENT} 두 번째 주제의 본문을 쓰고 이 줄을 지우세요. -->

## 정리

{TODO_COMMENT} 오늘 배운 것을 세 줄 안팎으로 정리하고(더 읽을거리가 있으면 링크도), 이 줄을 지우세요. -->
"""


EXAMPLE_FIGURE_SCRIPT = '''\
"""예시 그림: 잡음이 섞인 측정값과 그 추세선

new_seminar.py 가 만든 본보기 스크립트입니다. 고쳐서 쓰거나, 복사해 새 그림을 만드세요.
- docstring 첫 줄이 페이지에 보이는 캡션입니다.
- draw(rng) 는 matplotlib Figure 를 만들어 돌려주기만 합니다. savefig, show,
  파일 쓰기, 네트워크 접속은 하지 않습니다 (저장은 그림 실행기가 합니다).
- 무작위 값은 실행기가 주는 rng(numpy Generator)로만 만듭니다: 매번 같은 그림이 나옵니다.
- 색은 figure_style 의 INK, TINT, ACCENT 에서 고릅니다: 어두운 화면용 그림이 저절로 만들어집니다.
- 데이터 파일을 읽는다면 INPUTS = ["data.csv"] 처럼 적어 두세요: 파일이 바뀌면 다시 그립니다.
"""

import numpy as np

from figure_style import ACCENT, INK, WIDTH


def draw(rng):
    import matplotlib.pyplot as plt

    hours = np.linspace(0, 10, 40)
    values = 0.8 * hours + 1.5 + rng.normal(0, 1.0, hours.size)
    slope, intercept = np.polyfit(hours, values, 1)

    fig, ax = plt.subplots(figsize=(WIDTH, 3.6))
    ax.scatter(hours, values, s=22, color=ACCENT["blue"], label="측정값")
    ax.plot(hours, slope * hours + intercept, color=ACCENT["orange"], lw=2.2,
            label=f"추세선 (기울기 {slope:.2f})")
    ax.set_xlabel("공부한 시간 (시간)")
    ax.set_ylabel("점수")
    ax.set_title("예시: 측정값과 추세선", loc="left")
    ax.grid(True, color=INK["grid"], lw=0.6)
    ax.set_axisbelow(True)
    ax.legend(loc="upper left")
    return fig
'''


def today() -> str:
    return dt.date.today().isoformat()
