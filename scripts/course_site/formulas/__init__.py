"""Math rendered at build time: TeX in, KaTeX HTML out, no JavaScript for the reader.

One job per module:

* ``render``        one formula -> KaTeX HTML, or a FormulaError with a Korean hint
* ``cache``         content-addressed store of rendered formulas (.cache/math/)
* ``markup``        find formulas in an HTML fragment and replace them
* ``source_lines``  where in the author's Markdown file a formula is
* ``assets``        KaTeX's stylesheet and WOFF2 fonts for the built site

For other page kinds (notebook Markdown cells that still hold ``$...$``)::

    from course_site.formulas import MathRenderer, render_math_in_html
    html, count = render_math_in_html(html, MathRenderer(root / ".cache" / "math"))

It raises ``FormulaErrors`` (a CourseBuildError) listing every broken formula;
a page with ``count > 0`` must link ``assets.STYLESHEET_URI``. ``math_for_search``
lets the site search index a rendered formula as its TeX source, where KaTeX's
markup would read as noise.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from course_site.content_cache import prune_unused
from course_site.formulas.cache import FormulaCache
from course_site.formulas.markup import (
    FormulaErrors,
    marked_formulas,
    math_for_search,
    render_marked_math,
    render_math_in_html,
)
from course_site.formulas.render import Formula, FormulaError, render_with_katex, renderer_id

__all__ = [
    "Formula",
    "FormulaError",
    "FormulaErrors",
    "MathRenderer",
    "marked_formulas",
    "math_for_search",
    "render_marked_math",
    "render_math_in_html",
]


class MathRenderer:
    """Renders formulas through the cache (when given a folder) and counts what it did."""

    def __init__(
        self,
        cache_dir: Path | None = None,
        render: Callable[[Formula], str] = render_with_katex,
        renderer: str | None = None,
    ):
        self._render = render
        self._cache_dir = cache_dir
        self._renderer = renderer
        self._cache: FormulaCache | None = None  # made on first use: a site without math needs none
        self.rendered = 0  # formulas KaTeX drew in this build
        self.reused = 0  # formulas taken from the cache

    def __call__(self, formula: Formula) -> str:
        if self._cache is None and self._cache_dir is not None:
            self._cache = FormulaCache(self._cache_dir, self._renderer or renderer_id())
        if self._cache is not None:
            cached = self._cache.get(formula)
            if cached is not None:
                self.reused += 1
                return cached
        html = self._render(formula)  # a FormulaError is never cached: it must fail every build
        self.rendered += 1
        if self._cache is not None:
            self._cache.put(formula, html)
        return html

    def summary(self) -> str:
        return f"수식 {self.rendered + self.reused}개 (새로 그림 {self.rendered}, 캐시 {self.reused})"

    def prune_cache(self) -> int:
        """After a complete build: drop cached formulas no page has used for a while."""
        if self._cache_dir is None:
            return 0
        return prune_unused(self._cache_dir, self._cache.used if self._cache is not None else ())
