"""The navigation, term pages and schedules follow from the course on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from course_site.course_nav import course_nav, expand_schedules, term_index_page
from course_site.errors import CourseBuildError
from course_site.notebook_links import linked_notebooks, notebook_page_uris
from course_site.seminars import CourseConfig, load_course

CONFIG = CourseConfig.from_extra({"course": {"tags": ["seminar"]}})


def seminar_text(number: int, title: str, date: str) -> str:
    return f"---\ntitle: \"{number:02d} {title}\"\nnumber: {number}\ndate: {date}\npresenters: [a]\n---\n# {title}\n\n본문\n"


@pytest.fixture
def course(tmp_path: Path):
    pages = {
        "2022-2/05-later.md": seminar_text(5, "나중", "2022-11-10"),
        "2022-2/04-first.md": seminar_text(4, "먼저", "2022-11-03"),
        "2023-1/01-new.md": seminar_text(1, "새 학기", "2023-03-09"),
    }
    for uri, text in pages.items():
        (tmp_path / uri).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / uri).write_text(text, encoding="utf-8")
    return load_course(tmp_path, list(pages), CONFIG)[0]


def test_the_current_term_comes_after_home_and_earlier_terms_newest_first_under_one_section(course):
    nav = course_nav([{"홈": "index.md"}, {"태그": "tags.md"}], course, {})
    assert nav == [
        {"홈": "index.md"},
        {"2023년 1학기": ["2023-1/index.md", "2023-1/01-new.md"]},
        {"지난 학기": [{"2022년 2학기": ["2022-2/index.md", "2022-2/04-first.md", "2022-2/05-later.md"]}]},
        {"태그": "tags.md"},
    ]


def course_of_terms(folder: Path, terms: list[str], empty: tuple[str, ...] = ()):
    """A course with one seminar in each of ``terms`` and a term page only in each of ``empty``."""
    month = {"1": "04", "2": "09"}  # a date inside the term
    pages = {f"{term}/01-a.md": seminar_text(1, term, f"{term[:4]}-{month[term[5:]]}-01") for term in terms}
    pages.update({f"{term}/index.md": "# 준비 중\n" for term in empty})
    for uri, text in pages.items():
        (folder / uri).parent.mkdir(parents=True, exist_ok=True)
        (folder / uri).write_text(text, encoding="utf-8")
    return load_course(folder, list(pages), CONFIG)[0]


def test_a_course_of_one_term_has_no_earlier_terms_section(tmp_path):
    nav = course_nav(["index.md"], course_of_terms(tmp_path, ["2022-2"]), {})
    assert nav == ["index.md", {"2022년 2학기": ["2022-2/index.md", "2022-2/01-a.md"]}]


def test_five_terms_put_four_earlier_ones_newest_first_under_one_section(tmp_path):
    course = course_of_terms(tmp_path, ["2021-1", "2023-1", "2021-2", "2022-2", "2022-1"])
    nav = course_nav(["index.md"], course, {})
    assert [next(iter(entry)) for entry in nav[1:]] == ["2023년 1학기", "지난 학기"]
    earlier = [next(iter(entry)) for entry in nav[2]["지난 학기"]]
    assert earlier == ["2022년 2학기", "2022년 1학기", "2021년 2학기", "2021년 1학기"]


def test_a_term_folder_made_early_for_the_next_term_stays_beside_the_current_term(tmp_path):
    course = course_of_terms(tmp_path, ["2022-2", "2022-1"], empty=("2023-1",))
    nav = course_nav(["index.md"], course, {})
    assert [next(iter(entry)) for entry in nav[1:]] == ["2023년 1학기", "2022년 2학기", "지난 학기"]
    assert nav[3] == {"지난 학기": [{"2022년 1학기": ["2022-1/index.md", "2022-1/01-a.md"]}]}


def test_a_notebook_follows_the_first_seminar_that_links_to_it(course):
    notebooks = {"2022-2/04-first.md": ["notebooks/g/a.ipynb"], "2022-2/05-later.md": ["notebooks/g/a.ipynb"]}
    term = course_nav(["index.md"], course, notebooks)[2]["지난 학기"][0]["2022년 2학기"]
    assert term == ["2022-2/index.md", "2022-2/04-first.md", "notebooks/g/a.ipynb", "2022-2/05-later.md"]


def test_listing_a_seminar_by_hand_in_the_nav_is_refused(course):
    with pytest.raises(CourseBuildError, match="nav 에서 이 줄을 지우세요"):
        course_nav(["index.md", {"옛 목록": ["2022-2/04-first.md"]}], course, {})


def test_the_home_schedule_leads_with_the_current_term_and_links_earlier_ones(course):
    markdown = expand_schedules("## 세미나\n\n<!-- seminar-schedule -->\n", "index.md", course, "docs/index.md")
    current, earlier = markdown.split("### 지난 학기")
    assert "### 2023년 1학기" in current and "[새 학기](2023-1/01-new.md)" in current and "먼저" not in current
    assert "[2022년 2학기](2022-2/index.md) · 세미나 2개" in earlier


def test_a_term_page_schedule_lists_its_own_seminars_by_number(course):
    markdown = expand_schedules("<!-- seminar-schedule -->", "2022-2/index.md", course, "docs/2022-2/index.md")
    rows = [line for line in markdown.splitlines() if line.startswith("| 0")]
    assert rows[0].startswith("| 04 | 2022-11-03 | [먼저](04-first.md)")
    assert rows[1].startswith("| 05 | 2022-11-10 | [나중](05-later.md)")


def test_a_schedule_for_a_term_that_does_not_exist_is_an_error(course):
    with pytest.raises(CourseBuildError, match="term='2031-1'.*있는 학기: 2023-1, 2022-2"):
        expand_schedules("<!-- seminar-schedule term=2031-1 -->", "index.md", course, "docs/index.md")


def test_a_term_nobody_wrote_a_page_for_gets_its_title_and_schedule(course):
    text = term_index_page(course.terms[0])
    assert "# 2023년 1학기" in text and "<!-- seminar-schedule -->" in text


def test_notebooks_are_found_on_disk_and_linked_by_relative_links(tmp_path):
    (tmp_path / "g").mkdir()
    for name in ("a.py", "_shared.py", "b.py"):
        (tmp_path / "g" / name).write_text("# %%\n", encoding="utf-8")
    uris = notebook_page_uris(tmp_path)
    assert uris == ["notebooks/g/a.ipynb", "notebooks/g/b.ipynb"]
    body = "[실습 B](../notebooks/g/b.ipynb) 와 [실습 A](<../notebooks/g/a.ipynb#1-시작>), [없는](../notebooks/g/c.ipynb)"
    assert linked_notebooks("2022-2/04-x.md", body, uris) == ["notebooks/g/b.ipynb", "notebooks/g/a.ipynb"]
