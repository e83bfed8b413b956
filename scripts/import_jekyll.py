"""옛 Jekyll 블로그 글 하나를 이 사이트의 세미나 페이지로 가져옵니다.

    python scripts/import_jekyll.py _posts/2022-11-03-what-to-do-with-data.md --report 보고서.md

The logic is in course_site.jekyll_import; this file only reads arguments and prints.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Run as a script, Python puts scripts/ on sys.path, so course_site imports as in the hooks.
from course_site.cli import KoreanArgumentParser
from course_site.errors import CourseBuildError
from course_site.jekyll_import import ImportRequest, plan_import, write_import
from course_site.scaffold import Project
from course_site.terms import KEY_HELP

PROJECT = Path(__file__).resolve().parents[1]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = KoreanArgumentParser(
        prog="import_jekyll.py",
        description="Jekyll 블로그 글(front matter + kramdown)을 docs/<학기>/<회차>-<slug>.md 세미나 페이지로 바꿉니다.\n"
        "파일만 만들고 mkdocs.yml 은 고치지 않습니다. 다른 서버의 그림은 '그림 다시 그리기 필요' 상자가 되고,\n"
        "변환하지 못한 것에는 미완성 표시를 달아 빌드가 게시를 거부하게 합니다. 보고서가 할 일을 줄 번호와 함께\n"
        "알려 줍니다. 같은 글을 두 번 가져와도 아무것도 바뀌지 않습니다.",
        epilog="예:\n  python scripts/import_jekyll.py _posts/2022-11-03-what-to-do-with-data.md\n"
        "  python scripts/import_jekyll.py post.md --slug what-to-do-with-data --number 4 --report 보고서.md",
        add_help=False,
    )
    parser.add_argument("post", type=Path, metavar="글.md", help="가져올 Jekyll 글 파일")
    options = parser.add_argument_group("고를 수 있는 값")
    options.add_argument(
        "--slug", metavar="주소이름", help="주소 이름 (없으면 파일 이름 YYYY-MM-DD-<slug>.md 에서)"
    )
    options.add_argument("--number", type=int, metavar="회차", help="회차 (없으면 제목 앞의 숫자)")
    options.add_argument("--term", metavar="학기", help=f"학기 폴더 (없으면 글의 날짜에서). {KEY_HELP}")
    options.add_argument("--report", type=Path, metavar="파일.md", help="보고서를 Markdown 파일로도 저장")
    options.add_argument("--force", action="store_true", help="이미 있는 페이지의 내용이 다르면 덮어쓰기")
    options.add_argument(
        "--project", type=Path, default=PROJECT, metavar="폴더", help="사이트 폴더 (기본: 이 저장소)"
    )
    options.add_argument("-h", "--help", action="help", help="이 도움말을 보여 주고 끝냅니다")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        project = Project.load(args.project.resolve())
        request = ImportRequest(
            source=args.post, slug=args.slug, number=args.number, term=args.term, force=args.force
        )
        plan = plan_import(project, request)
        write_import(plan)
    except CourseBuildError as error:
        print(f"오류: {error}\n아무 파일도 만들거나 바꾸지 않았습니다.", file=sys.stderr)
        return 1

    print(plan.report)
    if args.report:
        args.report.write_text(plan.report, encoding="utf-8", newline="\n")
    page = project.display(plan.page)
    print(
        {
            "new": f"{page} 을(를) 만들었습니다.",
            "same": f"{page} 은(는) 이미 같은 내용이라 그대로 두었습니다.",
            "overwrite": f"{page} 을(를) 새로 가져온 내용으로 덮어썼습니다 (--force).",
        }[plan.status]
    )
    if args.report:
        print(f"보고서: {args.report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
