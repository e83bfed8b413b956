"""The search queries a reader types and where each should land (tools/search_queries.yaml), read
once for the search tests and the recall evaluation alike.

Next to search_box.py for the same reason: tests and tools both import it, and neither imports
the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

QUERY_FILE = Path(__file__).resolve().parents[2] / "tools" / "search_queries.yaml"
# Scored by recall@5; "held_out" is reported apart from the two sets used while tuning.
SCORED_SETS = ("tuned", "tuned_2", "held_out")


@dataclass(frozen=True)
class Query:
    text: str
    expect: tuple[str, ...]  # acceptable result locations, as in the search index
    first: bool = False  # one of them must be the first result


@dataclass(frozen=True)
class QuerySets:
    scored: dict[str, list[Query]]  # by set name, in SCORED_SETS order
    same_first: list[tuple[str, str]]  # spellings that must put the same section first
    absent: list[str]  # words the site does not contain: they find nothing
    pages: dict[str, str]  # page alias -> page location

    def every_scored(self) -> list[Query]:
        return [query for name in SCORED_SETS for query in self.scored[name]]


def load_queries(path: Path = QUERY_FILE) -> QuerySets:
    """The query file with page aliases (``S#anchor``) expanded to index locations."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    pages = {str(alias): str(page) for alias, page in data["pages"].items()}

    def location(alias: str) -> str:
        page, _, anchor = alias.partition("#")
        return pages.get(page, page) + ("#" + anchor if anchor else "")

    def query(item: dict) -> Query:
        expect = tuple(location(str(alias)) for alias in item["expect"])
        return Query(str(item["query"]), expect, bool(item.get("first")))

    scored = {name: [query(item) for item in data[name]] for name in SCORED_SETS}
    same_first = [(str(a), str(b)) for a, b in data["same_first"]]
    return QuerySets(scored, same_first, [str(text) for text in data["absent"]], pages)
