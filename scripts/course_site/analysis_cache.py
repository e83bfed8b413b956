"""The analyser's work on each block of search text, cached across builds.

One JSON file (``.cache/search/analysis.json`` next to mkdocs.yml) maps a hash
of each title or text to its Analysis. A build where no text changed finds
everything here and never loads the analyser; an edited page costs only its
changed blocks. The file records the algorithm and analyser versions and is
ignored whole when they differ; entries no longer in the site are dropped on
each write, so it does not grow forever. (One file, unlike the other caches of
course_site.content_cache: a build reads every block, so it knows at once which
are unused. Written atomically with the same helper.)
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from course_site.content_cache import write_text_atomically
from course_site.korean_analyser import KIWI_OPTIONS
from course_site.korean_search import ALGORITHM_VERSION, Analyse, Analysis, analyse_texts

#: Titles and texts analysed together; kiwipiepy still spreads each batch over every core.
BATCH_TEXTS = 200


def analyser_version() -> str:
    versions = []
    for package in ("kiwipiepy", "kiwipiepy_model"):
        try:
            versions.append(f"{package}=={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} missing")
    # The options change what the analyser outputs as much as its version does.
    options = ",".join(f"{name}={value}" for name, value in sorted(KIWI_OPTIONS.items()))
    return ";".join([*versions, options])


class AnalysisCache:
    """Analyses of blocks of text by content hash; ``load_analyser`` is called only on a miss."""

    def __init__(self, path: Path, load_analyser: Callable[[], Analyse]):
        self.path = path
        self.load_analyser = load_analyser
        self.version = f"{ALGORITHM_VERSION};{analyser_version()}"

    def analyses(self, texts: list[str]) -> tuple[list[Analysis], int]:
        """One Analysis per text, and how many texts had to be analysed now."""
        stored = self._read()
        keys = [_key(text) for text in texts]
        missing = {key: text for key, text in zip(keys, texts) if key not in stored}
        if missing:
            analyser = self.load_analyser()
            # In batches: the morphemes of every piece of text are held until
            # their batch is done, not all of a 500-page site's at once.
            # Each text's analysis depends on that text alone, so batches change nothing.
            keys_missing, texts_missing = list(missing), list(missing.values())
            for start in range(0, len(texts_missing), BATCH_TEXTS):
                fresh = analyse_texts(texts_missing[start : start + BATCH_TEXTS], analyser)
                for key, analysis in zip(keys_missing[start : start + BATCH_TEXTS], fresh):
                    stored[key] = [[list(pair) for pair in analysis.tails], list(analysis.stems)]
        used = {key: stored[key] for key in keys}
        if missing or len(used) != len(stored):
            self._write(used)
        return [_analysis(used[key]) for key in keys], len(missing)

    def _read(self) -> dict[str, list]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):  # missing, or cut short by a crash: analyse again
            return {}
        if not isinstance(data, dict) or data.get("version") != self.version:
            return {}
        return data.get("blocks") or {}

    def _write(self, blocks: dict[str, list]) -> None:
        data = {"version": self.version, "blocks": blocks}
        write_text_atomically(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def _analysis(stored: list) -> Analysis:
    tails, stems = stored
    return Analysis(tuple((tail, source) for tail, source in tails), tuple(stems))


def _key(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
