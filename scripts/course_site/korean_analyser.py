"""kiwipiepy, loaded once per process and used in batches.

Loading the model takes about 1.3 s of CPU and 260 MiB (without its
dictionaries of names, which course_site.word_dictionaries loads as far as the
text needs them), so it happens only when some block of text is not in the
analysis cache, and then stays loaded: ``mkdocs serve`` keeps this module
imported across rebuilds, and the cached loader's one argument (the
project's cache folder) does not change between them. kiwipiepy itself is
imported only here, so a build that needs no analysis never imports it.
"""

from __future__ import annotations

import functools
from pathlib import Path

from course_site.cpus import available_cpus
from course_site.errors import CourseBuildError
from course_site.korean_search import Analyse, Morpheme
from course_site.word_dictionaries import WHOLE_ABOVE, WordDictionary

#: Constructor options; part of the analysis cache's version (analysis_cache.analyser_version).
#: The dictionaries these leave out are loaded by course_site.word_dictionaries instead.
KIWI_OPTIONS = {"load_default_dict": False, "load_multi_dict": False}
DICTIONARIES = ("default.dict", "multi.dict")  # in the model's folder, as kiwipiepy would load them


@functools.cache
def kiwi_analyser(cache_dir: Path | None = None) -> KiwiAnalyser:
    """A batch analyser over kiwipiepy, with one worker thread per CPU core.

    ``cache_dir`` keeps the dictionaries' indexes across builds (none: made in memory).
    """
    try:
        import kiwipiepy_model
        from kiwipiepy import Kiwi
    except ImportError:
        raise CourseBuildError(
            "한국어 검색 색인을 만들려면 kiwipiepy 가 필요합니다 (requirements.txt 참고).\n"
            "  설치: .venv/bin/pip install -r requirements.txt -c constraints.txt"
        ) from None
    kiwi = Kiwi(num_workers=available_cpus(), **KIWI_OPTIONS)
    model = Path(kiwipiepy_model.get_model_path())
    dictionaries = [WordDictionary(model / name, kiwi.load_user_dictionary, cache_dir) for name in DICTIONARIES]
    return KiwiAnalyser(kiwi, dictionaries)


class KiwiAnalyser:
    """An Analyse over one kiwipiepy instance; ``prepare`` does the slow part of a first analysis ahead."""

    def __init__(self, kiwi, dictionaries: list[WordDictionary]):
        self.kiwi = kiwi
        self.dictionaries = dictionaries

    def __call__(self, texts: list[str]) -> list[list[Morpheme]]:
        if not texts:
            return []
        for dictionary in self.dictionaries:
            dictionary.cover(texts)
        # An iterable in, results out in the same order; kiwipiepy spreads the
        # work over its worker threads without the GIL.
        analysed = self.kiwi.tokenize(texts)
        return [[Morpheme(t.form, t.tag, t.start, t.len) for t in tokens] for tokens in analysed]

    def expect(self, characters: int) -> None:
        """Batches of this many characters in all are coming: past WHOLE_ABOVE, load whole dictionaries now.

        A cold build would otherwise look entries up for its first batch, rebuild
        the model, and load the files whole at the second (100 pages: about 5 s
        of CPU more). Loading them whole gives kiwipiepy's defaults either way.
        """
        if characters > WHOLE_ABOVE:
            for dictionary in self.dictionaries:
                dictionary.load_whole()

    def prepare(self, texts: list[str]) -> None:
        """Load the dictionary entries ``texts`` may hold and build the model now, analysing nothing.

        kiwipiepy builds its model on the first analysis and again on the first
        after entries were added (about 0.75 s of CPU each): given the Markdown
        of the edited pages before they are rendered, this is over by the time
        their blocks of text come. Entries loaded for text that the blocks turn
        out not to hold change no analysis (course_site.word_dictionaries).
        """
        for dictionary in self.dictionaries:
            dictionary.read_index()
            if texts:
                dictionary.cover(texts)
        self.kiwi.tokenize("가")
