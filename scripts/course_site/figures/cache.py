"""Content-addressed store of rendered figures.

An entry is three files named by the figure's key (see ``discover``)::

    <key>.svg          the figure as an SVG file of its own (fonts embedded)
    <key>.inline.svg   the <svg> element pages inline (fonts shared by the page)
    <key>.json         manifest: sha256 and size of both SVGs and what pages need
                       to know (size, fonts, dark colours), written last

An entry counts only if its manifest exists and both SVGs still match it, so
a render that died half-way, a truncated or edited file is never served; it
is drawn again. Every file is written to a temporary name and renamed into
place, so two builds sharing the cache never see each other's half-written
files (rename is atomic on the same file system, also on Windows).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from course_site.content_cache import prune_unused, sha256, write_atomically


@dataclass(frozen=True)
class CachedFigure:
    standalone: Path
    inline: Path
    width_px: int
    height_px: int
    fonts: dict[str, str] = field(default_factory=dict)  # font file -> characters drawn with it
    dark_colours: dict[str, str] = field(default_factory=dict)  # light colour -> dark twin
    smallest_text_px_on_phone: float = 0.0
    narrowest_px: int = 0  # never shown narrower: its smallest text would fall below the minimum
    legibility: str = ""  # what to change if text is too small on a phone
    # What the script warned while drawing: kept with the drawing, so every
    # build reports it (a --strict build must not pass just because it is cached).
    warnings: tuple[str, ...] = ()


class FigureCache:
    def __init__(self, directory: Path):
        self.directory = directory

    def _paths(self, key: str) -> tuple[Path, Path, Path]:
        base = self.directory / key
        return base.with_suffix(".svg"), base.with_suffix(".inline.svg"), base.with_suffix(".json")

    def get(self, key: str) -> CachedFigure | None:
        """The valid entry for ``key``, or None (missing, partial or corrupted)."""
        standalone, inline, manifest_path = self._paths(key)
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
            for path, record in ((standalone, manifest["standalone"]), (inline, manifest["inline"])):
                data = path.read_bytes()
                if len(data) != record["size"] or sha256(data) != record["sha256"]:
                    return None
            return CachedFigure(
                standalone,
                inline,
                width_px=int(manifest["width_px"]),
                height_px=int(manifest["height_px"]),
                fonts=dict(manifest["fonts"]),
                dark_colours=dict(manifest["dark_colours"]),
                smallest_text_px_on_phone=float(manifest["smallest_text_px_on_phone"]),
                narrowest_px=int(manifest["narrowest_px"]),
                legibility=str(manifest["legibility"]),
                warnings=tuple(str(note) for note in manifest["warnings"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, standalone_svg: str, inline_svg: str, **facts) -> CachedFigure:
        """Store both SVGs; ``facts`` are the other fields of ``CachedFigure``."""
        standalone, inline, manifest_path = self._paths(key)
        self.directory.mkdir(parents=True, exist_ok=True)
        standalone_bytes, inline_bytes = standalone_svg.encode("utf-8"), inline_svg.encode("utf-8")
        write_atomically(standalone, standalone_bytes)
        write_atomically(inline, inline_bytes)
        manifest = {
            "standalone": {"sha256": sha256(standalone_bytes), "size": len(standalone_bytes)},
            "inline": {"sha256": sha256(inline_bytes), "size": len(inline_bytes)},
            **{name: list(value) if isinstance(value, tuple) else value for name, value in facts.items()},
        }
        text = json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False)
        write_atomically(manifest_path, text.encode("utf-8"))
        return self.get(key) or CachedFigure(standalone, inline, **facts)

    def prune(self, used_keys: set[str]) -> int:
        """Remove figures no build has used for a while (content_cache.prune_unused).

        ``fonts/`` holds the pages' font subsets (web_fonts.PageFonts), not figures.
        """
        return prune_unused(self.directory, used_keys, keep=("fonts",))
