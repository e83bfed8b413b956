"""A course grows by adding pages: seminars are discovered, terms have years, rules hold across pages."""

from __future__ import annotations

from course_checks import check_course_site, nav_of
from support import ROOT, mkdocs_build, soup


def test_the_real_site_shows_every_seminar_and_notebook_on_disk(built_site):
    check_course_site(ROOT, built_site)


def test_the_fixture_course_shows_every_seminar_and_notebook_on_disk(fixture_course):
    check_course_site(*fixture_course)


def test_terms_are_newest_first_and_the_home_page_leads_with_the_current_term(fixture_course):
    project, site = fixture_course
    nav = nav_of(site, "")
    assert nav.index("2023-1") < nav.index("2022-2")
    article = soup(site / "index.html").find("article")
    headings = [h.get_text(" ", strip=True).rstrip("¶ ") for h in article.find_all("h3")]
    assert headings[:2] == ["2023년 1학기", "지난 학기"]
    assert [h["id"] for h in article.find_all("h3")][:2] == ["이번-학기", "지난-학기"]
    assert [a["href"] for a in article.select("table a")] == ["2023-1/01-next-term/"]


def test_a_term_nobody_wrote_a_page_for_gets_one_and_a_written_one_keeps_its_text(fixture_course):
    project, site = fixture_course
    assert not (project / "docs" / "2023-1" / "index.md").exists()
    generated = soup(site / "2023-1" / "index.html").find("article")
    assert generated.find("h1").get_text(strip=True).startswith("2023년 1학기")
    assert [a["href"] for a in generated.select("table a")] == ["01-next-term/"]
    written = soup(site / "2022-2" / "index.html").find("article")
    assert "손으로 쓴 학기 소개" in written.get_text()
    assert [a["href"] for a in written.select("table a")] == ["01-first-look/", "02-linear-regression/"]


def test_a_notebook_is_listed_right_after_the_seminar_that_links_to_it(fixture_course):
    project, site = fixture_course
    nav = nav_of(site, "2022-2/02-linear-regression/")
    assert nav[nav.index("notebooks/fixture/fit_a_line") - 1] == "2022-2/02-linear-regression"


def test_an_earlier_term_is_one_link_in_the_nav_except_on_its_own_pages(fixture_course):
    # The nav of every page holds the current term's seminars but only a link
    # per earlier term: a course of 500 pages would otherwise write 500 links
    # into each of its 500 pages.
    project, site = fixture_course
    earlier = ["2022-2/01-first-look", "2022-2/02-linear-regression"]
    for page in ("", "2023-1/01-next-term/", "tags/"):
        nav = nav_of(site, page)
        assert "2022-2" in nav and "2023-1/01-next-term" in nav, (page, nav)
        assert not set(earlier) & set(nav), f"the nav of '{page}' lists an earlier term's seminars: {nav}"
    for page in ("2022-2/", "2022-2/01-first-look/"):
        nav = nav_of(site, page)
        assert set(earlier) <= set(nav) and "2023-1/01-next-term" in nav, (page, nav)


NEW_SEMINAR = "docs/2023-1/02-neural-networks.md"


def add_seminar(project, *, formula: str = r"\text{정확도} = \frac{\text{맞힌 수}}{\text{전체 수}}"):
    """A second seminar in the fixture's current term, as a pull request adds it: page and figure script."""
    page = project / NEW_SEMINAR
    page.write_text(
        '---\ntitle: "02 신경망 첫걸음"\nnumber: 2\ndate: 2023-03-16\npresenters: [최넷]\ntags: [seminar]\n'
        "summary: 뉴런 하나가 입력을 받아 출력을 내는 과정을 봅니다.\n---\n\n# 02 신경망 첫걸음\n\n"
        "뉴런 하나는 입력의 가중합 $z = \\sum_i w_i x_i + b$ 에 활성화 함수를 씌웁니다.\n\n"
        f"## 1. 정확도\n\n$$\n{formula}\n$$\n\n"
        "![시그모이드 함수의 S자 곡선](../figures/fixture/sigmoid.svg)\n",
        encoding="utf-8",
    )
    (project / "figures" / "fixture" / "sigmoid.py").write_text(
        '"""시그모이드 함수: 어떤 입력이든 0과 1 사이로 눌러 준다"""\n'
        "import matplotlib.pyplot as plt\nimport numpy as np\n\n"
        "from figure_style import ACCENT, WIDTH\n\n\n"
        "def draw(rng):\n"
        "    z = np.linspace(-6, 6, 200)\n"
        "    fig, ax = plt.subplots(figsize=(WIDTH, 2.6))\n"
        "    ax.plot(z, 1 / (1 + np.exp(-z)), color=ACCENT[\"blue\"])\n"
        "    ax.set_xlabel(\"입력 z\")\n"
        "    return fig\n",
        encoding="utf-8",
    )
    return page


def test_a_new_seminar_added_like_a_pull_request_shows_everywhere_without_touching_config(fixture_project, tmp_path):
    config_before = (fixture_project / "mkdocs.yml").read_bytes()
    add_seminar(fixture_project)
    result = mkdocs_build(fixture_project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert (fixture_project / "mkdocs.yml").read_bytes() == config_before
    seminars = check_course_site(fixture_project, tmp_path / "out")
    assert "2023-1/02-neural-networks/" in [s.url for s in seminars]
    home = soup(tmp_path / "out" / "index.html")
    assert "신경망 첫걸음" in home.find("article").get_text()
    page = soup(tmp_path / "out" / "2023-1" / "02-neural-networks" / "index.html")
    assert len(page.select(".arithmatex .katex")) == 2 and page.select_one(".katex-display") is not None
    assert "정확도" in page.select_one(".katex-display .katex-html").get_text()  # \text{한글}
    assert "$$" not in page.find("article").get_text()
    scripts = " ".join(tag.get("src", "") + tag.get_text() for tag in page.find_all("script")).lower()
    assert "katex" not in scripts and "mathjax" not in scripts  # rendered when built, no math script to read it


def test_a_broken_formula_in_a_new_seminar_fails_naming_file_line_and_formula(fixture_project, tmp_path):
    add_seminar(fixture_project, formula=r"\frac{1}{")
    result = mkdocs_build(fixture_project, tmp_path / "out")
    assert result.returncode != 0
    assert f"{NEW_SEMINAR}:" in result.stderr and "\\frac{1}{" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unfinished_page_fails_the_strict_build_but_still_previews(fixture_project, tmp_path):
    page = add_seminar(fixture_project)
    page.write_text(page.read_text(encoding="utf-8") + "\n## 2. 다음 절\n", encoding="utf-8")
    strict = mkdocs_build(fixture_project, tmp_path / "strict")
    assert strict.returncode != 0
    line = len(page.read_text(encoding="utf-8").splitlines())
    assert f"{NEW_SEMINAR}:{line}: 절 '2. 다음 절' 아래에 내용이 없습니다" in strict.stderr
    preview = mkdocs_build(fixture_project, tmp_path / "preview", strict=False)
    assert preview.returncode == 0, preview.stderr
