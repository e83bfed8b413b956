"""A maintainer's mistake stops the build with a message that names the file, before anything slow runs.

One message per kind of mistake is the fault catalogue's job (tests/faults);
these tests, on the fixture course too, are about where a message points and
in what order the build finds mistakes.
"""

from __future__ import annotations

import shutil

import pytest

from course_site.search_worker import FULL_INDEX
from support import mkdocs_build

# A page of the fixture course (tests/fixtures/course), whose lines the test controls.
PAGE = "docs/2022-2/01-first-look.md"


def test_a_reference_to_a_figure_without_script_names_page_line_and_script(fixture_project, tmp_path):
    page = fixture_project / PAGE
    lines = page.read_text(encoding="utf-8").splitlines()
    at = len(lines) - 2  # inside the body, with lines below it: the line must be counted, not guessed
    lines[at:at] = ["", "![없는 그림](../figures/fixture/no_such_figure.svg)", ""]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = mkdocs_build(fixture_project, tmp_path / "out")
    assert result.returncode != 0
    assert f"{PAGE}:{at + 2}:" in result.stderr, result.stderr
    assert "figures/fixture/no_such_figure.py" in result.stderr
    assert "Traceback" not in result.stderr


def stray_figure(project):
    (project / "figures" / "stray.py").write_text('"""떠돌이 그림"""\n\n\ndef draw(rng):\n    return None\n', encoding="utf-8")
    return "figures/stray.py:4"


def raising_figure(project):
    script = next((project / "figures").glob("*/*.py"))
    script.write_text(script.read_text(encoding="utf-8").replace("def draw(rng):", "def draw(rng):\n    1 / 0"), encoding="utf-8")
    return "ZeroDivisionError"


@pytest.mark.parametrize("mistake", [stray_figure, raising_figure], ids=["misplaced-script", "raising-script"])
def test_a_figure_mistake_is_reported_before_any_notebook_runs(fixture_project, tmp_path, mistake):
    """Reading or drawing a figure takes seconds; a notebook's kernel can take minutes, and need not run first."""
    shutil.rmtree(fixture_project / ".cache" / "notebooks")  # every notebook would have to run
    named = mistake(fixture_project)
    result = mkdocs_build(fixture_project, tmp_path / "out")
    assert result.returncode != 0 and named in result.stderr, result.stderr
    assert "새로 실행" not in result.stderr, "a notebook ran before the figure mistake was reported"
    assert "Traceback (most recent call last)" not in result.stderr


def test_a_strict_build_with_a_warning_stops_before_the_search_analysis_and_a_preview_still_makes_the_index(
    fixture_project, tmp_path
):
    # An edited page (its new text would be analysed) that links to no page.
    page = next(path for path in sorted((fixture_project / "docs").glob("*/*.md")))
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\n합성곱 신경망 이야기는 [다음 학기](no-such-page.md)에 이어집니다.\n",
        encoding="utf-8",
    )
    analyses = fixture_project / ".cache" / "search" / "analysis.json"
    kept_before = analyses.read_bytes()
    strict = mkdocs_build(fixture_project, tmp_path / "strict")
    assert strict.returncode != 0 and "no-such-page.md" in strict.stderr
    assert "한국어 검색 색인은 만들지 않았습니다" in strict.stderr
    assert "형태소 분석" not in strict.stderr and "Traceback" not in strict.stderr
    assert analyses.read_bytes() == kept_before  # nothing analysed, nothing kept
    preview = mkdocs_build(fixture_project, tmp_path / "preview", strict=False)
    assert preview.returncode == 0, preview.stderr
    assert "형태소 분석 0블록" not in preview.stderr and "한국어 검색 색인:" in preview.stderr
    assert "합성곱" in (tmp_path / "preview" / FULL_INDEX).read_text(encoding="utf-8")
