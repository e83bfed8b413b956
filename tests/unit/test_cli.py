"""The shared command-line pieces (scripts/course_site/cli.py): Korean errors that name what was wrong."""

from __future__ import annotations

import pytest

from course_site.cli import KoreanArgumentParser, whole_number


def parser(minimum: int) -> KoreanArgumentParser:
    made = KoreanArgumentParser(prog="tool.py")
    made.add_argument("--runs", type=whole_number(minimum))
    return made


@pytest.mark.parametrize(("minimum", "text", "value"), [(1, "3", 3), (1, "1", 1), (0, "0", 0)])
def test_a_whole_number_at_or_above_the_minimum_is_taken(minimum, text, value):
    assert parser(minimum).parse_args(["--runs", text]).runs == value


@pytest.mark.parametrize(("minimum", "text"), [(1, "0"), (1, "-3"), (0, "-1"), (1, "x"), (1, "2.5")])
def test_anything_else_stops_with_the_option_the_value_and_the_rule(minimum, text, capsys):
    with pytest.raises(SystemExit) as stopped:
        parser(minimum).parse_args(["--runs", text])
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert "--runs" in error and repr(text) in error and f"{minimum} 이상의 정수" in error
    assert "Traceback" not in error
