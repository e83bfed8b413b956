"""A new seminar: its page, an example figure script, and its line in the nav.

``plan_seminar`` checks everything and returns what would be written, so that
nothing is written unless every check passed; ``write_plan`` writes it. The
front matter is checked with ``seminars.validate`` (the one schema), after a
round trip through YAML, so the check sees exactly what MkDocs will read.

``add_to_nav`` is shared with the Jekyll importer. It edits ``mkdocs.yml`` as
text: the file has comments and a ``!!python/object/apply`` tag that a YAML
dump would lose, and maintainers expect a one-line diff.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from course_site.errors import CourseBuildError
from course_site.seminars import CourseConfig, Term, read_front_matter, validate

# Lowercase ASCII words joined by single hyphens: it becomes part of a URL.
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
EXAMPLE_FIGURE = "example"


@dataclass(frozen=True)
class SeminarRequest:
    """What the author asked for on the command line."""

    term: str
    number: int
    slug: str
    title: str
    presenters: tuple[str, ...]
    date: str  # YYYY-MM-DD; checked by seminars.validate
    tags: tuple[str, ...]


@dataclass(frozen=True)
class SeminarPlan:
    """Every file the scaffold will write, with its full content."""

    page: Path
    page_text: str
    figure_dir: Path
    figure_script: Path
    figure_text: str
    mkdocs_yml: Path
    mkdocs_text: str  # the whole new mkdocs.yml
    nav_changed: bool


# Reading the project --------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """SafeLoader that reads MkDocs' tags as plain data instead of refusing them.

    ``!!python/object/apply:...`` (our slugify) and ``!ENV`` would make
    ``yaml.safe_load`` fail; we only need the data, never the objects.
    """


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> dict:
    if isinstance(node, yaml.MappingNode):
        value = loader.construct_mapping(node, deep=True)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_scalar(node)
    return {"tag": suffix, "value": value}


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)
_ConfigLoader.add_multi_constructor("!", _tagged)


def parse_mkdocs_yml(text: str, display: str = "mkdocs.yml") -> dict:
    try:
        data = yaml.load(text, Loader=_ConfigLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        raise CourseBuildError(f"{display}: 올바른 YAML 이 아닙니다 ({error}).") from None
    if not isinstance(data, dict):
        raise CourseBuildError(f"{display}: 맨 위가 'key: value' 설정 목록이어야 합니다.")
    return data


@dataclass(frozen=True)
class Project:
    root: Path
    mkdocs_yml: Path
    mkdocs_text: str
    docs_dir: Path
    course: CourseConfig

    @classmethod
    def load(cls, root: Path) -> Project:
        mkdocs_yml = root / "mkdocs.yml"
        if not mkdocs_yml.is_file():
            raise CourseBuildError(f"{mkdocs_yml}: 파일이 없습니다. --project 로 사이트 폴더를 지정하세요.")
        text = mkdocs_yml.read_bytes().decode("utf-8")  # as is: CRLF files keep their CRLF
        config = parse_mkdocs_yml(text)
        return cls(
            root=root,
            mkdocs_yml=mkdocs_yml,
            mkdocs_text=text,
            docs_dir=root / str(config.get("docs_dir") or "docs"),
            course=CourseConfig.from_extra(config.get("extra") or {}),
        )

    def term(self, key: str) -> Term:
        term = self.course.terms.get(key)
        if term is None:
            raise CourseBuildError(
                f"학기 '{key}' 은(는) mkdocs.yml 의 extra.course.terms 에 없습니다. "
                f"가능한 값: {', '.join(self.course.terms) or '(없음)'}. 새 학기라면 먼저 그곳에 추가하세요."
            )
        return term

    def display(self, path: Path) -> str:
        """A path as the maintainer sees it from the project folder."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def seminar_number(self, src_uri: str) -> int | None:
        """The 회차 of a page: its front matter ``number``, else its file name's leading digits."""
        path = self.docs_dir / src_uri
        if path.is_file():
            try:
                number = read_front_matter(path.read_text(encoding="utf-8")).get("number")
            except yaml.YAMLError:
                number = None  # the build reports broken front matter; here the file name will do
            if isinstance(number, int) and not isinstance(number, bool):
                return number
        match = re.match(r"(\d+)-", posixpath.basename(src_uri))
        return int(match.group(1)) if match else None

    def nav_number(self, path: str) -> int | None:
        """The 회차 a nav entry belongs to: a page's own, or a seminarNN folder's (notebooks)."""
        if path.endswith(".md"):
            return self.seminar_number(path)
        match = re.search(r"(?:^|/)seminar(\d+)/", path)
        return int(match.group(1)) if match else None

    def pages_numbered(self, term: Term, number: int) -> list[str]:
        """Seminar pages of ``term`` that already use ``number``."""
        folder = self.docs_dir / term.folder
        pages = sorted(folder.glob("*.md")) if folder.is_dir() else []
        return [
            f"{term.folder}/{page.name}"
            for page in pages
            if page.name != "index.md" and self.seminar_number(f"{term.folder}/{page.name}") == number
        ]


