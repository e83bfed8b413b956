"""Line numbers, in the author's Markdown file, of formulas found in the HTML.

Markdown keeps the order of the text, so each formula is looked up after the
previous one. A formula's first line is enough: inside an admonition or a
list its later lines are indented in the source but not in the HTML.
"""

from __future__ import annotations


def formula_lines(source: str, formulas: list[str]) -> list[int | None]:
    """1-based line of each formula (TeX as rendered) in ``source``; None when not found."""
    lines: list[int | None] = []
    cursor = 0
    for tex in formulas:
        needle = next((line.strip() for line in tex.splitlines() if line.strip()), "")
        position = source.find(needle, cursor) if needle else -1
        if position < 0 and needle:
            position = source.find(needle)  # out of order: better an earlier line than none
        if position < 0:
            lines.append(None)
            continue
        lines.append(source.count("\n", 0, position) + 1)
        cursor = position + len(needle)
    return lines
