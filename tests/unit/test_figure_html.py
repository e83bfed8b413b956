"""How a page's figure images become light/dark figure elements (course_site.figures.html)."""

from __future__ import annotations

from course_site.figures.html import FigureView, place_figures, unknown_figure_references

FIGURES = {"figures/g/plot.svg": FigureView("figures/g/plot.dark.svg", "스크립트 캡션", 600, 300)}


def test_a_lone_figure_image_becomes_a_captioned_pair():
    html = '<p><img alt="그래프" src="../../figures/g/plot.svg" /></p>'
    out = place_figures(html, "term/page/", FIGURES)
    assert out.startswith('<figure class="course-figure">')
    assert 'src="../../figures/g/plot.svg#only-light"' in out
    assert 'src="../../figures/g/plot.dark.svg#only-dark"' in out
    assert out.count('alt="그래프"') == 2 and 'width="600" height="300"' in out
    assert "<figcaption>스크립트 캡션</figcaption>" in out


def test_a_markdown_title_overrides_the_docstring_caption_and_is_escaped():
    html = '<p><img alt="a" src="../figures/g/plot.svg" title="제목 &lt;b&gt;" /></p>'
    out = place_figures(html, "page/", FIGURES)
    assert "<figcaption>제목 &lt;b&gt;</figcaption>" in out


def test_an_inline_figure_image_keeps_both_variants_without_a_caption():
    html = '<p>문장 속 <img alt="a" src="figures/g/plot.svg" /> 그림</p>'
    out = place_figures(html, "", FIGURES)
    assert "figcaption" not in out and "#only-dark" in out and out.startswith("<p>문장 속 ")


def test_other_images_are_left_alone():
    html = '<p><img alt="a" src="../images/photo.png" /></p><p><img alt="b" src="https://x.org/y.svg" /></p>'
    assert place_figures(html, "page/", FIGURES) == html


def test_unknown_figure_references_are_found_with_lines_outside_code_fences():
    markdown = "![a](../figures/g/plot.svg)\n```\n![x](../figures/g/missing.svg)\n```\n\n![b](../figures/g/gone.svg)\n"
    problems = unknown_figure_references(markdown, "term/page.md", set(FIGURES))
    assert problems == [(6, "../figures/g/gone.svg")]
