"""scripts/import_jekyll.py: a post of the old Jekyll blog becomes a seminar page.

The posts are club posts kept in tests/fixtures/jekyll/: the real 2022-11-03
post (seminar 04 on the old blog, imported here under another number), a post
where every kramdown and Liquid construct converts, and one full of what
cannot be converted. The project is the small fixture course (2022-2 has
seminars 01 and 02, 2023-1 has 01).
"""

from __future__ import annotations

import re
import shutil

import import_jekyll
import pytest
from course_site.jekyll_body import convert_body, external_images
from course_site.page_source import parse_page
from course_site.scaffold import Project
from course_site.seminars import CourseConfig, validate
from course_site.unfinished import REDRAW_TITLE, SCAFFOLD_SUMMARY, TODO_COMMENT
from pymdownx.slugs import slugify
from support import FIXTURE_COURSE, ROOT, mkdocs_build, soup

POSTS = ROOT / "tests" / "fixtures" / "jekyll"
SEED = POSTS / "2022-11-03-data-first-look.md"
CONVERTIBLE = POSTS / "2022-11-17-gradient-descent.md"
LEFTOVERS = POSTS / "2022-11-24-jekyll-leftovers.md"
SITE_SLUGIFY = slugify(case="lower")  # as in mkdocs.yml (toc.slugify)


