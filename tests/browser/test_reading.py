"""What a club member sees in a real browser: palettes, figures, anchors, privacy."""

from __future__ import annotations

from urllib.parse import quote

SEMINAR = "2022-2/04-what-to-do-with-data/"

VISIBLE_FIGURE_SOURCES = """
() => [...document.querySelectorAll('figure.course-figure')].map(figure =>
  [...figure.querySelectorAll('img')]
    .filter(img => getComputedStyle(img).display !== 'none')
    .map(img => [img.getAttribute('src'), img.naturalWidth]))
"""


def visible_figures(reader) -> list:
    reader.load_all_images()
    return reader.page.evaluate(VISIBLE_FIGURE_SOURCES)


def test_light_palette_shows_exactly_the_light_figure_of_each_pair(reader, site_url):
    tab = reader("light")
    tab.page.goto(site_url + SEMINAR)
    figures = visible_figures(tab)
    assert len(figures) >= 17
    for shown in figures:
        assert len(shown) == 1, shown
        src, width = shown[0]
        assert src.endswith(".svg#only-light") and ".dark." not in src and width > 0


def test_dark_palette_shows_exactly_the_dark_figure_of_each_pair(reader, site_url):
    tab = reader("dark")
    tab.page.goto(site_url + SEMINAR)
    assert tab.page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    for shown in visible_figures(tab):
        assert len(shown) == 1, shown
        src, width = shown[0]
        assert src.endswith(".dark.svg#only-dark") and width > 0


def test_palette_toggle_switches_the_figures_too(reader, site_url, tmp_path):
    tab = reader("light")
    tab.page.goto(site_url + SEMINAR)
    # System preference first; the toggle then goes light -> dark -> system.
    tab.page.locator("label.md-header__button[for^='__palette']:visible").click()
    tab.page.locator("label.md-header__button[for^='__palette']:visible").click()
    assert tab.page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert all(shown[0][0].endswith("#only-dark") for shown in visible_figures(tab))
    figure = tab.page.locator("figure.course-figure").first
    figure.scroll_into_view_if_needed()
    figure.screenshot(path=str(tmp_path / "first-figure-dark.png"))


def test_a_pasted_heading_link_opens_at_that_heading(reader, site_url):
    tab = reader("light")
    anchor = "4-왜-딥러닝인가"
    tab.page.goto(site_url + SEMINAR + "#" + quote(anchor))
    tab.page.wait_for_function("window.scrollY > 0")
    top = tab.page.evaluate(f"document.getElementById({anchor!r}).getBoundingClientRect().top")
    assert 0 <= top < 150  # just under the sticky header


def test_reading_the_seminar_requests_nothing_from_other_hosts(reader, site_url):
    tab = reader("dark", width=390, height=844)  # a phone
    tab.page.goto(site_url + SEMINAR)
    tab.load_all_images()
    tab.page.mouse.wheel(0, 20000)
    tab.page.wait_for_load_state("networkidle")
    assert tab.requests and tab.foreign_requests() == []


def test_table_of_contents_follows_the_heading_in_view(reader, site_url):
    tab = reader("light")
    tab.page.goto(site_url + SEMINAR + "#" + quote("6-딥러닝-활용-분야"))
    tab.page.wait_for_timeout(300)
    active = tab.page.locator(".md-nav--secondary .md-nav__link--active").first
    assert "6. 딥러닝 활용 분야" in active.inner_text()
