"""Search on a slow phone at scale: our Korean search against stock Material, in one run.

    python tools/search_phone.py [--pages 500] [--runs 5]
    python tools/search_phone.py --ours SITE --stock SITE       # measure built sites
    python tools/search_phone.py --ours SITE --stock SITE --earlier SITE   # and an earlier build of ours
    python tools/search_phone.py --build-into DIR --runs 0     # build DIR/ours and DIR/stock, keep them
    python tools/search_phone.py --ours SITE --stock SITE --split   # and where typing -> results goes

Builds a course of ``--pages`` seminar pages made from seminar 04 (every page's
text distinct; tools/benchmark_course.py) twice: as our site, and as its stock
twin (Material alone, same Markdown). Serves each on 127.0.0.1 and opens the
home page in Chromium with the CPU slowed 4x (CDP Emulation.setCPUThrottlingRate),
alternating ours and stock, and measures:

- first answer: from navigation start until the results of a query typed
  while the page loads are shown (index download, parse, lunr index built in
  the worker, first search);
- typing to results: from the key-up of a query until its results are in the
  list, and until the frame showing them is drawn, for a few queries, once the
  index is ready.

Prints medians, per query too, and the index sizes (raw and gzip). With --split,
also each query's time in the worker (and the message's way to the page), reading
the message on the page, and the page's own work until the results are shown
(Material drawing them): Chromium slows only the page's main thread, not the
worker. Not part of the test suite: one run takes many minutes.
"""

from __future__ import annotations

import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tools"))
from course_site.chromium import launched_chromium  # noqa: E402
from course_site.search_box import SearchBox  # noqa: E402
from course_site.static_server import serving  # noqa: E402

from benchmark_course import make_course, make_stock_course, stock_config  # noqa: E402
from search_eval import index_size  # noqa: E402  (the same sizes as the recall evaluation)

THROTTLE = 4
FIRST_QUERY = "딥러닝"
QUERIES = ["표현 학습", "러닝", "지도학습은", "트랜스포머", "데이터 엔지니어", "역전파"]

# Runs in the page before Material: types FIRST_QUERY as soon as the search box
# exists and records when the result list first changes after a marked start.
WATCH = """
window.__search = { start: null, shown: null };
document.addEventListener("DOMContentLoaded", () => {
  const meta = document.querySelector(".md-search-result__meta");
  const list = document.querySelector(".md-search-result__list");
  const seen = () => {
    const text = meta.textContent.trim();
    if (window.__search.start !== null && window.__search.shown === null && text && text !== "검색어를 입력하세요")
      window.__search.shown = performance.now();
  };
  new MutationObserver(seen).observe(meta, { childList: true, subtree: true, characterData: true });
  new MutationObserver(seen).observe(list, { childList: true, subtree: true });
  const input = document.querySelector("input.md-search__input");
  input.focus();
  input.value = FIRST;
  window.__search.start = 0;  // from navigation start
  input.dispatchEvent(new KeyboardEvent("keyup"));
});
"""
# With --split, runs in the page before Material: wraps the search worker so the page notes
# when it posts a query (type 2) and when the result (type 3) arrives, and how long reading the
# message takes (the browser decodes it when the page first touches event.data). Our listener is
# added before Material's, so it sees the message first.
SPLIT_WATCH = """
(() => {
  const Native = window.Worker;
  window.__split = { posted: null, arrived: null, read: null, message: null };
  window.Worker = function (url, options) {
    const worker = new Native(url, options);
    const post = worker.postMessage.bind(worker);
    worker.postMessage = message => {
      if (message && message.type === 2)
        window.__split.posted = performance.now();
      return post(message);
    };
    worker.addEventListener("message", event => {
      const arrived = performance.now();
      const data = event.data;
      if (data && data.type === 3)
        Object.assign(window.__split, { arrived, read: performance.now(), message: data });
    });
    return worker;
  };
  window.Worker.prototype = Native.prototype;
})();
"""
# Read after a timed query (outside the timing): the parts of its time and what was drawn.
SPLIT_READ = """
total => {
  const split = window.__split, list = document.querySelector(".md-search-result__list");
  const pages = split.message.data.items;
  return {
    worker: split.arrived - split.posted, read: split.read - split.arrived,
    page: total - (split.read - split.posted), pages: pages.length,
    sections: pages.reduce((sum, page) => sum + page.length, 0),
    kilobytes: JSON.stringify(split.message).length / 1000,
    drawn: list.querySelectorAll("*").length,
  };
}
"""
SPLIT_PARTS = {"worker": "worker+전달", "read": "메시지 읽기", "page": "쪽이 그리기"}


