"""새 세미나 만들기: 글 뼈대와 예시 그림 스크립트.

    python scripts/new_seminar.py --number 5 --slug neural-networks \\
        --title "05 신경망 첫걸음" --presenter 홍길동 --date 2022-11-10

The logic is in course_site.scaffold; this file only reads arguments and prints.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Run as a script, Python puts scripts/ on sys.path, so course_site imports as in the hooks.
from course_site.cli import KoreanArgumentParser
from course_site.errors import CourseBuildError
from course_site.scaffold import Project, SeminarRequest, plan_seminar, today, write_plan
from course_site.terms import KEY_HELP

PROJECT = Path(__file__).resolve().parents[1]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = KoreanArgumentParser(
        prog="new_seminar.py",
        description="새 세미나 페이지와 예시 그림 스크립트를 만듭니다. 목차·학기 페이지·일정표는 페이지에서\n"
        "저절로 만들어지므로 mkdocs.yml 은 고치지 않습니다. 이미 있는 파일은 절대 덮어쓰지 않고,\n"
        "무엇이든 문제가 있으면 아무것도 만들지 않습니다.",
        epilog="예:\n  python scripts/new_seminar.py --number 5 --slug neural-networks \\\n"
        '      --title "05 신경망 첫걸음" --presenter 홍길동 --date 2022-11-10\n\n'
        "만들어지는 것:\n"
        "  docs/2022-2/05-neural-networks.md   세미나 글 (front matter + 채울 곳이 표시된 본문)\n"
        "  figures/seminar05/example.py        예시 그림 스크립트\n"
        "학기 폴더(2022-2)는 --term 이 없으면 날짜에서 정합니다 (3~8월: 1학기, 9~2월: 2학기).",
        add_help=False,
    )
    required = parser.add_argument_group("꼭 줘야 하는 값")
    required.add_argument(
        "--number",
        required=True,
        type=int,
        metavar="회차",
        help="회차 번호, 예: 5 (파일 이름에는 05 로 들어갑니다)",
    )
    required.add_argument(
        "--slug",
        required=True,
        metavar="주소이름",
        help="주소에 들어갈 이름: 영어 소문자·숫자·하이픈, 예: neural-networks",
    )
    required.add_argument(
        "--title", required=True, metavar="제목", help='페이지 제목, 예: "05 신경망 첫걸음"'
    )
    required.add_argument(
        "--presenter",
        required=True,
        action="append",
        dest="presenters",
        metavar="이름",
        help="발표자 이름 (여러 명이면 --presenter 를 여러 번)",
    )
    optional = parser.add_argument_group("고를 수 있는 값")
    optional.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="세미나 날짜 (없으면 오늘)")
    optional.add_argument(
        "--term", default=None, metavar="학기", help=f"학기 폴더 (없으면 날짜에서). {KEY_HELP}"
    )
    optional.add_argument(
        "--tags",
        nargs="+",
        default=None,
        metavar="태그",
        help="태그 (mkdocs.yml extra.course.tags 중에서, 없으면 seminar)",
    )
    optional.add_argument(
        "--project", type=Path, default=PROJECT, metavar="폴더", help="사이트 폴더 (기본: 이 저장소)"
    )
    optional.add_argument("-h", "--help", action="help", help="이 도움말을 보여 주고 끝냅니다")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        project = Project.load(args.project.resolve())
        tags = args.tags if args.tags is not None else [tag for tag in ("seminar",) if tag in project.tags]
        request = SeminarRequest(
            number=args.number,
            slug=args.slug,
            title=args.title.strip(),
            presenters=tuple(args.presenters),
            date=args.date or today(),
            tags=tuple(tags),
            term=args.term,
        )
        plan = plan_seminar(project, request)
        write_plan(plan)
    except CourseBuildError as error:
        print(f"오류: {error}\n아무 파일도 만들거나 바꾸지 않았습니다.", file=sys.stderr)
        return 1

    page = project.display(plan.page)
    print(f"새 세미나를 만들었습니다 ({plan.term.title}):")
    print(f"  {page}  세미나 글")
    print(f"  {project.display(plan.figure_script)}  예시 그림 스크립트")
    print("다음에 할 일: 아래 자리를 채우고 표시를 지우세요. 남아 있으면 빌드가 게시를 거부합니다.")
    for finding in plan.to_finish:
        print(f"  {finding}")
    print(
        "그다음 make serve 로 http://127.0.0.1:8000 에서 확인하고, make test 가 통과하면 pull request 를 보내세요."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
