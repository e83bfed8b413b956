"""Content-addressed store of rendered figures.

An entry is three files named by the figure's key (see ``discover``)::

    <key>.svg        light variant
    <key>.dark.svg   dark variant
    <key>.json       manifest: sha256 and size of both SVGs, written last

An entry counts only if its manifest exists and both SVGs still match it, so
a render that died half-way, a truncated or edited file is never served; it
is drawn again. Every file is written to a temporary name and renamed into
place, so two builds sharing the cache never see each other's half-written
files (rename is atomic on the same file system, also on Windows).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class CachedFigure:
    light: Path
    dark: Path
    width_px: int
    height_px: int


class FigureCache:
    def __init__(self, directory: Path):
        self.directory = directory

    def _paths(self, key: str) -> tuple[Path, Path, Path]:
        base = self.directory / key
        return base.with_suffix(".svg"), base.with_suffix(".dark.svg"), base.with_suffix(".json")

    def get(self, key: str) -> CachedFigure | None:
        """The valid entry for ``key``, or None (missing, partial or corrupted)."""
        light, dark, manifest_path = self._paths(key)
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
            for path, record in ((light, manifest["light"]), (dark, manifest["dark"])):
                data = path.read_bytes()
                if len(data) != record["size"] or sha256(data) != record["sha256"]:
                    return None
            return CachedFigure(light, dark, int(manifest["width_px"]), int(manifest["height_px"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, light_svg: str, dark_svg: str, width_px: int, height_px: int) -> CachedFigure:
        light, dark, manifest_path = self._paths(key)
        self.directory.mkdir(parents=True, exist_ok=True)
        light_bytes, dark_bytes = light_svg.encode("utf-8"), dark_svg.encode("utf-8")
        write_atomically(light, light_bytes)
        write_atomically(dark, dark_bytes)
        manifest = {
            "light": {"sha256": sha256(light_bytes), "size": len(light_bytes)},
            "dark": {"sha256": sha256(dark_bytes), "size": len(dark_bytes)},
            "width_px": width_px,
            "height_px": height_px,
        }
        write_atomically(manifest_path, json.dumps(manifest, indent=1, sort_keys=True).encode("utf-8"))
        return CachedFigure(light, dark, width_px, height_px)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new, never a part."""
    if path.exists() and path.read_bytes() == data:
        return  # unchanged: keep the file (and its mtime) as it is
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
