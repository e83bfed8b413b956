"""A private copy of the project, for tests and benchmarks that must not touch the real one."""

from __future__ import annotations

import shutil
from pathlib import Path

# What a copy needs to build: everything but tests, caches and built output.
PROJECT_PARTS = ("mkdocs.yml", "published-links.txt", "docs", "figures", "notebooks", "scripts", "overrides")


def copy_project(root: Path, target: Path, *, with_cache: bool = False) -> Path:
    """Copy the buildable parts of ``root`` into ``target`` (created); optionally its warm caches."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, target / part)
    if with_cache and (root / ".cache").is_dir():
        shutil.copytree(root / ".cache", target / ".cache")
    return target
