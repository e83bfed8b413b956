"""scripts/new_seminar.py: a new seminar's page and example figure, and nothing else.

The project is the small fixture course (2022-2 has seminars 01 and 02,
2023-1 has 01).
"""

from __future__ import annotations

import ast
import re
import shutil

import new_seminar
import pytest
from course_checks import check_course_site
from course_site.page_source import parse_page
from course_site.scaffold import Project
from course_site.seminars import CourseConfig, validate
from course_site.unfinished import SCAFFOLD_SUMMARY, TODO_COMMENT
from support import FIXTURE_COURSE, ROOT, mkdocs_build, run_script, soup

SEMINAR_05 = {
    "number": "5",
    "slug": "neural-networks",
    "title": "05 신경망 첫걸음",
    "presenter": "홍길동",
    "date": "2022-11-10",
}
PAGE_05 = "docs/2022-2/05-neural-networks.md"


def arguments(**changes) -> list[str]:
    # --name=value, so that a value starting with "-" is still a value
    return [f"--{name}={value}" for name, value in {**SEMINAR_05, **changes}.items()]


@pytest.fixture
def project(tmp_path):
    """What the scaffold reads and writes: mkdocs.yml and the fixture course's pages and figures (no build)."""
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(FIXTURE_COURSE / "docs", tmp_path / "docs")
    shutil.copytree(FIXTURE_COURSE / "figures", tmp_path / "figures")
    return tmp_path


def scaffold(project, *args, **changes) -> int:
    return new_seminar.main([*arguments(**changes), *args, "--project", str(project)])


def mark_lines(page: str) -> list[int]:
    """Lines of a page holding one of the scaffold's marks."""
    marks = (SCAFFOLD_SUMMARY, TODO_COMMENT)
    return [number for number, line in enumerate(page.splitlines(), start=1) if any(m in line for m in marks)]


def files_in(project) -> dict[str, bytes]:
    return {
        path.relative_to(project).as_posix(): path.read_bytes()
        for path in project.rglob("*")
        if path.is_file()
    }


# What it makes ----------------------------------------------------------------


def test_it_writes_only_the_page_and_an_example_figure_script(project):
    before = files_in(project)
    assert scaffold(project) == 0
    after = files_in(project)
    assert set(after) - set(before) == {PAGE_05, "figures/seminar05/example.py"}
    assert {name: after[name] for name in before} == before, "nothing else changes, mkdocs.yml included"


def test_page_front_matter_follows_the_schema_and_leaves_the_term_to_the_folder(project):
    assert scaffold(project, "--presenter=김철수") == 0
    page = parse_page((project / PAGE_05).read_bytes(), PAGE_05)
    assert page.meta == {
        "title": "05 신경망 첫걸음",
        "number": 5,
        "date": "2022-11-10",
        "presenters": ["홍길동", "김철수"],
        "tags": ["seminar"],
        "summary": SCAFFOLD_SUMMARY,
    }
    body = page.body
    assert body.count("\n# ") + body.startswith("# ") == 1, "the title is the only h1"
    assert "![예시 그림: 측정값과 추세선](../figures/seminar05/example.svg)" in body


def test_page_front_matter_passes_the_seminar_schema(project):
    assert scaffold(project, "--tags", "seminar", "실습") == 0
    src_uri = PAGE_05.removeprefix("docs/")
    page = parse_page((project / PAGE_05).read_bytes(), PAGE_05)
    seminar, errors = validate(page, src_uri, CourseConfig(tags=Project.load(project).tags))
    assert errors == [] and seminar.tags == ("seminar", "실습")


def test_the_term_comes_from_the_date_and_a_new_term_folder_is_created(project):
    assert scaffold(project, number=1, slug="spring", title="01 봄", date="2024-03-14") == 0
    assert (project / "docs" / "2024-1" / "01-spring.md").is_file()
    assert scaffold(project, number=1, slug="winter", title="01 겨울", date="2025-01-20") == 0
    assert (project / "docs" / "2024-2" / "01-winter.md").is_file(), "January continues the autumn term"


def test_the_term_option_overrides_the_date(project):
    assert scaffold(project, "--term=2023-summer", number=3, slug="camp", title="03 여름 캠프") == 0
    assert (project / "docs" / "2023-summer" / "03-camp.md").is_file()


def test_a_number_another_term_uses_gets_a_figure_folder_of_its_own_term(project):
    # 2023-1 has a seminar 01; 2022-2's new seminar 01 must not share its figures folder
    (project / "docs" / "2022-2" / "01-first-look.md").unlink()
    assert scaffold(project, number=1, slug="again", title="01 다시") == 0
    assert (project / "figures" / "2022-2" / "seminar01" / "example.py").is_file()
    page = (project / "docs" / "2022-2" / "01-again.md").read_text(encoding="utf-8")
    assert "](../figures/2022-2/seminar01/example.svg)" in page


