"""An edit's analyser starts before the pages are rendered, a cold one loads whole dictionaries at once, same index."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from course_site import analysis_cache
from course_site.analyser_process import AnalyserProcess, analyser_process
from course_site.analysis_cache import PREFETCH_PAGES, AnalysisCache
from course_site.korean_analyser import KiwiAnalyser, kiwi_analyser
from course_site.word_dictionaries import WHOLE_ABOVE, WordDictionary
from course_site.page_sources import PageSources
from course_site.search_worker import FULL_INDEX
import hook_search
from support import ROOT, mkdocs_build


@pytest.fixture(scope="module")
def kiwi():
    return kiwi_analyser()


class EarlyAnalyser:
    """Records what an AnalysisCache hands ahead; analyses with ``analyse`` when asked."""

    def __init__(self, analyse):
        self.analyse = analyse
        self.prepared: list[list[str]] = []
        self.prefetched: list[list[str]] = []
        self.stopped = False

    def prepare(self, sources):
        self.prepared.append(sources)

    def prefetch(self, pieces):
        self.prefetched.append(pieces)

    def __call__(self, texts):
        return self.analyse(texts)

    def stop(self):
        self.stopped = True


def never_loaded():
    raise AssertionError("the analyser in this process was loaded although an early one was running")


# Which pages changed -----------------------------------------------------------------


def test_a_first_build_knows_of_no_changed_page_and_the_next_finds_only_the_edited_one(tmp_path):
    path = tmp_path / "sources.json"
    first = PageSources(path)
    assert first.changed({"a.md": "# 가\n", "b.md": "# 나\n"}) == {}
    first.save()
    edit = PageSources(path)
    assert edit.changed({"a.md": "# 가\n", "b.md": "# 나\n고친 문단\n", "c.md": "# 다\n"}) == {
        "b.md": "# 나\n고친 문단\n",
        "c.md": "# 다\n",
    }
    edit.save()
    assert PageSources(path).changed({"a.md": "# 가\n", "b.md": "# 나\n고친 문단\n", "c.md": "# 다\n"}) == {}


def test_a_page_moved_with_the_same_text_counts_as_changed(tmp_path):
    path = tmp_path / "sources.json"
    first = PageSources(path)
    first.changed({"2022-2/01.md": "# 가\n"})
    first.save()
    assert list(PageSources(path).changed({"2023-1/01.md": "# 가\n"})) == ["2023-1/01.md"]


# Started ahead, handed each piece once ----------------------------------------------------


def filled_cache(path, kiwi) -> None:
    AnalysisCache(path, lambda: kiwi).analyses(["<p>지도학습은</p>"])


def test_changed_sources_start_one_early_analyser_for_the_first_pages_only_when_the_cache_is_filled(tmp_path, kiwi):
    path, early, started = tmp_path / "analysis.json", EarlyAnalyser(kiwi), []

    def start():
        started.append(early)
        return early

    AnalysisCache(path, lambda: kiwi, start).prepare(["# 첫 빌드\n"])
    assert not started  # a first build analyses in this process, in batches

    filled_cache(path, kiwi)
    edit = AnalysisCache(path, never_loaded, start)
    edit.prepare([])
    assert not started  # nothing changed: no analyser
    sources = [f"# {page}번째 쪽\n" for page in range(PREFETCH_PAGES + 3)]
    edit.prepare(sources)
    assert len(started) == 1 and early.prepared == [sources[:PREFETCH_PAGES]]


def test_a_page_handed_ahead_when_rendered_is_not_handed_again_when_indexed(tmp_path, kiwi):
    path, early = tmp_path / "analysis.json", EarlyAnalyser(kiwi)
    filled_cache(path, kiwi)
    edit = AnalysisCache(path, never_loaded, lambda: early)
    page = ["<p>지도학습은</p>", "<p>강화학습은 보상으로 배웁니다</p>"]
    edit.prefetch(page)  # rendered (hook_search on_page_content)
    edit.prefetch(page)  # indexed by Material (on_page_context)
    edit.prefetch(["<p>강화학습은 보상으로 배웁니다</p>", "<p>비지도학습</p>"])  # another page
    assert early.prefetched == [["강화학습은 보상으로 배웁니다"], ["비지도학습"]]
    analyses, analysed = edit.analyses([*page, "<p>비지도학습</p>"])
    anew, _ = AnalysisCache(tmp_path / "anew.json", lambda: kiwi).analyses([*page, "<p>비지도학습</p>"])
    assert analysed == 2 and analyses == anew


def test_a_failing_build_stops_its_early_analyser_rather_than_wait_for_it(tmp_path, kiwi, monkeypatch):
    path, early = tmp_path / "analysis.json", EarlyAnalyser(kiwi)
    filled_cache(path, kiwi)
    cache = AnalysisCache(path, never_loaded, lambda: early)
    cache.prepare(["# 고친 쪽\n"])
    monkeypatch.setitem(hook_search._build, "cache", cache)
    hook_search.on_build_error(error=ValueError("페이지 하나가 실패"))
    assert early.stopped
    cache.prefetch(["<p>그 뒤에 나온 문단</p>"])
    assert early.prefetched == []  # nothing more is handed to a stopped analyser


# The process: prepared from Markdown, it answers as a fresh analyser does --------------------


def test_an_analyser_process_prepared_from_markdown_answers_as_one_that_was_not(kiwi):
    texts = ["합성곱 신경망(CNN)은 이미지를 다룹니다", "데이터 사이언스 수업"]
    process = AnalyserProcess(None)
    try:
        # Markdown that holds more names than the blocks asked for later: the extra entries change nothing.
        process.prepare(["# 합성곱 신경망\n\n**데이터** 사이언스와 잭 바우어, 도사보리 강 이야기\n"])
        process.prefetch(texts[:1])
        assert process(texts) == kiwi(texts)
    finally:
        process.close()
    assert process.process.returncode == 0


def test_an_analyser_process_that_fails_while_preparing_answers_with_a_message_and_prints_no_traceback():
    # A source kiwipiepy cannot take stands for any failure while preparing.
    result = subprocess.run(
        [sys.executable, "-m", "course_site.analyser_process", ""],
        input=json.dumps({"prepare": [123]}) + "\n",
        capture_output=True, text=True, encoding="utf-8", timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT / "scripts")},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr
    assert json.loads(result.stdout.splitlines()[-1])["error"].startswith("한국어 분석기가")


def test_an_analyser_process_stopped_by_a_failing_build_is_replaced_for_the_next_build(tmp_path):
    first = analyser_process(tmp_path)
    assert analyser_process(tmp_path) is first  # one per project while it runs (mkdocs serve)
    first.prefetch(["합성곱 신경망"])
    first.stop()
    assert not first.running
    second = analyser_process(tmp_path)
    try:
        assert second is not first and second.running
        assert second(["데이터"])[0][0].form == "데이터"
    finally:
        second.close()


# A real edit -----------------------------------------------------------------------------


def test_an_edited_pages_index_is_byte_for_byte_the_index_of_a_build_without_caches(project_copy, tmp_path):
    # project_copy carries the session build's caches: this is an edit with the early analyser.
    page = next(path for path in sorted((project_copy / "docs").glob("*/*.md")))
    page.write_text(
        page.read_text(encoding="utf-8") + "\n합성곱 신경망과 데이터 사이언스 이야기는 다음 학기에 이어집니다.\n",
        encoding="utf-8",
    )
    edited = mkdocs_build(project_copy, tmp_path / "edited")
    assert edited.returncode == 0, edited.stderr
    assert "형태소 분석 1블록" in edited.stderr
    shutil.rmtree(project_copy / ".cache" / "search")
    cold = mkdocs_build(project_copy, tmp_path / "cold")
    assert cold.returncode == 0, cold.stderr
    assert "형태소 분석 0블록" not in cold.stderr
    index = FULL_INDEX
    assert (tmp_path / "edited" / index).read_bytes() == (tmp_path / "cold" / index).read_bytes()


# A cold build: the dictionaries whole before the first batch ------------------------------


def test_a_cold_cache_tells_the_analyser_how_much_text_comes_before_the_first_batch(tmp_path, kiwi, monkeypatch):
    monkeypatch.setattr(analysis_cache, "BATCH_TEXTS", 2)
    calls = []

    class Expecting:
        def expect(self, characters):
            calls.append(("expect", characters))

        def __call__(self, texts):
            calls.append(("analyse", len(texts)))
            return kiwi(texts)

    texts = [f"<p>{n}번째 <code>x</code> 강화학습</p>" for n in range(5)]
    AnalysisCache(tmp_path / "analysis.json", Expecting).analyses(texts)
    assert calls[0] == ("expect", sum(len(f"{n}번째 ") + len(" 강화학습") for n in range(5)))
    assert calls.count(("expect", calls[0][1])) == 1 and len(calls) > 2


def test_much_text_coming_loads_each_dictionary_file_whole_once(tmp_path):
    path = tmp_path / "multi.dict"
    path.write_text("합성곱 신경망\tNNP\t-30.2\n데이터 사이언스\tNNP\t-10.0\n", encoding="utf-8")
    loaded = []
    dictionary = WordDictionary(path, loaded.append, tmp_path)
    analyser = KiwiAnalyser(None, [dictionary])
    analyser.expect(WHOLE_ABOVE)
    assert loaded == []  # no more than covering batch by batch would load
    analyser.expect(WHOLE_ABOVE + 1)
    analyser.expect(WHOLE_ABOVE + 1)
    assert loaded == [str(path)] and dictionary.cover(["데이터 사이언스"]) == 0
