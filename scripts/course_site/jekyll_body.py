"""A post body of the club's old Jekyll blog, as this site's Markdown (course_site.jekyll_import uses it).

The old posts have kramdown, ``<br>`` for spacing, screenshots on other servers
and now and then Liquid. Liquid is Jekyll's template language and runs before
kramdown, so it is handled first, on the text; everything else is read from
markdown-it-py's token stream, whose source line maps say which lines are code,
HTML, headings or paragraphs. Edits are made to the author's own lines, so what
needs no change stays byte for byte as written.

- headings keep their text, so their ids stay the same; levels are renumbered
  so the title is the only h1; a hand-written "목차" and kramdown's
  ``{:toc}`` are dropped: the site builds its own.
- nothing is loaded from another host: each image becomes a box titled
  ``unfinished.REDRAW_TITLE`` naming the figure script to write; an embedded
  video or gist (``<iframe>``, ``<script src>``) becomes a link.
- kramdown: ``$$...$$`` becomes ``$...$`` inside text and a ``$$`` block on a
  paragraph of its own; ``{: .notice--info}`` becomes an admonition, other
  attribute lists are dropped; ``<details>`` becomes a ``???`` block.
- Liquid: ``raw`` and ``highlight`` are converted, ``post_url`` becomes a
  link when the target post was imported; anything else (and kramdown's
  ``{::comment}``-style extensions) stays as written with an
  ``unfinished.TODO_COMMENT`` after its block, so the build refuses the page
  until a person decides.

The conversion is a pure function of the body and of which pages exist.
"""


from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass, field

from markdown_it import MarkdownIt

from course_site.errors import CourseBuildError
from course_site.unfinished import REDRAW_TITLE, TODO_COMMENT

TOC_HEADINGS = {"목차", "차례", "toc", "contents", "tableofcontents"}
# Minimal Mistakes' notice classes, common in club posts, and the admonition each becomes.
NOTICES = {
    "notice": "note",
    "notice--primary": "note",
    "notice--info": "info",
    "notice--success": "success",
    "notice--warning": "warning",
    "notice--danger": "danger",
}

_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}", re.DOTALL)
_HIGHLIGHT = re.compile(r"^(?P<indent>[ \t]*)\{%-?\s*highlight\s+(?P<lang>[\w+-]+)[^%]*-?%\}\s*$")
_END_HIGHLIGHT = re.compile(r"^(?P<indent>[ \t]*)\{%-?\s*endhighlight\s*-?%\}\s*$")
_POST_URL = re.compile(r"\{%-?\s*post_url\s+(?P<name>[^\s%]+)\s*-?%\}")
_SITE_URL = re.compile(r"\{\{-?\s*site\.(?:url|baseurl)\s*-?\}\}")
# Liquid, and kramdown's own extensions ({::comment}, {::nomarkdown}): nothing here understands them.
_LIQUID = re.compile(r"\{%.*?%\}|\{\{.*?\}\}|\{::\w[^}\n]*\}|\{:/\w*\}")
_IAL = re.compile(r"\{:(?![:/])\s*(?P<body>[^}\n]*)\}")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_EMBED = re.compile(r"<(?P<tag>iframe|script)\b[^>]*>(?:.*?</(?P=tag)\s*>)?", re.IGNORECASE | re.DOTALL)
_DETAILS_OPEN = re.compile(r"<details\b(?P<attrs>[^>]*)>", re.IGNORECASE)
_DETAILS_CLOSE = re.compile(r"</details\s*>", re.IGNORECASE)
_SUMMARY = re.compile(r"<summary\b[^>]*>(?P<text>.*?)</summary\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
EXTERNAL_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
_LONE_DOLLAR = re.compile(r"(?<!\\)\$")
_MARKER = re.compile(r"\*\*\(그림 (\d+): [^)]*\)\*\*")
# Stand-ins for the braces of {% raw %} content while Liquid is looked for.
_RAW_OPEN_EXPR, _RAW_OPEN_TAG = "\ue000", "\ue001"
# Inline tokens whose source span matters: what they cover is never rewritten as text.
_SPANNED = {"image", "math_inline", "code_inline", "html_inline", "link_open", "text_special"}


@dataclass(frozen=True)
class Redraw:
    """An image of the post that must be drawn again as a figure script."""

    index: int  # 1-based, in reading order
    line: int  # line in the post file
    url: str
    alt: str
    script: str  # suggested figure script, e.g. figures/seminar04/figure_03.py


@dataclass(frozen=True)
class Leftover:
    """Something of the post the importer could not convert."""

    line: int
    text: str
    in_code: bool  # inside a code block, where it is shown as written


@dataclass
class Conversion:
    markdown: str = ""
    redraws: list[Redraw] = field(default_factory=list)
    leftovers: list[Leftover] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)


