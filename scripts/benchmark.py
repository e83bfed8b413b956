"""Build-speed benchmark: our site against a stock Material build of the same pages.

    python scripts/benchmark.py [--runs 3]

Everything is measured in this one run, on this machine, so the ratios mean
something even on a shared, noisy machine (absolute seconds do not):

- stock:        the same docs/ with a stock config (Material + search, no hooks)
- ours, warm:   our full build with figure and notebook caches filled
- ours, cold:   our full build with empty caches (every figure drawn, every notebook run)
- figures:      all figures drawn with one worker vs one worker per core

Prints medians and ratios. Works on a private copy; the project is not touched.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from course_site.cli import KoreanArgumentParser  # noqa: E402
from course_site.figures.build import build_figures  # noqa: E402
from course_site.project_copy import copy_project  # noqa: E402

STOCK_CONFIG = """\
site_name: stock
docs_dir: docs
theme:
  name: material
  language: ko
plugins:
  - search
"""


def timed_build(config: Path, site: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        env=env,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"빌드 실패 ({config}):\n{result.stderr}")
    return elapsed


def median_of(runs: int, measure) -> float:
    return statistics.median(measure() for _ in range(runs))


def main() -> int:
    parser = KoreanArgumentParser(description="빌드 속도를 기본 Material 빌드와 같은 실행 안에서 비교합니다.")
    parser.add_argument("--runs", type=int, default=3, help="측정 반복 횟수 (중앙값을 씁니다)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="course-benchmark-") as folder:
        work = Path(folder)
        project = work / "project"
        copy_project(ROOT, project)
        stock_config = project / "stock.yml"
        stock_config.write_text(STOCK_CONFIG, encoding="utf-8")
        config = project / "mkdocs.yml"
        cache = project / ".cache"

        timed_build(stock_config, work / "warmup")  # imports, font cache, disk cache
        stock = median_of(args.runs, lambda: timed_build(stock_config, work / "stock"))

        def cold() -> float:
            shutil.rmtree(cache, ignore_errors=True)
            return timed_build(config, work / "cold")

        ours_cold = median_of(args.runs, cold)
        ours_warm = median_of(args.runs, lambda: timed_build(config, work / "warm"))

        figures = project / "figures"
        count = len(build_figures(figures, work / "figure-cache-count").figures)

        def render(workers: int) -> float:
            started = time.perf_counter()
            build_figures(figures, work / f"figure-cache-{workers}", workers=workers, force=True)
            return time.perf_counter() - started

        cores = os.cpu_count() or 1
        serial = median_of(args.runs, lambda: render(1))
        parallel = median_of(args.runs, lambda: render(cores))

        stock_page = (work / "stock" / "2022-2" / "04-what-to-do-with-data" / "index.html").stat().st_size
        our_page = (work / "warm" / "2022-2" / "04-what-to-do-with-data" / "index.html").stat().st_size

    print(f"측정 {args.runs}회 중앙값 (CPU 코어 {cores}개)")
    print(f"  기본 Material 빌드 (같은 docs/)      {stock:6.2f} s   1.00x")
    print(f"  우리 빌드, 캐시 있음                  {ours_warm:6.2f} s   {ours_warm / stock:.2f}x")
    print(f"  우리 빌드, 캐시 없음 (그림·노트북 전부) {ours_cold:6.2f} s   {ours_cold / stock:.2f}x")
    print(f"  그림 {count}개, 프로세스 1개            {serial:6.2f} s   1.00x")
    print(f"  그림 {count}개, 프로세스 {cores}개            {parallel:6.2f} s   {parallel / serial:.2f}x")
    print(f"  세미나 페이지 HTML: 기본 {stock_page / 1024:.0f} KB, 우리 {our_page / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
