"""Coloured code blocks kept across builds: Pygments runs only for code it has not coloured before.

Highlighting is the largest cost of a build in which nothing changed, on a
site with notebooks: the notebook pages' code cells (about twenty on the real
site) went through Pygments on every build, and the first Python block of a
process makes Pygments compile a few hundred regular expressions (about
0.5 s of CPU, profiled, before a single line is coloured).

``pymdownx.highlight`` lets another extension supply the class that colours a
block (``get_pymdownx_highlighter``; superfences asks for it). The extension
here is ``pymdownx.highlight`` with the same settings, whose class looks the
finished HTML of a block up first. The key is everything the HTML is made
from: the code, its language and fence options, the highlight settings, and
the block's number on its page. superfences numbers every code block of a page
and writes the number into the line anchors (``__codelineno-3-1`` with
``anchor_linenums``), so the same code elsewhere on the page is another entry,
and a cached block is byte for byte what Pygments would make at that place.
The cache's version covers this module and every installed distribution
(Pygments, pymdown-extensions and lexer plugins such as IPython's), so an
upgrade colours everything again once.

Coloured in every build as before: inline code (``inlinehilite``), titles
written as HTML (``title_mode="html"``, or an ``auto_title_map`` entry asking
for it), which superfences stores in the page's HTML stash and refers to by
position, and indented code blocks, which ``pymdownx.highlight``'s own tree
processor colours with its own class. Notebook cells are always fenced.

Entries live in one ``content_cache.KeyedFile`` (``.cache/highlight/blocks.json``
next to mkdocs.yml); each write keeps only the blocks the build used.
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from pymdownx.highlight import Highlight, HighlightExtension

from course_site.content_cache import KeyedFile, code_version, key_of
from course_site.installed_packages import installed_distributions

EXTENSION_NAME = "pymdownx.highlight"


def cache_version() -> str:
    """Changes with this module, the Python version and any installed, upgraded or removed distribution."""
    return key_of(code_version(Path(__file__)), sys.version, *installed_distributions())


class HighlightCache:
    """The stored blocks of one build; ``save`` once the pages are written."""

    def __init__(self, path: Path):
        self._file = KeyedFile(path, version=cache_version())
        self.made = 0  # blocks coloured by Pygments in this build
        self.reused = 0

    def coloured(self, key: str, colour) -> str:
        """The block stored under ``key``, or ``colour()`` stored under it."""
        found = self._file.get(key)
        if isinstance(found, str):
            self.reused += 1
            return found
        html = colour()
        self._file.put(key, html)
        self.made += 1
        return html

    def save(self) -> None:
        self._file.save()


class CachedHighlight(Highlight):
    """``pymdownx.highlight.Highlight`` that takes a block's HTML from ``cache`` when it has it."""

    def __init__(self, md: Markdown, *, cache: HighlightCache, **options: Any):
        super().__init__(md, **options)
        self._cache = cache
        self._options = options

    def highlight(self, src, language, css_class="highlight", *args: Any, inline: bool = False, **kwargs: Any):
        if inline or not self._cacheable():
            return super().highlight(src, language, css_class, *args, inline=inline, **kwargs)
        key = key_of(_described([self._options, language, css_class, args, kwargs]), src)
        colour = functools.partial(super().highlight, src, language, css_class, *args, inline=inline, **kwargs)
        return self._cache.coloured(key, colour)

    def _cacheable(self) -> bool:
        # An HTML title goes to the page's HTML stash: the block's HTML then
        # holds a placeholder that counts the page's stashed pieces.
        html_titles = self.title_mode != "text" or any(
            isinstance(entry, dict) for entry in (self.auto_title_map or {}).values()
        )
        return not html_titles


class _CachedHighlightExtension(HighlightExtension):
    """``pymdownx.highlight`` (same settings, same place among the extensions) handing out ``CachedHighlight``."""

    def __init__(self, cache: HighlightCache, **settings: Any):
        self._cache = cache
        super().__init__(**settings)

    def get_pymdownx_highlighter(self):
        return functools.partial(CachedHighlight, cache=self._cache)


class HighlightCacheExtension(Extension):
    """Stands where ``pymdownx.highlight`` stood in the list of extensions.

    MkDocs makes a ``Markdown`` for every page from one list of extensions;
    each gets a fresh ``pymdownx.highlight`` (which counts the page's code
    blocks), sharing only the cache.
    """

    def __init__(self, cache: HighlightCache, settings: dict[str, Any]):
        super().__init__()
        self._cache = cache
        self._settings = dict(settings)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        _CachedHighlightExtension(self._cache, **self._settings).extendMarkdown(md)


def with_highlight_cache(extensions: list, configs: dict[str, dict], cache: HighlightCache) -> list:
    """``extensions`` with ``pymdownx.highlight`` (configured by ``configs``) replaced by the cached one.

    A list without ``pymdownx.highlight`` is returned as it is: the cache then
    does nothing, and nothing else changes.
    """
    return [
        HighlightCacheExtension(cache, configs.get(EXTENSION_NAME) or {}) if entry == EXTENSION_NAME else entry
        for entry in extensions
    ]


def _described(value: Any) -> str:
    """A stable text of the settings and fence options (lists, dicts, numbers, strings)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=repr)
