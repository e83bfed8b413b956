"""How pages show figures, and how a page's references to them are checked.

A page refers to a figure with plain Markdown, ``![alt](../figures/g/x.svg)``.
In the rendered HTML such an image becomes

    <figure class="course-figure">
      <img src=".../x.svg#only-light" alt=... width=... height=...>
      <img src=".../x.dark.svg#only-dark" alt=... width=... height=...>
      <figcaption>caption</figcaption>
    </figure>

Material hides ``#only-light`` images in the dark palette and ``#only-dark``
ones in the light palette, so the reader's palette toggle picks the variant.
The caption is the script's docstring line unless the Markdown gives a title
(``![alt](x.svg "caption")``). An image inside running text keeps both
variants but gets no caption.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True)
class FigureView:
    """What a page needs to know to show one figure."""

    dark_uri: str  # site path of the dark variant
    caption: str
    width_px: int
    height_px: int


_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_LONE_IMG_PARAGRAPH = re.compile(r"<p>\s*(<img\b[^>]*>)\s*</p>", re.IGNORECASE)


def place_figures(page_html: str, page_url: str, figures: dict[str, FigureView]) -> str:
    """Turn the page's images of known figures into light/dark figure elements."""
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"

    def lookup(tag: str) -> tuple[dict, FigureView] | None:
        attributes = parse_img(tag)
        src = attributes.get("src", "")
        if "://" in src or src.startswith(("/", "data:")):
            return None
        target = posixpath.normpath(posixpath.join(base, src.split("#")[0]))
        view = figures.get(target)
        return (attributes, view) if view else None

    def as_figure(match: re.Match) -> str:
        found = lookup(match.group(1))
        if not found:
            return match.group(0)
        attributes, view = found
        caption = attributes.get("title") or view.caption
        return (
            '<figure class="course-figure">\n'
            + variant_pair(attributes, view, base)
            + (f"\n<figcaption>{html.escape(caption)}</figcaption>" if caption else "")
            + "\n</figure>"
        )

    def inline(match: re.Match) -> str:
        found = lookup(match.group(0))
        if not found:
            return match.group(0)
        attributes, view = found
        return variant_pair(attributes, view, base)

    page_html = _LONE_IMG_PARAGRAPH.sub(as_figure, page_html)
    return _IMG.sub(lambda m: m.group(0) if "#only-" in m.group(0) else inline(m), page_html)


def variant_pair(attributes: dict, view: FigureView, base: str) -> str:
    src = attributes["src"].split("#")[0]
    dark_src = posixpath.join(posixpath.dirname(src), posixpath.basename(view.dark_uri))
    alt = html.escape(attributes.get("alt", ""), quote=True)
    size = f' width="{view.width_px}" height="{view.height_px}"' if view.width_px else ""
    common = f'alt="{alt}"{size} loading="lazy" decoding="async"'
    return (
        f'<img src="{html.escape(src)}#only-light" {common}>\n'
        f'<img src="{html.escape(dark_src)}#only-dark" {common}>'
    )


def parse_img(tag: str) -> dict:
    """Attributes of one ``<img>`` tag, entities decoded."""
    found: dict = {}

    class _Parser(HTMLParser):
        def handle_starttag(self, name, attrs):
            if name == "img":
                found.update((key, value or "") for key, value in attrs)

        handle_startendtag = handle_starttag

    _Parser().feed(tag)
    return found


# Markdown images: ![alt](path) or ![alt](<path> "title")
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")
_FENCE = re.compile(r"^\s*(```|~~~)")


def unknown_figure_references(markdown: str, page_src_uri: str, known: set[str]) -> list[tuple[int, str]]:
    """(line, path) of each image pointing into figures/ that no script draws.

    ``line`` counts lines of ``markdown`` (1-based); fenced code is skipped,
    since an example of the syntax there is not a reference.
    """
    problems = []
    in_fence = False
    page_dir = posixpath.dirname(page_src_uri)
    for number, line in enumerate(markdown.splitlines(), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        for match in _MARKDOWN_IMAGE.finditer(line):
            path = match.group(1)
            if "://" in path or path.startswith(("/", "data:")):
                continue
            target = posixpath.normpath(posixpath.join(page_dir, path.split("#")[0]))
            if target.startswith("figures/") and target not in known:
                problems.append((number, path))
    return problems
