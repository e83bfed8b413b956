"""What a club member sees in a real browser: heading links, the table of contents, privacy."""

from __future__ import annotations

import html
import re
from urllib.parse import quote

import pytest

import page_sample

# Figures in both palettes, their size and weight on a phone: test_figures_phone.py.
# Palette toggle, line breaking, drawer and heading links on a phone: test_phone_pages.py.


@pytest.fixture(scope="module")
def sections(built_site, longest_page) -> list[tuple[str, str]]:
    """The longest page's sections, (anchor, heading text), from its built HTML."""
    found = re.findall(r'<h2 id="([^"]+)"[^>]*>(.*?)<a class="headerlink"',
                       page_sample.html_of(built_site, longest_page), re.S)
    assert len(found) >= 3, "가장 긴 페이지에 소제목(##)이 셋도 없습니다"
    return [(anchor, html.unescape(re.sub(r"<[^>]+>", "", text)).strip()) for anchor, text in found]


def test_a_pasted_heading_link_opens_at_that_heading(reader, site_url, longest_page, sections):
    tab = reader("light")
    anchor, _ = sections[len(sections) // 2]  # far enough down that the page must scroll to it
    tab.page.goto(site_url + longest_page + "#" + quote(anchor))
    tab.page.wait_for_function("window.scrollY > 0")
    top = tab.page.evaluate(f"document.getElementById({anchor!r}).getBoundingClientRect().top")
    assert 0 <= top < 150  # just under the sticky header


def test_reading_the_longest_page_requests_nothing_from_other_hosts(reader, site_url, longest_page):
    tab = reader("dark", width=390, height=844)  # a phone
    tab.page.goto(site_url + longest_page)
    tab.load_all_images()
    tab.page.mouse.wheel(0, 20000)
    tab.page.wait_for_load_state("networkidle")
    assert tab.requests and tab.foreign_requests() == []


def test_a_page_view_fetches_no_site_map(reader, site_url):
    """Material fetches sitemap.xml for every link it takes for another language's version of the
    site. The feed link (in every page's head) must not look like one, or each page view fetches and
    parses a site map that grows with the course."""
    tab = reader("light", "phone")
    tab.page.goto(site_url)
    tab.page.wait_for_load_state("networkidle")
    assert tab.requests and [url for url in tab.requests if url.endswith("sitemap.xml")] == []


def test_table_of_contents_follows_the_heading_in_view(reader, site_url, longest_page, sections):
    tab = reader("light")
    anchor, heading = sections[-2]  # not the first (active on opening) nor the last (active at the end)
    tab.page.goto(site_url + longest_page + "#" + quote(anchor))
    tab.page.wait_for_timeout(300)
    active = tab.page.locator(".md-nav--secondary .md-nav__link--active").first
    assert heading in active.inner_text()