# Checking what will be written ----------------------------------------------


def check_slug(slug: str) -> None:
    if not SLUG.fullmatch(slug):
        raise CourseBuildError(
            f"--slug '{slug}' 은(는) 쓸 수 없습니다: 영어 소문자·숫자를 하이픈(-)으로 이은 이름이어야 합니다 "
            "(주소의 일부가 됩니다). 예: neural-networks"
        )


def front_matter_text(meta: dict) -> str:
    """YAML front matter in the house layout (keys in schema order, flow lists)."""
    lines = ["---"]
    for key, value in meta.items():
        if isinstance(value, (list, tuple)):
            lines.append(f"{key}: [{', '.join(yaml_scalar(item) for item in value)}]")
        elif key == "date" and is_iso_date(value):
            lines.append(f"{key}: {value}")  # bare, so YAML reads a date like in hand-written pages
        elif isinstance(value, str) and key in ("title", "summary"):
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
        elif isinstance(value, str):
            lines.append(f"{key}: {yaml_scalar(value)}")
        else:
            lines.append(f"{key}: {value}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def is_iso_date(value) -> bool:
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def yaml_scalar(text: str) -> str:
    """``text`` bare when YAML reads it back unchanged, else double-quoted."""
    plain = re.fullmatch(r"[\w가-힣][\w가-힣 .-]*", text) and not text.endswith(" ")
    try:
        same = plain and yaml.safe_load(text) == text
    except (yaml.YAMLError, ValueError):  # ValueError: looks like a date, is not one (2022-13-01)
        same = False
    return text if same else json.dumps(text, ensure_ascii=False)


def checked_front_matter(meta: dict, src_uri: str, project: Project) -> str:
    """The front matter text, after checking what YAML reads back from it."""
    text = front_matter_text(meta)
    _, errors = validate(read_front_matter(text), src_uri, project.course)
    if errors:
        raise CourseBuildError(
            f"docs/{src_uri}: 만들 front matter 에 문제가 있습니다:\n  " + "\n  ".join(errors)
        )
    return text


def refuse_existing(paths: list[Path], project: Project, hint: str) -> None:
    existing = [project.display(path) for path in paths if path.exists()]
    if existing:
        raise CourseBuildError(f"{', '.join(existing)} 이(가) 이미 있어 덮어쓰지 않습니다. {hint}")


def refuse_used_number(project: Project, term: Term, number: int, except_uri: str = "") -> None:
    used = [uri for uri in project.pages_numbered(term, number) if uri != except_uri]
    if used:
        raise CourseBuildError(
            f"{term.title}({term.key})의 {number}회차는 이미 docs/{used[0]} 이(가) 쓰고 있습니다. "
            "--number 로 다른 회차를 고르세요."
        )


# The scaffold -----------------------------------------------------------------


def plan_seminar(project: Project, request: SeminarRequest) -> SeminarPlan:
    """Check the request against the project; raise CourseBuildError on the first problem."""
    term = project.term(request.term)
    check_slug(request.slug)
    if request.number < 1:
        raise CourseBuildError(f"--number {request.number}: 회차는 1 이상의 정수여야 합니다.")

    src_uri = f"{term.folder}/{request.number:02d}-{request.slug}.md"
    page = project.docs_dir / src_uri
    group = f"seminar{request.number:02d}"
    figure_dir = project.root / "figures" / group
    refuse_existing(
        [page, figure_dir],
        project,
        "세미나 글과 그림 폴더를 지키려고 멈췄습니다. 다른 --number 나 --slug 를 쓰거나, 필요 없으면 직접 지우세요.",
    )
    refuse_used_number(project, term, request.number)

    meta = {
        "title": request.title,
        "number": request.number,
        "date": request.date,
        "presenters": list(request.presenters),
        "term": term.key,
        "tags": list(request.tags),
        "summary": "이 세미나를 한 줄로 소개해 주세요 (검색 결과와 링크 미리보기에 보입니다).",
    }
    page_text = checked_front_matter(meta, src_uri, project) + page_body(request.title, src_uri, group)
    mkdocs_text = add_to_nav(project, term, src_uri, request.number)
    figure_script = figure_dir / f"{EXAMPLE_FIGURE}.py"
    return SeminarPlan(
        page=page,
        page_text=page_text,
        figure_dir=figure_dir,
        figure_script=figure_script,
        figure_text=EXAMPLE_FIGURE_SCRIPT,
        mkdocs_yml=project.mkdocs_yml,
        mkdocs_text=mkdocs_text,
        nav_changed=mkdocs_text != project.mkdocs_text,
    )


def write_plan(plan: SeminarPlan) -> None:
    plan.figure_dir.mkdir(parents=True)
    plan.figure_script.write_text(plan.figure_text, encoding="utf-8", newline="\n")
    plan.page.parent.mkdir(parents=True, exist_ok=True)
    plan.page.write_text(plan.page_text, encoding="utf-8", newline="\n")
    if plan.nav_changed:
        # newline="" keeps the file's own line endings: only the new line is ours.
        plan.mkdocs_yml.write_text(plan.mkdocs_text, encoding="utf-8", newline="")


def page_body(title: str, src_uri: str, figure_group: str) -> str:
    figure = posixpath.relpath(f"figures/{figure_group}/{EXAMPLE_FIGURE}.svg", posixpath.dirname(src_uri))
    return f"""
# {title}

<!-- 도입: 이번 세미나에서 무엇을 다루는지, 왜 알아 둘 만한지 두세 문장으로 소개합니다.
     처음 배우는 사람도 따라올 수 있게, 낯선 용어는 처음 나올 때 풀어서 설명해 주세요. -->

이번 세미나에서 다룰 내용을 소개합니다.

## 1. 첫 번째 주제

<!-- 제목은 그대로 링크 주소가 됩니다 ("1. 첫 번째 주제" → #1-첫-번째-주제).
     단톡방에 공유한 뒤에는 제목을 되도록 바꾸지 마세요. -->

첫 번째 주제를 설명합니다.

![예시 그림: 측정값과 추세선]({figure})

<!-- 그림은 figures/{figure_group}/ 의 파이썬 스크립트가 그립니다. {EXAMPLE_FIGURE}.py 를 고치거나
     복사해서 새 그림을 만들고, 이름.py 는 이 페이지에서 이름.svg 로 가리킵니다.
     캡션은 스크립트 docstring 의 첫 줄입니다. 예시 그림이 필요 없으면 이 줄과 스크립트를 함께 지우세요. -->

## 2. 두 번째 주제

두 번째 주제를 설명합니다.

## 정리

<!-- 오늘 배운 것을 세 줄 안팎으로 정리하고, 더 읽을거리가 있으면 링크를 남깁니다. -->

오늘 다룬 내용을 정리합니다.
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


# The nav ----------------------------------------------------------------------


def add_to_nav(project: Project, term: Term, src_uri: str, number: int) -> str:
    """mkdocs.yml's text with ``src_uri`` added to the term's nav section.

    The page goes after the section's entries of a smaller 회차 (its pages
    and the notebooks in a ``seminarNN/`` folder), so a
    seminar's notebooks stay under it; entries without one, like index.md,
    stay where they are. Returns the text
    unchanged when the page is already in the nav or there is no nav (then
    MkDocs lists every page by itself).
    """
    text = project.mkdocs_text
    new_text = insert_nav_line(text, term, src_uri, number, project.nav_number, project.docs_dir)
    if new_text != text:
        check_nav_edit(text, new_text, src_uri)
    return new_text


def insert_nav_line(
    text: str,
    term: Term,
    src_uri: str,
    number: int,
    number_of: Callable[[str], int | None],
    docs_dir: Path,
) -> str:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)  # composing only: tags are never constructed
    except yaml.YAMLError as error:
        raise CourseBuildError(f"mkdocs.yml: 올바른 YAML 이 아닙니다 ({error}).") from None
    nav = next((value for key, value in root.value if key.value == "nav"), None) if root else None
    if nav is None:
        return text
    manual = f"mkdocs.yml 의 nav 에 직접 한 줄을 추가하세요: - {src_uri}"
    if not isinstance(nav, yaml.SequenceNode) or nav.flow_style or not nav.value:
        raise CourseBuildError(
            f"mkdocs.yml: nav 가 '- 항목' 목록 모양이 아니라 자동으로 고칠 수 없습니다. {manual}"
        )
    if src_uri in nav_paths(nav):
        return text

    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines[0].endswith("\r\n") else "\n"
    section = find_section(nav, term)
    if section is None:
        # A term's first seminar: a new section at the end of the nav.
        indent = dash_indent(lines, nav.value[0], manual)
        children = [f"{term.folder}/index.md"] if (docs_dir / term.folder / "index.md").is_file() else []
        block = [f"{indent}- {term.title}:{newline}"]
        block += [f"{indent}    - {child}{newline}" for child in [*children, src_uri]]
        return splice(lines, last_line(nav.value[-1]) + 1, block, newline)

    entries = section.value
    indent = dash_indent(lines, entries[0], manual)
    numbered = [(number_of(path), entry) for entry in entries if (path := entry_path(entry))]
    smaller = [entry for found, entry in numbered if found is not None and found < number]
    larger = [entry for found, entry in numbered if found is not None and found >= number]
    if smaller:
        at = last_line(smaller[-1]) + 1
    elif larger:
        at = larger[0].start_mark.line
    else:
        at = last_line(entries[-1]) + 1
    return splice(lines, at, [f"{indent}- {src_uri}{newline}"], newline)


def find_section(nav: yaml.SequenceNode, term: Term) -> yaml.SequenceNode | None:
    """The nav section of ``term``: titled like the term, else holding its folder's pages."""
    sections = [
        (key.value, value)
        for item in nav.value
        if isinstance(item, yaml.MappingNode) and len(item.value) == 1
        for key, value in item.value
        if isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value
    ]
    for title, value in sections:
        if title == term.title:
            return value
    for _, value in sections:
        if any(posixpath.dirname(path) == term.folder for path in nav_paths(value)):
            return value
    return None


