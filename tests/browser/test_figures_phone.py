"""Figures on a phone and a laptop: text big enough, bytes few, enlarged with a tap (issue 12).

Drawings arrive as they near the screen (overrides/figure_drawings.js); tests
about every drawing scroll past every figure first, as a reader would.
"""

from __future__ import annotations

import gzip
import re
from urllib.parse import quote

import pytest

from figure_drawings import WAITING, scroll_past_every_figure

BUDGET_GZIP_BYTES = 300 * 1024
ALL_DRAWN = f"document.querySelectorAll({WAITING!r}).length === 0"

TEXT_SIZES = """
() => [...document.querySelectorAll('.course-figure__drawing svg')].map(svg => {
  const scale = svg.getScreenCTM().a;  // CSS px per SVG unit, as drawn now
  return [...svg.querySelectorAll('text, tspan')]
    .filter(t => t.firstChild && t.firstChild.nodeType === Node.TEXT_NODE && t.textContent.trim())
    .map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
})
"""


def open_page(reader, url, scheme, width, *, every_drawing=False):
    tab = reader(scheme, width=width, height=844)
    tab.page.goto(url)
    if every_drawing:
        scroll_past_every_figure(tab.page)
    tab.page.evaluate("document.fonts.ready")
    return tab


def scroll_to_the_end(tab):
    for figure in tab.page.locator("figure.course-figure").all():
        figure.scroll_into_view_if_needed()
    tab.page.mouse.wheel(0, 100000)
    tab.page.wait_for_load_state("networkidle")


