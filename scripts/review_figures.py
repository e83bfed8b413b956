"""Before/after gallery of every figure, for reviewing a pull request.

    python scripts/review_figures.py                    # main's merge base -> the working tree
    python scripts/review_figures.py --base HEAD~3 --out /tmp/review
    python scripts/review_figures.py --changes-url https://github.com/OWNER/REPO/pull/12/files

Both revisions are drawn by their own scripts/render_figures.py, sharing the
figure cache, and compared by the pixels Chromium draws. Writes
OUT/index.html (open it in a browser; it loads nothing from elsewhere),
OUT/images/*.png and OUT/summary.md (Markdown for a CI job summary).

Exit status: 0 when the report was written, whatever changed; 1 when a
revision's figures could not be drawn or compared (the message says why);
2 for wrong arguments.
"""

from __future__ import annotations

import sys
from pathlib import Path

from course_site.cli import KoreanArgumentParser
from course_site.errors import CourseBuildError
from course_site.figure_review.compare import Status
from course_site.figure_review.report import SECTION_TITLES, counts
from course_site.figure_review.review import review_figures

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = KoreanArgumentParser(
        description="두 리비전의 그림을 모두 그려 바뀐 그림을 전/후/차이로 보여 주는 HTML 보고서를 만듭니다."
    )
    parser.add_argument(
        "--base",
        metavar="리비전",
        help="비교 기준: 이 리비전과 HEAD 가 갈라진 지점 (기본: main, 없으면 origin/main)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=ROOT / ".cache" / "figure-review",
        metavar="폴더",
        help="보고서를 쓸 폴더 (기본: .cache/figure-review)",
    )
    parser.add_argument(
        "--changes-url",
        metavar="주소",
        help="풀 리퀘스트의 바뀐 파일 화면 주소 (그림마다 그 스크립트의 변경으로 바로 가는 링크를 답니다)",
    )
    parser.add_argument(
        "--timeout", type=float, default=60.0, metavar="초", help="그림 하나의 제한 시간 (기본 60)"
    )
    args = parser.parse_args(argv)

    try:
        review = review_figures(
            ROOT, args.out.resolve(), base=args.base, changes_url=args.changes_url, timeout=args.timeout
        )
    except CourseBuildError as error:
        print(error, file=sys.stderr)
        return 1
    tally = counts(review.results)
    print(
        ", ".join(
            f"{SECTION_TITLES[status]} {tally[status]}개"
            for status in (Status.CHANGED, Status.ADDED, Status.REMOVED, Status.SAME_LOOK, Status.UNCHANGED)
        )
    )
    print(f"보고서: {review.page}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
