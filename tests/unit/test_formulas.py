"""Math rendered at build time: KaTeX output, Korean errors, the cache and the HTML rewriting."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from pymdownx.arithmatex import arithmatex_fenced_format

from course_site.errors import CourseBuildError
from course_site.formulas import (
    Formula,
    FormulaError,
    FormulaErrors,
    MathRenderer,
    marked_formulas,
    math_for_search,
    render_marked_math,
    render_math_in_html,
)
from course_site.formulas.assets import find_katex_assets, katex_packages, woff2_only
from course_site.formulas.markup import without_math_delimiters
from course_site.formulas.render import render_with_katex
from course_site.formulas.source_lines import formula_lines
from support import ROOT


def site_markdown(text: str) -> str:
    """``text`` converted with the math settings of mkdocs.yml (and the code extensions around them)."""
    math_fence = arithmatex_fenced_format(mode="generic")
    converter = markdown.Markdown(
        extensions=["admonition", "pymdownx.inlinehilite", "pymdownx.arithmatex", "pymdownx.superfences"],
        extension_configs={
            "pymdownx.arithmatex": {"generic": True},
            "pymdownx.superfences": {
                "custom_fences": [{"name": "math", "class": "arithmatex", "format": math_fence}],
            },
        },
    )
    return converter.convert(text)


def visible_text(html: str) -> str:
    """What a sighted reader sees of KaTeX output (the MathML copy is for screen readers)."""
    tree = BeautifulSoup(html, "html.parser")
    for mathml in tree.select(".katex-mathml"):
        mathml.decompose()
    return tree.get_text()


# Rendering one formula ---------------------------------------------------------


def test_a_fraction_becomes_katex_markup_with_a_fraction_line_and_mathml():
    html = render_with_katex(Formula(r"\frac{a}{b}", display=False))
    tree = BeautifulSoup(html, "html.parser")
    assert tree.select_one("span.katex .mfrac .frac-line") is not None
    assert tree.select_one(".katex-mathml math mfrac") is not None


def test_korean_inside_text_is_kept_as_hangul():
    html = render_with_katex(Formula(r"\text{정확도} = \frac{\text{맞힌 개수}}{\text{전체 개수}}", display=True))
    tree = BeautifulSoup(html, "html.parser")
    assert tree.select_one(".katex-display") is not None
    assert "정확도" in visible_text(html) and "맞힌" in visible_text(html)
    assert "정확도" in tree.select_one(".katex-mathml mtext").get_text()


@pytest.mark.parametrize(
    "tex",
    [
        r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}",
        r"\begin{aligned} L &= \sum_i (y_i - \hat{y}_i)^2 \\ &= \lVert y - X\theta \rVert^2 \end{aligned}",
        r"f(x) = \begin{cases} 1 & x > 0 \\ 0 & \text{그 외} \end{cases}",
    ],
)
def test_matrices_aligned_equations_and_cases_render(tex):
    html = render_with_katex(Formula(tex, display=True))
    assert BeautifulSoup(html, "html.parser").select_one(".katex-html .mtable") is not None


@pytest.mark.parametrize(
    ("tex", "hint_part"),
    [
        (r"\frac{a}{", "중괄호"),
        (r"\fracc{a}{b}", r"'\fracc' 은(는) KaTeX에 없는 명령"),
        (r"\begin{pmatrix} a & b", r"\begin{...} 과 \end{...}"),
        (r"\def\loop{\loop}\loop", "자기 자신"),
    ],
)
def test_a_broken_formula_raises_with_katex_reason_and_korean_hint(tex, hint_part):
    with pytest.raises(FormulaError) as raised:
        render_with_katex(Formula(tex, display=True))
    assert raised.value.formula.tex == tex
    assert hint_part in raised.value.hint
    assert raised.value.reason and "\u0332" not in raised.value.reason  # no combining underlines


def test_trusted_only_commands_never_make_links():
    html = render_with_katex(Formula(r"\href{javascript:alert(1)}{x}", display=False))
    assert BeautifulSoup(html, "html.parser").find("a") is None


# The cache ---------------------------------------------------------------------


class CountingRenderer:
    """KaTeX, counting how often it is really called."""

    def __init__(self):
        self.calls = 0

    def __call__(self, formula: Formula) -> str:
        self.calls += 1
        return render_with_katex(formula)


def test_a_second_build_takes_formulas_from_the_cache(tmp_path):
    katex = CountingRenderer()
    formula = Formula(r"\sigma(z) = \frac{1}{1 + e^{-z}}", display=False)
    first = MathRenderer(tmp_path, render=katex, renderer="test")(formula)
    again = MathRenderer(tmp_path, render=katex, renderer="test")
    assert again(formula) == first and katex.calls == 1
    assert (again.rendered, again.reused) == (0, 1)


def test_inline_and_display_and_other_renderers_are_separate_entries(tmp_path):
    katex = CountingRenderer()
    MathRenderer(tmp_path, render=katex, renderer="test")(Formula("x^2", display=False))
    MathRenderer(tmp_path, render=katex, renderer="test")(Formula("x^2", display=True))
    MathRenderer(tmp_path, render=katex, renderer="KaTeX upgraded")(Formula("x^2", display=False))
    assert katex.calls == 3


def test_a_corrupted_cache_entry_is_rendered_again(tmp_path):
    katex = CountingRenderer()
    formula = Formula("a + b", display=False)
    good = MathRenderer(tmp_path, render=katex, renderer="test")(formula)
    (entry,) = tmp_path.glob("*.json")
    damaged = json.loads(entry.read_text(encoding="utf-8"))
    damaged["html"] = damaged["html"][:-10]
    entry.write_text(json.dumps(damaged), encoding="utf-8")
    assert MathRenderer(tmp_path, render=katex, renderer="test")(formula) == good
    assert katex.calls == 2


def test_a_broken_formula_is_never_cached(tmp_path):
    renderer = MathRenderer(tmp_path, renderer="test")
    for _ in range(2):
        with pytest.raises(FormulaError):
            renderer(Formula(r"\frac{a}{", display=False))
    assert list(tmp_path.iterdir()) == []


# Markdown pages: what Arithmatex marks -----------------------------------------


def test_every_written_form_of_math_is_marked_and_rendered():
    html = site_markdown(
        "인라인 $a^2$ 과 \\(b_1\\).\n\n$$\nc = \\frac{1}{2}\n$$\n\n\\[ d \\]\n\n```math\ne = mc^2\n```\n"
    )
    assert marked_formulas(html) == [
        Formula("a^2", False),
        Formula("b_1", False),
        Formula("c = \\frac{1}{2}", True),
        Formula("d", True),
        Formula("e = mc^2", True),
    ]
    rendered, count = render_marked_math(html, render_with_katex)
    tree = BeautifulSoup(rendered, "html.parser")
    assert count == 5 and len(tree.select(".arithmatex > .katex")) == 2
    assert len(tree.select("div.arithmatex > .katex-display")) == 3
    assert "\\(" not in rendered and "$$" not in rendered


def test_prices_escaped_dollars_and_code_are_not_math():
    html = site_markdown("가격은 $5 이고 $10 입니다. \\$x\\$ 와 `$y$` 그리고\n\n```python\nz = '$z$'\n```\n")
    assert marked_formulas(html) == []
    rendered, count = render_marked_math(html, render_with_katex)
    assert count == 0 and rendered == html
    assert "$5 이고 $10" in rendered and "$x$" in rendered and "$y$" in rendered


def test_special_html_characters_in_a_formula_reach_katex_unescaped():
    html = site_markdown("$a < b \\;\\&\\; c > d$")
    assert marked_formulas(html) == [Formula("a < b \\;\\&\\; c > d", False)]


def test_all_broken_formulas_of_a_page_are_reported_together():
    html = site_markdown("$\\frac{a}{$ 와 $x$ 와 $\\nosuch$")
    with pytest.raises(FormulaErrors) as raised:
        render_marked_math(html, render_with_katex)
    assert [problem.formula.tex for problem in raised.value.problems] == ["\\frac{a}{", "\\nosuch"]


# HTML that still holds delimiters (notebook cells) -------------------------------


def test_delimited_math_in_html_is_rendered_outside_code():
    html = (
        "<p>시그모이드 $\\sigma(z)$ 와 가격 $5, $10 과 \\$x\\$</p>"
        "<p>$$\\frac{1}{n}\\sum_i x_i$$</p><pre><code>print('$a$')</code></pre><p>\\(b\\) 그리고 \\[c\\]</p>"
    )
    rendered, count = render_math_in_html(html, render_with_katex)
    tree = BeautifulSoup(rendered, "html.parser")
    assert count == 4
    assert len(tree.select(".katex-display")) == 2
    assert tree.select_one("pre code").get_text() == "print('$a$')"
    assert "가격 $5, $10 과 \\$x\\$" in tree.get_text()


def test_delimited_broken_formula_raises_all_of_them():
    with pytest.raises(FormulaErrors) as raised:
        render_math_in_html("<p>$\\frac{1}{$ 와 $\\oops$</p>", render_with_katex)
    assert len(raised.value.problems) == 2


# Where a formula is in the source ---------------------------------------------


def test_formula_lines_follow_the_source_in_order():
    source = "---\ntitle: x\n---\n\n$a$ 그리고 $b$\n\n> $a$\n\n$$\n\\frac{1}{\n  2}\n$$\n"
    assert formula_lines(source, ["a", "b", "a", "\\frac{1}{\n2}", "nowhere"]) == [5, 5, 7, 10, None]


# KaTeX's stylesheet and fonts ----------------------------------------------------


def test_the_shipped_stylesheet_names_only_woff2_fonts_that_exist():
    assets = find_katex_assets(katex_packages(ROOT))
    assert assets is not None, "node_modules/katex 가 없습니다: npm ci 를 실행하세요"
    assert ".woff)" not in assets.stylesheet and ".ttf)" not in assets.stylesheet
    assert "http" not in assets.stylesheet
    assert assets.fonts and all(path.suffix == ".woff2" and path.is_file() for path in assets.fonts.values())
    assert ".hangul_fallback" in assets.stylesheet


def test_woff2_only_keeps_the_woff2_source_of_each_font_face():
    css = (
        '@font-face{src:url(fonts/A.woff2) format("woff2"),'
        'url(fonts/A.woff) format("woff"),url(fonts/A.ttf) format("truetype")}'
    )
    assert woff2_only(css) == '@font-face{src:url(fonts/A.woff2) format("woff2")}'


def test_without_the_katex_package_there_are_no_assets(tmp_path):
    assert find_katex_assets([tmp_path / "node_modules" / "katex"]) is None


def test_a_katex_package_of_another_version_than_the_renderer_is_refused(tmp_path):
    package = tmp_path / "node_modules" / "katex"
    (package / "dist").mkdir(parents=True)
    (package / "package.json").write_text('{"version": "0.10.0"}', encoding="utf-8")
    (package / "dist" / "katex.min.css").write_text(".katex{}", encoding="utf-8")
    with pytest.raises(CourseBuildError, match="npm ci"):
        find_katex_assets([package])


def test_the_search_index_gets_a_formulas_tex_source_and_readers_still_see_katex():
    html = site_markdown("평균 $\\hat{y} < 1$ 끝.\n\n$$\n\\text{정확도} = \\sqrt{a}\n$$\n\n뒤 문단")
    rendered, _ = render_marked_math(html, render_with_katex)
    searchable = math_for_search(rendered)
    tree = BeautifulSoup(searchable, "html.parser")
    formulas = tree.select(".arithmatex")
    assert [f.find("span", hidden=True).get_text() for f in formulas] == ["\\hat{y} < 1", "\\text{정확도} = \\sqrt{a}"]
    for formula in formulas:
        excluded = formula.find(attrs={"data-search-exclude": "math"})
        assert excluded is not None and excluded.select_one(".katex") is not None
    assert "뒤 문단" in tree.get_text()
    assert math_for_search(html) == html  # not rendered yet: nothing to change


def test_headings_in_the_table_of_contents_lose_the_math_wrapper():
    assert without_math_delimiters("손실 \\(L(\\theta)\\) 줄이기와 \\(x\\)") == "손실 L(\\theta) 줄이기와 x"
    assert without_math_delimiters("수식 없는 제목 (괄호)") == "수식 없는 제목 (괄호)"


def test_a_copy_of_the_project_finds_katex_beside_the_environment_that_builds_it(tmp_path):
    packages = katex_packages(tmp_path)
    assert packages[0] == tmp_path.resolve() / "node_modules" / "katex"
    assert Path(sys.prefix).parent.resolve() / "node_modules" / "katex" in packages
