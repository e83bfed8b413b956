"""Which libraries are installed, asked cheaply enough to ask on every build.

Several caches key their entries on library versions (figures and notebooks
on matplotlib, numpy ...; highlighted code on Pygments and its lexer plugins).
``importlib.metadata.version`` searches every folder of ``sys.path`` and
parses the distribution's whole METADATA file (scipy's holds its licences)
for each name it is given: about 0.1 s of CPU for the seven versions the
figure and notebook pipelines need, in every build. Listing the metadata
folders (``<name>-<version>.dist-info``) takes well under a millisecond and
changes whenever a package is installed, upgraded or removed; it serves as a
key of its own (``installed_distributions``) and, since a wheel's metadata
folder is named after its version, as the place to read versions from
(``versions``), with ``importlib.metadata`` for what the names leave open.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from importlib import metadata

ABSENT = "absent"  # the version of a distribution that is not installed


def installed_distributions() -> tuple[str, ...]:
    """The metadata folders (``name-version.dist-info``/``.egg-info``) on ``sys.path``, sorted."""
    found = []
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:  # a zip file on sys.path, or a folder that does not exist
            continue
        found.extend(name for name in names if name.endswith((".dist-info", ".egg-info")))
    return tuple(sorted(found))


def versions(names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(name, version) of each of ``names`` in order; ``ABSENT`` for those not installed."""
    return _versions(tuple(names), installed_distributions())


@functools.lru_cache(maxsize=16)
def _versions(names: tuple[str, ...], installed: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    # Kept per process for as long as the same metadata folders are installed.
    named: dict[str, list[str]] = {}
    for folder in installed:
        if folder.endswith(".dist-info") and "-" in folder:
            name, version = folder.removesuffix(".dist-info").rsplit("-", 1)
            named.setdefault(_normalized(name), []).append(version)
    found = []
    for name in names:
        listed = named.get(_normalized(name), [])
        # Not one wheel folder (an egg-info install, or the same name twice on
        # sys.path): importlib.metadata decides, as it decides what is imported.
        found.append((name, listed[0] if len(listed) == 1 else _version_from_metadata(name)))
    return tuple(found)


def _normalized(name: str) -> str:
    """Distribution names compare as PEP 503 says: case, '-', '_' and '.' do not matter."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _version_from_metadata(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ABSENT
