"""Morpheme-aware Korean search index for Material's built-in (lunr) search.

Material's search splits text into tokens with one regex (``separator``) and
matches every query word as a *prefix* of a token. Korean glues particles and
endings to words (딥러닝은) and builds compounds (지도학습), so a reader who
types 학습 or 역전파 misses text that stock search indexed as 지도학습 or
오차역전파(backpropagation)로. The fix happens at build time, on the finished
``search/search_index.json``; the reader's browser gets no analyser:

1. **Zero-width separators.** In every title and text, a U+200B is inserted
   where a content morpheme (noun, verb root, English word, number, ...)
   starts inside a word: 지도학습은 → 지도\u200b학습은. ``SEPARATOR`` splits on
   it, so 학습 becomes a token of its own. Particles and endings stay glued to
   the morpheme before them (학습은): they never become tokens, so a query such
   as 은 does not match every section, and prefix matching still finds 학습.
2. **Compound fields** (``title_compounds``, ``text_compounds``; indexed by
   lunr, never displayed). Splitting 딥러닝 into 딥 + 러닝 would stop the query
   딥러닝 from matching, so each compound is kept whole, without its particle,
   together with its tails (오차역전파, 차역전파, 역전파); adjacent bare nouns
   are joined as well (차원 축소 → 차원축소), because Korean spacing of
   compound nouns is optional and readers type both.
3. **Query side, in the same ``SEPARATOR``.** Its last alternative consumes
   particles and endings at the end of a query word (딥러닝은 → 딥러닝,
   모델을 → 모델). The same regex runs over the index, where it only touches the
   last word of a block, and identically on both sides, so nothing is lost.

The module holds plain functions over plain values; scripts/hook_search.py
adapts them to MkDocs. kiwipiepy is imported only when a page is not cached.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

from course_site.errors import CourseBuildError

# Bump when the output of segment_entry changes, so old cache files are not reused.
ALGORITHM_VERSION = "4"

ZWSP = "\u200b"

# Particles, copula and common verb endings a reader may type after a word.
# Order inside the group does not matter (the regex backtracks); any sequence
# of them is consumed (에서+는, 들+이). A wrong strip only shortens the query
# word, which still matches the full word as a prefix.
QUERY_PARTICLES = (
    "에서|에게|께서|한테|으로|로서|로써|까지|부터|처럼|보다|마다|이나|이란|이라|라는|란|"
    "이다|입니다|하는|하고|하기|하여|하면|한다|하다|했다|된다|되는|되어|적인|적으로|들|"
    "[은는이가을를의에와과도로만]"
)
# First syllables of the alternatives above: a cheap first test for the regex.
_PARTICLE_FIRST_SYLLABLES = "".join(
    sorted(
        {
            char
            for piece in QUERY_PARTICLES.split("|")
            for char in (piece.strip("[]") if piece.startswith("[") else piece[0])
        }
    )
)

#: The ``separator`` of the search plugin (mkdocs.yml must say exactly this;
#: scripts/hook_search.py checks). Applied by the reader's browser to the index
#: text and to every query word. Alternatives, cheapest first:
#:   - particles after a closing bracket or quote, or at the start of a
#:     block of text (after markup such as </code>): in (Supervised Learning)은
#:     or '머신러닝'이라는 the particle would otherwise be a token of its own
#:     and match the query 은 (a query of particles alone finds nothing);
#:   - whitespace, U+200B, hyphen, brackets and quotes, so 지도학습(Supervised
#:     and "Transformer" give plain tokens;
#:   - sentence punctuation before a space or the end;
#:   - trailing particles/endings after at least two letters of a word (the
#:     first lookahead fails fast at almost every position of the index text).
#: Uses lookbehind (Safari >= 16.4, every current Chromium and Firefox).
SEPARATOR = (
    rf"(?:^|[)\]}}\"'”’]+)(?:{QUERY_PARTICLES})+(?=[\s\u200b.,!?;:]|$)"
    r"|[\s\u200b\-()\[\]{}·…,/\"'“”‘’]+"
    r"|[.!?;:]+(?=[\s\u200b]|$)"
    rf"|(?=[{_PARTICLE_FIRST_SYLLABLES}])(?<=[가-힣A-Za-z0-9]{{2}})(?:{QUERY_PARTICLES})+$"
)

#: Extra lunr fields (name -> boost); mkdocs.yml's ``search.fields`` must list them.
COMPOUND_FIELDS = {"title_compounds": 1000.0, "text_compounds": 1.0}

# kiwipiepy tag prefixes that start a searchable unit inside a word. Everything
# else (J* particles, E* endings, XS* suffixes, VCP copula, punctuation) stays
# glued to the unit before it.
CONTENT_TAGS = ("NN", "NR", "NP", "SL", "SH", "SN", "XR", "XPN", "VV", "VA", "MAG", "MM")
# Tags of a Hangul word that is a bare noun and may form a compound with the
# next word (bound nouns such as 수, 것, 등 are left out: 수 있는 is no compound).
NOMINAL_TAGS = ("NNG", "NNP", "NR", "NP", "XR", "XPN", "XSN")
# Nouns at least this long that kiwipiepy kept whole in context are analysed
# again on their own (in context 오차역전파(backpropagation) is one proper noun,
# alone it is 오차 + 역전 + 파), so their tails become findable.
LONG_NOUN = 4

_HANGUL = re.compile(r"[가-힣]")
_TAG = re.compile(r"(<[^>]*>)")
_RUN = re.compile(r"\w+")


class Morpheme(NamedTuple):
    """One morpheme as kiwipiepy reports it: offsets are characters in the analysed string."""

    form: str
    tag: str
    start: int
    length: int

    @property
    def end(self) -> int:
        return self.start + self.length


Analyse = Callable[[str], list[Morpheme]]


class _Run(NamedTuple):
    """A word (maximal run of letters and digits) of the analysed text."""

    start: int
    end: int
    boundaries: list[int]  # where content morphemes start inside it
    stem_end: int  # end of its last content morpheme (before particles/endings)
    noun_end: int  # end of the nouns it starts with (== start if none)


@dataclass
class SegmentedText:
    text: str
    compounds: set[str] = field(default_factory=set)


# Segmentation (plain functions) ------------------------------------------------


def segment_text(text: str, analyse: Analyse) -> SegmentedText:
    """Insert U+200B at morpheme boundaries of ``text`` (index HTML) and collect its compounds.

    Markup (``<code>``, ``<li>``...) is left untouched; only text between tags
    that contains Hangul is analysed.
    """
    out: list[str] = []
    compounds: set[str] = set()
    for piece in _TAG.split(text):
        if not piece or piece.startswith("<") or not _HANGUL.search(piece):
            out.append(piece)
            continue
        segmented, found = _segment_piece(piece, analyse)
        out.append(segmented)
        compounds |= found
    return SegmentedText("".join(out), compounds)


def segment_entry(entry: dict, analyse: Analyse) -> dict:
    """A search index entry with segmented title/text and its compound fields."""
    result = dict(entry)
    for name in ("title", "text"):
        segmented = segment_text(entry.get(name) or "", analyse)
        result[name] = segmented.text
        if segmented.compounds:
            result[f"{name}_compounds"] = " ".join(sorted(segmented.compounds))
    return result


def _segment_piece(piece: str, analyse: Analyse) -> tuple[str, set[str]]:
    morphemes = [m for m in analyse(piece) if m.length > 0 and m.end <= len(piece)]
    morphemes = _split_long_nouns(piece, _split_multiword(piece, morphemes), analyse)
    starts = {m.start for m in morphemes if m.tag.startswith(CONTENT_TAGS)}
    runs = []
    for run in _RUN.finditer(piece):
        inside = [m for m in morphemes if run.start() <= m.start and m.end <= run.end()]
        boundaries = sorted(
            position
            for position in starts
            if run.start() < position < run.end()
            and (_HANGUL.match(piece[position - 1]) or _HANGUL.match(piece[position]))
        )
        content = [m for m in inside if m.tag.startswith(CONTENT_TAGS)]
        hangul = all(_HANGUL.match(char) for char in run.group())
        runs.append(
            _Run(
                start=run.start(),
                end=run.end(),
                boundaries=boundaries,
                stem_end=max((m.end for m in content), default=run.end()),
                noun_end=_leading_noun_end(inside, run.start()) if hangul else run.start(),
            )
        )

    compounds: set[str] = set()
    for run in runs:
        for position in [run.start, *run.boundaries[:-1]]:
            if run.boundaries:
                compounds.add(piece[position : run.stem_end])
    # 차원 축소는 -> 차원축소: a bare noun joined with the noun that follows it.
    for first, second in zip(runs, runs[1:]):
        one_space = piece[first.end : second.start] == " "
        if first.noun_end == first.end and second.noun_end > second.start and one_space:
            compounds.add(piece[first.start : first.end] + piece[second.start : second.noun_end])

    cuts = sorted({position for run in runs for position in run.boundaries})
    pieces, last = [], 0
    for position in cuts:
        pieces.append(piece[last:position])
        last = position
    pieces.append(piece[last:])
    return ZWSP.join(pieces), {c for c in compounds if _HANGUL.search(c)}


def _split_multiword(piece: str, morphemes: list[Morpheme]) -> list[Morpheme]:
    """kiwipiepy's dictionary has nouns with a space (합성곱 신경망): one morpheme per word."""
    result = []
    for m in morphemes:
        if any(char.isspace() for char in piece[m.start : m.end]):
            for word in re.finditer(r"\S+", piece[m.start : m.end]):
                result.append(Morpheme(word.group(), m.tag, m.start + word.start(), len(word.group())))
        else:
            result.append(m)
    return result


