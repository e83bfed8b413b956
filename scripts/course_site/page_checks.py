"""Mistakes in a page's text that would otherwise be published silently.

Each finding names ``file:line``, says what is wrong and what to do. The hook
logs them as warnings: ``mkdocs serve`` still shows the page being written,
and ``mkdocs build --strict`` (CI, deploy, ``make build``) refuses to publish.

Checked outside code blocks and inline code:
- unfinished marks the scaffold and the importer leave (course_site.unfinished),
  and an empty section (a heading with nothing under it);
- Liquid/Jinja leftovers from Jekyll (``{% include %}``, ``{{ site.baseurl }}``);
- a code fence that is never closed (the rest of the page becomes code);
- images without alt text, images loaded from another server.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from course_site.page_source import PageSource
from course_site.unfinished import REDRAW_TITLE, SCAFFOLD_SUMMARY, TODO_COMMENT

_FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_LIQUID = re.compile(r"\{%-?\s*(\w+).*?-?%\}|\{\{-?\s*([^}]*?)\s*-?\}\}")
_MD_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(\s*<?(?P<src>[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HTML_IMAGE = re.compile(r"<img\b(?P<attrs>[^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r"""(\w[\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
# Math is TeX, where "{{" is ordinary: $...$, $$...$$ and \(...\) are not scanned for Liquid.
_INLINE_MATH = re.compile(r"\$\$.+?\$\$|(?<![\\$])\$(?=\S)[^$\n]+?(?<=\S)\$|\\\(.+?\\\)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_REMOTE = re.compile(r"^(?:https?:)?//", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    display: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.display}:{self.line}: {self.message}"


def check_page(page: PageSource) -> list[Finding]:
    findings: list[Finding] = []

    def found(line: int, message: str) -> None:
        findings.append(Finding(page.display, line, message))

    if str(page.meta.get("summary") or "").strip() == SCAFFOLD_SUMMARY:
        found(page.line_of("summary"), f"summary 가 아직 뼈대 문구('{SCAFFOLD_SUMMARY}')입니다. 세미나를 한 줄로 소개하세요.")

    headings: list[tuple[int, int, str]] = []  # (line, level, text)
    content_after: dict[int, bool] = {}
    open_fence: tuple[int, str] | None = None
    in_math = False
    for offset, raw in enumerate(page.body.splitlines()):
        line = page.body_line + offset
        fence = _FENCE.match(raw)
        math_edge = raw.count("$$") % 2 == 1 or raw.strip() in ("\\[", "\\]")
        if in_math or (math_edge and not open_fence):
            # Inside a display formula (or on its opening/closing line).
            if math_edge:
                in_math = not in_math
            if headings:
                content_after[headings[-1][0]] = True
            continue
        if open_fence:
            if fence and fence["fence"][0] == open_fence[1][0] and len(fence["fence"]) >= len(open_fence[1]) \
                    and not raw.strip()[len(fence["fence"]):].strip():
                open_fence = None
            if headings:
                content_after[headings[-1][0]] = True
            continue
        if fence:
            open_fence = (line, fence["fence"])
            if headings:
                content_after[headings[-1][0]] = True
            continue
        text = _INLINE_MATH.sub(" ", _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), raw))
        heading = _HEADING.match(text)
        if heading:
            headings.append((line, len(heading[1]), heading[2]))
            content_after[line] = False
        elif text.strip() and headings:
            content_after[headings[-1][0]] = True
        check_line(text, line, found)
    if open_fence:
        found(open_fence[0], f"코드 블록을 여는 {open_fence[1]} 를 닫는 줄이 없어, 페이지의 나머지가 모두 코드로 "
              f"보입니다. 코드가 끝나는 곳에 {open_fence[1]} 만 있는 줄을 넣으세요.")
    for index, (line, level, title) in enumerate(headings):
        if content_after.get(line):
            continue
        # A heading followed by a deeper heading is a section with subsections, not an empty one.
        following = headings[index + 1] if index + 1 < len(headings) else None
        if following and following[1] > level:
            continue
        found(line, f"절 '{title}' 아래에 내용이 없습니다. 내용을 채우거나 제목을 지우세요.")
    return findings


def check_line(text: str, line: int, found) -> None:
    if TODO_COMMENT in text:
        found(line, f"아직 채우지 않은 곳이 있습니다 ({text.strip()}). 내용을 채우고 이 표시를 지우세요.")
    if REDRAW_TITLE in text:
        found(line, f"'{REDRAW_TITLE}' 상자가 남아 있습니다. 그림을 figures/<묶음>/<이름>.py 스크립트로 다시 그려 "
              "![설명](../figures/<묶음>/<이름>.svg) 로 넣고 상자를 지우세요 (README '그림 그리기').")
    for match in _LIQUID.finditer(text):
        tag = match.group(0)
        found(line, f"Jekyll(Liquid) 태그 '{tag}' 가 그대로 남아 있습니다. MkDocs 는 이것을 처리하지 않습니다. "
              "링크나 본문으로 바꾸세요 (코드로 보여 주려면 `...` 로 감싸세요).")
    for src, alt in images_in(text):
        image_problems(src, alt, line, found)


def images_in(text: str) -> list[tuple[str, str]]:
    """(src, alt) of every image on a line of Markdown: ![alt](src) and raw <img> alike."""
    images = [(match["src"], match["alt"]) for match in _MD_IMAGE.finditer(text)]
    for match in _HTML_IMAGE.finditer(text):
        attrs = {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None) for m in _ATTR.finditer(match["attrs"])}
        images.append((attrs.get("src", ""), attrs.get("alt", "")))
    return images


def image_problems(src: str, alt: str, line: int, found) -> None:
    if _REMOTE.match(src):
        found(line, f"그림 '{src}' 을(를) 다른 서버에서 불러옵니다. 사이트는 다른 서버에 요청하지 않습니다. "
              "그림을 figures/ 의 스크립트로 그리거나 docs/ 안에 파일로 넣으세요.")
    if not alt.strip():
        found(line, f"그림 '{src}' 에 대체 텍스트가 없습니다. 화면 낭독기와 그림이 안 보일 때를 위해 "
              "![그림이 보여 주는 내용](...) 처럼 무엇을 보여 주는지 쓰세요.")
