"""The font subsets a page shares among its figures (course_site.figures.web_fonts)."""

from __future__ import annotations

from fontTools.ttLib import TTFont

from course_site.figures.web_fonts import PageFonts, is_whole_woff2
from support import ROOT

NANUM = str(ROOT / "figures" / "fonts" / "NanumGothic.ttf")


def test_a_page_gets_one_subset_per_font_holding_the_characters_of_all_its_figures(tmp_path):
    fonts = PageFonts(tmp_path).for_figures([{NANUM: "가나"}, {NANUM: "나다"}])
    assert len(fonts) == 1 and fonts[0].family == "fig-NanumGothic"
    assert fonts[0].uri.startswith("assets/figures/fig-NanumGothic.") and fonts[0].uri.endswith(".woff2")
    subset = tmp_path / "subset.woff2"
    subset.write_bytes(fonts[0].data)
    cmap = TTFont(subset).getBestCmap()
    assert {ord(c) for c in "가나다"} <= set(cmap) and ord("라") not in cmap
    assert len(fonts[0].data) < 20_000  # a few glyphs, not the 4.7 MB font


def test_a_truncated_cached_subset_is_made_again(tmp_path):
    first = PageFonts(tmp_path).for_figures([{NANUM: "가"}])[0]
    (cached,) = tmp_path.glob("*.woff2")
    cached.write_bytes(cached.read_bytes()[:100])
    again = PageFonts(tmp_path).for_figures([{NANUM: "가"}])[0]
    assert again.data == first.data and is_whole_woff2(cached.read_bytes())
