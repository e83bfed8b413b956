"""Links members pasted keep working: a renamed heading or a moved page fails until the old address is kept."""

from __future__ import annotations

from support import mkdocs_build, run_script, soup

SEMINAR = "docs/2022-2/04-what-to-do-with-data.md"
HEADING = "## 1. 분석가? 엔지니어? 사이언티스트?"


def snapshot(project):
    result = run_script("published_links.py", "--update", "--project", str(project))
    assert result.returncode == 0, result.stderr
    assert "published-links.txt: 주소" in result.stdout


def edit(project, old: str, new: str, path: str = SEMINAR):
    page = project / path
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_renamed_heading_fails_naming_old_and_new_anchor_until_aliased(project_copy, tmp_path):
    snapshot(project_copy)
    edit(project_copy, HEADING, "## 1. 데이터 직무 한눈에 보기")
    result = mkdocs_build(project_copy, tmp_path / "renamed")
    assert result.returncode != 0
    assert "/2022-2/04-what-to-do-with-data/#1-분석가-엔지니어-사이언티스트: 공개된 제목 주소" in result.stderr
    assert "#1-데이터-직무-한눈에-보기" in result.stderr and "anchor_aliases" in result.stderr
    assert "Traceback" not in result.stderr

    edit(project_copy, "\n---\n", "\nanchor_aliases: {1-분석가-엔지니어-사이언티스트: 1-데이터-직무-한눈에-보기}\n---\n")
    result = mkdocs_build(project_copy, tmp_path / "aliased")
    assert result.returncode == 0, result.stderr
    heading = soup(tmp_path / "aliased" / "2022-2" / "04-what-to-do-with-data" / "index.html").find(id="1-데이터-직무-한눈에-보기")
    assert heading.find(id="1-분석가-엔지니어-사이언티스트") is not None


def test_a_moved_page_fails_naming_its_old_url_until_it_redirects(project_copy, tmp_path):
    snapshot(project_copy)
    old = project_copy / SEMINAR
    new = old.with_name("04-data-jobs-and-ml.md")
    old.rename(new)
    result = mkdocs_build(project_copy, tmp_path / "moved")
    assert result.returncode != 0
    assert "/2022-2/04-what-to-do-with-data/: 공개된 페이지 주소가 사라졌습니다" in result.stderr
    assert "redirect_from: [2022-2/04-what-to-do-with-data/]" in result.stderr

    edit(project_copy, "\n---\n", "\nredirect_from: [2022-2/04-what-to-do-with-data/]\n---\n", "docs/2022-2/04-data-jobs-and-ml.md")
    result = mkdocs_build(project_copy, tmp_path / "redirected")
    assert result.returncode == 0, result.stderr
    forward = (tmp_path / "redirected" / "2022-2" / "04-what-to-do-with-data" / "index.html").read_text(encoding="utf-8")
    assert 'url=../04-data-jobs-and-ml/"' in forward and 'lang="ko"' in forward
