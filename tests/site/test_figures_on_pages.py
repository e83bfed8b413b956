"""Figures as readers get them: a captioned figure with alt text, in two palettes."""

from __future__ import annotations

from support import soup

SEMINAR = "2022-2/04-what-to-do-with-data/index.html"


def test_every_seminar_figure_is_a_captioned_light_and_dark_pair_with_alt_text(built_site):
    figures = soup(built_site / SEMINAR).select("figure.course-figure")
    assert len(figures) == 17
    for figure in figures:
        light, dark = figure.find_all("img")
        assert light["src"].endswith(".svg#only-light") and dark["src"].endswith(".dark.svg#only-dark")
        assert light["alt"].strip() and light["alt"] == dark["alt"]
        assert int(light["width"]) > 100 and int(light["height"]) > 50  # no layout shift while loading
        assert figure.figcaption.get_text(strip=True)
        for img in (light, dark):
            target = (built_site / SEMINAR).parent / img["src"].split("#")[0]
            assert target.resolve().is_file(), img["src"]


def test_caption_comes_from_the_script_docstring(built_site):
    captions = [f.figcaption.get_text(strip=True) for f in soup(built_site / SEMINAR).select("figure.course-figure")]
    assert any(caption.startswith("인공지능 ⊃ 머신러닝 ⊃ 딥러닝") for caption in captions)


def test_build_log_says_how_many_figures_were_drawn_and_cached(built_site):
    log = (built_site.parent / "build.log").read_text(encoding="utf-8")
    assert "그림 17개: 새로 그림" in log and "캐시" in log
    assert "노트북 2개: 새로 실행" in log