@pytest.fixture
def project(tmp_path):
    """What the importer reads and writes: mkdocs.yml and the fixture course's pages (no build)."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(FIXTURE_COURSE / "docs", root / "docs")
    return root


def run_import(project, post, *args) -> int:
    return import_jekyll.main([str(post), "--project", str(project), *args])


def imported(project, post, *args) -> tuple[str, str]:
    """(the new page's text, the printed report) after a successful import."""
    before = {path for path in (project / "docs").rglob("*.md")}
    assert run_import(project, post, *args) == 0
    (page,) = {path for path in (project / "docs").rglob("*.md")} - before
    return page.read_text(encoding="utf-8"), page


def post_text(post) -> str:
    return post.read_text(encoding="utf-8")


def mark_lines(page: str) -> list[int]:
    """Lines of a page holding one of the marks the build refuses to publish."""
    marks = (SCAFFOLD_SUMMARY, REDRAW_TITLE, TODO_COMMENT)
    return [number for number, line in enumerate(page.splitlines(), start=1) if any(m in line for m in marks)]


def heading_ids(markdown: str) -> list[str]:
    in_code = False
    ids = []
    for line in markdown.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and (match := re.match(r"#{1,6} (.*)", line)):
            ids.append(SITE_SLUGIFY(match.group(1).strip(), "-"))
    return ids


# The real post ------------------------------------------------------------------


def test_the_page_goes_to_the_term_of_the_post_date_named_by_number_and_slug(project, capsys):
    assert run_import(project, SEED, "--number", "7") == 0
    assert (project / "docs" / "2022-2" / "07-data-first-look.md").is_file()
    assert "docs/2022-2/07-data-first-look.md 을(를) 만들었습니다" in capsys.readouterr().out


def test_metadata_is_mapped_to_the_seminar_schema_without_a_term_field(project, capsys):
    page, _ = imported(project, SEED, "--number", "7")
    front = page.split("---\n")[1]
    assert front.splitlines() == [
        'title: "07 데이터로 뭐를 할까?"',
        "number: 7",
        "date: 2022-11-03",
        "presenters: [keonju]",
        "tags: [seminar]",
    ]
    report = capsys.readouterr().out
    assert "'📊'" in report and "layout" in report and "categories (2nd_term)" in report


def test_number_and_title_come_from_the_post_when_not_given(project):
    page, path = imported(project, SEED)
    assert path.name == "04-data-first-look.md"
    assert 'title: "04 데이터로 뭐를 할까?"\nnumber: 4\n' in page


def test_report_lists_every_external_image_with_its_post_line(project, tmp_path, capsys):
    report = tmp_path / "report.md"
    assert run_import(project, SEED, "--number", "7", "--report", str(report)) == 0
    text = report.read_text(encoding="utf-8")
    assert text in capsys.readouterr().out, "the printed report is the saved one"
    expected = [
        (number, url)
        for number, line in enumerate(post_text(SEED).splitlines(), start=1)
        for url in re.findall(r"!\[[^\]]*\]\((https://[^)]+)\)", line)
    ]
    assert len(expected) == 11
    listed = re.findall(r"^\| \d+ \| (\d+) \| <(https://[^>]+)> \|", text, re.MULTILINE)
    assert [(int(line), url) for line, url in listed] == expected
    assert "## 다시 그려야 할 그림 (11개)" in text
    assert "`figures/seminar07/figure_01.py`" in text


def test_no_image_is_loaded_from_another_host(project):
    page, _ = imported(project, SEED, "--number", "7")
    assert external_images(page) == []
    assert "<img" not in page
    assert page.count(f'!!! warning "{REDRAW_TITLE}"') == 11
    # the original address stays readable for whoever redraws the figure, but not as an image
    assert "`https://user-images.githubusercontent.com/54880474/200595317-" in page


def test_report_lists_every_place_the_build_will_refuse_with_page_and_line(project, capsys):
    page, _ = imported(project, SEED, "--number", "7")
    report = capsys.readouterr().out
    listed = re.findall(r"^- docs/2022-2/07-data-first-look\.md:(\d+): ", report, re.MULTILINE)
    assert [int(line) for line in listed] == mark_lines(page)
    assert len(listed) == 11 and "## 게시 전에 고칠 곳 (11개)" in report


def test_headings_keep_their_text_and_ids_under_a_single_h1(project):
    page, _ = imported(project, SEED, "--number", "7")
    body = page.split("---\n", 2)[2]
    original_ids = [i for i in heading_ids(post_text(SEED).split("---\n", 2)[2]) if i != "목차"]
    assert heading_ids(body) == ["07-데이터로-뭐를-할까", *original_ids]
    assert re.findall(r"^# .*", body, re.MULTILINE) == ["# 07 데이터로 뭐를 할까?"]
    assert "## 1. 분석가? 엔지니어? 사이언티스트?" in body
    assert "### 데이터 엔지니어" in body, "# and ### become ## and ###: no level skipped"


def test_hand_written_table_of_contents_and_br_are_removed_and_reported(project, capsys):
    page, _ = imported(project, SEED, "--number", "7")
    assert "목차" not in page and "<br" not in page
    assert "\n\n\n" not in page
    report = capsys.readouterr().out
    lines = post_text(SEED).splitlines()
    start = [line.strip() for line in lines].index("# 목차") + 1
    end = next(number for number, line in enumerate(lines, start=1) if line.startswith("# 1."))
    assert f"{start}–{end - 1}줄: 손으로 쓴 '목차' 절을 지웠습니다" in report
    outside_toc = [line for number, line in enumerate(lines, start=1) if not start <= number < end]
    assert f"`<br>` {sum(line.count('<br>') for line in outside_toc)}개를 지웠습니다" in report


def test_text_that_needs_no_change_stays_byte_for_byte(project):
    page, _ = imported(project, SEED, "--number", "7")
    # kramdown's two trailing spaces (a line break) and links that are not images stay as written
    assert "중간고사 끝나고 첫 세미나 시간입니다!  \n" in page
    assert "https://paperswithcode.com/에서" in page


# Running it again ---------------------------------------------------------------


def test_importing_twice_changes_nothing(project, tmp_path, capsys):
    report = tmp_path / "report.md"
    page = project / "docs" / "2022-2" / "07-data-first-look.md"
    assert run_import(project, SEED, "--number", "7", "--report", str(report)) == 0
    first = {path: path.read_bytes() for path in (page, report, project / "mkdocs.yml")}
    capsys.readouterr()
    assert run_import(project, SEED, "--number", "7", "--report", str(report)) == 0
    assert {path: path.read_bytes() for path in first} == first
    assert "이미 같은 내용이라 그대로 두었습니다" in capsys.readouterr().out


@pytest.mark.parametrize("post", [SEED, CONVERTIBLE, LEFTOVERS], ids=lambda post: post.stem)
def test_every_fixture_post_becomes_front_matter_the_seminar_schema_accepts(project, post):
    page, path = imported(project, post)
    src_uri = path.relative_to(project / "docs").as_posix()
    config = CourseConfig(tags=Project.load(project).tags)
    seminar, errors = validate(parse_page(page.encode("utf-8"), src_uri), src_uri, config)
    assert errors == [] and seminar is not None


@pytest.mark.parametrize("post", [SEED, CONVERTIBLE, LEFTOVERS], ids=lambda post: post.stem)
def test_every_fixture_post_imports_to_the_same_bytes_twice(project, post):
    page, path = imported(project, post)
    path.unlink()
    again, _ = imported(project, post)
    assert again == page


def test_it_writes_only_the_page_never_mkdocs_yml(project):
    config = (project / "mkdocs.yml").read_bytes()
    before = {path for path in project.rglob("*") if path.is_file()}
    assert run_import(project, SEED, "--number", "7") == 0
    after = {path for path in project.rglob("*") if path.is_file()}
    assert after - before == {project / "docs" / "2022-2" / "07-data-first-look.md"}
    assert (project / "mkdocs.yml").read_bytes() == config


def test_a_hand_edited_page_is_not_overwritten_without_force(project, capsys):
    assert run_import(project, SEED, "--number", "7") == 0
    page = project / "docs" / "2022-2" / "07-data-first-look.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n손으로 더한 문단\n", encoding="utf-8")
    edited = page.read_bytes()
    assert run_import(project, SEED, "--number", "7") == 1
    error = capsys.readouterr().err
    assert "docs/2022-2/07-data-first-look.md" in error and "--force" in error
    assert page.read_bytes() == edited
    assert run_import(project, SEED, "--number", "7", "--force") == 0
    assert "손으로 더한 문단" not in page.read_text(encoding="utf-8")


