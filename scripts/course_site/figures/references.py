"""Images on a page that point into figures/ where no figure is drawn, and why.

"No script draws it" is the right diagnosis only when no script comes close.
The usual mistakes are a raster suffix left from a blog post (``.png`` for a
figure the site draws as ``.svg``), a script saved outside a group folder, a
script named with a leading underscore (a helper, never drawn) and a typo.
Each gets its own fix.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from pathlib import Path

from course_site.page_checks import images_in

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


_FENCE = re.compile(r"^\s*(```|~~~)")


def unknown_figure_references(markdown: str, page_src_uri: str, known: set[str]) -> list[tuple[int, str]]:
    """(line, path) of each image pointing into figures/ that no script draws.

    Markdown images and raw ``<img>`` tags alike (page_checks.images_in reads
    both); ``line`` counts lines of ``markdown`` (1-based). Fenced code is
    skipped, since an example of the syntax there is not a reference.
    """
    problems = []
    in_fence = False
    page_dir = posixpath.dirname(page_src_uri)
    for number, line in enumerate(markdown.splitlines(), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        for path, _alt in images_in(line):
            if not path or "://" in path or path.startswith(("/", "data:")):
                continue
            target = posixpath.normpath(posixpath.join(page_dir, path.split("#")[0]))
            if target.startswith("figures/") and target not in known:
                problems.append((number, path))
    return problems
