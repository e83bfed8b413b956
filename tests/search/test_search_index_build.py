"""Korean search and the glossary as the real build writes them: index, worker, cache, settings, 용어집."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from course_site.search_entry_cache import SearchEntryCache, page_key
from course_site.errors import CourseBuildError
from course_site.search_worker import (
    FULL_INDEX, MATERIAL_INDEX, index_config, index_files, write_search_index,
)
from support import mkdocs_build, soup

INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")


def search_index(site) -> dict:
    """The index the search worker reads (the page reads only Material's settings)."""
    return json.loads((site / FULL_INDEX).read_text(encoding="utf-8"))


def without_search_hook(config_text: str) -> str:
    text, count = re.subn(r"(?m)^  - scripts/hook_search\.py.*\n", "", config_text)
    assert count == 1
    return text


def test_search_settings_come_from_code_and_the_index_carries_the_sites_vocabulary(built_site):
    index = search_index(built_site)
    assert set(index["config"]["fields"]) == {"title", "text", "tags"}
    korean = index["config"]["korean"]
    assert korean["stems"] and korean["tails"] and korean["glossary"]
    assert all(set(entry) <= {"location", "title", "text", "tags", "boost"} for entry in index["docs"])


def test_the_page_downloads_materials_settings_alone_and_the_worker_finds_the_whole_index(built_site):
    page = json.loads((built_site / MATERIAL_INDEX).read_text(encoding="utf-8"))
    whole = search_index(built_site)
    assert page["docs"] == [] and whole["docs"]
    settings = {key: value for key, value in whole["config"].items() if key != "korean"}
    assert {key: value for key, value in page["config"].items() if key != "full_index"} == settings
    (worker,) = (built_site / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    assert (worker.parent / page["config"]["full_index"]).resolve() == (built_site / FULL_INDEX).resolve()


@pytest.mark.parametrize("separators", [(",", ":"), (", ", ": ")])
def test_an_index_settings_are_read_without_its_documents_however_the_json_is_spaced(separators):
    index = {"config": {"lang": ["en"], "korean": {"stems": ["딥러닝"]}}, "docs": [{"location": "a/"}]}
    text = json.dumps(index, ensure_ascii=False, separators=separators)
    assert index_config(text) == index["config"]
    assert index_config(json.dumps({"docs": [], "config": {"lang": ["en"]}})) == {"lang": ["en"]}  # any order


def test_an_index_whose_settings_cannot_be_read_stops_the_build_naming_the_cache_to_delete(tmp_path):
    (tmp_path / "search").mkdir()
    with pytest.raises(CourseBuildError, match="finished_index.json 을 지우고"):
        write_search_index(tmp_path, '{"config": {"lang": ["en"]')
    assert not list((tmp_path / "search").iterdir())  # nothing half-written


def test_nothing_displayed_by_search_holds_an_invisible_character(built_site):
    for entry in search_index(built_site)["docs"]:
        assert not INVISIBLE.search(entry["title"] + entry["text"]), entry["location"]


def test_materials_search_worker_starts_with_our_script_once(built_site):
    (worker,) = (built_site / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    text = worker.read_text(encoding="utf-8")
    assert text.startswith("/* course-site search prelude") and text.count("end of course-site search prelude") == 1


def test_readers_download_no_analyser_model(built_site):
    files = [path for path in built_site.rglob("*") if path.is_file()]
    assert not [path for path in files if "kiwi" in path.name.lower() or path.stat().st_size > 5_000_000]


def test_index_is_no_bigger_than_one_and_a_half_times_the_stock_index(built_site, project_copy, tmp_path):
    config = project_copy / "mkdocs.yml"
    config.write_text(without_search_hook(config.read_text(encoding="utf-8")), encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "stock", strict=False)
    assert result.returncode == 0, result.stderr
    ours = sum(path.stat().st_size for path in index_files(built_site))
    stock = sum(path.stat().st_size for path in index_files(tmp_path / "stock"))
    print(f"search index: ours {ours} bytes, stock {stock} bytes")
    assert ours <= 1.5 * stock


def test_build_with_every_block_cached_never_imports_kiwipiepy(project_copy, tmp_path):
    # project_copy carries the warm cache of the session build.
    result = mkdocs_build(project_copy, tmp_path / "site", unimportable="kiwipiepy")
    assert result.returncode == 0, result.stderr
    assert "형태소 분석 0블록" in result.stderr


def test_build_with_a_changed_page_analyses_only_the_changed_block(project_copy, tmp_path):
    page = project_copy / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n강화학습 이야기는 다음 학기에 이어집니다.\n", encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "형태소 분석 1블록" in result.stderr


def built_file(project: Path, site: Path, path: str) -> bytes:
    """``path`` of the site ``project`` builds into ``site`` (the build must pass)."""
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return (site / path).read_bytes()


def test_index_from_cached_entries_is_byte_identical_to_the_one_material_parses_anew(project_copy, tmp_path):
    entries = project_copy / ".cache" / "search" / "entries.json"
    finished = project_copy / ".cache" / "search" / "finished_index.json"
    assert entries.is_file(), "the session build leaves Material's entries cached"
    finished.unlink()  # each build finishes the index from what Material wrote
    warm = built_file(project_copy, tmp_path / "warm", FULL_INDEX)
    entries.unlink()  # now Material's parser reads every page again
    finished.unlink()
    assert built_file(project_copy, tmp_path / "parsed", FULL_INDEX) == warm


def test_only_changed_pages_are_parsed_for_search_and_the_rest_come_from_the_cache(project_copy, tmp_path):
    # Every cached entry gets a marker text: where the index shows it, the page was not parsed.
    entries = project_copy / ".cache" / "search" / "entries.json"
    data = json.loads(entries.read_text(encoding="utf-8"))
    for page in data["entries"].values():
        for entry in page:
            entry["text"] = "캐시에서 꺼낸 글"
    entries.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    page = project_copy / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n새로 쓴 문장은 다시 읽힙니다.\n", encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    docs = search_index(tmp_path / "site")["docs"]
    home = [entry for entry in docs if entry["location"].split("#")[0] == ""]  # docs/index.md
    others = [entry for entry in docs if entry not in home]
    assert home and any("새로 쓴 문장은 다시 읽힙니다." in entry["text"] for entry in home)
    assert others and all(entry["text"] == "캐시에서 꺼낸 글" for entry in others)


def test_finished_index_is_reused_while_materials_index_and_the_glossary_are_unchanged(project_copy, tmp_path):
    finished = project_copy / ".cache" / "search" / "finished_index.json"
    head, _, text = finished.read_text(encoding="utf-8").partition("\n")
    index = json.loads(text)
    index["config"]["kept"] = "지난 빌드"
    finished.write_text(head + "\n" + json.dumps(index, ensure_ascii=False), encoding="utf-8")
    reused = mkdocs_build(project_copy, tmp_path / "reused")
    assert reused.returncode == 0, reused.stderr
    assert search_index(tmp_path / "reused")["config"]["kept"] == "지난 빌드"
    assert "형태소 분석 0블록" in reused.stderr
    glossary = project_copy / "docs" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    text = text.replace("spellings: [ML 엔지니어]", "spellings: [ML 엔지니어, 새 표기]", 1)
    glossary.write_text(text, encoding="utf-8")
    changed = mkdocs_build(project_copy, tmp_path / "changed")
    assert changed.returncode == 0, changed.stderr
    index = search_index(tmp_path / "changed")
    assert "kept" not in index["config"]
    assert any("새 표기" in forms for forms in index["config"]["korean"]["glossary"])


def test_cached_search_entries_of_another_material_version_are_not_used(tmp_path):
    path = tmp_path / "entries.json"
    old = SearchEntryCache(path, version="1;mkdocs-material==9.0.0")
    assert old.entries("page") is None
    old.store("page", [{"location": "a/", "title": "A", "text": "옛 글"}])
    old.save()
    assert SearchEntryCache(path, version="1;mkdocs-material==9.0.0").entries("page") == [
        {"location": "a/", "title": "A", "text": "옛 글"}
    ]
    assert SearchEntryCache(path, version="1;mkdocs-material==9.8.2").entries("page") is None


def test_search_entry_key_changes_with_the_pages_html_url_title_and_search_settings():
    inputs = ("a/", "A", {"tags": ["x"]}, "<p>글</p>")
    assert page_key(*inputs) == page_key(*inputs)
    changed = [
        ("b/", "A", {"tags": ["x"]}, "<p>글</p>"),
        ("a/", "B", {"tags": ["x"]}, "<p>글</p>"),
        ("a/", "A", {"tags": ["y"]}, "<p>글</p>"),
        ("a/", "A", {"tags": ["x"]}, "<p>말</p>"),
    ]
    assert len({page_key(*inputs), *(page_key(*other) for other in changed)}) == 1 + len(changed)


def test_search_options_written_in_mkdocs_yml_stop_the_build_saying_where_they_belong(project_copy, tmp_path):
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - search\n", "  - search:\n      separator: '[\\s\\-]+'\n", 1), encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "separator" in result.stderr and "korean_search.py" in result.stderr and "Traceback" not in result.stderr


# The 용어집 ----------------------------------------------------------------------------------


def test_the_glossary_page_links_every_term_to_an_existing_section(built_site):
    page = soup(built_site / "glossary" / "index.html")
    terms = page.select("dl.course-glossary > dt")
    assert terms
    links = page.select("dl.course-glossary a[href]")
    assert links
    for link in links:
        target, _, anchor = link["href"].partition("#")
        html = soup((built_site / "glossary" / target / "index.html").resolve())
        assert html.find(id=anchor) is not None, link["href"]
    assert not (built_site / "glossary.yml").exists()  # the data itself is not published


def test_a_mistake_in_the_glossary_fails_the_build_naming_file_and_line(project_copy, tmp_path):
    data = project_copy / "docs" / "glossary.yml"
    data.write_text("- term: 지도학습\n  english: supervised learning\n  definiton: 오타\n", encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/glossary.yml:1" in result.stderr and "definition" in result.stderr and "Traceback" not in result.stderr


def test_glossary_page_kept_from_the_last_build_is_identical_to_one_made_anew(project_copy, tmp_path):
    kept = project_copy / ".cache" / "search" / "glossary.json"
    assert kept.is_file(), "the session build keeps the 용어집 list"
    warm = built_file(project_copy, tmp_path / "warm", "glossary/index.html")
    kept.unlink()
    assert built_file(project_copy, tmp_path / "anew", "glossary/index.html") == warm


def test_glossary_list_is_reused_while_no_page_changed_and_made_again_after_an_edit(project_copy, tmp_path):
    kept = project_copy / ".cache" / "search" / "glossary.json"
    head, _, _ = kept.read_text(encoding="utf-8").partition("\n")  # the key; the list follows
    kept.write_text(head + "\n<p>지난 빌드의 목록</p>", encoding="utf-8")
    reused = mkdocs_build(project_copy, tmp_path / "reused")
    assert reused.returncode == 0, reused.stderr
    assert "지난 빌드의 목록" in (tmp_path / "reused" / "glossary" / "index.html").read_text(encoding="utf-8")
    page = project_copy / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n고친 문장.\n", encoding="utf-8")
    edited = mkdocs_build(project_copy, tmp_path / "edited")
    assert edited.returncode == 0, edited.stderr
    assert "지난 빌드의 목록" not in (tmp_path / "edited" / "glossary" / "index.html").read_text(encoding="utf-8")
