"""kiwipiepy's dictionaries of names, loaded only as far as the text being analysed needs them.

The model ships two: 113,000 single words from Wikipedia and Namuwiki
(``default.dict``) and 250,000 names written with spaces from WikiData
(``multi.dict``: 합성곱 신경망). Loading both with the model costs a build
that analyses one edited paragraph about 0.8 s of CPU and 190 MiB more. An
entry can only change the analysis of a text in which kiwipiepy can match its
form, so while little text has been analysed only the entries that may occur
in it are loaded (the file's own lines); once much has (a cold build), the
rest is loaded and the analyser has what kiwipiepy's defaults give it.

"May occur" is judged loosely, so that no entry kiwipiepy could match is
missed: spaces and case aside (데이터사이언스 matches 데이터 사이언스), and
without the final consonant of any syllable, because kiwipiepy matches on
letters (자모) and a name can end inside a syllable (키윈 is 키위 + ㄴ). An
entry loaded for nothing changes nothing.

Finding those entries must cost far less than loading the dictionary: each
file's forms, so reduced and sorted, are kept in ``.cache/search/`` (made once
per dictionary file) and a text is looked up by its substrings of every
length a form has.
"""

from __future__ import annotations

import bisect
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from course_site.content_cache import SingleEntryFile, code_version, key_of

#: Past this many characters of text analysed, looking entries up for each
#: batch (and rebuilding the analyser with them) costs more than loading the rest once.
WHOLE_ABOVE = 50_000

