"""matplotlib's SVG, made ready to be placed inside a page.

matplotlib (with ``svg.fonttype: none``) writes text as ``<text>`` in the
font families of the figure style. Pages inline the figure, so this module

- names for every text the exact font files matplotlib measured it with
  (per character, as matplotlib's own font fallback did) and records which
  characters each file must hold (see ``web_fonts``);
- turns every light-palette colour that has a dark twin into a CSS custom
  property with the light colour as fallback, ``var(--fig-1f2328,#1f2328)``:
  the page's dark palette sets those properties, so one SVG serves both
  palettes and switching palette downloads nothing;
- prefixes the ids that are referenced (clip paths, markers) with the
  figure's name, since many figures share one page, and drops the rest;
- drops what a page does not need (metadata, the global ``*`` stylesheet
  that would leak into the page, empty groups, excess digits).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field

from course_site.figures.web_fonts import family_name

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_HREF = f"{{{XLINK_NS}}}href"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

# (families, weight, style) -> font files in matplotlib's fallback order
FontResolver = Callable[[tuple[str, ...], str, str], list[str]]
# font file -> the set of characters it has
CharacterMap = Callable[[str], set[int]]


@dataclass
class WebSvg:
    svg: str  # the <svg> element, to inline in a page (no XML prolog)
    width_px: int  # natural size in CSS px
    height_px: int
    fonts: dict[str, str] = field(default_factory=dict)  # font file -> characters drawn with it
    colours: list[str] = field(default_factory=list)  # light colours now CSS properties
    smallest_text_pt: float = 0.0  # in the SVG's own units (pt), sub- and superscripts included


def colour_property(light: str) -> str:
    return "--fig-" + light.lstrip("#").lower()


def web_svg(
    svg_text: str,
    figure_name: str,
    themed_colours: set[str],
    resolve_fonts: FontResolver,
    characters_of: CharacterMap,
) -> WebSvg:
    """The inline-ready form of matplotlib's SVG output ``svg_text``."""
    root = ET.fromstring(svg_text)
    for parent in list(root.iter()):
        for child in list(parent):
            if _local(child.tag) in ("metadata", "style"):
                parent.remove(child)
    # matplotlib's only stylesheet sets these on every element; as attributes of
    # the root they are inherited instead, and nothing leaks into the page.
    root.set("stroke-linejoin", "round")
    root.set("stroke-linecap", "butt")

    prefix = "f-" + re.sub(r"[^A-Za-z0-9]+", "-", figure_name).strip("-") + "-"
    _rename_ids(root, prefix)

    result = WebSvg(svg="", width_px=0, height_px=0)
    fonts: dict[str, set[str]] = {}
    colours: set[str] = set()
    themed = {colour.lower() for colour in themed_colours}
    sizes: list[float] = []
    for element in root.iter():
        tag = _local(element.tag)
        style = _parse_style(element.get("style", ""))
        if tag in ("text", "tspan"):
            _assign_fonts(element, style, resolve_fonts, characters_of, fonts, sizes)
        if style:
            for name, value in style.items():
                style[name] = _theme_colours(value, themed, colours)
            element.set("style", ";".join(f"{k}:{v}" for k, v in style.items()))
        for attribute in ("fill", "stroke", "stop-color"):
            if attribute in element.attrib:
                element.set(attribute, _theme_colours(element.get(attribute), themed, colours))
        for attribute in ("d", "x", "y", "points", "transform"):
            if attribute in element.attrib:
                element.set(attribute, _compact_numbers(element.get(attribute), attribute))
        if element.get("transform", "").startswith("rotate(-0 ") or element.get("transform") == "rotate(0)":
            del element.attrib["transform"]
    _flatten_plain_groups(root)
    _strip_whitespace(root)
    for element in root.iter(f"{{{SVG_NS}}}image"):
        _compact_image(element)

    width_pt = float(re.sub(r"pt$", "", root.get("width", "0")))
    height_pt = float(re.sub(r"pt$", "", root.get("height", "0")))
    result.width_px, result.height_px = round(width_pt * 4 / 3), round(height_pt * 4 / 3)
    root.set("width", str(result.width_px))
    root.set("height", str(result.height_px))
    root.attrib.pop("version", None)
    result.svg = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    result.fonts = {path: "".join(sorted(chars)) for path, chars in sorted(fonts.items())}
    result.colours = sorted(colours)
    result.smallest_text_pt = min(sizes, default=0.0)
    return result


def standalone_svg(inline_svg: str, font_css: str) -> str:
    """An SVG file of its own: the inline form plus its fonts (no page around it)."""
    style = f"<style>{font_css}</style>" if font_css else ""
    head, rest = inline_svg.split(">", 1)
    return f'<?xml version="1.0" encoding="utf-8"?>\n{head}>{style}{rest}\n'


# Helper functions -------------------------------------------------------------


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _parse_style(style: str) -> dict[str, str]:
    declarations = {}
    for part in style.split(";"):
        if ":" in part:
            name, value = part.split(":", 1)
            declarations[name.strip()] = value.strip()
    return declarations


_URL_REF = re.compile(r"url\(#([^)]+)\)")