def switch_palette(tab):
    """Click the header toggle until the page is dark (how many clicks is the toggle's business)."""
    for _ in range(3):
        if tab.page.evaluate("document.body.dataset.mdColorScheme") == "slate":
            return
        tab.page.locator("label.md-header__button[for^='__palette']:visible").click()
    assert tab.page.evaluate("document.body.dataset.mdColorScheme") == "slate"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_smallest_figure_text_is_at_least_12_css_px_on_a_phone(reader, site_url, figure_pages, scheme):
    for path in figure_pages:
        tab = open_page(reader, site_url + path, scheme, 390, every_drawing=True)
        sizes = tab.page.evaluate(TEXT_SIZES)
        assert len(sizes) == tab.page.locator("figure.course-figure").count() and all(sizes), path
        smallest = min(min(figure) for figure in sizes)
        assert smallest >= 11.95, f"{path}: smallest figure text {smallest:.2f} px"
        assert tab.page.evaluate("document.documentElement.scrollWidth") <= 390, path  # never wider than the phone


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_figures_are_not_posters_on_a_laptop(reader, site_url, figure_pages, scheme):
    for path in figure_pages:
        tab = open_page(reader, site_url + path, scheme, 1366, every_drawing=True)
        for figure in tab.page.evaluate(TEXT_SIZES):
            ordered = sorted(figure)
            assert ordered[0] >= 11.95 and ordered[len(ordered) // 2] <= 20, (path, ordered)


def figure_bytes(tab) -> tuple[int, list[str]]:
    """Gzip bytes of the figures' markup in the page, the drawing files and the fonts fetched; and their URLs."""
    page_html = tab.bodies[tab.page.url]
    markup = "".join(re.findall(r'<figure class="course-figure">.*?</figure>', page_html, re.S))
    fetched = [url for url in tab.bodies if "/assets/figures/" in url or "/figures/" in url]
    # woff2 is compressed already; an SVG travels gzipped (GitHub Pages, tools/lighthouse.py)
    fetched_bytes = sum(len(tab.bodies[url]) if url.endswith(".woff2") else len(gzip.compress(tab.bodies[url], 9)) for url in fetched)
    return len(gzip.compress(markup.encode("utf-8"), 9)) + fetched_bytes, fetched


@pytest.fixture
def counting_reader(reader):
    def open_counting(scheme, width):
        tab = reader(scheme, width=width, height=844)
        tab.bodies = {}

        def remember(response):
            if response.ok and response.request.method == "GET":
                body = response.body()
                tab.bodies[response.url] = body.decode("utf-8") if response.request.resource_type == "document" else body

        tab.page.on("response", remember)
        return tab

    return open_counting


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_figures_scrolled_to_the_end_weigh_at_most_300_kb_and_a_palette_switch_fetches_none(
    counting_reader, site_url, figure_pages, scheme
):
    for path in figure_pages:
        one_pages_figures_weigh_at_most_300_kb_and_a_switch_fetches_none(counting_reader, site_url + path, scheme)


def one_pages_figures_weigh_at_most_300_kb_and_a_switch_fetches_none(counting_reader, url, scheme):
    tab = counting_reader(scheme, 390)
    tab.page.goto(url)
    scroll_to_the_end(tab)
    tab.page.wait_for_function(ALL_DRAWN)
    total, fetched = figure_bytes(tab)
    assert total <= BUDGET_GZIP_BYTES, f"{url}: {total / 1024:.0f} KB"
    drawings = [url for url in fetched if re.search(r"\.[0-9a-f]{10}\.svg$", url)]
    assert len(drawings) == tab.page.locator("figure.course-figure").count()  # each drawing once
    assert set(fetched) - set(drawings) and all(url.endswith(".woff2") for url in set(fetched) - set(drawings))

    before = set(tab.bodies)
    if scheme == "light":
        switch_palette(tab)
    else:
        tab.page.emulate_media(color_scheme="light")
    scroll_to_the_end(tab)
    new = [url for url in set(tab.bodies) - before if url.endswith((".svg", ".woff2", ".png"))]
    assert new == []


def test_a_tap_opens_the_figure_full_screen_and_escape_closes_it(reader, site_url, figure_page):
    tab = open_page(reader, site_url + figure_page, "light", 390)
    figure = tab.page.locator("figure.course-figure").last  # the furthest down: it must be scrolled to
    figure.scroll_into_view_if_needed()
    figure.locator("svg").first.click()
    dialog = tab.page.locator("dialog.figure-viewer")
    dialog.wait_for(state="visible")
    box = dialog.bounding_box()
    assert box["width"] == 390 and box["height"] >= 800  # the whole screen
    assert dialog.locator("svg[role=img]").count() == 1
    tab.page.keyboard.press("Escape")
    assert not dialog.is_visible()
    tab.page.wait_for_function("!(history.state && history.state.figureViewer)")


def test_the_back_button_closes_the_viewer_and_stays_on_the_page(reader, site_url, figure_page):
    tab = open_page(reader, site_url + figure_page, "dark", 390)
    url = tab.page.url
    tab.page.locator("a.course-figure__open").first.click()
    dialog = tab.page.locator("dialog.figure-viewer")
    dialog.wait_for(state="visible")
    tab.page.go_back()
    tab.page.wait_for_function("!document.querySelector('dialog.figure-viewer').open")
    assert tab.page.url == url


FOCUS_IN_VIEWER = "document.querySelector('dialog.figure-viewer').contains(document.activeElement)"


def test_the_viewer_works_by_keyboard_and_zooms(reader, site_url, figure_page):
    tab = open_page(reader, site_url + figure_page, "light", 1366)
    link = tab.page.locator("a.course-figure__open").first
    link.focus()
    tab.page.keyboard.press("Enter")
    dialog = tab.page.locator("dialog.figure-viewer")
    dialog.wait_for(state="visible")
    assert tab.page.evaluate(FOCUS_IN_VIEWER)
    drawing = dialog.locator("svg")
    fitted = drawing.bounding_box()["width"]
    tab.page.keyboard.press("+")
    assert drawing.bounding_box()["width"] > fitted * 1.4
    tab.page.keyboard.press("0")
    assert abs(drawing.bounding_box()["width"] - fitted) < 2
    tab.page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert tab.page.evaluate("document.activeElement.classList.contains('course-figure__open')")


def test_figure_text_can_be_selected_by_dragging_without_opening_the_viewer(reader, site_url, figure_page):
    tab = open_page(reader, site_url + figure_page, "light", 1366, every_drawing=True)
    label = tab.page.locator(".course-figure__drawing svg text", has_text="머신러닝").first
    label.scroll_into_view_if_needed()
    box = label.bounding_box()
    middle = box["y"] + box["height"] / 2
    tab.page.mouse.move(box["x"] + 1, middle)
    tab.page.mouse.down()
    tab.page.mouse.move(box["x"] + box["width"] - 1, middle, steps=8)
    tab.page.mouse.up()
    assert "머신러닝" in tab.page.evaluate("String(window.getSelection())")
    tab.page.wait_for_timeout(400)
    assert not tab.page.locator("dialog.figure-viewer").is_visible()  # selecting is not a tap


TEXT_FILL = """getComputedStyle([...document.querySelectorAll('.course-figure__drawing svg text')]
  .find(t => (t.getAttribute('style') || '').includes('--fig-1f2328'))).fill"""


def test_figure_ink_follows_the_palette_including_a_switch(reader, site_url, figure_page):
    tab = open_page(reader, site_url + figure_page, "light", 390, every_drawing=True)
    assert tab.page.evaluate(TEXT_FILL) == "rgb(31, 35, 40)"  # INK["text"]
    switch_palette(tab)
    assert tab.page.evaluate(TEXT_FILL) == "rgb(230, 237, 243)"  # its dark twin
    dark = open_page(reader, site_url + figure_page, "dark", 390, every_drawing=True)
    assert dark.page.evaluate(TEXT_FILL) == "rgb(230, 237, 243)"


DRAWING_BOXES = """() => [...document.querySelectorAll('.course-figure__drawing')].map(box => {
  const svg = box.querySelector('svg');
  return {
    arrived: Boolean(svg),
    drawn: Boolean(svg) && svg.checkVisibility({contentVisibilityAuto: true}),
    height: box.getBoundingClientRect().height,
    svgHeight: svg ? svg.getBoundingClientRect().height : null,
  };
})"""
NEXT_FRAME = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


@pytest.mark.parametrize("width", [390, 1366])
def test_drawings_arrive_near_the_screen_into_boxes_of_their_final_size(reader, site_url, width, figure_page):
    tab = open_page(reader, site_url + figure_page, "light", width)
    # Blocks far from the screen, figures among them, take their real height
    # only when they come near (course.css; tested in test_phone_pages.py):
    # laid out here from the start, so that the page height measures the
    # drawings alone.
    tab.page.add_style_tag(content=".md-content__inner > * { content-visibility: visible !important; }")
    before = tab.page.evaluate(DRAWING_BOXES)
    page_height = tab.page.evaluate("document.documentElement.scrollHeight")
    assert not before[-1]["arrived"]  # the last figure is screens away: its drawing is not fetched yet
    for number, figure in enumerate(tab.page.locator("figure.course-figure").all(), start=1):
        figure.scroll_into_view_if_needed()
        tab.page.wait_for_function(
            f"document.querySelectorAll('.course-figure__drawing')[{number - 1}].querySelector('svg')"
        )
        tab.page.evaluate(NEXT_FRAME)
        box = tab.page.evaluate(DRAWING_BOXES)[number - 1]
        assert box["drawn"], f"figure {number} on screen but not drawn"
        assert abs(box["height"] - before[number - 1]["height"]) < 1, f"figure {number} moved the page when drawn"
        assert abs(box["height"] - box["svgHeight"]) < 1, f"figure {number}: box and drawing differ"
    assert tab.page.evaluate("document.documentElement.scrollHeight") == page_height


LAST_DRAWING_URL = "[...document.querySelectorAll('.course-figure__drawing')].pop().dataset.drawing"


def test_a_drawing_is_fetched_only_when_scrolled_near(reader, site_url, figure_page):
    tab = open_page(reader, site_url + figure_page, "light", 390)
    tab.page.wait_for_load_state("networkidle")
    last = tab.page.evaluate(LAST_DRAWING_URL).rsplit("/", 1)[-1]
    assert not any(url.endswith(last) for url in tab.requests)
    figure = tab.page.locator("figure.course-figure").last
    figure.evaluate("figure => window.scrollTo(0, figure.offsetTop - 2 * innerHeight)")  # two screens above it
    figure.locator(".course-figure__drawing svg[role=img]").wait_for(state="attached")
    assert any(url.endswith(last) for url in tab.requests)
    assert figure.locator(".course-figure__drawing").get_attribute("role") is None  # the drawing speaks now


# The label of a figure not yet fetched that the page's prose does not also contain.
UNIQUE_LABEL = """() => {
  const copies = [...document.querySelectorAll('.course-figure__text')].reverse();
  const prose = document.querySelector('article').cloneNode(true);
  prose.querySelectorAll('.course-figure__text').forEach(copy => copy.remove());
  for (const copy of copies) {
    const index = [...document.querySelectorAll('.course-figure__drawing')].indexOf(copy.parentElement);
    const label = copy.textContent.split('\\n').find(line => line.length > 3 && !prose.textContent.includes(line));
    if (label) return [index, label];
  }
  return null;
}"""


def test_find_in_page_reaches_the_words_of_a_drawing_not_yet_fetched_and_brings_the_drawing(
    reader, site_url, figure_page
):
    tab = open_page(reader, site_url + figure_page, "light", 390)
    found = tab.page.evaluate(UNIQUE_LABEL)
    assert found, "no figure label that only a drawing has"
    index, label = found
    box = tab.page.locator(".course-figure__drawing").nth(index)
    assert box.locator(".course-figure__text").get_attribute("hidden") == "until-found"
    # A text fragment searches the page as find-in-page does, revealing
    # hidden="until-found" text with a "beforematch" event.
    reading = reader("light", width=390, height=844)
    reading.page.goto(site_url + figure_page + "#:~:text=" + quote(label))
    drawn = reading.page.locator(".course-figure__drawing").nth(index)
    drawn.locator("svg[role=img]").wait_for(state="attached")
    assert label in " ".join(drawn.locator("svg").text_content().split())
    top = drawn.evaluate("box => box.getBoundingClientRect().top")
    assert -844 < top < 844  # scrolled to the figure


def test_without_javascript_each_figure_shows_its_own_svg_file(browser, site_url, figure_pages):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        for path in figure_pages:
            page.goto(site_url + path)
            images = page.locator(".course-figure__drawing img")
            assert images.count() == page.locator("figure.course-figure").count(), path
            first = images.first
            first.scroll_into_view_if_needed()
            page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=first.element_handle())
            assert first.get_attribute("src") == page.locator("a.course-figure__open").first.get_attribute("href")
    finally:
        context.close()
