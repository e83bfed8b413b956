"""Reading the site on a phone: Korean that breaks between words, tables that scroll in place,
a palette toggle that answers the first tap, heading links a finger can reach, and a keyboard
that does not wander into the closed navigation drawer."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from skipped_blocks import lay_out_every_block

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


def test_korean_words_are_never_split_across_lines_on_a_phone(reader, site_url, pages_to_open):
    tab = reader("light", "phone")
    split = {}
    for path in pages_to_open:
        tab.page.goto(site_url + path)
        found = tab.page.evaluate(SPLIT_WORDS, WHERE_WORDS_MUST_STAY_WHOLE + ", article p, article li")
        if found:
            split[path or "/"] = found
    assert split == {}


def test_wide_tables_scroll_inside_their_own_box_and_take_the_keyboard(reader, site_url, pages_to_open):
    tab = reader("light", "phone")
    for path in pages_to_open:
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


def test_a_scrolling_table_scrolls_with_the_arrow_keys(reader, site_url, pages_to_open):
    tab = reader("light", "phone")
    for path in pages_to_open:
        tab.page.goto(site_url + path)
        tab.page.wait_for_load_state("load")
        box = tab.page.locator(".md-typeset__scrollwrap[tabindex='0']").first
        if box.count():
            box.focus()
            tab.page.keyboard.press("ArrowRight")
            tab.page.wait_for_function("document.activeElement.scrollLeft > 0")
            return
    pytest.skip("이 사이트에는 휴대폰 화면보다 넓은 표가 없습니다")


def test_page_title_takes_only_the_lines_its_words_need(reader, site_url, pages_to_open):
    tab = reader("light", "phone", touch=True)
    for path in pages_to_open:
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


def test_heading_links_are_visible_and_big_enough_to_tap_on_a_touch_screen(reader, site_url, pages_to_open):
    tab = reader("light", "phone", touch=True)
    for path in pages_to_open:
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



# Text blocks far from the screen are skipped until they come near (course.css).
# Chromium tells each skipping block's state in a "contentvisibilityautostatechange" event.
WATCH_SKIPPING = """window.courseSkipped = new Map();
document.addEventListener("contentvisibilityautostatechange", (event) => courseSkipped.set(event.target, event.skipped), true);"""
SKIPPED_BLOCKS = "() => [...courseSkipped].filter(([block, skipped]) => skipped && block.isConnected).map(([block]) => block)"
BLOCK_TOPS = "() => [...document.querySelector('.md-content__inner').children].map(e => Math.round(e.getBoundingClientRect().top + scrollY))"


def open_watching_skipped(reader, url: str, screen: str = "phone"):
    tab = reader("light", screen)
    tab.page.add_init_script(WATCH_SKIPPING)
    tab.page.goto(url)
    tab.page.wait_for_load_state("load")
    tab.page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    return tab


def scroll_through(page) -> None:
    """Scroll from top to bottom a screen at a time, so that every block has come near the screen once.

    The page grows on the way down: a skipped block takes its estimated height until it is drawn.
    """
    top = 0
    while top < page.evaluate("document.documentElement.scrollHeight"):
        page.evaluate(f"window.scrollTo(0, {top})")
        page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        top += 400


def test_text_far_from_the_screen_is_not_laid_out_while_the_page_loads(reader, site_url, longest_page):
    tab = open_watching_skipped(reader, site_url + longest_page)
    skipped_tops = tab.page.evaluate(f"() => ({SKIPPED_BLOCKS})().map(block => block.getBoundingClientRect().top)")
    assert len(skipped_tops) > 0
    assert min(skipped_tops) > 844  # nothing on the first screen waits


# Figures past the first 20 blocks and two screens down, as the page first lays them out.
FAR_FIGURES = """() => [...document.querySelectorAll('.md-content__inner > figure')]
  .filter(figure => [...figure.parentElement.children].indexOf(figure) >= 20)
  .filter(figure => figure.getBoundingClientRect().top > 2 * innerHeight)"""


def test_figures_far_from_the_screen_are_not_laid_out_while_the_page_loads(reader, site_url, longest_page):
    # Figures cost the most layout of any block: skipping them too took the seminar's Lighthouse median
    # from 89 to 96.5 in four paired runs. Their drawings are still fetched ahead of the reader
    # (test_figures_phone.py).
    tab = open_watching_skipped(reader, site_url + longest_page)
    far = tab.page.evaluate(f"() => ({FAR_FIGURES})().length")
    if not far:
        pytest.skip("the longest page has no figure far down")
    not_skipped = tab.page.evaluate(
        f"""() => {{
          const skipped = new Set(({SKIPPED_BLOCKS})());
          return ({FAR_FIGURES})().filter(figure => !skipped.has(figure))
            .map(figure => figure.textContent.trim().slice(0, 40));
        }}"""
    )
    assert not_skipped == []


@pytest.mark.parametrize("screen", ["phone", "laptop"])
def test_once_drawn_every_block_sits_where_it_would_without_skipping(reader, site_url, longest_page, screen):
    skipping, whole = reader("light", screen), reader("light", screen)
    for tab in (skipping, whole):
        tab.page.goto(site_url + longest_page)
        tab.page.wait_for_load_state("load")
    lay_out_every_block(whole.page)
    for tab in (skipping, whole):
        scroll_through(tab.page)
    assert skipping.page.evaluate(BLOCK_TOPS) == whole.page.evaluate(BLOCK_TOPS)


def test_find_in_page_reaches_words_of_a_block_far_from_the_screen(reader, site_url, longest_page):
    tab = open_watching_skipped(reader, site_url + longest_page)
    far = tab.page.evaluate(
        f"""() => ({SKIPPED_BLOCKS})()
             .filter(block => block.textContent.trim().length > 20)
             .map(block => [[...block.parentElement.children].indexOf(block),
                            block.textContent.trim().split(/\\s+/).slice(0, 3).join(' ')])
             .pop()"""
    )
    assert far, "no skipped block of text on the longest page"
    index, words = far
    # A text fragment searches the page as find-in-page does.
    reading = open_watching_skipped(reader, site_url + longest_page + "#:~:text=" + quote(words))
    block = reading.page.locator(".md-content__inner > *").nth(index)
    reading.page.wait_for_function("e => e.getBoundingClientRect().top < innerHeight", arg=block.element_handle())
    assert block.evaluate("block => courseSkipped.get(block) === false")
    assert words.split()[0] in block.inner_text()


# Each shift with what moved (tag, class, first words, and its box before and after), so a failure says where.
LAYOUT_SHIFTS = """window.courseShifts = [];
new PerformanceObserver((list) => list.getEntries().forEach((shift) => {
  if (shift.hadRecentInput) return;
  const moved = shift.sources.map(({node, previousRect: a, currentRect: b}) => {
    const words = node ? (node.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 30) : '';
    const what = node ? `${node.nodeName}.${node.className || ''} "${words}"` : '?';
    return `${what} ${[a.x, a.y, a.width, a.height]} -> ${[b.x, b.y, b.width, b.height]}`;
  });
  courseShifts.push({value: shift.value, at: Math.round(shift.startTime), moved});
})).observe({type: "layout-shift", buffered: true});"""


def shifts_while_loading(tab, url: str) -> list[dict]:
    """The layout shifts of one load of ``url``, if together they move more than a trace (0.001)."""
    tab.page.goto(url)
    tab.page.wait_for_load_state("load")
    tab.page.wait_for_timeout(300)
    shifts = tab.page.evaluate("courseShifts")
    return shifts if sum(shift["value"] for shift in shifts) > 0.001 else []


@pytest.mark.parametrize("screen", ["phone", "laptop"])
def test_nothing_moves_on_screen_while_a_page_loads(reader, site_url, pages_to_open, screen):
    tab = reader("light", screen)
    tab.page.add_init_script(LAYOUT_SHIFTS)
    moved = {}
    for path in pages_to_open:
        # A shift built into the page shows on every load, so a page that moved is loaded once more and fails
        # only if it moves again. CI once saw 0.005 on tags/ at laptop width, before this test said what
        # moved. A single-load shift on that page shows here with the CPU slowed 8 times (one load in seven):
        # the browser paints before the HTML is all parsed, a short page shows half its footer, and the footer
        # then grows. A race that moves a page on one load in two still fails about one run in four.
        first = shifts_while_loading(tab, site_url + path)
        if first and (again := shifts_while_loading(tab, site_url + path)):
            moved[path or "/"] = {"first load": first, "second load": again}
    assert moved == {}


# Where a heading sits in the window: Material leaves room for its fixed header with scroll-margin-top.
# A heading near the end of the page stops higher up, where the page can scroll no further.
HEADING_OFFSET = """h => {
  const bottom = Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight;
  const offset = Math.round(h.getBoundingClientRect().top - parseFloat(getComputedStyle(h).scrollMarginTop));
  return bottom && offset > 0 ? 0 : offset;
}"""


@pytest.mark.parametrize("screen", ["phone", "laptop"])
def test_a_pasted_heading_link_opens_at_that_heading_and_stays_there(reader, site_url, longest_page, screen):
    # Headings three quarters down the longest page: much skipped text above them.
    tab = open_watching_skipped(reader, site_url + longest_page, screen)
    anchors = tab.page.evaluate("[...document.querySelectorAll('.md-content__inner :is(h2, h3)[id]')].map(h => h.id)")
    anchor = anchors[len(anchors) * 3 // 4]
    reading = open_watching_skipped(reader, site_url + longest_page + "#" + quote(anchor), screen)
    heading = reading.page.locator(f"[id='{anchor}']")
    assert heading.evaluate(HEADING_OFFSET) == pytest.approx(0, abs=2)
    reading.page.wait_for_timeout(1000)  # blocks around it drawn, drawings arrived
    assert heading.evaluate(HEADING_OFFSET) == pytest.approx(0, abs=2)
