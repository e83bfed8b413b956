"""Figures as readers get them: drawings with real text, captions, links, light weight.

The page holds a box for each figure; the drawing is a file of its own that the
reader's browser fetches and inlines (overrides/figure_drawings.js, tested in
tests/browser/test_figures_phone.py). These tests read both from the built site.
"""

from __future__ import annotations

import ast
import functools
import gzip
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from course_site.figures.discover import discover
from course_site.notebooks import discover_notebooks
from course_site.search_worker import FULL_INDEX
from support import ROOT, mkdocs_build, soup

SEMINAR_04 = "2022-2/04-what-to-do-with-data/index.html"  # only for the tests of its own facts, at the end
BUDGET_GZIP_BYTES = 300 * 1024  # all of a page's figures, fonts included (issue 12)
# What a page carries for each figure before its drawing arrives (box, labels,
# caption, links): gzip bytes; about 350 on seminar 04. The drawings weigh 2-40 KB each.
MARKUP_GZIP_BYTES_PER_FIGURE = 640


def figures_of(page):
    return page.select("figure.course-figure")


def drawing_file(page_path: Path, figure) -> Path:
    """The drawing file a figure's box fetches, in the built site."""
    return (page_path.parent / figure.select_one(".course-figure__drawing")["data-drawing"]).resolve()


def drawing_of(page_path: Path, figure):
    """The <svg> a reader's browser puts in the figure's box."""
    return BeautifulSoup(drawing_file(page_path, figure).read_text(encoding="utf-8"), "html.parser").svg


def drawings_on(page_path: Path) -> str:
    """Every drawing a page fetches, as one text."""
    return "".join(drawing_file(page_path, figure).read_text(encoding="utf-8") for figure in figures_of(soup(page_path)))


@pytest.fixture(scope="module")
def pages_with_figures(built_site) -> list[Path]:
    """Every built page that shows figures (their HTML files)."""
    pages = [path for path in sorted(built_site.rglob("*.html")) if figures_of(soup(path))]
    assert pages, "그림이 있는 페이지가 없습니다"
    return pages


def every_figure(pages_with_figures):
    """(page file, figure) for every figure of every page."""
    return [(page, figure) for page in pages_with_figures for figure in figures_of(soup(page))]


def test_every_figure_image_of_an_article_became_a_figure_box(pages_with_figures):
    for page in pages_with_figures:
        for image in soup(page).select("article img"):
            if re.search(r"(^|/)figures/.+\.svg$", image.get("src", "")):
                assert image.find_parent("figure", class_="course-figure") is not None, (page, image["src"])


def test_every_figure_is_a_named_box_the_size_of_its_drawing_with_real_text_and_caption(pages_with_figures):
    for page, figure in every_figure(pages_with_figures):
        box = figure.select_one(".course-figure__drawing")
        assert box["role"] == "img" and box["aria-label"].strip()
        svg = drawing_of(page, figure)
        width, height = int(svg["width"]), int(svg["height"])
        assert width > 100 and height > 50
        assert f"--fig-width:{width}px" in box["style"] and f"--fig-ratio:{width}/{height}" in box["style"]
        assert svg.find("text") is not None, "figure text is real text"
        assert figure.figcaption.get_text(strip=True)


def test_a_figure_heavy_page_carries_no_drawing_and_little_markup_per_figure(built_site):
    for path in built_site.rglob("*.html"):
        page = soup(path)
        figures = figures_of(page)
        if not figures:
            continue
        assert page.select(".course-figure__drawing svg") == [], path  # drawings are fetched near the screen
        markup = "".join(str(figure) for figure in figures)
        per_figure = len(gzip.compress(markup.encode("utf-8"), 9)) / len(figures)
        assert per_figure <= MARKUP_GZIP_BYTES_PER_FIGURE, f"{path}: {per_figure:.0f} B a figure"


def test_a_drawing_not_yet_fetched_leaves_its_words_for_find_in_page_and_an_image_without_javascript(
    pages_with_figures,
):
    for page, figure in every_figure(pages_with_figures):
        copy = figure.select_one(".course-figure__text")
        assert copy["hidden"] == "until-found"
        drawn = {" ".join(text.get_text().split()) for text in drawing_of(page, figure).find_all("text")}
        words = copy.get_text().split("\n")
        assert words and set(words) <= drawn
        fallback = BeautifulSoup(figure.noscript.decode_contents(), "html.parser").img
        assert fallback["src"] == figure.select_one("a.course-figure__open")["href"]


