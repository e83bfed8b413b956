"""Rewrite published-links.txt: the page URLs and heading anchors the site has published.

    python scripts/published_links.py --update

Run it when a page or heading was removed on purpose (a moved page or a renamed
heading should instead keep its old address: ``redirect_from`` and
``anchor_aliases`` in the page's front matter, see README '주소 지키기').
It builds the site into a temporary folder, writes the file and prints what
was added and removed. Exit status: 0 when written, 1 when the site does not
build, 2 for wrong arguments.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from course_site.cli import KoreanArgumentParser
from course_site.published_links import SNAPSHOT_NAME, UPDATE_ENV, read_snapshot

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = KoreanArgumentParser(description=f"{SNAPSHOT_NAME}(공개된 주소 목록)를 지금 사이트에 맞게 다시 씁니다.")
    parser.add_argument("--update", action="store_true", required=True, help="목록을 다시 쓰기 (필수: 실수로 지우지 않도록)")
    parser.add_argument("--project", type=Path, default=ROOT, metavar="폴더", help="사이트의 mkdocs.yml 이 있는 폴더 (기본: 이 저장소)")
    args = parser.parse_args(argv)

    snapshot = args.project / SNAPSHOT_NAME
    before = set(read_snapshot(snapshot.read_text(encoding="utf-8"))) if snapshot.is_file() else set()
    env = dict(os.environ, **{UPDATE_ENV: "1", "NO_MKDOCS_2_WARNING": "1"})
    with tempfile.TemporaryDirectory() as site:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-f", str(args.project / "mkdocs.yml"), "-d", site],
            env=env, capture_output=True, text=True, encoding="utf-8",
        )
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        sys.stderr.write("\n사이트가 빌드되지 않아 목록을 고치지 않았습니다. 위의 오류를 먼저 고치세요.\n")
        return 1
    after = set(read_snapshot(snapshot.read_text(encoding="utf-8")))
    for line in sorted(before - after):
        print(f"- {line}")
    for line in sorted(after - before):
        print(f"+ {line}")
    print(f"{SNAPSHOT_NAME}: 주소 {len(after)}개 (추가 {len(after - before)}, 삭제 {len(before - after)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
