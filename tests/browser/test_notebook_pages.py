"""Notebook pages in a real browser: phone width, palettes, plots, CSS weight, accessibility.

Every notebook of the course is checked (pages found from notebooks/ sources).
"""

from __future__ import annotations

import io

import pytest
from PIL import Image

from axe_checks import blocking_violations
from course_site.notebook_pages import LONG_OUTPUT_LINES, text_html
from support import ROOT

NOTEBOOK_PAGES = [
    f"notebooks/{path.relative_to(ROOT / 'notebooks').with_suffix('').as_posix()}/"
    for path in sorted((ROOT / "notebooks").glob("*/**/*.py"))
    if not path.name.startswith("_")
]


def open_page(tab, site_url: str, path: str) -> None:
    tab.page.goto(site_url + path)
    tab.page.wait_for_load_state("load")
    tab.page.wait_for_selector(".nb-cell .md-code__nav")  # Material has mounted its code blocks


def test_code_cells_take_the_full_text_width_on_a_phone(reader, site_url):
    tab = reader("light", "phone")
    for path in NOTEBOOK_PAGES:
        open_page(tab, site_url, path)
        shares = tab.page.evaluate("""() => {
            const article = document.querySelector('article.md-content__inner');
            const style = getComputedStyle(article);
            const text = article.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            return [...document.querySelectorAll('.nb-cell > .highlight')]
                .map(block => block.getBoundingClientRect().width / text);
        }""")
        assert shares and min(shares) >= 0.85, (path, min(shares, default=None))


def test_the_copy_button_never_covers_code(reader, site_url):
    tab = reader("light", "phone")
    for path in NOTEBOOK_PAGES:
        open_page(tab, site_url, path)
        overlaps = tab.page.evaluate("""() => [...document.querySelectorAll('.nb-cell > .highlight > pre')].map(pre => {
            const button = pre.querySelector('.md-code__nav').getBoundingClientRect();
            const code = pre.querySelector('code').getBoundingClientRect();
            const width = Math.min(button.right, code.right) - Math.max(button.left, code.left);
            const height = Math.min(button.bottom, code.bottom) - Math.max(button.top, code.top);
            return width > 0 && height > 0;
        })""")
        assert overlaps and not any(overlaps), path


def test_printed_text_keeps_its_columns_and_scrolls_inside_its_box(reader, site_url):
    tab = reader("light", "phone")
    wide_outputs = 0
    for path in NOTEBOOK_PAGES:
        open_page(tab, site_url, path)
        outputs = tab.page.evaluate("""() => [...document.querySelectorAll('.nb-output > pre')].map(pre => ({
            whiteSpace: getComputedStyle(pre).whiteSpace,
            overflowX: getComputedStyle(pre).overflowX,
            wider: pre.scrollWidth > pre.clientWidth,
        }))""")
        assert outputs, path
        assert all(o["whiteSpace"] == "pre" and o["overflowX"] in ("auto", "scroll") for o in outputs), path
        wide_outputs += sum(o["wider"] for o in outputs)
        page_width = tab.page.evaluate("document.documentElement.scrollWidth")
        assert page_width <= tab.page.viewport_size["width"], path  # the page itself never scrolls sideways
    assert wide_outputs  # on a phone, some printed table is wider than the column: it scrolls


def test_a_long_output_is_folded_until_the_reader_unfolds_it(reader, site_url):
    tab = reader("light", "phone")
    open_page(tab, site_url, NOTEBOOK_PAGES[0])
    lines = LONG_OUTPUT_LINES * 2
    fragment = text_html("\n".join(f"{n:>4}  출력 줄" for n in range(lines)), "")
    tab.page.evaluate(
        "html => document.querySelector('.nb-cell').insertAdjacentHTML('beforeend', html)", fragment
    )
    pre = tab.page.locator(".nb-output--long > pre")
    line_height = pre.evaluate("pre => parseFloat(getComputedStyle(pre).lineHeight)")
    folded = pre.bounding_box()["height"]
    assert folded < 22 * line_height
    tab.page.locator(".nb-output__more > summary").click()
    assert pre.bounding_box()["height"] >= lines * line_height
    assert tab.page.locator(".nb-output__fold").is_visible()


def test_a_notebook_page_loads_at_most_200_kb_of_css(reader, site_url):
    tab = reader("light", "laptop")
    for path in NOTEBOOK_PAGES:
        open_page(tab, site_url, path)
        css_bytes = tab.page.evaluate("""() => {
            const linked = performance.getEntriesByType('resource')
                .filter(entry => entry.initiatorType === 'link' || entry.name.endsWith('.css'))
                .filter(entry => entry.name.split('?')[0].endsWith('.css'))
                .reduce((sum, entry) => sum + entry.decodedBodySize, 0);
            const inline = [...document.querySelectorAll('style')]
                .reduce((sum, style) => sum + new TextEncoder().encode(style.textContent).length, 0);
            return linked + inline;
        }""")
        assert 0 < css_bytes <= 200_000, (path, css_bytes)


def corner_brightness(element) -> float:
    """Mean brightness (0-255) of the top-left 6x6 pixels of an element's screenshot."""
    image = Image.open(io.BytesIO(element.screenshot())).convert("L")
    pixels = [image.getpixel((x, y)) for x in range(6) for y in range(6)]
    return sum(pixels) / len(pixels)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_plots_follow_the_palette_and_carry_the_notebooks_alt_text(reader, site_url, scheme):
    tab = reader(scheme, "laptop")
    shown = 0
    for path in NOTEBOOK_PAGES:
        open_page(tab, site_url, path)
        tab.load_all_images()
        for figure in tab.page.locator(".nb-figure").all():
            visible = [img for img in figure.locator("img").all() if img.is_visible()]
            assert len(visible) == 1, path
            image = visible[0]
            src, alt = image.get_attribute("src"), image.get_attribute("alt")
            assert src.endswith("#only-dark" if scheme == "dark" else "#only-light"), (path, src)
            assert alt.strip() and "No description" not in alt, (path, src)
            assert image.evaluate("img => img.naturalWidth") > 0
            image.scroll_into_view_if_needed()
            brightness = corner_brightness(image)
            # Transparent plots: the corner shows the page's own background.
            assert brightness < 60 if scheme == "dark" else brightness > 200, (path, src, brightness)
            shown += 1
    assert shown


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("screen", ["phone", "laptop"])
def test_no_serious_or_critical_accessibility_violation(reader, site_url, axe_source, screen, scheme):
    tab = reader(scheme, screen)
    found = {}
    for path in NOTEBOOK_PAGES:
        open_page(tab, site_url, path)
        blocking = blocking_violations(tab.page, axe_source)
        if blocking:
            found[path] = blocking
    assert found == {}


def test_reading_a_notebook_requests_nothing_from_other_hosts(reader, site_url):
    tab = reader("dark", "phone")
    for path in NOTEBOOK_PAGES:
        open_page(tab, site_url, path)
        tab.load_all_images()
        tab.page.locator("details.nb-setup > summary").click()
        tab.page.mouse.wheel(0, 30000)
        tab.page.wait_for_load_state("networkidle")
    assert tab.requests and tab.foreign_requests() == []
