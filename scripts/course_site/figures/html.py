"""How pages show figures, and how a page's references to them are checked.

A page refers to a figure with plain Markdown, ``![alt](../figures/g/x.svg)``.
In the rendered HTML such an image becomes

    <figure class="course-figure">
      <div class="course-figure__scroll">
        <div class="course-figure__drawing" style="--fig-width:..." data-search-exclude
             data-drawing="../../figures/g/x.0123456789.svg" role="img" aria-label="alt">
          <div class="course-figure__text" hidden="until-found">the figure's labels</div>
          <noscript><img src="../../figures/g/x.svg" alt="alt" ...></noscript>
        </div>
      </div>
      <figcaption>caption
        <span class="course-figure__links" data-search-exclude>
          <a class="course-figure__open" href=".../x.svg">크게 보기</a>
          <a href="https://github.com/.../figures/g/x.py">이 그림의 코드</a></span>
      </figcaption>
    </figure>

The page itself stays light: each drawing is a file of its own (its name
holds a hash of its content, so browsers may keep it forever), fetched when
it nears the screen, when find-in-page reveals its text copy (``beforematch``)
or before printing, and inlined into its box by ``overrides/figure_drawings.js``.
Inlined, its text is text (selectable, found by Ctrl+F), its colours follow
the page's palette through CSS properties (one drawing for both palettes,
nothing downloaded on a switch), and its glyphs come from font subsets shared
by the page (``figure_styles``). Before that, the labels wait in the box as a
``hidden="until-found"`` text copy, so find-in-page already finds them.
Without JavaScript the box shows the figure's own SVG file as an image.

"크게 보기" opens the figure's own SVG file; with JavaScript,
``overrides/figure_viewer.js`` shows it full screen instead. The site search
skips the drawing and its text copy (the labels would outweigh the prose) but
indexes the caption.

The drawing box knows its own size before its drawing arrives (the figure's
aspect ratio, no narrower than where its text stays legible, no wider than its
natural size), so nothing on the page moves when it does; once drawn, it is
``content-visibility: auto`` (figures.css): only drawings near the screen are
laid out and painted. A figure that may be wider than the column scrolls in
the box around it (``__scroll``), never inside the drawing box, whose height
must stay its aspect ratio's.

A figure without a drawing file (``FigureView.drawing_uri`` empty) is inlined
as it is. The caption is the script's docstring line unless the Markdown
gives a title (``![alt](x.svg "caption")``). An image inside running text is
inlined too, without caption or links.
"""

from __future__ import annotations

import html
import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from course_site.content_cache import sha256
from course_site.figures.web_fonts import PageFont, font_face
from course_site.figures.web_svg import colour_property

# Layout of figures and of the full-screen viewer: sent once per page that has figures.
FIGURE_CSS = (Path(__file__).parent / "figures.css").read_text(encoding="utf-8")


@dataclass(frozen=True)
class FigureView:
    """What a page needs to know to show one figure."""

    svg: str  # the inline <svg> element
    caption: str
    code_url: str  # where the script that draws it can be read ("" = no link)
    fonts: dict[str, str] = field(default_factory=dict)  # font file -> characters drawn
    dark_colours: dict[str, str] = field(default_factory=dict)  # light colour -> dark twin
    narrowest_px: int = 0  # shown no narrower, or its smallest text gets too small to read
    scrolls_on_phone: bool = False  # narrowest_px is wider than a phone's column
    drawing_uri: str = ""  # site path of the drawing file pages fetch ("" = inline the svg)
    labels: tuple[str, ...] = ()  # the drawing's text, in drawing order (its find-in-page copy)


# An image alone in its paragraph (group 1: a figure) or inside running text.
# One pass, so the image a figure's box holds for readers without JavaScript
# is not taken for another figure.
_IMG = re.compile(r"<p>\s*(<img\b[^>]*>)\s*</p>|<img\b[^>]*>", re.IGNORECASE)


def place_figures(
    page_html: str,
    page_url: str,
    figures: dict[str, FigureView],
    draw: Callable[[dict, FigureView], str] | None = None,
) -> tuple[str, list[FigureView]]:
    """The page with its images of known figures inlined, and the figures it shows.

    ``draw`` makes the <svg> for an image's attributes (default ``drawing``);
    the MkDocs hook passes one that leaves a placeholder and draws later.
    """
    draw = draw or drawing
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    shown: list[FigureView] = []

    def lookup(tag: str) -> tuple[dict, FigureView] | None:
        attributes = parse_img(tag)
        src = attributes.get("src", "")
        if "://" in src or src.startswith(("/", "data:")):
            return None
        target = posixpath.normpath(posixpath.join(base, src.split("#")[0]))
        view = figures.get(target)
        if view is None:
            return None
        if view not in shown:
            shown.append(view)
        return attributes, view

    def as_figure(match: re.Match) -> str:
        found = lookup(match.group(1))
        if not found:
            return match.group(0)
        attributes, view = found
        caption = attributes.get("title") or view.caption
        own_file = html.escape(attributes["src"].split("#")[0])
        links = [f'<a class="course-figure__open" href="{own_file}">크게 보기</a>']
        if view.code_url:
            links.append(f'<a class="course-figure__code" href="{html.escape(view.code_url)}">이 그림의 코드</a>')
        if view.drawing_uri:
            box, content = deferred_drawing_box(attributes, view), stand_in(attributes, view)
        else:
            box, content = "", draw(attributes, view)
        return (
            '<figure class="course-figure">\n'
            f'<div class="course-figure__scroll"{scroll_box(view)}>'
            f'<div class="course-figure__drawing" style="{drawing_box_style(view)}" data-search-exclude{box}>'
            f"{content}</div></div>\n"
            f"<figcaption>{html.escape(caption)}"
            f' <span class="course-figure__links" data-search-exclude>{" ".join(links)}</span></figcaption>\n'
            "</figure>"
        )

    def inline(match: re.Match) -> str:
        found = lookup(match.group(0))
        if not found:
            return match.group(0)
        attributes, view = found
        return f'<span class="course-figure__inline" data-search-exclude>{draw(attributes, view)}</span>'

    page_html = _IMG.sub(lambda match: as_figure(match) if match.group(1) else inline(match), page_html)
    return page_html, shown


