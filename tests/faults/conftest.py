"""A warm copy of the project with a last good site/, for injecting one mistake at a time."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from course_site.project_copy import copy_project
from support import ROOT


def tree_digest(folder: Path) -> str:
    """One hash over every file's path and bytes: any change to the folder changes it."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:  # Python's own, not ours
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def broken_copy(tmp_path, built_site) -> Path:
    """A copy of the project with warm caches and the last good build in site/."""
    project = copy_project(ROOT, tmp_path / "project", with_cache=True)
    shutil.copytree(built_site, project / "site")
    return project
