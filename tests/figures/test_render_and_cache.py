"""Rendering figure scripts: determinism, the cache, dark variants, fonts."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

from course_site.figures.build import build_figures
from course_site.figures.cache import FigureCache
from course_site.figures.discover import discover
from changed_files import figure_scripts_to_draw, files_changed_since_base
from conftest import GOOD_SCRIPT
from support import ROOT


def test_a_cold_render_of_a_site_figure_is_byte_identical_to_the_drawing_the_site_build_used(
    tmp_path, monkeypatch, built_site
):
    # The session's site build drew every figure (or took it from the cache,
    # where an earlier build with the same key drew it): one render to compare
    # with. Read from a copy, as other tests copy the real cache meanwhile.
    # Drawn again from cold: the scripts changed since the base branch, or all
    # of them when a change reaches every drawing (changed_files.py).
    shutil.copytree(ROOT / ".cache" / "figures", tmp_path / "site-cache")
    site = build_figures(ROOT / "figures", tmp_path / "site-cache")
    assert site.figures and site.rendered == 0
    scripts = [figure.source.script.relative_to(ROOT).as_posix() for figure in site.figures.values()]
    redraw = figure_scripts_to_draw(files_changed_since_base(ROOT), sorted(scripts))
    monkeypatch.setenv("PYTHONHASHSEED", "1")  # set ordering must not leak into output
    cold = build_figures(ROOT / "figures", tmp_path / "cold", force=True, only=[ROOT / path for path in redraw])
    assert cold.rendered == len(redraw)
    assert drawn_bytes(cold) == {uri: drawn for uri, drawn in drawn_bytes(site).items() if uri in cold.figures}


def drawn_bytes(report) -> dict[str, tuple[bytes, bytes]]:
    return {uri: (figure.drawn.standalone.read_bytes(), figure.drawn.inline.read_bytes())
            for uri, figure in report.figures.items()}


def test_text_stays_text_in_the_fonts_matplotlib_measured_it_with(tree):
    tree.script("g/plot")  # title "무작위 걷기 −1부터": U+2212 is not in NanumGothic
    drawn = next(iter(build_figures(tree.figures, tree.cache).figures.values())).drawn
    inline = drawn.inline.read_text(encoding="utf-8")
    assert "무작위 걷기" in inline and "<metadata" not in inline and "<dc:date>" not in inline
    by_font = {Path(path).name: characters for path, characters in drawn.fonts.items()}
    assert "무" in by_font["NanumGothicBold.ttf"]
    assert "−" in by_font["DejaVuSans-Bold.ttf"] and "−" not in by_font["NanumGothicBold.ttf"]
    assert "font-family:fig-NanumGothicBold,fig-DejaVuSans-Bold,sans-serif" in inline


def test_the_figure_file_embeds_its_fonts_and_the_inline_drawing_leaks_no_page_styles(tree):
    tree.script("g/plot")
    drawn = next(iter(build_figures(tree.figures, tree.cache).figures.values())).drawn
    standalone = drawn.standalone.read_text(encoding="utf-8")
    assert standalone.count("@font-face") == len(drawn.fonts)
    assert "data:font/woff2;base64," in standalone
    inline = drawn.inline.read_text(encoding="utf-8")
    assert "<style" not in inline  # matplotlib's "*{...}" rule would restyle the whole page
    assert all(f'id="{identifier}' not in inline for identifier in ("figure_1", "axes_1", "patch_1"))
    assert 'id="f-g-plot-' in inline  # referenced ids (clip paths) are kept, named per figure


def test_a_figure_wider_than_a_phone_with_small_text_is_flagged_and_never_shrunk_below_legible(tree):
    tree.script("g/wide", '''
        """넓은 그림"""
        from matplotlib.figure import Figure
        def draw():
            fig = Figure(figsize=(7.2, 2))
            fig.add_axes((0, 0, 1, 1))  # its frame spans the whole width
            fig.text(0.5, 0.5, "작은 글자", fontsize=9)
            return fig
    ''')
    tree.script("g/fits", '''
        """맞는 그림"""
        from matplotlib.figure import Figure
        from figure_style import SMALL, WIDTH
        def draw():
            fig = Figure(figsize=(WIDTH, 2))
            fig.add_axes((0, 0, 1, 1), xticks=[], yticks=[])
            fig.text(0.5, 0.5, "읽히는 글자", fontsize=SMALL)
            return fig
    ''')
    report = build_figures(tree.figures, tree.cache)
    wide, fits = report.figures["figures/g/wide.svg"].drawn, report.figures["figures/g/fits.svg"].drawn
    assert wide.smallest_text_px_on_phone < 12 and "figure_style.SMALL" in wide.legibility
    assert wide.narrowest_px >= 9 * 4 / 3 * wide.width_px / 12 - 1  # 12 px text at that width
    assert [note.split(":")[0] for note in report.wide_on_phone] == ["figures/g/wide.py"]
    assert fits.smallest_text_px_on_phone >= 12 and fits.legibility == ""


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


def test_a_scripts_warning_is_reported_on_every_build_not_only_the_one_that_drew_it(tree):
    tree.script("g/warns", GOOD_SCRIPT.replace(
        "    return fig", '    import warnings\n    warnings.warn("축 범위를 확인하세요")\n    return fig'
    ))
    first = build_figures(tree.figures, tree.cache)
    cached = build_figures(tree.figures, tree.cache)
    assert (cached.rendered, cached.cached) == (0, 1)
    for report in (first, cached):
        [warning] = report.warnings
        assert warning.startswith("figures/g/warns.py: ") and "축 범위를 확인하세요" in warning


def test_a_complete_build_prunes_figures_unused_for_a_week_and_a_partial_one_prunes_nothing(tree):
    script = tree.script("g/a")
    tree.script("g/b")
    build_figures(tree.figures, tree.cache)
    old_key = discover(tree.figures, only=[script])[0].key
    script.write_text(script.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    month_ago = time.time() - 30 * 86400
    for path in tree.cache.glob(f"{old_key}.*"):
        os.utime(path, (month_ago, month_ago))

    build_figures(tree.figures, tree.cache, only=[script])
    assert list(tree.cache.glob(f"{old_key}.*")), "a partial render must not prune"
    report = build_figures(tree.figures, tree.cache)
    assert not list(tree.cache.glob(f"{old_key}.*"))
    assert (report.rendered, report.cached) == (0, 2)


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
    drawn = build_figures(tree.figures, tree.cache).figures["figures/g/a.svg"].drawn
    good = drawn.standalone.read_bytes()
    drawn.standalone.write_bytes(good[: len(good) // 2])
    report = build_figures(tree.figures, tree.cache)
    assert report.rendered == 1
    assert drawn.standalone.read_bytes() == good

    drawn.inline.write_bytes(b"x" * len(drawn.inline.read_bytes()))  # same size, wrong bytes
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


def test_every_ink_and_tint_colour_becomes_a_property_the_dark_palette_sets(tree):
    import sys

    sys.path.insert(0, str(tree.figures))
    try:
        import figure_style
    finally:
        sys.path.pop(0)
    tree.script("g/a")
    drawn = build_figures(tree.figures, tree.cache).figures["figures/g/a.svg"].drawn
    inline = drawn.inline.read_text(encoding="utf-8")
    text_colour = figure_style.INK["text"]
    assert f"var(--fig-{text_colour[1:]},{text_colour})" in inline
    assert drawn.dark_colours[text_colour] == figure_style.DARK_VARIANT[text_colour]
    for light_colour in figure_style.DARK_VARIANT:
        bare = inline.replace(f"var(--fig-{light_colour[1:]},{light_colour})", "")
        assert light_colour not in bare, f"{light_colour} is used without its dark twin"


def test_site_figures_use_only_house_ink_colours(tmp_path):
    """Hard-coded black or white text would vanish in one of the two palettes."""
    report = build_figures(ROOT / "figures", ROOT / ".cache" / "figures")
    for uri, figure in report.figures.items():
        svg = figure.drawn.inline.read_text(encoding="utf-8").lower()
        for forbidden in ("fill:#000000", "stroke:#000000", "fill:#ffffff", "fill:#fff;"):
            assert forbidden not in svg, f"{uri} uses {forbidden}; take colours from figure_style"
