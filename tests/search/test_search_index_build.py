"""The Korean search index as the real build writes it: size, cache, settings check."""

from __future__ import annotations

import json

from search_eval import stock_config
from support import mkdocs_build


def test_index_is_no_bigger_than_one_and_a_half_times_the_stock_index(built_site, project_copy, tmp_path):
    (project_copy / "mkdocs.yml").write_text(
        stock_config((project_copy / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8"
    )
    result = mkdocs_build(project_copy, tmp_path / "stock")
    assert result.returncode == 0, result.stderr
    ours = (built_site / "search" / "search_index.json").stat().st_size
    stock = (tmp_path / "stock" / "search" / "search_index.json").stat().st_size
    print(f"search_index.json: ours {ours} bytes, stock {stock} bytes")
    assert ours <= 1.5 * stock


def test_readers_download_no_analyser_model(built_site):
    files = [path for path in built_site.rglob("*") if path.is_file()]
    assert not [path for path in files if "kiwi" in path.name.lower() or path.stat().st_size > 5_000_000]
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert r"\u200b" in index["config"]["separator"] and {"title_compounds", "text_compounds"} <= set(
        index["config"]["fields"]
    )


def test_build_with_every_page_cached_never_imports_kiwipiepy(project_copy, tmp_path, monkeypatch):
    # project_copy carries the warm cache of the session build; a kiwipiepy
    # that cannot be imported proves the analyser is not even loaded.
    fake = tmp_path / "fake"
    (fake / "kiwipiepy").mkdir(parents=True)
    (fake / "kiwipiepy" / "__init__.py").write_text("raise ImportError('loaded')\n", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(fake))
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "형태소 분석 0쪽" in result.stderr


def test_build_with_a_changed_page_segments_that_page_only(project_copy, tmp_path):
    page = project_copy / "docs" / "2022-2" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n강화학습 이야기는 다음 학기에 이어집니다.\n", encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "형태소 분석 1쪽" in result.stderr


def test_a_separator_that_does_not_split_the_index_stops_the_build_saying_how_to_fix(project_copy, tmp_path):
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("      separator: '")
    end = text.index("\n", start)
    config.write_text(text[:start] + r"      separator: '[\s\-]+'" + text[end:], encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "mkdocs.yml" in result.stderr and "separator" in result.stderr and "Traceback" not in result.stderr
