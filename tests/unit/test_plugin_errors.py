"""Hook events report our errors through MkDocs: the message, no traceback, priorities kept."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from course_site.errors import CourseBuildError
from plugin_errors import reports_course_errors


def test_a_course_error_becomes_a_plugin_error_with_the_same_message_and_no_chained_traceback():
    @reports_course_errors
    def on_files(files, config):
        raise CourseBuildError("docs/2022-2/05-x.md:3: 'number' 는 1 이상의 정수여야 합니다.")

    with pytest.raises(PluginError) as caught:
        on_files([], config={})
    assert str(caught.value) == "docs/2022-2/05-x.md:3: 'number' 는 1 이상의 정수여야 합니다."
    assert caught.value.__suppress_context__ and caught.value.__cause__ is None


def test_other_exceptions_and_results_pass_through_unchanged():
    @reports_course_errors
    def on_page_markdown(markdown, **kwargs):
        if markdown == "bug":
            raise KeyError("a bug of ours")
        return markdown.upper()

    assert on_page_markdown("abc", page=None) == "ABC"
    with pytest.raises(KeyError):
        on_page_markdown("bug")


def test_the_event_priority_survives_in_either_order():
    @event_priority(100)
    @reports_course_errors
    def outer(files, config):
        return files

    @reports_course_errors
    @event_priority(-50)
    def inner(files, config):
        return files

    assert outer.mkdocs_priority == 100 and inner.mkdocs_priority == -50
