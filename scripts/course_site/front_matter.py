"""Reading the YAML front matter at the top of a Markdown page."""

from __future__ import annotations

import re

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(---|\.\.\.)[ \t]*(\r?\n|\Z)", re.DOTALL)


def front_matter_line_count(source: str) -> int:
    """How many lines come before the Markdown MkDocs hands to hooks, 0 if none.

    MkDocs hands hooks the Markdown without its front matter; adding this
    count turns a line number in that Markdown into one in the source file.
    """
    match = _FRONT_MATTER.match(source)
    if not match:
        return 0
    # MkDocs also drops the blank lines between the front matter and the text.
    rest = source[match.end():]
    blank = rest[: len(rest) - len(rest.lstrip("\r\n"))]
    return match.group(0).count("\n") + blank.count("\n")
