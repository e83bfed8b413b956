"""A pasted link to a moved page lands on the new page, at the same heading, in a real browser."""

from __future__ import annotations

from course_site.static_server import serving
from support import mkdocs_build


def test_an_old_url_with_an_anchor_lands_on_the_moved_page_at_that_heading(project_copy, tmp_path, browser):
    old = project_copy / "docs" / "2022-2" / "04-what-to-do-with-data.md"
    text = old.read_text(encoding="utf-8").replace("\n---\n", "\nredirect_from: [2022-2/04-what-to-do-with-data/]\n---\n", 1)
    (old.parent / "04-data-jobs-and-ml.md").write_text(text, encoding="utf-8")
    old.unlink()
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr

    with serving(tmp_path / "site") as base:
        page = browser.new_page()
        page.goto(base + "2022-2/04-what-to-do-with-data/#4-왜-딥러닝인가")
        page.wait_for_url("**/2022-2/04-data-jobs-and-ml/**")
        assert page.url.endswith("/2022-2/04-data-jobs-and-ml/#4-%EC%99%9C-%EB%94%A5%EB%9F%AC%EB%8B%9D%EC%9D%B8%EA%B0%80") or \
            page.evaluate("decodeURIComponent(location.hash)") == "#4-왜-딥러닝인가"
        assert page.evaluate("document.documentElement.lang") == "ko"
        page.close()
