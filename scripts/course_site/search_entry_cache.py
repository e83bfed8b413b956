"""Material's search entries for each page, cached across builds.

Material's search plugin parses every page's HTML on every build to cut it
into sections (about a fifth of a warm build's CPU at a hundred pages). What
it makes of a page depends only on the page's HTML, its URL and a few of its
settings, so the entries it made last time are reused while those are the
same: a warm build parses nothing, an edited page costs only itself. The
entries stored are exactly what Material's own parser produced, so the
finished search_index.json is byte for byte the one Material would write.

One JSON file (``.cache/search/entries.json`` next to mkdocs.yml) maps a hash
of each page's inputs to its entries. It records the version of Material that
made them and is ignored whole when that differs; pages no longer in the site
are dropped on each write (one file, like the analysis cache: a build sees
every page, so it knows which entries are unused).
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path

from course_site.content_cache import write_text_atomically

# Bump when what a key covers changes, so entries made under the old rule are not reused.
KEY_VERSION = "1"


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
    digest = hashlib.blake2b(digest_size=16)
    head = json.dumps([url, title, settings], ensure_ascii=False, sort_keys=True, default=str)
    digest.update(head.encode("utf-8"))
    digest.update(b"\0")
    digest.update(content.encode("utf-8"))
    return digest.hexdigest()


class SearchEntryCache:
    """Search entries by page key, read once at the start of a build and written once at its end."""

    def __init__(self, path: Path, version: str | None = None):
        self.path = path
        self.version = version or indexer_version()
        self._stored = self._read()
        self._used: dict[str, list[dict]] = {}
        self.hits = 0
        self.misses = 0

    def entries(self, key: str) -> list[dict] | None:
        """The entries stored for ``key`` (fresh copies), or None when the page must be parsed."""
        stored = self._stored.get(key)
        if stored is None:
            self.misses += 1
            return None
        self.hits += 1
        self._used[key] = stored
        # Copies: Material keeps the entries it is given and a later step may change them.
        return [dict(entry, tags=list(entry["tags"])) if "tags" in entry else dict(entry) for entry in stored]

    def store(self, key: str, entries: list[dict]) -> None:
        # The entries themselves, not a copy: a cold 500-page build would hold the
        # index's text twice. Nothing changes them before save() writes them;
        # ``default=str`` there is how Material writes what JSON cannot hold.
        self._used[key] = list(entries)

    def save(self) -> None:
        """Write the entries this build used or made; skipped when nothing changed."""
        if not self.misses and len(self._used) == len(self._stored):
            return
        data = {"version": self.version, "pages": self._used}
        write_text_atomically(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str))
        self._stored = dict(self._used)

    def _read(self) -> dict[str, list[dict]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):  # missing, or cut short by a crash: parse again
            return {}
        if not isinstance(data, dict) or data.get("version") != self.version:
            return {}
        pages = data.get("pages")
        return pages if isinstance(pages, dict) else {}