# Everything kramdown and Liquid can convert ---------------------------------------


def test_comma_separated_author_and_tags_become_lists_and_emoji_leave_the_title(project, capsys):
    page, path = imported(project, CONVERTIBLE)
    assert path.relative_to(project).as_posix() == "docs/2022-2/05-gradient-descent.md"
    meta = parse_page(page.encode("utf-8"), "page").meta
    assert meta["title"] == "05 경사 하강법 맛보기"
    assert meta["presenters"] == ["keonju", "민지"] and meta["tags"] == ["seminar", "실습"]
    assert meta["summary"].startswith("손실 함수의 기울기를")
    assert "term" not in meta, "the folder says the term"
    assert "'📉 🚀'" in capsys.readouterr().out


def test_kramdown_math_becomes_dollar_math_inline_and_as_a_block(project):
    page, _ = imported(project, CONVERTIBLE)
    assert "모델의 예측 $\\hat{y}$ 와 정답 $y$ 의 차이" in page
    assert "$$\nL(w) = \\frac{1}{n} \\sum_{i=1}^{n} (y_i - w x_i)^2\n$$\n" in page
    assert "| 학습률 $\\eta$ | 결과 |" in page, "math in a table cell too"
    assert "$w \\leftarrow w - \\eta \\nabla L(w)$ 로 움직입니다" in page
    # kramdown reads a lone $ as a dollar sign; in our syntax it would open a formula
    assert "커피 한 잔이 \\$5 라면 열 잔은 \\$50 입니다." in page
    assert "$$\\hat" not in page


def test_notice_attribute_becomes_an_admonition_and_other_attributes_are_dropped(project, capsys):
    page, _ = imported(project, CONVERTIBLE)
    assert "!!! info\n\n    손실이 작을수록 좋은 모델입니다.\n" in page
    assert "[위키백과](https://ko.wikipedia.org/wiki/경사_하강법)를 보세요." in page
    assert "{:" not in page
    report = capsys.readouterr().out
    assert "'!!! info' 상자로 바꿨습니다" in report
    assert '`{:target="_blank"}` 을 뺐습니다' in report


def test_kramdown_heading_ids_are_kept(project):
    page, _ = imported(project, CONVERTIBLE)
    assert "## 1. 손실 함수 {#loss}\n" in page


def test_details_with_markdown_inside_becomes_a_collapsible_block(project):
    page, _ = imported(project, CONVERTIBLE)
    assert (
        '??? note "정답 코드 보기"\n\n'
        "    ```python\n    for step in range(100):\n        w = w - lr * grad(w)\n    ```\n\n"
        "    수렴 조건은 $|\\nabla L(w)| < \\epsilon$ 입니다.\n"
    ) in page
    assert "details>" not in page and "summary>" not in page


def test_raw_and_highlight_become_plain_code_blocks_that_are_not_reported(project, capsys):
    page, _ = imported(project, CONVERTIBLE)
    assert "```html\n<p>{{ page.title }}</p>\n```" in page
    assert "{%" not in page
    report = capsys.readouterr().out
    assert "## 변환하지 못한 것 (0개)" in report and "## 게시 전에 고칠 곳 (0개)" in report


def test_post_url_becomes_a_relative_link_when_the_target_page_exists(project):
    page, _ = imported(project, CONVERTIBLE)
    assert "[데이터로 뭐를 할까?](02-linear-regression.md)에 이어," in page