_SPACE = re.compile(r"\s+")
# Each Hangul syllable to the same syllable without its final consonant (각 -> 가).
_NO_FINAL = {code: 0xAC00 + (code - 0xAC00) // 28 * 28 for code in range(0xAC00, 0xD7A4)}
# Between texts: a character no reduced form contains, so no form is found across two texts.
_APART = "\0"
# In the kept index: between the lines of one form, and between forms (no dictionary line holds either).
_LINE, _FORM = "\x1f", "\x1e"


def reduced(text: str) -> str:
    """``text`` as forms are compared: no whitespace, lower case, no final consonants."""
    return _SPACE.sub("", text).lower().translate(_NO_FINAL)


class DictionaryIndex:
    """The forms of one dictionary file, reduced and sorted, each with the file's lines for it."""

    def __init__(self, forms: list[str], entries: list[str]):
        self.forms = forms  # sorted, unique
        # entries[i]: the file's lines for forms[i], joined by _LINE (a line of the file never holds it)
        self.entries = entries
        self._set = set(forms)
        self._lengths = sorted({len(form) for form in forms})

    @classmethod
    def of_file(cls, path: Path) -> DictionaryIndex:
        by_form: dict[str, list[str]] = {}
        with open(path, encoding="utf-8") as file:
            for line in file:
                if line.startswith("#") or not line.strip():
                    continue
                form = reduced(line.split("\t", 1)[0].replace("++", "+"))  # "++" is how the file writes "+"
                if form:
                    by_form.setdefault(form, []).append(line.rstrip("\n"))
        forms = sorted(by_form)
        return cls(forms, [_LINE.join(by_form[form]) for form in forms])

    @classmethod
    def cached(cls, path: Path, cache_dir: Path | None) -> DictionaryIndex:
        """The index of ``path``, kept in ``cache_dir`` (made again when the file or this code changes)."""
        if cache_dir is None:
            return cls.of_file(path)
        store = SingleEntryFile(cache_dir / f"dictionary-{path.stem}.txt")
        key = key_of(code_version(Path(__file__)), path.read_bytes())
        kept = store.get(key)
        if kept is not None:
            forms, _, entries = kept[0].partition(_FORM)
            return cls(forms.split("\n"), entries.split(_FORM))
        index = cls.of_file(path)
        store.put(key, "\n".join(index.forms) + _FORM + _FORM.join(index.entries))
        return index

    def found_in(self, text: str) -> list[str]:
        """The reduced forms that occur in ``text`` (already reduced)."""
        found: set[str] = set()
        for length in self._lengths:
            if length > len(text):
                break
            found.update(self._set.intersection(text[i : i + length] for i in range(len(text) - length + 1)))
        return sorted(found)

    def lines_of(self, form: str) -> str:
        """The file's lines for ``form``, each ending in a newline."""
        return self.entries[bisect.bisect_left(self.forms, form)].replace(_LINE, "\n") + "\n"

    def originals_of(self, form: str) -> list[str]:
        """The forms that entries of ``form`` are other spellings of (``name<TAB>original/TAG``)."""
        originals = []
        for line in self.lines_of(form).splitlines():
            fields = line.split("\t")
            # Not an analysis (사겼다 -> 사귀/VV + 었/EP + 다/EF), whose parts are the model's own.
            if len(fields) > 1 and "/" in fields[1] and " + " not in fields[1]:
                original = reduced(fields[1].rsplit("/", 1)[0].replace("++", "+"))
                if original != form and original in self._set:
                    originals.append(original)
        return originals


class WordDictionary:
    """Which entries of one dictionary file an analyser has; ``load(path)`` adds a dictionary file to it."""

    def __init__(self, path: Path, load: Callable[[str], object], cache_dir: Path | None = None):
        self.path = path
        self.load = load
        self.cache_dir = cache_dir
        self.whole = False
        self.loaded: set[str] = set()  # reduced forms already added, across batches (mkdocs serve)
        self.lines_loaded = 0
        self.seen = 0  # characters of text covered so far
        self._index: DictionaryIndex | None = None

    @property
    def index(self) -> DictionaryIndex:
        if self._index is None:
            self._index = DictionaryIndex.cached(self.path, self.cache_dir)
        return self._index

    def read_index(self) -> None:
        """Read the index now rather than with the first text (an analyser started ahead of its work)."""
        if not self.whole:
            self.index  # noqa: B018 - the property reads and keeps it

    def cover(self, texts: Iterable[str]) -> int:
        """Load every entry that may occur in ``texts`` and is not loaded yet; how many lines were added."""
        if self.whole:
            return 0
        text = _APART.join(reduced(text) for text in texts)
        self.seen += len(text)
        if self.seen > WHOLE_ABOVE:
            # A cold build gets here on its first batch and never reads the index.
            return self._load_whole()
        try:
            return self._load([form for form in self.index.found_in(text) if form not in self.loaded])
        except ValueError:
            # kiwipiepy refused a part (an entry whose name was not found): the whole file cannot be wrong.
            return self._load_whole()

    def load_whole(self) -> int:
        """Load the whole file now (much text is coming); how many lines were added."""
        return 0 if self.whole else self._load_whole()

    def _load_whole(self) -> int:
        # The file itself, in its own order (a name before its other spellings);
        # kiwipiepy skips the entries it already has.
        self.whole = True
        self._index = None  # not needed any more: its memory goes before the rest of the entries come
        self.load(str(self.path))
        with open(self.path, encoding="utf-8") as file:
            entries = sum(1 for line in file if line.strip() and not line.startswith("#"))
        return entries - self.lines_loaded

    def _load(self, forms: list[str]) -> int:
        if not forms:
            return 0
        # Another spelling of a name (도사보리 강 -> 구 요도가와강/NNP) can only be
        # added after the name itself: the names go first, once.
        with_originals = (name for form in forms for name in (*self.index.originals_of(form), form))
        ordered = list(dict.fromkeys(name for name in with_originals if name not in self.loaded))
        # kiwipiepy reads user dictionaries from a file only.
        lines = "".join(self.index.lines_of(form) for form in ordered)
        handle, name = tempfile.mkstemp(suffix=".dict", text=True)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(lines)
            self.load(name)
        finally:
            os.unlink(name)
        self.loaded.update(ordered)
        added = lines.count("\n")
        self.lines_loaded += added
        return added
