"""Why a page's image path into figures/ matches no figure, in the author's terms.

"No script draws it" is the right diagnosis only when no script comes close.
The usual mistakes are a raster suffix left from a blog post (``.png`` for a
figure the site draws as ``.svg``), a script saved outside a group folder, a
script named with a leading underscore (a helper, never drawn) and a typo.
Each gets its own fix.
"""

from __future__ import annotations

import difflib
import posixpath
from pathlib import Path

RASTER_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf")


def explain_unknown_reference(path: str, page_src_uri: str, known: set[str], project_dir: Path) -> str:
    """One line: what is wrong with ``path`` (as written on the page) and what to write instead.

    ``known`` holds the site paths of every drawn figure ("figures/g/x.svg");
    ``project_dir`` is the folder holding figures/ (for scripts that exist but
    are not drawn).
    """
    page_dir = posixpath.dirname(page_src_uri)
    target = posixpath.normpath(posixpath.join(page_dir, path.split("#")[0]))
    stem, suffix = posixpath.splitext(target)
    stem = stem.removesuffix(".dark")
    script = f"{stem}.py"

    def as_written(site_path: str) -> str:
        return posixpath.relpath(site_path, page_dir or ".")

    if suffix.lower() in RASTER_SUFFIXES and f"{stem}.svg" in known:
        return (
            f"'{path}' → 그림은 SVG 로 그려집니다. '{as_written(stem + '.svg')}' 로 고치세요 "
            f"(스크립트 {script})."
        )
    if (project_dir / script).is_file():
        if posixpath.dirname(script) == "figures":
            return (
                f"'{path}' → {script} 가 figures/ 바로 아래에 있어 그림으로 그려지지 않습니다. "
                f"묶음 폴더로 옮기세요 (예: figures/seminar05/{posixpath.basename(script)})."
            )
        if posixpath.basename(script).startswith("_"):
            return (
                f"'{path}' → 이름이 _ 로 시작하는 {script} 는 도움 모듈로 여겨 그리지 않습니다. "
                "_ 를 뺀 이름으로 바꾸세요."
            )
    close = difflib.get_close_matches(f"{stem}.svg", sorted(known), n=1, cutoff=0.75)
    hint = f" 혹시 '{as_written(close[0])}' 인가요?" if close else " 경로를 고치거나 그 이름의 그림 스크립트를 만드세요."
    return f"'{path}' → 그릴 스크립트 {script} 이(가) 없습니다.{hint}"
