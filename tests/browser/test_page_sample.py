"""The sample of reading pages the browser tests open (page_sample.py); no browser needed."""

from __future__ import annotations

import pytest

from changed_files import CHECK_ALL
from page_sample import (
    covering,
    element_kinds,
    kind_of_page,
    page_of_source,
    pages_changed,
    pages_to_open,
    sample,
)

TABLE = "<table><tr><td>1</td></tr></table>"
FIGURE = '<figure class="course-figure"><img src="../../figures/s05/plot.svg" alt="그림"></figure>'
FORMULA = '<span class="katex"><span class="mord mathnormal">x</span></span>'


def page(body: str) -> str:
    navigation = '<nav class="md-nav"><a class="md-nav__link">목차</a></nav>'
    return f"<html>{navigation}<article><h1>제목</h1>{body}</article></html>"


@pytest.fixture
def site(tmp_path):
    """A built site of pages (URL path -> article body), written as index.html files."""
    def write(pages: dict[str, str]):
        for path, body in pages.items():
            (tmp_path / path).mkdir(parents=True, exist_ok=True)
            (tmp_path / path / "index.html").write_text(page(body), encoding="utf-8")
        return tmp_path
    return write


def test_element_kinds_are_the_articles_tags_and_classes_with_a_formula_counted_once():
    kinds = element_kinds(page(TABLE + FIGURE + "<p>수식 " + FORMULA + "</p><hr><p>끝</p>"))
    assert {"table", "td", "figure", "figure.course-figure", "img", "katex", "hr", "p"} <= kinds
    assert not {kind for kind in kinds if "md-nav" in kind or kind.startswith(("nav", "span"))}
    assert "p" in element_kinds(page(FORMULA + "<p>수식 뒤의 문단</p>"))  # the formula's end is found


def test_the_cover_starts_with_the_largest_page_and_adds_only_pages_with_something_new():
    kinds = {"a": frozenset({"p"}), "b": frozenset({"p", "table"}), "c": frozenset({"p", "figure"}),
             "d": frozenset({"p", "table"})}
    size = {"a": 900, "b": 500, "c": 100, "d": 400}
    assert covering(kinds, size) == ["a", "b", "c"]
    assert covering({"a": frozenset({"p"}), "b": frozenset({"p"})}, {"a": 1, "b": 2}) == ["b"]
    assert covering({}, {}) == []


def test_pages_are_seminars_or_term_pages_by_where_they_sit_and_any_other_page_is_its_own_kind():
    assert kind_of_page("2022-2/04-what-to-do-with-data/") == "seminar"
    assert kind_of_page("2023-summer/") == "term"
    assert [kind_of_page(path) for path in ("", "glossary/", "tags/")] == ["", "glossary/", "tags/"]


def test_the_sample_holds_every_other_page_the_seminars_covering_all_elements_and_the_changed_ones(site):
    folder = site({
        "": "<p>홈</p>", "glossary/": "<dl><dt>용어</dt></dl>",
        "2022-2/": "<ul><li>04</li></ul>", "2023-1/": "<ul><li>05</li></ul>",
        "2022-2/04-long/": "<p>" + "긴 글 " * 500 + "</p>" + TABLE,
        "2023-1/05-plain/": "<p>짧은 글</p>",
        "2023-1/06-figure/": FIGURE,
    })
    pages = ["", "glossary/", "2022-2/", "2023-1/", "2022-2/04-long/", "2023-1/05-plain/", "2023-1/06-figure/"]
    opened = sample(folder, pages, set())
    assert opened == ["", "glossary/", "2022-2/", "2022-2/04-long/", "2023-1/06-figure/"]
    assert "2023-1/05-plain/" in sample(folder, pages, {"2023-1/05-plain/"})
    assert sample(folder, pages, None) == pages  # git could not say what changed: every page


def test_changed_sources_name_their_pages_and_a_changed_figure_script_the_pages_showing_it(site):
    assert page_of_source("docs/2023-1/05-plain.md") == "2023-1/05-plain/"
    assert page_of_source("docs/2023-1/index.md") == "2023-1/"
    assert page_of_source("docs/index.md") == ""
    assert page_of_source("docs/glossary.yml") is None and page_of_source("README.md") is None
    folder = site({"": "<p>홈</p>", "2023-1/05-figure/": FIGURE, "2023-1/06-other/": "<p>그림 없음</p>"})
    pages = ["", "2023-1/05-figure/", "2023-1/06-other/"]
    assert pages_changed(["figures/s05/plot.py", "docs/index.md", "README.md"], folder, pages) == {
        "", "2023-1/05-figure/"}


def test_every_page_is_opened_when_asked(site, monkeypatch):
    folder = site({"": "<p>홈</p>", "2022-2/04-a/": "<p>가</p>", "2022-2/05-b/": "<p>나</p>"})
    monkeypatch.setenv(CHECK_ALL, "1")
    pages = ["", "2022-2/04-a/", "2022-2/05-b/"]
    assert pages_to_open(folder, folder, pages) == pages


def test_on_the_real_site_the_pages_opened_hold_every_kind_of_element_and_page(built_site, reading_pages,
                                                                               pages_to_open):
    def kinds(paths):
        return set().union(*(element_kinds((built_site / path / "index.html").read_text(encoding="utf-8"))
                             for path in paths))

    assert kinds(pages_to_open) == kinds(reading_pages)
    assert {kind_of_page(path) for path in pages_to_open} == {kind_of_page(path) for path in reading_pages}