def entry_path(node: yaml.Node) -> str | None:
    """The page path of a nav entry (``- page.md`` or ``- 제목: page.md``)."""
    if isinstance(node, yaml.ScalarNode):
        return node.value
    if isinstance(node, yaml.MappingNode) and len(node.value) == 1:
        value = node.value[0][1]
        return value.value if isinstance(value, yaml.ScalarNode) else None
    return None


def nav_paths(node: yaml.Node) -> list[str]:
    if isinstance(node, yaml.ScalarNode):
        return [node.value]
    if isinstance(node, yaml.SequenceNode):
        return [path for item in node.value for path in nav_paths(item)]
    if isinstance(node, yaml.MappingNode):
        return [path for _, value in node.value for path in nav_paths(value)]
    return []


def dash_indent(lines: list[str], entry: yaml.Node, manual: str) -> str:
    match = re.match(r"([ ]*)- ", lines[entry.start_mark.line])
    if not match:
        raise CourseBuildError(
            f"mkdocs.yml:{entry.start_mark.line + 1}: nav 모양을 알아보지 못했습니다. {manual}"
        )
    return match.group(1)


def last_line(node: yaml.Node) -> int:
    """Index of the last line a nav entry takes.

    A block collection's own end mark is where the *next* token starts (often
    the next entry's line), so the end of its last scalar is used instead.
    """
    while isinstance(node, (yaml.SequenceNode, yaml.MappingNode)) and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    return node.end_mark.line


