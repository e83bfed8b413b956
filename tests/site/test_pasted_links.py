"""Links members pasted keep working: a renamed heading or a moved page fails until the old address is kept.

On the fixture course (tests/fixtures/course), whose build recorded the
addresses it publishes in published-links.txt, as the real project keeps its own.
"""

from __future__ import annotations

from support import mkdocs_build, run_script, soup

SEMINAR = "docs/2022-2/01-first-look.md"  # linked from no other page, so moving it breaks no link
HEADING, OLD_ANCHOR = "## 1. 표로 읽기", "1-표로-읽기"


def test_the_snapshot_command_records_what_the_build_publishes(fixture_project):
    recorded = (fixture_project / "published-links.txt").read_text(encoding="utf-8")
    assert f"/2022-2/01-first-look/#{OLD_ANCHOR}" in recorded
    result = run_script("published_links.py", "--update", "--project", str(fixture_project))
    assert result.returncode == 0, result.stderr
    assert "published-links.txt: 주소" in result.stdout and "(추가 0, 삭제 0)" in result.stdout
    assert (fixture_project / "published-links.txt").read_text(encoding="utf-8") == recorded


def edit(project, old: str, new: str, path: str = SEMINAR):
    page = project / path
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_renamed_heading_fails_naming_old_and_new_anchor_until_aliased(fixture_project, tmp_path):
    edit(fixture_project, HEADING, "## 1. 표 한 장으로 읽기")
    result = mkdocs_build(fixture_project, tmp_path / "renamed")
    assert result.returncode != 0
    assert f"/2022-2/01-first-look/#{OLD_ANCHOR}: 공개된 제목 주소" in result.stderr
    assert "#1-표-한-장으로-읽기" in result.stderr and "anchor_aliases" in result.stderr
    assert "Traceback" not in result.stderr

    edit(fixture_project, "\n---\n", f"\nanchor_aliases: {{{OLD_ANCHOR}: 1-표-한-장으로-읽기}}\n---\n")
    result = mkdocs_build(fixture_project, tmp_path / "aliased")
    assert result.returncode == 0, result.stderr
    heading = soup(tmp_path / "aliased" / "2022-2" / "01-first-look" / "index.html").find(id="1-표-한-장으로-읽기")
    assert heading.find(id=OLD_ANCHOR) is not None


def test_a_moved_page_fails_naming_its_old_url_until_it_redirects(fixture_project, tmp_path):
    old = fixture_project / SEMINAR
    old.rename(old.with_name("01-data-first-look.md"))
    result = mkdocs_build(fixture_project, tmp_path / "moved")
    assert result.returncode != 0
    assert "/2022-2/01-first-look/: 공개된 페이지 주소가 사라졌습니다" in result.stderr
    assert "redirect_from: [2022-2/01-first-look/]" in result.stderr

    edit(fixture_project, "\n---\n", "\nredirect_from: [2022-2/01-first-look/]\n---\n", "docs/2022-2/01-data-first-look.md")
    result = mkdocs_build(fixture_project, tmp_path / "redirected")
    assert result.returncode == 0, result.stderr
    forward = (tmp_path / "redirected" / "2022-2" / "01-first-look" / "index.html").read_text(encoding="utf-8")
    assert 'url=../01-data-first-look/"' in forward and 'lang="ko"' in forward
