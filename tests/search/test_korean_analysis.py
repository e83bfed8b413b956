"""What the analyser adds to the search index at build time (plain functions, no browser)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from course_site import analysis_cache, word_dictionaries
from course_site.analyser_process import AnalyserProcess
from course_site.analysis_cache import AnalysisCache
from course_site.errors import CourseBuildError
from course_site.glossary import Glossary, Term
from course_site.korean_analyser import kiwi_analyser
from course_site.korean_search import FIELDS, SEPARATOR, Morpheme, analyse_texts, build_search_index
from course_site.word_dictionaries import DictionaryIndex, WordDictionary, reduced
from support import ROOT


@pytest.fixture(scope="module")
def kiwi():
    return kiwi_analyser()


def analysis(text: str, analyse):
    (result,) = analyse_texts([text], analyse)
    return result


def tokens(text: str) -> list[str]:
    """The tokens Material's search worker makes of ``text`` (its split(), lower-cased)."""
    return [piece.lower() for piece in re.split(SEPARATOR, text) if piece]


# Tails of compounds and stems ----------------------------------------------------------


def tails(text: str, analyse) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for tail, source in analysis(text, analyse).tails:
        found.setdefault(tail, set()).add(source)
    return found


def test_a_compound_is_findable_by_its_tails_without_the_particle(kiwi):
    found = tails("딥러닝은 머신러닝의 한 갈래", kiwi)
    assert found["러닝"] == {"딥러닝", "머신러닝"}
    assert not [part for pair in found.items() for part in pair if str(part).endswith(("은", "의"))]


def test_a_compound_is_not_its_own_tail_because_lunr_finds_it_by_prefix(kiwi):
    assert "딥러닝" not in tails("딥러닝은", kiwi)


def test_every_tail_of_a_long_compound_is_findable(kiwi):
    assert tails("오차역전파(backpropagation)로 학습시키는 방법", kiwi)["역전파"] == {"오차역전파"}


def test_adjacent_bare_nouns_are_joined_because_readers_type_them_either_way(kiwi):
    assert tails("차원 축소는 고차원 데이터를", kiwi)["차원축소"] == {"차원 축소"}
    assert tails("데이터 엔지니어는", kiwi)["데이터엔지니어"] == {"데이터 엔지니어"}
    assert tails("CNN(합성곱 신경망)은", kiwi)["합성곱신경망"] == {"합성곱 신경망"}  # one dictionary entry


def test_a_bound_noun_or_a_verb_is_not_joined_into_a_compound(kiwi):
    assert analysis("쓸 수 있는 분석 같은", kiwi).tails == ()


def test_stems_are_words_without_particles_and_the_tails_of_compounds_but_never_a_head(kiwi):
    stems = set(analysis("강화학습은 보상으로 배우고, 모델을 만듭니다", kiwi).stems)
    assert {"강화학습", "학습", "보상", "모델"} <= stems
    assert "강화" not in stems  # so the query 강화도 is not cut to 강화


def test_markup_is_not_analysed(kiwi):
    result = analysis("<p>seq2seq 모델과 <code>train_test_split</code>은</p>", kiwi)
    assert not [pair for pair in result.tails if "code" in str(pair) or "train" in str(pair)]


def test_any_analyser_that_reports_offsets_will_do():
    def analyse(texts):
        return [[Morpheme("지도", "NNG", 0, 2), Morpheme("학습", "NNG", 2, 2), Morpheme("은", "JX", 4, 1)] for _ in texts]

    result = analysis("지도학습은", analyse)
    assert (result.tails, set(result.stems)) == ((("학습", "지도학습"),), {"지도학습", "학습"})


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
    assert entry == {"location": "a/#b", "title": "지도학습", "text": "<p>딥러닝은 GPU로</p>"}


def test_the_index_carries_the_sites_vocabulary_for_the_worker_not_a_copy_per_section(kiwi):
    index = index_of(("a/#x", "모델", "<p>딥러닝은 강화학습을</p>"), ("b/#y", "지도학습", "<p>머신러닝과 딥러닝</p>"))
    build_search_index(index, analyse_now(kiwi), Glossary([TRANSFORMER]))
    korean = index["config"]["korean"]
    assert {"딥러닝", "강화학습"} <= set(korean["stems"]) and "강화" not in korean["stems"]
    assert ["러닝", ["딥러닝", "머신러닝"]] in korean["tails"] and ["학습", ["강화학습", "지도학습"]] in korean["tails"]
    assert [tail for tail, _ in korean["tails"]] == sorted(tail for tail, _ in korean["tails"])  # the worker bisects
    assert re.fullmatch(f"(?:{korean['particles']})+", "에서는")
    assert korean["glossary"] == [["트랜스포머", "Transformer"]]


