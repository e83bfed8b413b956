"""A warm copy of the fixture course with its last good site/, for injecting one mistake at a time."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from course_site.project_copy import copy_project


def tree_digest(folder: Path) -> str:
    """One hash over every file's path and bytes: any change to the folder changes it."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:  # Python's own, not ours
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def broken_copy(tmp_path, fixture_course) -> Path:
    """A copy of the fixture course with warm caches, its published addresses and its last good build in site/."""
    project, site = fixture_course
    copy = copy_project(project, tmp_path / "project", with_cache=True)
    shutil.copytree(site, copy / "site")
    return copy
