"""The analyser's work on each block of search text, cached across builds.

One file (``.cache/search/analysis.json`` next to mkdocs.yml, a
content_cache.KeyedFile) maps a hash of each title or text to its Analysis. A
build where no text changed finds everything here and never loads the
analyser; an edited page costs only its changed blocks. The file records the
algorithm and analyser versions and is ignored whole when they differ; entries
no longer in the site are dropped on each write, so it does not grow forever.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path

from course_site.content_cache import KeyedFile, key_of
from course_site.korean_analyser import KIWI_OPTIONS
from course_site.korean_search import ALGORITHM_VERSION, Analyse, Analysis, analyse_texts, hangul_pieces

#: Titles and texts analysed together; kiwipiepy still spreads each batch over every core.
BATCH_TEXTS = 200
#: Changed pages whose text is handed ahead to the early analyser in one build: an edit
#: touches one or two. Each handing that brings dictionary entries rebuilds kiwipiepy
#: (about 0.6 s of CPU), so an edit seen on every page (a figure's caption) is not handed
#: page by page (100 pages: 60 s of CPU) but left to the one request at the end.
PREFETCH_PAGES = 2


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
    """Analyses of blocks of text by content hash; ``load_analyser`` is called only on a miss.

    ``start_early`` (optional) gives an analyser that can be handed texts
    ahead (``prepare``, ``prefetch``: analyser_process.AnalyserProcess), or
    None to keep to ``load_analyser``. It is asked for only in a build that
    finds the cache filled (an edit, not a first build): a first build
    analyses everything in batches in this process, where its memory is bounded.
    """

    def __init__(
        self, path: Path, load_analyser: Callable[[], Analyse], start_early: Callable[[], object] | None = None
    ):
        self.path = path
        self.load_analyser = load_analyser
        self.start_early = start_early
        self.version = f"{ALGORITHM_VERSION};{analyser_version()}"
        self._stored: KeyedFile | None = None
        self._early = None
        self._prefetched = 0  # pages handed ahead so far
        self._handed: set[str] = set()  # pieces handed ahead so far

    @property
    def stored(self) -> KeyedFile:
        if self._stored is None:
            self._stored = KeyedFile(self.path, self.version)
        return self._stored

    def prepare(self, sources: list[str]) -> None:
        """Start the early analyser for pages whose ``sources`` (Markdown) changed, before any is rendered.

        It loads, and looks up the dictionary entries the sources may need,
        while the pages are rendered; nothing is analysed yet. Only the first
        PREFETCH_PAGES sources are looked at (an edit touches one or two pages).
        """
        if not sources or not self._early_wanted():
            return
        if self._start():
            self._early.prepare(sources[:PREFETCH_PAGES])

    def prefetch(self, texts: list[str]) -> None:
        """Start analysing what the cache lacks of a changed page's ``texts`` (see ``start_early``)."""
        if not self._early_wanted() or self._prefetched >= PREFETCH_PAGES:
            return
        missing = [text for text in texts if key_of(text) not in self.stored]
        # A page handed ahead when rendered (hook_search on_page_content) comes again when indexed.
        found = dict.fromkeys(piece for text in missing for piece in hangul_pieces(text))
        pieces = [piece for piece in found if piece not in self._handed]
        if not pieces:
            return
        if self._start():
            self._prefetched += 1
            self._handed.update(pieces)
            self._early.prefetch(pieces)

    def abandon(self) -> None:
        """Stop the early analyser without waiting for its answers: the build is failing and drops them."""
        if self._early:
            self._early.stop()
        self._early = False

    def _early_wanted(self) -> bool:
        return self.start_early is not None and self._early is not False and bool(self.stored.stored)

    def _start(self) -> bool:
        if self._early is None:
            self._early = self.start_early() or False  # False: none to be had, do not ask again
        return bool(self._early)

    def analyses(self, texts: list[str], keep: Iterable[str] = ()) -> tuple[list[Analysis], int]:
        """One Analysis per text, and how many texts had to be analysed now.

        ``keep``: hashes of blocks still in the site though not asked for now
        (their analyses are kept in the file for the next build).
        """
        stored = self.stored
        for key in keep:
            stored.get(key)
        keys = [key_of(text) for text in texts]
        found = {key: stored.get(key) for key in keys}
        missing = {key: text for key, text in zip(keys, texts) if found[key] is None}
        if missing:
            analyser = self._early or self.load_analyser()
            # In batches: the morphemes of every piece of text are held until
            # their batch is done, not all of a 500-page site's at once.
            # Each text's analysis depends on that text alone, so batches change nothing.
            keys_missing, texts_missing = list(missing), list(missing.values())
            expect = getattr(analyser, "expect", None)  # the analyser of this process (a cold build)
            if expect is not None:
                expect(sum(len(piece) for text in texts_missing for piece in hangul_pieces(text)))
            for start in range(0, len(texts_missing), BATCH_TEXTS):
                fresh = analyse_texts(texts_missing[start : start + BATCH_TEXTS], analyser)
                for key, analysis in zip(keys_missing[start : start + BATCH_TEXTS], fresh):
                    found[key] = [[list(pair) for pair in analysis.tails], list(analysis.stems)]
                    stored.put(key, found[key])
        stored.save()
        return [_analysis(found[key]) for key in keys], len(missing)


    def by_key(self, key: str) -> Analysis | None:
        """The analysis kept for the block of hash ``key`` (not kept for the next build by asking), or None."""
        found = self.stored.stored.get(key)
        return None if found is None else _analysis(found)


def _analysis(stored: list) -> Analysis:
    tails, stems = stored
    return Analysis(tuple((tail, source) for tail, source in tails), tuple(stems))