def test_drawing_files_are_named_by_content_and_stay_out_of_the_search_index(built_site, pages_with_figures):
    index = (built_site / FULL_INDEX).read_text(encoding="utf-8")
    for page, figure in every_figure(pages_with_figures):
        assert re.fullmatch(r"[a-z0-9_]+\.[0-9a-f]{10}\.svg", drawing_file(page, figure).name)
        assert figure.select_one(".course-figure__drawing").has_attr("data-search-exclude")
    assert "course-figure__text" not in index and "hidden=" not in index


@functools.cache
def code_link_prefix() -> str:
    """What every "이 그림의 코드" link starts with: the repository's files at HEAD (repo_url in mkdocs.yml)."""
    repo_url = yaml.safe_load(
        re.search(r"^repo_url: .*$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(0)
    )["repo_url"]
    return f"{repo_url.rstrip('/')}/blob/HEAD/"


def script_of(figure) -> Path:
    """The figure script a figure's code link points at, in this repository."""
    prefix = code_link_prefix()
    href = figure.select_one("a.course-figure__code")["href"]
    assert href.startswith(prefix), href
    return ROOT / href[len(prefix):]


def test_each_figure_links_its_own_svg_file_and_the_script_that_draws_it(pages_with_figures):
    for page, figure in every_figure(pages_with_figures):
        enlarge = figure.select_one("a.course-figure__open")
        target = page.parent / enlarge["href"]
        assert target.resolve().is_file() and enlarge.get_text() == "크게 보기"
        assert figure.select_one("a.course-figure__code").get_text() == "이 그림의 코드"
        script = script_of(figure)
        assert script.is_file() and script.stem == Path(enlarge["href"]).stem


def test_the_page_declares_every_figure_font_its_drawings_use_and_the_files_exist(pages_with_figures):
    for page in pages_with_figures:
        html = page.read_text(encoding="utf-8")
        declared = dict(re.findall(r'@font-face\{font-family:([\w-]+);src:url\("([^"]+)"\)', html))
        used = set()
        for family_list in re.findall(r"font-family:([\w,-]+)", drawings_on(page)):
            used.update(name for name in family_list.split(",") if name.startswith("fig-"))
        assert used and used <= set(declared), (page, used - set(declared))
        for url in declared.values():
            assert (page.parent / url).resolve().is_file(), (page, url)


def test_dark_palette_colours_are_set_once_for_every_themed_colour(pages_with_figures):
    for page in pages_with_figures:
        html = page.read_text(encoding="utf-8")
        used = set(re.findall(r"var\((--fig-[0-9a-f]{6}),", drawings_on(page)))
        # The figures' own dark rule (the page's palette rules come before it, with other variables).
        dark_rule = re.search(r"\[data-md-color-scheme=slate\]\{(--fig-[^}]*)\}", html).group(1)
        assert used and used == {declaration.split(":")[0] for declaration in dark_rule.split(";")}, page


def test_a_pages_figures_with_their_fonts_stay_within_the_budget(pages_with_figures):
    for page in pages_with_figures:
        figures_of_one_page_stay_within_the_budget(page)


def figures_of_one_page_stay_within_the_budget(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    markup = "".join(re.findall(r"<figure class=\"course-figure\">.*?</figure>", html, re.S))
    fonts = re.findall(r'src:url\("([^"]+\.woff2)"\)', html)
    font_bytes = sum(len((page.parent / url).read_bytes()) for url in fonts)  # woff2 is compressed already
    drawing_bytes = sum(
        len(gzip.compress(drawing_file(page, figure).read_bytes(), 9)) for figure in figures_of(soup(page))
    )
    total = len(gzip.compress(markup.encode("utf-8"), 9)) + drawing_bytes + font_bytes
    assert total <= BUDGET_GZIP_BYTES, f"{page}: {total / 1024:.0f} KB"


def test_figures_drawn_on_other_pages_use_the_same_machinery(built_site):
    for page in built_site.rglob("*.html"):
        for figure in figures_of(soup(page)):
            assert figure.select_one(".course-figure__drawing[role=img][data-drawing]") is not None, page
            assert drawing_file(page, figure).is_file(), page


def test_a_caption_is_the_scripts_docstring_line_unless_the_markdown_gives_one(pages_with_figures):
    markdown = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "docs").rglob("*.md"))
    for page, figure in every_figure(pages_with_figures):
        links = figure.figcaption.select_one(".course-figure__links")
        caption = figure.figcaption.get_text().replace(links.get_text(), "").strip()
        docstring = ast.get_docstring(ast.parse(script_of(figure).read_text(encoding="utf-8")))
        assert caption == docstring.splitlines()[0].strip() or f'"{caption}")' in markdown, (page, caption)


