"""Shared look of every figure on the site: palette, Hangul font, sizes.

Figure scripts import the names below; they never call ``apply_style``
themselves. The figure runner (``scripts/course_site/figures``) and the
notebook runner call it before each script so that every picture, whether
drawn for a seminar page or inside a notebook, belongs to one family.

Dark mode: a figure is drawn once, in the light palette, on a transparent
background. Pages show that one SVG in both palettes: every colour of
``DARK_VARIANT`` becomes a CSS property that the dark palette sets to its
dark twin, so scripts must take their colours from ``INK``, ``TINT`` and
``ACCENT`` (accents read well on both backgrounds and are not swapped).
"""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import matplotlib
from matplotlib import font_manager

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT_FILES = (FONT_DIR / "NanumGothic.ttf", FONT_DIR / "NanumGothicBold.ttf")
# NanumGothic has no U+2212 MINUS SIGN; DejaVu Sans (bundled with matplotlib)
# fills that and any other gap through matplotlib's per-glyph font fallback,
# so axes.unicode_minus can stay on and negative ticks keep a real minus.
FONT_FAMILY = ["NanumGothic", "DejaVu Sans"]

# NanumGothic draws arrows (→ ↑ ↔), super- and subscripts (² ₁) and √ as
# barely visible marks. Text holding them takes these from DejaVu Sans first
# (its Hangul still comes from NanumGothic): ax.text(..., **SYMBOLS).
SYMBOLS = {"fontfamily": ["DejaVu Sans", "NanumGothic"]}

# Text and lines. Keys are roles, values are light-palette colours.
INK = {
    "text": "#1f2328",  # labels, titles, arrows
    "muted": "#59636e",  # secondary labels, captions inside the figure
    "line": "#8c959f",  # axes spines, connectors
    "grid": "#d8dee4",  # grid lines, faint separators
}

# Soft box fills, one per accent, for diagrams. Text on them uses INK["text"].
TINT = {
    "blue": "#dbe9fb",
    "orange": "#fde7d3",
    "green": "#d9f2e3",
    "red": "#fbdcdc",
    "purple": "#ebe0fa",
    "teal": "#d5f0f0",
    "gray": "#eceff2",
}

# Strong colours for data and highlights; chosen to keep contrast on both
# white and Material's slate background, so they are the same in both modes.
ACCENT = {
    "blue": "#3b82f6",
    "orange": "#f08c2e",
    "green": "#22a55b",
    "red": "#e5484d",
    "purple": "#8e5cd9",
    "teal": "#12a4a4",
    "gray": "#8c959f",
}
# Order in which data series take accents (matplotlib's colour cycle).
CYCLE = ["blue", "orange", "green", "red", "purple", "teal"]

# light colour -> dark colour, applied to the SVG text of the light render.
DARK_VARIANT = {
    INK["text"]: "#e6edf3",
    INK["muted"]: "#9ea7b3",
    INK["line"]: "#6e7681",
    INK["grid"]: "#363c46",
    TINT["blue"]: "#1d3557",
    TINT["orange"]: "#4a3220",
    TINT["green"]: "#1c4030",
    TINT["red"]: "#4d2426",
    TINT["purple"]: "#35284f",
    TINT["teal"]: "#16403f",
    TINT["gray"]: "#2d333b",
}

# Sizes. A laptop shows a figure at its natural size (96 CSS px per inch); a
# phone (390 px screen) shrinks it into a column PHONE_COLUMN_PX wide. Text
# must stay at least MIN_TEXT_PX there, so the width of a figure decides its
# smallest type: SMALL (pt) on a figure WIDTH wide is exactly that size.
# The runner measures every figure; smaller text is a build warning (so
# `mkdocs build --strict` fails). Meanwhile (mkdocs serve) such a figure is
# never shrunk below the width where its text is MIN_TEXT_PX: on a phone it
# scrolls sideways in its box, like a wide table.
PHONE_COLUMN_PX = 358
MIN_TEXT_PX = 12
WIDTH = 4.8  # inches: 476 px on a laptop with the margins, shrunk by 0.75 on a phone
PAD = 0.08  # inches of margin savefig adds around the drawing, on each side
SMALL = math.ceil(MIN_TEXT_PX * 72 * (WIDTH + 2 * PAD) / PHONE_COLUMN_PX * 10) / 10  # 12 pt
FONT_SIZE = 13  # labels
TITLE_SIZE = 14  # titles of axes and diagrams


