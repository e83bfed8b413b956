"""Settings under mkdocs.yml extra: are checked, and mistakes named with a correct example."""

from __future__ import annotations

import pytest

from course_site.errors import CourseBuildError
from course_site.extra_settings import count, read_settings, seconds, text

DECLARED = {"timeout": seconds(60), "workers": count(0), "colab_branch": text("notebooks")}


def error_for(section_values) -> str:
    with pytest.raises(CourseBuildError) as caught:
        read_settings({"figures": section_values}, "figures", DECLARED)
    return str(caught.value)


def test_missing_section_and_keys_take_the_defaults():
    assert read_settings({}, "figures", DECLARED) == {"timeout": 60.0, "workers": 0, "colab_branch": "notebooks"}
    assert read_settings(None, "figures", DECLARED)["timeout"] == 60.0


def test_given_values_are_returned_with_their_kind():
    values = read_settings({"figures": {"timeout": 90, "workers": 2}}, "figures", DECLARED)
    assert values["timeout"] == 90.0 and isinstance(values["timeout"], float) and values["workers"] == 2


def test_a_timeout_with_a_unit_names_the_key_and_shows_a_correct_line():
    assert error_for({"timeout": "60s"}) == "mkdocs.yml: extra.figures.timeout: 숫자(초)(으)로 쓰세요, 예: timeout: 60"


def test_a_count_written_as_a_word_or_a_fraction_is_named():
    assert "extra.figures.workers: 0 이상의 정수(개수)" in error_for({"workers": "two"})
    assert "extra.figures.workers" in error_for({"workers": 2.5})
    assert "extra.figures.workers" in error_for({"workers": True})  # YAML's yes/true is not a number


def test_a_negative_number_is_named():
    assert "extra.figures.workers: 0 이상이어야 합니다" in error_for({"workers": -1})


def test_an_unknown_key_is_named_with_the_closest_known_one():
    message = error_for({"figure_timeout": 30})
    assert "extra.figures.figure_timeout: 모르는 설정입니다. 혹시 timeout 인가요?" in message
    assert "timeout, workers, colab_branch" in message


def test_every_mistake_of_a_section_is_named_at_once():
    message = error_for({"timeout": "1m", "workers": "many"})
    assert "extra.figures.timeout" in message and "extra.figures.workers" in message


def test_a_section_that_is_not_a_mapping_is_named():
    assert "mkdocs.yml: extra.figures: 설정 목록이어야 합니다" in error_for("60")
