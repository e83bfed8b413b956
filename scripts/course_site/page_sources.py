"""Which pages' Markdown changed since the last build, known before any page is rendered.

The search index learns of an edit only when the edited page is indexed, after
every page is rendered; the Korean analyser it will need takes seconds to load.
Knowing the edited pages from their sources at the start of the build lets
hook_search start the analyser then (course_site.analysis_cache ``prepare``).
A hash of each page's path and source is kept in ``.cache/search/sources.json``.
"""

from __future__ import annotations

from pathlib import Path

from course_site.content_cache import KeyedFile, key_of

VERSION = "1"


class PageSources:
    """The pages of this build whose source differs from the last build's; ``save`` records this build's."""

    def __init__(self, path: Path):
        self.kept = KeyedFile(path, VERSION)

    def changed(self, sources: dict[str, str]) -> dict[str, str]:
        """Of ``sources`` (page path -> Markdown), those not as the last build saw them.

        None when there was no last build to compare with (a first build, or a
        cache made by older code): then nothing is known to have changed.
        """
        known = bool(self.kept.stored)
        changed = {}
        for path, source in sources.items():
            key = key_of(path, source)
            if self.kept.get(key) is None:
                changed[path] = source
            self.kept.put(key, 1)
        return changed if known else {}

    def save(self) -> None:
        self.kept.save()