def test_a_tails_compounds_come_most_used_first_so_the_worker_keeps_the_ones_readers_mean(kiwi):
    index = index_of(
        ("a/#x", "모델", "<p>머신러닝과 딥러닝</p>"),
        ("b/#y", "학습", "<p>머신러닝은 2017러닝</p>"),
        ("c/#z", "방법", "<p>머신러닝으로</p>"),
    )
    build_search_index(index, analyse_now(kiwi), Glossary([]))
    compounds = dict(index["config"]["korean"]["tails"])["러닝"]
    assert compounds[:2] == ["머신러닝", "딥러닝"]  # in three blocks, then in one, though 딥 sorts first
    assert "2017러닝" not in compounds[:2]  # glued to a number: last, however often


def test_lunr_indexes_only_the_fields_material_displays():
    assert set(FIELDS) == {"title", "text", "tags"}


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
    assert len(json.loads(path.read_text(encoding="utf-8"))["entries"]) == 2
    assert [p.name for p in tmp_path.iterdir()] == ["analysis.json"]  # no temporary file left


@pytest.mark.parametrize("damage", ['{"entries": ', '{"version": "0", "entries": {}}'])
def test_a_truncated_or_outdated_cache_is_analysed_again(tmp_path, kiwi, damage):
    path = tmp_path / "analysis.json"
    AnalysisCache(path, lambda: kiwi).analyses(["지도학습은"])
    text = path.read_text(encoding="utf-8")
    path.write_text(damage if damage.startswith('{"e') else text.replace('"version":"', '"version":"0'), encoding="utf-8")
    _, analysed = AnalysisCache(path, lambda: kiwi).analyses(["지도학습은"])
    assert analysed == 1


def test_the_analyser_is_loaded_once_per_process():
    assert kiwi_analyser() is kiwi_analyser()


def test_a_cold_cache_is_analysed_in_bounded_batches_as_if_in_one(tmp_path, kiwi, monkeypatch):
    texts = [f"<p>오차역전파로 학습하는 {n}번째 지도학습 모델</p>" for n in range(7)]
    whole, _ = AnalysisCache(tmp_path / "whole.json", lambda: kiwi).analyses(texts)
    sizes = []

    def counting(pieces):
        sizes.append(len(pieces))
        return kiwi(pieces)

    monkeypatch.setattr(analysis_cache, "BATCH_TEXTS", 3)
    batched, analysed = AnalysisCache(tmp_path / "batched.json", lambda: counting).analyses(texts)
    assert analysed == len(texts) and batched == whole
    assert max(sizes) < len(texts)  # no call saw every text's pieces at once


def test_the_analyser_options_are_part_of_the_cache_version():
    options = analysis_cache.analyser_version().split(";")[-1]
    assert set(options.split(",")) >= {"load_default_dict=False", "load_multi_dict=False"}



# The analyser in a process of its own, started early in an incremental build ---------


def test_the_analyser_process_answers_as_the_analyser_in_this_process_and_ends_with_its_input(kiwi):
    process = AnalyserProcess(None)
    texts = ["딥러닝은 머신러닝의 한 갈래", "CNN(합성곱 신경망)은"]
    try:
        process.prefetch(texts[:1])  # its answer is read and dropped before the next one
        assert process(texts) == kiwi(texts)
    finally:
        process.close()
    assert process.process.returncode == 0


def test_an_analyser_process_that_died_stops_the_build_saying_so():
    process = AnalyserProcess(None)
    process.process.kill()
    process.process.wait()
    with pytest.raises(CourseBuildError, match="한국어 분석 프로세스가 끝나 버렸습니다"):
        process(["지도학습은"])