def smallest_text_px_on_phone(smallest_pt: float, width_px: float) -> float:
    """CSS px of text ``smallest_pt`` high in a figure ``width_px`` wide, shrunk to a phone's column."""
    shown = min(width_px, PHONE_COLUMN_PX)
    return round(smallest_pt * 4 / 3 * shown / width_px, 2) if width_px else 0.0


def narrowest_legible_px(smallest_pt: float, width_px: float) -> int:
    """Narrowest display width (CSS px) at which text ``smallest_pt`` high is MIN_TEXT_PX."""
    if not smallest_pt:
        return 0
    return min(int(width_px), math.ceil(width_px * MIN_TEXT_PX / (smallest_pt * 4 / 3)))


def register_fonts() -> None:
    """Make the bundled Hangul font known to matplotlib in this process.

    ``fontManager.addfont`` is not persisted in matplotlib's font cache, so
    every process (each figure worker, each notebook kernel) must call it.
    """
    manager = font_manager.fontManager
    known = {entry.fname for entry in manager.ttflist}
    for path in FONT_FILES:
        if str(path) not in known:
            manager.addfont(str(path))
    # NanumGothicBold declares weight 600, so fontweight="bold" (700) would log
    # "Failed to find font weight bold" on every use; call it what it is: bold.
    bold = str(FONT_DIR / "NanumGothicBold.ttf")
    for index, entry in enumerate(manager.ttflist):
        if entry.fname == bold and entry.weight != 700:
            manager.ttflist[index] = dataclasses.replace(entry, weight=700)
            manager._findfont_cached.cache_clear()  # forget lookups made before the fix


def style_rc() -> dict:
    """rcParams of the house style (light palette, transparent background)."""
    return {
        "font.family": FONT_FAMILY,
        "font.size": FONT_SIZE,
        "axes.labelsize": FONT_SIZE,
        "xtick.labelsize": SMALL,
        "ytick.labelsize": SMALL,
        "legend.fontsize": SMALL,
        "legend.title_fontsize": SMALL,
        "figure.titlesize": TITLE_SIZE,
        "axes.unicode_minus": True,
        "text.color": INK["text"],
        "axes.labelcolor": INK["text"],
        "axes.edgecolor": INK["line"],
        "axes.titlesize": TITLE_SIZE,
        "axes.titleweight": "bold",
        "axes.titlecolor": INK["text"],
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": False,
        "axes.facecolor": "none",
        "axes.prop_cycle": matplotlib.cycler(color=[ACCENT[name] for name in CYCLE]),
        "grid.color": INK["grid"],
        "xtick.color": INK["line"],
        "ytick.color": INK["line"],
        "xtick.labelcolor": INK["text"],
        "ytick.labelcolor": INK["text"],
        "legend.frameon": False,
        "legend.labelcolor": INK["text"],
        "figure.facecolor": "none",
        "figure.edgecolor": "none",
        "figure.figsize": (WIDTH, WIDTH * 0.62),
        "figure.dpi": 100,
        # Layers drawn with rasterized=True (dense scatters) and images: sharp on
        # phone screens of 2-3 device pixels per CSS pixel, still small.
        "savefig.dpi": 200,
        "savefig.facecolor": "none",
        "savefig.edgecolor": "none",
        "savefig.bbox": "tight",
        "savefig.pad_inches": PAD,
        # Text stays text (selectable, searchable, translatable); the runner
        # ships the glyphs used, subset from these very font files, with it.
        "svg.fonttype": "none",
        "svg.hashsalt": "course-figures",  # stable ids -> identical bytes
        "image.cmap": "viridis",
    }


def apply_style() -> None:
    """Reset matplotlib and apply the house style (called by the runners)."""
    matplotlib.rcdefaults()
    register_fonts()
    matplotlib.rcParams.update(style_rc())
