"""The figure settings under mkdocs.yml ``extra.figures``: declared once, for the hook and the command.

    extra:
      figures:
        timeout: 60        # seconds one script may take (wall clock)
        workers: 0         # parallel processes; 0 = one per CPU core
        memory_mb: 2048    # memory one script may use
        cpu_seconds: 120   # CPU time one script may use
        output_kb: 2048    # largest SVG, and most text a script may print
"""

from __future__ import annotations

from dataclasses import dataclass

from course_site.extra_settings import count, kilobytes, megabytes, read_settings, seconds
from course_site.sandbox import FIGURE_LIMITS, Limits

SETTINGS = {
    "timeout": seconds(60),
    "workers": count(0),
    "memory_mb": megabytes(FIGURE_LIMITS.memory_mb),
    "cpu_seconds": seconds(FIGURE_LIMITS.cpu_seconds),
    "output_kb": kilobytes(FIGURE_LIMITS.output_kb),
}


@dataclass(frozen=True)
class FigureSettings:
    timeout: float
    workers: int | None  # None: one process per CPU core
    limits: Limits


def figure_settings(extra: dict | None) -> FigureSettings:
    """``extra.figures`` checked (CourseBuildError naming each mistake), defaults filled in."""
    values = read_settings(extra, "figures", SETTINGS)
    return FigureSettings(
        timeout=values["timeout"],
        workers=values["workers"] or None,
        limits=Limits(values["memory_mb"], values["cpu_seconds"], values["output_kb"], section="figures"),
    )
