"""Turning a post of the club's old Jekyll blog into a seminar page of this site.

The old posts (``_posts/YYYY-MM-DD-<slug>.md``) have Jekyll front matter; their
body is converted by course_site.jekyll_body. Here: the page's metadata, where
the page goes, and the report of what a maintainer must still do.

- metadata: title (emoji at either end dropped), number (the title's leading
  digits or ``--number``), date, ``author`` -> presenters (a list; "a, b" is
  split), tags kept when configured in mkdocs.yml; the term from ``--term`` or
  the date (``terms.term_for_date``). The page is ``docs/<term>/NN-<slug>.md``.
- an existing page is never overwritten without ``--force``, and importing
  twice writes the same bytes.
"""


from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from course_site.errors import CourseBuildError
from course_site.jekyll_body import EXTERNAL_URL, Conversion, code_span, convert_body
from course_site.page_source import parse_page
from course_site.scaffold import (
    Project,
    check_slug,
    check_tags,
    check_term,
    figure_group,
    front_matter_text,
    refuse_used_number,
    still_to_finish,
)
from course_site.terms import term_for_date

POST_FILE_NAME = re.compile(r"(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>.+)\.(?:md|markdown)")
# Jekyll front matter keys we turn into ours; any other key is dropped and reported.
MAPPED_KEYS = {
    "title",
    "date",
    "author",
    "authors",
    "categories",
    "category",
    "tags",
    "description",
    "excerpt",
}
# The post ---------------------------------------------------------------------


