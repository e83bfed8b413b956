"""One review from start to end: draw both revisions, compare, write the report."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from course_site.errors import CourseBuildError
from course_site.figure_review.compare import FigureResult, Rasteriser, Status, compare_revisions
from course_site.figure_review.report import ScriptLinks, script_diff, summary_markdown, write_report
from course_site.figure_review.revisions import (
    Revision,
    draw_revision,
    export_revision,
    resolve_base,
    script_text,
)

WORKING_TREE = Revision("작업 트리", None)
REPORT_FILES = {"index.html", "summary.md", "images"}


@dataclass(frozen=True)
class Review:
    page: Path  # index.html
    summary: Path  # summary.md
    results: list[FigureResult]


def review_figures(
    repo: Path,
    out: Path,
    *,
    base: str | None = None,
    changes_url: str | None = None,
    timeout: float = 60.0,
) -> Review:
    """Compare every figure of ``base``'s merge base with the working tree of ``repo``."""
    before_revision = resolve_base(repo, base)
    images = clear_earlier_report(out)
    with tempfile.TemporaryDirectory(prefix="figure-review-") as scratch:
        scratch = Path(scratch)
        before_root = export_revision(repo, before_revision.commit, scratch / "before-tree")
        before = draw_revision(before_revision, before_root, scratch / "before-svg", timeout=timeout)
        after = draw_revision(WORKING_TREE, repo, scratch / "after-svg", timeout=timeout)
        (scratch / "raster").mkdir()
        with Rasteriser(scratch / "raster") as rasteriser:
            results = compare_revisions(before, after, rasteriser, images)
        diffs = {
            result.name: script_diff(
                result.script, script_text(before, result.script), script_text(after, result.script)
            )
            for result in results
            if result.status in (Status.CHANGED, Status.ADDED, Status.REMOVED)
        }
    links = ScriptLinks(changes_url, repo_url(repo / "mkdocs.yml"), before_revision.commit)
    page = write_report(results, out, before=before_revision, after=WORKING_TREE, links=links, diffs=diffs)
    summary = out / "summary.md"
    summary.write_text(
        summary_markdown(results, before=before_revision, after=WORKING_TREE), encoding="utf-8"
    )
    return Review(page, summary, results)


def clear_earlier_report(out: Path) -> Path:
    """The empty images folder of ``out``; refuses a folder that holds anything but a report."""
    if out.exists():
        foreign = sorted(path.name for path in out.iterdir() if path.name not in REPORT_FILES)
        if foreign:
            raise CourseBuildError(
                f"보고서 폴더 {out} 에 보고서가 아닌 파일이 있습니다: {', '.join(foreign[:5])}\n"
                "  지우지 않도록 멈췄습니다. --out 으로 새 폴더나 빈 폴더를 지정하세요."
            )
        shutil.rmtree(out / "images", ignore_errors=True)  # pictures of an earlier review
    return out / "images"


class _AnyTagLoader(yaml.SafeLoader):
    """Reads a MkDocs config without constructing its Python and !ENV tags."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def repo_url(config: Path) -> str | None:
    """``repo_url`` of the MkDocs config, if it names one."""
    if not config.is_file():
        return None
    settings = yaml.load(config.read_text(encoding="utf-8"), Loader=_AnyTagLoader)  # noqa: S506 (safe loader)
    url = settings.get("repo_url") if isinstance(settings, dict) else None
    return url if isinstance(url, str) and url.startswith("https://") else None