# The parser ---------------------------------------------------------------------


def kramdown_math(state, silent: bool) -> bool:
    """kramdown's only math delimiter, ``$$...$$`` (a single ``$`` is a dollar sign there)."""
    start = state.pos
    if not state.src.startswith("$$", start):
        return False
    end = state.src.find("$$", start + 2)
    if end <= start + 2:
        return False
    if not silent:
        token = state.push("math_inline", "math", 0)
        token.content, token.markup = state.src[start + 2 : end], "$$"
    state.pos = end + 2
    return True


def with_span(rule):
    """An inline rule that records the source span of the tokens it makes (markdown-it keeps none)."""

    def spanned(state, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        matched = rule(state, silent)
        if matched and not silent:
            for token in state.tokens[count:]:
                if token.type in _SPANNED and "span" not in token.meta:
                    token.meta["span"] = (start, state.pos)
        return matched

    return spanned


def markdown_parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark").enable("table").disable("text_join")  # keep escapes apart
    parser.inline.ruler.after("escape", "kramdown_math", kramdown_math)
    for rule in parser.inline.ruler.__rules__:
        rule.fn = with_span(rule.fn)
    parser.inline.ruler.__cache__ = None  # the rule chains are compiled on first use
    return parser


PARSER = markdown_parser()



# The body ---------------------------------------------------------------------


def convert_body(
    body: str, *, title: str, first_line: int, figure_group: str, page_src_uri: str, find_post=None
) -> Conversion:
    """The page's Markdown (from its h1 on) and what was changed on the way.

    ``find_post(name)`` gives the src_uri of the page a post ("2022-11-03-x")
    was imported to, or None.
    """
    result = Conversion()
    text, count = unwrap_raw(body.replace("\r\n", "\n"))
    if count:
        result.changes.append(f"`{{% raw %}}` 표시 {count}쌍을 지웠습니다 (안의 내용은 그대로 둡니다).")
    lines = text.split("\n")
    if count := highlight_to_fences(lines):
        result.changes.append(f"`{{% highlight %}}` 코드 블록 {count}개를 ``` 코드 블록으로 바꿨습니다.")
    code, site_urls = code_lines(PARSER.parse("\n".join(lines))), 0
    for index, line in enumerate(lines):
        if index in code:
            continue
        # Jekyll fills these in before kramdown reads the page: "/assets/x.png" is what kramdown saw.
        line, count = _SITE_URL.subn("", line)
        site_urls += count
        lines[index] = resolve_post_urls(line, first_line + index, page_src_uri, find_post, result)
    if site_urls:
        result.changes.append(
            f"주소 앞의 `{{{{ site.url }}}}`, `{{{{ site.baseurl }}}}` {site_urls}개를 지웠습니다."
        )

    converted = _PostBody(lines, first_line, title, figure_group, page_src_uri, result).convert()
    result.markdown = f"# {title}\n\n" + restore_raw("\n".join(converted)) + "\n"
    left = external_images(result.markdown)
    if left:  # a guard for this module's own mistakes: the site loads nothing from other hosts
        raise CourseBuildError(f"그림 주소가 남았습니다 (가져오기 도구의 버그입니다): {', '.join(left)}")
    return result


def resolve_post_urls(line: str, number: int, page_src_uri: str, find_post, result: Conversion) -> str:
    def link(match: re.Match) -> str:
        target = find_post(match["name"]) if find_post else None
        if target is None:
            return match.group(0)  # left as Liquid: reported and marked with the rest
        relative = posixpath.relpath(target, posixpath.dirname(page_src_uri))
        result.changes.append(
            f"{number}줄: {code_span(match.group(0))} 를 가져온 페이지 링크 `{relative}` 로 바꿨습니다."
        )
        return relative

    return _POST_URL.sub(link, line)


@dataclass
class _Inline:
    """One inline token's content after conversion."""

    content: str
    boxes: list[int] = field(default_factory=list)  # redraw numbers whose marker is in the content
    left: list[str] = field(default_factory=list)  # what stays as written, for one mark after the block
    display_math: str | None = None  # the paragraph is one $$...$$: display math


class _PostBody:
    """A post's lines, their token stream, and the edits to the lines.

    Block tokens carry their source lines (``map``); inline tokens carry the
    source span their rule consumed (``with_span``). Edits replace a block's
    lines or add lines after the top-level block around it; ``render``
    applies them all at once, so line numbers in messages are the post's.
    """

    def __init__(self, lines, first_line, title, group, page_src_uri, result: Conversion):
        self.lines, self.first_line, self.title = lines, first_line, title
        self.group, self.page_src_uri, self.result = group, page_src_uri, result
        self.tokens = PARSER.parse("\n".join(lines))
        self.code = code_lines(self.tokens)
        self.replaced: dict[int, tuple[int, list[str]]] = {}  # first line -> (end, new lines)
        self.after: dict[int, list[str]] = defaultdict(list)  # last line of a block -> new lines
        self.regions: list[tuple[int, int]] = []  # (<details> line, </details> line)
        self.open_details: list[int] = []
        self.br_removed = 0

    def note(self, index: int, text: str) -> None:
        self.result.changes.append(f"{self.first_line + index}줄: {text}")

    # The blocks ----------------------------------------------------------------

    def convert(self) -> list[str]:
        tokens = self.tokens
        levels, dropped = self.heading_plan()
        top = [0, 0]  # the lines of the top-level block being read
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.map and token.level == 0:
                top = token.map
            last = top[1] - 1
            if token.map and any(token.map[0] in section for section in dropped):
                pass
            elif token.type == "heading_open" and token.level == 0:
                inline = self.inline(tokens[index + 1], token.map[0])
                self.replaced[token.map[0]] = (
                    token.map[1],
                    [f"{'#' * levels[token.map[0]]} {inline.content.strip()}"],
                )
                self.after[last] += self.boxes(inline.boxes) + self.todo(inline.left)
                index += 2
            elif token.type in ("bullet_list_open", "ordered_list_open") and self.is_kramdown_toc(index):
                dropped.append(range(*token.map))
                self.note(
                    token.map[0], "kramdown 자동 목차(* TOC {:toc})를 지웠습니다 (사이트가 목차를 만듭니다)."
                )
            elif token.type == "paragraph_open":
                self.paragraph(tokens[index + 1], token, last)
                index += 2
            elif token.type == "inline" and token.map:
                # a table cell, a heading in a list: edited where it stands on its line
                inline = self.inline(token, token.map[0], display=False)
                self.lines[token.map[0]] = self.lines[token.map[0]].replace(token.content, inline.content, 1)
                self.after[last] += self.boxes(inline.boxes) + self.todo(inline.left)
            elif token.type in ("fence", "code_block"):
                for line in range(*token.map):
                    self.liquid_left(self.lines[line], line, in_code=True)
            elif token.type == "html_block":
                self.html_block(token, last)
            index += 1
        for section in dropped:
            self.replaced[section.start] = (section.stop, [])
        for line in self.open_details:  # as a browser does: an unclosed <details> lasts to the end
            self.regions.append((line, len(self.lines)))
            self.note(line, "<details> 를 닫는 </details> 가 없어 글 끝까지를 접히는 상자에 넣었습니다.")
        if self.br_removed:
            self.result.changes.append(
                f"`<br>` {self.br_removed}개를 지웠습니다 (문단 사이 간격은 사이트가 맞춥니다)."
            )
        return self.render()

    def heading_plan(self) -> tuple[dict[int, int], list[range]]:
        """New levels of the headings kept (the title is the only h1, none skipped), sections dropped."""
        found = [
            (token.map[0], int(token.tag[1]), self.tokens[index + 1].content)
            for index, token in enumerate(self.tokens)
            if token.type == "heading_open" and token.level == 0
        ]
        title_key = "".join(ch for ch in self.title.lower() if ch.isalnum())
        dropped, kept = [], []
        for position, (start, level, text) in enumerate(found):
            key = "".join(ch for ch in text.lower() if ch.isalnum())
            if any(start in section for section in dropped):
                continue
            if key in TOC_HEADINGS:
                end = next((s for s, lvl, _ in found[position + 1 :] if lvl <= level), len(self.lines))
                dropped.append(range(start, end))
                self.result.changes.append(
                    f"{self.first_line + start}–{self.first_line + end - 1}줄: 손으로 쓴 '{text}' 절을 지웠습니다 "
                    "(사이트가 오른쪽에 목차를 만들어 줍니다)."
                )
            elif level == 1 and key == title_key:
                dropped.append(range(start, start + 1))
                self.note(start, f"제목과 같은 h1 '{text}' 을 지웠습니다 (페이지 제목이 대신합니다).")
            else:
                kept.append((start, level))
        mapping = {level: min(2 + rank, 6) for rank, level in enumerate(sorted({level for _, level in kept}))}
        if any(level != new for level, new in mapping.items()):
            pairs = ", ".join(f"{'#' * level} → {'#' * new}" for level, new in mapping.items())
            self.result.changes.append(
                f"제목 단계를 바꿨습니다 ({pairs}): 페이지 제목만 h1 입니다. "
                "제목 글자는 그대로라 링크 주소(#...)도 그대로입니다."
            )
        return {start: mapping[level] for start, level in kept}, dropped

    def is_kramdown_toc(self, index: int) -> bool:
        """A list whose only text is "TOC": kramdown puts its table of contents there."""
        depth, words = 0, []
        for token in self.tokens[index:]:
            depth += token.nesting
            if token.type == "inline":
                words.append(_IAL.sub("", token.content).strip())
            if depth == 0:
                break
        return [word for word in words if word] == ["TOC"]

    def paragraph(self, inline_token, opening, last: int) -> None:
        start, end = opening.map
        nested = opening.level > 0  # in a list or a quote: the container's marks stay on each line
        content, notice = self.block_attributes(inline_token.content, start, boxes_allowed=not nested)
        inline_token.content = content  # spans stay valid: the attribute list was the last line
        inline = self.inline(inline_token, start, display=not nested)
        if not content.strip():
            out = []  # the paragraph was only an attribute list
        elif inline.display_math is not None:
            out = ["$$", *inline.display_math.split("\n"), "$$"]
            self.note(start, "$$...$$ 만 있는 문단을 수식 블록으로 바꿨습니다.")
        elif nested:
            old = content.split("\n")  # one line fewer than the source when an attribute list went
            out = with_prefixes(self.lines[start : start + len(old)], old, inline.content.split("\n"))
        elif inline.left and not _LIQUID.sub("", inline.content).strip():
            # a paragraph of Liquid only: its mark takes its place
            out, inline.left = self.todo(inline.left), []
        else:
            out, pending = [], []
            for line in inline.content.split("\n"):
                numbers = [int(number) for number in _MARKER.findall(line)]
                if numbers and not _MARKER.sub("", line).strip():
                    out += self.boxes(numbers)  # a line that was only images becomes their boxes
                else:
                    out.append(line)
                    pending += numbers
            inline.boxes = pending
            if notice:
                out = [f"!!! {notice}", "", *indented([line for line in out if line.strip()])]
        self.replaced[start] = (end, out)
        self.after[last] += self.boxes(inline.boxes) + self.todo(inline.left)

    def block_attributes(self, content: str, start: int, boxes_allowed: bool) -> tuple[str, str | None]:
        """(content without its last-line kramdown attribute list, the admonition that list asked for).

        An admonition cannot sit inside a list or a quote, so there the list is only dropped.
        """
        lines = content.split("\n")
        match = _IAL.fullmatch(lines[-1].strip())
        if not match:
            return content, None
        words = match.group("body").split()
        notice = (
            next((NOTICES[word[1:]] for word in words if word[1:] in NOTICES), None)
            if boxes_allowed
            else None
        )
        line = start + len(lines) - 1
        if notice:
            self.note(line, f"{code_span(match.group(0))} 문단을 '!!! {notice}' 상자로 바꿨습니다.")
        elif "toc" in words or ".toc" in words:
            self.note(line, "kramdown 자동 목차 표시를 지웠습니다 (사이트가 목차를 만듭니다).")
        else:
            self.note(
                line,
                f"kramdown 속성 {code_span(match.group(0))} 을 뺐습니다 (이 사이트에는 그 스타일이 없습니다).",
            )
        return "\n".join(lines[:-1]), notice

    def html_block(self, token, last: int) -> None:
        start, end = token.map
        html = token.content.rstrip("\n")
        if token.level == 0 and (opening := _DETAILS_OPEN.search(html)):
            self.details(html, opening, start, end)
            return
        if token.level == 0 and (closing := _DETAILS_CLOSE.search(html)) and self.open_details:
            self.regions.append((self.open_details.pop(), start))
            before = html[: closing.start()].strip("\n")  # the last lines, when no blank line came first
            self.replaced[start] = (end, indented(before.split("\n")))
            return
        new, count = _BR.subn("", html)
        self.br_removed += count
        visible = _TAG.sub("", new).strip()
        new, numbers = self.html_images(new, start)
        new = _EMBED.sub(lambda embed: self.embed_link(embed, start), new)
        tags = self.liquid_left(new, start)
        if numbers and not visible:
            out, numbers = self.boxes(numbers), []  # the block held only pictures
        elif count and not visible:
            out = []  # the block held only <br>
        else:
            out = new.split("\n")
        if token.level > 0:
            out = with_prefixes(self.lines[start:end], token.content.rstrip("\n").split("\n"), out)
        self.replaced[start] = (end, out)
        self.after[last] += self.boxes(numbers) + self.todo(tags)

    def embed_link(self, embed: re.Match, index: int) -> str:
        """A video or a gist loads from another host: a link to it instead, or nothing for a bare script."""
        src = html_attrs(embed.group(0)[: embed.group(0).find(">") + 1]).get("src", "")
        if not src:
            self.note(
                index,
                f"페이지 안에 쓴 <{embed['tag']}> 를 뺐습니다 (이 사이트는 글에 스크립트를 넣지 않습니다).",
            )
            return ""
        self.note(
            index, f"다른 서버의 내용을 끼워 넣는 <{embed['tag']}> 를 링크로 바꿨습니다 ({code_span(src)})."
        )
        return f"[원래 글에 끼워 넣었던 내용 열기]({src})"

    def details(self, html: str, opening: re.Match, start: int, end: int) -> None:
        """``<details>`` opens a ``???`` block that lasts until ``</details>``; what is inside stays Markdown."""
        summary = _SUMMARY.search(html)
        title = " ".join(_TAG.sub("", summary.group("text")).split()) if summary else ""
        kind = "???+" if re.search(r"\bopen\b", opening.group("attrs")) else "???"
        rest = html[(summary.end() if summary else opening.end()) :]
        closed = _DETAILS_CLOSE.search(rest)
        inner = (rest[: closed.start()] if closed else rest).strip("\n")
        body = indented(inner.split("\n")) if inner.strip() else []
        self.replaced[start] = (end, [f'{kind} note "{title or "자세히"}"', "", *body])
        self.note(start, "<details> 를 접히는 상자(??? note)로 바꿨습니다.")
        if not closed:
            self.open_details.append(start)

    # Inline content ------------------------------------------------------------

    def inline(self, token, start: int, display: bool = True) -> _Inline:
        """One inline token converted: images, kramdown math, <br>, attribute lists, Liquid, lone dollars."""
        src, children = token.content, token.children or []
        result, edits, covered = _Inline(src), [], []

        def line_of(position: int) -> int:
            return start + src.count("\n", 0, position)

        for child in children:
            if "span" not in child.meta:
                continue
            begin, end = child.meta["span"]
            covered.append((begin, end))
            if child.type == "image":
                number = self.redraw(child.attrGet("src") or "", child.content, line_of(begin))
                if number is not None:
                    edits.append((begin, end, self.marker(number)))
                    result.boxes.append(number)
            elif child.type == "math_inline":
                if display and len(children) == 1 and not src[:begin].strip() and not src[end:].strip():
                    result.display_math = child.content.strip()
                edits.append((begin, end, f"${' '.join(child.content.split())}$"))
            elif child.type == "html_inline" and _BR.fullmatch(child.content.strip()):
                self.br_removed += 1
                edits.append((begin, end, ""))
            elif child.type == "html_inline" and _HTML_IMAGE.match(child.content):
                _, numbers = self.html_images(child.content, line_of(begin))
                if numbers:
                    edits.append((begin, end, " ".join(self.marker(number) for number in numbers)))
                    result.boxes += numbers
            elif child.type == "html_inline" and (tags := self.liquid_left(child.content, line_of(begin))):
                result.left += tags
        # What no token covers is plain text: there kramdown and Liquid meant something.
        position = 0
        for begin, end in [*sorted(covered), (len(src), len(src))]:
            if begin >= position:
                edits += self.text_edits(src, position, begin, line_of, result)
                position = end
        for begin, end, new in sorted(edits, reverse=True):
            src = src[:begin] + new + src[end:]
        result.content = src
        return result

    def text_edits(self, src: str, begin: int, end: int, line_of, result: _Inline) -> list:
        edits = []
        for match in _LIQUID.finditer(src, begin, end):  # left as written, for a person to decide
            result.left += self.liquid_left(match.group(0), line_of(match.start()))
        for match in _IAL.finditer(src, begin, end):  # e.g. {: target="_blank"} after a link
            self.note(
                line_of(match.start()),
                f"kramdown 속성 {code_span(match.group(0))} 을 뺐습니다 (이 사이트에는 그 스타일이 없습니다).",
            )
            edits.append((match.start(), match.end(), ""))
        # kramdown's lone $ is a dollar sign; ours opens a formula.
        for match in _LONE_DOLLAR.finditer(src, begin, end):
            edits.append((match.start(), match.end(), "\\$"))
        return edits

    # Images and Liquid ---------------------------------------------------------

    def redraw(self, url: str, alt: str, index: int) -> int | None:
        """Record an image to draw again; None when it is already one of our figures."""
        if not EXTERNAL_URL.match(url) and "figures/" in url and "{" not in url:
            return None
        number = len(self.result.redraws) + 1
        script = f"figures/{self.group}/figure_{number:02d}.py"
        self.result.redraws.append(Redraw(number, self.first_line + index, url, alt.strip(), script))
        return number

    @staticmethod
    def marker(number: int) -> str:
        return f"**(그림 {number}: {REDRAW_TITLE} — 아래 상자)**"

    def boxes(self, numbers: list[int]) -> list[str]:
        lines = []
        for number in numbers:
            redraw = self.result.redraws[number - 1]
            svg = posixpath.relpath(
                redraw.script.removesuffix(".py") + ".svg", posixpath.dirname(self.page_src_uri)
            )
            where = (
                "다른 서버에 있던 이미지라서 이 사이트에서는 불러오지 않습니다"
                if EXTERNAL_URL.match(redraw.url)
                else "옛 블로그에 있던 이미지라서 이 사이트에는 없습니다"
            )
            alt = f" ({code_span(redraw.alt)})" if redraw.alt else ""
            lines += [
                "",
                f'!!! warning "{REDRAW_TITLE}"',
                "",
                f"    원래 글의 그림 {redraw.index}{alt}은 {where}.",
                f"    같은 내용을 파이썬 스크립트로 다시 그려 {code_span(redraw.script)} 로 저장하고,",
                f"    이 상자를 그 그림({code_span(svg)})을 보여 주는 줄로 바꾸세요.",
                "    그림 스크립트 규칙은 `figures/figure_style.py` 와 기존 그림 스크립트를 보세요.",
                "",
                f"    원래 주소: {code_span(redraw.url)}",
                "",
            ]
        return lines

    def html_images(self, html: str, index: int) -> tuple[str, list[int]]:
        numbers: list[int] = []

        def replace(match: re.Match) -> str:
            attrs = html_attrs(match.group(0))
            number = self.redraw(attrs.get("src", ""), attrs.get("alt", ""), index)
            if number is None:
                return match.group(0)
            numbers.append(number)
            return f"(그림 {number}: {REDRAW_TITLE} — 아래 상자)"

        return _HTML_IMAGE.sub(replace, html), numbers

    def liquid_left(self, text: str, index: int, in_code: bool = False) -> list[str]:
        found = [match.group(0) for match in _LIQUID.finditer(text)]  # {% raw %} content is hidden
        self.result.leftovers += [Leftover(self.first_line + index, tag, in_code) for tag in found]
        return found

    @staticmethod
    def todo(tags: list[str]) -> list[str]:
        """The one unfinished mark for what a block left as written (none if nothing was)."""
        if not tags:
            return []
        listed = ", ".join(code_span(tag) for tag in tags).replace("--", "- -")  # "--" would end the comment
        posts = [match["name"] for tag in tags if (match := _POST_URL.fullmatch(tag))]
        if posts:
            what = f"{listed} 는 아직 가져오지 않은 글({', '.join(posts)})로 가는 링크입니다"
            return [
                f"{TODO_COMMENT} {what}. 그 글을 먼저 가져온 뒤 이 글을 --force 로 다시 가져오거나, 링크를 직접 고치세요. -->"
            ]
        return [f"{TODO_COMMENT} Jekyll 에서만 동작하는 {listed} 를 이 사이트에 맞게 바꾸거나 지우세요. -->"]

    # Writing -------------------------------------------------------------------

    def render(self) -> list[str]:
        """The lines with every edit applied; text in a ``<details>`` block indented under its ``???``."""
        out: list[tuple[str, bool]] = []

        def emit(new: list[str], index: int, code: bool = False) -> None:
            for _ in range(sum(1 for start, end in self.regions if start < index < end)):
                new = indented(new)
            out.extend((line, code) for line in new)

        index = 0
        while index < len(self.lines):
            end, new = self.replaced.get(index, (index + 1, None))
            emit([self.lines[index]] if new is None else new, index, new is None and index in self.code)
            for inner in range(index, end):
                if self.after.get(inner):
                    emit(["", *self.after[inner], ""], inner)
            index = end
        return tidy_blank_lines(out)


def indented(lines: list[str]) -> list[str]:
    """Lines one level into an admonition or a ``???`` block."""
    return [f"    {line}" if line.strip() else "" for line in lines]


def tidy_blank_lines(lines: list[tuple[str, bool]]) -> list[str]:
    """At most one blank line in a row outside code; none at either end."""
    out: list[str] = []
    for line, code in lines:
        if code or line.strip():
            out.append(line)
        elif out and out[-1] != "":
            out.append("")
    while out and out[-1] == "":
        out.pop()
    return out


def with_prefixes(source: list[str], old: list[str], new: list[str]) -> list[str]:
    """``new`` content lines under the list markers and quote marks that ``old`` had in ``source``."""
    if not len(source) == len(old) == len(new):
        return source  # cannot tell the container's marks apart: the lines stay as written
    out = []
    for line, before, after in zip(source, old, new, strict=True):
        kept, before = line.rstrip(), before.rstrip()
        out.append(line[: len(kept) - len(before)] + after if kept.endswith(before) else line)
    return out


def html_attrs(tag: str) -> dict[str, str]:
    found = re.finditer(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", tag)
    return {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None) for m in found}


def code_span(text: str) -> str:
    ticks = "``" if "`" in text else "`"
    pad = " " if ticks == "``" else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def unwrap_raw(body: str) -> tuple[str, int]:
    """``{% raw %}`` removed; the braces inside hidden from the Liquid search until ``restore_raw``."""
    count = 0

    def unwrap(match: re.Match) -> str:
        nonlocal count
        count += 1
        return match.group(1).replace("{{", _RAW_OPEN_EXPR).replace("{%", _RAW_OPEN_TAG)

    return _RAW.sub(unwrap, body), count


def restore_raw(text: str) -> str:
    return text.replace(_RAW_OPEN_EXPR, "{{").replace(_RAW_OPEN_TAG, "{%")


def highlight_to_fences(lines: list[str]) -> int:
    count = 0
    for index, line in enumerate(lines):
        if match := _HIGHLIGHT.match(line):
            lines[index] = f"{match['indent']}```{match['lang']}"
            count += 1
        elif match := _END_HIGHLIGHT.match(line):
            lines[index] = f"{match['indent']}```"
    return count


def code_lines(tokens) -> set[int]:
    return {line for token in tokens if token.type in ("fence", "code_block") for line in range(*token.map)}


def external_images(markdown: str) -> list[str]:
    """URLs of images on other hosts still in ``markdown``, as a Markdown parser sees them."""
    found = []

    def visit(tokens) -> None:
        for token in tokens:
            if token.type == "image" and EXTERNAL_URL.match(token.attrGet("src") or ""):
                found.append(token.attrGet("src"))
            if token.type in ("html_block", "html_inline"):
                sources = (html_attrs(tag).get("src", "") for tag in _HTML_IMAGE.findall(token.content))
                found.extend(src for src in sources if EXTERNAL_URL.match(src))
            visit(token.children or [])

    visit(PARSER.parse(markdown))
    return found
