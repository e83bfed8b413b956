"""The one reader of Markdown pages and their YAML front matter, for every hook and tool.

Every mistake a person can make at the top of a page is turned into a
``CourseBuildError`` that names ``file:line``, says what is wrong and how to
fix it: a page saved in CP949 by a Korean Windows editor, YAML that does not
parse (an unclosed ``[``, a tab, a bare colon), a field written twice, an
impossible date, front matter that never ends. A UTF-8 byte order mark is
accepted, as MkDocs accepts it.

Dates stay strings here (YAML would turn ``2022-13-45`` into a crash deep in
PyYAML); the seminar schema checks them with the field's line number.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from course_site.errors import CourseBuildError

# The same rule MkDocs uses (mkdocs.utils.meta): "---" on the first line, the
# YAML, then "---" or "..." on a line of its own.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(---|\.\.\.)[ \t]*(\r?\n|\Z)", re.DOTALL)
_OPENING = re.compile(r"\A---[ \t]*\r?\n")


@dataclass(frozen=True)
class PageSource:
    """A page as its author wrote it."""

    display: str  # the path a maintainer recognises, e.g. "docs/2022-2/04-x.md"
    meta: dict
    body: str  # the Markdown after the front matter, as MkDocs hands it to hooks
    body_line: int  # 1-based line of the file where ``body`` starts
    field_lines: dict = field(default_factory=dict)  # front matter key -> 1-based line

    def line_of(self, key: str) -> int:
        """Line of a front matter field, or of the first line when the field is absent."""
        return self.field_lines.get(key, 1)


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text (checked later, with a line number)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_page(path: Path, display: str) -> PageSource:
    """Read and parse one page; raise CourseBuildError naming ``display:line`` on any mistake."""
    stat = path.stat()
    return _read_page(str(path), display, stat.st_mtime_ns, stat.st_size)


# Several hooks read the same pages in one build; the key includes the file's
# modification time and size, so `mkdocs serve` sees every edit.
@functools.lru_cache(maxsize=4096)
def _read_page(path: str, display: str, _mtime_ns: int, _size: int) -> PageSource:
    return parse_page(Path(path).read_bytes(), display)


def parse_page(data: bytes, display: str) -> PageSource:
    text = decode(data, display)
    match = _FRONT_MATTER.match(text)
    if not match:
        if _OPENING.match(text):
            raise CourseBuildError(
                f"{display}:1: front matter 가 '---' 로 시작했는데 닫는 '---' 줄이 없습니다. "
                "front matter 끝에 '---' 만 있는 줄을 넣으세요."
            )
        return PageSource(display, {}, text, 1)
    yaml_text = match.group(1) or ""
    meta, lines = parse_yaml(yaml_text, display)
    rest = text[match.end():]
    # MkDocs drops the blank lines between the front matter and the text.
    body = rest.lstrip("\r\n")
    body_line = 1 + match.group(0).count("\n") + rest[: len(rest) - len(body)].count("\n")
    return PageSource(display, meta, body, body_line, lines)


def decode(data: bytes, display: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        try:
            data.decode("cp949")
            guess = "한국어 Windows 편집기의 CP949(EUC-KR)로 저장된 것 같습니다. "
        except UnicodeDecodeError:
            guess = ""
        raise CourseBuildError(
            f"{display}:{line}: 파일이 UTF-8 이 아닙니다. {guess}"
            "편집기에서 인코딩을 'UTF-8'로 골라 다시 저장하세요 (메모장: 다른 이름으로 저장 → 인코딩 UTF-8)."
        ) from None


def parse_yaml(yaml_text: str, display: str) -> tuple[dict, dict]:
    """The front matter mapping and the 1-based file line of each key."""
    loader = _Loader(yaml_text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}
        if not isinstance(node, yaml.MappingNode):
            raise CourseBuildError(
                f"{display}:2: front matter 는 '이름: 값' 줄들이어야 합니다. 예: title: \"05 신경망 첫걸음\""
            )
        lines, seen = {}, {}
        for key_node, _ in node.value:
            key, line = str(key_node.value), key_node.start_mark.line + 2  # 1-based, after '---'
            if key in seen:
                raise CourseBuildError(
                    f"{display}:{line}: 필드 '{key}' 가 {seen[key]}번째 줄에 이미 있습니다. 하나만 남기세요."
                )
            seen[key] = lines[key] = line
        return loader.construct_document(node), lines
    except yaml.YAMLError as error:
        raise CourseBuildError(yaml_message(error, yaml_text, display)) from None
    finally:
        loader.dispose()


def yaml_message(error: yaml.YAMLError, yaml_text: str, display: str) -> str:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if "flow" in str(getattr(error, "context", "") or "") and getattr(error, "context_mark", None):
        mark = error.context_mark  # an unclosed "[" is found lines later; name the line that opened it
    line = mark.line + 2 if mark else 2
    problem = getattr(error, "problem", None) or str(error)
    source_lines = yaml_text.splitlines()
    bad = source_lines[mark.line] if mark and mark.line < len(source_lines) else ""
    if "\t" in bad or "tab" in problem:
        hint = "들여쓰기에 탭 문자가 있습니다. 탭 대신 공백을 쓰세요."
    elif "mapping values are not allowed" in problem:
        hint = "값 안에 ': ' 가 있으면 값 전체를 따옴표로 감싸세요. 예: summary: \"정리: 핵심만\""
    elif "expected ',' or ']'" in problem or "flow sequence" in str(error):
        hint = "'[' 로 연 목록을 ']' 로 닫으세요. 예: presenters: [홍길동, 김철수]"
    elif "expected ',' or '}'" in problem or "flow mapping" in str(error):
        hint = "'{' 로 연 것을 '}' 로 닫으세요."
    elif "found character" in problem and ("'@'" in problem or "'`'" in problem):
        hint = "@ 나 ` 로 시작하는 값은 따옴표로 감싸세요."
    else:
        hint = "따옴표와 괄호가 짝이 맞는지, '이름: 값' 모양인지 확인하세요."
    return f"{display}:{line}: front matter 가 올바른 YAML 이 아닙니다 ({problem.strip()}). {hint}"


def front_matter_line_count(source: str) -> int:
    """How many lines come before the Markdown MkDocs hands to hooks, 0 if none.

    Adding this count turns a line number in that Markdown into one in the
    source file.
    """
    try:
        return parse_page(source.encode("utf-8"), "<page>").body_line - 1
    except CourseBuildError:
        return 0
