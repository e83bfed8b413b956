"""Fixtures: the real site built once per session, and copies of the project."""

from __future__ import annotations

from pathlib import Path

import pytest

from course_site.chromium import CHROMIUM, CHROMIUM_ARGS
from course_site.project_copy import copy_project
from support import ROOT, make_fixture_course, mkdocs_build


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
    copy_project(ROOT, tmp_path, with_cache=True)  # warm caches: only what a test changes runs
    return tmp_path


@pytest.fixture(scope="session")
def fixture_course(tmp_path_factory) -> tuple[Path, Path]:
    """The small fixture course (two terms, math, a figure, a notebook), built once: (project, site)."""
    folder = tmp_path_factory.mktemp("fixture-course")
    project = make_fixture_course(folder / "project")
    site = folder / "site"
    result = mkdocs_build(project, site)
    if result.returncode != 0:
        pytest.fail(f"the fixture course failed to build:\n{result.stderr}", pytrace=False)
    return project, site


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright, one for the whole session (Playwright's sync API allows one)."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium 이 {CHROMIUM} 에 없습니다. 'bash scripts/ensure_chromium.sh' (make test 가 실행) 로 "
            "설치하거나 CHROMIUM_PATH 를 지정하세요.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
