"""Text that would publish silently broken or unfinished is named with file:line and a fix."""

from __future__ import annotations

import pytest

from course_site.page_checks import check_page
from course_site.page_source import parse_page
from course_site.unfinished import REDRAW_TITLE, SCAFFOLD_SUMMARY, TODO_COMMENT

HEAD = "---\ntitle: 05 신경망\nsummary: 요약\n---\n\n# 05 신경망\n\n도입.\n\n"  # body starts on line 6


def findings(body: str, head: str = HEAD) -> list[str]:
    return [str(f) for f in check_page(parse_page((head + body).encode("utf-8"), "docs/2023-1/05-x.md"))]


def only(body: str) -> str:
    found = findings(body)
    assert len(found) == 1, found
    return found[0]


def test_a_finished_page_has_no_findings():
    body = "## 1. 시작\n\n내용 `{{ 코드 }}` 와 $x^{{2}}$.\n\n```python\n{% raw %}\n```\n\n$$\n\\frac{{a}}{b}\n$$\n\n![설명](../figures/a/b.svg)\n"
    assert findings(body) == []


@pytest.mark.parametrize(
    ("body", "line", "expected"),
    [
        ("{% include figure.html %}\n", 10, "Liquid"),
        ("주소는 {{ site.baseurl }}/x 입니다.\n", 10, "{{ site.baseurl }}"),
        ("```python\nprint(1)\n\n## 다음 절\n", 10, "닫는 줄이 없어"),
        ("![그림](https://example.com/a.png)\n", 10, "다른 서버"),
        ("![](../figures/a/b.svg)\n", 10, "대체 텍스트"),
        ('<img src="../figures/a/b.svg">\n', 10, "대체 텍스트"),
        (f"!!! warning \"{REDRAW_TITLE}\"\n    원래 그림: a.png\n", 10, REDRAW_TITLE),
        (f"{TODO_COMMENT} 이 절을 채우세요 -->\n", 10, "채우지 않은 곳"),
        ("## 1. 빈 절\n\n## 2. 다음 절\n\n내용\n", 10, "'1. 빈 절' 아래에 내용이 없습니다"),
        ("내용\n\n## 마지막 절\n", 12, "'마지막 절' 아래에 내용이 없습니다"),
    ],
    ids=["liquid-tag", "liquid-variable", "unclosed-fence", "remote-image", "no-alt", "html-no-alt",
         "redraw-box", "todo-mark", "empty-section", "empty-last-section"],
)
def test_each_silent_mistake_is_named_with_its_line(body, line, expected):
    message = only(body)
    assert message.startswith(f"docs/2023-1/05-x.md:{line}:") and expected in message, message


def test_the_scaffold_summary_is_named_on_its_own_line():
    [message] = findings("내용\n", HEAD.replace("summary: 요약", f"summary: {SCAFFOLD_SUMMARY}"))
    assert message.startswith("docs/2023-1/05-x.md:3:") and "한 줄로 소개하세요" in message


def test_a_section_with_subsections_is_not_empty():
    assert findings("## 1. 큰 절\n\n### 1.1 작은 절\n\n내용\n") == []
