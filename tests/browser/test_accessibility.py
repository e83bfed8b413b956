"""axe-core (the engine behind Lighthouse's and browsers' accessibility audits) on the reading pages (page_sample.py).

What counts as blocking and how a page is audited: axe_checks.py.
"""

from __future__ import annotations

import re

import pytest

from axe_checks import blocking_violations
from figure_drawings import scroll_past_every_figure


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("screen", ["phone", "laptop"])
def test_no_serious_accessibility_violation_on_any_reading_page(reader, site_url, pages_to_open, axe_source, screen, scheme):
    tab = reader(scheme, screen)
    found = {}
    for path in pages_to_open:
        tab.page.goto(site_url + path)
        tab.page.wait_for_load_state("load")
        violations = blocking_violations(tab.page, axe_source)
        if violations:
            found[path or "/"] = violations
        if tab.page.locator("figure.course-figure").count():
            # Again with every drawing arrived: the boxes named the figures until then.
            scroll_past_every_figure(tab.page)
            violations = blocking_violations(tab.page, axe_source)
            if violations:
                found[(path or "/") + " (그림을 모두 받은 뒤)"] = violations
    assert found == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("screen", ["phone", "laptop"])
def test_no_serious_accessibility_violation_with_search_results_open(reader, site_url, axe_source, screen, scheme):
    tab = reader(scheme, screen)
    tab.page.goto(site_url)
    # A word every page of the site has: the first Hangul word of the site's name.
    query = re.findall("[가-힣]{2,}", tab.page.locator(".md-header__topic").first.inner_text())[0]
    # A phone opens search with the header's magnifier; a laptop shows the box itself.
    tab.page.locator("label.md-header__button[for='__search']:visible, input.md-search__input:visible").first.click()
    search = tab.page.locator("input.md-search__input")
    search.fill(query)
    search.press("End")  # Material reads the box on key-up; fill() types Hangul without key events
    tab.page.wait_for_selector(".md-search-result__item")
    assert blocking_violations(tab.page, axe_source) == []


def test_search_dialog_has_a_name_a_screen_reader_can_announce(reader, site_url):
    tab = reader("light")
    tab.page.goto(site_url)
    dialog = tab.page.get_by_role("dialog", name="검색", include_hidden=True)
    assert dialog.count() == 1
