"""KaTeX's stylesheet and fonts, taken from the installed npm package ``katex``.

The files are copied into the built site at build time (never into docs/,
never committed): ``assets/katex/katex.css`` and ``assets/katex/fonts/*.woff2``.
Only WOFF2 is shipped, which every browser that runs Material reads, so the
stylesheet is trimmed to name only those files. Pages with math link the
stylesheet; a browser then downloads just the fonts a page's formulas use.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from course_site.errors import CourseBuildError
from course_site.formulas.render import KATEX_VERSION

SITE_FOLDER = "assets/katex"
STYLESHEET_URI = f"{SITE_FOLDER}/katex.css"

# One alternative in a @font-face src list: url(fonts/X.woff) format("woff").
FONT_SOURCE = re.compile(r',?\s*url\((?P<url>[^)]+)\)\s*format\("(?P<format>[a-z0-9]+)"\)')
FONT_SOURCE_URLS = re.compile(r'url\(([^)]+\.woff2)\)\s*format\("woff2"\)')

# Hangul in \text{...} has no KaTeX font; the browser falls back to a serif
# system font, which looks foreign next to the page's sans-serif text.
OUR_RULES = ".katex .hangul_fallback{font-family:var(--md-text-font-family,sans-serif)}\n"


@dataclass(frozen=True)
class KatexAssets:
    stylesheet: str  # trimmed to WOFF2, with our Hangul rule
    fonts: dict[str, Path]  # site URI -> installed file

    def files(self) -> dict[str, Path | str]:
        """Site URI -> installed file (fonts) or text (stylesheet)."""
        return {STYLESHEET_URI: self.stylesheet, **self.fonts}


def katex_packages(root: Path) -> list[Path]:
    """Where ``npm ci`` may have installed KaTeX for a build of the project at ``root``.

    First beside mkdocs.yml; then beside the virtual environment that runs the
    build (make puts .venv/ and node_modules/ side by side), so that a copy of
    the project built with the checkout's .venv finds the checkout's KaTeX just
    as it finds its pykatex.
    """
    places = [root]
    if sys.prefix != sys.base_prefix:
        places.append(Path(sys.prefix).parent)
    packages: list[Path] = []
    for place in places:
        package = place.resolve() / "node_modules" / "katex"
        if package not in packages:
            packages.append(package)
    return packages


def find_katex_assets(packages: list[Path]) -> KatexAssets | None:
    """The assets of the first installed package of ``packages``; None when none is installed.

    Raises CourseBuildError when the installed version is not the one the
    renderer embeds (the markup would not match the stylesheet).
    """
    for package in packages:
        try:
            installed = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
            css = (package / "dist" / "katex.min.css").read_text(encoding="utf-8")
        except (OSError, ValueError, KeyError):
            continue
        return package_assets(package, installed, css)
    return None


def package_assets(package: Path, installed: str, css: str) -> KatexAssets:
    if installed != KATEX_VERSION:
        raise CourseBuildError(
            f"{package}: KaTeX {installed} 이(가) 설치되어 있지만 수식 렌더러는 KaTeX {KATEX_VERSION} 입니다.\n"
            f"  package.json 의 katex 를 {KATEX_VERSION} 으로 맞추고 npm ci 를 실행하세요."
        )
    stylesheet = woff2_only(css)
    fonts: dict[str, Path] = {}
    for url in sorted(set(FONT_SOURCE_URLS.findall(stylesheet))):
        path = package / "dist" / url
        if not path.is_file():
            raise CourseBuildError(f"{path}: KaTeX 글꼴 파일이 없습니다. npm ci 로 katex 를 다시 설치하세요.")
        fonts[f"{SITE_FOLDER}/{url}"] = path
    return KatexAssets(stylesheet + OUR_RULES, fonts)


def woff2_only(css: str) -> str:
    """``css`` with every @font-face source but the WOFF2 one removed."""
    return FONT_SOURCE.sub(lambda match: match[0] if match["format"] == "woff2" else "", css)


def missing_assets_message(packages: list[Path]) -> str:
    places = " 또는 ".join(str(package) for package in packages)
    return (
        f"KaTeX 스타일과 글꼴이 설치되어 있지 않습니다 ({places} 에 없음).\n"
        "  수식이 있는 페이지를 만들려면 make 로 환경을 만들거나 npm ci 를 실행하세요."
    )
