"""The last build's finished search_index.json, reused while Material's index and the glossary are the same.

Adding the site's vocabulary parses Material's index (4 MB at a hundred
pages), looks up every block's analysis and writes the index again: about
0.4 s of a warm 100-page build that changed nothing. The result depends only
on Material's index text, the glossary's spellings, the analyser's version
and the code in korean_search.py, so a hash of those finds last build's
index. One file (``.cache/search/finished_index.json``, a
content_cache.SingleEntryFile): the index, with the report of the build that
made it.
"""

from __future__ import annotations

import json
from pathlib import Path

from course_site.content_cache import SingleEntryFile, code_version, key_of
from course_site.korean_search import IndexReport


def finished_key(material_index: str, spellings: list[list[str]], analyser_version: str) -> str:
    makers = code_version(Path(__file__).parent / "korean_search.py")
    return key_of(makers, analyser_version, json.dumps(spellings, ensure_ascii=False), material_index)


class FinishedIndexCache:
    def __init__(self, path: Path):
        self._file = SingleEntryFile(path)

    def get(self, key: str) -> tuple[str, IndexReport] | None:
        """The finished index and the report of the build that made it, or None."""
        stored = self._file.get(key)
        if stored is None or not stored[0]:
            return None
        text, about = stored
        try:
            report = IndexReport(**about)
        except TypeError:  # written by a version whose report had other fields: finish it again
            return None
        # This build analysed nothing: every block counts as cached.
        report.cached_blocks += report.analysed_blocks
        report.analysed_blocks = 0
        return text, report

    def put(self, key: str, text: str, report: IndexReport) -> None:
        self._file.put(key, text, vars(report))