def test_an_analyser_process_that_fails_on_a_text_answers_with_a_message_and_prints_no_traceback():
    # A text kiwipiepy cannot take stands for any failure inside the analyser.
    result = subprocess.run(
        [sys.executable, "-m", "course_site.analyser_process", ""],
        input=json.dumps({"texts": [123], "keep": True}) + "\n",
        capture_output=True, text=True, encoding="utf-8", timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT / "scripts")},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr
    assert json.loads(result.stdout.splitlines()[-1])["error"].startswith("한국어 분석기가 검색 색인용 글을 분석하다 멈췄습니다")


class EarlyAnalyser:
    def __init__(self, analyse):
        self.analyse = analyse
        self.prefetched = []

    def prefetch(self, pieces):
        self.prefetched.append(pieces)

    def __call__(self, texts):
        return self.analyse(texts)


def test_an_edit_hands_only_uncached_text_to_one_early_analyser_and_a_first_build_none(tmp_path, kiwi):
    path, early, started = tmp_path / "analysis.json", EarlyAnalyser(kiwi), []

    def start():
        started.append(early)
        return early

    first = AnalysisCache(path, lambda: kiwi, start)
    first.prefetch(["<p>지도학습은</p>"])
    assert not started  # an empty cache: a first build analyses in this process, in batches
    first.analyses(["<p>지도학습은</p>"])

    edit = AnalysisCache(path, no_analyser, start)
    edit.prefetch(["<p>지도학습은</p>", "<p>강화학습은 <code>x</code> 보상으로</p>"])
    edit.prefetch(["<p>비지도학습</p>"])
    assert len(started) == 1 and early.prefetched == [["강화학습은 ", " 보상으로"], ["비지도학습"]]
    texts = ["<p>지도학습은</p>", "<p>강화학습은 <code>x</code> 보상으로</p>", "<p>비지도학습</p>"]
    analyses, analysed = edit.analyses(texts)
    anew, _ = AnalysisCache(tmp_path / "anew.json", lambda: kiwi).analyses(texts)
    assert analysed == 2 and analyses == anew



def test_an_edit_seen_on_many_pages_is_handed_ahead_for_a_page_or_two_only(tmp_path, kiwi, monkeypatch):
    monkeypatch.setattr(analysis_cache, "PREFETCH_PAGES", 1)
    path, early = tmp_path / "analysis.json", EarlyAnalyser(kiwi)
    AnalysisCache(path, lambda: kiwi).analyses(["<p>지도학습은</p>"])
    edit = AnalysisCache(path, no_analyser, lambda: early)
    for page in range(5):  # a figure's caption changed on every page
        edit.prefetch([f"<p>{page}번째 쪽의 그림 설명이 바뀌었습니다</p>"])
    assert len(early.prefetched) == 1  # the rest goes in one request at the end (one analyser rebuild)


# The dictionaries of names, loaded as far as needed ----------------------------------


def dictionary_file(tmp_path):
    path = tmp_path / "multi.dict"
    path.write_text(
        "# 공백이 들어간 이름\n합성곱 신경망\tNNP\t-30.2\t# Q1\n데이터 사이언스\tNNP\t-10.0\t# Q2\n"
        "잭 바우어\tNNP\t-10.0\t# Q3\n키위 농장\tNNP\t-12.0\t# Q4\n키위농원\t키위 농장/NNP\t-3.0\t# Q4\n",
        encoding="utf-8",
    )
    return path


def recording_loader():
    loaded = []

    def load(path):
        loaded.append(Path(path).read_text(encoding="utf-8").split("\n")[:-1])

    return loaded, load


def names(lines: list[str]) -> list[str]:
    return [line.split("\t")[0] for line in lines if not line.startswith("#")]


def test_only_dictionary_entries_found_in_the_text_are_loaded_with_or_without_spaces(tmp_path):
    loaded, load = recording_loader()
    dictionary = WordDictionary(dictionary_file(tmp_path), load)
    assert dictionary.cover(["CNN(합성곱신경망)은", "데이터 사이언스 입문"]) == 2
    assert sorted(names(loaded[0])) == ["데이터 사이언스", "합성곱 신경망"]
    assert "합성곱 신경망\tNNP\t-30.2\t# Q1" in loaded[0]  # the file's own line, score and all


