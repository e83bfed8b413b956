"""Find formulas in an HTML fragment and put KaTeX's markup in their place.

Two kinds of input:

* Markdown pages: ``pymdownx.arithmatex`` (``generic: true``) has already
  decided what is math, with its careful rules for ``$``: a lone "$5" stays
  text, ``\\$`` is a dollar sign, code spans and code blocks are never math.
  It leaves ``<span class="arithmatex">\\(...\\)</span>`` and
  ``<div class="arithmatex">\\[...\\]</div>``; ``render_marked_math`` renders those.
* HTML that still holds TeX between delimiters, such as notebook Markdown
  cells as nbconvert leaves them: ``render_math_in_html`` finds ``$...$``,
  ``$$...$$``, ``\\(...\\)`` and ``\\[...\\]`` in text, never inside
  ``code``, ``pre``, ``script``, ``style`` or existing math, with the same
  rules for a lone ``$`` as Arithmatex.

Both collect every broken formula of the fragment and raise them together.
"""

from __future__ import annotations

import html as html_text
import re
from collections.abc import Callable

from course_site.errors import CourseBuildError
from course_site.formulas.render import Formula, FormulaError

Render = Callable[[Formula], str]


class FormulaErrors(CourseBuildError):
    """Every formula of one fragment that KaTeX could not read, in order."""

    def __init__(self, problems: list[FormulaError]):
        super().__init__("\n".join(f"{problem.formula.tex}: {problem}" for problem in problems))
        self.problems = problems


# What Arithmatex (generic mode) emits; the body is HTML-escaped TeX, so it holds no tags.
MARKED = re.compile(
    r'<(?P<tag>span|div)(?P<attrs>[^>]*?\sclass="arithmatex(?:\s[^"]*)?"[^>]*)>(?P<body>[^<]*)</(?P=tag)>'
)
WRAPS = {"\\(": ("\\)", False), "\\[": ("\\]", True)}


def marked_formula(tag: str, body: str) -> Formula:
    tex = html_text.unescape(body)
    for opening, (closing, display) in WRAPS.items():
        if tex.startswith(opening) and tex.endswith(closing):
            return Formula(tex[len(opening) : -len(closing)].strip(), display)
    return Formula(tex.strip(), tag == "div")


def marked_formulas(html: str) -> list[Formula]:
    """The formulas Arithmatex marked in ``html``, in reading order."""
    return [marked_formula(match["tag"], match["body"]) for match in MARKED.finditer(html)]


def render_marked_math(html: str, render: Render) -> tuple[str, int]:
    """``html`` with every Arithmatex formula rendered, and how many there were."""
    problems: list[FormulaError] = []

    def replace(match: re.Match) -> str:
        try:
            rendered = render(marked_formula(match["tag"], match["body"]))
        except FormulaError as problem:
            problems.append(problem)
            return match[0]
        # The wrapper stays: Material's CSS lets a wide display formula scroll
        # sideways inside div.arithmatex instead of widening the page.
        return f"<{match['tag']}{match['attrs']}>{rendered}</{match['tag']}>"

    result, count = MARKED.subn(replace, html)
    if problems:
        raise FormulaErrors(problems)
    return result, count


# Text between tags; the contents of these elements are never searched for math.
TAG_OR_COMMENT = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")
NOT_MATH = frozenset({"code", "pre", "script", "style", "textarea", "math", "kbd", "samp", "svg"})

# $$...$$ and \[...\] are display math, \(...\) and $...$ inline. A single $
# opens only before a non-space and closes only after a non-space and before
# a non-digit (Arithmatex's "smart dollar"), so "$5 and $10" stays text; an
# escaped \$ never opens or closes.
DELIMITED = re.compile(
    r"(?<!\\)\$\$(?P<display_dollars>.+?)(?<!\\)\$\$"
    r"|(?<!\\)\\\[(?P<display_brackets>.+?)(?<!\\)\\\]"
    r"|(?<!\\)\\\((?P<inline_parens>.+?)(?<!\\)\\\)"
    r"|(?<![\\$])\$(?![\s$])(?P<inline_dollar>(?:\\.|[^$\\])+?)(?<!\s)\$(?!\d)",
    re.DOTALL,
)


