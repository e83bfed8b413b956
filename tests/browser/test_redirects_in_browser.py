"""A pasted link to a moved page lands on the new page, at the same heading, in a real browser."""

from __future__ import annotations

from course_site.static_server import serving
from support import mkdocs_build


def test_an_old_url_with_an_anchor_lands_on_the_moved_page_at_that_heading(fixture_project, tmp_path, browser):
    old = fixture_project / "docs" / "2022-2" / "01-first-look.md"  # a fixture course page no other page links to
    text = old.read_text(encoding="utf-8").replace("\n---\n", "\nredirect_from: [2022-2/01-first-look/]\n---\n", 1)
    (old.parent / "01-data-first-look.md").write_text(text, encoding="utf-8")
    old.unlink()
    result = mkdocs_build(fixture_project, tmp_path / "site")
    assert result.returncode == 0, result.stderr

    with serving(tmp_path / "site") as base:
        page = browser.new_page()
        page.goto(base + "2022-2/01-first-look/#1-표로-읽기")
        page.wait_for_url("**/2022-2/01-data-first-look/**")
        assert page.evaluate("decodeURIComponent(location.hash)") == "#1-표로-읽기"
        assert page.evaluate("document.documentElement.lang") == "ko"
        page.close()
