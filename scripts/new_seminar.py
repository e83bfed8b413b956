"""새 세미나 만들기: 글 뼈대, 예시 그림 스크립트, mkdocs.yml nav 한 줄.

    python scripts/new_seminar.py --term 2nd_term --number 5 --slug neural-networks \\
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

PROJECT = Path(__file__).resolve().parents[1]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = KoreanArgumentParser(
        prog="new_seminar.py",
        description="새 세미나 페이지와 예시 그림 스크립트를 만들고, mkdocs.yml 의 nav 에서 학기 목록에 추가합니다.\n"
        "이미 있는 파일은 절대 덮어쓰지 않고, 무엇이든 문제가 있으면 아무것도 만들지 않습니다.",
        epilog="예:\n  python scripts/new_seminar.py --term 2nd_term --number 5 --slug neural-networks \\\n"
        '      --title "05 신경망 첫걸음" --presenter 홍길동 --date 2022-11-10\n\n'
        "만들어지는 것:\n"
        "  docs/<학기 폴더>/05-neural-networks.md   세미나 글 (front matter + 본문 뼈대)\n"
        "  figures/seminar05/example.py            예시 그림 스크립트\n"
        "  mkdocs.yml                              nav 의 학기 목록에 한 줄",
        add_help=False,
    )
    required = parser.add_argument_group("꼭 줘야 하는 값")
    required.add_argument(
        "--term", required=True, metavar="학기", help="학기 키 (mkdocs.yml extra.course.terms), 예: 2nd_term"
    )
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
        tags = args.tags if args.tags is not None else [t for t in ("seminar",) if t in project.course.tags]
        request = SeminarRequest(
            term=args.term,
            number=args.number,
            slug=args.slug,
            title=args.title.strip(),
            presenters=tuple(name.strip() for name in args.presenters),
            date=args.date or today(),
            tags=tuple(tags),
        )
        plan = plan_seminar(project, request)
        write_plan(plan)
    except CourseBuildError as error:
        print(f"오류: {error}\n아무 파일도 만들거나 바꾸지 않았습니다.", file=sys.stderr)
        return 1

    show = project.display
    term = project.course.terms[args.term]
    print("새 세미나를 만들었습니다:")
    print(f"  {show(plan.page)}  세미나 글")
    print(f"  {show(plan.figure_script)}  예시 그림 스크립트")
    if plan.nav_changed:
        print(f"  mkdocs.yml  nav 의 '{term.title}' 목록에 한 줄 추가")
    print("다음에 할 일:")
    print(
        f"  1. {show(plan.page)} 의 summary(한 줄 소개)와 본문을 채우세요. <!-- --> 안의 안내문은 지워도 됩니다."
    )
    print(
        f"  2. {show(plan.figure_script)} 를 고쳐 세미나 그림을 그리세요 (필요 없으면 스크립트와 페이지의 그림 줄을 함께 지우기)."
    )
    print(
        "  3. make serve 로 http://127.0.0.1:8000 에서 확인하고, make test 가 통과하면 pull request 를 보내세요."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
