"""Terms (학기): what a term folder is called, its title and its order.

A term is a folder of ``docs/`` named ``<year>-<part>``: ``2022-2`` is
2022년 2학기, ``2023-1`` is 2023년 1학기, ``2023-summer`` and ``2023-winter``
are the vacation terms. The folder name is the term's key, its URL
(``/2022-2/``) and the one place its year is written; the title and the order
follow from it, so nothing about terms is kept in ``mkdocs.yml``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# Order within a year: spring term, summer break, autumn term, winter break.
PARTS = {"1": ("1학기", 0), "summer": ("여름방학", 1), "2": ("2학기", 2), "winter": ("겨울방학", 3)}
KEY_PATTERN = re.compile(r"^(?P<year>(?:19|20)\d\d)-(?P<part>1|2|summer|winter)$")
# A folder that was probably meant to be a term: "2023_1", "2023-3", "2023-spring".
LOOKS_LIKE_TERM = re.compile(r"^(?:19|20)\d\d[-_ .]?\w*$")
KEY_HELP = "학기 폴더 이름은 '연도-1', '연도-2', '연도-summer', '연도-winter' 중 하나입니다. 예: 2023-1"


@dataclass(frozen=True, order=True)
class Term:
    year: int
    rank: int  # order within the year (PARTS)
    key: str  # the folder name, e.g. "2022-2"

    @property
    def folder(self) -> str:
        return self.key

    @property
    def title(self) -> str:
        part = self.key.split("-", 1)[1]
        return f"{self.year}년 {PARTS[part][0]}"


def parse_term(key: str) -> Term | None:
    """The term a folder name stands for, or None if it is not a term's name."""
    match = KEY_PATTERN.match(key)
    if not match:
        return None
    return Term(int(match["year"]), PARTS[match["part"]][1], key)


def term_for_date(date: dt.date) -> Term:
    """The regular term a seminar held on ``date`` belongs to (March-August: 1학기).

    January and February belong to the previous year's 2학기, as seminars
    held before the spring term starts usually continue the autumn's.
    """
    if 3 <= date.month <= 8:
        return parse_term(f"{date.year}-1")
    year = date.year if date.month >= 9 else date.year - 1
    return parse_term(f"{year}-2")
