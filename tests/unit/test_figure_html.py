"""How a page's figure images become inline, captioned drawings (course_site.figures.html)."""

from __future__ import annotations

import re

from course_site.figures.html import FigureView, drawing_file_uri, drawing_labels, figure_styles, place_figures
from course_site.figures.web_fonts import PageFont

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
    ' width="600" height="300" viewBox="0 0 450 225"><text>가</text></svg>'
)
VIEW = FigureView(
    svg=SVG,
    caption="스크립트 캡션",
    code_url="https://example.org/repo/blob/HEAD/figures/g/plot.py",
    fonts={"/fonts/A.ttf": "가"},
    dark_colours={"#1f2328": "#e6edf3"},
)
FIGURES = {"figures/g/plot.svg": VIEW}


def test_a_lone_figure_image_becomes_an_inline_drawing_with_caption_and_links():
    html = '<p><img alt="그래프" src="../../figures/g/plot.svg" /></p>'
    out, shown = place_figures(html, "term/page/", FIGURES)
    assert shown == [VIEW]
    assert out.startswith('<figure class="course-figure">')
    assert '<svg width="600" height="300" viewBox="0 0 450 225" role="img" aria-label="그래프"' in out
    assert "xmlns" not in out  # HTML gives inline SVG its namespace
    assert "<figcaption>스크립트 캡션 " in out
    assert '<a class="course-figure__open" href="../../figures/g/plot.svg">크게 보기</a>' in out
    code = "https://example.org/repo/blob/HEAD/figures/g/plot.py"
    assert f'<a class="course-figure__code" href="{code}">이 그림의 코드</a>' in out
    assert "data-search-exclude" in out  # the labels would outweigh the prose in search


def test_a_markdown_title_overrides_the_docstring_caption_and_is_escaped():
    html = '<p><img alt="a" src="../figures/g/plot.svg" title="제목 &lt;b&gt;" /></p>'
    out, _ = place_figures(html, "page/", FIGURES)
    assert "<figcaption>제목 &lt;b&gt; " in out


def test_without_a_repository_there_is_no_code_link():
    views = {"figures/g/plot.svg": FigureView(svg=SVG, caption="c", code_url="")}
    out, _ = place_figures('<p><img alt="a" src="figures/g/plot.svg" /></p>', "", views)
    assert "이 그림의 코드" not in out and "크게 보기" in out


def test_an_inline_figure_image_is_drawn_without_caption():
    html = '<p>문장 속 <img alt="a" src="figures/g/plot.svg" /> 그림</p>'
    out, shown = place_figures(html, "", FIGURES)
    assert "figcaption" not in out and out.startswith("<p>문장 속 <span class=\"course-figure__inline\"")
    assert shown == [VIEW]


def test_a_figure_too_detailed_for_a_phone_keeps_its_width_in_a_keyboard_scrollable_box():
    wide = FigureView(svg=SVG, caption="c", code_url="", narrowest_px=560, scrolls_on_phone=True)
    page = '<p><img alt="a" src="figures/g/plot.svg" /></p>'
    out, _ = place_figures(page, "", {"figures/g/plot.svg": wide})
    assert "--fig-narrowest:560px" in out
    assert 'class="course-figure__scroll" tabindex="0" role="region" aria-label=' in out


def test_a_figure_that_fits_a_phone_gets_no_tab_stop():
    out, _ = place_figures('<p><img alt="a" src="figures/g/plot.svg" /></p>', "", FIGURES)
    assert '<div class="course-figure__scroll"><div class="course-figure__drawing"' in out


def test_the_drawing_box_states_the_size_its_drawing_will_take_before_it_is_laid_out():
    # content-visibility skips laying out drawings far from the screen; their
    # boxes must already be as big as the drawings, or the page would jump.
    view = FigureView(svg=SVG, caption="c", code_url="", narrowest_px=420)
    out, _ = place_figures('<p><img alt="a" src="figures/g/plot.svg" /></p>', "", {"figures/g/plot.svg": view})
    assert 'style="--fig-width:600px;--fig-narrowest:420px;--fig-ratio:600/300"' in out


