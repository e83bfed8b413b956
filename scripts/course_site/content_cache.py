"""What every content-addressed cache of the build shares: hashing, atomic writes, pruning.

The figures (``.cache/figures``), notebooks (``.cache/notebooks``), formulas
(``.cache/math``), search (``.cache/search``) and page checks (``.cache/pages``)
each store entries under a key that hashes everything the entry depends on,
so an entry is never stale, only unused. Three rules hold for all of them:

- an entry is written atomically: a reader (another build sharing the folder)
  sees the old file or the new one, never a part;
- an entry is verified when read (each cache checks its own hashes or format)
  and a bad one is simply made again;
- entries no build has used for ``UNUSED_DAYS`` are removed at the end of a
  complete build. The grace period is for the maintainer who switches
  branches and back: the other branch's figures are still there.

Caches come in two shapes. Figures, notebooks and formulas keep a file (or
folder) per entry, pruned by ``prune_unused``. Caches whose entries are small
and which a build reads all at once (the search analysis of each block, each
page's search entries and check findings) keep one ``KeyedFile``; a result
made from the whole site (the finished search index, the glossary's term
list) keeps one ``SingleEntryFile``. Those two are rewritten with only what
the build used, so they need no pruning.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

UNUSED_DAYS = 7


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def key_of(*parts: str | bytes) -> str:
    """A short hash of ``parts`` taken in order; the parts are kept apart, so ("ab", "c") != ("a", "bc")."""
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()


def code_version(*modules: Path) -> str:
    """A hash of the source of ``modules``: a cache of what that code makes is not reused after it changes."""
    return key_of(*(module.read_bytes() for module in modules))


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


def _compact_json(data: Any) -> str:
    # ``default=str``: what JSON cannot hold (a date in front matter) is stored as text, as Material's index does.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)


class KeyedFile:
    """Values by key in one JSON file, read once when made and written once by ``save``.

    The file is ignored whole when its ``version`` differs from this one's or
    when it cannot be read (cut short by a crash): everything is made again.
    ``save`` keeps only the entries this build asked for or put, and writes
    nothing when that is what the file already holds.
    """

    def __init__(self, path: Path, version: str):
        self.path = path
        self.version = version
        self.stored = self._read()
        self.used: dict[str, Any] = {}
        self._put_any = False

    def __contains__(self, key: str) -> bool:
        """Whether the file holds ``key``; unlike ``get``, does not count it as used."""
        return key in self.stored or key in self.used

    def get(self, key: str) -> Any | None:
        value = self.stored.get(key)
        if value is not None:
            self.used[key] = value
        return value

    def put(self, key: str, value: Any) -> None:
        """Keep ``value`` for ``key``; the caller must not change it before ``save``.

        The value itself is kept, not a copy: a cold 500-page build would otherwise
        hold its search index's text twice.
        """
        self.used[key] = value
        self._put_any = True

    def save(self) -> None:
        if not self._put_any and self.used.keys() == self.stored.keys():
            return
        write_text_atomically(self.path, _compact_json({"version": self.version, "entries": self.used}))
        self.stored, self._put_any = dict(self.used), False

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("version") != self.version:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}


class SingleEntryFile:
    """One text and a little JSON about it, valid for one key: a result made from the whole site.

    The file is the JSON head (the key and ``about``) on its first line and the
    text after it, so a large text is stored as it is, not escaped into JSON.
    """

    def __init__(self, path: Path):
        self.path = path

    def get(self, key: str) -> tuple[str, dict] | None:
        """The text and what was stored about it, or None when the file holds another key (or none)."""
        try:
            head, _, text = self.path.read_text(encoding="utf-8").partition("\n")
            stored = json.loads(head)
        except (FileNotFoundError, ValueError):
            return None
        if not isinstance(stored, dict) or stored.get("key") != key or not isinstance(stored.get("about"), dict):
            return None
        return text, stored["about"]

    def put(self, key: str, text: str, about: dict | None = None) -> None:
        head = json.dumps({"key": key, "about": about or {}}, ensure_ascii=False)
        write_text_atomically(self.path, head + "\n" + text)
