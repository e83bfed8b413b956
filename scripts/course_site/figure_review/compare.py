"""Compare two revisions' figures by the pixels a reader sees, not by their bytes.

Each variant is drawn by Chromium, the engine the pages are read in: figure
SVGs carry their fonts as ``@font-face`` data URIs and their colours as CSS
custom properties (``var(--fig-1f2328,#1f2328)``) that the page's dark palette
sets, and the SVG rasterisers on PyPI draw neither (measured: resvg-py 0.5.0
draws such a figure as black shapes without text; cairosvg 2.9.1 is also 7x
slower). Two SVGs whose bytes differ but whose pixels agree within
``TOLERANCE`` are "같은 모양".
"""

from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import numpy as np
from PIL import Image

from course_site.chromium import CHROMIUM, launched_chromium
from course_site.errors import CourseBuildError
from course_site.figure_review.revisions import DrawnFigure, DrawnRevision

# Per colour channel (0-255). Antialiasing of the same drawing never moves a
# channel this far; any change a reader could notice does.
TOLERANCE = 8

LIGHT_BACKGROUND = "#ffffff"
DARK_BACKGROUND = "#1e2129"  # Material's slate page, where the dark variant is read


_CUSTOM_COLOUR = re.compile(r"var\(\s*(--[\w-]+)\s*,\s*(#[0-9a-fA-F]{3,8})\s*\)")
_SVG_OPENING = re.compile(r"<svg\b[^>]*>")
_VARIANT_ORDER = {"light": 0, "dark": 1}
_DIFF_MARK = (214, 0, 110)  # magenta: no figure palette uses it


class Status(StrEnum):
    UNCHANGED = "unchanged"  # same bytes
    SAME_LOOK = "same_look"  # other bytes, same pixels
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True)
class VariantResult:
    variant: str  # "light", "dark", ...
    status: Status
    changed_pixels: int = 0
    total_pixels: int = 0
    before_png: str | None = None  # paths relative to the report folder
    after_png: str | None = None
    diff_png: str | None = None


@dataclass(frozen=True)
class FigureResult:
    name: str
    status: Status
    variants: tuple[VariantResult, ...]

    @property
    def script(self) -> str:
        return f"figures/{self.name}.py"


def as_read(figure: DrawnFigure | None, dark_palette: dict[str, str]) -> dict[str, str]:
    """Each variant's SVG text as a page shows it: on the page background, in its palette.

    A pipeline that writes one SVG for both palettes (custom properties with
    the light colour as fallback) gets its dark variant here, from the
    revision's own dark palette, as the page's dark CSS would give it.
    """
    if figure is None:
        return {}
    texts = {variant: path.read_text(encoding="utf-8") for variant, path in figure.variants.items()}
    shown = {variant: on_background(text, background_for(variant)) for variant, text in texts.items()}
    light = texts.get("light")
    if "dark" not in texts and light is not None and dark_palette:
        properties = {
            name: dark_palette[fallback.lower()]
            for name, fallback in _CUSTOM_COLOUR.findall(light)
            if fallback.lower() in dark_palette
        }
        if properties:
            shown["dark"] = on_background(light, DARK_BACKGROUND, properties)
    return dict(sorted(shown.items(), key=lambda item: (_VARIANT_ORDER.get(item[0], 2), item[0])))


def background_for(variant: str) -> str:
    return DARK_BACKGROUND if "dark" in variant.split(".") else LIGHT_BACKGROUND


def on_background(svg: str, background: str, properties: dict[str, str] | None = None) -> str:
    """``svg`` with a page background and custom properties set on its root element."""
    declarations = "".join(f"{name}:{value};" for name, value in sorted((properties or {}).items()))
    rule = f"<style>:root{{background:{background};{declarations}}}</style>"
    opening = _SVG_OPENING.search(svg)
    if opening is None:
        return svg  # not an SVG document; Chromium will show what it is
    return svg[: opening.end()] + rule + svg[opening.end() :]


class Rasteriser:
    """A headless Chromium that turns SVG documents into pixels, offline.

    Started on the first picture: a review in which no figure's bytes changed
    needs no browser at all.
    """

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self._count = 0
        self._playwright = self._browser = self._page = None
        self._closing: contextlib.ExitStack | None = None  # closes the browser and removes its temporary folder

    def __enter__(self) -> Rasteriser:
        return self

    def __exit__(self, *exc_info) -> None:
        if self._browser is not None:
            self._closing.close()
            self._playwright.stop()

    def _start(self) -> None:
        if not CHROMIUM.exists():
            raise CourseBuildError(
                f"그림을 픽셀로 비교하려면 Chromium 이 필요한데 {CHROMIUM} 에 없습니다.\n"
                "  bash scripts/ensure_chromium.sh 로 설치하거나 CHROMIUM_PATH 로 위치를 알려 주세요."
            )
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self._closing = contextlib.ExitStack()
        self._browser = self._closing.enter_context(launched_chromium(self._playwright))
        context = self._browser.new_context(device_scale_factor=1)
        # A figure is drawn from its own file; it must not fetch anything.
        context.route(
            "**/*",
            lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort(),
        )
        self._page = context.new_page()

    def png(self, svg: str) -> bytes:
        if self._page is None:
            self._start()
        self._count += 1
        path = self.workdir / f"raster-{self._count}.svg"
        path.write_text(svg, encoding="utf-8")
        self._page.set_viewport_size({"width": 1600, "height": 1600})
        self._page.goto(path.as_uri())
        width, height = self._page.evaluate(
            """async () => {
                await document.fonts.ready;
                const box = document.documentElement.getBoundingClientRect();
                return [Math.max(1, Math.ceil(box.width)), Math.max(1, Math.ceil(box.height))];
            }"""
        )
        self._page.set_viewport_size({"width": width, "height": height})
        return self._page.screenshot()


