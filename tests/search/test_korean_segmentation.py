"""How the Korean search index is segmented at build time (plain functions, no browser)."""

from __future__ import annotations

import json
import re

import pytest

from course_site.errors import CourseBuildError
from course_site.korean_search import (
    COMPOUND_FIELDS,
    SEPARATOR,
    ZWSP,
    Morpheme,
    check_search_settings,
    kiwi_analyser,
    segment_entry,
    segment_search_index,
    segment_text,
)


@pytest.fixture(scope="module")
def kiwi():
    return kiwi_analyser()


def tokens(text: str) -> list[str]:
    """The tokens Material's search worker makes of ``text`` (its split(), lower-cased)."""
    result, index = [], 0
    for match in re.finditer(SEPARATOR, text):
        if index < match.start():
            result.append(text[index : match.start()].lower())
        index = max(index, match.end())
    if index < len(text):
        result.append(text[index:].lower())
    return result


def shown(segmented: str) -> str:
    return segmented.replace(ZWSP, "|")


# Index side: morphemes --------------------------------------------------------------


def test_a_compound_is_split_where_a_noun_starts_and_its_particle_stays_attached(kiwi):
    result = segment_text("딥러닝은 머신러닝의 한 갈래", kiwi)
    assert shown(result.text) == "딥|러닝은 머신|러닝의 한 갈래"
    assert tokens(result.text) == ["딥", "러닝은", "머신", "러닝의", "한", "갈래"]


def test_the_whole_compound_is_kept_without_its_particle_so_prefix_search_still_finds_it(kiwi):
    assert segment_text("딥러닝은 머신러닝의 한 갈래", kiwi).compounds == {"딥러닝", "머신러닝"}


def test_every_tail_of_a_compound_is_searchable(kiwi):
    result = segment_text("오차역전파(backpropagation)로 학습시키는 방법", kiwi)
    assert {"오차역전파", "역전파"} <= result.compounds
    assert "backpropagation" in tokens(result.text)


def test_adjacent_bare_nouns_are_joined_because_readers_type_them_either_way(kiwi):
    assert "차원축소" in segment_text("차원 축소는 고차원 데이터를", kiwi).compounds
    assert "데이터엔지니어" in segment_text("데이터 엔지니어는", kiwi).compounds
    assert "합성곱신경망" in segment_text("CNN(합성곱 신경망)은", kiwi).compounds  # one dictionary entry


def test_a_bound_noun_or_a_verb_is_not_joined_into_a_compound(kiwi):
    assert segment_text("쓸 수 있는 분석 같은", kiwi).compounds == set()


def test_verb_endings_stay_glued_to_the_stem(kiwi):
    assert shown(segment_text("학습하는", kiwi).text) == "학습하는"


def test_markup_and_english_words_are_left_alone(kiwi):
    text = "<p>seq2seq 모델과 <code>train_test_split</code>은</p>"
    assert segment_text(text, kiwi).text == text


def test_english_glued_to_hangul_by_a_parenthesis_is_its_own_token(kiwi):
    result = segment_text("지도학습(Supervised Learning)은 정답을 줍니다", kiwi)
    assert tokens(result.text) == ["지도", "학습", "supervised", "learning", "정답을", "줍니다"]


def test_entry_gets_hidden_compound_fields_only_when_it_has_compounds(kiwi):
    entry = segment_entry({"location": "a/#b", "title": "지도학습", "text": "<p>모델</p>"}, kiwi)
    assert entry["title_compounds"] == "지도학습"
    assert "text_compounds" not in entry
    assert set(COMPOUND_FIELDS) == {"title_compounds", "text_compounds"}


def test_segmentation_works_with_any_analyser_that_reports_offsets():
    def analyse(text):
        return [Morpheme("지도", "NNG", 0, 2), Morpheme("학습", "NNG", 2, 2), Morpheme("은", "JX", 4, 1)]

    result = segment_text("지도학습은", analyse)
    assert (shown(result.text), result.compounds) == ("지도|학습은", {"지도학습"})


