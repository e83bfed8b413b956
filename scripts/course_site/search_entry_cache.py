"""Material's search entries for each page, cached across builds.

Material's search plugin parses every page's HTML on every build to cut it
into sections (about a fifth of a warm build's CPU at a hundred pages). What
it makes of a page depends only on the page's HTML, its URL and a few of its
settings, so the entries it made last time are reused while those are the
same: a warm build parses nothing, an edited page costs only itself. The
entries stored are exactly what Material's own parser produced, so the
finished search_index.json is byte for byte the one Material would write.

One file (``.cache/search/entries.json`` next to mkdocs.yml, a
content_cache.KeyedFile) maps a hash of each page's inputs to its entries. It
records the version of Material that made them and is ignored whole when that
differs; pages no longer in the site are dropped on each write.
"""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path

from course_site.content_cache import KeyedFile, key_of

# Bump when what a key covers changes, so entries made under the old rule are not reused.
KEY_VERSION = "2"


def indexer_version() -> str:
    try:
        material = metadata.version("mkdocs-material")
    except metadata.PackageNotFoundError:
        material = "missing"
    return f"{KEY_VERSION};mkdocs-material=={material}"


def page_key(url: str, title: str, settings: dict, content: str) -> str:
    """A hash of everything Material's indexer reads from a page.

    ``settings`` holds the front matter values it reads (title, tags, search);
    they are hashed as JSON with ``str`` for anything JSON cannot hold, which
    is also how Material writes them into the index.
    """
    head = json.dumps([url, title, settings], ensure_ascii=False, sort_keys=True, default=str)
    return key_of(head, content)


class SearchEntryCache:
    """Search entries by page key, read once at the start of a build and written once at its end."""

    def __init__(self, path: Path, version: str | None = None):
        self._file = KeyedFile(path, version or indexer_version())
        self.hits = 0
        self.misses = 0

    def entries(self, key: str) -> list[dict] | None:
        """The entries stored for ``key`` (fresh copies), or None when the page must be parsed."""
        stored = self._file.get(key)
        if stored is None:
            self.misses += 1
            return None
        self.hits += 1
        # Copies: Material keeps the entries it is given and a later step may change them.
        return [dict(entry, tags=list(entry["tags"])) if "tags" in entry else dict(entry) for entry in stored]

    def store(self, key: str, entries: list[dict]) -> None:
        self._file.put(key, entries)

    def save(self) -> None:
        """Write the entries this build used or made; skipped when nothing changed."""
        self._file.save()
