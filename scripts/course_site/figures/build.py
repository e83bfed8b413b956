"""Bring every figure up to date: cached where possible, rendered where not.

This is the one entry point the MkDocs hook and the command line share.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from course_site.errors import CourseBuildError
from course_site.figures.cache import CachedFigure, FigureCache
from course_site.figures.discover import FigureSource, discover, script_display_path
from course_site.figures.render_pool import RenderResult, render_all
from course_site.sandbox import FIGURE_LIMITS, Limits


@dataclass(frozen=True)
class BuiltFigure:
    source: FigureSource
    drawn: CachedFigure  # files in the cache and what pages need to know


@dataclass
class FigureReport:
    figures: dict[str, BuiltFigure]  # by site path, e.g. "figures/seminar04/x.svg"
    rendered: int
    cached: int
    seconds: float
    warnings: list[str] = field(default_factory=list)
    # Figures too detailed for a phone's column: they scroll sideways there.
    wide_on_phone: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"그림 {len(self.figures)}개: 새로 그림 {self.rendered}개, 캐시 {self.cached}개 "
            f"({self.seconds:.1f}초)"
        )


def build_figures(
    figures_dir: Path,
    cache_dir: Path,
    *,
    workers: int | None = None,
    timeout: float = 60.0,
    force: bool = False,
    only: list[Path] | None = None,
    limits: Limits = FIGURE_LIMITS,
    network_namespace: bool | None = None,
) -> FigureReport:
    """Render what is missing from the cache; raise one error listing every failure."""
    started = time.monotonic()
    figures_dir = figures_dir.resolve()
    sources = discover(figures_dir, only=only)
    missing_caption = [source for source in sources if not source.caption]
    if missing_caption:
        raise CourseBuildError(
            "캡션이 없는 그림 스크립트가 있습니다:\n"
            + "\n".join(
                f"  {script_display_path(s.script, figures_dir)}:1: 파일 맨 위에 한 줄 설명 docstring "
                '("""그림 설명"""), 곧 그림의 캡션을 쓰세요.'
                for s in missing_caption
            )
        )

    cache = FigureCache(cache_dir)
    ready = {} if force else {s.name: cache.get(s.key) for s in sources}
    to_render = [s for s in sources if ready.get(s.name) is None]
    results = render_all(
        to_render, figures_dir, workers=workers, timeout=timeout, limits=limits, network_namespace=network_namespace
    )

    failures = [result for result in results if not result.ok]
    if failures:
        raise CourseBuildError(failure_summary(failures, figures_dir))

    for result in results:
        source = result.source
        ready[source.name] = cache.put(
            source.key,
            result.standalone,
            result.inline,
            width_px=result.width_px,
            height_px=result.height_px,
            fonts=result.fonts,
            dark_colours=result.dark_colours,
            smallest_text_px_on_phone=result.smallest_text_px_on_phone,
            legibility=result.legibility,
            narrowest_px=result.narrowest_px,
            warnings=tuple(result.warnings),
        )

    figures = {}
    warnings, wide_on_phone = [], []
    for source in sources:
        figures[source.svg_uri] = BuiltFigure(source, ready[source.name])
        display = script_display_path(source.script, figures_dir)
        # Cached or not: reported on every build until the script is changed.
        warnings.extend(f"{display}: {note}" for note in ready[source.name].warnings)
        if ready[source.name].legibility:
            wide_on_phone.append(f"{display}: {ready[source.name].legibility}")
    if only is None:  # a complete build knows every figure in use
        cache.prune({source.key for source in sources})
    return FigureReport(
        figures=figures,
        rendered=len(to_render),
        cached=len(sources) - len(to_render),
        seconds=time.monotonic() - started,
        warnings=warnings,
        wide_on_phone=wide_on_phone,
    )


def failure_summary(failures: list[RenderResult], figures_dir: Path) -> str:
    """One message for all failed scripts, each with its own trimmed traceback.

    A broken shared style module is one mistake, not one per figure: it is
    named alone, at its own line.
    """
    broken_style = next((result for result in failures if result.style_broken), None)
    if broken_style is not None:
        display = script_display_path(Path(broken_style.file or figures_dir / "figure_style.py"), figures_dir)
        location = f"{display}:{broken_style.line}" if broken_style.line else display
        message = f"{location}: {broken_style.message}".replace("\n", "\n  ")
        if broken_style.traceback:
            message += "\n  호출 경로:\n    " + broken_style.traceback.strip().replace("\n", "\n    ")
        return message
    parts = [f"그림 스크립트 {len(failures)}개가 실패했습니다. 아래를 고친 뒤 다시 빌드하세요."]
    for result in failures:
        display = script_display_path(result.source.script, figures_dir)
        blamed = script_display_path(Path(result.file), figures_dir) if result.file else display
        location = f"{blamed}:{result.line}" if result.line else blamed
        if blamed != display:  # the error is in a shared module the runner called for this script
            location += f" ({display} 을(를) 그리던 중)"
        parts.append(f"\n{location}\n  " + result.message.replace("\n", "\n  "))
        if result.traceback:
            parts.append("  호출 경로 (그림 스크립트 부분만):\n    " + result.traceback.strip().replace("\n", "\n    "))
        parts.append(f"  이 그림만 다시 그려 보기: python scripts/render_figures.py {display}")
    return "\n".join(parts)
