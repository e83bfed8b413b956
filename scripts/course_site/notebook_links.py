"""Which notebooks exist and which pages link to them.

A notebook is ``notebooks/<group>/<name>.py`` (jupytext text; files starting
with ``_`` are shared modules, not notebooks) and becomes the site page
``notebooks/<group>/<name>.ipynb``. A seminar that links to that page is the
notebook's seminar: the navigation lists the notebook right after it, and the
notebook page links back to it.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

_NOTEBOOK_LINK = re.compile(r"\]\(\s*<?([^)\s>]+\.ipynb)(?:#[^)\s>]*)?>?")


def notebook_sources(notebooks_dir: Path) -> list[Path]:
    """The text sources of all notebooks, in a stable order."""
    if not notebooks_dir.is_dir():
        return []
    return [
        path
        for path in sorted(notebooks_dir.glob("*/**/*.py"))
        if not path.name.startswith("_") and "__pycache__" not in path.parts
    ]


def notebook_page_uris(notebooks_dir: Path) -> list[str]:
    return [f"notebooks/{path.relative_to(notebooks_dir).with_suffix('').as_posix()}.ipynb" for path in notebook_sources(notebooks_dir)]


def linked_notebooks(src_uri: str, markdown: str, notebook_uris) -> list[str]:
    """Notebook pages (from ``notebook_uris``) that the page ``src_uri`` links to, in link order."""
    found: list[str] = []
    for link in _NOTEBOOK_LINK.findall(markdown):
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), link))
        if target in notebook_uris and target not in found:
            found.append(target)
    return found
