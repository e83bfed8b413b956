"""Reading the site on a phone: Korean that breaks between words, tables that scroll in place,
a palette toggle that answers the first tap, heading links a finger can reach, and a keyboard
that does not wander into the closed navigation drawer."""

from __future__ import annotations

import pytest

# Pairs of Hangul syllables that end up on different lines: a word split in two.
SPLIT_WORDS = """
selector => {
  const splits = [];
  const hangul = /[\\uac00-\\ud7a3]/;
  for (const element of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent;
      let previousTop = null;
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        const top = rect.height ? rect.top : null;
        if (i > 0 && top !== null && previousTop !== null && top > previousTop + rect.height / 2
            && hangul.test(text[i - 1]) && hangul.test(text[i])) {
          splits.push(text.slice(Math.max(0, i - 6), i) + '/' + text.slice(i, i + 6));
        }
        previousTop = top;
      }
    }
  }
  return splits;
}
"""

WHERE_WORDS_MUST_STAY_WHOLE = "article h1, article h2, article h3, article h4, article th, article td, .md-nav__link"


def test_korean_words_are_never_split_across_lines_on_a_phone(reader, site_url, reading_pages):
    tab = reader("light", "phone")
    split = {}
    for path in reading_pages:
        tab.page.goto(site_url + path)
        found = tab.page.evaluate(SPLIT_WORDS, WHERE_WORDS_MUST_STAY_WHOLE + ", article p, article li")
        if found:
            split[path or "/"] = found
    assert split == {}


def test_wide_tables_scroll_inside_their_own_box_and_take_the_keyboard(reader, site_url, reading_pages):
    tab = reader("light", "phone")
    for path in reading_pages:
        tab.page.goto(site_url + path)
        tab.page.wait_for_load_state("load")
        assert tab.page.evaluate("document.documentElement.scrollWidth") <= 390, path
        boxes = tab.page.evaluate(
            """() => [...document.querySelectorAll('article table')].map(table => {
                 const box = table.closest('.md-typeset__scrollwrap');
                 return box && {scrolls: box.scrollWidth > box.clientWidth + 1, right: box.getBoundingClientRect().right,
                                tabIndex: box.tabIndex, name: box.getAttribute('aria-label')};
               })"""
        )
        for box in boxes:
            assert box is not None, f"{path}: a table outside a scroll box"
            assert box["right"] <= 390 + 1, path
            if box["scrolls"]:
                assert box["tabIndex"] == 0 and box["name"], f"{path}: a scrolling table box keyboard users cannot reach"


def test_a_scrolling_table_scrolls_with_the_arrow_keys(reader, site_url, reading_pages):
    tab = reader("light", "phone")
    for path in reading_pages:
        tab.page.goto(site_url + path)
        tab.page.wait_for_load_state("load")
        box = tab.page.locator(".md-typeset__scrollwrap[tabindex='0']").first
        if box.count():
            box.focus()
            tab.page.keyboard.press("ArrowRight")
            tab.page.wait_for_function("document.activeElement.scrollLeft > 0")
            return
    pytest.skip("이 사이트에는 휴대폰 화면보다 넓은 표가 없습니다")


def test_page_title_takes_only_the_lines_its_words_need(reader, site_url, reading_pages):
    tab = reader("light", "phone", touch=True)
    for path in reading_pages:
        tab.page.goto(site_url + path)
        lines = tab.page.evaluate(
            """() => {
                 const h1 = document.querySelector('article h1');
                 const range = document.createRange();
                 range.selectNodeContents(h1);
                 const link = h1.querySelector('.headerlink');
                 if (link) range.setEndBefore(link);
                 const words = new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size;
                 const height = h1.getBoundingClientRect().height;
                 return [Math.round(height / parseFloat(getComputedStyle(h1).lineHeight)), words];
               }"""
        )
        assert lines[0] == lines[1], f"{path}: 제목 {lines[1]}줄이 {lines[0]}줄을 차지합니다 (¶ 만 있는 빈 줄)"


def test_heading_links_are_visible_and_big_enough_to_tap_on_a_touch_screen(reader, site_url, reading_pages):
    tab = reader("light", "phone", touch=True)
    for path in reading_pages:
        tab.page.goto(site_url + path)
        links = tab.page.locator("article h2 .headerlink")
        if links.count():
            break
    else:
        pytest.skip("소제목이 있는 페이지가 없습니다")
    link = links.first
    assert float(link.evaluate("a => getComputedStyle(a).opacity")) == 1
    box = link.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, box
    link.tap()
    heading_id = link.evaluate("a => a.parentElement.id")
    tab.page.wait_for_function("id => decodeURIComponent(location.hash) === '#' + id", arg=heading_id)


