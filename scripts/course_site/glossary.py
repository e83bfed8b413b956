"""The course glossary: terms kept as data (docs/glossary.yml), read once, used twice.

Each term has its Korean name, its English name, other spellings (Korean
transliterations, spaced forms, abbreviations) and a one-line definition.
Search uses the spellings as synonyms both ways (a section that writes only
Transformer is found by 트랜스포머, and the reverse: the search worker looks a
query word up in them); the 용어집 page lists the
terms with links to the sections that teach them (course_site.glossary_page).
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from course_site.errors import CourseBuildError

FIELDS = {
    "term": "한국어 용어 (예: 지도학습)",
    "english": "영어 용어 (예: supervised learning)",
    "spellings": "다른 표기 목록 (예: [지도 학습]); 없으면 []",
    "definition": "한 줄 뜻풀이",
}
REQUIRED = ("term", "english", "definition")

_HANGUL = re.compile(r"[가-힣]")
_LATIN = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True)
class Term:
    term: str
    english: str
    spellings: tuple[str, ...]
    definition: str
    line: int

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term, self.english, *self.spellings)


class Glossary:
    def __init__(self, terms: list[Term]):
        self.terms = terms

    def spellings(self) -> list[list[str]]:
        """For the search worker: the spellings of each term, looked for and highlighted together."""
        return [list(term.forms) for term in self.terms]


def form_key(form: str) -> str:
    """A spelling as compared: lower-cased, without spaces or hyphens (차원 축소 = 차원축소)."""
    return re.sub(r"[\s\-]+", "", form).lower()


@functools.cache  # the same few dozen terms, asked for once per page
def form_pattern(forms: tuple[str, ...]) -> re.Pattern:
    """One regex for all spellings: spaces optional inside Hangul, a word start before each."""
    longest_first = sorted(forms, key=len, reverse=True)
    return re.compile("|".join(_one_form(form) for form in longest_first), re.IGNORECASE)


def _one_form(form: str) -> str:
    chars = list(form.strip())
    pattern = ""
    for position, char in enumerate(chars):
        if char.isspace():
            if pattern.endswith(r"[\s\-]*"):
                continue
            pattern += r"[\s\-]*"
            continue
        if position and _HANGUL.match(char) and _HANGUL.match(chars[position - 1]):
            pattern += r"\s*"
        pattern += re.escape(char)
    start = r"(?<![가-힣])" if _HANGUL.match(chars[0]) else r"(?<![A-Za-z0-9])"
    end = r"(?![A-Za-z0-9])" if _LATIN.match(chars[-1]) else ""
    return f"(?:{start}{pattern}{end})"


# Reading the data file --------------------------------------------------------------


def load_glossary(path: Path, shown_as: str) -> Glossary:
    """Read and check the glossary file; ``shown_as`` is how errors name it (docs/glossary.yml)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise CourseBuildError(f"{shown_as}: UTF-8 로 저장해 주세요.") from None
    # Read once, as nodes (their lines name mistakes) and then values; with
    # libyaml's parser when PyYAML has it, about ten times faster on every build.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        root = loader.get_single_node()
        data = None if root is None else loader.construct_document(root)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        if "flow" in str(getattr(error, "context", "") or "") and getattr(error, "context_mark", None):
            mark = error.context_mark  # an unclosed "[" is found at the end; name the line that opened it
        where = f"{shown_as}:{mark.line + 1}" if mark else shown_as
        raise CourseBuildError(f"{where}: YAML 문법 오류입니다 ({getattr(error, 'problem', error)}).") from None
    finally:
        loader.dispose()
    if data is None:
        return Glossary([])
    if not isinstance(data, list):
        raise CourseBuildError(
            f"{shown_as}: 용어 목록이어야 합니다. 용어마다 '- term: ...' 로 시작하는 항목을 쓰세요."
        )
    terms, seen = [], {}
    for item, node in zip(data, root.value):
        line = node.start_mark.line + 1
        terms.append(_term(item, line, shown_as))
        for form in terms[-1].forms:
            key = re.sub(r"\s+", "", form).lower()  # k-NN and KNN may both be spellings of one term
            if key in seen:
                raise CourseBuildError(
                    f"{shown_as}:{line}: '{form}' 는 {seen[key]}번째 줄의 용어에도 있습니다. "
                    "한 표기는 한 용어에만 쓰세요."
                )
            seen[key] = line
    return Glossary(terms)


def _term(item, line: int, shown_as: str) -> Term:
    where = f"{shown_as}:{line}"
    if not isinstance(item, dict):
        raise CourseBuildError(f"{where}: 용어 하나는 term, english, spellings, definition 을 가진 항목이어야 합니다.")
    for key in item:
        if key not in FIELDS:
            guess = difflib.get_close_matches(str(key), FIELDS, n=1, cutoff=0.6)
            hint = f" '{guess[0]}' 를 쓰려던 것인가요?" if guess else ""
            raise CourseBuildError(f"{where}: 알 수 없는 항목 '{key}' 입니다.{hint} 쓸 수 있는 항목: {', '.join(FIELDS)}")
    for key in REQUIRED:
        if not isinstance(item.get(key), str) or not item[key].strip():
            raise CourseBuildError(f"{where}: '{key}' 가 비어 있습니다. {key}: {FIELDS[key]}")
    spellings = item.get("spellings") or []
    if isinstance(spellings, str):
        spellings = [spellings]
    if not isinstance(spellings, list) or not all(isinstance(s, str) and s.strip() for s in spellings):
        raise CourseBuildError(f"{where}: 'spellings' 는 글자 목록이어야 합니다 (예: [지도 학습, 슈퍼바이즈드 러닝]).")
    return Term(
        term=item["term"].strip(),
        english=item["english"].strip(),
        spellings=tuple(s.strip() for s in spellings),
        definition=" ".join(item["definition"].split()),
        line=line,
    )
