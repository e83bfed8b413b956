"""scripts/new_seminar.py: a new seminar page, its example figure and its nav line."""

from __future__ import annotations

import ast
import difflib
import re
import shutil

import pytest

import new_seminar
from course_site.scaffold import Project, parse_mkdocs_yml
from course_site.seminars import read_front_matter, validate
from support import ROOT, mkdocs_build, run_script, soup

SEMINAR_05 = {
    "term": "2nd_term",
    "number": "5",
    "slug": "neural-networks",
    "title": "05 신경망 첫걸음",
    "presenter": "홍길동",
    "date": "2022-11-10",
}
# The 2학기 section as the tests expect it, whatever the real nav holds today.
NAV = """nav:
  - 홈: index.md
  - 2학기:
      - 2nd-term/index.md
      - 2nd-term/04-what-to-do-with-data.md
      - "실습 1: 지도학습": notebooks/seminar04/supervised_learning.ipynb

"""


def arguments(**changes) -> list[str]:
    # --name=value, so that a value starting with "-" is still a value
    return [f"--{name}={value}" for name, value in {**SEMINAR_05, **changes}.items()]


@pytest.fixture
def project(tmp_path):
    """The parts of the project the scaffold reads and writes (no build needed)."""
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    (tmp_path / "figures").mkdir()
    return tmp_path


def scaffold(project, *args, **changes) -> int:
    return new_seminar.main([*arguments(**changes), *args, "--project", str(project)])


def written_files(project) -> set[str]:
    return {path.relative_to(project).as_posix() for path in project.rglob("*") if path.is_file()}


# What it makes ----------------------------------------------------------------


def test_new_seminar_builds_strictly_with_its_example_figure(project_copy, tmp_path):
    result = run_script("new_seminar.py", *arguments(), "--project", str(project_copy))
    assert result.returncode == 0, result.stderr
    assert "docs/2nd-term/05-neural-networks.md" in result.stdout
    assert "figures/seminar05/example.py" in result.stdout
    assert "다음에 할 일" in result.stdout

    build = mkdocs_build(project_copy, tmp_path / "site")
    assert build.returncode == 0, build.stderr
    page = soup(tmp_path / "site" / "2nd-term" / "05-neural-networks" / "index.html")
    assert [h1.get_text(strip=True).rstrip("¶") for h1 in page.find_all("h1")] == ["05 신경망 첫걸음"]
    figure = page.select_one("figure.course-figure")
    assert figure is not None, "the example figure is not shown as a figure"
    sources = [img["src"] for img in figure.find_all("img")]
    assert sources == [
        "../../figures/seminar05/example.svg#only-light",
        "../../figures/seminar05/example.dark.svg#only-dark",
    ]
    assert figure.figcaption.get_text().startswith("예시 그림")
    assert (tmp_path / "site" / "figures" / "seminar05" / "example.svg").is_file()
    nav_links = [a.get("href", "") for a in soup(tmp_path / "site" / "index.html").select("nav a")]
    assert any(href.endswith("2nd-term/05-neural-networks/") for href in nav_links)


def test_page_front_matter_passes_the_seminar_schema(project):
    assert scaffold(project) == 0
    source = (project / "docs" / "2nd-term" / "05-neural-networks.md").read_text(encoding="utf-8")
    meta = read_front_matter(source)
    seminar, errors = validate(meta, "2nd-term/05-neural-networks.md", Project.load(project).course)
    assert errors == []
    assert (seminar.title, seminar.number, seminar.date.isoformat()) == ("05 신경망 첫걸음", 5, "2022-11-10")
    assert seminar.presenters == ("홍길동",) and seminar.tags == ("seminar",)
    assert meta["summary"], "a summary placeholder tells the author what to write"
    body = source.split("---\n", 2)[2]
    assert body.count("\n# ") + body.startswith("# ") == 1, "the title is the only h1"
    assert "![예시 그림: 측정값과 추세선](../figures/seminar05/example.svg)" in body


def test_example_figure_follows_the_figure_contract(project):
    assert scaffold(project) == 0
    scripts = list((project / "figures" / "seminar05").iterdir())
    assert [path.name for path in scripts] == ["example.py"]
    source = scripts[0].read_text(encoding="utf-8")
    tree = ast.parse(source)
    assert ast.get_docstring(tree).splitlines()[0].startswith("예시 그림")  # the caption
    draw = next(node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == "draw")
    assert [arg.arg for arg in draw.args.args] == ["rng"]
    assert "from figure_style import" in source
    called = {
        node.func.attr
        for node in ast.walk(draw)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    }
    assert not called & {"savefig", "show"}, "the runner saves the figure; the script only returns it"


def test_mkdocs_yml_changes_only_by_the_new_nav_line(project):
    before = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert scaffold(project) == 0
    after = (project / "mkdocs.yml").read_text(encoding="utf-8")
    changed = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]
    assert changed == ["+       - 2nd-term/05-neural-networks.md"]
    assert "!!python/object/apply:pymdownx.slugs.slugify" in after


