"""Our errors as MkDocs reports them, for the hook files (which import this).

A hook event decorated with ``reports_course_errors`` turns the
``CourseBuildError`` our machinery raises into MkDocs' ``PluginError``: MkDocs
then prints the message (file, line, fix) and stops, with no traceback of our
code. One decorator instead of a try/except in every event, so a new event
cannot forget it.
"""

from __future__ import annotations

import functools

from mkdocs.exceptions import PluginError

from course_site.errors import CourseBuildError


def reports_course_errors(event):
    @functools.wraps(event)  # keeps mkdocs_priority set by @event_priority
    def reported(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except CourseBuildError as error:
            raise PluginError(str(error)) from None

    return reported
