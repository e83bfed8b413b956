"""Members print seminars: what Chromium's "Save as PDF" makes of a seminar page on A4.

Printed from a dark-palette tab, because that is what a reader who reads at night
and prints in the morning does.
"""

from __future__ import annotations

import io

from pypdf import PdfReader

from figure_drawings import WAITING, scroll_past_every_figure

CHROME = ".md-header, .md-tabs, .md-sidebar, .md-search, .md-footer, .md-top, .md-content__button"

# How each figure looks: the images it shows and the colours its drawing uses.
FIGURE_LOOK = """
() => [...document.querySelectorAll('article figure')].map(figure => ({
  images: [...figure.querySelectorAll('img')]
    .filter(img => getComputedStyle(img).display !== 'none').map(img => img.getAttribute('src')),
  colours: [...figure.querySelectorAll('svg *')].slice(0, 400)
    .map(e => { const s = getComputedStyle(e); return s.fill + '|' + s.stroke + '|' + s.color; }),
}))
"""

TEXT_COLOURS = """
() => ['article p', 'article h2', 'article td', 'article figcaption'].map(selector => {
  const element = document.querySelector(selector);
  return element && getComputedStyle(element).color;
})
"""

# Headings and the titles of boxes (admonitions, details): text that belongs with what follows.
HEADINGS = """
() => [...document.querySelectorAll(
    'article h2, article h3, article h4, article h5, article h6, article .admonition-title, article summary')]
  .map(element => [...element.childNodes]
    .filter(node => !(node.classList && node.classList.contains('headerlink')))
    .map(node => node.textContent).join('').replace(/\\s+/g, ''))
"""


def printed(tab) -> None:
    tab.page.emulate_media(media="print")


def test_printed_seminar_has_light_text_and_figures_whatever_the_palette(reader, site_url, seminar_pages):
    for path in seminar_pages:
        light = reader("light")
        light.page.goto(site_url + path)
        light.load_all_images()
        scroll_past_every_figure(light.page)
        dark = reader("dark")
        dark.page.goto(site_url + path)
        dark.load_all_images()
        scroll_past_every_figure(dark.page)
        printed(dark)
        assert dark.page.evaluate(FIGURE_LOOK) == light.page.evaluate(FIGURE_LOOK), path
        assert dark.page.evaluate(TEXT_COLOURS) == light.page.evaluate(TEXT_COLOURS), path


def test_printing_brings_in_every_drawing_not_yet_fetched(reader, site_url, seminar_pages):
    tab = reader("light")
    printed_figures = 0
    for path in seminar_pages:
        tab.page.goto(site_url + path)
        figures = tab.page.locator("figure.course-figure").count()
        tab.page.pdf(format="A4")  # Chromium fires "beforeprint" first, as for Ctrl+P
        assert tab.page.locator(WAITING).count() == 0, path
        assert tab.page.locator(".course-figure__drawing > svg[role=img]").count() == figures, path
        printed_figures += figures
    assert printed_figures, "그림이 있는 세미나가 없습니다"


def test_printed_seminar_has_no_navigation_search_or_header(reader, site_url, seminar_pages):
    tab = reader("dark")
    for path in seminar_pages:
        tab.page.goto(site_url + path)
        printed(tab)
        shown = tab.page.evaluate(
            f"""() => [...document.querySelectorAll({CHROME!r})]
                  .filter(element => element.getClientRects().length > 0)
                  .map(element => element.className)"""
        )
        assert shown == [], path


def test_printed_figures_are_never_cut_across_two_pages(reader, site_url, seminar_pages):
    tab = reader("light")
    for path in seminar_pages:
        tab.page.goto(site_url + path)
        printed(tab)
        breaks = tab.page.evaluate(
            "() => [...document.querySelectorAll('article figure')].map(f => getComputedStyle(f).breakInside)"
        )
        assert set(breaks) <= {"avoid", "avoid-page"}, path


def lines_from_top(pdf_page) -> list[str]:
    """The text lines of one PDF page in reading order (top to bottom), spaces removed."""
    lines: dict[int, list[str]] = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            lines.setdefault(round(y), []).append(text)

    pdf_page.extract_text(visitor_text=visit)
    return ["".join(parts).replace(" ", "") for _y, parts in sorted(lines.items(), reverse=True)]


def test_no_printed_page_ends_with_a_heading(reader, site_url, seminar_pages):
    tab = reader("dark")
    for path in seminar_pages:
        tab.page.goto(site_url + path)
        tab.load_all_images()
        headings = set(tab.page.evaluate(HEADINGS))
        pdf = PdfReader(io.BytesIO(tab.page.pdf(format="A4")))
        assert len(pdf.pages) > 1, "한 쪽짜리 인쇄로는 쪽 끝을 시험할 수 없습니다"
        alone = []
        for number, pdf_page in enumerate(pdf.pages[:-1], start=1):
            lines = lines_from_top(pdf_page)
            last_one, last_two = lines[-1], "".join(lines[-2:])
            if last_one in headings or last_two in headings:
                alone.append((number, last_one))
        assert alone == [], f"{path}: 쪽 맨 아래에 제목만 남았습니다"
