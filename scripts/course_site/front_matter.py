"""Reading the YAML front matter at the top of a Markdown page."""

from __future__ import annotations

import re

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(---|\.\.\.)[ \t]*(\r?\n|\Z)", re.DOTALL)


def front_matter_line_count(source: str) -> int:
    """How many lines the front matter block (with its fences) takes, 0 if none.

    MkDocs hands hooks the Markdown without its front matter; adding this
    count turns a line number in that Markdown into one in the source file.
    """
    match = _FRONT_MATTER.match(source)
    return match.group(0).count("\n") if match else 0
