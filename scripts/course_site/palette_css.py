"""Material's palette stylesheet cut down to the palettes mkdocs.yml configures.

Material ships one ``palette.css`` with the rules for every colour (20
primaries, 16 accents) in both schemes, and links it from every page before
the first paint. A site uses one or two of them: on a phone the browser
matches the rest against every element on every style recalculation (about
half of the seminar page's style work, measured in Chromium; see
tools/benchmark-results/2026-11-26-lighthouse.md).

Here the rules are read from the installed Material's own file and a selector
is kept when some configured palette entry can match it: its
``[data-md-color-scheme|primary|accent=...]`` conditions hold (and its
``:not([...])`` conditions do not) for that entry. Selectors without such
conditions are kept as they are. Changing the palette in mkdocs.yml therefore
changes the kept rules with no code to touch, and a new Material version
brings its own rules.

One family of Material's rules is left out on purpose: ``[data-md-color-switching] *``
(and its ``:before``/``:after``), which stops colour transitions while the
palette changes. Material's script sets and removes that attribute on <body>
on every page load too, and a rule for every element under it makes each of
the two changes restyle the whole page: a third of the seminar page's style
work in Chromium (CPU 124 -> 77 ms, 6 loads each, 2026-11-26). Without it a
link's colour fades for 0.125 s after a tap on the palette toggle; at load
nothing fades because overrides/partials/course-palette-start.js starts the
page in the entry for the device's colour scheme.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import tinycss2
from tinycss2 import ast

from course_site.errors import CourseBuildError

# The attributes Material's templates write on <body> from each palette entry.
PALETTE_KEYS = ("scheme", "primary", "accent")
_ATTRIBUTE_PREFIX = "data-md-color-"
# Conditions on these attributes drop the selector whatever the palettes (see above).
_LEFT_OUT = ("data-md-color-switching",)
# What Material's templates use when an entry leaves a key out.
_DEFAULTS = {"scheme": "default", "primary": "indigo", "accent": "indigo"}


@dataclass(frozen=True)
class Palette:
    """One palette entry as Material writes it on <body>."""

    scheme: str
    primary: str
    accent: str

    def value(self, key: str) -> str | None:
        return getattr(self, key) if key in PALETTE_KEYS else None


def configured_palettes(palette) -> list[Palette]:
    """The entries of mkdocs.yml's ``theme.palette`` (one mapping or a list of them).

    Values are filled in and spelled as Material's templates do ("deep purple"
    becomes the attribute value "deep-purple").
    """
    if not palette:
        return []
    entries = [palette] if isinstance(palette, dict) else list(palette)
    found = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise CourseBuildError(
                f"mkdocs.yml: theme.palette 의 {number}번째 항목이 scheme/primary/accent 를 담은 "
                f"목록(mapping)이 아닙니다 ({entry!r}). Material 문서의 palette 예처럼 적으세요."
            )
        values = {key: str(entry.get(key) or _DEFAULTS[key]).replace(" ", "-") for key in PALETTE_KEYS}
        found.append(Palette(**values))
    return found


def palette_rules(css: str, palettes: list[Palette]) -> str:
    """The rules of Material's palette ``css`` that can apply under one of ``palettes``, minified as read."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "".join(_kept_rules(rules, palettes))


def material_palette_stylesheet(theme_dirs: list[str]) -> Path | None:
    """Material's ``assets/stylesheets/palette.<hash>.min.css`` among the theme folders, first folder first."""
    for folder in theme_dirs:
        found = sorted(Path(folder, "assets", "stylesheets").glob("palette.*.min.css"))
        if found:
            return found[0]
    return None


# Helper functions -------------------------------------------------------------