def test_it_prints_every_place_to_finish_with_page_and_line(project, capsys):
    assert scaffold(project) == 0
    out = capsys.readouterr().out
    page = (project / PAGE_05).read_text(encoding="utf-8")
    printed = [int(line) for line in re.findall(rf"^  {re.escape(PAGE_05)}:(\d+): ", out, re.MULTILINE)]
    assert printed == mark_lines(page)
    lines = page.splitlines()
    assert lines[printed[0] - 1] == f'summary: "{SCAFFOLD_SUMMARY}"'
    assert all(TODO_COMMENT in lines[line - 1] for line in printed[1:]) and len(printed) >= 4
    assert "다음에 할 일" in out


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


def test_help_is_in_korean(capsys):
    with pytest.raises(SystemExit) as exit_info:
        new_seminar.main(["--help"])
    assert exit_info.value.code == 0
    help_text = capsys.readouterr().out
    assert "사용법:" in help_text and "회차" in help_text and "--slug" in help_text and "--term" in help_text


def test_a_finished_seminar_shows_everywhere_and_an_unfinished_one_is_refused_naming_each_mark(tmp_path, fixture_project):
    """Two scaffolded seminars: the unfinished one stops the strict build naming each mark; without it the site passes."""
    project = fixture_project
    unfinished = "docs/2022-2/06-left-unfinished.md"
    for changes in ({}, {"number": 6, "slug": "left-unfinished", "title": "06 미완성"}):
        result = run_script("new_seminar.py", *arguments(**changes), "--project", str(project))
        assert result.returncode == 0, result.stderr
    # What the author does to seminar 05: a summary, and text in place of every mark.
    page = project / PAGE_05
    text = page.read_text(encoding="utf-8").replace(
        SCAFFOLD_SUMMARY, "신경망의 뉴런과 층을 처음 만나 봅니다."
    )
    page.write_text(
        re.sub(rf"{re.escape(TODO_COMMENT)}.*?-->", "본문입니다.", text, flags=re.DOTALL), encoding="utf-8"
    )

    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0
    marks = mark_lines((project / unfinished).read_text(encoding="utf-8"))
    assert [line for line in marks if f"{unfinished}:{line}:" not in build.stderr] == []
    assert PAGE_05 not in build.stderr, build.stderr

    (project / unfinished).unlink()
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.stderr
    seminars = check_course_site(project, tmp_path / "site")
    assert "2022-2/05-neural-networks/" in [seminar.url for seminar in seminars]
    figure = soup(tmp_path / "site" / "2022-2" / "05-neural-networks" / "index.html").select_one("figure")
    assert figure is not None and figure.figcaption.get_text().startswith("예시 그림")


# What it refuses ----------------------------------------------------------------


def refused(project, capsys, *args, **changes) -> str:
    """Run the scaffold expecting a refusal; return its message and check nothing was written."""
    before = files_in(project)
    assert scaffold(project, *args, **changes) == 1
    assert files_in(project) == before
    message = capsys.readouterr().err
    assert "아무 파일도 만들거나 바꾸지 않았습니다" in message
    return message


def test_refuses_to_overwrite_an_existing_page(project, capsys):
    page = project / PAGE_05
    page.write_text("손으로 쓴 글\n", encoding="utf-8")
    message = refused(project, capsys)
    assert PAGE_05 in message and "이미" in message
    assert page.read_text(encoding="utf-8") == "손으로 쓴 글\n"


def test_refuses_to_write_into_an_existing_figures_folder(project, capsys):
    (project / "figures" / "seminar05").mkdir()
    message = refused(project, capsys)
    assert "figures/seminar05" in message and "덮어쓰지 않습니다" in message


def test_running_twice_refuses_the_second_time_naming_the_page_made_the_first_time(project, capsys):
    assert scaffold(project) == 0
    capsys.readouterr()
    message = refused(project, capsys)
    assert "5회차는 이미" in message and PAGE_05 in message


def test_refuses_a_number_already_used_in_the_term_naming_the_page(project, capsys):
    (project / "figures" / "seminar02").mkdir()  # the seminar's figures exist too; the page is the reason
    message = refused(project, capsys, number=2, slug="again", title="02 다시")
    assert "2회차" in message and "docs/2022-2/02-linear-regression.md" in message


def test_refuses_a_term_key_that_is_not_a_term_with_the_format(project, capsys):
    message = refused(project, capsys, "--term=2nd_term")
    assert "'2nd_term'" in message and "2023-1" in message


@pytest.mark.parametrize(
    "slug", ["Neural-Networks", "neural_networks", "신경망", "-neural", "neural--networks", "a b"]
)
def test_refuses_a_slug_that_is_not_lowercase_ascii_with_hyphens(project, capsys, slug):
    message = refused(project, capsys, slug=slug)
    assert f"--slug '{slug}'" in message and "소문자" in message


@pytest.mark.parametrize("date", ["2022-13-01", "2022/11/10", "다음 주"])
def test_refuses_a_date_that_is_not_a_date(project, capsys, date):
    message = refused(project, capsys, date=date)
    assert f"--date '{date}'" in message and "YYYY-MM-DD" in message


def test_refuses_a_number_below_one(project, capsys):
    assert "1 이상" in refused(project, capsys, number=0)


def test_refuses_an_unknown_tag_with_a_hint(project, capsys):
    message = refused(project, capsys, "--tags", "seminr")
    assert "'seminr'" in message and "'seminar' 의 오타" in message
