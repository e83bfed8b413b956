"""Compare stock Material search with our Korean search on the same pages and queries.

    python tools/search_eval.py                        # builds both variants, then measures
    python tools/search_eval.py --ours site/ --stock /tmp/stock-site/   # measure built sites

Builds a copy of the project twice in the same run: once as it is, once
without scripts/hook_search.py (Material's search as it comes). Serves each
on 127.0.0.1, types every query of tools/search_queries.yaml into the real
search box in Chromium (/usr/bin/chromium driven by Playwright) and prints,
per query set, recall@5 and how often the expected section is the first
result where the query asks for that ("first: true"), the pairs of spellings
that disagree on the first result, words that should find nothing, what each
variant misses, invisible characters in what the results display, and both
index sizes.

Not part of the test suite. Exit status: 0 when measured, 1 when a build or
the browser failed, 2 for wrong arguments.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from course_site.chromium import launched_chromium  # noqa: E402
from course_site.project_copy import copy_project  # noqa: E402
from course_site.search_box import INVISIBLE, SearchBox  # noqa: E402
from course_site.search_queries import QUERY_FILE, SCORED_SETS, Query, QuerySets, load_queries  # noqa: E402
from course_site.search_worker import index_files  # noqa: E402
from course_site.static_server import serving  # noqa: E402


@dataclass
class Score:
    found: int = 0
    total: int = 0
    first: int = 0
    first_total: int = 0
    invisible: int = 0

    def row(self) -> str:
        recall = f"{self.found / self.total:.2f} ({self.found}/{self.total})"
        first = f"{self.first}/{self.first_total}" if self.first_total else "-"
        return f"{recall:>16} {first:>8}"


def score(box: SearchBox, queries: list[Query], misses: list[str], k: int = 5) -> Score:
    result = Score(total=len(queries))
    for query in queries:
        ranked = box.results(query.text)
        result.invisible += len(INVISIBLE.findall(box.displayed_text()))
        top = ranked[:k]
        if set(top) & set(query.expect):
            result.found += 1
        else:
            misses.append(f"{query.text} → {top[:3] or '없음'}")
        if query.first:
            result.first_total += 1
            if ranked[:1] and ranked[0] in query.expect:
                result.first += 1
            else:
                misses.append(f"{query.text} (첫 결과) → {ranked[:1] or '없음'}")
    return result


# Building the two variants ----------------------------------------------------------


def stock_config(text: str) -> str:
    """mkdocs.yml without our search: no hook_search.py (the search plugin is then Material's own)."""
    stock, hooks = re.subn(r"(?m)^  - scripts/hook_search\.py.*\n", "", text)
    if hooks != 1:
        raise SystemExit("mkdocs.yml 에서 hooks 의 scripts/hook_search.py 줄을 찾지 못했습니다.")
    return stock


def build(project: Path, config: str, site: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONIOENCODING="utf-8")
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(project / config), "-d", str(site)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
    )
    if result.returncode != 0:
        raise SystemExit(f"{config} 빌드가 실패했습니다:\n{result.stderr}")
    return time.perf_counter() - started


def build_variants(workdir: Path) -> tuple[Path, Path]:
    project = copy_project(ROOT, workdir / "project", with_cache=True)  # warm figure/notebook/search caches
    (project / "mkdocs.stock.yml").write_text(
        stock_config((project / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8"
    )
    ours, stock = workdir / "ours", workdir / "stock"
    ours_time = build(project, "mkdocs.yml", ours)
    stock_time = build(project, "mkdocs.stock.yml", stock)
    print(f"빌드: 우리 설정 {ours_time:.1f}초, 기본 설정 {stock_time:.1f}초")
    return ours, stock


def index_size(site: Path, level: int = 9) -> tuple[int, int]:
    """Bytes of the search index files a reader downloads, raw and gzipped at ``level``."""
    files = [path.read_bytes() for path in index_files(site)]
    return sum(map(len, files)), sum(len(gzip.compress(data, level, mtime=0)) for data in files)


def measure(box: SearchBox, name: str, sets: QuerySets, details: list[str]) -> list[str]:
    row = [name]
    for set_name in SCORED_SETS:
        misses: list[str] = []
        result = score(box, sets.scored[set_name], misses)
        row.append(result.row())
        details += [f"  [{name}/{set_name}] 놓침: {miss}" for miss in misses]
        if result.invisible:
            details.append(f"  [{name}/{set_name}] 결과 화면의 보이지 않는 문자 {result.invisible}개")
    disagree = []
    for a, b in sets.same_first:
        first_a, first_b = box.results(a)[:1], box.results(b)[:1]
        if first_a != first_b:
            disagree.append(f"{a} → {first_a} / {b} → {first_b}")
    row.append(f"{len(sets.same_first) - len(disagree)}/{len(sets.same_first)}")
    details += [f"  [{name}/same_first] 다름: {pair}" for pair in disagree]
    found = [text for text in sets.absent if box.results(text)]
    row.append(f"{len(sets.absent) - len(found)}/{len(sets.absent)}")
    details += [f"  [{name}/absent] 결과가 나옴: {text}" for text in found]
    return row


# Command ------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    from course_site.cli import KoreanArgumentParser
    from playwright.sync_api import sync_playwright

    parser = KoreanArgumentParser(description="기본 Material 검색과 한국어 검색의 recall@5 와 색인 크기를 비교합니다.")
    parser.add_argument("--ours", type=Path, metavar="폴더", help="이미 빌드한 우리 사이트 (없으면 빌드)")
    parser.add_argument("--stock", type=Path, metavar="폴더", help="이미 빌드한 기본 설정 사이트 (없으면 빌드)")
    parser.add_argument(
        "--queries", type=Path, default=QUERY_FILE, metavar="파일", help="질의 파일 (기본 tools/search_queries.yaml)"
    )
    args = parser.parse_args(argv)
    if bool(args.ours) != bool(args.stock):
        parser.error("--ours 와 --stock 은 함께 주세요.")

    sets = load_queries(args.queries)
    with tempfile.TemporaryDirectory(prefix="search-eval-") as temporary:
        ours, stock = (args.ours, args.stock) if args.ours else build_variants(Path(temporary))
        sizes = {"기본": index_size(stock), "우리": index_size(ours)}
        with sync_playwright() as playwright, launched_chromium(playwright) as browser:
            rows: list[list[str]] = []
            details: list[str] = []
            for name, site in (("기본", stock), ("우리", ours)):
                with serving(site) as url:
                    rows.append(measure(SearchBox(browser.new_page(), url), name, sets, details))

    header = "".join(f" {name + ' recall@5':>16} {'첫 결과':>8}" for name in SCORED_SETS)
    print(f"{'':4}{header} {'띄어쓰기 일치':>10} {'없는 말 0건':>10}")
    for row in rows:
        print(f"{row[0]:4} " + " ".join(row[1:4]) + f" {row[4]:>10} {row[5]:>10}")
    for name, (raw, packed) in sizes.items():
        print(f"색인 크기 {name}: {raw / 1024:.1f} KB (gzip {packed / 1024:.1f} KB)")
    print(f"비율 우리/기본: {sizes['우리'][0] / sizes['기본'][0]:.2f} (gzip {sizes['우리'][1] / sizes['기본'][1]:.2f})")
    print("\n".join(details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
