"""Math in a page is rendered when the real site is built: no script, local CSS and fonts, clear errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from course_site.formulas.assets import STYLESHEET_URI
from course_site.project_copy import copy_project
from support import ROOT, mkdocs_build, soup

# A section any page could have: every written form of math, and things that must stay text.
MATH_SECTION = r"""

## 수식 시험

평균은 $\hat{y} = \frac{1}{n}\sum_{i=1}^{n} y_i$ 이고 시그모이드는 \(\sigma(z)\) 입니다.

가격은 $5 이고 $10 이며, \$x\$ 와 `$code$` 는 글자 그대로입니다.

$$
\text{정확도} = \frac{\text{맞힌 개수}}{\text{전체 개수}}
$$

```math
\begin{aligned} L(\theta) &= \sum_i (y_i - \theta^\top x_i)^2 \\ &= \lVert y - X\theta \rVert^2 \end{aligned}
```

### 손실 $L(\theta)$ 줄이기

경사 하강법으로 $L$ 을 줄입니다.
"""


def project_with_math_on_home(folder: Path, section: str) -> Path:
    """A copy of the project (warm caches) whose home page ends with ``section``."""
    project = copy_project(ROOT, folder, with_cache=True)  # KaTeX: found beside the .venv that builds it
    home = project / "docs" / "index.md"
    home.write_text(home.read_text(encoding="utf-8").rstrip("\n") + "\n" + section, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def math_site(tmp_path_factory, built_site) -> tuple[Path, Path]:
    """(project, site) of a strict build whose home page has math."""
    folder = tmp_path_factory.mktemp("math")
    project = project_with_math_on_home(folder / "project", MATH_SECTION)
    site = folder / "site"
    result = mkdocs_build(project, site)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stderr}", pytrace=False)
    return project, site


def test_every_form_of_math_becomes_katex_markup(math_site):
    _, site = math_site
    page = soup(site / "index.html")
    assert len(page.select(".arithmatex .katex")) == 6
    assert len(page.select("div.arithmatex .katex-display")) == 2
    assert "정확도" in page.select_one(".katex-display .katex-html").get_text()
    for copy in page.select(".katex-mathml, .arithmatex [hidden]"):
        copy.decompose()  # TeX source for screen readers (MathML) and for the search index (hidden)
    assert "\\frac" not in page.get_text() and "\\(" not in page.get_text()


def test_a_heading_with_math_shows_rendered_on_the_page_and_as_plain_text_in_the_contents(math_site):
    _, site = math_site
    page = soup(site / "index.html")
    heading = next(h for h in page.find_all("h3") if "손실" in h.get_text())
    assert heading.select(".katex")
    entries = [link.get_text(strip=True) for link in page.select("nav.md-nav--secondary a")]
    assert "손실 L(\\theta) 줄이기" in entries and not any("\\(" in entry for entry in entries)


def test_prices_escaped_dollars_and_code_stay_text(math_site):
    _, site = math_site
    page = soup(site / "index.html")
    paragraph = next(p for p in page.find_all("p") if "가격은" in p.get_text())
    assert "가격은 $5 이고 $10 이며, $x$ 와 $code$ 는" in paragraph.get_text()
    assert paragraph.select(".katex") == []


def test_pages_with_math_load_no_math_script(math_site):
    _, site = math_site
    pages = [page for page in map(soup, site.rglob("*.html")) if page.select(".katex")]
    assert pages
    for page in pages:
        for script in page.find_all("script"):
            source = (script.get("src") or "") + script.get_text()
            assert not re.search(r"katex|mathjax", source, re.IGNORECASE), source[:200]


def test_a_page_links_the_local_katex_stylesheet_exactly_when_it_has_math(math_site):
    _, site = math_site
    with_math = without_math = 0
    for path in site.rglob("*.html"):
        page = soup(path)
        links = [link.get("href", "") for link in page.select('link[rel="stylesheet"]')]
        linked = [href for href in links if href.endswith(STYLESHEET_URI)]
        has_math = bool(page.select(".katex"))
        assert len(linked) == int(has_math), path
        if linked:  # relative to the page, and pointing at the one shared file
            assert (path.parent / linked[0]).resolve() == (site / STYLESHEET_URI).resolve(), path
        with_math += has_math
        without_math += not has_math
    assert with_math and without_math  # the home page has math; the tags page, for one, has none


def test_katex_stylesheet_and_its_fonts_are_served_from_the_site(math_site):
    _, site = math_site
    stylesheet = site / STYLESHEET_URI
    css = stylesheet.read_text(encoding="utf-8")
    urls = re.findall(r"url\(([^)]+)\)", css)
    assert urls and "http" not in css and "//" not in "".join(urls)
    for url in urls:
        assert url.endswith(".woff2") and (stylesheet.parent / url).is_file(), url


def test_rendered_formulas_are_cached_beside_mkdocs_yml(math_site):
    project, _ = math_site
    assert len(list((project / ".cache" / "math").glob("*.json"))) >= 4


def test_a_broken_formula_fails_the_build_naming_page_line_and_formula(built_site, tmp_path):
    project = project_with_math_on_home(tmp_path / "project", "\n## 틀린 수식\n\n맞는 $x$ 와 틀린 $\\frac{a}{$ 수식.\n")
    line = project.joinpath("docs", "index.md").read_text(encoding="utf-8").splitlines().index(
        "맞는 $x$ 와 틀린 $\\frac{a}{$ 수식."
    ) + 1
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/index.md:{line}: $\\frac{{a}}{{$" in result.stderr
    assert "중괄호" in result.stderr  # the Korean hint
    assert "Traceback" not in result.stderr