def _split_long_nouns(piece: str, morphemes: list[Morpheme], analyse: Analyse) -> list[Morpheme]:
    result = []
    for m in morphemes:
        if m.tag.startswith("NN") and m.length >= LONG_NOUN and _HANGUL.search(m.form):
            parts = [p for p in analyse(piece[m.start : m.end]) if p.length > 0]
            if len(parts) > 1 and all(p.tag.startswith(CONTENT_TAGS) for p in parts):
                result.extend(p._replace(start=m.start + p.start) for p in parts)
                continue
        result.append(m)
    return result


def _leading_noun_end(morphemes: list[Morpheme], start: int) -> int:
    """End of the nouns a word starts with (데이터를 -> after 데이터); ``start`` when it starts otherwise."""
    end = start
    for m in sorted(morphemes, key=lambda m: m.start):
        if m.start != end or not m.tag.startswith(NOMINAL_TAGS):
            break
        end = m.end
    return end


# The index and its cache ---------------------------------------------------------


@dataclass
class IndexReport:
    segmented_pages: int = 0
    cached_pages: int = 0
    size_before: int = 0
    size_after: int = 0

    def summary(self) -> str:
        return (
            f"한국어 검색 색인: 형태소 분석 {self.segmented_pages}쪽, 캐시 {self.cached_pages}쪽; "
            f"search_index.json {self.size_before / 1024:.0f} KB → {self.size_after / 1024:.0f} KB"
        )


