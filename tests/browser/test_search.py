"""What a reader gets from the search box: Korean queries typed into Material's search in Chromium.

The queries and where they should land are data shared with the evaluation
tool (tools/search_queries.yaml, about seminar 04's content), read and typed
by the same code as the tool's (course_site.search_queries, course_site.search_box).
"""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from course_site.search_box import INVISIBLE, SearchBox
from course_site.search_queries import load_queries

QUERIES = load_queries()
FOUND = QUERIES.every_scored()
FIRST = [query for query in FOUND if query.first]
S = QUERIES.pages["S"]


@pytest.fixture(scope="module")
def search_box(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield SearchBox(context.new_page(), site_url)
    context.close()


# Finding ------------------------------------------------------------------------------


@pytest.mark.parametrize("query", FOUND, ids=[query.text for query in FOUND])
def test_query_finds_the_section_among_the_first_five_results(search_box, query):
    assert set(query.expect) & set(search_box.results(query.text)[:5])


@pytest.mark.parametrize("query", FIRST, ids=[query.text for query in FIRST])
def test_several_words_put_the_section_with_all_of_them_first(search_box, query):
    assert search_box.results(query.text)[0] in query.expect


@pytest.mark.parametrize(
    ("spaced", "joined"), QUERIES.same_first, ids=[pair[1] for pair in QUERIES.same_first]
)
def test_spacing_variants_agree_on_the_first_result(search_box, spaced, joined):
    assert search_box.results(spaced)[:1] == search_box.results(joined)[:1] != []


@pytest.mark.parametrize(("bare", "with_particle"), [("딥러닝", "딥러닝은"), ("모델", "모델을"), ("지도학습", "지도학습이")])
def test_a_particle_in_the_query_changes_nothing(search_box, bare, with_particle):
    assert search_box.results(with_particle) == search_box.results(bare) != []


@pytest.mark.parametrize("query", QUERIES.absent)
def test_a_word_the_site_does_not_contain_finds_nothing(search_box, query):
    assert search_box.results(query) == []
    assert search_box.page.locator(".md-search-result__meta").inner_text() == "검색어와 일치하는 문서가 없습니다"


@pytest.mark.parametrize("query", ["은", "를", "의", "에서"])
def test_a_particle_alone_finds_nothing_rather_than_every_section(search_box, query):
    assert search_box.results(query) == []


def test_a_syllable_that_only_looks_like_a_particle_is_not_cut_off(search_box):
    assert S + "#강화학습" not in search_box.results("강화도")  # an island, not 강화 + 도


# What the results show ------------------------------------------------------------------


@pytest.mark.parametrize("query", ["딥러닝", "표현 학습", "러닝", "트랜스포머", "차원 축소", "지도학습은"])
def test_results_show_and_copy_no_invisible_character(search_box, query):
    search_box.results(query)
    shown = search_box.displayed_text()
    markup = search_box.page.locator(".md-search-result__list").inner_html()
    assert not INVISIBLE.findall(shown) and not INVISIBLE.findall(markup)


@pytest.mark.parametrize(
    ("query", "marked"),
    [
        ("딥러닝", "딥러닝"),
        ("역전파", "역전파"),  # inside 오차역전파
        ("지도학습", "지도학습"),
        ("러닝", "러닝"),  # the tail of 딥러닝은, found through the hidden parts field
        ("차원축소", "차원 축소"),  # the text spaces it
    ],
)
def test_the_first_result_marks_the_word_that_matched(search_box, query, marked):
    search_box.results(query)
    marks = search_box.marks(search_box.first_result())
    assert any(marked.replace(" ", "") in mark.replace(" ", "") for mark in marks), marks


def test_every_word_of_a_multi_word_query_is_marked_in_its_snippet(search_box):
    search_box.results("표현 학습")
    marks = set(search_box.marks(search_box.first_result()))
    assert {"표현", "학습"} <= marks


def test_a_glossary_spelling_finds_and_marks_the_spelling_the_page_uses(search_box):
    assert search_box.results("트랜스포머")[0] == S + "#transformer"
    assert "Transformer" in search_box.marks(search_box.first_result())
    assert search_box.results("허깅페이스")[:1] == [S + "#6-딥러닝-활용-분야"]  # the page writes Hugging Face
    assert "Hugging Face" in search_box.marks(search_box.first_result())


def test_result_opens_the_section_with_the_query_highlighted_on_the_page(search_box):
    section = S + "#강화학습"
    assert search_box.results("에이전트가")[0] == section
    (link,) = [
        link
        for link in search_box.page.locator(".md-search-result__link").all()
        if search_box.location(link.evaluate("a => a.href")) == section
    ]
    assert parse_qs(urlsplit(link.get_attribute("href")).query)["h"] == ["에이전트"]  # without the particle
    link.click()
    page = search_box.page
    page.wait_for_selector("mark[data-md-highlight]")
    assert set(page.locator("mark[data-md-highlight]").all_inner_texts()) == {"에이전트"}
    assert unquote(urlsplit(page.url).fragment) == "강화학습"  # opened at the heading anchor
    page.go_back()