def _rename_ids(root: ET.Element, prefix: str) -> None:
    referenced = set()
    for element in root.iter():
        for name, value in element.attrib.items():
            referenced.update(_URL_REF.findall(value))
            if name == _HREF and value.startswith("#"):
                referenced.add(value[1:])
    for element in root.iter():
        identifier = element.get("id")
        if identifier is None:
            continue
        if identifier in referenced:
            element.set("id", prefix + identifier)
        else:
            del element.attrib["id"]
    for element in root.iter():
        for name, value in list(element.attrib.items()):
            if "url(#" in value:
                element.set(name, _URL_REF.sub(lambda m: f"url(#{prefix}{m.group(1)})", value))
            elif name == _HREF and value.startswith("#"):
                element.set(name, "#" + prefix + value[1:])


def _assign_fonts(element, style, resolve_fonts, characters_of, fonts, sizes) -> None:
    """Name the font files that draw this text; remember which characters each needs."""
    families = tuple(
        family.strip().strip("'\"") for family in style.pop("font-family", "").split(",") if family.strip()
    )
    weight = style.pop("font-weight", "normal")
    slant = style.pop("font-style", "normal")
    if "font-size" in style:
        sizes.append(float(style["font-size"].removesuffix("px")))
    text = element.text or ""
    if not families:
        return
    files = resolve_fonts(families, weight, slant)
    used: list[str] = []
    for character in text:
        if character.isspace():
            continue
        # First file that has the character, as matplotlib's fallback chose.
        chosen = next((path for path in files if ord(character) in characters_of(path)), files[0])
        fonts.setdefault(chosen, set()).add(character)
        if chosen not in used:
            used.append(chosen)
    names = [family_name(path) for path in (used or files[:1])]
    style["font-family"] = ",".join(names + ["sans-serif"])
    if text != text.strip() or "  " in text:
        style["white-space"] = "pre"  # matplotlib places words by their spaces


def _theme_colours(value: str, themed: set[str], used: set[str]) -> str:
    def swap(match: re.Match) -> str:
        colour = match.group(0).lower()
        if colour not in themed:
            return match.group(0)
        used.add(colour)
        return f"var({colour_property(colour)},{colour})"

    return re.sub(r"#[0-9a-fA-F]{6}\b", swap, value)


_NUMBER = re.compile(r"-?\d+\.\d+(?:e-?\d+)?")


def _compact_numbers(value: str, attribute: str) -> str:
    def short(match: re.Match) -> str:
        text = f"{float(match.group(0)):.2f}".rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text

    value = _NUMBER.sub(short, value)
    if attribute == "d":
        value = re.sub(r"\s+", " ", value).strip()
        value = re.sub(r" ?([MLQCZzHV]) ?", r"\1", value)
    return value


def _compact_image(element: ET.Element) -> None:
    """Re-encode an embedded raster (photos, rasterised layers) in fewer bytes.

    matplotlib embeds every raster as an RGBA PNG. An opaque one needs no
    alpha, a gray one one channel; a photo-like one is much smaller as JPEG
    or lossy WebP, and lossless WebP usually beats PNG for the rest. Every
    browser that shows inline SVG shows WebP (Chromium, Firefox, Safari 14+).
    """
    import base64
    import io

    from PIL import Image

    href = element.get(_HREF) or element.get("href") or ""
    prefix = "data:image/png;base64,"
    if not href.startswith(prefix):
        return
    original = base64.b64decode(href[len(prefix):])
    image = Image.open(io.BytesIO(original))
    image.load()
    if image.mode == "RGBA" and image.getchannel("A").getextrema() == (255, 255):
        image = image.convert("RGB")
    if image.mode == "RGB":
        red, green, blue = image.split()
        if red.tobytes() == green.tobytes() == blue.tobytes():
            image = red  # gray: one channel

    def encoded(kind: str, **options) -> tuple[str, bytes]:
        buffer = io.BytesIO()
        image.save(buffer, format=kind.upper(), **options)
        return kind, buffer.getvalue()

    lossless = [encoded("png", optimize=True), encoded("webp", lossless=True, method=6)]
    smallest = min(len(data) for _, data in lossless)
    lossy = []
    if image.mode in ("RGB", "L") and image.width * image.height >= 64 * 64:
        # Only for photo-like rasters, where it is clearly smaller than any
        # lossless form: drawings with flat colours keep their exact pixels.
        lossy = [encoded("jpeg", quality=85, optimize=True), encoded("webp", quality=80, method=6)]
        lossy = [(kind, data) for kind, data in lossy if len(data) < 0.6 * smallest]
    kind, data = min(lossless + lossy, key=lambda candidate: len(candidate[1]))
    if len(data) < len(original):
        href = f"data:image/{kind};base64," + base64.b64encode(data).decode("ascii")
        element.set(_HREF if element.get(_HREF) else "href", href)


def _flatten_plain_groups(parent: ET.Element) -> None:
    """Replace every <g> without attributes by its children (they were only ids)."""
    children = []
    for child in list(parent):
        _flatten_plain_groups(child)
        if _local(child.tag) == "g" and not child.attrib:
            children.extend(list(child))
        else:
            children.append(child)
    parent[:] = children


def _strip_whitespace(root: ET.Element) -> None:
    for element in root.iter():
        keeps_spaces = _local(element.tag) in ("text", "tspan") and not len(element)
        if not keeps_spaces and element.text is not None and not element.text.strip():
            element.text = None
        if element.tail is not None and not element.tail.strip():
            element.tail = None