def test_a_drawing_is_never_required_wider_than_its_natural_size():
    view = FigureView(svg=SVG, caption="c", code_url="", narrowest_px=900)
    out, _ = place_figures('<p><img alt="a" src="figures/g/plot.svg" /></p>', "", {"figures/g/plot.svg": view})
    assert "--fig-narrowest:600px;" in out


def test_other_images_are_left_alone():
    html = '<p><img alt="a" src="../images/photo.png" /></p><p><img alt="b" src="https://x.org/y.svg" /></p>'
    assert place_figures(html, "page/", FIGURES) == (html, [])


def test_page_styles_link_the_page_fonts_and_set_dark_colours_for_screens_only():
    fonts = [PageFont("fig-A", "assets/figures/fig-A.0123456789.woff2", b"")]
    style = figure_styles([VIEW], fonts, "term/page/")
    url = "../../assets/figures/fig-A.0123456789.woff2"
    assert f'@font-face{{font-family:fig-A;src:url("{url}") format("woff2")' in style
    assert "@media screen{[data-md-color-scheme=slate]{--fig-1f2328:#e6edf3}}" in style


# Drawings fetched as they near the screen ----------------------------------------

LAZY = FigureView(
    svg=SVG,
    caption="c",
    code_url="",
    drawing_uri="figures/g/plot.0123456789.svg",
    labels=("정확도", "A <b> & C"),
)
PAGE = '<p><img alt="그래프 &quot;설명&quot;" src="../../figures/g/plot.svg" /></p>'


def test_a_figure_with_a_drawing_file_leaves_a_named_box_that_says_where_to_fetch_it():
    out, shown = place_figures(PAGE, "term/page/", {"figures/g/plot.svg": LAZY})
    assert shown == [LAZY]
    assert "<svg" not in out.split("<noscript>")[0]  # the page itself carries no drawing
    box = re.search(r'<div class="course-figure__drawing"[^>]*>', out).group(0)
    assert 'data-drawing="../../figures/g/plot.0123456789.svg"' in box
    assert 'role="img" aria-label="그래프 &quot;설명&quot;"' in box
    assert 'style="--fig-width:600px;' in box and "data-search-exclude" in box


def test_a_box_waiting_for_its_drawing_holds_its_labels_for_find_in_page_and_an_image_without_javascript():
    out, _ = place_figures(PAGE, "term/page/", {"figures/g/plot.svg": LAZY})
    assert '<div class="course-figure__text" hidden="until-found">정확도\nA &lt;b&gt; &amp; C</div>' in out
    noscript = re.search(r"<noscript>(.*?)</noscript>", out).group(1)
    assert noscript == '<img src="../../figures/g/plot.svg" alt="그래프 &quot;설명&quot;" width="600" height="300">'


def test_the_image_shown_without_javascript_is_not_taken_for_another_figure():
    page = PAGE + '<p>문장 속 <img alt="b" src="../../figures/g/plot.svg" /></p>'
    out, _ = place_figures(page, "term/page/", {"figures/g/plot.svg": LAZY})
    assert out.count('<figure class="course-figure">') == 1
    assert out.count("course-figure__inline") == 1  # the one in running text, drawn inline
    assert '<noscript><img src="../../figures/g/plot.svg"' in out


def test_a_drawing_file_is_named_by_its_content():
    first = drawing_file_uri("figures/g/plot.svg", SVG)
    assert re.fullmatch(r"figures/g/plot\.[0-9a-f]{10}\.svg", first)
    assert drawing_file_uri("figures/g/plot.svg", SVG) == first
    assert drawing_file_uri("figures/g/plot.svg", SVG.replace("가", "나")) != first


def test_the_labels_kept_for_find_in_page_are_words_once_each_in_drawing_order():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        "<text>정확도</text><text>0.95</text><text>x<tspan>²</tspan> 축</text>"
        "<text> 정확도 </text><text>∗</text><text>10</text></svg>"
    )
    assert drawing_labels(svg) == ("정확도", "x² 축")
