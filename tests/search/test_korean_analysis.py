"""What the analyser adds to the search index at build time (plain functions, no browser)."""

from __future__ import annotations

import json
import re

import pytest

from course_site.analysis_cache import AnalysisCache
from course_site.glossary import Glossary, Term
from course_site.korean_analyser import kiwi_analyser
from course_site.korean_search import FIELDS, SEPARATOR, Morpheme, analyse_texts, build_search_index


@pytest.fixture(scope="module")
def kiwi():
    return kiwi_analyser()


def analysis(text: str, analyse):
    (result,) = analyse_texts([text], analyse)
    return result


def tokens(text: str) -> list[str]:
    """The tokens Material's search worker makes of ``text`` (its split(), lower-cased)."""
    return [piece.lower() for piece in re.split(SEPARATOR, text) if piece]


# Hidden parts and stems -----------------------------------------------------------


def test_a_compound_is_findable_by_its_tails_without_the_particle(kiwi):
    result = analysis("딥러닝은 머신러닝의 한 갈래", kiwi)
    assert {"딥러닝", "러닝", "머신러닝"} <= set(result.parts)
    assert not [part for part in result.parts if part.endswith(("은", "의"))]


def test_every_tail_of_a_long_compound_is_findable(kiwi):
    result = analysis("오차역전파(backpropagation)로 학습시키는 방법", kiwi)
    assert {"오차역전파", "역전파"} <= set(result.parts)


def test_adjacent_bare_nouns_are_joined_because_readers_type_them_either_way(kiwi):
    assert "차원축소" in analysis("차원 축소는 고차원 데이터를", kiwi).parts
    assert "데이터엔지니어" in analysis("데이터 엔지니어는", kiwi).parts
    assert "합성곱신경망" in analysis("CNN(합성곱 신경망)은", kiwi).parts  # one dictionary entry


def test_a_bound_noun_or_a_verb_is_not_joined_into_a_compound(kiwi):
    assert analysis("쓸 수 있는 분석 같은", kiwi).parts == ()


def test_stems_are_words_without_particles_and_the_tails_of_compounds_but_never_a_head(kiwi):
    stems = set(analysis("강화학습은 보상으로 배우고, 모델을 만듭니다", kiwi).stems)
    assert {"강화학습", "학습", "보상", "모델"} <= stems
    assert "강화" not in stems  # so the query 강화도 is not cut to 강화


def test_markup_is_not_analysed(kiwi):
    result = analysis("<p>seq2seq 모델과 <code>train_test_split</code>은</p>", kiwi)
    assert not [part for part in result.parts if "code" in part or "train" in part]


def test_any_analyser_that_reports_offsets_will_do():
    def analyse(texts):
        return [[Morpheme("지도", "NNG", 0, 2), Morpheme("학습", "NNG", 2, 2), Morpheme("은", "JX", 4, 1)] for _ in texts]

    result = analysis("지도학습은", analyse)
    assert (set(result.parts), set(result.stems)) == ({"지도학습", "학습"}, {"지도학습", "학습"})


def test_many_texts_are_analysed_in_at_most_two_batches(kiwi):
    calls = []

    def counting(texts):
        calls.append(len(texts))
        return kiwi(texts)

    analyse_texts([f"<p>오차역전파로 학습하는 {n}번째 모델</p>" for n in range(50)], counting)
    assert len(calls) <= 2 and calls[0] == 50


# The index as written ---------------------------------------------------------------


def index_of(*entries: tuple[str, str, str]) -> dict:
    return {"config": {}, "docs": [{"location": loc, "title": title, "text": text} for loc, title, text in entries]}


def analyse_now(kiwi):
    return lambda texts: (analyse_texts(texts, kiwi), len(texts))


TRANSFORMER = Term("트랜스포머", "Transformer", (), "어텐션만으로 만든 모델.", 1)


def test_displayed_title_and_text_stay_as_written_without_invisible_characters(kiwi):
    index = index_of(("a/#b", "지도학습", "<p>딥\u200b러닝은 \u00adGPU로</p>"))
    build_search_index(index, analyse_now(kiwi), Glossary([]))
    (entry,) = index["docs"]
    assert entry["title"] == "지도학습" and entry["text"] == "<p>딥러닝은 GPU로</p>"
    assert "지도학습" in entry["title_parts"].split() and "러닝" in entry["text_parts"].split()


def test_glossary_spellings_are_added_both_ways_with_the_weight_of_text(kiwi):
    index = index_of(("a/#x", "Transformer", "<p>구조</p>"), ("b/#y", "모델", "<p>트랜스포머를 쓴다</p>"))
    build_search_index(index, analyse_now(kiwi), Glossary([TRANSFORMER]))
    first, second = index["docs"]
    assert "트랜스포머" in first["text_parts"].split() and "title_parts" not in first
    assert "transformer" in second["text_parts"].split()


def test_the_index_carries_stems_particles_and_spellings_for_the_worker(kiwi):
    index = index_of(("a/#x", "모델", "<p>딥러닝은 강화학습을</p>"))
    build_search_index(index, analyse_now(kiwi), Glossary([TRANSFORMER]))
    korean = index["config"]["korean"]
    assert {"딥러닝", "강화학습"} <= set(korean["stems"]) and "강화" not in korean["stems"]
    assert re.fullmatch(f"(?:{korean['particles']})+", "에서는")
    assert korean["glossary"] == [["트랜스포머", "Transformer"]]


def test_hidden_fields_are_lunr_fields_with_the_weight_of_their_source():
    assert FIELDS["title_parts"] == FIELDS["title"] and FIELDS["text_parts"] == FIELDS["text"]


# The cache -------------------------------------------------------------------------------


def no_analyser():
    raise AssertionError("the analyser was loaded although every block was cached")


def test_unchanged_blocks_never_load_the_analyser(tmp_path, kiwi):
    path = tmp_path / "analysis.json"
    first, analysed = AnalysisCache(path, lambda: kiwi).analyses(["지도학습은", "딥러닝은"])
    again, analysed_again = AnalysisCache(path, no_analyser).analyses(["지도학습은", "딥러닝은"])
    assert (analysed, analysed_again) == (2, 0) and first == again


def test_only_changed_blocks_are_analysed_and_stale_ones_are_dropped(tmp_path, kiwi):
    path = tmp_path / "analysis.json"
    AnalysisCache(path, lambda: kiwi).analyses(["지도학습은", "딥러닝은"])
    _, analysed = AnalysisCache(path, lambda: kiwi).analyses(["지도학습은", "강화학습은"])
    assert analysed == 1
    assert len(json.loads(path.read_text(encoding="utf-8"))["blocks"]) == 2
    assert [p.name for p in tmp_path.iterdir()] == ["analysis.json"]  # no temporary file left


@pytest.mark.parametrize("damage", ['{"blocks": ', '{"version": "0", "blocks": {}}'])
def test_a_truncated_or_outdated_cache_is_analysed_again(tmp_path, kiwi, damage):
    path = tmp_path / "analysis.json"
    AnalysisCache(path, lambda: kiwi).analyses(["지도학습은"])
    text = path.read_text(encoding="utf-8")
    path.write_text(damage if damage.startswith('{"b') else text.replace('"version":"', '"version":"0'), encoding="utf-8")
    _, analysed = AnalysisCache(path, lambda: kiwi).analyses(["지도학습은"])
    assert analysed == 1


def test_the_analyser_is_loaded_once_per_process():
    assert kiwi_analyser() is kiwi_analyser()