def drawing(attributes: dict, view: FigureView) -> str:
    """The figure's <svg>, named for assistive technology by the image's alt text."""
    alt = html.escape(attributes.get("alt", ""), quote=True)
    head, rest = view.svg.split(">", 1)
    head = re.sub(r'\s+xmlns(:xlink)?="[^"]*"', "", head)  # HTML gives inline SVG its namespaces
    return f'{head} role="img" aria-label="{alt}" focusable="false">{rest}'


def drawing_file_uri(svg_uri: str, svg: str) -> str:
    """Where the drawing file of the figure ``svg_uri`` goes: named by its content.

    A changed drawing gets a new name, so the file may be cached forever.
    """
    digest = sha256(svg.encode("utf-8"))[:10]
    return f"{svg_uri.removesuffix('.svg')}.{digest}.svg"


def drawing_labels(svg: str) -> tuple[str, ...]:
    """The words of a drawing a reader may look for: each ``<text>`` with a letter, once, in drawing order.

    Lone numbers and symbols (tick labels, the cells of a grid) are left out:
    nobody searches a page for them, and every byte here delays the first paint.
    """
    labels: dict[str, None] = {}
    for element in ET.fromstring(svg).iter():
        if element.tag.rsplit("}", 1)[-1] == "text":
            label = " ".join("".join(element.itertext()).split())
            if any(character.isalpha() for character in label):
                labels.setdefault(label)
    return tuple(labels)


def deferred_drawing_box(attributes: dict, view: FigureView) -> str:
    """Attributes of a box whose drawing is fetched later: where from, and its name meanwhile."""
    src = attributes["src"].split("#")[0]
    url = posixpath.join(posixpath.dirname(src), posixpath.basename(view.drawing_uri))
    alt = html.escape(attributes.get("alt", ""), quote=True)
    return f' data-drawing="{html.escape(url, quote=True)}" role="img" aria-label="{alt}"'


def stand_in(attributes: dict, view: FigureView) -> str:
    """What a box holds until its drawing arrives: the labels for find-in-page, an image without JavaScript."""
    alt = html.escape(attributes.get("alt", ""), quote=True)
    own_file = html.escape(attributes["src"].split("#")[0], quote=True)
    width, height = natural_size(view.svg)
    labels = "\n".join(html.escape(label, quote=False) for label in view.labels)
    return (
        f'<div class="course-figure__text" hidden="until-found">{labels}</div>'
        f'<noscript><img src="{own_file}" alt="{alt}" width="{width:g}" height="{height:g}"></noscript>'
    )


_SIZE = re.compile(r'\s(width|height)="([\d.]+)(?:px)?"')


def natural_size(svg: str) -> tuple[float, float]:
    """Width and height (CSS px) the <svg> element states for itself."""
    found = dict(_SIZE.findall(svg.split(">", 1)[0]))
    try:
        return float(found["width"]), float(found["height"])
    except (KeyError, ValueError):
        raise ValueError(f"SVG without a width and height in px: {svg[:120]}") from None


def drawing_box_style(view: FigureView) -> str:
    """The drawing box's size, known before its SVG is laid out (see figures.css)."""
    width, height = natural_size(view.svg)
    narrowest = min(view.narrowest_px, width)
    return f"--fig-width:{width:g}px;--fig-narrowest:{narrowest:g}px;--fig-ratio:{width:g}/{height:g}"


def scroll_box(view: FigureView) -> str:
    """Attributes that let a keyboard scroll a figure wider than a phone's column."""
    if not view.scrolls_on_phone:
        return ""
    return ' tabindex="0" role="region" aria-label="그림: 옆으로 밀어서 보세요"'


def figure_styles(shown: list[FigureView], fonts: list[PageFont], page_url: str) -> str:
    """One <style> for a page's figures: their fonts, dark colours and layout."""
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    faces = "".join(font_face(font.family, posixpath.relpath(font.uri, base or ".")) for font in fonts)
    dark = {}
    for view in shown:
        dark.update(view.dark_colours)
    properties = ";".join(f"{colour_property(light)}:{twin}" for light, twin in sorted(dark.items()))
    # Screen only: a printed page gets the light drawing whatever the palette.
    palette = f"@media screen{{[data-md-color-scheme=slate]{{{properties}}}}}" if properties else ""
    return f"<style>{faces}{palette}{FIGURE_CSS}</style>\n"


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