def test_build_log_says_how_many_figures_were_drawn_and_cached(built_site):
    log = (built_site.parent / "build.log").read_text(encoding="utf-8")
    figures = len(discover(ROOT / "figures"))
    notebooks = len(discover_notebooks(ROOT / "notebooks", ROOT / "figures"))
    assert f"그림 {figures}개: 새로 그림" in log and "캐시" in log
    assert f"노트북 {notebooks}개: 새로 실행" in log


def test_a_figure_whose_text_is_too_small_for_a_phone_stops_a_strict_build_saying_what_to_change(
    fixture_project, tmp_path
):
    (fixture_project / "figures" / "fixture" / "tiny_labels.py").write_text(
        '"""작은 글자 그림"""\n'
        "from matplotlib.figure import Figure\n\n\n"
        "def draw():\n"
        "    fig = Figure(figsize=(7.2, 2))\n"
        "    fig.add_axes((0, 0, 1, 1), xticks=[], yticks=[])\n"
        '    fig.text(0.5, 0.5, "눈금 설명", fontsize=8)\n'
        "    return fig\n",
        encoding="utf-8",
    )
    result = mkdocs_build(fixture_project, tmp_path / "out")
    assert result.returncode != 0
    assert "figures/fixture/tiny_labels.py: 휴대폰 화면 폭에 맞추면 가장 작은 글자가" in result.stderr
    assert "figure_style.SMALL" in result.stderr and "Traceback" not in result.stderr


# Seminar 04's facts (issue 12): the figures and the text agree -----------------


def seminar_text(built_site) -> str:
    return soup(built_site / SEMINAR_04).select_one("article").get_text(" ")


def test_seminar_04_refers_to_its_own_sections_as_sections_with_links(built_site):
    page = soup(built_site / SEMINAR_04)
    assert "4장" not in seminar_text(built_site)
    links = [a for a in page.select("article a") if a.get_text() == "4절"]
    assert links
    for link in links:
        assert page.find(id=link["href"].removeprefix("#")) is not None


def test_seminar_04_uses_the_notebooks_word_for_feature(built_site):
    notebooks = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "notebooks").rglob("*.py"))
    assert "특성" in notebooks and "특징" not in notebooks
    assert "특징" not in seminar_text(built_site)


def test_seminar_04_figures_agree_with_the_text(built_site):
    page = soup(built_site / SEMINAR_04)
    text = seminar_text(built_site)
    drawings = {
        Path(figure.select_one("a.course-figure__open")["href"]).stem: drawing_of(built_site / SEMINAR_04, figure).get_text(" ")
        for figure in figures_of(page)
    }
    # GPT-3: 3,000억 tokens trained on, out of a 4,990억-token data set.
    assert "3,000억 토큰" in drawings["why_deep_learning"] and "4,990억" not in drawings["why_deep_learning"]
    assert "3,000억 토큰" in text and "4,990억" in text
    # Machine learning dates from Samuel's 1950s, in the figure as in the text.
    assert "1980" not in drawings["ai_ml_dl"] and "1950년대" in text
    # No discount factor that the text never explains.
    assert "γ" not in drawings["rl_loop"] and "할인율" not in drawings["rl_loop"]
    # A perfect test score has no "wrong predictions" legend entry.
    boundary = drawings["classification_boundary"]
    assert "1.00" not in boundary or "틀린 예측" not in boundary
    # The convolution figure shows one position of the kernel: the text says so.
    assert "한 위치" in text
