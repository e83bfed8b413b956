"""The benchmark's results (tools/benchmark-results/<date>.json) as the Markdown table the README links to."""

from __future__ import annotations

import statistics

# Targets of issue 13: (measurement, pages) -> largest ratio ours/stock allowed.
RATIO_TARGETS = {
    ("warm", "1"): 1.2, ("warm", "100"): 1.2, ("warm", "500"): 0.8,
    ("page", "100"): 1.5,
    ("cold", "100"): 6.0,
    ("serve_page", "100"): 1.5,
}
RSS_TARGET_MIB = {"500": 1024}

BUILD_ROWS = (
    ("warm", "바뀐 것 없는 빌드"),
    ("page", "세미나 한 쪽을 고친 뒤 빌드"),
    ("figure", "그림 스크립트 하나를 고친 뒤 빌드"),
    ("cold", "캐시 없는 빌드 (그림·노트북·검색 분석 전부)"),
)
SERVE_ROWS = (("page", "`mkdocs serve`: Markdown 저장 → 브라우저에 보임"), ("figure", "`mkdocs serve`: 그림 스크립트 저장 → 브라우저에 보임"))


def median(values: list[float]) -> float:
    return statistics.median(values)


def ratio_cell(ours: list[float], stock: list[float], target: float | None,
               cpu: tuple[list[float], list[float]] | None = None) -> str:
    o, s = median(ours), median(stock)
    ratio = o / s
    cell = f"{o:.2f} / {s:.2f} s = **{ratio:.2f}×**"
    if cpu and cpu[0]:
        oc, sc = median(cpu[0]), median(cpu[1])
        cell += f" (CPU {oc:.1f} / {sc:.1f} s = {oc / sc:.2f}×)"
    if target is not None:
        cell += f" ✅ (목표 ≤ {target:g}×)" if ratio <= target else f" ❌ 목표 ≤ {target:g}×, {ratio / target:.2f}배 넘음"
    return cell


def results_table(results: dict, date: str) -> str:
    sizes = sorted(results["sizes"], key=int)
    header = "| | " + " | ".join(f"{size}쪽" for size in sizes) + " |"
    rule = "|---|" + "---|" * len(sizes)
    rows = [header, rule]

    def row(label: str, cell) -> None:
        rows.append(f"| {label} | " + " | ".join(cell(size, results["sizes"][size]) for size in sizes) + " |")

    for kind, label in BUILD_ROWS:
        row(label, lambda size, entry, kind=kind: ratio_cell(
            entry[kind]["ours"], entry[kind]["stock"], RATIO_TARGETS.get((kind, size)),
            (entry[kind].get("ours_cpu"), entry[kind].get("stock_cpu"))) if kind in entry else "—")
    for kind, label in SERVE_ROWS:
        row(label, lambda size, entry, kind=kind: ratio_cell(entry["serve"][f"ours_{kind}"], entry["serve"][f"stock_{kind}"],
                                                              RATIO_TARGETS.get((f"serve_{kind}", size)))
            if "serve" in entry else "—")

    def memory(size: str, entry: dict) -> str:
        parts, peaks = [], []
        for kind in ("warm", "page", "cold"):
            if kind in entry:
                ours, stock = max(entry[kind]["ours_rss"]) / 2**20, max(entry[kind]["stock_rss"]) / 2**20
                peaks.append(ours)
                parts.append(f"{ours:.0f} ({stock:.0f})")
        if not parts:
            return "—"
        cell = " / ".join(parts)
        target = RSS_TARGET_MIB.get(size)
        if target:
            cell += f" ✅ (목표 ≤ {target} MiB)" if max(peaks) <= target else f" ❌ 목표 ≤ {target} MiB"
        return cell

    row("최대 메모리 MiB, 바뀐 것 없음 / 한 쪽 수정 / 캐시 없음: 우리 (기본)", memory)

    def size_cell(name: str):
        def cell(size: str, entry: dict) -> str:
            if "size" not in entry:
                return "—"
            ours, stock = entry["size"]["ours"], entry["size"]["stock"]
            return (f"{kb(ours[name])} ({kb(ours[name + '_gzip'])} gzip) / "
                    f"{kb(stock[name])} ({kb(stock[name + '_gzip'])} gzip)")
        return cell

    row("검색 색인 search_index.json: 우리 / 기본", size_cell("search_index"))
    row("세미나 한 쪽의 HTML: 우리 / 기본", size_cell("page_html"))

    lines = [
        f"# 빌드 속도: 우리 사이트와 기본 Material ({date})",
        "",
        "`python tools/benchmark.py` 로 잰 값입니다. 세미나 04에서 만든 N쪽짜리 과정(쪽마다 글이 다름, "
        f"한 학기 12쪽씩 여러 학기)을 우리 빌드와 기본 Material 빌드(같은 markdown_extensions, "
        "`theme: {name: material, language: ko, font: false}`, `plugins: [search]`, 그림은 미리 그린 SVG, "
        "hook 없음)로 번갈아(우리, 기본, 우리, 기본 …) 빌드해 중앙값을 적었습니다. 칸마다 "
        "`우리 / 기본 = 비율`(벽시계 시간)이고 괄호 안은 프로세스 트리 전체의 CPU 시간입니다. 비율이 작을수록 우리가 빠르고, 목표 판정은 벽시계 비율로 합니다. 기계가 바쁠 때는 CPU 시간 비율이 조용한 기계의 벽시계 비율에 더 가깝습니다(그림을 프로세스 여러 개로 그릴 때는 예외). 1쪽은 실제 사이트 그대로입니다.",
        "",
        *rows,
        "",
    ]
    if "workers" in results:
        one, two = median(results["workers"]["1"]), median(results["workers"]["2"])
        faster = "1개" if one <= two else "2개"
        cpu = ""
        if results["workers"].get("1_cpu"):
            cpu = (f" CPU 시간은 1개 {median(results['workers']['1_cpu']):.1f} s, "
                   f"2개 {median(results['workers']['2_cpu']):.1f} s입니다.")
        lines += [f"그림 전부(`render_figures.py --force`): 프로세스 1개 {one:.2f} s, 2개 {two:.2f} s "
                  f"({two / one:.2f}×) — 이 측정에서는 {faster}가 빨랐습니다.{cpu} 다른 작업과 CPU를 나눠 쓸 때는 "
                  "프로세스가 많은 쪽이 CPU를 더 많이 받으므로, 조용한 기계에서 다시 재어 기본값을 정하세요.", ""]
    lines.append("측정 조건:")
    lines.append("")
    for size in sizes:
        entry = results["sizes"][size]
        lines.append(f"- {size}쪽: {entry['measured']}, 반복 {repeats(entry)}, "
                     f"1분 평균 부하 {entry['load_before']} → {entry.get('load_after', '?')} (CPU 2개)")
    lines += [f"- {note}" for note in results.get("notes", [])]
    return "\n".join(lines) + "\n"


def repeats(entry: dict) -> str:
    """How many times each measurement of one size ran (runs of several invocations may differ)."""
    counts = {label: len(entry[kind]["ours"]) for kind, label in BUILD_ROWS if kind in entry}
    if "serve" in entry:
        counts["mkdocs serve"] = len(entry["serve"]["ours_page"])
    if not counts:
        return f"{entry['repeats']}회"
    return ", ".join(f"{label.split(' (')[0]} {count}회" for label, count in counts.items())


def kb(size: int) -> str:
    return f"{size / 1000:.1f} KB" if size < 1_000_000 else f"{size / 1_000_000:.2f} MB"