def splice(lines: list[str], at: int, new: list[str], newline: str) -> str:
    if at > 0 and not lines[at - 1].endswith("\n"):
        lines[at - 1] += newline
    return "".join(lines[:at] + new + lines[at:])


def check_nav_edit(old: str, new: str, src_uri: str) -> None:
    """The edited file must parse and differ from the old one only by the new page in the nav."""
    before, after = parse_mkdocs_yml(old), parse_mkdocs_yml(new, "mkdocs.yml (고친 뒤)")
    others_same = {k: v for k, v in before.items() if k != "nav"} == {
        k: v for k, v in after.items() if k != "nav"
    }
    new_paths = flatten_nav(after.get("nav"))
    if (
        not others_same
        or new_paths.count(src_uri) != 1
        or [path for path in new_paths if path != src_uri] != flatten_nav(before.get("nav"))
    ):
        raise CourseBuildError(
            f"mkdocs.yml 의 nav 를 고치다가 다른 부분까지 바뀌게 되어 멈췄습니다 (아무것도 쓰지 않았습니다). "
            f"nav 에 직접 한 줄을 추가하세요: - {src_uri}"
        )


def flatten_nav(nav) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [path for item in nav for path in flatten_nav(item)]
    if isinstance(nav, dict):
        return [path for value in nav.values() for path in flatten_nav(value)]
    return []


def today() -> str:
    return dt.date.today().isoformat()
