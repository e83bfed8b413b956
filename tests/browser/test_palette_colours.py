"""The trimmed palette rules (scripts/hook_theme_css.py) colour a page exactly as Material's full palette.css does."""

from __future__ import annotations

import pytest

from transitions import bring_to_rest

# What a reader sees coloured: page, header, links, headings, navigation, code,
# footer, the palette toggle, figure captions and the search box.
ELEMENTS = (
    "body", ".md-header", ".md-header__button", ".md-search__input", ".md-tabs", ".md-nav__link",
    ".md-nav__link--active", ".md-content a", ".md-typeset h1", ".md-typeset h2", ".md-typeset code",
    ".md-typeset figcaption", ".md-typeset table", ".md-typeset__table th", ".md-footer", ".md-footer-meta",
    ".md-source", ".md-tag", ".seminar-meta",
)
PROPERTIES = ("color", "backgroundColor", "borderTopColor", "outlineColor", "textDecorationColor", "colorScheme")

COMPUTED = """([selectors, properties]) => {
  return selectors.map(selector => {
    const element = document.querySelector(selector);
    if (!element) return [selector, null];
    const style = getComputedStyle(element);
    return [selector, properties.map(name => style[name])];
  });
}"""

# Material's own palette.css (still among the site's assets) in place of the inline rules.
FULL_PALETTE = """(href) => new Promise((resolve, reject) => {
  const inline = document.getElementById("course-palette");
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  link.onload = () => { inline.remove(); resolve(); };
  link.onerror = () => reject(new Error(href));
  inline.after(link);
})"""


def colours(page) -> list:
    """The colours of ELEMENTS once every transition has ended (transitions.py)."""
    bring_to_rest(page)
    return page.evaluate(COMPUTED, [ELEMENTS, PROPERTIES])


def palette_file(built_site) -> str:
    (found,) = (built_site / "assets" / "stylesheets").glob("palette.*.min.css")
    return found.name


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("screen", ["phone", "laptop"])
def test_trimmed_palette_colours_the_page_as_materials_full_palette_does(
    reader, site_url, built_site, longest_page, scheme, screen
):
    tab = reader(scheme, screen)
    tab.page.goto(site_url + longest_page)
    tab.page.wait_for_load_state("load")
    found = [selector for selector, values in colours(tab.page) if values]
    assert len(found) >= len(ELEMENTS) - 4, found  # the list names what the page really has
    trimmed = colours(tab.page)
    tab.page.evaluate(FULL_PALETTE, f"{site_url}assets/stylesheets/{palette_file(built_site)}")
    assert tab.page.evaluate("document.getElementById('course-palette')") is None
    full = colours(tab.page)
    assert trimmed == full
    if scheme == "dark":  # the dark palette really is on: the check compared dark colours
        assert tab.page.evaluate("getComputedStyle(document.body).colorScheme") == "dark"