def test_a_name_ending_inside_a_syllable_is_loaded_because_the_analyser_matches_letters(tmp_path):
    loaded, load = recording_loader()
    dictionary = WordDictionary(dictionary_file(tmp_path), load)
    assert dictionary.cover(["키위 농잔 이야기"]) == 1  # 농잔 = 농자(ㅇ 없이) + ㄴ: 키위 농장 may be read here
    assert names(loaded[0]) == ["키위 농장"]


def test_another_spelling_brings_the_name_it_spells_loaded_before_it(tmp_path):
    loaded, load = recording_loader()
    dictionary = WordDictionary(dictionary_file(tmp_path), load)
    assert dictionary.cover(["키위농원에서"]) == 2
    assert names(loaded[0]) == ["키위 농장", "키위농원"]
    assert dictionary.cover(["키위 농장"]) == 0


def test_an_entry_is_loaded_once_and_a_text_without_entries_loads_nothing(tmp_path):
    loaded, load = recording_loader()
    dictionary = WordDictionary(dictionary_file(tmp_path), load)
    dictionary.cover(["합성곱 신경망"])
    assert dictionary.cover(["합성곱 신경망은", "지도학습"]) == 0
    assert len(loaded) == 1


def test_no_entry_is_found_across_two_texts(tmp_path):
    loaded, load = recording_loader()
    assert WordDictionary(dictionary_file(tmp_path), load).cover(["잭", "바우어"]) == 0


def test_after_much_text_the_dictionary_file_itself_is_loaded(tmp_path, monkeypatch):
    monkeypatch.setattr(word_dictionaries, "WHOLE_ABOVE", 20)
    loaded, load = recording_loader()
    path = dictionary_file(tmp_path)
    dictionary = WordDictionary(path, load)
    dictionary.cover(["합성곱 신경망"])
    assert dictionary.cover(["지도학습과 비지도학습은 다릅니다"]) == 4  # the entries not loaded before
    assert loaded[1] == path.read_text(encoding="utf-8").split("\n")[:-1]  # in its own order: names first
    assert dictionary.cover(["잭 바우어"]) == 0



def test_a_part_the_analyser_refuses_has_the_whole_dictionary_loaded_instead(tmp_path):
    path, files = dictionary_file(tmp_path), []

    def load(name):
        if name != str(path):
            raise ValueError("cannot find the original morpheme")
        files.append(name)

    dictionary = WordDictionary(path, load)
    assert dictionary.cover(["합성곱 신경망"]) == 5 and files == [str(path)]
    assert dictionary.cover(["잭 바우어"]) == 0

def test_the_dictionary_index_is_kept_and_made_again_when_the_dictionary_changes(tmp_path):
    path, cache = dictionary_file(tmp_path), tmp_path / "cache"
    made = DictionaryIndex.cached(path, cache)
    kept = DictionaryIndex.cached(path, cache)
    assert (kept.forms, kept.entries) == (made.forms, made.entries) == (
        DictionaryIndex.of_file(path).forms, DictionaryIndex.of_file(path).entries
    )
    path.write_text(path.read_text(encoding="utf-8") + "스파크 스트리밍\tNNP\t-9.0\n", encoding="utf-8")
    assert reduced("스파크 스트리밍") in DictionaryIndex.cached(path, cache).forms


def test_dictionaries_on_demand_analyse_as_kiwipiepys_defaults_do(kiwi):
    from kiwipiepy import Kiwi

    texts = [
        "CNN(합성곱 신경망)은 이미지를 다룹니다",  # 합성곱: a single word of default.dict
        "데이터 사이언스와 머신러닝 입문",  # multi.dict
        "조너선 러빗은 존 러빗이라고도 합니다",  # another spelling of a multi.dict name
        "오차역전파(backpropagation)로 학습시키는 방법",
    ]
    reference = Kiwi(num_workers=1)
    want = [[(t.form, t.tag, t.start, t.len) for t in tokens] for tokens in reference.tokenize(texts)]
    del reference
    assert [[tuple(m) for m in found] for found in kiwi(texts)] == want


def test_a_name_written_with_a_space_is_one_word_as_with_kiwipiepys_default_dictionary(kiwi):
    # 합성곱 신경망 is an entry of the multi-word dictionary: without it kiwipiepy reads 합성 + 곱(다).
    assert ("합성곱신경망", "합성곱 신경망") in analysis("CNN(합성곱 신경망)은", kiwi).tails
