"""Published addresses: what is lost is named with its likely new address; kept ones resolve."""

from __future__ import annotations

from course_site.published_links import (
    SiteLinks,
    kept_addresses,
    lost_links,
    read_snapshot,
    redirect_page,
    site_url_of,
    with_anchor_aliases,
    write_snapshot,
)

PAGE = '<h1 id="04-제목">04 제목</h1><h2 id="1-새-이름">1. 새 이름</h2><h2 id="2-둘째">2. 둘째</h2>'


def site(**pages) -> SiteLinks:
    links = SiteLinks()
    for url, page_html in pages.items():
        links.add_page(url, page_html)
    return links


def test_the_snapshot_lists_every_page_and_heading_and_reads_back():
    links = site(**{"": '<h1 id="홈">홈</h1>', "2022-2/04-x/": PAGE})
    lines = read_snapshot(write_snapshot(links))
    assert lines == sorted(lines)
    assert {"/", "/#홈", "/2022-2/04-x/", "/2022-2/04-x/#1-새-이름"} <= set(lines)
    assert lost_links(lines, links) == []


def test_a_renamed_heading_is_named_with_its_likely_new_id_and_the_fix():
    snapshot = ["/2022-2/04-x/", "/2022-2/04-x/#1-옛-이름", "/2022-2/04-x/#2-둘째"]
    [message, last] = lost_links(snapshot, site(**{"2022-2/04-x/": PAGE}))
    assert message.startswith("/2022-2/04-x/#1-옛-이름: 공개된 제목 주소 #1-옛-이름 가 사라졌습니다 (새 주소는 #1-새-이름 인가요?)")
    assert "anchor_aliases: {1-옛-이름: 1-새-이름}" in message
    assert "scripts/published_links.py --update" in last


def test_an_alias_keeps_the_old_heading_id_inside_the_renamed_heading():
    page_html, problems = with_anchor_aliases(PAGE, {"1-옛-이름": "1-새-이름"}, "docs/x.md")
    assert problems == []
    assert '<h2 id="1-새-이름"><a id="1-옛-이름" class="anchor-alias" aria-hidden="true"></a>1. 새 이름</h2>' in page_html
    assert lost_links(["/2022-2/04-x/#1-옛-이름"], site(**{"2022-2/04-x/": page_html})) == []


def test_an_alias_to_a_heading_that_does_not_exist_is_named():
    _, [problem] = with_anchor_aliases(PAGE, {"옛": "없는-제목"}, "docs/x.md")
    assert problem.startswith("docs/x.md: anchor_aliases 의 '옛: 없는-제목'")


def test_a_moved_page_is_named_with_its_likely_new_url_and_a_redirect_keeps_it():
    links = site(**{"2023-1/04-new-name/": PAGE})
    [message, _] = lost_links(["/2022-2/04-old-name/"], links)
    assert "(새 주소는 /2023-1/04-new-name/ 인가요?)" in message and "redirect_from: [2022-2/04-old-name/]" in message
    links.redirects["2022-2/04-old-name/"] = "2023-1/04-new-name/"
    assert lost_links(["/2022-2/04-old-name/", "/2022-2/04-old-name/#2-둘째"], links) == []


def test_a_vanished_page_is_one_message_however_many_headings_it_had():
    snapshot = ["/2022-2/04-old-name/", "/2022-2/04-old-name/#1-하나", "/2022-2/04-old-name/#2-둘째"]
    [message, last] = lost_links(snapshot, site(**{"2023-1/04-new-name/": PAGE}))
    assert message.startswith("/2022-2/04-old-name/: 공개된 페이지 주소가 사라졌습니다 (제목 주소 2개 포함)")
    assert "redirect_from: [2022-2/04-old-name/]" in message
    assert "--update" in last


def test_the_redirect_page_is_korean_and_forwards_keeping_the_anchor():
    page = redirect_page("2022-2/04-old/", "2023-1/04-new/", "04 제목")
    assert '<html lang="ko">' in page and "옮겨졌습니다" in page
    assert '<meta http-equiv="refresh" content="0; url=../../2023-1/04-new/">' in page
    assert "location.replace('../../2023-1/04-new/' + location.hash)" in page


def test_old_addresses_may_be_written_as_urls_or_markdown_paths():
    assert site_url_of("/2022-2/old/") == site_url_of("2022-2/old") == site_url_of("2022-2/old.md") == "2022-2/old/"
    assert site_url_of("2022-2/index.md") == "2022-2/"


def test_mistyped_old_addresses_are_named_with_their_line():
    _, _, problems = kept_addresses({"redirect_from": {"a": 1}, "anchor_aliases": ["x"]}, "docs/x.md", {"redirect_from": 7, "anchor_aliases": 8}.get)
    assert problems[0].startswith("docs/x.md:7: 'redirect_from'") and problems[1].startswith("docs/x.md:8: 'anchor_aliases'")