def as_list(value, *, commas_only: bool = False) -> list[str]:
    """A Jekyll list field: a YAML list, "a, b" or (tags, categories) "a b"."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(item).strip() for item in value if str(item).strip()]
    text = str(value)
    parts = text.split(",") if "," in text or commas_only else text.split()
    return [part.strip() for part in parts if part.strip()]


def _is_emoji(char: str) -> bool:
    return unicodedata.category(char) in ("So", "Sk", "Cs", "Co") or char in "\u200d\ufe0f\u20e3"


def strip_emoji(title: str) -> tuple[str, str]:
    """("04 데이터로 뭐를 할까?", "📊") from "04 데이터로 뭐를 할까? 📊" (either end)."""
    start, end = 0, len(title)
    while start < end and (_is_emoji(title[start]) or title[start].isspace()):
        start += 1
    while end > start and (_is_emoji(title[end - 1]) or title[end - 1].isspace()):
        end -= 1
    return title[start:end], (title[:start] + title[end:]).strip()


def post_date(meta: dict, source: Path, display: str) -> dt.date:
    value = meta.get("date")
    match = POST_FILE_NAME.fullmatch(source.name)
    text = str(value) if value is not None else match.group("date") if match else ""
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        raise CourseBuildError(
            f"{display}: date '{value}' 에서 날짜(YYYY-MM-DD)를 읽지 못했습니다. front matter 의 date 를 고치세요."
        ) from None


# The page ---------------------------------------------------------------------


@dataclass(frozen=True)
class ImportRequest:
    source: Path
    slug: str | None = None
    number: int | None = None
    term: str | None = None
    force: bool = False


@dataclass(frozen=True)
class ImportPlan:
    page: Path
    page_text: str
    status: str  # "new", "same" (identical page already there) or "overwrite" (--force)
    report: str  # Markdown


def plan_import(project: Project, request: ImportRequest) -> ImportPlan:
    """Check and convert; raise CourseBuildError naming the file on the first problem."""
    source = request.source
    display = str(source)
    if not source.is_file():
        raise CourseBuildError(f"{display}: 파일이 없습니다.")
    post = parse_page(source.read_bytes(), display)
    if not post.meta:
        raise CourseBuildError(
            f"{display}:1: 맨 위에 Jekyll front matter(--- 로 둘러싼 YAML)가 없습니다. Jekyll 글이 맞다면 "
            "첫 줄부터 '---', 'title: 제목', 'date: YYYY-MM-DD', '---' 를 넣고 다시 가져오세요."
        )
    meta = post.meta
    changes: list[str] = []

    title, emoji = strip_emoji(str(meta.get("title") or "").strip())
    if emoji:
        changes.append(f"제목의 '{' '.join(emoji.split())}' 를 뺐습니다 (제목 글자는 그대로).")
    leading = re.match(r"(\d+)\s*", title)
    number = request.number if request.number is not None else int(leading.group(1)) if leading else None
    if number is None:
        raise CourseBuildError(
            f"{display}: 제목 '{title}' 이 회차 번호로 시작하지 않습니다. --number 로 회차를 주세요."
        )
    if number < 1:
        raise CourseBuildError(
            f"{display}: 회차 {number}: 회차는 1 이상의 정수여야 합니다. --number 로 주세요."
        )
    if leading and int(leading.group(1)) != number:
        title = f"{number:02d} {title[leading.end() :]}"
        changes.append(
            f"제목 앞의 회차 번호 '{leading.group(1)}' 를 --number 에 맞춰 '{number:02d}' 로 바꿨습니다."
        )

    date = post_date(meta, source, display)
    term = check_term(request.term) if request.term else term_for_date(date)
    categories = as_list(meta.get("categories") or meta.get("category"))
    if categories:
        changes.append(
            f"categories ({', '.join(categories)}) 는 쓰지 않습니다: 학기는 날짜(또는 --term)로 정했습니다."
        )

    slug = request.slug
    if slug is None:
        match = POST_FILE_NAME.fullmatch(source.name)
        if not match:
            raise CourseBuildError(
                f"{display}: 파일 이름이 YYYY-MM-DD-<slug>.md 모양이 아니라 주소 이름을 알 수 없습니다. --slug 로 주세요."
            )
        slug = match.group("slug")
    check_slug(slug)
    src_uri = f"{term.folder}/{number:02d}-{slug}.md"
    page = project.docs_dir / src_uri
    refuse_used_number(project, term, number, except_page=page)

    tags = []
    for tag in as_list(meta.get("tags")):
        try:
            check_tags([tag], project, "태그")
            tags.append(tag)
        except CourseBuildError as error:
            changes.append(f"{error} 그래서 뺐습니다. 계속 쓰려면 그곳에 추가한 뒤 다시 가져오세요.")
    unknown_keys = [key for key in meta if key not in MAPPED_KEYS]
    if unknown_keys:
        changes.append(f"이 사이트에서 쓰지 않는 front matter 필드를 뺐습니다: {', '.join(unknown_keys)}.")

    presenters = as_list(meta.get("authors") or meta.get("author"), commas_only=True)
    if not presenters:
        raise CourseBuildError(
            f"{display}: author 가 없습니다. front matter 에 author: 이름 을 넣고 다시 가져오세요."
        )
    new_meta = {
        "title": title,
        "number": number,
        "date": date.isoformat(),
        "presenters": presenters,
        "tags": tags,
    }
    summary = meta.get("description") or meta.get("excerpt")
    if isinstance(summary, str) and summary.strip():
        new_meta["summary"] = " ".join(summary.split())

    conversion = convert_body(
        post.body,
        title=title,
        first_line=post.body_line,
        figure_group=figure_group(project, term, number),
        page_src_uri=src_uri,
        find_post=lambda name: find_imported(project, name),
    )
    page_text = front_matter_text(new_meta) + "\n" + conversion.markdown

    status = "new"
    if page.exists():
        if page.read_text(encoding="utf-8") == page_text:
            status = "same"
        elif not request.force:
            raise CourseBuildError(
                f"{project.display(page)} 이(가) 이미 있고 내용이 다릅니다. 손으로 고친 내용을 지우지 않으려고 멈췄습니다. "
                "다시 가져와 덮어쓰려면 --force 를 붙이세요."
            )
        else:
            status = "overwrite"

    report = report_markdown(
        source=display,
        page=project.display(page),
        meta=new_meta,
        term=term.title,
        conversion=conversion,
        changes=changes + conversion.changes,
        to_finish=still_to_finish(page_text, project.display(page)),
    )
    return ImportPlan(page=page, page_text=page_text, status=status, report=report)


def find_imported(project: Project, name: str) -> str | None:
    """The src_uri of the page a post ("2022-11-03-x") was imported to: NN-x.md of that date."""
    match = re.fullmatch(r"(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>.+?)(?:\.(?:md|markdown))?", name)
    if not match:
        return None
    for term, page in project.seminar_pages():
        if re.fullmatch(rf"\d+-{re.escape(match['slug'])}\.md", page.name):
            try:
                date = str(parse_page(page.read_bytes(), page.name).meta.get("date", ""))[:10]
            except CourseBuildError:
                continue
            if date == match["date"]:
                return f"{term.folder}/{page.name}"
    return None


def write_import(plan: ImportPlan) -> None:
    if plan.status != "same":
        plan.page.parent.mkdir(parents=True, exist_ok=True)  # a new term's folder is simply created
        plan.page.write_text(plan.page_text, encoding="utf-8", newline="\n")


def report_markdown(*, source, page, meta, term, conversion: Conversion, changes, to_finish) -> str:
    """What a maintainer must still do, and what was changed: Markdown, the same for every run."""
    lines = [
        f"# Jekyll 글 가져오기 보고서: {meta['title']}",
        "",
        f"- 원본: `{source}`",
        f"- 만든 페이지: `{page}`",
        f"- {term} {meta['number']}회차, {meta['date']}, 발표 {', '.join(meta['presenters'])}, 태그 "
        + (", ".join(meta["tags"]) or "(없음)"),
        "",
        f"## 다시 그려야 할 그림 ({len(conversion.redraws)}개)",
        "",
    ]
    if conversion.redraws:
        lines += ["| 그림 | 원본 줄 | 원래 주소 | 새 스크립트 |", "|---:|---:|---|---|"]
        lines += [
            f"| {r.index} | {r.line} | <{r.url}> | `{r.script}` |"
            if EXTERNAL_URL.match(r.url)
            else f"| {r.index} | {r.line} | {code_span(r.url)} | `{r.script}` |"
            for r in conversion.redraws
        ]
    else:
        lines.append("없습니다.")
    lines += ["", f"## 변환하지 못한 것 ({len(conversion.leftovers)}개)", ""]
    lines += [
        f"- {item.line}줄: {code_span(item.text)}"
        + (
            " — 코드 블록 안이라 적힌 그대로 보입니다"
            if item.in_code
            else " — 페이지에 그대로 두고 미완성 표시를 달았습니다"
        )
        for item in conversion.leftovers
    ] or ["없습니다."]
    lines += ["", f"## 게시 전에 고칠 곳 ({len(to_finish)}개)", ""]
    if to_finish:
        lines += [
            "빌드(`mkdocs build --strict`)가 아래를 이유로 이 페이지의 게시를 거부합니다. 고친 뒤 표시를 지우세요.",
            "",
        ]
    lines += [f"- {finding}" for finding in to_finish] or ["없습니다."]
    lines += ["", "## 그 밖에 바꾼 것", ""]
    lines += [f"- {change}" for change in changes] or ["없습니다."]
    return "\n".join(lines) + "\n"
