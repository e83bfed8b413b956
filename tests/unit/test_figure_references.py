"""A page's image path that matches no figure gets the diagnosis that fits the mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from course_site.errors import CourseBuildError
from course_site.figures.discover import discover
from course_site.figures.references import explain_unknown_reference, unknown_figure_references

PAGE = "2023-1/05-neural-networks.md"
KNOWN = {"figures/seminar05/perceptron.svg", "figures/seminar05/activation.svg"}


@pytest.fixture
def project(tmp_path) -> Path:
    (tmp_path / "figures" / "seminar05").mkdir(parents=True)
    for name in ("perceptron", "activation"):
        (tmp_path / "figures" / "seminar05" / f"{name}.py").write_text('"""그림"""\n', encoding="utf-8")
    return tmp_path


def test_a_raster_suffix_for_a_drawn_figure_asks_for_the_svg_path(project):
    message = explain_unknown_reference("../figures/seminar05/perceptron.png", PAGE, KNOWN, project)
    assert "'../figures/seminar05/perceptron.svg' 로 고치세요" in message
    assert "없습니다" not in message


def test_a_script_saved_directly_in_figures_is_told_to_move_into_a_group_folder(project):
    (project / "figures" / "stray.py").write_text('"""그림"""\n', encoding="utf-8")
    message = explain_unknown_reference("../figures/stray.svg", PAGE, KNOWN, project)
    assert "figures/stray.py 가 figures/ 바로 아래에 있어" in message
    assert "묶음 폴더로 옮기세요" in message


def test_an_underscore_script_is_named_as_a_helper_module(project):
    (project / "figures" / "seminar05" / "_shared.py").write_text("", encoding="utf-8")
    message = explain_unknown_reference("../figures/seminar05/_shared.svg", PAGE, KNOWN, project)
    assert "_ 를 뺀 이름" in message


def test_a_typo_suggests_the_figure_it_probably_meant(project):
    message = explain_unknown_reference("../figures/seminar05/perceptorn.svg", PAGE, KNOWN, project)
    assert "figures/seminar05/perceptorn.py 이(가) 없습니다" in message
    assert "'../figures/seminar05/perceptron.svg' 인가요?" in message


def test_a_path_near_nothing_says_no_script_draws_it(project):
    message = explain_unknown_reference("../figures/seminar09/loss_curve.svg", PAGE, KNOWN, project)
    assert "그릴 스크립트 figures/seminar09/loss_curve.py 이(가) 없습니다" in message
    assert "그 이름의 그림 스크립트를 만드세요" in message


def test_a_figure_script_saved_directly_in_figures_stops_discovery_naming_it(project):
    (project / "figures" / "stray.py").write_text(
        '"""떠돌이 그림"""\n\n\ndef draw(rng):\n    return None\n', encoding="utf-8"
    )
    with pytest.raises(CourseBuildError) as error:
        discover(project / "figures")
    assert "figures/stray.py:4" in str(error.value)
    assert "묶음 폴더로 옮기세요" in str(error.value)


def test_shared_modules_directly_in_figures_are_not_figures(project):
    (project / "figures" / "figure_style.py").write_text("def apply_style():\n    pass\n", encoding="utf-8")
    assert [source.name for source in discover(project / "figures")] == [
        "seminar05/activation",
        "seminar05/perceptron",
    ]


def test_unknown_references_are_found_with_lines_outside_code_fences():
    markdown = (
        "![a](../figures/seminar05/perceptron.svg)\n```\n![x](../figures/seminar05/missing.svg)\n```\n\n"
        "![b](../figures/seminar05/gone.svg)\n"
    )
    assert unknown_figure_references(markdown, PAGE, KNOWN) == [(6, "../figures/seminar05/gone.svg")]


def test_a_raw_img_tag_into_figures_is_checked_like_a_markdown_image():
    markdown = (
        '<img src="../figures/seminar05/activation.svg" alt="활성화 함수">\n'
        '<p><img alt="없는 그림" src="../figures/seminar05/nope.svg"></p>\n'
    )
    assert unknown_figure_references(markdown, PAGE, KNOWN) == [(2, "../figures/seminar05/nope.svg")]


def test_images_outside_figures_and_on_other_servers_are_not_figure_references():
    markdown = "![사진](../assets/photo.jpg)\n![원격](https://example.com/figures/x.svg)\n"
    assert unknown_figure_references(markdown, PAGE, KNOWN) == []
