"""Which reading pages the browser tests open: a sample that stays small as the course grows.

Opening every page in four screen and palette combinations costs about a second
of browser time each; at thirty seminars that alone would outlast the rest of
the suite. The pages a member reads come in a few kinds, and pages of one kind
share their template and styles, so a mistake in those shows on any of them.
What differs between seminars is their content. So the tests open:

- every page that is not a seminar or a term page (home, glossary, tags: a
  course has one of each, however many seminars it runs);
- of the seminars, and separately of the term pages, the fewest that together
  hold every kind of element the others hold (a table, a figure, a formula, a
  footnote...), starting with the longest;
- every page changed since the base branch, and every page showing a figure
  whose script changed: a new seminar is opened in the pull request that adds it.

``COURSE_TESTS_ALL=1`` opens every page instead, as does any run where git
cannot say what changed (changed_files.py).
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

from changed_files import check_everything, files_changed_since_base
from course_site.terms import parse_term


class _ElementKinds(HTMLParser):
    """The tag names and tag.class pairs inside <article>; a formula counts once, as 'katex'."""

    def __init__(self) -> None:
        super().__init__()
        self.kinds: set[str] = set()
        self._open: list[str] = []  # tags open inside the article, innermost last
        self._formula_depth: int | None = None

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "article" and not self._open:
            self._open.append(tag)
            return
        if not self._open:
            return
        if tag not in VOID_ELEMENTS:
            self._open.append(tag)
        if self._formula_depth is not None:
            return
        if "katex" in classes or "katex-display" in classes:
            self.kinds.add("katex")
            if tag not in VOID_ELEMENTS:
                self._formula_depth = len(self._open)
            return
        self.kinds.add(tag)
        self.kinds.update(f"{tag}.{name}" for name in classes)

    def handle_endtag(self, tag):
        if not self._open or tag in VOID_ELEMENTS:
            return
        if tag in self._open:
            while self._open and self._open.pop() != tag:
                pass
        if self._formula_depth is not None and len(self._open) < self._formula_depth:
            self._formula_depth = None


VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


def element_kinds(html: str) -> frozenset[str]:
    """What kinds of element a page's article holds, e.g. {'table', 'figure.course-figure', 'katex'}."""
    parser = _ElementKinds()
    parser.feed(html)
    return frozenset(parser.kinds)


def covering(pages: dict[str, frozenset[str]], size: dict[str, int]) -> list[str]:
    """The fewest pages (greedily) that hold every kind of element any of ``pages`` holds.

    The largest page comes first; then, each time, the page adding the most kinds
    not yet held (the larger one on a tie). A page adding nothing is left out.
    """
    if not pages:
        return []
    order = sorted(pages, key=lambda path: (-size[path], path))
    chosen = [order[0]]
    held = set(pages[order[0]])
    while True:
        best = max(order, key=lambda path: (len(pages[path] - held), size[path]))
        if not pages[best] - held:
            return chosen
        chosen.append(best)
        held |= pages[best]


def kind_of_page(path: str) -> str:
    """'seminar' (a page in a term folder), 'term' (a term folder's page) or the path itself."""
    parts = PurePosixPath(path).parts
    if parts and parse_term(parts[0]):
        return "term" if len(parts) == 1 else "seminar"
    return path


def html_of(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def sample(site: Path, reading_pages: list[str], changed: set[str] | None) -> list[str]:
    """The pages to open, in the order of ``reading_pages``; all of them when ``changed`` is None."""
    if changed is None:
        return list(reading_pages)
    chosen = {path for path in reading_pages if kind_of_page(path) not in ("seminar", "term")}
    for kind in ("seminar", "term"):
        html = {path: html_of(site, path) for path in reading_pages if kind_of_page(path) == kind}
        chosen.update(covering({path: element_kinds(text) for path, text in html.items()},
                               {path: len(text) for path, text in html.items()}))
    chosen |= changed
    return [path for path in reading_pages if path in chosen]


def page_of_source(source: str) -> str | None:
    """The URL path a changed docs/ file is published at ('docs/2022-2/index.md' -> '2022-2/')."""
    file = PurePosixPath(source)
    if file.parts[:1] != ("docs",) or file.suffix != ".md":
        return None
    page = file.relative_to("docs").with_suffix("")
    if page.name == "index":
        return "" if page.parent == PurePosixPath(".") else f"{page.parent}/"
    return f"{page}/"


def pages_changed(changed_files: list[str], site: Path, reading_pages: list[str]) -> set[str]:
    """The reading pages a set of changed files touches: their own page, or a page showing their figure."""
    pages = {page_of_source(file) for file in changed_files} & set(reading_pages)
    drawings = [
        str(PurePosixPath(file).relative_to("figures").with_suffix(".svg"))
        for file in changed_files
        if file.startswith("figures/") and file.endswith(".py")
    ]
    for path in reading_pages:
        if drawings and any(drawing in html_of(site, path) for drawing in drawings):
            pages.add(path)
    return pages


def pages_to_open(root: Path, site: Path, reading_pages: list[str]) -> list[str]:
    """The sample the browser tests open (see the module's docstring)."""
    if check_everything():
        return list(reading_pages)
    files = files_changed_since_base(root)
    changed = None if files is None else pages_changed(files, site, reading_pages)
    return sample(site, reading_pages, changed)
