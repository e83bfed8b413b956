"""How two drawings of a figure are compared, without drawing anything."""

from __future__ import annotations

import numpy as np

from course_site.figure_review.compare import (
    DARK_BACKGROUND,
    LIGHT_BACKGROUND,
    TOLERANCE,
    as_read,
    pixel_difference,
)
from course_site.figure_review.revisions import DrawnFigure, collect_drawn


def canvas(height: int, width: int, value: int = 255) -> np.ndarray:
    return np.full((height, width, 3), value, dtype=np.uint8)


def test_identical_pictures_have_no_changed_pixel():
    changed, total, _ = pixel_difference(canvas(4, 5), canvas(4, 5))
    assert (changed, total) == (0, 20)


def test_a_channel_moving_within_the_tolerance_is_the_same_look_and_beyond_it_a_change():
    after = canvas(4, 5)
    after[1, 1, 0] -= TOLERANCE
    assert pixel_difference(canvas(4, 5), after)[0] == 0
    after[1, 1, 0] -= 1
    changed, _, picture = pixel_difference(canvas(4, 5), after)
    assert changed == 1
    assert tuple(picture[1, 1]) != tuple(picture[0, 0])  # the changed pixel is marked


def test_a_picture_that_grew_counts_its_new_area_as_changed():
    changed, total, picture = pixel_difference(canvas(4, 5), canvas(4, 7))
    assert (changed, total) == (4 * 2, 4 * 7)
    assert picture.shape == (4, 7, 3)


def test_render_output_is_grouped_by_figure_with_its_variants(tmp_path):
    for name in ("a/one.svg", "a/one.dark.svg", "a/one.phone.svg", "b/two.svg"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("<svg/>", encoding="utf-8")
    drawn = collect_drawn(tmp_path)
    assert {name: sorted(figure.variants) for name, figure in drawn.items()} == {
        "a/one": ["dark", "light", "phone"],
        "b/two": ["light"],
    }
    assert drawn["b/two"].script == "figures/b/two.py"


def test_one_svg_for_both_palettes_is_read_dark_with_the_revisions_own_dark_colours(tmp_path):
    svg = tmp_path / "x.svg"
    svg.write_text(
        '<svg width="10" height="10"><path fill="var(--fig-1f2328,#1F2328)"/></svg>', encoding="utf-8"
    )
    shown = as_read(DrawnFigure("g/x", {"light": svg}), {"#1f2328": "#e6edf3"})
    assert list(shown) == ["light", "dark"]
    assert (
        f"background:{LIGHT_BACKGROUND};" in shown["light"]
        and "--fig" not in shown["light"].split("</style>")[0]
    )
    assert f"background:{DARK_BACKGROUND};--fig-1f2328:#e6edf3;" in shown["dark"]


def test_without_a_dark_palette_only_the_drawn_variants_are_compared(tmp_path):
    svg = tmp_path / "x.svg"
    svg.write_text('<svg><path fill="var(--fig-1f2328,#1f2328)"/></svg>', encoding="utf-8")
    assert list(as_read(DrawnFigure("g/x", {"light": svg}), {})) == ["light"]
