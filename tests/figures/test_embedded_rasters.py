"""Rasters inside a figure's SVG (photos, rasterised layers) are stored in few bytes, drawings exactly."""

from __future__ import annotations

import base64
import io
import xml.etree.ElementTree as ET

import numpy as np
from PIL import Image

from course_site.figures.web_svg import _HREF, _compact_image


def embedded(pixels: np.ndarray) -> ET.Element:
    buffer = io.BytesIO()
    Image.fromarray(pixels, "RGBA").save(buffer, format="PNG")
    element = ET.Element("image")
    element.set(_HREF, "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii"))
    return element


def decoded(element: ET.Element) -> tuple[str, bytes, Image.Image]:
    kind, data = element.get(_HREF).removeprefix("data:image/").split(";base64,")
    raw = base64.b64decode(data)
    return kind, raw, Image.open(io.BytesIO(raw)).convert("RGBA")


def test_a_photo_like_raster_becomes_a_lossy_image_much_smaller_than_its_png():
    rng = np.random.default_rng(0)
    y, x = np.mgrid[0:240, 0:320]
    smooth = np.stack([(x / 320 * 255), (y / 240 * 255), ((x + y) / 560 * 255)], axis=-1)
    photo = np.clip(smooth + rng.normal(0, 12, smooth.shape), 0, 255).astype(np.uint8)
    pixels = np.dstack([photo, np.full(photo.shape[:2], 255, np.uint8)])
    element = embedded(pixels)
    png_size = len(base64.b64decode(element.get(_HREF).split(",", 1)[1]))
    _compact_image(element)
    kind, raw, image = decoded(element)
    assert kind in ("jpeg", "webp") and len(raw) < 0.6 * png_size
    assert image.size == (320, 240)


def test_a_flat_colour_raster_keeps_every_pixel():
    pixels = np.zeros((120, 160, 4), np.uint8)
    pixels[..., 3] = 255
    pixels[:, :80, 0] = 200  # two flat blocks, like a rasterised drawing layer
    pixels[40:, 80:, 2] = 150
    element = embedded(pixels)
    _compact_image(element)
    kind, _, image = decoded(element)
    assert kind in ("png", "webp")
    assert np.array_equal(np.asarray(image), pixels)
