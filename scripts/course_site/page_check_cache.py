"""What course_site.page_checks found on each page, kept across builds while the page is the same.

Checking every page's text line by line is about 0.3 s of a warm 100-page
build (a new process each time, so nothing survives in memory). The findings
depend only on the page as read (path, front matter, body) and on the
checking code, so they are kept under a hash of those in one file
(``.cache/pages/checks.json`` next to mkdocs.yml, a content_cache.KeyedFile:
pages no longer in the site are dropped on each write).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from course_site.content_cache import KeyedFile, code_version, key_of
from course_site.page_source import PageSource

# The modules whose code decides the findings: a change to them must not reuse old ones.
_MAKERS = ("page_checks.py", "page_source.py")


class PageCheckCache:
    def __init__(self, path: Path):
        here = Path(__file__).parent
        self._file = KeyedFile(path, version=code_version(*(here / name for name in _MAKERS)))

    def findings(self, page: PageSource, check: Callable[[PageSource], list]) -> list[str]:
        """``check(page)`` as text, from the cache when this page was checked before."""
        key = _key(page)
        found = self._file.get(key)
        if found is None:
            found = [str(finding) for finding in check(page)]
            self._file.put(key, found)
        return found

    def save(self) -> None:
        self._file.save()


def _key(page: PageSource) -> str:
    head = json.dumps([page.display, page.meta, page.body_line, page.field_lines], ensure_ascii=False,
                      sort_keys=True, default=repr)
    return key_of(head, page.body)
