"""Build-speed benchmark: our site against a stock Material build of the same pages.

    python tools/benchmark.py                          # 1, 100 and 500 pages, 3 repeats, everything
    python tools/benchmark.py --pages 1 100 --repeats 1 --measure warm page

For each course size (see benchmark_course: N distinct pages made from
seminar 04, spread over terms) it builds our site and its stock twin
(Material + search, same markdown_extensions, figures pre-drawn, no hooks)
and times them in pairs, ours then stock, so a busy machine slows both alike:

- warm:    a build where nothing changed (caches filled)
- page:    a build after one seminar page was edited
- figure:  a build after one figure script was edited (stock: its SVG file)
- cold:    our build with no caches (every figure drawn, notebook run, page analysed)
- serve:   ``mkdocs serve``, save to reloaded page in Chromium, Markdown and figure edits
- size:    search index and one seminar page's HTML, raw and gzip
- workers: all figures drawn with 1 and with 2 processes (once, not per size)
- profile: our warm and page-edit builds under cProfile (CPU time), summaries beside the table

Peak memory is that of the whole process tree. Results go to
tools/benchmark-results/<date>.json (sizes measured earlier the same day are
kept) and the table to tools/benchmark-results/<date>.md. Works on private
copies; the project is not touched. Not part of the test suite.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import shutil
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
ROOT = TOOLS.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(TOOLS))

from benchmark_course import make_course, make_stock_course, refresh_machinery, stock_config  # noqa: E402
from benchmark_table import results_table  # noqa: E402
from course_site.cli import KoreanArgumentParser, whole_number  # noqa: E402
from course_site.search_worker import index_files  # noqa: E402
from measured_process import run_measured  # noqa: E402

MEASUREMENTS = ("warm", "size", "page", "figure", "serve", "cold", "workers", "profile")  # the order they run in
RESULTS = TOOLS / "benchmark-results"
HAND_WRITTEN = "\n<!-- 아래는 손으로 쓴 설명: 다시 재어도 남습니다 -->\n"
EDITED_FIGURE = "figures/seminar04/ai_ml_dl.py"
# tools/lighthouse.py builds its stock site from this (written as project/stock.yml).
STOCK_CONFIG = stock_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


class Course:
    """One course size: our project copy and its stock twin, with the edits the benchmark makes."""

    def __init__(self, work: Path, pages: int, log):
        """The course in ``work``: made and built once (caches filled) unless an earlier run left it ready."""
        self.work = work
        self.ours = work / "ours"
        self.stock = work / "stock"
        self.page_text = {side: None for side in ("ours", "stock")}
        self.figure_text = self.svg_text = None
        self.edits = 0
        ready = work / "ready.json"
        if ready.exists():
            self.edited_path = json.loads(ready.read_text(encoding="utf-8"))["edited"]
            log(f"{pages}쪽: {work} 의 과정을 다시 씁니다 (코드와 설정은 지금 프로젝트의 것으로)")
            refresh_machinery(ROOT, self.ours)
            self.config("stock").write_text(STOCK_CONFIG, encoding="utf-8")
            # A changed renderer empties its cache: fill it again before the warm build is timed.
            self.build("ours")
            return
        log(f"{pages}쪽: 과정 만들기, 첫 빌드 (캐시 채우기)")
        # Caches an unfinished earlier preparation filled are kept: drawing figures takes minutes.
        earlier_cache = work.parent / f".{work.name}-cache"
        if (self.ours / ".cache").is_dir() and not earlier_cache.exists():
            (self.ours / ".cache").rename(earlier_cache)
        shutil.rmtree(work, ignore_errors=True)
        # The newest term's first seminar: the page a maintainer is writing.
        self.edited_path = make_course(ROOT, self.ours, pages)[0].path
        if earlier_cache.is_dir():
            shutil.rmtree(self.ours / ".cache", ignore_errors=True)
            earlier_cache.rename(self.ours / ".cache")
        self.build("ours")
        self.make_stock()
        self.build("stock")
        ready.write_text(json.dumps({"edited": self.edited_path}), encoding="utf-8")

    def config(self, side: str) -> Path:
        return getattr(self, side) / "mkdocs.yml"

    def site(self, side: str) -> Path:
        return self.work / f"site-{side}"

    def build(self, side: str):
        result = run_measured(
            [sys.executable, "-m", "mkdocs", "build", "-f", str(self.config(side)), "-d", str(self.site(side))],
            cwd=getattr(self, side),
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONIOENCODING="utf-8"),
        )
        if result.returncode != 0:
            raise SystemExit(f"빌드 실패 ({side}, {self.work.name}, 종료 코드 {result.returncode}):\n{result.stderr[-4000:]}")
        return result

    def make_stock(self) -> None:
        """After our first build: the stock twin with the figures our build drew."""
        drawn = self.site("ours") / "figures"
        figures = {f"figures/{svg.relative_to(drawn).as_posix()}": svg for svg in drawn.rglob("*.svg")}
        make_stock_course(self.ours, self.stock, figures, STOCK_CONFIG)

    def edit_page(self, side: str) -> str:
        """Add a paragraph with a new marker to the edited seminar; returns the JS that sees it.

        textContent, not innerText: a paragraph far from the screen may be skipped
        by the page's CSS (content-visibility) and then has no innerText.
        """
        self.edits += 1
        marker = f"benchmark-edit-{self.edits}"
        path = getattr(self, side) / "docs" / self.edited_path
        if self.page_text[side] is None:
            self.page_text[side] = path.read_text(encoding="utf-8")
        path.write_text(self.page_text[side] + f"\n이 문단은 측정용으로 고쳤습니다: {marker}\n", encoding="utf-8")
        return f"document.body.textContent.includes({json.dumps(marker)})"

    def edit_figure(self, side: str) -> str | None:
        """Ours: the figure script's caption (its docstring); stock: the drawn SVG file.

        Returns the JS that sees the new caption (stock shows the SVG as an image: no text to wait for).
        """
        self.edits += 1
        if side == "ours":
            marker = f"[수정 {self.edits}]"
            path = self.ours / EDITED_FIGURE
            self.figure_text = self.figure_text or path.read_text(encoding="utf-8")
            path.write_text(self.figure_text.replace('"""', '"""' + marker + " ", 1), encoding="utf-8")
            return f"document.body.textContent.includes({json.dumps(marker)})"
        path = (self.stock / "docs" / EDITED_FIGURE).with_suffix(".svg")
        self.svg_text = self.svg_text or path.read_text(encoding="utf-8")
        path.write_text(self.svg_text + f"<!-- edit {self.edits} -->\n", encoding="utf-8")
        return None

    def page_url_path(self) -> str:
        return self.edited_path.removesuffix(".md") + "/"


# Measurements -------------------------------------------------------------------


def measure_builds(course: Course, kind: str, repeats: int, log) -> dict:
    runs = {"ours": [], "stock": [], "ours_cpu": [], "stock_cpu": [], "ours_rss": [], "stock_rss": []}
    for repeat in range(repeats):
        for side in ("ours", "stock"):
            if kind == "page":
                course.edit_page(side)
            elif kind == "figure":
                course.edit_figure(side)
            elif kind == "cold" and side == "ours":
                shutil.rmtree(course.ours / ".cache", ignore_errors=True)
            result = course.build(side)
            runs[side].append(round(result.seconds, 3))
            runs[f"{side}_cpu"].append(round(result.cpu_seconds, 3))
            runs[f"{side}_rss"].append(result.peak_rss)
            log(f"  {kind} {repeat + 1}/{repeats} {side}: {result.seconds:.2f} s (CPU {result.cpu_seconds:.2f} s), "
                f"{result.peak_rss / 2**20:.0f} MiB")
    return runs


def measure_serve(course: Course, repeats: int, log) -> dict:
    from playwright.sync_api import sync_playwright

    from course_site.chromium import launched_chromium
    from serve_latency import ServedSite

    runs = {"ours_page": [], "stock_page": [], "ours_figure": [], "stock_figure": []}
    with sync_playwright() as playwright, launched_chromium(playwright) as browser:
        sites = {}
        try:
            for side in ("ours", "stock"):
                sites[side] = ServedSite(course.config(side), course.page_url_path(), browser)
            for repeat in range(repeats):
                for kind, edit in (("page", course.edit_page), ("figure", course.edit_figure)):
                    for side in ("ours", "stock"):
                        seconds = sites[side].time_reload(lambda: edit(side))
                        runs[f"{side}_{kind}"].append(round(seconds, 3))
                        log(f"  serve {kind} {repeat + 1}/{repeats} {side}: {seconds:.2f} s")
                        time.sleep(1)  # let the watcher settle before the next save
        finally:
            for site in sites.values():
                site.close()
    return runs


def measure_sizes(course: Course) -> dict:
    sizes = {}
    for side in ("ours", "stock"):
        site = course.site(side)
        indexes = [path.read_bytes() for path in index_files(site)]  # ours: Material's and the worker's
        page = (site / course.page_url_path() / "index.html").read_bytes()
        sizes[side] = {
            "search_index": sum(map(len, indexes)),
            "search_index_gzip": sum(len(gzip.compress(index, 6)) for index in indexes),
            "page_html": len(page), "page_html_gzip": len(gzip.compress(page, 6)),
        }
    return sizes


def profile_builds(course: Course, pages: int, date: str, log) -> None:
    """Our warm build and a page-edit build under cProfile; the summaries go beside the results."""
    from profiled_build import profile_summary

    for kind in ("warm", "page"):
        if kind == "page":
            course.edit_page("ours")
        stats = course.work / f"profile-{kind}.prof"
        result = run_measured(
            [sys.executable, str(TOOLS / "profiled_build.py"), str(stats),
             "-f", str(course.config("ours")), "-d", str(course.site("ours"))],
            cwd=course.ours, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONIOENCODING="utf-8"),
        )
        if result.returncode != 0:
            raise SystemExit(f"빌드 실패 (cProfile):\n{result.stderr[-4000:]}")
        target = RESULTS / f"{date}-profile-{pages}-{kind}.txt"
        target.write_text(profile_summary(str(stats)), encoding="utf-8")
        log(f"  profile {kind}: {result.seconds:.2f} s → {target}")


def measure_workers(course: Course, repeats: int, log) -> dict:
    runs = {"1": [], "2": [], "1_cpu": [], "2_cpu": []}
    for repeat in range(repeats):
        for workers in ("1", "2"):
            result = run_measured(
                [sys.executable, str(course.ours / "scripts" / "render_figures.py"), "--force", "--workers", workers],
                cwd=course.ours, env=dict(os.environ, PYTHONIOENCODING="utf-8"),
            )
            if result.returncode != 0:
                raise SystemExit(f"그림 그리기 실패:\n{result.stderr[-4000:]}")
            runs[workers].append(round(result.seconds, 3))
            runs[f"{workers}_cpu"].append(round(result.cpu_seconds, 3))
            log(f"  workers {repeat + 1}/{repeats} {workers}: {result.seconds:.2f} s (CPU {result.cpu_seconds:.2f} s)")
    return runs


# Command ------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = KoreanArgumentParser(description="우리 빌드와 기본 Material 빌드를 같은 페이지로 번갈아 재어 비교합니다.")
    parser.add_argument("--pages", type=whole_number(1), nargs="+", default=[1, 100, 500], metavar="N",
                        help="세미나 페이지 수 (기본 1 100 500)")
    parser.add_argument("--repeats", type=whole_number(1), default=3, metavar="횟수",
                        help="측정 반복 횟수, 중앙값을 씁니다 (기본 3)")
    parser.add_argument("--serve-repeats", type=whole_number(1), default=None, metavar="횟수",
                        help="mkdocs serve 측정 반복 (기본 --repeats)")
    parser.add_argument("--measure", nargs="+", choices=MEASUREMENTS, default=list(MEASUREMENTS[:-1]), metavar="항목",
                        help=f"잴 항목 (기본 profile 말고 전부): {', '.join(MEASUREMENTS)}")
    parser.add_argument("--date", default=dt.date.today().isoformat(), help="결과 파일 이름의 날짜 (기본 오늘)")
    parser.add_argument("--note", default="", help="표에 적을 측정 조건 메모 (예: 다른 작업이 함께 돌았음)")
    parser.add_argument("--work", type=Path, default=None, metavar="폴더",
                        help="과정을 만들 폴더; 남겨 두고 다음 실행이 다시 씁니다 (기본: 임시 폴더, 끝나면 지움)")
    parser.add_argument("--prepare-only", action="store_true", help="과정을 만들고 첫 빌드만 합니다 (--work 와 함께)")
    args = parser.parse_args(argv)

    RESULTS.mkdir(exist_ok=True)
    json_path = RESULTS / f"{args.date}.json"
    results = json.loads(json_path.read_text(encoding="utf-8")) if json_path.exists() else {"sizes": {}, "notes": []}
    if args.note and args.note not in results["notes"]:
        results["notes"].append(args.note)

    def save() -> None:
        # Merged into what is on disk now: runs for other sizes may be saving the same day's file.
        saved = json.loads(json_path.read_text(encoding="utf-8")) if json_path.exists() else {"sizes": {}, "notes": []}
        saved["sizes"].update({str(pages): results["sizes"][str(pages)] for pages in args.pages
                               if str(pages) in results["sizes"]})
        saved["notes"] += [note for note in results["notes"] if note not in saved["notes"]]
        if "workers" in results:
            saved["workers"] = results["workers"]
        json_path.write_text(json.dumps(saved, ensure_ascii=False, indent=1), encoding="utf-8")
        table = RESULTS / f"{args.date}.md"
        # What a person wrote below the mark (why a target was missed) survives a later run the same day.
        written = table.read_text(encoding="utf-8").partition(HAND_WRITTEN)[1:] if table.exists() else ("", "")
        table.write_text(results_table(saved, args.date) + "".join(written), encoding="utf-8")

    def log(text: str) -> None:
        print(text, flush=True)

    work_root = args.work or Path(tempfile.mkdtemp(prefix="course-benchmark-"))
    # A kill (timeout, Ctrl-C) still closes the mkdocs serve processes and saves what was measured.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        for pages in args.pages:
            course = Course(work_root / f"pages-{pages}", pages, log)
            if args.prepare_only:
                continue
            entry = results["sizes"].setdefault(str(pages), {})
            entry["measured"] = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
            entry["load_before"] = round(os.getloadavg()[0], 1)
            entry["repeats"] = args.repeats
            for kind in [kind for kind in MEASUREMENTS if kind in args.measure]:
                if kind == "size":
                    entry["size"] = measure_sizes(course)
                elif kind == "serve":
                    entry["serve"] = measure_serve(course, args.serve_repeats or args.repeats, log)
                elif kind == "profile":
                    profile_builds(course, pages, args.date, log)
                elif kind == "workers":
                    if pages == min(args.pages):
                        results["workers"] = measure_workers(course, args.repeats, log)
                else:
                    entry[kind] = measure_builds(course, kind, args.repeats, log)
                entry["load_after"] = round(os.getloadavg()[0], 1)
                save()
            log(f"{pages}쪽 끝 (부하 {entry['load_before']} → {entry.get('load_after')})")
    finally:
        if args.work is None:
            shutil.rmtree(work_root, ignore_errors=True)
    if args.prepare_only:
        return 0
    save()
    log(f"결과: {RESULTS / (args.date + '.md')}")
    for pages in args.pages:
        entry = results["sizes"].get(str(pages), {})
        for kind in ("warm", "page", "figure", "cold"):
            if kind in entry and isinstance(entry[kind], dict) and "ours" in entry[kind]:
                ours, stock = statistics.median(entry[kind]["ours"]), statistics.median(entry[kind]["stock"])
                log(f"  {pages}쪽 {kind}: {ours:.2f} s / {stock:.2f} s = {ours / stock:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
