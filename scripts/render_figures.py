"""Render figures without building the site (for authors and CI).

    python scripts/render_figures.py                      # every figure, cached ones skipped
    python scripts/render_figures.py figures/seminar04/ai_ml_dl.py --out preview/
    python scripts/render_figures.py --force              # ignore the cache

Exit status: 0 when every figure was drawn, 1 when a script failed (the
message names each script, its line and the error), 2 for wrong arguments.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from course_site.cli import KoreanArgumentParser
from course_site.errors import CourseBuildError
from course_site.figures.build import build_figures
from course_site.figures.settings import figure_settings
from course_site.mkdocs_config import read_mkdocs_yml

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = KoreanArgumentParser(description="그림 스크립트를 사이트 빌드 없이 그립니다.")
    parser.add_argument("scripts", nargs="*", type=Path, metavar="스크립트", help="그릴 그림 스크립트 (없으면 전부)")
    parser.add_argument("--out", type=Path, metavar="폴더", help="그린 SVG(글꼴을 품은 파일)를 복사해 둘 폴더")
    parser.add_argument("--force", action="store_true", help="캐시를 무시하고 다시 그리기")
    parser.add_argument(
        "--timeout", type=float, metavar="초", help="그림 하나의 제한 시간 (기본: mkdocs.yml 의 extra.figures.timeout)"
    )
    parser.add_argument(
        "--workers", type=int, metavar="개수", help="동시에 그릴 프로세스 수 (기본: mkdocs.yml 의 extra.figures.workers)"
    )
    args = parser.parse_args(argv)

    try:
        # The same settings as the site build, so a figure that draws here draws there.
        settings = figure_settings(read_mkdocs_yml(ROOT).get("extra"))
        report = build_figures(
            ROOT / "figures",
            ROOT / ".cache" / "figures",
            workers=args.workers or settings.workers,
            timeout=args.timeout or settings.timeout,
            limits=settings.limits,
            force=args.force,
            only=args.scripts or None,
        )
    except CourseBuildError as error:
        print(error, file=sys.stderr)
        return 1
    for warning in report.warnings:
        print(f"경고: {warning}", file=sys.stderr)
    if args.out:
        for uri, figure in report.figures.items():
            target = args.out / Path(uri).relative_to("figures")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(figure.drawn.standalone, target)
            print(f"{target}  (휴대폰 화면에서 가장 작은 글자 {figure.drawn.smallest_text_px_on_phone:g}px)")
    print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
