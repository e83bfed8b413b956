"""The last build's finished search_index.json, reused while Material's index and the glossary are the same.

Adding the site's vocabulary parses Material's index (4 MB at a hundred
pages), looks up every block's analysis and writes the index again: about
0.4 s of a warm 100-page build that changed nothing. The result depends only
on Material's index text, the glossary's spellings, the analyser's version
and the code in korean_search.py, so a hash of those finds last build's
index. One file (``.cache/search/finished_index.json``): the key and the
report's numbers on the first line, the index after it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from course_site.content_cache import write_text_atomically
from course_site.korean_search import IndexReport


def finished_key(material_index: str, spellings: list[list[str]], analyser_version: str) -> str:
    digest = hashlib.blake2b(digest_size=16)
    digest.update((Path(__file__).parent / "korean_search.py").read_bytes())
    for part in (analyser_version, json.dumps(spellings, ensure_ascii=False), material_index):
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


class FinishedIndexCache:
    def __init__(self, path: Path):
        self.path = path

    def get(self, key: str) -> tuple[str, IndexReport] | None:
        """The finished index and the report of the build that made it, or None."""
        try:
            head, _, text = self.path.read_text(encoding="utf-8").partition("\n")
            stored = json.loads(head)
        except (FileNotFoundError, ValueError):  # none yet, or cut short by a crash: finish it again
            return None
        if not isinstance(stored, dict) or stored.get("key") != key or not text:
            return None
        report = IndexReport(**stored["report"])
        # This build analysed nothing: every block counts as cached.
        report.cached_blocks += report.analysed_blocks
        report.analysed_blocks = 0
        return text, report

    def put(self, key: str, text: str, report: IndexReport) -> None:
        head = json.dumps({"key": key, "report": vars(report)}, ensure_ascii=False)
        write_text_atomically(self.path, head + "\n" + text)
