"""What every content-addressed cache of the build shares: hashing, atomic writes, pruning.

The figures (``.cache/figures``), notebooks (``.cache/notebooks``), formulas
(``.cache/math``) and search analyses (``.cache/search``) each store entries
under a key that hashes everything the entry depends on, so an entry is
never stale, only unused. Three rules hold for all of them:

- an entry is written atomically: a reader (another build sharing the folder)
  sees the old file or the new one, never a part;
- an entry is verified when read (each cache checks its own hashes or format)
  and a bad one is simply made again;
- entries no build has used for ``UNUSED_DAYS`` are removed at the end of a
  complete build. The grace period is for the maintainer who switches
  branches and back: the other branch's figures are still there.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

UNUSED_DAYS = 7


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new, never a part."""
    if path.exists() and path.read_bytes() == data:
        return  # unchanged: keep the file (and its mtime) as it is
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_text_atomically(path: Path, text: str) -> None:
    write_atomically(path, text.encode("utf-8"))


def prune_unused(
    directory: Path,
    used_keys: Iterable[str],
    *,
    keep: Iterable[str] = (),
    unused_days: float = UNUSED_DAYS,
    now: float | None = None,
) -> int:
    """Mark the entries of ``used_keys`` as used now; remove those unused for ``unused_days``.

    An entry is every file or folder directly in ``directory`` whose name up
    to the first dot is its key (``<key>.json``, ``<key>.inline.svg``, a
    folder ``<key>/``). Names in ``keep`` (a cache's own subfolders) and
    temporary files of a write in progress are left alone. Returns how many
    entries were removed.
    """
    if not directory.is_dir():
        return 0
    used, kept = set(used_keys), set(keep)
    now = time.time() if now is None else now
    cutoff = now - unused_days * 86400
    removed = 0
    for entry in directory.iterdir():
        if entry.name in kept or entry.name.startswith("."):
            continue
        key = entry.name.split(".", 1)[0]
        try:
            if key in used:
                os.utime(entry, (now, now))
            elif entry.stat().st_mtime < cutoff:
                if entry.is_dir():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()
                removed += 1
        except FileNotFoundError:  # another build removed or replaced it meanwhile
            continue
    return removed
