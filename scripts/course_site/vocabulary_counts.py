"""The search index's Korean vocabulary kept as counts, so that an edit patches it instead of adding it all up.

korean_search.build_search_index adds up the analyses of every title and text
of the site (about 0.5 s of a 100-page edit build, on the path the build waits
for). The vocabulary is a sum over blocks: a stem is in it while some block
holds it, and a tail's compounds are ordered by how many blocks hold each. So
the counts are kept (``.cache/search/vocabulary.json``, with the multiset of
block hashes they were made from), and a build whose blocks differ from the
last build's by a few subtracts the removed blocks' analyses and adds the new
ones'. The result is the one build_search_index makes (tests compare them); the
counts are made again from scratch whenever the code that defines them changes.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from course_site import korean_search
from course_site.content_cache import SingleEntryFile, code_version, key_of
from course_site.korean_search import PARTICLES, Analysis, IndexReport, build_search_index, displayed, entry_texts

#: Past this share of blocks changed, adding everything up again is as quick.
PATCH_AT_MOST = 0.2


def counts_version(analyser_version: str) -> str:
    here = Path(__file__).parent
    return key_of(analyser_version, code_version(here / "korean_search.py", here / "vocabulary_counts.py"))


class Vocabulary:
    """How many blocks hold each stem and each (tail, compound), and of which blocks (by hash) it is made.

    ``order`` is each tail's compounds as the index lists them, kept for the
    tails no block added or removed since it was made.
    """

    def __init__(self, blocks: dict[str, int], stems: dict[str, int], tails: dict[str, dict[str, int]], order=None):
        self.blocks, self.stems, self.tails = blocks, stems, tails
        self.order: dict[str, list[str]] = order or {}

    @classmethod
    def of(cls, keys: list[str], analyses: list[Analysis]) -> Vocabulary:
        vocabulary = cls({}, {}, {})
        for key, analysis in zip(keys, analyses):
            vocabulary.add(key, analysis, 1)
        return vocabulary

    def add(self, key: str, analysis: Analysis, times: int) -> None:
        """Count ``analysis`` for ``times`` more blocks (fewer, when negative)."""
        _count(self.blocks, key, times)
        for stem in analysis.stems:
            _count(self.stems, stem, times)
        for tail, source in set(analysis.tails):
            sources = self.tails.setdefault(tail, {})
            _count(sources, source, times)
            if not sources:
                del self.tails[tail]
            self.order.pop(tail, None)

    def korean(self, glossary_spellings: list) -> dict:
        """The index's ``config.korean``, as build_search_index writes it."""
        for tail, sources in self.tails.items():
            if tail not in self.order:
                self.order[tail] = korean_search._compound_order(sources)
        return {
            "stems": sorted(self.stems),
            "tails": [[tail, self.order[tail]] for tail in sorted(self.tails)],
            "particles": PARTICLES,
            "glossary": glossary_spellings,
        }

    def dump(self) -> str:
        state = [self.blocks, self.stems, self.tails, self.order]
        return json.dumps(state, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def load(cls, text: str) -> Vocabulary:
        return cls(*json.loads(text))


def _count(counts: dict[str, int], key: str, times: int) -> None:
    count = counts.get(key, 0) + times
    if count:
        counts[key] = count
    else:
        del counts[key]


def vocabulary_index(
    index: dict,
    cached: Callable[..., tuple[list[Analysis], int]],
    by_key: Callable[[str], Analysis | None],
    glossary,
    kept: SingleEntryFile,
    version: str,
) -> IndexReport:
    """build_search_index on a parsed Material index, or last build's counts patched when few blocks changed.

    ``cached(texts, keep=keys)`` returns one Analysis per text and how many
    were analysed now (AnalysisCache.analyses: ``keep``, the hashes of blocks
    still in the site though not asked for); ``by_key(key)`` is the cached
    analysis of a block by its hash (a block no longer in the site), or None.
    ``kept`` holds the counts between builds, valid for ``version``.
    """
    stored = kept.get(version)
    patched = _patched(index, cached, by_key, glossary, Vocabulary.load(stored[0]) if stored else None)
    if patched:
        report, vocabulary = patched
    else:
        seen: dict = {}

        def seeing(texts: list[str]) -> tuple[list[Analysis], int]:
            seen["texts"], (seen["analyses"], analysed) = texts, cached(texts)
            return seen["analyses"], analysed

        report = build_search_index(index, seeing, glossary)
        vocabulary = Vocabulary.of([key_of(text) for text in seen["texts"]], seen["analyses"])
        vocabulary.order = dict(index["config"]["korean"]["tails"])
    kept.put(version, vocabulary.dump())
    return report


def _patched(index: dict, cached, by_key, glossary, vocabulary: Vocabulary | None):
    """(report, vocabulary) made by patching ``vocabulary``; None when too much changed to be worth it."""
    if vocabulary is None:
        return None
    docs = index["docs"]
    texts = entry_texts([{name: displayed(entry.get(name) or "") for name in ("title", "text")} for entry in docs])
    keys = [key_of(text) for text in texts]
    now, before = Counter(keys), Counter(vocabulary.blocks)
    gone, new = before - now, now - before
    if sum(gone.values()) + sum(new.values()) > PATCH_AT_MOST * len(keys):
        return None
    removed = {key: by_key(key) for key in gone}
    if any(analysis is None for analysis in removed.values()):
        return None
    first_text = dict(zip(reversed(keys), reversed(texts)))
    # Every block is asked for, so the analysis cache keeps them all; only the new ones are read.
    analyses, analysed = cached([first_text[key] for key in new], keep=keys)
    for key, analysis in removed.items():
        vocabulary.add(key, analysis, -gone[key])
    for key, analysis in zip(new, analyses):
        vocabulary.add(key, analysis, new[key])
    for entry in docs:  # what build_search_index does to them
        for name in ("title", "text"):
            if entry.get(name):
                entry[name] = displayed(entry[name])
    index["config"]["korean"] = korean = vocabulary.korean(glossary.spellings())
    report = IndexReport(analysed_blocks=analysed, cached_blocks=len(texts) - analysed)
    report.stems, report.tails = len(korean["stems"]), len(korean["tails"])
    return report, vocabulary
