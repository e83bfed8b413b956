"""Content-addressed store of rendered formulas, shared by every page and build.

One file per formula, ``<key>.json`` under ``.cache/math/``, holding the HTML
and its sha256. The key hashes the formula, inline or display, and everything
else that decides the output (``renderer_id``: engine and KaTeX version,
options, and this package's rendering source), so an upgrade never serves
stale markup. An entry whose hash does not match (truncated, edited) counts
as missing and is rendered again; files are written atomically, as the figure
cache does, so two builds sharing the cache never read a half-written file.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from course_site.content_cache import prune_unused, sha256, write_atomically
from course_site.formulas.render import Formula

# Our own code that shapes the cached HTML: a change to it re-renders everything.
RENDERING_SOURCE = hashlib.sha256((Path(__file__).parent / "render.py").read_bytes()).hexdigest()


class FormulaCache:
    def __init__(self, directory: Path, renderer_id: str):
        self.directory = directory
        self.renderer_id = f"{renderer_id}; source {RENDERING_SOURCE}"
        self.used: set[str] = set()  # keys this build read or wrote: what pruning keeps

    def key(self, formula: Formula) -> str:
        mode = "display" if formula.display else "inline"
        return sha256(f"{self.renderer_id}\n{mode}\n{formula.tex}".encode("utf-8"))

    def get(self, formula: Formula) -> str | None:
        """The cached HTML for ``formula``, or None (missing, partial or corrupted)."""
        key = self.key(formula)
        self.used.add(key)
        try:
            entry = json.loads((self.directory / f"{key}.json").read_text(encoding="utf-8"))
            html = entry["html"]
            if sha256(html.encode("utf-8")) != entry["sha256"]:
                return None
            return html
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, formula: Formula, html: str) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        entry = {"html": html, "sha256": sha256(html.encode("utf-8")), "tex": formula.tex}
        data = json.dumps(entry, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
        write_atomically(self.directory / f"{self.key(formula)}.json", data)

    def prune(self) -> int:
        """Remove formulas no build has used for a while (content_cache.prune_unused)."""
        return prune_unused(self.directory, self.used)