def test_pages_are_listed_in_number_order_after_their_notebooks(project):
    mkdocs_yml = project / "mkdocs.yml"
    mkdocs_yml.write_text(
        re.sub(r"(?ms)^nav:\n.*?(?=^\S)", NAV, mkdocs_yml.read_text(encoding="utf-8")), encoding="utf-8"
    )
    assert scaffold(project, number=9, slug="last", title="09 마지막") == 0
    assert scaffold(project, number=5) == 0
    assert scaffold(project, number=3, slug="first", title="03 처음") == 0
    section = parse_mkdocs_yml(mkdocs_yml.read_text(encoding="utf-8"))["nav"][1]["2학기"]
    assert section == [
        "2nd-term/index.md",
        "2nd-term/03-first.md",
        "2nd-term/04-what-to-do-with-data.md",
        {"실습 1: 지도학습": "notebooks/seminar04/supervised_learning.ipynb"},
        "2nd-term/05-neural-networks.md",
        "2nd-term/09-last.md",
    ]


def test_first_seminar_of_a_new_term_gets_a_new_nav_section(project):
    mkdocs_yml = project / "mkdocs.yml"
    mkdocs_yml.write_text(
        mkdocs_yml.read_text(encoding="utf-8").replace(
            "      2nd_term: {title: 2학기, folder: 2nd-term}\n",
            "      2nd_term: {title: 2학기, folder: 2nd-term}\n      3rd_term: {title: 3학기, folder: 3rd-term}\n",
        ),
        encoding="utf-8",
    )
    assert scaffold(project, term="3rd_term", number=1, slug="start", title="01 시작") == 0
    nav = parse_mkdocs_yml(mkdocs_yml.read_text(encoding="utf-8"))["nav"]
    assert nav[-1] == {"3학기": ["3rd-term/01-start.md"]}
    assert (project / "docs" / "3rd-term" / "01-start.md").is_file()


def test_help_is_in_korean(capsys):
    with pytest.raises(SystemExit) as exit_info:
        new_seminar.main(["--help"])
    assert exit_info.value.code == 0
    help_text = capsys.readouterr().out
    assert "사용법:" in help_text and "회차" in help_text and "--slug" in help_text


# What it refuses ----------------------------------------------------------------


def refused(project, capsys, *args, **changes) -> str:
    """Run the scaffold expecting a refusal; return its message and check nothing was written."""
    before_files = written_files(project)
    before_yml = (project / "mkdocs.yml").read_bytes()
    assert scaffold(project, *args, **changes) == 1
    assert written_files(project) == before_files
    assert (project / "mkdocs.yml").read_bytes() == before_yml
    message = capsys.readouterr().err
    assert "아무 파일도 만들거나 바꾸지 않았습니다" in message
    return message


def test_refuses_to_overwrite_an_existing_page(project, capsys):
    page = project / "docs" / "2nd-term" / "05-neural-networks.md"
    page.write_text("손으로 쓴 글\n", encoding="utf-8")
    message = refused(project, capsys)
    assert "docs/2nd-term/05-neural-networks.md" in message and "덮어쓰지 않습니다" in message
    assert page.read_text(encoding="utf-8") == "손으로 쓴 글\n"


def test_refuses_to_overwrite_an_existing_figures_folder(project, capsys):
    (project / "figures" / "seminar05").mkdir()
    message = refused(project, capsys)
    assert "figures/seminar05" in message and "덮어쓰지 않습니다" in message


def test_running_twice_refuses_the_second_time(project, capsys):
    assert scaffold(project) == 0
    capsys.readouterr()
    assert "이미 있어 덮어쓰지 않습니다" in refused(project, capsys)


def test_refuses_a_term_that_is_not_configured_listing_the_allowed_ones(project, capsys):
    message = refused(project, capsys, term="3rd_term")
    assert "'3rd_term'" in message and "가능한 값: 2nd_term" in message and "extra.course.terms" in message


@pytest.mark.parametrize(
    "slug", ["Neural-Networks", "neural_networks", "신경망", "-neural", "neural--networks", "a b"]
)
def test_refuses_a_slug_that_is_not_lowercase_ascii_with_hyphens(project, capsys, slug):
    message = refused(project, capsys, slug=slug)
    assert f"--slug '{slug}'" in message and "소문자" in message


def test_refuses_a_number_already_used_in_the_term(project, capsys):
    message = refused(project, capsys, number=4, slug="again", title="04 다시")
    assert "4회차" in message and "docs/2nd-term/04-what-to-do-with-data.md" in message


def test_a_bad_date_is_caught_by_the_schema_before_anything_is_written(project, capsys):
    message = refused(project, capsys, date="2022-13-01")
    assert "docs/2nd-term/05-neural-networks.md" in message and "'date'" in message


def test_an_unknown_tag_is_caught_by_the_schema_with_a_hint(project, capsys):
    message = refused(project, capsys, "--tags", "seminr")
    assert "'seminr'" in message and "'seminar' 의 오타" in message