def build(config: Path, site: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONIOENCODING="utf-8")
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)],
        capture_output=True, text=True, encoding="utf-8", env=env,
    )
    if result.returncode != 0:
        raise SystemExit(f"{config} 빌드가 실패했습니다:\n{result.stderr[-3000:]}")
    print(f"빌드 {config.parent.name}: {time.perf_counter() - started:.0f}초", flush=True)


def build_sites(workdir: Path, pages: int) -> tuple[Path, Path]:
    course = workdir / "course"
    make_course(ROOT, course, pages)
    stock_project = workdir / "stock-project"
    config = stock_config((course / "mkdocs.yml").read_text(encoding="utf-8"))
    make_stock_course(course, stock_project, {}, config)
    ours, stock = workdir / "ours", workdir / "stock"
    build(course / "mkdocs.yml", ours)
    build(stock_project / "mkdocs.yml", stock)
    return ours, stock


def measure_once(
    browser, url: str, splits: list[dict] | None = None
) -> tuple[float, list[float], list[float]]:
    """First answer, typing -> results in the list and typing -> results drawn, per query; with
    ``splits``, appends each query's parts to it."""
    context = browser.new_context()
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
    page.add_init_script(WATCH.replace("FIRST", repr(FIRST_QUERY)))
    if splits is not None:
        page.add_init_script(SPLIT_WATCH)
    page.goto(url)
    page.wait_for_function("window.__search && window.__search.shown !== null", timeout=600_000)
    first = page.evaluate("window.__search.shown")
    box = SearchBox(page, url, opened=True)
    typing, drawn = [], []
    for query in QUERIES:
        listed, painted = box.milliseconds_to_results(query)
        typing.append(listed)
        drawn.append(painted)
        if splits is not None:
            # A query stock answers with nothing posts no result message worth splitting.
            found = page.evaluate("window.__split.message !== null && window.__split.posted < window.__split.arrived")
            splits.append(page.evaluate(SPLIT_READ, typing[-1]) if found else {})
            page.evaluate("window.__split.message = null")
    context.close()
    return first, typing, drawn


