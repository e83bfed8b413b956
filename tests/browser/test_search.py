"""What a reader gets from the search box: Korean queries typed into Material's search in Chromium."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from search_eval import SearchBox

S = "2022-2/04-what-to-do-with-data/"
N1 = "notebooks/seminar04/supervised_learning/"
N2 = "notebooks/seminar04/unsupervised_learning/"


@pytest.fixture(scope="module")
def search_box(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield SearchBox(context.new_page(), site_url)
    context.close()


FOUND_IN_TOP_FIVE = [
    # bare nouns that the text only has with particles or endings
    ("퍼셉트론", S + "#4-왜-딥러닝인가"),
    ("에이전트", S + "#강화학습"),
    ("코호트", S + "#데이터-분석가"),
    ("어텐션", S + "#transformer"),
    ("엘보", N2 + "#5-k는-몇-개가-좋을까-엘보-방법"),
    # tails of compounds
    ("러닝", S + "#머신러닝"),
    ("역전파", S + "#4-왜-딥러닝인가"),
    ("학습", S + "#3-머신러닝-학습-방법-종류"),
    ("군집", S + "#군집화clustering"),
    # particles and endings in the query
    ("딥러닝은", S + "#딥러닝"),
    ("지도학습은", S + "#지도학습"),
    ("엔지니어가", S + "#데이터-엔지니어"),
    ("RNN은", S + "#rnnrecurrent-neural-network"),
    ("보상으로", S + "#강화학습"),
    ("커널을", S + "#cnnconvolutional-neural-network"),
    # spaced and unspaced compounds
    ("비지도학습", S + "#비지도학습"),
    ("데이터 엔지니어", S + "#데이터-엔지니어"),
    ("데이터엔지니어", S + "#데이터-엔지니어"),
    ("차원축소", S + "#차원-축소dimensionality-reduction"),
    ("차원 축소", S + "#차원-축소dimensionality-reduction"),
    ("결정경계", S + "#분류classification"),
    ("합성곱신경망", S + "#cnnconvolutional-neural-network"),
    # English terms, any case, also glued to Hangul by a parenthesis
    ("Supervised", S + "#지도학습"),
    ("backpropagation", S + "#4-왜-딥러닝인가"),
    ("cnn", S + "#cnnconvolutional-neural-network"),
    ("Transformer", S + "#transformer"),
    ("트랜스포머", S + "#transformer"),
    ("GPU", S + "#4-왜-딥러닝인가"),
    # one syllable still finds the words it starts
    ("딥", S + "#딥러닝"),
]


@pytest.mark.parametrize(("query", "section"), FOUND_IN_TOP_FIVE, ids=[q for q, _ in FOUND_IN_TOP_FIVE])
def test_query_finds_the_section_among_the_first_five_results(search_box, query, section):
    assert section in search_box.results(query)[:5]


@pytest.mark.parametrize(
    ("query", "section"),
    [
        ("역전파", S + "#4-왜-딥러닝인가"),
        ("강화학습은", S + "#강화학습"),
        ("데이터엔지니어", S + "#데이터-엔지니어"),
        ("결정 경계", S + "#분류classification"),
        ("트랜스포머를", S + "#transformer"),
        ("에이전트가", S + "#강화학습"),
    ],
)
def test_query_puts_the_section_first(search_box, query, section):
    assert search_box.results(query)[0] == section


@pytest.mark.parametrize(("bare", "with_particle"), [("딥러닝", "딥러닝은"), ("모델", "모델을"), ("지도학습", "지도학습이")])
def test_a_particle_in_the_query_changes_nothing(search_box, bare, with_particle):
    assert search_box.results(with_particle) == search_box.results(bare) != []


@pytest.mark.parametrize("query", ["블록체인", "양자컴퓨터는", "쿠버네티스", "Kubernetes", "메타데이터"])
def test_a_word_the_site_does_not_contain_finds_nothing(search_box, query):
    assert search_box.results(query) == []
    assert search_box.meta.inner_text() == "검색어와 일치하는 문서가 없습니다"


@pytest.mark.parametrize("query", ["은", "를", "의"])
def test_a_particle_alone_finds_nothing_rather_than_every_section(search_box, query):
    assert search_box.results(query) == []


def test_snippet_marks_the_compound_tail_that_matched(search_box):
    search_box.results("러닝")
    marks = search_box.page.locator(".md-search-result__article mark").all_inner_texts()
    marks = [mark for mark in marks if mark.strip()]
    assert marks and all(mark.startswith("러닝") for mark in marks)  # 러닝은 in 딥|러닝은, not 딥러닝


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
