"""The review as a static HTML page (Korean) and as a Markdown summary for CI.

The page loads nothing from anywhere else: its style is inline and its
pictures are PNG files in ``images/`` beside it, so it reads the same from a
downloaded workflow artifact, offline.
"""

from __future__ import annotations

import difflib
import hashlib
import html
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from course_site.figure_review.compare import TOLERANCE, FigureResult, Status, VariantResult
from course_site.figure_review.revisions import Revision

SECTION_TITLES = {
    Status.CHANGED: "바뀐 그림",
    Status.ADDED: "새 그림",
    Status.REMOVED: "없어진 그림",
    Status.SAME_LOOK: "같은 모양",
    Status.UNCHANGED: "그대로인 그림",
}
SHOWN_SECTIONS = (Status.CHANGED, Status.ADDED, Status.REMOVED)
VARIANT_NAMES = {"light": "밝은 화면", "dark": "어두운 화면"}
VARIANT_STATES = {Status.ADDED: "새로 생김", Status.REMOVED: "없어짐", Status.SAME_LOOK: "같은 모양"}

STYLE = """
:root { color-scheme: light; font-family: system-ui, "Noto Sans KR", "NanumGothic", sans-serif; }
body { margin: 0 auto; max-width: 1500px; padding: 1.5rem; color: #1f2328; background: #f6f8fa; line-height: 1.5; }
h1 { margin-top: 0; }
a { color: #0b57d0; }
code { font-family: ui-monospace, monospace; font-size: 0.95em; }
.counts { display: flex; flex-wrap: wrap; gap: 0.5rem; padding: 0; list-style: none; }
.counts li { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: 0.3rem 0.8rem; }
article { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: 1rem; margin: 1rem 0; }
article h3 { margin: 0 0 0.3rem; font-size: 1.05rem; }
.variant h4 { margin: 1rem 0 0.4rem; font-size: 0.95rem; font-weight: 600; }
.pictures { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 0.75rem; }
figure { margin: 0; }
figure img { display: block; max-width: 100%; height: auto; border: 1px solid #d0d7de; }
figcaption { font-size: 0.85rem; color: #59636e; }
details { margin-top: 0.75rem; }
pre { overflow-x: auto; background: #f6f8fa; padding: 0.5rem; font-size: 0.85rem; }
.added-line { color: #116329; } .removed-line { color: #a40e26; } .hunk { color: #59636e; }
footer { color: #59636e; font-size: 0.9rem; margin-top: 2rem; }
"""


@dataclass(frozen=True)
class ScriptLinks:
    """Where a figure script's change can be read online, if anywhere."""

    changes_url: str | None = None  # the pull request's files view
    repo_url: str | None = None  # mkdocs.yml repo_url
    base_commit: str | None = None

    def href(self, result: FigureResult) -> tuple[str, str] | None:
        """(address, link text) for ``result``'s script, or None when offline only."""
        if self.changes_url:
            # The files view anchors each file at "diff-" + SHA-256 of its path.
            anchor = hashlib.sha256(result.script.encode("utf-8")).hexdigest()
            return f"{self.changes_url}#diff-{anchor}", "PR에서 바뀐 코드 보기"
        if self.repo_url and self.base_commit and result.status is not Status.ADDED:
            return (
                f"{self.repo_url.rstrip('/')}/blob/{self.base_commit}/{result.script}",
                "기준 리비전의 스크립트 보기",
            )
        return None


def script_diff(script: str, before: str | None, after: str | None) -> str:
    """Unified diff of one figure script between the two revisions ("" if unchanged)."""
    return "".join(
        difflib.unified_diff(
            (before or "").splitlines(keepends=True),
            (after or "").splitlines(keepends=True),
            fromfile=f"a/{script}" if before is not None else "/dev/null",
            tofile=f"b/{script}" if after is not None else "/dev/null",
        )
    )


def counts(results: list[FigureResult]) -> Counter:
    return Counter(result.status for result in results)


def write_report(
    results: list[FigureResult],
    out: Path,
    *,
    before: Revision,
    after: Revision,
    links: ScriptLinks,
    diffs: dict[str, str],
) -> Path:
    """Write ``out/index.html`` (the pictures are already in ``out/images``)."""
    tally = counts(results)
    parts = [
        "<!doctype html>",
        '<html lang="ko"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>그림 변경 검토</title>",
        f"<style>{STYLE}</style></head><body>",
        "<header><h1>그림 변경 검토</h1>",
        f"<p>전: {html.escape(before.label)} &rarr; 후: {html.escape(after.label)}</p>",
        '<ul class="counts">',
    ]
    for status in (*SHOWN_SECTIONS, Status.SAME_LOOK, Status.UNCHANGED):
        title = f"{SECTION_TITLES[status]} {tally[status]}개"
        if tally[status] and status is not Status.UNCHANGED:
            title = f'<a href="#{status.value}">{title}</a>'
        parts.append(f"<li>{title}</li>")
    parts.append("</ul></header><main>")
    if not any(tally[status] for status in (*SHOWN_SECTIONS, Status.SAME_LOOK)):
        parts.append("<p>모양이 바뀐 그림이 없습니다.</p>")
    for status in SHOWN_SECTIONS:
        shown = [result for result in results if result.status is status]
        if not shown:
            continue
        parts.append(f'<section id="{status.value}"><h2>{SECTION_TITLES[status]} ({len(shown)})</h2>')
        parts.extend(figure_article(result, links, diffs.get(result.name, "")) for result in shown)
        parts.append("</section>")
    same_look = [result for result in results if result.status is Status.SAME_LOOK]
    if same_look:
        parts.append(f'<section id="{Status.SAME_LOOK.value}"><h2>같은 모양 ({len(same_look)})</h2>')
        parts.append("<p>SVG 내용은 바뀌었지만 그려 보면 픽셀이 같은 그림입니다.</p><ul>")
        parts.extend(f"<li><code>{html.escape(result.script)}</code></li>" for result in same_look)
        parts.append("</ul></section>")
    parts.append(
        "</main><footer>"
        f"<p>그대로인 그림 {tally[Status.UNCHANGED]}개는 보여 주지 않습니다.</p>"
        "<p>비교 방법: 두 리비전의 그림을 각자의 scripts/render_figures.py 로 그리고, 밝은 화면과 어두운 화면을 "
        "Chromium 으로 그려 픽셀을 비교했습니다. 색 채널 차이가 "
        f"{TOLERANCE}/255 이하인 픽셀은 같다고 봅니다. 차이 그림에서 자홍색이 바뀐 픽셀입니다.</p>"
        "</footer></body></html>"
    )
    out.mkdir(parents=True, exist_ok=True)
    page = out / "index.html"
    page.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return page


