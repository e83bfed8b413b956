"""One formula in, KaTeX HTML out (or a Korean explanation of what is wrong).

KaTeX runs in-process through the ``pykatex`` wheel (KaTeX compiled into a
QuickJS extension module), so the build needs neither Node.js nor a browser.
Its output is KaTeX's own: the same markup, and so the same stylesheet and
fonts, as ``katex.renderToString`` in Node gives for this KaTeX version.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import metadata

from course_site.errors import CourseBuildError

# The KaTeX inside the pinned pykatex wheel. The stylesheet and fonts copied
# into the site must be of the same version (assets.py checks it): KaTeX's
# markup and its CSS change together.
KATEX_VERSION = "0.16.22"

# Options every formula is rendered with; part of the cache key.
#   output  HTML for the eye plus MathML for screen readers (KaTeX's default).
#   strict  "ignore": Hangul typed straight into math mode is drawn as it is
#           instead of printing a warning nobody reads during a build.
#   trust   False: \href, \url and \htmlClass never produce links or classes.
OPTIONS = {"output": "htmlAndMathml", "strict": "ignore", "trust": False, "throwOnError": True}

# KaTeX underlines the offending part of the source with U+0332; in a
# terminal that reads as noise, so it is dropped from our messages.
COMBINING_LOW_LINE = "\u0332"


@dataclass(frozen=True)
class Formula:
    """A formula as the author wrote it, without its delimiters."""

    tex: str
    display: bool  # a block of its own ($$...$$, \[...\], ```math) rather than inline


class FormulaError(Exception):
    """KaTeX could not read a formula; ``reason`` is KaTeX's, ``hint`` ours (Korean)."""

    def __init__(self, formula: Formula, reason: str, hint: str):
        super().__init__(f"{reason} ({hint})")
        self.formula = formula
        self.reason = reason
        self.hint = hint


def renderer_id() -> str:
    """What decides the output besides the formula: engine, KaTeX version and options."""
    options = ",".join(f"{key}={value}" for key, value in sorted(OPTIONS.items()))
    try:
        engine = f"pykatex {metadata.version('pykatex')}"
    except metadata.PackageNotFoundError:
        engine = "pykatex missing"  # render_with_katex says how to install it
    return f"{engine}; KaTeX {KATEX_VERSION}; {options}"


def render_with_katex(formula: Formula) -> str:
    """KaTeX HTML for ``formula``; raises FormulaError when KaTeX cannot read it."""
    try:
        import pykatex  # imported on first use: a site without math never loads KaTeX
    except ImportError:
        raise CourseBuildError(
            "수식을 그리는 pykatex 가 설치되어 있지 않습니다. "
            "make serve 나 make test 가 requirements.txt 대로 환경을 다시 만들게 하세요."
        ) from None
    try:
        return pykatex.renderToString(formula.tex, displayMode=formula.display, **OPTIONS)
    except pykatex.ParseError as error:
        reason = str(error).replace(COMBINING_LOW_LINE, "").removeprefix("KaTeX parse error: ")
        raise FormulaError(formula, reason, hint_for(reason)) from None


# KaTeX's message -> what an author should do about it, most specific first.
HINTS = (
    (
        re.compile(r"Undefined control sequence: (\\\S+)"),
        "'{0}' 은(는) KaTeX에 없는 명령입니다. 철자를 확인하거나 "
        "https://katex.org/docs/supported 에서 쓸 수 있는 명령을 찾으세요.",
    ),
    (
        re.compile(r"Expected & or \\\\ or \\cr or \\end|No such environment|Mismatch"),
        "\\begin{{...}} 과 \\end{{...}} 의 짝과 이름이 맞는지 확인하세요.",
    ),
    (
        re.compile(r"Too many expansions"),
        "매크로가 끝없이 자기 자신을 부릅니다. \\def 나 \\newcommand 정의를 확인하세요.",
    ),
    (
        re.compile(r"Expected '\}'|Expected 'EOF', got '\}'|Unexpected end of input|Extra \}|Expected group"),
        "중괄호 {{ }} 의 짝이 맞는지, 명령에 필요한 인자를 모두 주었는지 확인하세요.",
    ),
    (
        re.compile(r"Can't use function '\$'|Can't use function '\\\(|'\$' in math mode"),
        "수식 안에 $ 가 또 있습니다. 달러 기호를 쓰려면 \\$ 로 쓰세요.",
    ),
)
GENERAL_HINT = "KaTeX 문법을 확인하세요 (쓸 수 있는 명령: https://katex.org/docs/supported)."


def hint_for(reason: str) -> str:
    for pattern, hint in HINTS:
        match = pattern.search(reason)
        if match:
            return hint.format(*match.groups())
    return GENERAL_HINT
