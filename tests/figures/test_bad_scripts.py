"""Broken figure scripts stop the build with a message naming the script."""

from __future__ import annotations

import pytest

from course_site.errors import CourseBuildError
from course_site.figures.build import build_figures
from course_site.figures.cache import FigureCache
from course_site.figures.discover import discover


def build_error(tree, **options) -> str:
    with pytest.raises(CourseBuildError) as caught:
        build_figures(tree.figures, tree.cache, **options)
    return str(caught.value)


def test_raising_script_fails_naming_script_line_and_exception(tree):
    tree.script("g/good")
    tree.script("g/broken", '''
        """깨진 그림"""
        def helper(values):
            return values[10]

        def draw():
            return helper([1, 2, 3])
    ''')
    message = build_error(tree)
    assert "figures/g/broken.py:3" in message
    assert "IndexError: list index out of range" in message
    assert "python scripts/render_figures.py figures/g/broken.py" in message
    assert "good" not in message  # only failing scripts are listed


def test_a_failed_script_leaves_nothing_in_the_cache(tree):
    tree.script("g/broken", '''
        """깨진 그림"""
        def draw():
            raise ValueError("데이터가 비었습니다")
    ''')
    assert "ValueError: 데이터가 비었습니다" in build_error(tree)
    source = discover(tree.figures)[0]
    assert FigureCache(tree.cache).get(source.key) is None
    assert not tree.cache.exists() or not any(tree.cache.iterdir())


def test_every_failing_script_is_reported_at_once(tree):
    for name in ("g/one", "g/two"):
        tree.script(name, '''
            """실패"""
            def draw():
                raise RuntimeError("boom")
        ''')
    message = build_error(tree)
    assert "2개" in message and "figures/g/one.py" in message and "figures/g/two.py" in message


def test_hanging_script_is_stopped_after_the_timeout(tree):
    tree.script("g/hang", '''
        """멈춘 그림"""
        import time
        def draw():
            time.sleep(600)
    ''')
    tree.script("g/fine")
    message = build_error(tree, timeout=3, workers=2)
    assert "figures/g/hang.py" in message and "3초" in message


def test_script_returning_no_figure_is_named(tree):
    tree.script("g/none", '''
        """반환 없음"""
        import matplotlib.pyplot as plt
        def draw():
            fig, ax = plt.subplots()
    ''')
    message = build_error(tree)
    assert "figures/g/none.py" in message and "NoneType" in message and "return fig" in message


def test_script_without_draw_function_is_named(tree):
    tree.script("g/nodraw", '''
        """draw 없음"""
        import matplotlib.pyplot as plt
        fig = plt.figure()
    ''')
    message = build_error(tree)
    assert "figures/g/nodraw.py" in message and "def draw(rng)" in message


def test_syntax_error_is_named_with_its_line(tree):
    tree.script("g/typo", '''
        """오타"""
        def draw(rng)
            pass
    ''')
    assert "figures/g/typo.py:2" in build_error(tree)


def test_script_without_caption_docstring_is_named(tree):
    tree.script("g/nocaption", '''
        import matplotlib.pyplot as plt
        def draw():
            return plt.figure()
    ''')
    message = build_error(tree)
    assert "figures/g/nocaption.py:1" in message and "docstring" in message


def test_a_glyph_missing_from_the_fonts_is_an_error(tree):
    tree.script("g/glyph", '''
        """없는 글자"""
        import matplotlib.pyplot as plt
        def draw():
            fig, ax = plt.subplots()
            ax.set_title("상형문자 \\U00013000")
            return fig
    ''')
    message = build_error(tree)
    assert "figures/g/glyph.py" in message and "missing from font" in message


def test_hangul_and_the_minus_sign_render_without_glyph_warnings(tree):
    tree.script("g/korean")  # its title has Hangul and U+2212; the x axis has negative ticks
    report = build_figures(tree.figures, tree.cache)
    assert report.warnings == []


def test_broken_shared_style_module_fails_every_figure_naming_it(tree):
    tree.script("g/a")
    (tree.figures / "figure_style.py").write_text("raise ImportError('style broken')\n", encoding="utf-8")
    message = build_error(tree)
    assert "figure_style.py" in message and "style broken" in message


def test_declared_input_that_does_not_exist_is_named(tree):
    tree.script("g/inputs", '''
        """입력 없음"""
        INPUTS = ["missing.csv"]
        def draw():
            pass
    ''')
    message = build_error(tree)
    assert "figures/g/inputs.py:2" in message and "missing.csv" in message