BACKGROUND = "getComputedStyle(document.body).backgroundColor"
VISIBLE_TOGGLE = "label.md-header__button[for^='__palette']:visible"


@pytest.mark.parametrize("device", ["light", "dark"])
def test_the_first_tap_on_the_palette_toggle_changes_what_the_reader_sees(reader, site_url, device):
    tab = reader(device, "phone")
    tab.page.goto(site_url)
    before = tab.page.evaluate(BACKGROUND)
    tab.page.locator(VISIBLE_TOGGLE).click()
    tab.page.wait_for_function(f"{BACKGROUND} !== {before!r}")
    tab.page.locator(VISIBLE_TOGGLE).click()
    tab.page.wait_for_function(f"{BACKGROUND} === {before!r}")


@pytest.mark.parametrize("device", ["light", "dark"])
def test_the_palette_toggle_is_named_for_what_it_will_do(reader, site_url, device):
    tab = reader(device, "phone")
    tab.page.goto(site_url)
    scheme = tab.page.evaluate("document.body.dataset.mdColorScheme")
    name = tab.page.locator(VISIBLE_TOGGLE).get_attribute("title")
    assert ("어두운" in name) if scheme == "default" else ("밝은" in name), (scheme, name)


# Material keeps the palette's state itself (the radio inputs stay unchecked) and
# shows the one toggle label that belongs to the current palette.
PALETTE_STATE = "document.querySelector('[data-md-component=palette] label:not([hidden])').htmlFor"


def palette_after_key(tab, key: str) -> list[str]:
    """Press ``key`` on the focused toggle; return the new state and where the focus went."""
    tab.page.locator("[data-md-component=palette] label:not([hidden])").evaluate("label => label.previousElementSibling.focus()")
    tab.page.keyboard.press(key)
    tab.page.wait_for_timeout(200)
    return tab.page.evaluate(f"[{PALETTE_STATE}, document.activeElement.id]")


def test_space_on_the_palette_toggle_does_what_enter_does(reader, site_url):
    with_enter, with_space = reader("light"), reader("light")
    with_enter.page.goto(site_url)
    with_space.page.goto(site_url)
    before = with_space.page.evaluate(PALETTE_STATE)
    after_space = palette_after_key(with_space, " ")
    assert after_space[0] != before
    assert after_space == palette_after_key(with_enter, "Enter")


def focus_path(tab, presses: int) -> list[str]:
    """Where each Tab press lands: 'drawer' for anything inside the navigation drawer."""
    stops = []
    for _ in range(presses):
        tab.page.keyboard.press("Tab")
        stops.append(
            tab.page.evaluate(
                """() => { const e = document.activeElement;
                     return e.closest('.md-sidebar--primary') ? 'drawer' : e.tagName + '.' + e.className; }"""
            )
        )
    return stops


def test_tab_at_phone_width_skips_the_closed_navigation_drawer(reader, site_url):
    tab = reader("light", "phone")
    tab.page.goto(site_url)
    drawer_links = tab.page.locator(".md-sidebar--primary a").count()
    assert drawer_links > 0
    assert "drawer" not in focus_path(tab, 15 + drawer_links)


@pytest.mark.parametrize("key", ["Enter", " "])
def test_the_menu_button_opens_the_drawer_from_the_keyboard(reader, site_url, key):
    tab = reader("light", "phone")
    tab.page.goto(site_url)
    menu = tab.page.get_by_role("button", name="메뉴")
    for _ in range(10):
        tab.page.keyboard.press("Tab")
        if menu.evaluate("button => button === document.activeElement"):
            break
    else:
        pytest.fail("Tab 으로 메뉴 버튼에 갈 수 없습니다")
    assert menu.get_attribute("aria-expanded") == "false"
    tab.page.keyboard.press(key)
    tab.page.wait_for_timeout(100)
    assert tab.page.evaluate("document.getElementById('__drawer').checked")
    assert menu.get_attribute("aria-expanded") == "true"
    tab.page.wait_for_timeout(400)  # the drawer slides in
    assert "drawer" in focus_path(tab, 40)

