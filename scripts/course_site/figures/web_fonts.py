"""The fonts of figure text, as small WOFF2 files holding only the glyphs drawn.

Figure text is real SVG text (selectable, searchable, translatable). So that
it looks the same on every device, it is drawn in the very font files
matplotlib measured it with, subset to the characters actually used:

- a page shares one subset per font file for all of its figures
  (``page_font_files``), linked by ``@font-face`` rules in the page;
- a figure's own SVG file embeds a subset of its characters as a data URI
  (``embedded_font_css``), so it also reads right when opened on its own.

Each font file gets its own CSS family name (``family_name``): the SVG text
then names the exact file (regular and bold are different files), and the
browser never synthesises a bold or slanted face matplotlib did not use.
"""

from __future__ import annotations

import base64
import hashlib
import io
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from course_site.content_cache import write_atomically
from course_site.installed_packages import versions

# Versions that change the bytes of a subset: part of its cache key.
_SUBSETTER = "fonttools {} brotli {}".format(*(version for _, version in versions(("fonttools", "brotli"))))


def family_name(font_path: str) -> str:
    """CSS family of one font file, e.g. 'fig-NanumGothicBold'."""
    return "fig-" + re.sub(r"[^A-Za-z0-9-]", "", Path(font_path).stem)


def subset_woff2(font_path: str, characters: str) -> bytes:
    """WOFF2 of ``font_path`` holding only ``characters`` (and nothing else)."""
    from fontTools import subset

    # fontTools reports each table it drops (FFTM, TSI*) as a warning on stderr.
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["kern", "liga"]  # what matplotlib's layout applied
    options.name_IDs = [0, 1, 2]  # copyright (OFL asks to keep it) and names
    options.notdef_outline = True
    options.hinting = False  # screens scale these glyphs; hints only add bytes
    options.desubroutinize = True  # smaller after WOFF2's own compression
    # NanumGothic carries its hinting project (TSI*): megabytes no reader needs.
    options.drop_tables += ["TSI0", "TSI1", "TSI2", "TSI3", "TSI5", "DSIG"]
    with subset.load_font(str(font_path), options) as font:  # lazy: reads only the glyphs kept
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=characters)
        subsetter.subset(font)
        buffer = io.BytesIO()
        subset.save_font(font, buffer, options)
    return buffer.getvalue()


def embedded_font_css(fonts: dict[str, str]) -> str:
    """@font-face rules with the subsets inlined: for an SVG file read on its own."""
    rules = []
    for path, characters in sorted(fonts.items()):
        data = base64.b64encode(subset_woff2(path, characters)).decode("ascii")
        rules.append(font_face(family_name(path), f"data:font/woff2;base64,{data}"))
    return "".join(rules)


def is_whole_woff2(data: bytes) -> bool:
    """A WOFF2 file states its own length in its header (bytes 8-11)."""
    return data[:4] == b"wOF2" and int.from_bytes(data[8:12], "big") == len(data)


def font_face(family: str, url: str) -> str:
    return f'@font-face{{font-family:{family};src:url("{url}") format("woff2");font-display:block}}'


@dataclass(frozen=True)
class PageFont:
    family: str
    uri: str  # site path of the subset, named by its content
    data: bytes


class PageFonts:
    """Subsets shared by all figures of a page, cached on disk by content."""

    def __init__(self, cache_dir: Path):
        self.cache_dir = cache_dir

    def for_figures(self, fonts_of_figures: list[dict[str, str]]) -> list[PageFont]:
        wanted: dict[str, set[str]] = {}
        for fonts in fonts_of_figures:
            for path, characters in fonts.items():
                wanted.setdefault(path, set()).update(characters)
        return [self._subset(path, "".join(sorted(chars))) for path, chars in sorted(wanted.items())]

    def _subset(self, path: str, characters: str) -> PageFont:
        source = Path(path).read_bytes()
        key = hashlib.sha256(
            b"\0".join([_SUBSETTER.encode(), hashlib.sha256(source).digest(), characters.encode()])
        ).hexdigest()[:32]
        cached = self.cache_dir / f"{key}.woff2"
        try:
            data = cached.read_bytes()
        except OSError:
            data = b""
        if not is_whole_woff2(data):  # missing, truncated or edited: make it again
            data = subset_woff2(path, characters)
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            write_atomically(cached, data)
        family = family_name(path)
        digest = hashlib.sha256(data).hexdigest()[:10]
        return PageFont(family, f"assets/figures/{family}.{digest}.woff2", data)
