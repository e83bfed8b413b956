"""The seminar front matter schema: every bad field is named with what is expected."""

from __future__ import annotations

import datetime as dt

import pytest

from course_site.errors import CourseBuildError
from course_site.seminars import CourseConfig, load_seminars, schedule_table, validate

CONFIG = CourseConfig.from_extra(
    {"course": {"terms": {"2nd_term": {"title": "2학기", "folder": "2nd-term"}}, "tags": ["seminar", "실습"]}}
)
GOOD = {
    "title": "04 데이터로 뭐를 할까?",
    "number": 4,
    "date": dt.date(2022, 11, 3),
    "presenters": ["keonju"],
    "term": "2nd_term",
    "tags": ["seminar"],
}
PAGE = "2nd-term/04-x.md"


def errors_for(**changes) -> list[str]:
    meta = {**GOOD, **changes}
    meta = {key: value for key, value in meta.items() if value is not ...}
    return validate(meta, PAGE, CONFIG)[1]


def test_good_front_matter_gives_a_seminar():
    seminar, errors = validate(GOOD, PAGE, CONFIG)
    assert errors == [] and seminar.presenters == ("keonju",) and seminar.term.title == "2학기"


@pytest.mark.parametrize("field", ["title", "number", "date", "presenters", "term"])
def test_missing_required_field_is_named(field):
    assert any(f"필수 필드 '{field}'" in error for error in errors_for(**{field: ...}))


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"date": "2022-11-31"}, "'date': '2022-11-31' 은(는) 날짜가 아닙니다"),
        ({"date": "어제"}, "YYYY-MM-DD"),
        ({"number": "4"}, "'number'"),
        ({"number": 0}, "1 이상의 정수"),
        ({"presenters": [""]}, "'presenters'"),
        ({"term": "3rd_term"}, "'term': '3rd_term' 은(는) 설정된 학기가 아닙니다. 가능한 값: 2nd_term"),
        ({"tags": ["semniar"]}, "'semniar' 은(는) 설정된 태그가 아닙니다 ('seminar' 의 오타인가요?)"),
        ({"slides": "slides.pdf"}, "'slides': 'slides.pdf' 은(는) http(s) 주소가 아닙니다"),
        ({"presenter": "keonju"}, "알 수 없는 필드 'presenter'"),
    ],
)
def test_bad_field_says_what_is_expected(changes, expected):
    assert any(expected in error for error in errors_for(**changes)), errors_for(**changes)


def test_a_page_in_another_terms_folder_is_caught():
    config = CourseConfig.from_extra(
        {"course": {"terms": {"1st_term": {"title": "1학기", "folder": "1st-term"},
                              "2nd_term": {"title": "2학기", "folder": "2nd-term"}}, "tags": ["seminar"]}}
    )
    errors = validate({**GOOD, "term": "1st_term"}, PAGE, config)[1]
    assert any("docs/2nd-term/" in error for error in errors)


def test_load_seminars_names_the_file_for_yaml_errors_and_impossible_dates(tmp_path):
    (tmp_path / "2nd-term").mkdir()
    (tmp_path / "2nd-term" / "01-a.md").write_text("---\ntitle: [broken\n---\n# A\n", encoding="utf-8")
    (tmp_path / "2nd-term" / "02-b.md").write_text(
        "---\ntitle: B\nnumber: 2\ndate: 2022-13-01\npresenters: [a]\nterm: 2nd_term\n---\n# B\n", encoding="utf-8"
    )
    with pytest.raises(CourseBuildError) as caught:
        load_seminars(tmp_path, ["2nd-term/01-a.md", "2nd-term/02-b.md"], CONFIG)
    message = str(caught.value)
    assert "docs/2nd-term/01-a.md:" in message and "YAML" in message
    assert "docs/2nd-term/02-b.md" in message and "실제로 있는 날짜" in message


def test_schedule_is_sorted_by_date_and_links_relative_to_the_page():
    first = validate({**GOOD, "number": 5, "title": "05 신경망", "date": dt.date(2022, 11, 10)}, "2nd-term/05-b.md", CONFIG)[0]
    second = validate(GOOD, PAGE, CONFIG)[0]
    table = schedule_table(sorted([first, second], key=lambda s: s.date), "index.md")
    rows = table.splitlines()[2:]
    assert rows[0].startswith("| 04 | 2022-11-03 | [데이터로 뭐를 할까?](2nd-term/04-x.md)")
    assert rows[1].startswith("| 05 | 2022-11-10 | [신경망](2nd-term/05-b.md)")
