"""The 용어집 page's term list, kept from the last build while nothing it is made from changed.

The list is made from every rendered page (where each term is taught), so
making it reads all the site's HTML: about 0.7 s of a warm 100-page build.
It depends only on the glossary file, the pages' URLs, titles and HTML, the
glossary page's own URL and the code that makes it, so a hash of those finds
last build's list. One entry (``.cache/search/glossary.json``): there is one
list per site.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from course_site.content_cache import write_text_atomically

# The modules whose code decides the list: a change to them must not reuse an old list.
_MAKERS = ("glossary.py", "glossary_page.py")


def listing_key(glossary_text: str, page_url: str, pages: Iterable[tuple[str, str, str]]) -> str:
    """A hash of the glossary file, the glossary page's URL and every (url, title, html) page."""
    digest = hashlib.blake2b(digest_size=16)
    here = Path(__file__).parent
    for name in _MAKERS:
        digest.update((here / name).read_bytes())
    for part in (glossary_text, page_url):
        digest.update(part.encode("utf-8") + b"\0")
    for url, title, content in pages:
        for part in (url, title, content):
            digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


class GlossaryListingCache:
    def __init__(self, path: Path):
        self.path = path

    def get(self, key: str) -> str | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):  # none yet, or cut short by a crash: make it again
            return None
        if not isinstance(data, dict) or data.get("key") != key or not isinstance(data.get("html"), str):
            return None
        return data["html"]

    def put(self, key: str, listing: str) -> None:
        write_text_atomically(self.path, json.dumps({"key": key, "html": listing}, ensure_ascii=False))