def compare_revisions(
    before: DrawnRevision, after: DrawnRevision, rasteriser: Rasteriser, images_dir: Path
) -> list[FigureResult]:
    """Every figure of either revision with its status; pictures of what changed in ``images_dir``."""
    images_dir.mkdir(parents=True, exist_ok=True)
    results = []
    for name in sorted(before.figures.keys() | after.figures.keys()):
        old = as_read(before.figures.get(name), before.dark_palette)
        new = as_read(after.figures.get(name), after.dark_palette)
        variants = tuple(
            compare_variant(name, variant, old.get(variant), new.get(variant), rasteriser, images_dir)
            for variant in sorted(old.keys() | new.keys(), key=lambda v: (_VARIANT_ORDER.get(v, 2), v))
        )
        if name not in before.figures:
            status = Status.ADDED
        elif name not in after.figures:
            status = Status.REMOVED
        else:
            statuses = {variant.status for variant in variants}
            if statuses & {Status.CHANGED, Status.ADDED, Status.REMOVED}:
                status = Status.CHANGED  # a variant that appears or disappears is a change too
            elif Status.SAME_LOOK in statuses:
                status = Status.SAME_LOOK
            else:
                status = Status.UNCHANGED
        results.append(FigureResult(name, status, variants))
    return results


def compare_variant(
    name: str, variant: str, old: str | None, new: str | None, rasteriser: Rasteriser, images_dir: Path
) -> VariantResult:
    stem = f"{name.replace('/', '__')}.{variant}"
    if old == new:
        return VariantResult(variant, Status.UNCHANGED)
    if old is None or new is None:
        side, svg = ("after", new) if old is None else ("before", old)
        picture = save(images_dir, f"{stem}.{side}.png", rasteriser.png(svg))
        if old is None:
            return VariantResult(variant, Status.ADDED, after_png=picture)
        return VariantResult(variant, Status.REMOVED, before_png=picture)
    old_png, new_png = rasteriser.png(old), rasteriser.png(new)
    changed, total, diff = pixel_difference(pixels(old_png), pixels(new_png))
    if changed == 0:
        return VariantResult(variant, Status.SAME_LOOK, 0, total)
    diff_bytes = io.BytesIO()
    Image.fromarray(diff).save(diff_bytes, format="PNG")
    return VariantResult(
        variant,
        Status.CHANGED,
        changed,
        total,
        before_png=save(images_dir, f"{stem}.before.png", old_png),
        after_png=save(images_dir, f"{stem}.after.png", new_png),
        diff_png=save(images_dir, f"{stem}.diff.png", diff_bytes.getvalue()),
    )


def pixels(png: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(png)) as image:
        return np.asarray(image.convert("RGB"))


def pixel_difference(before: np.ndarray, after: np.ndarray) -> tuple[int, int, np.ndarray]:
    """Changed pixel count, compared pixel count, and a picture of where they are.

    Pictures of different sizes are compared on the larger canvas, top-left
    aligned; whatever only one of them covers counts as changed. The picture
    is the new figure faded to grey with every changed pixel in magenta.
    """
    height = max(before.shape[0], after.shape[0])
    width = max(before.shape[1], after.shape[1])

    def on_canvas(image: np.ndarray, fill: int) -> np.ndarray:
        canvas = np.full((height, width, 3), fill, dtype=np.int16)
        canvas[: image.shape[0], : image.shape[1]] = image
        return canvas

    changed = np.abs(on_canvas(before, -1024) - on_canvas(after, 1024)).max(axis=2) > TOLERANCE
    grey = on_canvas(after, 255).mean(axis=2)
    faded = (255 - (255 - grey) * 0.3).astype(np.uint8)
    picture = np.repeat(faded[:, :, None], 3, axis=2)
    picture[changed] = _DIFF_MARK
    return int(changed.sum()), height * width, picture


def save(images_dir: Path, filename: str, png: bytes) -> str:
    (images_dir / filename).write_bytes(png)
    return f"{images_dir.name}/{filename}"