def _kept_rules(rules, palettes: list[Palette]):
    for rule in rules:
        if isinstance(rule, ast.QualifiedRule):
            selectors = [s for s in _selectors(rule.prelude) if _can_match(s, palettes)]
            if selectors:
                prelude = ",".join(tinycss2.serialize(s).strip() for s in selectors)
                yield f"{prelude}{{{tinycss2.serialize(rule.content)}}}"
        elif isinstance(rule, ast.AtRule) and rule.content is not None and rule.lower_at_keyword in ("media", "supports"):
            inner = tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
            kept = "".join(_kept_rules(inner, palettes))
            if kept:
                yield f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude).rstrip()}{{{kept}}}"
        elif isinstance(rule, ast.AtRule):
            yield tinycss2.serialize([rule])  # @font-face, @keyframes, ...: not palette-specific
        elif isinstance(rule, ast.ParseError):
            raise CourseBuildError(
                f"Material 의 palette.css 를 읽지 못했습니다 ({rule.message}, {rule.source_line}번째 줄). "
                "mkdocs-material 을 requirements.txt 의 버전으로 다시 설치하세요."
            )


def _selectors(prelude) -> list[list]:
    """A selector list's tokens, split at its top-level commas."""
    selectors, current = [], []
    for token in prelude:
        if isinstance(token, ast.LiteralToken) and token.value == ",":
            selectors.append(current)
            current = []
        else:
            current.append(token)
    selectors.append(current)
    return [s for s in selectors if any(not isinstance(t, (ast.WhitespaceToken, ast.Comment)) for t in s)]


def _can_match(selector, palettes: list[Palette]) -> bool:
    """Whether some palette satisfies every palette condition of ``selector`` (a selector without any always can)."""
    if any(_mentions(selector, name) for name in _LEFT_OUT):
        return False
    required, excluded, unknown = _conditions(selector)
    if unknown:
        return True  # a condition we do not read (inside :is(), :where(), ...): keep rather than guess
    if not required and not excluded:
        return True
    return any(
        all(palette.value(key) == value for key, value in required)
        and not any(palette.value(key) == value for key, value in excluded)
        for palette in palettes
    )


def _conditions(tokens):
    """(required, excluded, unknown): the [data-md-color-KEY=VALUE] conditions of a selector's tokens."""
    required, excluded, unknown = [], [], False
    for token in tokens:
        if isinstance(token, ast.SquareBracketsBlock):
            condition = _attribute_condition(token)
            if condition is not None:
                required.append(condition)
        elif isinstance(token, ast.FunctionBlock):
            inner_required, inner_excluded, inner_unknown = _conditions(token.arguments)
            if token.lower_name == "not" and not inner_excluded and not inner_unknown and len(_selectors(token.arguments)) == 1:
                if len(inner_required) == 1:
                    excluded.extend(inner_required)
                elif inner_required:
                    unknown = True  # :not(A B): not a simple "not this palette"
            elif inner_required or inner_excluded or inner_unknown:
                unknown = True
    return required, excluded, unknown


def _mentions(tokens, attribute: str) -> bool:
    """Whether an attribute selector on ``attribute`` appears anywhere in ``tokens``."""
    for token in tokens:
        if isinstance(token, ast.SquareBracketsBlock):
            if any(isinstance(t, ast.IdentToken) and t.lower_value == attribute for t in token.content):
                return True
        elif isinstance(token, ast.FunctionBlock) and _mentions(token.arguments, attribute):
            return True
    return False


def _attribute_condition(block: ast.SquareBracketsBlock) -> tuple[str, str] | None:
    """("primary", "indigo") for [data-md-color-primary=indigo] (or ="indigo"); None for other attributes."""
    parts = [t for t in block.content if not isinstance(t, (ast.WhitespaceToken, ast.Comment))]
    if (
        len(parts) == 3
        and isinstance(parts[0], ast.IdentToken)
        and parts[0].lower_value.startswith(_ATTRIBUTE_PREFIX)
        and isinstance(parts[1], ast.LiteralToken)
        and parts[1].value == "="
        and isinstance(parts[2], (ast.IdentToken, ast.StringToken))
    ):
        key = parts[0].lower_value[len(_ATTRIBUTE_PREFIX) :]
        return (key, parts[2].value) if key in PALETTE_KEYS else None
    return None
