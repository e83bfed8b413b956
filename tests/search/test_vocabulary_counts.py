"""An edit's index vocabulary patched from the last build's counts is the one build_search_index adds up anew."""

from __future__ import annotations

import json

import pytest

from course_site import vocabulary_counts
from course_site.analysis_cache import AnalysisCache
from course_site.content_cache import SingleEntryFile
from course_site.glossary import Glossary, Term
from course_site.korean_analyser import kiwi_analyser
from course_site.korean_search import build_search_index, displayed
from course_site.vocabulary_counts import vocabulary_index

GLOSSARY = Glossary([Term("트랜스포머", "Transformer", (), "어텐션만으로 만든 모델.", 1)])
VERSION = "test"


@pytest.fixture(scope="module")
def kiwi():
    return kiwi_analyser()


def index_of(*sections: tuple[str, str]) -> dict:
    docs = [{"location": f"p/#{n}", "title": title, "text": text} for n, (title, text) in enumerate(sections)]
    return {"config": {"lang": ["ko"]}, "docs": docs}


SITE = [
    ("딥러닝", "<p>딥러닝은 머신러닝의 한 갈래입니다</p>"),
    ("지도학습", "<p>지도학습과 강화학습은 \u200b다릅니다</p>"),
    ("지도학습", "<p>지도학습과 강화학습은 \u200b다릅니다</p>"),  # the same block twice: counted twice
    ("트랜스포머", "<p>트랜스포머는 어텐션으로 만든 딥러닝 모델</p>"),
]
EDITS = [
    SITE,  # nothing changed
    [*SITE, ("강화학습", "<p>강화학습은 보상으로 배웁니다</p>")],  # a section added
    [SITE[0], SITE[1], SITE[3], ("강화학습", "<p>강화학습은 보상으로 배웁니다</p>")],  # one copy removed
    [("딥러닝", "<p>딥러닝은 심층 신경망의 학습입니다</p>"), *SITE[1:]],  # a section rewritten
    [SITE[3]],  # most of the site gone: added up again
]


def built(sections, kiwi, tmp_path, name="anew"):
    index = index_of(*sections)
    cache = AnalysisCache(tmp_path / f"{name}.json", lambda: kiwi)
    build_search_index(index, cache.analyses, GLOSSARY)
    return json.dumps(index, ensure_ascii=False)


def test_every_edit_patched_from_the_last_counts_gives_the_index_made_anew(tmp_path, kiwi):
    cache_path, kept = tmp_path / "analysis.json", SingleEntryFile(tmp_path / "vocabulary.json")
    for sections in [SITE, *EDITS]:
        cache = AnalysisCache(cache_path, lambda: kiwi)
        index = index_of(*sections)
        report = vocabulary_index(index, cache.analyses, cache.by_key, GLOSSARY, kept, VERSION)
        assert json.dumps(index, ensure_ascii=False) == built(sections, kiwi, tmp_path)
        assert report.analysed_blocks + report.cached_blocks == 2 * len(sections)


def test_an_edit_asks_only_for_the_added_blocks_and_keeps_every_block_of_the_site_in_the_analysis_cache(tmp_path, kiwi):
    cache_path, kept = tmp_path / "analysis.json", SingleEntryFile(tmp_path / "vocabulary.json")
    first = AnalysisCache(cache_path, lambda: kiwi)
    vocabulary_index(index_of(*SITE), first.analyses, first.by_key, GLOSSARY, kept, VERSION)
    asked = []

    class Watching(AnalysisCache):
        def analyses(self, texts, keep=()):
            asked.append(texts)
            return super().analyses(texts, keep)

    edit = Watching(cache_path, lambda: kiwi)
    added = ("딥러닝", "<p>강화학습은 보상으로 배웁니다</p>")
    report = vocabulary_index(index_of(*SITE, added), edit.analyses, edit.by_key, GLOSSARY, kept, VERSION)
    assert asked == [list(added)]  # not the whole site's blocks
    assert report.analysed_blocks == 1  # its title is a block of the site already
    again = AnalysisCache(cache_path, lambda: pytest.fail("a block of the site was dropped from the cache"))
    again.analyses([displayed(text) for section in [*SITE, added] for text in section])


def test_counts_of_other_code_or_analyser_are_not_patched_but_made_again(tmp_path, kiwi):
    cache_path, kept = tmp_path / "analysis.json", SingleEntryFile(tmp_path / "vocabulary.json")
    cache = AnalysisCache(cache_path, lambda: kiwi)
    vocabulary_index(index_of(*SITE), cache.analyses, cache.by_key, GLOSSARY, kept, VERSION)
    wrong = json.loads(kept.get(VERSION)[0])
    wrong[1]["가짜어간"] = 1  # counts that are not the site's
    kept.put("old", json.dumps(wrong, ensure_ascii=False))
    index = index_of(*EDITS[1])
    vocabulary_index(index, cache.analyses, cache.by_key, GLOSSARY, kept, VERSION)
    assert "가짜어간" not in index["config"]["korean"]["stems"]
    assert json.dumps(index, ensure_ascii=False) == built(EDITS[1], kiwi, tmp_path)


@pytest.mark.parametrize("patch_at_most, patched", [(vocabulary_counts.PATCH_AT_MOST, True), (0.0, False)])
def test_when_much_of_the_site_changed_everything_is_added_up_again(tmp_path, kiwi, monkeypatch, patch_at_most, patched):
    cache_path, kept = tmp_path / "analysis.json", SingleEntryFile(tmp_path / "vocabulary.json")
    cache = AnalysisCache(cache_path, lambda: kiwi)
    vocabulary_index(index_of(*SITE), cache.analyses, cache.by_key, GLOSSARY, kept, VERSION)
    marked = json.loads(kept.get(VERSION)[0])
    marked[1]["표시어간"] = 1  # shows whether the counts were patched or made again
    kept.put(VERSION, json.dumps(marked, ensure_ascii=False))
    monkeypatch.setattr(vocabulary_counts, "PATCH_AT_MOST", patch_at_most)
    index = index_of(*EDITS[1])
    vocabulary_index(index, cache.analyses, cache.by_key, GLOSSARY, kept, VERSION)
    assert ("표시어간" in index["config"]["korean"]["stems"]) is patched
