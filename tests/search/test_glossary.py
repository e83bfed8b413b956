"""The glossary data file, its synonyms for search, and the 용어집 page (plain functions)."""

from __future__ import annotations

from pathlib import Path

import pytest

from course_site.errors import CourseBuildError
from course_site.glossary import Glossary, Term, load_glossary
from course_site.glossary_page import glossary_html, glossary_html_of_pages, page_sections, page_taught, where_taught
from course_site.search_worker import install_search_worker

SUPERVISED = Term("지도학습", "supervised learning", ("지도 학습",), "정답을 주고 배우게 하는 방법.", 1)
CNN = Term("합성곱 신경망", "convolutional neural network", ("CNN",), "합성곱으로 특징을 뽑는 신경망.", 5)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    return path


# The data file ---------------------------------------------------------------------


def test_the_projects_glossary_reads_cleanly():
    glossary = load_glossary(Path(__file__).parents[2] / "docs" / "glossary.yml", "docs/glossary.yml")
    assert glossary.terms and all(term.definition for term in glossary.terms)


def test_a_term_reads_with_its_line(tmp_path):
    path = write(tmp_path, "# terms\n- term: 지도학습\n  english: supervised learning\n  spellings: []\n  definition: 뜻\n")
    (term,) = load_glossary(path, "docs/glossary.yml").terms
    assert (term.term, term.english, term.spellings, term.line) == ("지도학습", "supervised learning", (), 2)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- term: 지도학습\n  english: x\n  definiton: 뜻\n", r"docs/glossary\.yml:1: 알 수 없는 항목 'definiton'.*'definition'"),
        ("- term: 지도학습\n  definition: 뜻\n", r"docs/glossary\.yml:1: 'english' 가 비어 있습니다"),
        ("- term: 군집화\n  english: clustering\n  definition: a\n- term: 클러스터링\n  english: Clustering\n  definition: b\n",
         r"docs/glossary\.yml:4: 'Clustering' 는 1번째 줄"),
        ("- term: [지도학습\n", r"docs/glossary\.yml:\d+: YAML 문법 오류"),
        ("- term: 지도학습\n  english: x\n  spellings: [지도 학습\n  definition: 뜻\n",
         r"docs/glossary\.yml:3: YAML 문법 오류"),
        ("term: 지도학습\n", r"docs/glossary\.yml: 용어 목록이어야"),
        ("- term: 지도학습\n  english: x\n  definition: 뜻\n  spellings: [1]\n", r"'spellings' 는 글자 목록"),
    ],
    ids=["misspelt-field", "missing-field", "spelling-in-two-terms", "broken-yaml", "unclosed-list-names-its-line",
         "not-a-list", "spelling-not-text"],
)
def test_a_mistake_in_the_glossary_names_file_line_and_fix(tmp_path, text, message):
    with pytest.raises(CourseBuildError, match=message):
        load_glossary(write(tmp_path, text), "docs/glossary.yml")


# The 용어집 page ------------------------------------------------------------------------


PAGE = """
<h1 id="04">04 세미나</h1><p>머신러닝 개요. 지도학습도 나온다.</p>
<h2 id="지도학습">지도학습<a class="headerlink" href="#지도학습">¶</a></h2><p>지도학습(supervised learning)은 정답을 준다.</p>
<h3 id="cnn">CNN(Convolutional Neural Network)</h3><p>합성곱 신경망(CNN)은 ...</p>
<h3 id="정리">정리</h3><p>CNN 을 다시 보자.</p>
"""


def test_a_term_is_taught_where_a_heading_names_it():
    sections = page_sections("2022-2/04/", "04 세미나", PAGE)
    assert [s.url for s in where_taught(SUPERVISED, sections)] == ["2022-2/04/#지도학습"]
    assert [s.title for s in where_taught(CNN, sections)] == ["CNN(Convolutional Neural Network)"]


def test_a_spelling_inside_a_longer_word_or_spaced_differently_is_judged_by_the_spelling_rules():
    sections = page_sections(
        "a/", "A",
        '<h2 id="x">X</h2><p>비지도학습은 정답이 없다. DCNN and CNNs</p><h2 id="y">Y</h2><p>지도 학습은 정답을 준다</p>',
    )
    assert [s.url for s in where_taught(SUPERVISED, sections)] == ["a/#y"]
    assert where_taught(CNN, sections) == []


def test_without_a_heading_a_term_is_taught_where_it_is_introduced_with_another_spelling():
    sections = page_sections("a/", "A", "<h2 id=\"x\">X</h2><p>CNN 은</p><h2 id=\"y\">Y</h2><p>합성곱 신경망(CNN)</p>")
    assert [s.url for s in where_taught(CNN, sections)] == ["a/#y"]


def test_the_page_lists_terms_alphabetically_with_links_relative_to_itself():
    sections = page_sections("2022-2/04/", "04 세미나", PAGE)
    html = glossary_html(Glossary([SUPERVISED, CNN]), sections, lambda url: "../" + url)
    assert html.index("지도학습") < html.index("합성곱 신경망")
    assert '<a href="../2022-2/04/#지도학습">04 세미나 › 지도학습</a>' in html
    assert "다른 표기: 지도 학습" in html and 'lang="en">supervised learning' in html


def test_the_list_made_page_by_page_is_the_list_made_from_every_section_at_once():
    pages = [
        ("a/", "A", '<h2 id="x">X</h2><p>CNN 은</p><h2 id="y">Y</h2><p>지도 학습은 정답을 준다</p>'),
        ("b/", "B", "<h2 id=\"z\">Z</h2><p>합성곱 신경망(CNN)과 지도학습(supervised learning)</p>"),
        ("2022-2/04/", "04 세미나", PAGE),
    ]
    glossary, relative = Glossary([SUPERVISED, CNN]), (lambda url: "../" + url)
    at_once = glossary_html(glossary, [s for page in pages for s in page_sections(*page)], relative)
    by_page = glossary_html_of_pages(glossary, [page_taught(glossary, page_sections(*page)) for page in pages], relative)
    assert by_page == at_once and "a/#y" not in at_once  # a titled section wins over an earlier mention


# The worker script ------------------------------------------------------------------------


def test_the_search_worker_gets_our_script_once_even_when_installed_twice(tmp_path):
    workers = tmp_path / "assets" / "javascripts" / "workers"
    workers.mkdir(parents=True)
    (workers / "search.1234.min.js").write_text("material();\n", encoding="utf-8")
    install_search_worker(tmp_path)
    worker = install_search_worker(tmp_path)
    text = worker.read_text(encoding="utf-8")
    assert text.count("end of course-site search prelude") == 1 and text.endswith("material();\n")


def test_a_site_without_materials_worker_stops_the_build_saying_what_to_check(tmp_path):
    with pytest.raises(CourseBuildError, match="search_worker.py 를 새 버전에 맞춰"):
        install_search_worker(tmp_path)
