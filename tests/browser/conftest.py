"""A real Chromium (Debian's, driven by Playwright) reading the built site on 127.0.0.1."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

import page_sample
from course_site.static_server import serving
from support import ROOT


@pytest.fixture(scope="session")
def site_url(built_site):
    with serving(built_site) as url:
        yield url


# The screens the reading tests use: a common phone (CSS px) and a common laptop.
SCREENS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 900}}


class Reader:
    """One browser tab with a colour-scheme preference; remembers every request it made."""

    def __init__(self, browser, scheme: str, width: int = 1280, height: int = 900, touch: bool = False):
        # touch: a phone's hover-less touch screen ("(hover: none)" matches), not only its width.
        self.context = browser.new_context(
            color_scheme=scheme, viewport={"width": width, "height": height}, has_touch=touch, is_mobile=touch
        )
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if urlsplit(url).hostname not in ("127.0.0.1", None)]

    def load_all_images(self) -> None:
        self.page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')")
        self.page.wait_for_function("[...document.images].every(i => i.complete)")


@pytest.fixture
def reader(browser):
    opened = []

    def open_reader(scheme: str = "light", screen: str | None = None, **size) -> Reader:
        """A tab; ``screen`` names one of SCREENS ("phone", "laptop") instead of a width and height."""
        opened.append(Reader(browser, scheme, **(SCREENS[screen] if screen else {}), **size))
        return opened[-1]

    yield open_reader
    for each in opened:
        each.context.close()


@pytest.fixture(scope="session")
def reading_pages(built_site) -> list[str]:
    """Every page of the built site a member reads (home, terms, seminars, tags), as URL paths.

    Notebook pages are left out: they are checked with the notebooks.
    """
    pages = []
    for index in sorted(built_site.rglob("index.html")):
        path = index.parent.relative_to(built_site).as_posix()
        if path.split("/")[0] in ("notebooks", "search", "assets"):
            continue
        pages.append("" if path == "." else path + "/")
    return pages


@pytest.fixture(scope="session")
def pages_to_open(built_site, reading_pages) -> list[str]:
    """The reading pages the browser tests open: each kind of page and of element, and what changed.

    How they are chosen: page_sample.py.
    """
    return page_sample.pages_to_open(ROOT, built_site, reading_pages)


@pytest.fixture(scope="session")
def longest_page(built_site, reading_pages) -> str:
    """The reading page with the most HTML: the most blocks, figures and kinds of elements."""
    return max(reading_pages, key=lambda path: len(page_sample.html_of(built_site, path)))


@pytest.fixture(scope="session")
def figure_pages(built_site, pages_to_open) -> list[str]:
    """The pages to open that show figures, the one with the most figures first."""
    count = {path: page_sample.html_of(built_site, path).count('<figure class="course-figure"')
             for path in pages_to_open}
    with_figures = sorted((path for path in pages_to_open if count[path]), key=lambda path: -count[path])
    if not with_figures:
        pytest.skip("그림이 있는 페이지가 없습니다")
    return with_figures


@pytest.fixture(scope="session")
def figure_page(figure_pages) -> str:
    """One page with figures, for what the figure viewer and the drawings' loading do on any page."""
    return figure_pages[0]


@pytest.fixture(scope="session")
def seminar_pages(pages_to_open) -> list[str]:
    """The seminars among the pages to open."""
    seminars = [path for path in pages_to_open if page_sample.kind_of_page(path) == "seminar"]
    assert seminars, "세미나 페이지가 하나도 없습니다"
    return seminars


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script, installed from the npm registry by package.json."""
    if not AXE.exists():
        pytest.fail(f"axe-core 가 {AXE} 에 없습니다. 저장소 맨 위에서 'npm ci' 로 설치하세요 (package.json).", pytrace=False)
    return AXE.read_text(encoding="utf-8")