def check_search_settings(separator: str | None, fields: dict, config_file: str) -> None:
    """Stop early when mkdocs.yml's search options do not match what this module writes."""
    problems = []
    if separator != SEPARATOR:
        problems.append(
            "  separator 가 scripts/course_site/korean_search.py 의 SEPARATOR 와 다릅니다.\n"
            f"  다음 값을 그대로 쓰세요: separator: '{SEPARATOR}'"
        )
    for name, boost in COMPOUND_FIELDS.items():
        if (fields.get(name) or {}).get("boost") != boost:
            problems.append(f"  fields 에 '{name}: {{boost: {boost:g}}}' 가 있어야 합니다.")
    if problems:
        raise CourseBuildError(
            f"{config_file} 의 plugins → search 설정이 한국어 검색과 맞지 않습니다:\n" + "\n".join(problems)
        )


def segment_search_index(index: dict, cache_dir: Path, make_analyser: Callable[[], Analyse]) -> IndexReport:
    """Segment every page of a Material ``search_index.json`` (parsed) in place.

    Pages (entries sharing a location before '#') are cached in ``cache_dir``
    under a hash of their entries, the algorithm and the analyser's version;
    ``make_analyser`` is called at most once, and only on a cache miss.
    """
    report = IndexReport()
    pages: dict[str, list[int]] = {}
    for position, entry in enumerate(index["docs"]):
        pages.setdefault(entry["location"].split("#")[0], []).append(position)

    analyser: Analyse | None = None
    salt = _analyser_version()
    used = set()
    for positions in pages.values():
        entries = [index["docs"][p] for p in positions]
        key = _cache_key(entries, salt)
        used.add(f"{key}.json")
        segmented = _read_cache(cache_dir / f"{key}.json")
        if segmented is None or len(segmented) != len(entries):
            if analyser is None:
                analyser = make_analyser()
            segmented = [segment_entry(entry, analyser) for entry in entries]
            _write_atomic(cache_dir / f"{key}.json", json.dumps(segmented, ensure_ascii=False))
            report.segmented_pages += 1
        else:
            report.cached_pages += 1
        for position, entry in zip(positions, segmented):
            index["docs"][position] = entry
    _prune(cache_dir, used)
    return report


def _analyser_version() -> str:
    versions = []
    for package in ("kiwipiepy", "kiwipiepy_model"):
        try:
            versions.append(f"{package}=={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} missing")
    return ";".join(versions)


def _cache_key(entries: Iterable[dict], salt: str) -> str:
    payload = json.dumps(
        {"algorithm": ALGORITHM_VERSION, "analyser": salt, "separator": SEPARATOR, "entries": list(entries)},
        ensure_ascii=False,
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _read_cache(path: Path) -> list[dict] | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):  # missing, or cut short by a crash: segment again
        return None


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _prune(cache_dir: Path, used: set[str]) -> None:
    """Drop pages no longer in the site, so the cache does not grow forever."""
    if not cache_dir.is_dir():
        return
    for path in cache_dir.glob("*.json"):
        if path.name not in used:
            path.unlink(missing_ok=True)


# The analyser --------------------------------------------------------------------


def kiwi_analyser() -> Analyse:
    """kiwipiepy's analyser (loads a ~100 MB model: about a second, call only on a cache miss)."""
    try:
        from kiwipiepy import Kiwi
    except ImportError:
        raise CourseBuildError(
            "한국어 검색 색인을 만들려면 kiwipiepy 가 필요합니다 (requirements.txt 참고).\n"
            "  설치: .venv/bin/pip install -r requirements.txt -c constraints.txt"
        ) from None
    kiwi = Kiwi()

    def analyse(text: str) -> list[Morpheme]:
        return [Morpheme(t.form, t.tag, t.start, t.len) for t in kiwi.tokenize(text)]

    return analyse
