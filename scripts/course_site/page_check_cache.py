"""What course_site.page_checks found on each page, kept across builds while the page is the same.

Checking every page's text line by line is about 0.3 s of a warm 100-page
build (a new process each time, so nothing survives in memory). The findings
depend only on the page as read (path, front matter, body) and on the
checking code, so they are kept under a hash of those in one JSON file
(``.cache/pages/checks.json`` next to mkdocs.yml); pages no longer in the
site are dropped on each write.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from course_site.content_cache import write_text_atomically
from course_site.page_source import PageSource

# The modules whose code decides the findings: a change to them must not reuse old ones.
_MAKERS = ("page_checks.py", "page_source.py")


class PageCheckCache:
    def __init__(self, path: Path):
        self.path = path
        here = Path(__file__).parent
        code = b"".join((here / name).read_bytes() for name in _MAKERS)
        self.version = hashlib.blake2b(code, digest_size=16).hexdigest()
        self._stored = self._read()
        self._used: dict[str, list[str]] = {}

    def findings(self, page: PageSource, check: Callable[[PageSource], list]) -> list[str]:
        """``check(page)`` as text, from the cache when this page was checked before."""
        key = _key(page)
        found = self._stored.get(key)
        if found is None:
            found = [str(finding) for finding in check(page)]
        self._used[key] = found
        return found

    def save(self) -> None:
        if self._used == self._stored:
            return
        data = {"version": self.version, "pages": self._used}
        write_text_atomically(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))

    def _read(self) -> dict[str, list[str]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):  # none yet, or cut short by a crash: check again
            return {}
        if not isinstance(data, dict) or data.get("version") != self.version:
            return {}
        pages = data.get("pages")
        return pages if isinstance(pages, dict) else {}


def _key(page: PageSource) -> str:
    parts = [page.display, page.meta, page.body_line, page.field_lines]
    head = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=repr)
    digest = hashlib.blake2b(head.encode("utf-8"), digest_size=16)
    digest.update(b"\0" + page.body.encode("utf-8"))
    return digest.hexdigest()
