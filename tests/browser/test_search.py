"""What a reader gets from the search box: Korean queries typed into Material's search in Chromium.

The queries and where they should land are data shared with the evaluation
tool (tools/search_queries.yaml, about seminar 04's content); this file only
reads them.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml

QUERY_FILE = Path(__file__).parents[2] / "tools" / "search_queries.yaml"
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
PLACEHOLDER = "document.querySelector('.md-search-result__meta').textContent.trim() === '검색어를 입력하세요'"
RESULTS = """
() => [...document.querySelectorAll('.md-search-result__link')].map(link => [
  link.href, parseFloat(link.querySelector('article').dataset.mdScore)])
"""


def load_queries() -> dict:
    data = yaml.safe_load(QUERY_FILE.read_text(encoding="utf-8"))
    pages = data["pages"]

    def location(alias: str) -> str:
        page, _, anchor = alias.partition("#")
        return pages[page] + "#" + anchor

    for name in ("tuned", "tuned_2", "held_out"):
        data[name] = [(str(item["query"]), [location(a) for a in item["expect"]], bool(item.get("first"))) for item in data[name]]
    return data


QUERIES = load_queries()
FOUND = [item for name in ("tuned", "tuned_2", "held_out") for item in QUERIES[name]]
FIRST = [item for item in FOUND if item[2]]
S = QUERIES["pages"]["S"]


class SearchBox:
    """Material's search box in one tab; ``results`` types a query as a reader does."""

    def __init__(self, page, site_url: str):
        self.page = page
        self.base_path = urlsplit(site_url).path
        page.goto(site_url)
        self.input = page.locator("input.md-search__input")
        self.input.click()
        page.wait_for_function(PLACEHOLDER)

    def results(self, query: str) -> list[str]:
        """Result locations (``page/#anchor``), best score first."""
        self.type("")
        self.type(query)
        self.page.wait_for_function(f"!({PLACEHOLDER})")
        self.page.wait_for_timeout(30)  # the list is rendered right after the count
        found = [(score, self.location(href)) for href, score in self.page.evaluate(RESULTS) if score > 0]
        return [location for _score, location in sorted(found, key=lambda pair: -pair[0])]

    def type(self, text: str) -> None:
        # Material reads the box on key-up; Playwright enters Hangul as text
        # input without key events, so a key press (End) follows.
        self.input.fill(text)
        self.input.press("End")
        if not text:
            self.page.wait_for_function(PLACEHOLDER)

    def location(self, href: str) -> str:
        url = urlsplit(href)
        return unquote(url.path)[len(self.base_path) :] + ("#" + unquote(url.fragment) if url.fragment else "")

    def first_result(self):
        return self.page.locator(".md-search-result__item").first

    def marks(self, where=None) -> list[str]:
        scope = where or self.page.locator(".md-search-result__list")
        return [text for text in scope.locator("mark").all_inner_texts() if text.strip()]


@pytest.fixture(scope="module")
def search_box(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield SearchBox(context.new_page(), site_url)
    context.close()


# Finding ------------------------------------------------------------------------------


@pytest.mark.parametrize(("query", "sections", "_first"), FOUND, ids=[item[0] for item in FOUND])
def test_query_finds_the_section_among_the_first_five_results(search_box, query, sections, _first):
    assert set(sections) & set(search_box.results(query)[:5])


@pytest.mark.parametrize(("query", "sections", "_first"), FIRST, ids=[item[0] for item in FIRST])
def test_several_words_put_the_section_with_all_of_them_first(search_box, query, sections, _first):
    assert search_box.results(query)[0] in sections


@pytest.mark.parametrize(("spaced", "joined"), QUERIES["same_first"], ids=[pair[1] for pair in QUERIES["same_first"]])
def test_spacing_variants_agree_on_the_first_result(search_box, spaced, joined):
    assert search_box.results(spaced)[:1] == search_box.results(joined)[:1] != []


@pytest.mark.parametrize(("bare", "with_particle"), [("딥러닝", "딥러닝은"), ("모델", "모델을"), ("지도학습", "지도학습이")])
def test_a_particle_in_the_query_changes_nothing(search_box, bare, with_particle):
    assert search_box.results(with_particle) == search_box.results(bare) != []


@pytest.mark.parametrize("query", QUERIES["absent"])
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
    shown = search_box.page.locator(".md-search-result").inner_text()
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
