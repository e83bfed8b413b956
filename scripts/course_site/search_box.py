"""Material's search box in one Chromium tab, typed into as a reader types: the one driver behind
the search tests (tests/browser/test_search.py) and the search tools (tools/search_eval.py,
tools/search_phone.py).

It sits in course_site beside chromium.py, the other piece tests and tools share: tests have
``scripts`` on their path and the tools put it there, so neither imports the other. It takes a
Playwright page and imports nothing from Playwright.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

# Characters a reader cannot see but copies with the text (soft hyphen, zero-width and
# direction marks, word joiners, the byte-order mark): none may reach a displayed result.
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")

# What Material's result meta line says while the box is empty (theme language: ko).
EMPTY = "검색어를 입력하세요"
_IS_EMPTY = f"document.querySelector('.md-search-result__meta').textContent.trim() === {EMPTY!r}"
_RESULTS = """
() => [...document.querySelectorAll('.md-search-result__link')].map(link => [
  link.href, parseFloat(link.querySelector('article').dataset.mdScore)])
"""
# Types a query in the page itself and returns the milliseconds from its key-up until the
# result meta line or list changes (a MutationObserver fires at the end of the task that
# changed it, before the page is drawn) and until the frame showing the change is drawn
# (a task queued from the next animation frame runs once that frame's style, layout and
# paint are done). Timed in the page, so no round trip between Python and the browser is
# counted.
_TIMED = """
async ([query, empty]) => {
  const pause = ms => new Promise(resolve => setTimeout(resolve, ms));
  const input = document.querySelector("input.md-search__input");
  const meta = document.querySelector(".md-search-result__meta");
  const list = document.querySelector(".md-search-result__list");
  input.value = "";
  input.dispatchEvent(new KeyboardEvent("keyup"));
  while (meta.textContent.trim() !== empty) await pause(20);
  await pause(50);
  let shown = null, drawn = null;
  const seen = () => {
    if (shown === null && meta.textContent.trim() && meta.textContent.trim() !== empty) {
      shown = performance.now();
      requestAnimationFrame(() => setTimeout(() => { drawn = performance.now(); }));
    }
  };
  const watchers = [new MutationObserver(seen), new MutationObserver(seen)];
  watchers[0].observe(meta, { childList: true, subtree: true, characterData: true });
  watchers[1].observe(list, { childList: true, subtree: true });
  input.value = query;
  const start = performance.now();
  input.dispatchEvent(new KeyboardEvent("keyup"));
  while (drawn === null) await pause(5);
  watchers.forEach(watcher => watcher.disconnect());
  return [shown - start, drawn - start];
}
"""


class SearchBox:
    """The search box of a served site in one tab; ``results`` types a query like a reader."""

    def __init__(self, page, site_url: str, *, opened: bool = False):
        """Opens ``site_url`` in ``page`` and waits until the box is ready, unless ``opened``
        (the caller has opened the site and waited for the search in its own way)."""
        self.page = page
        self.base_path = urlsplit(site_url).path
        self.input = page.locator("input.md-search__input")
        if not opened:
            page.goto(site_url)
            self.input.click()
            page.wait_for_function(_IS_EMPTY)  # the worker has built its index

    def results(self, query: str) -> list[str]:
        """Result locations (``page/#anchor`` as in the search index), best score first.

        Only scored results: the heading Material adds for a page none of whose own text
        matched (score 0) is not one.
        """
        self.type("")
        self.type(query)
        self.page.wait_for_function(f"!({_IS_EMPTY})")
        self.page.wait_for_timeout(30)  # the list is rendered right after the count
        found = [(score, self.location(href)) for href, score in self.page.evaluate(_RESULTS) if score > 0]
        return [location for _score, location in sorted(found, key=lambda pair: -pair[0])]

    def type(self, text: str) -> None:
        # Material reads the box on key-up; Playwright enters Hangul as text input
        # without key events, so a key press (End) follows.
        self.input.fill(text)
        self.input.press("End")
        if not text:
            self.page.wait_for_function(_IS_EMPTY)

    def milliseconds_to_results(self, query: str) -> tuple[float, float]:
        """From the key-up of ``query`` until the page has put its results in the list, and until
        the frame showing them is drawn; timed in the page."""
        shown, drawn = self.page.evaluate(_TIMED, [query, EMPTY])
        return shown, drawn

    def location(self, href: str) -> str:
        url = urlsplit(href)
        anchor = "#" + unquote(url.fragment) if url.fragment else ""
        return unquote(url.path)[len(self.base_path) :] + anchor

    def displayed_text(self) -> str:
        """Everything the result panel shows, as a reader would copy it."""
        return self.page.locator(".md-search-result").inner_text()

    def first_result(self):
        return self.page.locator(".md-search-result__item").first

    def marks(self, where=None) -> list[str]:
        """The highlighted words in ``where`` (a locator; the whole result list if None)."""
        scope = where or self.page.locator(".md-search-result__list")
        return [text for text in scope.locator("mark").all_inner_texts() if text.strip()]
