"""kiwipiepy, loaded once per process and used in batches.

Loading the model takes about a second and 300-500 MiB, so it happens only
when some block of text is not in the analysis cache, and then stays loaded:
``mkdocs serve`` keeps this module imported across rebuilds, and the cached
loader takes no argument that could change between them. kiwipiepy itself is
imported only here, so a build that needs no analysis never imports it.
"""

from __future__ import annotations

import functools
import os

from course_site.errors import CourseBuildError
from course_site.korean_search import Analyse, Morpheme


@functools.cache
def kiwi_analyser() -> Analyse:
    """A batch analyser over kiwipiepy, with one worker thread per CPU core."""
    try:
        from kiwipiepy import Kiwi
    except ImportError:
        raise CourseBuildError(
            "한국어 검색 색인을 만들려면 kiwipiepy 가 필요합니다 (requirements.txt 참고).\n"
            "  설치: .venv/bin/pip install -r requirements.txt -c constraints.txt"
        ) from None
    kiwi = Kiwi(num_workers=os.cpu_count() or 1)

    def analyse(texts: list[str]) -> list[list[Morpheme]]:
        if not texts:
            return []
        # An iterable in, results out in the same order; kiwipiepy spreads the
        # work over its worker threads without the GIL.
        return [[Morpheme(t.form, t.tag, t.start, t.len) for t in tokens] for tokens in kiwi.tokenize(texts)]

    return analyse