def test_a_post_with_nothing_unfinished_builds_strictly_and_one_with_marks_is_refused(tmp_path, fixture_project):
    """Both posts: the strict build refuses naming every mark; a preview renders the finished page."""
    project = fixture_project
    assert run_import(project, CONVERTIBLE) == 0
    assert run_import(project, LEFTOVERS) == 0
    unfinished = project / "docs" / "2022-2" / "06-jekyll-leftovers.md"
    build = mkdocs_build(project, tmp_path / "site")

    assert build.returncode != 0
    for line in mark_lines(unfinished.read_text(encoding="utf-8")):
        assert f"docs/2022-2/06-jekyll-leftovers.md:{line}:" in build.stderr
    assert "05-gradient-descent.md" not in build.stderr, build.stderr

    preview = mkdocs_build(project, tmp_path / "preview", strict=False)
    assert preview.returncode == 0, preview.stderr
    page = soup(tmp_path / "preview" / "2022-2" / "05-gradient-descent" / "index.html").select_one("article")
    assert [h1.get_text(strip=True).rstrip("¶") for h1 in page.find_all("h1")] == ["05 경사 하강법 맛보기"]
    assert page.find(id="loss") is not None
    assert page.select_one("details summary").get_text(strip=True) == "정답 코드 보기"
    assert page.select_one(".admonition.info") is not None
    assert page.find("a", string="데이터로 뭐를 할까?")["href"] == "../02-linear-regression/"
    assert page.select(".katex") and len(page.select(".katex-display")) == 1, "math rendered at build time"
    assert "$$" not in page.get_text() and "커피 한 잔이 $5 라면" in page.get_text()


# What cannot be converted -----------------------------------------------------------


def test_liquid_it_cannot_convert_stays_as_written_with_a_mark_and_is_reported(project, capsys):
    page, _ = imported(project, LEFTOVERS)
    report = capsys.readouterr().out
    lines = post_text(LEFTOVERS).splitlines()

    def post_line(text: str) -> int:
        return next(number for number, line in enumerate(lines, start=1) if text in line)

    for tag in (
        "{{ page.title }}",
        '{% include figure.html name="cat" %}',
        "{% post_url 2021-03-02-never-imported %}",
    ):
        assert f"- {post_line(tag)}줄: `{tag}` — 페이지에 그대로 두고 미완성 표시를 달았습니다" in report
        assert any(TODO_COMMENT in line and tag in line for line in page.splitlines())
    assert "이 글의 제목은 {{ page.title }} 입니다." in page, "text around Liquid stays"
    assert "아직 가져오지 않은 글(2021-03-02-never-imported)" in page
    in_code = "{{ not_liquid_here }}"
    assert f"- {post_line(in_code)}줄: `{in_code}` — 코드 블록 안이라 적힌 그대로 보입니다" in report
    assert f"- {post_line('{::comment}')}줄: `{{::comment}}`" in report, "kramdown's own extensions too"
    assert "`{::comment}`, `{:/comment}` 를 이 사이트에 맞게" in page, "one mark per block"
    assert "## 변환하지 못한 것 (6개)" in report


def test_images_in_html_lists_quotes_and_behind_site_baseurl_become_boxes(project, capsys):
    page, _ = imported(project, LEFTOVERS)
    report = capsys.readouterr().out
    listed = re.findall(r"^\| (\d+) \| (\d+) \| (\S+) \|", report, re.MULTILINE)
    assert [(int(index), url) for index, _, url in listed] == [
        (1, "`/assets/cat.png`"),
        (2, "<https://i.imgur.com/abc123.png>"),
        (3, "<https://example.com/icon.png>"),
        (4, "<https://example.com/quote.png>"),
    ]
    assert page.count(f'!!! warning "{REDRAW_TITLE}"') == 4
    assert external_images(page) == [] and "<img" not in page and "<p align" not in page
    assert f"1. 데이터를 불러옵니다. **(그림 3: {REDRAW_TITLE} — 아래 상자)**\n2. 모델을 학습합니다." in page
    assert f"> 인용 안의 그림 **(그림 4: {REDRAW_TITLE} — 아래 상자)** 도 있습니다." in page


def test_embedded_videos_and_gists_become_links_and_kramdown_toc_and_styles_are_dropped(project, capsys):
    page, _ = imported(project, LEFTOVERS)
    assert "[원래 글에 끼워 넣었던 내용 열기](https://www.youtube.com/embed/xyz)" in page
    assert "[원래 글에 끼워 넣었던 내용 열기](https://gist.github.com/keonju/abc123.js)" in page
    assert "<iframe" not in page and "<script" not in page and "TOC" not in page and "{: " not in page
    assert "가운데 정렬한 문단입니다.\n" in page
    assert "## 실습 순서" in page, "a setext heading becomes an ATX heading"
    report = capsys.readouterr().out
    assert "kramdown 자동 목차" in report and "`{: .text-center}` 을 뺐습니다" in report
    assert "태그 'python'" in report, "a tag the site does not configure is dropped and reported"