# Query side: the separator ------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("딥러닝은", ["딥러닝"]),
        ("모델을", ["모델"]),
        ("엔지니어가", ["엔지니어"]),
        ("데이터에서는", ["데이터"]),
        ("학습하는", ["학습"]),
        ("RNN은", ["rnn"]),
        ("지도학습(Supervised", ["지도학습", "supervised"]),
        ("은닉", ["은닉"]),
        ("평가", ["평가"]),  # two letters always stay
    ],
)
def test_separator_strips_what_a_reader_types_after_a_word(query, terms):
    assert tokens(query) == terms


@pytest.mark.parametrize("query", ["은", "를", "에서"])
def test_a_query_of_particles_alone_has_no_terms(query):
    assert tokens(query) == []


@pytest.mark.parametrize("query", ["모델평가를", "분석결과가", "나이가", "딥러닝은"])
def test_stripping_twice_changes_nothing_so_page_highlighting_gets_a_plain_term(query):
    # Material's page highlighter splits the matched term with the separator again;
    # an empty piece there would mark every position of the page.
    once = tokens(query)
    assert once and tokens(once[0]) == once


def test_mkdocs_yml_must_use_the_separator_and_fields_the_index_is_written_for():
    fields = {name: {"boost": boost} for name, boost in COMPOUND_FIELDS.items()}
    check_search_settings(SEPARATOR, fields, "mkdocs.yml")
    with pytest.raises(CourseBuildError, match=r"mkdocs\.yml(.|\n)*separator(.|\n)*title_compounds"):
        check_search_settings(r"[\s\-]+", {}, "mkdocs.yml")


# The cache ----------------------------------------------------------------------------------


def index_of(*pages: tuple[str, str]) -> dict:
    return {"config": {}, "docs": [{"location": loc, "title": "제목", "text": text} for loc, text in pages]}


def no_analyser():
    raise AssertionError("the analyser was loaded although every page was cached")


def test_second_build_with_unchanged_pages_never_loads_the_analyser(tmp_path, kiwi):
    first = segment_search_index(index_of(("a/", "지도학습은"), ("b/", "딥러닝은")), tmp_path, lambda: kiwi)
    index = index_of(("a/", "지도학습은"), ("b/", "딥러닝은"))
    second = segment_search_index(index, tmp_path, no_analyser)
    assert (first.segmented_pages, first.cached_pages) == (2, 0)
    assert (second.segmented_pages, second.cached_pages) == (0, 2)
    assert index["docs"][0]["text"] == f"지도{ZWSP}학습은"
    assert "2쪽" in first.summary() and "캐시 2쪽" in second.summary()


def test_only_the_changed_page_is_segmented_again_and_stale_entries_are_dropped(tmp_path, kiwi):
    segment_search_index(index_of(("a/", "지도학습은"), ("b/", "딥러닝은")), tmp_path, lambda: kiwi)
    report = segment_search_index(index_of(("a/", "지도학습은"), ("b/", "강화학습은")), tmp_path, lambda: kiwi)
    assert (report.segmented_pages, report.cached_pages) == (1, 1)
    assert len(list(tmp_path.glob("*.json"))) == 2


def test_cache_files_are_complete_json_with_no_temporary_files_left(tmp_path, kiwi):
    segment_search_index(index_of(("a/", "지도학습은")), tmp_path, lambda: kiwi)
    (cached,) = tmp_path.iterdir()
    assert json.loads(cached.read_text(encoding="utf-8"))[0]["title"] == "제목"


def test_a_truncated_cache_file_is_segmented_again(tmp_path, kiwi):
    segment_search_index(index_of(("a/", "지도학습은")), tmp_path, lambda: kiwi)
    (cached,) = tmp_path.iterdir()
    cached.write_text('[{"title": ', encoding="utf-8")
    report = segment_search_index(index_of(("a/", "지도학습은")), tmp_path, lambda: kiwi)
    assert report.segmented_pages == 1