def delimited_formula(match: re.Match) -> Formula:
    display = match["display_dollars"] is not None or match["display_brackets"] is not None
    tex = next(group for group in match.groups() if group is not None)
    return Formula(html_text.unescape(tex).strip(), display)


def render_math_in_html(html: str, render: Render) -> tuple[str, int]:
    """``html`` with TeX between delimiters rendered (see the module docstring), and the count."""
    problems: list[FormulaError] = []
    count = 0

    def replace(match: re.Match) -> str:
        nonlocal count
        try:
            rendered = render(delimited_formula(match))
        except FormulaError as problem:
            problems.append(problem)
            return match[0]
        count += 1
        # A span even for display math: it may sit inside a <p>, where a div
        # is not allowed; KaTeX's .katex-display is a block by its own CSS.
        return f'<span class="arithmatex">{rendered}</span>'

    parts = TAG_OR_COMMENT.split(html)
    skipped: list[str] = []  # open elements whose text is not searched
    for index, part in enumerate(parts):
        if index % 2:  # a tag or a comment
            name = TAG_NAME.match(part)
            if name and name[2].lower() in NOT_MATH and not part.endswith("/>"):
                if name[1]:
                    if name[2].lower() in skipped:
                        del skipped[len(skipped) - 1 - skipped[::-1].index(name[2].lower())]
                else:
                    skipped.append(name[2].lower())
        elif part and not skipped:
            parts[index] = DELIMITED.sub(replace, part)
    if problems:
        raise FormulaErrors(problems)
    return "".join(parts), count


# Rendered math, back to its source (for the search index) ---------------------

RENDERED_START = re.compile(r'<(?P<tag>span|div) class="arithmatex">(?=<span class="katex)')
ANNOTATION = re.compile(r'<annotation encoding="application/x-tex">(?P<tex>.*?)</annotation>', re.DOTALL)


def math_for_search(html: str) -> str:
    """``html`` whose rendered formulas the site search indexes as their TeX source.

    KaTeX's markup holds each formula three times (MathML, the TeX annotation
    and the glyphs of the visible HTML); text extracted from it for the search
    index and its snippets reads as noise. Material's search skips elements
    marked ``data-search-exclude`` (and drops the mark from the page), so the
    markup is marked and a hidden copy of the TeX source, which readers never
    see, is what the index gets.
    """
    parts: list[str] = []
    position = 0
    while match := RENDERED_START.search(html, position):
        end = closing_tag_end(html, match["tag"], match.end())
        annotation = ANNOTATION.search(html, match.end(), end)
        if end < 0 or annotation is None:
            break  # not our markup after all: leave the rest as it is
        closing = f"</{match['tag']}>"
        inner = html[match.end() : end - len(closing)]
        parts.append(html[position : match.start()])
        parts.append(
            f'<{match["tag"]} class="arithmatex"><span data-search-exclude="math">{inner}</span>'
            f'<span hidden>{annotation["tex"]}</span>{closing}'
        )
        position = end
    parts.append(html[position:])
    return "".join(parts)


def closing_tag_end(html: str, tag: str, start: int) -> int:
    """Index just after the ``</tag>`` that closes an element whose content begins at ``start``."""
    depth = 1
    for found in re.compile(rf"<(/?){tag}\b[^>]*>").finditer(html, start):
        depth += -1 if found[1] else 1
        if depth == 0:
            return found.end()
    return -1


# Heading text outside the page (table of contents) ---------------------------

INLINE_WRAP = re.compile(r"\\\((?P<tex>.+?)\\\)")


def without_math_delimiters(text: str) -> str:
    """Heading text as the table of contents shows it: ``손실 \\(L\\) 줄이기`` -> ``손실 L 줄이기``.

    The heading itself is rendered; the navigation repeats its plain text,
    where Arithmatex's wrapper would show as \\( and \\).
    """
    return INLINE_WRAP.sub(lambda match: match["tex"], text)
