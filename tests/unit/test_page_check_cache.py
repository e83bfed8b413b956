"""Page checks kept across builds: the same findings, reused while the page and the checking code are unchanged."""

from __future__ import annotations

import json

from course_site.page_check_cache import PageCheckCache
from course_site.page_checks import check_page
from course_site.page_source import parse_page

HEAD = "---\ntitle: 05 신경망\nsummary: 요약\n---\n\n# 05 신경망\n\n"
UNFINISHED = HEAD + "## 1. 빈 절\n\n## 2. 다음 절\n\n내용\n"


def page(text: str, display: str = "docs/2023-1/05-x.md"):
    return parse_page(text.encode("utf-8"), display)


def test_findings_are_those_check_page_reports(tmp_path):
    cache = PageCheckCache(tmp_path / "checks.json")
    assert cache.findings(page(UNFINISHED), check_page) == [str(f) for f in check_page(page(UNFINISHED))]
    assert cache.findings(page(HEAD + "내용\n"), check_page) == []


def test_an_unchanged_page_is_not_checked_again_and_an_edited_one_is(tmp_path):
    first = PageCheckCache(tmp_path / "checks.json")
    first.findings(page(UNFINISHED), check_page)
    first.save()

    def must_not_run(_page):
        raise AssertionError("checked again")

    again = PageCheckCache(tmp_path / "checks.json")
    assert again.findings(page(UNFINISHED), must_not_run) == [str(f) for f in check_page(page(UNFINISHED))]
    edited = UNFINISHED.replace("## 2. 다음 절", "내용\n\n## 2. 다음 절")
    assert again.findings(page(edited), check_page) == []
    # The same text under another path is another page: its findings name that path.
    moved = again.findings(page(UNFINISHED, "docs/2023-1/06-y.md"), check_page)
    assert moved and moved[0].startswith("docs/2023-1/06-y.md:")


def test_findings_made_by_other_checking_code_are_not_reused(tmp_path, monkeypatch):
    path = tmp_path / "checks.json"
    cache = PageCheckCache(path)
    cache.findings(page(UNFINISHED), check_page)
    cache.save()
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**data, "version": "older code"}), encoding="utf-8")

    calls = []

    def counting(checked):
        calls.append(checked)
        return check_page(checked)

    PageCheckCache(path).findings(page(UNFINISHED), counting)
    assert len(calls) == 1


def test_pages_no_longer_in_the_site_are_dropped_when_written(tmp_path):
    path = tmp_path / "checks.json"
    cache = PageCheckCache(path)
    cache.findings(page(UNFINISHED), check_page)
    cache.findings(page(HEAD + "내용\n", "docs/2023-1/06-y.md"), check_page)
    cache.save()
    later = PageCheckCache(path)
    later.findings(page(UNFINISHED), check_page)
    later.save()
    assert len(json.loads(path.read_text(encoding="utf-8"))["entries"]) == 1
