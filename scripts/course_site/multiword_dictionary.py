"""kiwipiepy's multi-word dictionary, loaded only as far as the text being analysed needs it.

The model ships a dictionary of 250,000 names written with spaces (합성곱 신경망,
데이터 사이언스, from WikiData). Loading it whole doubles what starting the
analyser costs (CPU 2.0 -> 4.2 s, memory 330 -> 520 MiB), which a build
that analyses one edited paragraph pays in full. An entry can only change the
analysis of a text that contains it (spaces aside: 데이터사이언스 matches too),
so while little text has been analysed only those entries are loaded (the
same lines of the same file); once much has (a cold build), the rest of the
file is loaded, and the analyser then has what kiwipiepy's default gives it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

#: Past this many characters of text analysed, scanning the dictionary for
#: each batch costs more than loading the rest of it once.
WHOLE_ABOVE = 50_000


class MultiwordDictionary:
    """Which entries of ``path`` an analyser has; ``load(path)`` adds a dictionary file to it."""

    def __init__(self, path: Path, load: Callable[[str], object]):
        self.path = path
        self.load = load
        self.whole = False
        self.loaded: set[str] = set()  # forms already added, across batches (mkdocs serve)
        self.seen = 0  # characters of text covered so far

    def cover(self, texts: Iterable[str]) -> int:
        """Load every entry that occurs in ``texts`` and is not loaded yet; how many were added."""
        if self.whole:
            return 0
        squeezed = "\n".join(texts).replace(" ", "")
        self.seen += len(squeezed)
        if self.seen > WHOLE_ABOVE:
            self.whole = True
            return self._load_lines(self._lines(lambda form: form not in self.loaded))
        pairs = {squeezed[i : i + 2] for i in range(len(squeezed) - 1)}

        def wanted(form: str) -> bool:
            key = form.replace(" ", "")
            # The two-character test first: almost every entry fails it at once.
            return key[:2] in pairs and key in squeezed and form not in self.loaded

        return self._load_lines(self._lines(wanted))

    def _lines(self, wanted: Callable[[str], bool]) -> list[tuple[str, str]]:
        found = []
        with open(self.path, encoding="utf-8") as file:
            for line in file:
                if line.startswith("#") or not line.strip():
                    continue
                form = line.split("\t", 1)[0]
                if wanted(form):
                    found.append((form, line if line.endswith("\n") else line + "\n"))
        return found

    def _load_lines(self, found: list[tuple[str, str]]) -> int:
        if not found:
            return 0
        # kiwipiepy reads user dictionaries from a file only.
        handle, name = tempfile.mkstemp(suffix=".dict", text=True)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.writelines(line for _, line in found)
            self.load(name)
        finally:
            os.unlink(name)
        self.loaded.update(form for form, _ in found)
        return len(found)
