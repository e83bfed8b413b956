"""Fixtures: the real site built once per session, and copies of the project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import PROJECT_PARTS, ROOT, mkdocs_build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once with --strict into a temporary folder."""
    folder = tmp_path_factory.mktemp("build")
    site = folder / "site"
    result = mkdocs_build(ROOT, site)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stderr}", pytrace=False)
    (folder / "build.log").write_text(result.stderr, encoding="utf-8")
    return site


@pytest.fixture
def project_copy(tmp_path, built_site) -> Path:
    """A private copy of the project (with the warm figure cache) to break on purpose."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, tmp_path / part)
    if (ROOT / ".cache").is_dir():  # warm figure and notebook caches: only what a test changes runs
        shutil.copytree(ROOT / ".cache", tmp_path / ".cache")
    return tmp_path
