"""MkDocs adapter for figures drawn by Python scripts (see course_site.figures).

Settings: mkdocs.yml ``extra.figures``, declared in course_site.figures.settings.

MkDocs keeps this module loaded across rebuilds of ``mkdocs serve``, so the
only state is ``_build``, replaced in ``on_config`` at the start of each build.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

from course_site.errors import CourseBuildError
from course_site.figures.build import build_figures
from course_site.figures.html import (
    FigureView,
    drawing,
    drawing_file_uri,
    drawing_labels,
    figure_styles,
    place_figures,
)
from course_site.figures.references import explain_unknown_reference, unknown_figure_references
from course_site.figures.settings import figure_settings
from course_site.figures.web_fonts import PageFonts
from course_site.page_source import front_matter_line_count
from plugin_errors import reports_course_errors

log = get_plugin_logger("figures")

_build: dict = {}

# A drawing inlined whole (an image inside running text, a figure without a
# drawing file) is parked outside page.content while Material's search plugin
# parses the page (on_page_context) and drawn in on_post_page: the drawing is
# data-search-exclude anyway, yet parsing its thousands of tags cost more than
# the rest of a warm build (tools/benchmark-results, 2026-11-25). Parked as
# (attributes, view), not as text: MkDocs converts every page before it writes
# any, and a copy of each page's drawings held ~1.1 MiB a page until then
# (tools/benchmark-results/2026-11-26-where-time-goes.md). Figures fetch their
# drawing files in the reader's browser and leave only a light box here.
_PARKED = re.compile(r"<!--course-figure-drawing:(\d+)-->")


# Hooks ------------------------------------------------------------------------


@reports_course_errors
def on_config(config):
    _build.clear()
    root = Path(config.config_file_path).parent
    settings = figure_settings(config.extra)
    _build.update(
        figures_dir=root / "figures",
        cache_dir=root / ".cache" / "figures",
        timeout=settings.timeout,
        workers=settings.workers,
        limits=settings.limits,
        views={},
        page_fonts=PageFonts(root / ".cache" / "figures" / "fonts"),
        font_files=set(),  # site paths of the font subsets already added
        parked={},  # page src_uri -> (img attributes, figure) of each drawing still to draw
    )


# Before the notebook hook (100) runs notebooks: a misplaced or broken figure
# script is found by reading it, and should not wait for a kernel to finish.
@event_priority(105)
@reports_course_errors
def on_files(files, config):
    report = build_figures(
        _build["figures_dir"],
        _build["cache_dir"],
        workers=_build["workers"],
        timeout=_build["timeout"],
        limits=_build["limits"],
    )
    log.info(report.summary())
    for warning in report.warnings:
        log.warning(warning)
    for note in report.wide_on_phone:  # a warning: --strict builds stop until it is redrawn
        log.warning(note)
    for uri, figure in report.figures.items():
        # The figure as a file of its own: what "크게 보기" opens without JavaScript.
        files.append(File.generated(config, uri, abs_src_path=str(figure.drawn.standalone)))
        svg = figure.drawn.inline.read_text(encoding="utf-8")
        # The drawing pages fetch when it nears the screen (course_site.figures.html).
        drawing_uri = drawing_file_uri(uri, svg)
        files.append(File.generated(config, drawing_uri, content=svg))
        _build["views"][uri] = FigureView(
            svg=svg,
            caption=figure.source.caption,
            code_url=code_url(config.repo_url, figure.source.script_uri),
            fonts=figure.drawn.fonts,
            dark_colours=figure.drawn.dark_colours,
            narrowest_px=figure.drawn.narrowest_px,
            scrolls_on_phone=bool(figure.drawn.legibility),
            drawing_uri=drawing_uri,
            labels=drawing_labels(svg),
        )
    return files


@reports_course_errors
def on_page_markdown(markdown, page, config, files):
    problems = unknown_figure_references(markdown, page.file.src_uri, set(_build["views"]))
    if problems:
        offset = front_matter_line_count(page.file.content_string)
        project_dir = Path(_build["figures_dir"]).parent
        lines = "\n".join(
            f"  docs/{page.file.src_uri}:{line + offset}: "
            + explain_unknown_reference(path, page.file.src_uri, set(_build["views"]), project_dir)
            for line, path in problems
        )
        raise CourseBuildError("페이지가 없는 그림을 가리킵니다:\n" + lines)
    return markdown


@reports_course_errors
def on_page_content(html, page, config, files):
    parked = _build["parked"][page.file.src_uri] = []

    def park(attributes: dict, view: FigureView) -> str:
        parked.append((attributes, view))
        return f"<!--course-figure-drawing:{len(parked) - 1}-->"

    html, shown = place_figures(html, page.url, _build["views"], park)
    if not shown:
        return html
    fonts = _build["page_fonts"].for_figures([view.fonts for view in shown])
    for font in fonts:
        if font.uri not in _build["font_files"]:
            _build["font_files"].add(font.uri)
            files.append(File.generated(config, font.uri, content=font.data))
    return figure_styles(shown, fonts, page.url) + html


def on_post_page(output, page, config):
    parked = _build["parked"].pop(page.file.src_uri, None)
    if not parked:
        return output
    return _PARKED.sub(lambda match: drawing(*parked[int(match.group(1))]), output)


# Helper functions -------------------------------------------------------------


def code_url(repo_url: str | None, script_uri: str) -> str:
    """The script on the repository's default branch (HEAD), or "" without repo_url."""
    if not repo_url:
        return ""
    return f"{repo_url.rstrip('/')}/blob/HEAD/{script_uri}"
