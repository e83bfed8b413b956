"""Turning a post of the club's old Jekyll blog into a seminar page of this site.

The old posts (``_posts/YYYY-MM-DD-<slug>.md``) have Jekyll front matter
(layout, title, date, author, categories, tags), kramdown, ``<br>`` for
spacing, screenshots hosted on other servers, and now and then Liquid
(``{% ... %}``, ``{{ ... }}``). What the import does, and why:

- metadata: title (a trailing emoji dropped), number (the title's leading
  digits), date, author -> presenters, categories[0] -> term, tags kept when
  configured in mkdocs.yml and otherwise dropped (both reported). Checked with
  ``seminars.validate``, the one schema.
- headings keep their text, so their ids (and links already shared in chat)
  stay the same; levels are renumbered so the title is the only h1 and no
  level is skipped (a post's ``#`` and ``###`` become ``##`` and ``###``).
- a hand-written "목차" section is dropped: the site builds its own.
- images are never loaded from another host: each becomes a warning box that
  says which figure script to write; the report lists them with their URL.
- Liquid means nothing here: ``raw`` and ``highlight`` are converted, anything
  else stays visible as code and is listed in the report, never dropped.

The conversion is a pure function of the post, so importing twice writes the
same bytes (``plan_import`` then reports "same" and writes nothing).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from course_site.errors import CourseBuildError
from course_site.scaffold import (
    Project,
    add_to_nav,
    check_slug,
    checked_front_matter,
    flatten_nav,
    parse_mkdocs_yml,
    refuse_used_number,
)
from course_site.seminars import close_match

REDRAW_TITLE = "그림 다시 그리기 필요"
LIQUID_TITLE = "변환하지 못한 Liquid"
POST_FILE_NAME = re.compile(r"\d{4}-\d{2}-\d{2}-(?P<slug>.+)\.(?:md|markdown)")
# Jekyll front matter keys we turn into ours; any other key is dropped and reported.
MAPPED_KEYS = (
    "title",
    "date",
    "author",
    "authors",
    "categories",
    "category",
    "tags",
    "description",
    "excerpt",
)
TOC_HEADINGS = {"목차", "차례", "toc", "contents", "tableofcontents"}

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})(?!#)[ \t]*(.*?)(?:[ \t]+#+)?[ \t]*$")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_KRAMDOWN_TOC = re.compile(r"^\s*(?:[*-]\s+TOC|\{:\s*\.?toc\s*\})\s*$", re.IGNORECASE)
_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}", re.DOTALL)
_HIGHLIGHT = re.compile(r"^\s*\{%-?\s*highlight\s+([\w+-]+)[^%]*-?%\}\s*$")
_END_HIGHLIGHT = re.compile(r"^\s*\{%-?\s*endhighlight\s*-?%\}\s*$")
_LIQUID = re.compile(r"\{%.*?%\}|\{\{.*?\}\}")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
# The URL may hold Liquid with spaces: ![x]({{ site.baseurl }}/a.png)
_INLINE_IMAGE = re.compile(
    r"!\[(?P<alt>[^\]]*)\]\(\s*<?(?P<url>(?:\{\{.*?\}\}|\{%.*?%\}|[^)\s>])+)>?(?:\s+([\"']).*?\3)?\s*\)"
)
_REF_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\[(?P<ref>[^\]]*)\]")
_REF_DEFINITION = re.compile(r"^\s{0,3}\[(?P<ref>[^\]]+)\]:\s*<?(?P<url>\S+?)>?(?:\s+.*)?$")
_HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_HTML_SRC = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
# Stand-ins for the braces of {% raw %} content while Liquid is looked for.
_RAW_OPEN_EXPR, _RAW_OPEN_TAG = "\ue000", "\ue001"


@dataclass(frozen=True)
class Redraw:
    """An image of the post that must be drawn again as a figure script."""

    index: int  # 1-based, in reading order
    line: int  # line in the post file
    url: str
    alt: str
    script: str  # suggested figure script, e.g. figures/seminar04/figure_03.py


@dataclass(frozen=True)
class LiquidLeft:
    line: int
    text: str
    in_code: bool  # inside a code block, where it is shown as written


@dataclass
class Conversion:
    markdown: str
    redraws: list[Redraw] = field(default_factory=list)
    liquid: list[LiquidLeft] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ImportRequest:
    source: Path
    slug: str | None = None
    number: int | None = None
    term: str | None = None
    force: bool = False
    add_nav: bool = True


@dataclass(frozen=True)
class ImportPlan:
    page: Path
    src_uri: str
    page_text: str
    status: str  # "new", "same" (identical page already there) or "overwrite" (--force)
    mkdocs_text: str
    nav_changed: bool
    in_nav: bool
    report: str  # Markdown


# The post ---------------------------------------------------------------------


def split_post(text: str, display: str) -> tuple[dict, str, int]:
    """(front matter, body, file line number of the body's first line)."""
    text = text.replace("\r\n", "\n")
    match = re.match(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", text, re.DOTALL)
    if not match:
        raise CourseBuildError(f"{display}: 맨 위에 Jekyll front matter(--- 로 둘러싼 YAML)가 없습니다.")
    try:
        meta = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError as error:
        raise CourseBuildError(f"{display}: front matter 가 올바른 YAML 이 아닙니다 ({error}).") from None
    if not isinstance(meta, dict):
        raise CourseBuildError(f"{display}: front matter 가 'key: value' 목록이 아닙니다.")
    return meta, text[match.end() :], match.group(0).count("\n") + 1


def as_list(value) -> list[str]:
    """Jekyll accepts a list or a space-separated string for categories and tags."""
    if value is None:
        return []
    if isinstance(value, str):
        return value.split()
    return [str(item) for item in value]


def strip_trailing_emoji(title: str) -> tuple[str, str]:
    """("04 데이터로 뭐를 할까?", "📊") from "04 데이터로 뭐를 할까? 📊"."""
    end = len(title)
    while end and (
        unicodedata.category(title[end - 1]) in ("So", "Sk", "Cs", "Co")
        or title[end - 1] in "\u200d\ufe0f"
        or title[end - 1].isspace()
    ):
        end -= 1
    return title[:end], title[end:].strip()


def post_date(meta: dict, source: Path, display: str) -> dt.date:
    value = meta.get("date")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value) if value is not None else source.name
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        raise CourseBuildError(
            f"{display}: date '{value}' 에서 날짜(YYYY-MM-DD)를 읽지 못했습니다. front matter 의 date 를 고치세요."
        ) from None


# The body ---------------------------------------------------------------------


def convert_body(
    body: str, *, title: str, first_line: int, figure_group: str, page_src_uri: str
) -> Conversion:
    """The page's Markdown (from its h1 on) and what was changed on the way."""
    result = Conversion(markdown="")
    body, raw_count = protect_raw(body)
    if raw_count:
        result.changes.append(f"`{{% raw %}}` 표시 {raw_count}쌍을 지웠습니다 (안의 내용은 그대로 둡니다).")
    lines = body.split("\n")
    numbers = [first_line + index for index in range(len(lines))]
    in_code = code_lines(lines)
    result.liquid = find_liquid(lines, numbers, in_code)

    lines = convert_highlight(lines, result)
    lines = remove_br(lines, in_code, result)
    lines, numbers, in_code = drop_kramdown_toc(lines, numbers, in_code, result)
    lines, numbers, in_code = drop_toc_section(lines, numbers, in_code, title, result)
    lines = renumber_headings(lines, in_code, result)
    ref_urls = reference_urls(lines, in_code)
    lines, in_code = replace_images(lines, numbers, in_code, ref_urls, figure_group, page_src_uri, result)
    lines, in_code = keep_liquid_visible(lines, in_code)

    markdown = "\n".join(tidy_blank_lines(lines, in_code))
    markdown = markdown.replace(_RAW_OPEN_EXPR, "{{").replace(_RAW_OPEN_TAG, "{%")
    result.markdown = f"# {title}\n\n{markdown}\n"
    left = external_images(result.markdown)
    if left:  # a guard for this module's own mistakes: the site loads nothing from other hosts
        raise CourseBuildError(f"그림 주소가 남았습니다 (가져오기 도구의 버그입니다): {', '.join(left)}")
    return result


def protect_raw(body: str) -> tuple[str, int]:
    count = 0

    def unwrap(match: re.Match) -> str:
        nonlocal count
        count += 1
        return match.group(1).replace("{{", _RAW_OPEN_EXPR).replace("{%", _RAW_OPEN_TAG)

    return _RAW.sub(unwrap, body), count


def code_lines(lines: list[str]) -> list[bool]:
    """For each line: is it part of a fenced code block (fences included)?"""
    flags, inside = [], False
    for line in lines:
        if (
            _FENCE.match(line)
            or (_HIGHLIGHT.match(line) and not inside)
            or (_END_HIGHLIGHT.match(line) and inside)
        ):
            flags.append(True)
            inside = not inside
        else:
            flags.append(inside)
    return flags


def find_liquid(lines: list[str], numbers: list[int], in_code: list[bool]) -> list[LiquidLeft]:
    found = []
    for line, number, code in zip(lines, numbers, in_code, strict=True):
        if _HIGHLIGHT.match(line) or _END_HIGHLIGHT.match(line):
            continue  # converted to a fence
        found += [LiquidLeft(number, match.group(0), code) for match in _LIQUID.finditer(line)]
    return found


def convert_highlight(lines, result):
    converted = 0
    for index, line in enumerate(lines):
        if match := _HIGHLIGHT.match(line):
            lines[index] = f"```{match.group(1)}"
            converted += 1
        elif _END_HIGHLIGHT.match(line):
            lines[index] = "```"
    if converted:
        result.changes.append(f"`{{% highlight %}}` 코드 블록 {converted}개를 ``` 코드 블록으로 바꿨습니다.")
    return lines


def remove_br(lines, in_code, result):
    removed = 0
    for index, line in enumerate(lines):
        if in_code[index]:
            continue
        new, count = _BR.subn("", line)
        if count:
            removed += count
            lines[index] = new if new.strip() else ""
    if removed:
        result.changes.append(f"`<br>` {removed}개를 지웠습니다 (문단 사이 간격은 사이트가 맞춥니다).")
    return lines


def keep(lines, numbers, in_code, wanted):
    return (
        [line for line, ok in zip(lines, wanted, strict=True) if ok],
        [number for number, ok in zip(numbers, wanted, strict=True) if ok],
        [code for code, ok in zip(in_code, wanted, strict=True) if ok],
    )


def drop_kramdown_toc(lines, numbers, in_code, result):
    wanted = [code or not _KRAMDOWN_TOC.match(line) for line, code in zip(lines, in_code, strict=True)]
    for line, number, ok in zip(lines, numbers, wanted, strict=True):
        if not ok:
            result.changes.append(
                f"{number}줄: kramdown 자동 목차 표시 `{line.strip()}` 를 지웠습니다 (사이트가 목차를 만듭니다)."
            )
    return keep(lines, numbers, in_code, wanted)


def headings(lines, in_code) -> list[tuple[int, int, str]]:
    """(line index, level, text) of every ATX heading outside code."""
    found = []
    for index, line in enumerate(lines):
        if not in_code[index] and (match := _HEADING.match(line)) and match.group(2):
            found.append((index, len(match.group(1)), match.group(2)))
    return found


def heading_key(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def drop_toc_section(lines, numbers, in_code, title, result):
    """Drop a hand-written table of contents, and an h1 repeating the title."""
    wanted = [True] * len(lines)
    found = headings(lines, in_code)
    for position, (index, level, text) in enumerate(found):
        if heading_key(text) in TOC_HEADINGS:
            end = next((i for i, lvl, _ in found[position + 1 :] if lvl <= level), len(lines))
            for i in range(index, end):
                wanted[i] = False
            last = numbers[end - 1]
            result.changes.append(
                f"{numbers[index]}–{last}줄: 손으로 쓴 '{text}' 절을 지웠습니다 (사이트가 오른쪽에 목차를 만들어 줍니다)."
            )
        elif level == 1 and heading_key(text) == heading_key(title):
            wanted[index] = False
            result.changes.append(
                f"{numbers[index]}줄: 제목과 같은 h1 '{text}' 을 지웠습니다 (페이지 제목이 대신합니다)."
            )
    return keep(lines, numbers, in_code, wanted)


def renumber_headings(lines, in_code, result):
    """Levels in use, in order, become 2, 3, ...: the title is the only h1, no level is skipped."""
    found = headings(lines, in_code)
    levels = sorted({level for _, level, _ in found})
    mapping = {level: min(2 + rank, 6) for rank, level in enumerate(levels)}
    for index, level, text in found:
        lines[index] = f"{'#' * mapping[level]} {text}"
    if any(level != new for level, new in mapping.items()):
        pairs = ", ".join(f"{'#' * level} → {'#' * new}" for level, new in mapping.items())
        result.changes.append(
            f"제목 단계를 바꿨습니다 ({pairs}): 페이지 제목만 h1 입니다. 제목 글자는 그대로라 링크 주소(#...)도 그대로입니다."
        )
    return lines


def reference_urls(lines, in_code) -> dict[str, str]:
    urls = {}
    for line, code in zip(lines, in_code, strict=True):
        if not code and (match := _REF_DEFINITION.match(line)):
            urls[match.group("ref").lower()] = match.group("url")
    return urls


def replace_images(lines, numbers, in_code, ref_urls, figure_group, page_src_uri, result):
    """Every image not drawn by our figure scripts becomes a warning box.

    A line holding only images becomes their boxes; an image inside text
    leaves a marker there, and its box follows the paragraph.
    """
    out, out_code, pending = [], [], []

    def add_boxes(indexes: list[int]) -> None:
        for index in indexes:
            out.extend(["", *redraw_box(result.redraws[index - 1], page_src_uri), ""])
        out_code.extend([False] * (len(out) - len(out_code)))

    for line, number, code in zip(lines, numbers, in_code, strict=True):
        if code:
            out.append(line)
            out_code.append(True)
            continue
        if not line.strip():
            add_boxes(pending)
            pending = []
        new, boxes = replace_line_images(line, number, ref_urls, figure_group, result)
        if boxes and not _MARKER.sub("", new).strip():
            add_boxes(boxes)
            continue
        out.append(new)
        out_code.append(False)
        pending += boxes
    add_boxes(pending)
    return out, out_code


_MARKER = re.compile(r"\*\*\(그림 \d+: [^)]*\)\*\*")


def replace_line_images(line, number, ref_urls, figure_group, result) -> tuple[str, list[int]]:
    """The line with each image to redraw replaced by a marker, and the images' indexes."""
    boxes: list[int] = []

    def marker(match: re.Match) -> str:
        url = image_url(match, ref_urls)
        if url is None or (not _EXTERNAL.match(url) and "figures/" in url and "{" not in url):
            return match.group(0)  # already one of our figures
        index = len(result.redraws) + 1
        alt = match.groupdict().get("alt") or html_alt(match.group(0))
        script = f"figures/{figure_group}/figure_{index:02d}.py"
        result.redraws.append(Redraw(index, number, url, alt.strip(), script))
        boxes.append(index)
        return f"**(그림 {index}: {REDRAW_TITLE} — 아래 상자)**"

    for pattern in (_INLINE_IMAGE, _REF_IMAGE, _HTML_IMAGE):
        line = pattern.sub(marker, line)
    return line, boxes


def image_url(match: re.Match, ref_urls: dict[str, str]) -> str | None:
    groups = match.groupdict()
    if "url" in groups:
        return groups["url"]
    if "ref" in groups:
        return ref_urls.get((groups["ref"] or groups["alt"]).lower())
    src = _HTML_SRC.search(match.group(0))
    return next((part for part in src.groups() if part is not None), None) if src else None


def html_alt(tag: str) -> str:
    found = re.search(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", tag, re.IGNORECASE)
    return next((part for part in found.groups() if part is not None), "") if found else ""


def redraw_box(redraw: Redraw, page_src_uri: str) -> list[str]:
    svg = posixpath.relpath(redraw.script[: -len(".py")] + ".svg", posixpath.dirname(page_src_uri))
    where = (
        "다른 서버에 있던 이미지라서 이 사이트에서는 불러오지 않습니다"
        if _EXTERNAL.match(redraw.url)
        else ("옛 블로그에 있던 이미지라서 이 사이트에는 없습니다")
    )
    alt = f" ({code_span(redraw.alt)})" if redraw.alt else ""
    return [
        f'!!! warning "{REDRAW_TITLE}"',
        "",
        f"    원래 글의 그림 {redraw.index}{alt}은 {where}.",
        f"    같은 내용을 파이썬 스크립트로 다시 그려 {code_span(redraw.script)} 로 저장하고,",
        f"    이 상자를 그 그림({code_span(svg)})을 보여 주는 줄로 바꾸세요.",
        "    그림 스크립트 규칙은 `figures/figure_style.py` 와 기존 그림 스크립트를 보세요.",
        "",
        f"    원래 주소: {code_span(redraw.url)}",
    ]


def code_span(text: str) -> str:
    ticks = "``" if "`" in text else "`"
    pad = " " if ticks == "``" else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def keep_liquid_visible(lines, in_code):
    """Unknown Liquid stays on the page: as code inside text, as a warning box on a line of its own."""
    out, out_code = [], []
    for line, code in zip(lines, in_code, strict=True):
        if code or not _LIQUID.search(line):
            new = [line]
        elif not _LIQUID.sub("", line).strip():
            tags = ", ".join(code_span(match.group(0)) for match in _LIQUID.finditer(line))
            new = [
                "",
                f'!!! warning "{LIQUID_TITLE}"',
                "",
                f"    원래 글의 {tags} 은(는) Jekyll 에서만 동작합니다. 이 사이트에 맞게 직접 바꾸거나 지우세요.",
                "",
            ]
        else:
            new = [outside_code_spans(line, lambda text: _LIQUID.sub(lambda m: code_span(m.group(0)), text))]
        out += new
        out_code += [code] * len(new)
    return out, out_code


def outside_code_spans(line: str, change) -> str:
    parts, last = [], 0
    for match in _CODE_SPAN.finditer(line):
        parts += [change(line[last : match.start()]), match.group(0)]
        last = match.end()
    return "".join(parts + [change(line[last:])])


def tidy_blank_lines(lines, in_code) -> list[str]:
    """At most one blank line in a row outside code; none at either end."""
    out = []
    for line, code in zip(lines, in_code, strict=True):
        if not code and not line.strip():
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(line.rstrip() if _HEADING.match(line) and not code else line)
    while out and out[-1] == "":
        out.pop()
    return out


def external_images(markdown: str) -> list[str]:
    """URLs of images on other hosts still in ``markdown`` (code blocks aside)."""
    lines = markdown.split("\n")
    found = []
    for line, code in zip(lines, code_lines(lines), strict=True):
        if code:
            continue
        found += [m.group("url") for m in _INLINE_IMAGE.finditer(line) if _EXTERNAL.match(m.group("url"))]
        for tag in _HTML_IMAGE.findall(line):
            src = _HTML_SRC.search(tag)
            url = next((part for part in src.groups() if part is not None), "") if src else ""
            if _EXTERNAL.match(url):
                found.append(url)
    return found


# The page ---------------------------------------------------------------------


def plan_import(project: Project, request: ImportRequest) -> ImportPlan:
    """Check and convert; raise CourseBuildError naming the file on the first problem."""
    source = request.source
    display = str(source)
    if not source.is_file():
        raise CourseBuildError(f"{display}: 파일이 없습니다.")
    meta, body, first_line = split_post(source.read_text(encoding="utf-8"), display)
    changes: list[str] = []

    title, emoji = strip_trailing_emoji(str(meta.get("title") or "").strip())
    if emoji:
        changes.append(f"제목 끝의 '{emoji}' 를 뺐습니다 (제목 글자는 그대로).")
    leading = re.match(r"(\d+)\s*", title)
    number = request.number if request.number is not None else int(leading.group(1)) if leading else None
    if number is None:
        raise CourseBuildError(
            f"{display}: 제목 '{title}' 이 회차 번호로 시작하지 않습니다. --number 로 회차를 주세요."
        )
    if leading and int(leading.group(1)) != number:
        title = f"{number:02d} {title[leading.end() :]}"
        changes.append(
            f"제목 앞의 회차 번호 '{leading.group(1)}' 를 --number 에 맞춰 '{number:02d}' 로 바꿨습니다."
        )

    categories = as_list(meta.get("categories") or meta.get("category"))
    term_key = request.term or (categories[0] if categories else None)
    if term_key is None:
        raise CourseBuildError(
            f"{display}: categories 가 없어 학기를 알 수 없습니다. --term 으로 주세요 "
            f"(가능한 값: {', '.join(project.course.terms)})."
        )
    if term_key not in project.course.terms:
        raise CourseBuildError(
            f"{display}: 학기(categories 의 첫 값) '{term_key}' 은(는) mkdocs.yml 의 extra.course.terms 에 없습니다. "
            f"가능한 값: {', '.join(project.course.terms)}. 그곳에 학기를 추가하거나 --term 으로 고르세요."
        )
    term = project.course.terms[term_key]

    slug = request.slug
    if slug is None:
        match = POST_FILE_NAME.fullmatch(source.name)
        if not match:
            raise CourseBuildError(
                f"{display}: 파일 이름이 YYYY-MM-DD-<slug>.md 모양이 아니라 주소 이름을 알 수 없습니다. --slug 로 주세요."
            )
        slug = match.group("slug")
    check_slug(slug)
    src_uri = f"{term.folder}/{slug}.md"
    page = project.docs_dir / src_uri
    refuse_used_number(project, term, number, except_uri=src_uri)

    tags, dropped = [], []
    for tag in as_list(meta.get("tags")):
        (tags if tag in project.course.tags else dropped).append(tag)
    for tag in dropped:
        hint = close_match(tag, project.course.tags)
        changes.append(
            f"태그 '{tag}' 는 mkdocs.yml 의 extra.course.tags 에 없어 뺐습니다"
            + (f" ('{hint}' 를 뜻했다면 직접 넣으세요)" if hint else "")
            + ". 계속 쓰려면 그곳에 추가한 뒤 다시 가져오세요."
        )
    unknown_keys = [key for key in meta if key not in MAPPED_KEYS]
    if unknown_keys:
        changes.append(f"이 사이트에서 쓰지 않는 front matter 필드를 뺐습니다: {', '.join(unknown_keys)}.")

    authors = meta.get("authors") or meta.get("author")
    summary = meta.get("description") or meta.get("excerpt")
    new_meta = {
        "title": title,
        "number": number,
        "date": post_date(meta, source, display).isoformat(),
        "presenters": as_list(authors) if isinstance(authors, list) else [str(authors or "").strip()],
        "term": term.key,
        "tags": tags,
    }
    if isinstance(summary, str) and summary.strip():
        new_meta["summary"] = " ".join(summary.split())
    try:
        front_matter = checked_front_matter(new_meta, src_uri, project)
    except CourseBuildError as error:
        raise CourseBuildError(f"{display} → {error}") from None

    conversion = convert_body(
        body, title=title, first_line=first_line, figure_group=f"seminar{number:02d}", page_src_uri=src_uri
    )
    page_text = front_matter + "\n" + conversion.markdown

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

    mkdocs_text = add_to_nav(project, term, src_uri, number) if request.add_nav else project.mkdocs_text
    report = report_markdown(
        source=display,
        page=project.display(page),
        meta=new_meta,
        conversion=conversion,
        changes=changes + conversion.changes,
    )
    return ImportPlan(
        page=page,
        src_uri=src_uri,
        page_text=page_text,
        status=status,
        mkdocs_text=mkdocs_text,
        nav_changed=mkdocs_text != project.mkdocs_text,
        in_nav=request.add_nav or in_nav(project.mkdocs_text, src_uri),
        report=report,
    )


def in_nav(mkdocs_text: str, src_uri: str) -> bool:
    """Is the page listed (or is there no nav, so that MkDocs lists every page)?"""
    nav = parse_mkdocs_yml(mkdocs_text).get("nav")
    return nav is None or src_uri in flatten_nav(nav)


def write_import(plan: ImportPlan, project: Project) -> None:
    if plan.status != "same":
        plan.page.parent.mkdir(parents=True, exist_ok=True)
        plan.page.write_text(plan.page_text, encoding="utf-8", newline="\n")
    if plan.nav_changed:
        project.mkdocs_yml.write_text(plan.mkdocs_text, encoding="utf-8", newline="")


def report_markdown(*, source: str, page: str, meta: dict, conversion: Conversion, changes: list[str]) -> str:
    """What a maintainer must still do, and what was changed: Markdown, same for every run."""
    lines = [
        f"# Jekyll 글 가져오기 보고서: {meta['title']}",
        "",
        f"- 원본: `{source}`",
        f"- 만든 페이지: `{page}`",
        f"- 회차 {meta['number']}, {meta['date']}, 발표 {', '.join(meta['presenters'])}, "
        f"학기 {meta['term']}, 태그 {', '.join(meta['tags']) or '(없음)'}",
        "",
        f"## 다시 그려야 할 그림 ({len(conversion.redraws)}개)",
        "",
    ]
    if conversion.redraws:
        lines += ["| 그림 | 원본 줄 | 원래 주소 | 새 스크립트 |", "|---:|---:|---|---|"]
        lines += [
            f"| {r.index} | {r.line} | <{r.url}> | `{r.script}` |"
            if _EXTERNAL.match(r.url)
            else f"| {r.index} | {r.line} | `{r.url}` | `{r.script}` |"
            for r in conversion.redraws
        ]
        lines += ["", "페이지에서는 각 그림 자리에 '그림 다시 그리기 필요' 상자가 있습니다."]
    else:
        lines.append("없습니다.")
    lines += ["", f"## 변환하지 못한 Liquid ({len(conversion.liquid)}개)", ""]
    if conversion.liquid:
        lines += [
            f"- {item.line}줄: {code_span(item.text)}"
            + (
                " — 코드 블록 안이라 적힌 그대로 보입니다"
                if item.in_code
                else " — 페이지에 코드로 그대로 보이게 두었습니다"
            )
            for item in conversion.liquid
        ]
    else:
        lines.append("없습니다.")
    lines += ["", "## 그 밖에 바꾼 것", ""]
    lines += [f"- {change}" for change in changes] or ["없습니다."]
    return "\n".join(lines) + "\n"