def test_images_inside_text_in_html_and_by_reference_are_replaced_too():
    body = (
        "앞 문장 ![작은 그림](https://example.com/a.png) 뒤 문장.\n"
        "같은 문단의 둘째 줄.\n"
        "\n"
        '<img src="//cdn.example.com/b.png" alt="HTML 그림">\n'
        "\n"
        "![참조 그림][c]\n"
        "\n"
        "[c]: https://example.com/c.png\n"
        "[링크](https://example.com/page) 는 그대로.\n"
    )
    result = convert_body(
        body, title="01 그림", first_line=10, figure_group="seminar01", page_src_uri="2022-2/01-x.md"
    )
    assert [(r.line, r.url, r.alt) for r in result.redraws] == [
        (10, "https://example.com/a.png", "작은 그림"),
        (13, "//cdn.example.com/b.png", "HTML 그림"),
        (15, "https://example.com/c.png", "참조 그림"),
    ]
    assert external_images(result.markdown) == []
    assert (
        f"앞 문장 **(그림 1: {REDRAW_TITLE} — 아래 상자)** 뒤 문장.\n같은 문단의 둘째 줄.\n\n!!! warning"
        in result.markdown
    )
    assert result.markdown.count(f'!!! warning "{REDRAW_TITLE}"') == 3
    assert "[링크](https://example.com/page) 는 그대로." in result.markdown


def convert(body: str) -> str:
    return convert_body(
        body, title="01 t", first_line=1, figure_group="seminar01", page_src_uri="2022-2/01-x.md"
    ).markdown


def test_nested_details_nest_their_boxes_and_an_unclosed_one_lasts_to_the_end():
    markdown = convert(
        "<details><summary>바깥</summary>\n\n안 문단\n\n<details open>\n<summary>안쪽</summary>\n\n"
        "- 목록\n\n</details>\n\n</details>\n\n<details>\n<summary>열린 채</summary>\n\n본문\n"
    )
    assert markdown == (
        '# 01 t\n\n??? note "바깥"\n\n    안 문단\n\n    ???+ note "안쪽"\n\n        - 목록\n\n'
        '??? note "열린 채"\n\n    본문\n'
    )


def test_lists_and_quotes_keep_their_marks_when_something_inside_changes():
    markdown = convert("- 첫째 $$a$$\n- 둘째\n  {: .notice--info}\n\n> 인용 $$b$$\n> 둘째 줄\n")
    assert markdown == "# 01 t\n\n- 첫째 $a$\n- 둘째\n\n> 인용 $b$\n> 둘째 줄\n"


def test_code_is_never_converted():
    body = (
        "```markdown\n![x](https://example.com/a.png) $$x$$ <br> {: .notice} $5\n```\n\n    $$y$$ {{ z }}\n"
    )
    result = convert_body(
        body, title="01 코드", first_line=1, figure_group="seminar01", page_src_uri="2022-2/01-x.md"
    )
    assert result.markdown == f"# 01 코드\n\n{body.rstrip()}\n"
    assert result.redraws == []


# Bad input ----------------------------------------------------------------------


def test_a_term_that_is_not_a_term_folder_name_is_refused_with_the_format(project, capsys):
    assert run_import(project, SEED, "--number", "7", "--term", "2nd_term") == 1
    error = capsys.readouterr().err
    assert "'2nd_term'" in error and "2023-1" in error
    assert not list((project / "docs").rglob("*data-first-look*"))


def test_a_file_name_without_a_slug_needs_slug(project, tmp_path, capsys):
    post = tmp_path / "000_961dc230733c15fd.txt"
    shutil.copy2(SEED, post)
    assert run_import(project, post, "--number", "7") == 1
    assert "--slug" in capsys.readouterr().err
    assert run_import(project, post, "--number", "7", "--slug", "data-first-look") == 0


def test_a_number_used_in_the_term_is_refused_naming_the_page(project, capsys):
    assert run_import(project, SEED, "--number", "2") == 1
    assert "docs/2022-2/02-linear-regression.md" in capsys.readouterr().err
    assert not list((project / "docs").rglob("*data-first-look*"))


def test_a_post_without_front_matter_is_refused(project, tmp_path, capsys):
    post = tmp_path / "2022-11-03-plain.md"
    post.write_text("# 그냥 글\n", encoding="utf-8")
    assert run_import(project, post) == 1
    message = capsys.readouterr().err
    assert f"{post}:1: 맨 위에 Jekyll front matter" in message and "title: 제목" in message
