"""Rendering figure scripts: determinism, the cache, dark variants, fonts."""

from __future__ import annotations

import threading

from course_site.figures.build import build_figures
from course_site.figures.cache import FigureCache
from course_site.figures.discover import discover
from support import ROOT


def test_two_cold_renders_of_every_site_figure_are_byte_identical(tmp_path, monkeypatch):
    outputs = []
    for run, hash_seed in enumerate(("1", "2")):
        monkeypatch.setenv("PYTHONHASHSEED", hash_seed)  # set ordering must not leak into output
        report = build_figures(ROOT / "figures", tmp_path / f"cache{run}", force=True)
        outputs.append({uri: (f.light.read_bytes(), f.dark.read_bytes()) for uri, f in report.figures.items()})
    assert len(outputs[0]) >= 17
    assert outputs[0] == outputs[1]


def test_svg_has_no_date_and_text_as_paths(tree):
    tree.script("g/plot")
    svg = next(iter(build_figures(tree.figures, tree.cache).figures.values())).light.read_text(encoding="utf-8")
    assert "<dc:date>" not in svg
    assert "<text" not in svg  # glyphs are outlines: readers need no Hangul font


def test_nothing_changed_renders_nothing_and_one_touched_script_renders_one(tree):
    for name in ("g/a", "g/b", "g/c"):
        tree.script(name)
    first = build_figures(tree.figures, tree.cache)
    assert (first.rendered, first.cached) == (3, 0)

    again = build_figures(tree.figures, tree.cache)
    assert (again.rendered, again.cached) == (0, 3)

    script = tree.figures / "g" / "b.py"
    script.write_text(script.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    touched = build_figures(tree.figures, tree.cache)
    assert (touched.rendered, touched.cached) == (1, 2)
    assert "1개" in touched.summary() and "2개" in touched.summary()


def test_editing_the_shared_style_renders_every_figure_again(tree):
    tree.script("g/a")
    tree.script("g/b")
    build_figures(tree.figures, tree.cache)
    style = tree.figures / "figure_style.py"
    style.write_text(style.read_text(encoding="utf-8") + "\n# tweak\n", encoding="utf-8")
    assert build_figures(tree.figures, tree.cache).rendered == 2


def test_editing_a_declared_input_renders_that_figure_again(tree):
    (tree.figures / "g").mkdir()
    (tree.figures / "g" / "values.txt").write_text("1 2 3\n", encoding="utf-8")
    tree.script("g/from_file", '''
        """입력 파일을 읽는 그림"""
        from pathlib import Path
        import matplotlib.pyplot as plt
        INPUTS = ["values.txt"]
        def draw():
            values = [float(v) for v in (Path(__file__).parent / "values.txt").read_text(encoding="utf-8").split()]
            fig, ax = plt.subplots(figsize=(3, 2))
            ax.plot(values)
            return fig
    ''')
    tree.script("g/other")
    build_figures(tree.figures, tree.cache)
    (tree.figures / "g" / "values.txt").write_text("3 2 1\n", encoding="utf-8")
    report = build_figures(tree.figures, tree.cache)
    assert (report.rendered, report.cached) == (1, 1)


def test_a_corrupted_or_truncated_cache_entry_is_drawn_again(tree):
    tree.script("g/a")
    figure = build_figures(tree.figures, tree.cache).figures["figures/g/a.svg"]
    good = figure.light.read_bytes()
    figure.light.write_bytes(good[: len(good) // 2])
    report = build_figures(tree.figures, tree.cache)
    assert report.rendered == 1
    assert figure.light.read_bytes() == good

    figure.dark.write_bytes(b"x" * len(figure.dark.read_bytes()))  # same size, wrong bytes
    assert build_figures(tree.figures, tree.cache).rendered == 1


def test_two_builds_at_once_share_the_cache_safely(tree):
    for name in ("g/a", "g/b"):
        tree.script(name)
    errors = []

    def build():
        try:
            build_figures(tree.figures, tree.cache, workers=1)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=build) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    cache = FigureCache(tree.cache)
    assert all(cache.get(source.key) for source in discover(tree.figures))
    assert not list(tree.cache.glob("*.tmp"))


def test_dark_variant_swaps_every_ink_and_tint_colour(tree):
    import sys

    sys.path.insert(0, str(tree.figures))
    try:
        import figure_style
    finally:
        sys.path.pop(0)
    tree.script("g/a")
    figure = build_figures(tree.figures, tree.cache).figures["figures/g/a.svg"]
    light, dark = figure.light.read_text(encoding="utf-8"), figure.dark.read_text(encoding="utf-8")
    assert figure_style.INK["text"] in light
    for light_colour, dark_colour in figure_style.DARK_VARIANT.items():
        assert light_colour not in dark
    assert figure_style.DARK_VARIANT[figure_style.INK["text"]] in dark


def test_site_figures_use_only_house_ink_colours(tmp_path):
    """Hard-coded black or white text would vanish in one of the two palettes."""
    report = build_figures(ROOT / "figures", ROOT / ".cache" / "figures")
    for uri, figure in report.figures.items():
        svg = figure.light.read_text(encoding="utf-8").lower()
        for forbidden in ("fill: #000000", "stroke: #000000", "fill: #ffffff", "fill: #fff;"):
            assert forbidden not in svg, f"{uri} uses {forbidden}; take colours from figure_style"
