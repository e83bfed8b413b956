"""Reading pages and the seminar schema: every mistake is named with file:line and a fix."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from course_site.errors import CourseBuildError
from course_site.page_source import parse_page, read_page
from course_site.seminars import CourseConfig, load_course, validate

CONFIG = CourseConfig.from_extra({"course": {"tags": ["seminar", "실습"]}})
GOOD = """---
title: "04 데이터로 뭐를 할까?"
number: 4
date: 2022-11-03
presenters: [keonju]
tags: [seminar]
summary: 한 줄 요약
---

# 04 데이터로 뭐를 할까?

본문.
"""
PAGE = "2022-2/04-x.md"


def page_with(text: str, display: str = "docs/2022-2/04-x.md"):
    return parse_page(text.encode("utf-8"), display)


def errors_for(old: str, new: str) -> list[str]:
    assert old in GOOD
    return validate(page_with(GOOD.replace(old, new)), PAGE, CONFIG)[1]


def read_error(data: bytes) -> str:
    with pytest.raises(CourseBuildError) as caught:
        parse_page(data, "docs/2022-2/04-x.md")
    return str(caught.value)


# Reading a page -----------------------------------------------------------------


def test_good_front_matter_gives_a_seminar_of_the_folders_term():
    seminar, errors = validate(page_with(GOOD), PAGE, CONFIG)
    assert errors == []
    assert seminar.presenters == ("keonju",) and seminar.date == dt.date(2022, 11, 3)
    assert seminar.term.key == "2022-2" and seminar.term.title == "2022년 2학기"


def test_body_starts_where_mkdocs_hands_it_to_hooks_with_its_file_line():
    page = page_with(GOOD)
    assert page.body.startswith("# 04 데이터로") and page.body_line == 10
    assert page.line_of("presenters") == 5


def test_a_utf8_byte_order_mark_is_accepted():
    page = parse_page(b"\xef\xbb\xbf" + GOOD.encode("utf-8"), "docs/x.md")
    assert page.meta["number"] == 4


def test_a_page_saved_in_cp949_is_named_with_the_fix():
    message = read_error(GOOD.encode("cp949"))
    assert message.startswith("docs/2022-2/04-x.md:2:")
    assert "CP949" in message and "UTF-8" in message and "다시 저장" in message


@pytest.mark.parametrize(
    ("old", "new", "line", "hint"),
    [
        ("presenters: [keonju]", "presenters: [keonju, 홍길동", 5, "']' 로 닫으세요"),
        ("summary: 한 줄 요약", "summary: 정리: 핵심만", 7, "따옴표로 감싸세요"),
        ("tags: [seminar]", "tags:\n\t- seminar", 7, "탭"),
    ],
    ids=["unclosed-list", "bare-colon", "tab"],
)
def test_yaml_mistakes_name_the_line_and_the_fix(old, new, line, hint):
    message = read_error(GOOD.replace(old, new).encode("utf-8"))
    assert message.startswith(f"docs/2022-2/04-x.md:{line}:"), message
    assert "YAML" in message and hint in message and "Traceback" not in message


def test_a_field_written_twice_is_refused():
    message = read_error(GOOD.replace("tags: [seminar]\n", "tags: [seminar]\nnumber: 5\n").encode("utf-8"))
    assert "docs/2022-2/04-x.md:7:" in message and "'number'" in message and "3번째 줄" in message


def test_front_matter_that_never_ends_is_refused():
    message = read_error(GOOD.replace("---\n\n#", "\n#").encode("utf-8"))
    assert "docs/2022-2/04-x.md:1:" in message and "닫는 '---'" in message


def test_read_page_sees_every_edit_of_the_same_file(tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: A\n---\n# A\n", encoding="utf-8")
    assert read_page(path, "docs/a.md").meta == {"title": "A"}
    path.write_text("---\ntitle: Bee\n---\n# B\n", encoding="utf-8")
    assert read_page(path, "docs/a.md").meta == {"title": "Bee"}


# The schema -----------------------------------------------------------------------


@pytest.mark.parametrize("field", ["title", "number", "date", "presenters"])
def test_missing_required_field_is_named(field):
    line = next(line for line in GOOD.splitlines() if line.startswith(field + ":"))
    assert any(f"필수 필드 '{field}'" in error for error in errors_for(line + "\n", ""))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("date: 2022-11-03", "date: 2022-13-45", "docs/2022-2/04-x.md:4: 'date': '2022-13-45' 은(는) 있는 날짜가 아닙니다"),
        ("date: 2022-11-03", "date: 어제", "YYYY-MM-DD"),
        ("number: 4", "number: \"4\"", "docs/2022-2/04-x.md:3: 'number'"),
        ("number: 4", "number: 0", "1 이상의 정수"),
        ("presenters: [keonju]", "presenters: [\"\"]", "'presenters'"),
        ("presenters: [keonju]", "presenters: \"keonju, 홍길동\"", "presenters: [keonju, 홍길동]"),
        ("tags: [seminar]", "tags: [semniar]", "docs/2022-2/04-x.md:6: 'tags': 'semniar' 은(는) 설정된 태그가 아닙니다 ('seminar' 의 오타인가요?)"),
        ("summary: 한 줄 요약", "slides: slides.pdf", "'slides': 'slides.pdf' 은(는) http(s) 주소가 아닙니다"),
        ("summary: 한 줄 요약", "presenter: keonju", "알 수 없는 필드 'presenter' ('presenters' 의 오타인가요?)"),
        ("summary: 한 줄 요약", "term: 2023-1", "'term': '2023-1' 인데 파일은 2022년 2학기 폴더(docs/2022-2/)에"),
    ],
)
def test_bad_field_names_line_and_says_what_is_expected(old, new, expected):
    errors = errors_for(old, new)
    assert any(expected in error for error in errors), errors


def test_a_matching_term_field_is_allowed():
    assert errors_for("summary: 한 줄 요약", "term: 2022-2") == []


def test_missing_course_settings_are_an_error_not_an_empty_course():
    with pytest.raises(CourseBuildError, match="extra.course.tags"):
        CourseConfig.from_extra({})


# Rules across pages ---------------------------------------------------------------


def write(docs: Path, uri: str, text: str) -> str:
    (docs / uri).parent.mkdir(parents=True, exist_ok=True)
    (docs / uri).write_text(text, encoding="utf-8")
    return uri


def course_error(docs: Path) -> str:
    uris = [path.relative_to(docs).as_posix() for path in docs.rglob("*.md")]
    with pytest.raises(CourseBuildError) as caught:
        load_course(docs, uris, CONFIG)
    return str(caught.value)


def seminar(number: int, title: str, date: str = "2022-11-03") -> str:
    return GOOD.replace("number: 4", f"number: {number}").replace("04 데이터로 뭐를 할까?", title).replace(
        "2022-11-03", date
    )


def test_every_problem_of_every_page_is_reported_at_once(tmp_path):
    write(tmp_path, "2022-2/01-a.md", "---\ntitle: [broken\n---\n# A\n")
    write(tmp_path, "2022-2/02-b.md", seminar(2, "B").replace("2022-11-03", "2022-13-01"))
    message = course_error(tmp_path)
    assert "docs/2022-2/01-a.md:2:" in message and "YAML" in message
    assert "docs/2022-2/02-b.md:4:" in message and "있는 날짜" in message


def test_two_seminars_with_one_number_in_a_term_are_both_named(tmp_path):
    write(tmp_path, "2022-2/04-a.md", seminar(4, "첫째"))
    write(tmp_path, "2022-2/04-b.md", seminar(4, "둘째"))
    message = course_error(tmp_path)
    assert "docs/2022-2/04-a.md, docs/2022-2/04-b.md" in message and "회차(number) '4'" in message


def test_the_same_number_in_two_terms_is_fine(tmp_path):
    write(tmp_path, "2022-2/04-a.md", seminar(4, "첫째"))
    write(tmp_path, "2023-1/04-b.md", seminar(4, "둘째", "2023-03-10"))
    course, _ = load_course(tmp_path, ["2022-2/04-a.md", "2023-1/04-b.md"], CONFIG)
    assert [term.key for term in course.terms] == ["2023-1", "2022-2"]
    assert course.current_term.key == "2023-1"


def test_two_seminars_with_one_title_in_a_term_are_both_named(tmp_path):
    write(tmp_path, "2022-2/04-a.md", seminar(4, "같은 제목"))
    write(tmp_path, "2022-2/05-b.md", seminar(5, "같은 제목"))
    message = course_error(tmp_path)
    assert "docs/2022-2/04-a.md, docs/2022-2/05-b.md" in message and "제목(title)" in message


def test_a_seminar_page_outside_any_term_folder_is_told_where_to_go(tmp_path):
    write(tmp_path, "seminars/05-x.md", seminar(5, "길 잃은 세미나", "2023-04-06"))
    message = course_error(tmp_path)
    assert "docs/seminars/05-x.md:1:" in message and "docs/2023-1/ 로 옮기세요" in message


def test_a_folder_that_almost_names_a_term_is_explained(tmp_path):
    write(tmp_path, "2023_1/05-x.md", seminar(5, "X", "2023-04-06"))
    message = course_error(tmp_path)
    assert "docs/2023_1/" in message and "2023-1" in message


def test_a_seminar_without_front_matter_is_named(tmp_path):
    write(tmp_path, "2022-2/05-x.md", "# 05 제목만 있는 글\n")
    assert "docs/2022-2/05-x.md:1: front matter" in course_error(tmp_path)


def test_pages_outside_term_folders_need_no_seminar_fields(tmp_path):
    write(tmp_path, "index.md", "---\ntitle: 홈\n---\n# 홈\n")
    write(tmp_path, "guide/writing.md", "# 글쓰기 안내\n")
    course, pages = load_course(tmp_path, ["index.md", "guide/writing.md"], CONFIG)
    assert course.seminars == () and set(pages) == {"index.md", "guide/writing.md"}