def main(argv: list[str] | None = None) -> int:
    from course_site.cli import KoreanArgumentParser, whole_number
    from playwright.sync_api import sync_playwright

    parser = KoreanArgumentParser(description="느린 휴대폰(CPU 4배 느리게)에서 검색 준비 시간과 입력→결과 시간을 기본 Material 과 비교합니다.")
    parser.add_argument("--pages", type=whole_number(1), default=500, metavar="N", help="세미나 쪽 수 (기본 500)")
    parser.add_argument("--runs", type=whole_number(0), default=5, metavar="N",
                        help="번갈아 잴 횟수 (기본 5; 0이면 빌드만)")
    parser.add_argument("--ours", type=Path, metavar="폴더", help="이미 빌드한 우리 사이트")
    parser.add_argument("--stock", type=Path, metavar="폴더", help="이미 빌드한 기본 설정 사이트")
    parser.add_argument("--build-into", type=Path, metavar="폴더",
                        help="빌드한 두 사이트를 이 폴더의 ours/, stock/ 에 남김 (다음에 --ours, --stock 으로 다시 잼)")
    parser.add_argument("--earlier", type=Path, metavar="폴더", help="비교할 예전 우리 사이트 (선택, 같은 실행에서 번갈아 잼)")
    parser.add_argument("--split", action="store_true",
                        help="입력→결과를 worker+전달, 메시지 읽기, 쪽이 그리기로 나누어 함께 적음 (쪽에 잴 코드를 더하므로 "
                             "입력→결과 자체는 이 옵션 없이 잰 값을 쓰세요)")
    args = parser.parse_args(argv)
    if bool(args.ours) != bool(args.stock):
        parser.error("--ours 와 --stock 은 함께 주세요.")
    if args.earlier and not args.ours:
        parser.error("--earlier 는 --ours, --stock 과 함께 주세요.")
    if args.build_into and args.ours:
        parser.error("--build-into 는 --ours, --stock 없이 주세요 (빌드할 때만 씁니다).")
    if args.build_into and args.build_into.exists() and any(args.build_into.iterdir()):
        parser.error(f"--build-into 폴더 {args.build_into} 가 비어 있지 않습니다. 빈 폴더나 없는 폴더를 주세요.")

    with tempfile.TemporaryDirectory(prefix="search-phone-") as temporary:
        if args.ours:
            ours, stock = args.ours, args.stock
        else:
            ours, stock = build_sites(args.build_into or Path(temporary), args.pages)
            if args.build_into:
                print(f"다시 재려면: python tools/search_phone.py --ours {ours} --stock {stock}", flush=True)
        if args.runs == 0:
            return 0
        sites = {"우리": ours, "기본": stock, **({"예전": args.earlier} if args.earlier else {})}
        sizes = {name: index_size(site, 6) for name, site in sites.items()}
        # Per site: first answers, typing -> results in the list, typing -> results drawn.
        results: dict[str, tuple[list[float], list[float], list[float]]] = {
            name: ([], [], []) for name in sites
        }
        splits: dict[str, list[dict]] = {name: [] for name in sites}
        with contextlib.ExitStack() as servers:
            urls = {name: servers.enter_context(serving(site)) for name, site in sites.items()}
            with sync_playwright() as playwright, launched_chromium(playwright) as browser:
                names = list(sites)
                for run in range(args.runs):
                    # Each run starts with a different site, so none is always first on a busy machine.
                    order = names[run % len(names):] + names[: run % len(names)]
                    for name in order:
                        split = splits[name] if args.split else None
                        first, typing, drawn = measure_once(browser, urls[name], split)
                        results[name][0].append(first)
                        results[name][1].extend(typing)
                        results[name][2].extend(drawn)
                        print(f"  {run + 1}회 {name}: 첫 결과 {first / 1000:.2f}초, 입력→결과 (목록 / 그려짐) "
                              + ", ".join(f"{t:.0f}/{d:.0f}" for t, d in zip(typing, drawn)) + " ms",
                              flush=True)

    print(f"\nCPU {THROTTLE}배 느리게, {args.runs}회 중앙값")
    print(f"{'':4} {'색인 크기 (gzip)':>18} {'첫 결과까지':>10} {'입력→목록':>10} {'입력→그려짐':>10}")
    for name, (firsts, typing, drawn) in results.items():
        raw, packed = sizes[name]
        print(f"{name:4} {raw / 1e6:>7.1f}MB ({packed / 1e6:.1f}MB) {statistics.median(firsts) / 1000:>9.2f}초 "
              f"{statistics.median(typing):>8.0f}ms {statistics.median(drawn):>8.0f}ms")
    for label, part in (("목록에 들어가기까지", 1), ("화면에 그려지기까지", 2)):
        print(f"\n질의별 입력→결과 {label} 중앙값 (ms): " + ", ".join(QUERIES))
        for name, values in results.items():
            per_query = [statistics.median(values[part][index :: len(QUERIES)])
                         for index in range(len(QUERIES))]
            print(f"{name:4} " + " ".join(f"{value:>6.0f}" for value in per_query))
    if args.split:
        print_split(splits)
    return 0


def print_split(splits: dict[str, list[dict]]) -> None:
    print("\n입력→결과를 나눈 중앙값 (ms; worker는 CPU를 느리게 하지 않은 스레드, 나머지는 쪽의 주 스레드)")
    for name, rows in splits.items():
        for index, query in enumerate(QUERIES):
            parts = [row for row in rows[index :: len(QUERIES)] if row]
            if not parts:
                print(f"{name:4} {query}: 결과 없음")
                continue
            medians = {key: statistics.median(row[key] for row in parts) for key in SPLIT_PARTS}
            first = parts[0]
            print(f"{name:4} {query}: " + ", ".join(f"{label} {medians[key]:.0f}" for key, label in SPLIT_PARTS.items())
                  + f"; {first['pages']}쪽 {first['sections']}절, 메시지 {first['kilobytes']:.0f} kB, "
                  f"처음 그린 DOM 요소 {first['drawn']}개")


if __name__ == "__main__":
    sys.exit(main())
