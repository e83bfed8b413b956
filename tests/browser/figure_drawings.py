"""Bringing in the drawings a figure page fetches as they near the screen (overrides/figure_drawings.js)."""

from __future__ import annotations

WAITING = ".course-figure__drawing[data-drawing]"
ALL_DRAWN = f"document.querySelectorAll({WAITING!r}).length === 0"


def scroll_past_every_figure(page) -> None:
    """Scroll each figure into view, as a reader does, until every drawing has arrived."""
    for figure in page.locator("figure.course-figure").all():
        figure.scroll_into_view_if_needed()
    page.wait_for_function(ALL_DRAWN)
    page.evaluate("window.scrollTo(0, 0)")