def figure_article(result: FigureResult, links: ScriptLinks, diff: str) -> str:
    parts = [f'<article id="figure-{html.escape(result.name.replace("/", "-"))}">']
    parts.append(f"<h3><code>{html.escape(result.script)}</code></h3>")
    link = links.href(result)
    if link:
        parts.append(f'<p><a href="{html.escape(link[0])}">{html.escape(link[1])}</a></p>')
    for variant in result.variants:
        parts.append(variant_block(variant))
    if diff:
        parts.append(
            "<details><summary>스크립트 변경 내용 (git diff)</summary>"
            f"<pre>{coloured_diff(diff)}</pre></details>"
        )
    elif result.status is Status.CHANGED:
        parts.append(
            "<p>스크립트는 그대로입니다. 공유 모듈(figures/*.py), 글꼴, INPUTS 의 데이터 파일, "
            "라이브러리 버전이나 그림 파이프라인이 바뀌었을 수 있습니다.</p>"
        )
    parts.append("</article>")
    return "\n".join(parts)


def variant_block(variant: VariantResult) -> str:
    name = VARIANT_NAMES.get(variant.variant, variant.variant)
    if variant.status is Status.UNCHANGED:
        return f'<div class="variant"><h4>{name}: 그대로</h4></div>'
    if variant.status is Status.SAME_LOOK:
        return f'<div class="variant"><h4>{name}: 같은 모양</h4></div>'
    if variant.status is Status.ADDED:
        heading, pictures = f"{name}: 새로 생김", [(variant.after_png, "후")]
    elif variant.status is Status.REMOVED:
        heading, pictures = f"{name}: 없어짐", [(variant.before_png, "전")]
    else:
        share = variant.changed_pixels / variant.total_pixels if variant.total_pixels else 0
        heading = f"{name}: 픽셀 {variant.changed_pixels:,}개 ({share:.2%}) 다름"
        pictures = [(variant.before_png, "전"), (variant.after_png, "후"), (variant.diff_png, "차이")]
    figures = "".join(
        f'<figure><img src="{html.escape(src)}" alt="{name} {caption}" loading="lazy">'
        f"<figcaption>{caption}</figcaption></figure>"
        for src, caption in pictures
    )
    return f'<div class="variant"><h4>{heading}</h4><div class="pictures">{figures}</div></div>'


def coloured_diff(diff: str) -> str:
    lines = []
    for line in diff.splitlines():
        escaped = html.escape(line)
        if line.startswith("+") and not line.startswith("+++"):
            lines.append(f'<span class="added-line">{escaped}</span>')
        elif line.startswith("-") and not line.startswith("---"):
            lines.append(f'<span class="removed-line">{escaped}</span>')
        elif line.startswith("@@"):
            lines.append(f'<span class="hunk">{escaped}</span>')
        else:
            lines.append(escaped)
    return "\n".join(lines)


def summary_markdown(results: list[FigureResult], *, before: Revision, after: Revision) -> str:
    """Short Markdown for a CI job summary: the counts and one row per figure that changed."""
    tally = counts(results)
    lines = [
        "### 그림 변경 검토",
        "",
        f"전: {before.label} → 후: {after.label}",
        "",
        " · ".join(
            f"{SECTION_TITLES[status]} {tally[status]}"
            for status in (*SHOWN_SECTIONS, Status.SAME_LOOK, Status.UNCHANGED)
        ),
        "",
    ]
    listed = [result for result in results if result.status in (*SHOWN_SECTIONS, Status.SAME_LOOK)]
    if not listed:
        lines.append("모양이 바뀐 그림이 없습니다.")
        return "\n".join(lines) + "\n"
    lines += ["| 그림 스크립트 | 상태 | 내용 |", "| --- | --- | --- |"]
    for result in listed:
        detail = ", ".join(
            variant_summary(variant) for variant in result.variants if variant.status is not Status.UNCHANGED
        )
        lines.append(f"| `{result.script}` | {SECTION_TITLES[result.status]} | {detail} |")
    return "\n".join(lines) + "\n"


def variant_summary(variant: VariantResult) -> str:
    name = VARIANT_NAMES.get(variant.variant, variant.variant)
    if variant.status is Status.CHANGED:
        share = variant.changed_pixels / variant.total_pixels if variant.total_pixels else 0
        return f"{name} 픽셀 {share:.2%} 다름"
    return f"{name} {VARIANT_STATES[variant.status]}"
