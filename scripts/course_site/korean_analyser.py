"""kiwipiepy, loaded once per process and used in batches.

Loading the model takes about 2 s of CPU and 330 MiB (without the multi-word
dictionary, which course_site.multiword_dictionary loads as far as the text
needs it), so it happens only when some block of text is not in the analysis
cache, and then stays loaded:
``mkdocs serve`` keeps this module imported across rebuilds, and the cached
loader takes no argument that could change between them. kiwipiepy itself is
imported only here, so a build that needs no analysis never imports it.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from course_site.errors import CourseBuildError
from course_site.korean_search import Analyse, Morpheme
from course_site.multiword_dictionary import MultiwordDictionary


#: Constructor options; part of the analysis cache's version (analysis_cache.analyser_version).
#: The multi-word dictionary is loaded by course_site.multiword_dictionary instead.
KIWI_OPTIONS = {"load_multi_dict": False}


@functools.cache
def kiwi_analyser() -> Analyse:
    """A batch analyser over kiwipiepy, with one worker thread per CPU core."""
    try:
        import kiwipiepy_model
        from kiwipiepy import Kiwi
    except ImportError:
        raise CourseBuildError(
            "한국어 검색 색인을 만들려면 kiwipiepy 가 필요합니다 (requirements.txt 참고).\n"
            "  설치: .venv/bin/pip install -r requirements.txt -c constraints.txt"
        ) from None
    kiwi = Kiwi(num_workers=os.cpu_count() or 1, **KIWI_OPTIONS)
    multiword_file = Path(kiwipiepy_model.get_model_path()) / "multi.dict"
    multiword = MultiwordDictionary(multiword_file, kiwi.load_user_dictionary)

    def analyse(texts: list[str]) -> list[list[Morpheme]]:
        if not texts:
            return []
        multiword.cover(texts)
        # An iterable in, results out in the same order; kiwipiepy spreads the
        # work over its worker threads without the GIL.
        return [[Morpheme(t.form, t.tag, t.start, t.len) for t in tokens] for tokens in kiwi.tokenize(texts)]

    return analyse
