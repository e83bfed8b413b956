"""Work a phone is spared while a page loads, with nothing lost: the closed navigation drawer's
contents are not laid out until it opens, then show the current page as Material's script would
have; without JavaScript the page keeps Material's no-js styles."""

from __future__ import annotations

import pytest

DRAWER_LINKS_RENDERED = "() => [...document.querySelectorAll('.md-sidebar--primary a')].some(a => a.checkVisibility())"


def test_without_javascript_the_page_keeps_its_no_js_styles(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(site_url)
        assert page.evaluate("document.documentElement.className").split() == ["no-js"]
        # Material hides the search box that cannot work without its script.
        assert page.locator(".md-search").evaluate("e => getComputedStyle(e).display") == "none"
    finally:
        context.close()


def open_drawer(page) -> None:
    page.get_by_role("button", name="메뉴").click()
    page.wait_for_timeout(400)  # the drawer slides in


def test_the_closed_drawer_is_not_laid_out_on_a_phone_until_it_opens(reader, site_url):
    tab = reader("light", "phone", touch=True)
    tab.page.goto(site_url)
    tab.page.wait_for_load_state("load")
    assert not tab.page.evaluate(DRAWER_LINKS_RENDERED)
    open_drawer(tab.page)
    assert tab.page.evaluate(DRAWER_LINKS_RENDERED)
    # Closed as a tap beside it closes it; read in the same task, so no time passes on a busy machine.
    while_sliding_away = tab.page.evaluate(
        """() => {
          const drawer = document.getElementById('__drawer');
          drawer.checked = false;
          drawer.dispatchEvent(new Event('change'));
          return getComputedStyle(document.querySelector('.md-sidebar--primary .md-sidebar__inner')).contentVisibility;
        }"""
    )
    assert while_sliding_away == "visible", "the menu went blank while still sliding away"
    tab.page.wait_for_timeout(600)
    assert not tab.page.evaluate("document.getElementById('__drawer').checked")
    assert not tab.page.evaluate(DRAWER_LINKS_RENDERED)


def test_the_drawer_is_laid_out_as_usual_on_a_laptop(reader, site_url):
    tab = reader("light", "laptop")
    tab.page.goto(site_url)
    assert tab.page.evaluate(DRAWER_LINKS_RENDERED)


@pytest.mark.parametrize("height", [500, 844])
def test_an_opened_drawer_shows_the_current_pages_link(reader, site_url, pages_to_open, height):
    """Where the current page is a link in the menu (pages without a table of contents), it is in
    view when the drawer opens, however far down the menu it is."""
    checked = 0
    for path in pages_to_open:
        tab = reader("light", width=390, height=height, touch=True)
        tab.page.goto(site_url + path)
        tab.page.wait_for_load_state("load")
        open_drawer(tab.page)
        place = tab.page.evaluate(
            """() => {
              const link = [...document.querySelectorAll('.md-sidebar--primary .md-nav__link--active[href]')]
                .find(a => a.offsetHeight);
              if (!link) return null;
              const menu = link.closest('.md-sidebar__scrollwrap').getBoundingClientRect();
              const box = link.getBoundingClientRect();
              return {top: box.top - menu.top, bottom: menu.bottom - box.bottom};
            }"""
        )
        tab.context.close()
        if place is None:
            continue
        checked += 1
        assert place["top"] >= 0 and place["bottom"] >= 0, (path, place)
    assert checked > 0, "no page whose menu entry is a link"
