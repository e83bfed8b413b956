"""Morpheme-aware Korean search for Material's built-in (lunr) search: the index side.

Material's search splits text into tokens with one regex (``SEPARATOR``) and
matches every query word as a *prefix* of a token. Korean glues particles and
endings to words (딥러닝은) and builds compounds (지도학습), so a reader who
types 학습 or 역전파 would miss text indexed as 지도학습은 or
오차역전파(backpropagation)로. At build time, on the finished
``search/search_index.json``, kiwipiepy analyses every title and text once,
and the site's vocabulary goes to ``config.korean`` for our worker script
(``search_worker.js``), which rewrites each query word before lunr sees it:

1. **Tails** map the tail of a compound, from where a content morpheme starts,
   to the compound as the text writes it (역전파 → 오차역전파, 러닝 → 딥러닝), and
   two adjacent bare nouns written together to the two words (차원축소 →
   차원 축소, because readers type both spellings). A query word is looked for
   as itself *or* as any compound it is the tail of. This is vocabulary, not
   one copy per section: lunr in the reader's browser indexes exactly the
   title and text it displays, as stock Material does (hidden per-section
   fields made the index take half again as long to build on a phone).
2. **Stems** (the word without its particles or endings: 딥러닝 in 딥러닝은).
   The worker strips a particle from a query word only when what is left is
   such a stem: 딥러닝이 → 딥러닝, but 강화도 stays 강화도 because the analyser
   never saw 강화 as a word of its own (only inside 강화학습).
3. **Glossary spellings**: a query word that starts a spelling of a glossary
   term is also looked for as every other spelling (트랜스포머 → Transformer).

The displayed ``title`` and ``text`` stay exactly as Material wrote them, less
invisible characters. The analysis is cached per block of text
(``analysis_cache``) and done in one batch for everything that is not cached
(``korean_analyser``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from course_site.glossary import Glossary

# Bump when the output of analyse_texts changes, so old cache entries are not reused.
ALGORITHM_VERSION = "8"

#: Material's ``separator``, set from code by scripts/hook_search.py (the one
#: definition). Applied in the reader's browser to the index text and to every
#: query word: whitespace, hyphen, brackets, quotes and list punctuation, so
#: 지도학습(Supervised and "Transformer" give plain tokens; sentence punctuation
#: only before a space or the end (3.5, v1.2 stay whole). No lookbehind, so
#: Material's page highlighter uses it unchanged.
SEPARATOR = r"[\s\-()\[\]{}·…,/\"'“”‘’]+|[.!?;:]+(?=\s|$)"

#: lunr fields and boosts: Material's own, set from code so that nobody adds a
#: field in mkdocs.yml (every field costs the reader's phone a pass over the text).
FIELDS = {
    "title": {"boost": 1000.0},
    "text": {"boost": 1.0},
    "tags": {"boost": 1000000.0},
}

#: Particles, copula and common verb endings a reader may type after a word
#: (any sequence of them: 에서+는, 들+이). The worker strips them from a query
#: word only down to a stem the analyser saw; alone they are no query at all.
PARTICLES = (
    "에서|에게|께서|한테|으로|로서|로써|까지|부터|처럼|보다|마다|이나|이란|이라|라는|란|"
    "이다|입니다|하는|하고|하기|하여|하면|한다|하다|했다|된다|되는|되어|적인|적으로|들|"
    "[은는이가을를의에와과도로만]"
)

# Characters no reader can see; they are removed from what search displays.
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")

# kiwipiepy tag prefixes that start a searchable unit inside a word. Everything
# else (J* particles, E* endings, XS* suffixes, VCP copula, punctuation) stays
# glued to the unit before it.
CONTENT_TAGS = ("NN", "NR", "NP", "SL", "SH", "SN", "XR", "XPN", "VV", "VA", "MAG", "MM")
# Tags of a Hangul word that is a bare noun and may form a compound with the
# next word (bound nouns such as 수, 것, 등 are left out: 수 있는 is no compound).
NOMINAL_TAGS = ("NNG", "NNP", "NR", "NP", "XR", "XPN", "XSN")
# Tags a word's last content morpheme has when particles can follow it.
STEM_TAGS = ("NN", "NR", "NP", "SL", "SH", "SN", "XR", "XSN")
# Nouns at least this long that kiwipiepy kept whole in context are analysed
# again on their own (in context 오차역전파(backpropagation) is one proper noun,
# alone it is 오차 + 역전 + 파), so their tails become findable.
LONG_NOUN = 4

_HANGUL = re.compile(r"[가-힣]")
_ONLY_PARTICLES = re.compile(f"(?:{PARTICLES})+")
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


#: Analyses many strings at once (kiwipiepy's batch API): one morpheme list per string.
Analyse = Callable[[list[str]], list[list[Morpheme]]]


@dataclass(frozen=True)
class Analysis:
    """What search needs from one block of text: tails of its compounds and its word stems.

    ``tails`` pairs a tail (역전파, or 차원축소 for the text's 차원 축소) with what the
    index holds for it (오차역전파; 차원 축소), lower-cased.
    """

    tails: tuple[tuple[str, str], ...]
    stems: tuple[str, ...]


class _Run(NamedTuple):
    """A word (maximal run of letters and digits) of the analysed text."""

    start: int
    end: int
    boundaries: list[int]  # where content morphemes start inside it
    stem_end: int  # end of its last content morpheme (before particles/endings)
    nominal: bool  # its last content morpheme is a noun, number or foreign word (takes particles)
    suffixed_end: int  # stem_end, moved past noun suffixes (XSN)
    noun_end: int  # end of the nouns it starts with (== start if none)


# Analysis (plain functions) -------------------------------------------------------


def hangul_pieces(text: str) -> list[str]:
    """The pieces of index HTML the analyser reads: text between tags that contains Hangul."""
    return [
        piece for piece in _TAG.split(text) if piece and not piece.startswith("<") and _HANGUL.search(piece)
    ]


def analyse_texts(texts: list[str], analyse: Analyse) -> list[Analysis]:
    """Analyse many titles/texts (index HTML) in two batches: pieces, then long nouns alone."""
    pieces = list(dict.fromkeys(piece for text in texts for piece in hangul_pieces(text)))
    morphemes = {
        piece: _split_multiword(piece, [m for m in found if m.length > 0 and m.end <= len(piece)])
        for piece, found in zip(pieces, analyse(pieces))
    }
    long_nouns = list(
        dict.fromkeys(
            piece[m.start : m.end]
            for piece, found in morphemes.items()
            for m in found
            if m.tag.startswith("NN") and m.length >= LONG_NOUN and _HANGUL.search(m.form)
        )
    )
    noun_parts = dict(zip(long_nouns, analyse(long_nouns)))
    results = []
    for text in texts:
        tails: set[tuple[str, str]] = set()
        stems: set[str] = set()
        for piece in hangul_pieces(text):
            split = _split_long_nouns(piece, morphemes[piece], noun_parts)
            found_tails, found_stems = _piece_words(piece, split)
            tails |= found_tails
            stems |= found_stems
        results.append(Analysis(tuple(sorted(tails)), tuple(sorted(stems))))
    return results


def _piece_words(piece: str, morphemes: list[Morpheme]) -> tuple[set[tuple[str, str]], set[str]]:
    starts = sorted({m.start for m in morphemes if m.tag.startswith(CONTENT_TAGS)})
    # Each run looks only at the morphemes that start inside it (found by bisection, in
    # their own order): scanning all of a paragraph's morphemes for each of its words
    # took most of a cold build's time outside kiwipiepy.
    by_start = sorted(range(len(morphemes)), key=lambda i: morphemes[i].start)
    start_of = [morphemes[i].start for i in by_start]
    runs = []
    for run in _RUN.finditer(piece):
        first, last = bisect.bisect_left(start_of, run.start()), bisect.bisect_left(start_of, run.end())
        inside = [morphemes[i] for i in sorted(by_start[first:last]) if morphemes[i].end <= run.end()]
        boundaries = [
            position
            for position in starts[bisect.bisect_right(starts, run.start()) : bisect.bisect_left(starts, run.end())]
            if _HANGUL.match(piece[position - 1]) or _HANGUL.match(piece[position])
        ]
        content = [m for m in inside if m.tag.startswith(CONTENT_TAGS)]
        # A noun suffix belongs to the stem a reader types: 군집화 of 군집화는, 지적 of 지적인.
        suffixed = max((m.end for m in content), default=run.end())
        for m in sorted(inside, key=lambda m: m.start):
            if m.start == suffixed and m.tag == "XSN":
                suffixed = m.end
        hangul = all(_HANGUL.match(char) for char in run.group())
        runs.append(
            _Run(
                start=run.start(),
                end=run.end(),
                boundaries=boundaries,
                stem_end=max((m.end for m in content), default=run.end()),
                nominal=bool(content) and _takes_particles(max(content, key=lambda m: m.end).tag),
                suffixed_end=suffixed,
                noun_end=_leading_noun_end(inside, run.start()) if hangul else run.start(),
            )
        )

    tails: set[tuple[str, str]] = set()
    stems: set[str] = set()
    for run in runs:
        stem = piece[run.start : run.stem_end]
        # Particles follow nouns: a verb root (같 of 같은) is no stem, or 지도 would be cut to 지 + 도.
        takes_particles = run.nominal and bool(_HANGUL.search(piece[run.start : run.end]))
        if takes_particles and stem:
            stems.add(piece[run.start : run.suffixed_end].lower())
        # The compound itself needs no entry: lunr finds 딥러닝 in 딥러닝은 by prefix.
        for position in run.boundaries:
            if position < run.stem_end:
                tails.add((piece[position : run.stem_end].lower(), stem.lower()))
                if takes_particles:
                    stems.add(piece[position : run.suffixed_end].lower())
    # 차원 축소는 -> 차원축소: a bare noun joined with the noun that follows it.
    for first, second in zip(runs, runs[1:]):
        one_space = piece[first.end : second.start] == " "
        if first.noun_end == first.end and second.noun_end > second.start and one_space:
            words = (piece[first.start : first.end], piece[second.start : second.noun_end])
            tails.add(("".join(words).lower(), " ".join(words).lower()))
    # A lone particle after markup (</code>은) is analysed as a noun: it is no stem.
    tails = {(tail, source) for tail, source in tails if _HANGUL.search(tail)}
    return tails, {stem for stem in stems if not _ONLY_PARTICLES.fullmatch(stem)}


def _takes_particles(tag: str) -> bool:
    return tag.startswith(STEM_TAGS) and tag != "NNB"  # bound nouns (것, 수, 지) stand alone in no query


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


def _split_long_nouns(
    piece: str, morphemes: list[Morpheme], noun_parts: dict[str, list[Morpheme]]
) -> list[Morpheme]:
    result = []
    for m in morphemes:
        parts = [p for p in noun_parts.get(piece[m.start : m.end], []) if p.length > 0]
        if m.tag.startswith("NN") and len(parts) > 1 and all(p.tag.startswith(CONTENT_TAGS) for p in parts):
            result.extend(p._replace(start=m.start + p.start) for p in parts)
        else:
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


# The index ----------------------------------------------------------------------------


@dataclass
class IndexReport:
    analysed_blocks: int = 0
    cached_blocks: int = 0
    stems: int = 0
    tails: int = 0
    size_before: int = 0
    size_after: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        return (
            f"한국어 검색 색인: 형태소 분석 {self.analysed_blocks}블록, 캐시 {self.cached_blocks}블록, "
            f"어간 {self.stems}개, 복합어 꼬리 {self.tails}개; 색인 (Material → full_index.json) "
            f"{self.size_before / 1024:.0f} KB → {self.size_after / 1024:.0f} KB ({self.seconds:.1f}초)"
        )


def displayed(text: str) -> str:
    """What search displays of an entry's title or text: Material's, less invisible characters."""
    return INVISIBLE.sub("", text)


def entry_texts(entries: list[dict]) -> list[str]:
    """The blocks analysed for search entries: each entry's title and text."""
    return [entry.get(name) or "" for entry in entries for name in ("title", "text")]


def _compound_order(sources: dict[str, int]) -> list[str]:
    """A tail's compounds in the order the worker tries them (it takes a limited number).

    Real compounds (빅데이터) come before words glued to a number or Latin
    (2017데이터, gpu데이터), and among them those found in more blocks first: in a
    course of hundreds of pages a tail such as 러닝 has more compounds than the
    worker takes, and 딥러닝 must not lose its place to a rare one that sorts
    earlier (가러닝).
    """
    return sorted(sources, key=lambda source: (not _HANGUL.match(source), -sources[source], source))


def build_search_index(
    index: dict, cached: Callable[[list[str]], tuple[list[Analysis], int]], glossary: Glossary
) -> IndexReport:
    """Add the site's stems, tails and glossary spellings to a parsed Material ``search_index.json``, in place.

    ``cached(texts)`` returns one Analysis per text (from the cache, analysing
    the rest in a batch) and how many were analysed now. The entries keep
    their fields; only invisible characters are removed from what they display.
    """
    report = IndexReport()
    docs = index["docs"]
    for entry in docs:
        for name in ("title", "text"):
            if entry.get(name):
                entry[name] = displayed(entry[name])
    texts = entry_texts(docs)
    analyses, report.analysed_blocks = cached(texts)
    report.cached_blocks = len(texts) - report.analysed_blocks
    stems: set[str] = set()
    tails: dict[str, dict[str, int]] = {}  # tail -> compound -> blocks that hold it
    for analysis in analyses:
        stems.update(analysis.stems)
        for tail, source in set(analysis.tails):
            found = tails.setdefault(tail, {})
            found[source] = found.get(source, 0) + 1
    index["config"]["korean"] = {
        "stems": sorted(stems),
        "tails": [[tail, _compound_order(sources)] for tail, sources in sorted(tails.items())],
        "particles": PARTICLES,
        "glossary": glossary.spellings(),
    }
    report.stems, report.tails = len(stems), len(tails)
    return report
