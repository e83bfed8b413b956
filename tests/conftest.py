"""Fixtures: the real site built once per test run, and copies of the project.

`make test` runs the suite in several processes (pytest-xdist, one per CPU).
The real site and the fixture course are still built once per run, not once
per process: the first process to need one builds it under a lock in the
run's shared temporary folder, and the others wait for it and read it.
"""

from __future__ import annotations

import contextlib
import fcntl
import shlex
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from course_site.chromium import CHROMIUM, launched_chromium
from course_site.project_copy import copy_project
from course_site.published_links import UPDATE_ENV
from support import ROOT, make_fixture_course, mkdocs_build


def pytest_xdist_setupnodes(config, specs):
    """Start the worker processes with this interpreter's -X options.

    Workers are new interpreters; without this, `-X warn_default_encoding`
    (make test) would apply to the controller only, and a missing
    encoding="utf-8" would pass in every test a worker runs.
    """
    options = [f"-X{name}" if value is True else f"-X{name}={value}" for name, value in sys._xoptions.items()]
    for spec in specs:
        if spec.popen and not spec.python:
            spec.python = shlex.join([sys.executable, *options])


# Fixtures that wait for one of the run's shared builds (built_once below).
SHARED_BUILDS = {"built_site", "fixture_course"}


def pytest_collection_modifyitems(config, items):
    """Tests that need no shared build run first.

    xdist hands each worker a contiguous share of this list. With these first,
    one worker builds the site while the other runs them, instead of both
    waiting for the same build.
    """
    def waits_for_a_build(item) -> bool:
        return bool(SHARED_BUILDS & set(getattr(item, "fixturenames", ())))

    items.sort(key=waits_for_a_build)  # stable: each group keeps its order


def run_folder(tmp_path_factory) -> Path:
    """The temporary folder all of this run's processes share (its own basetemp without xdist)."""
    basetemp = tmp_path_factory.getbasetemp()
    return basetemp.parent if basetemp.name.startswith("popen-gw") else basetemp


@contextlib.contextmanager
def exclusively(lock_file: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_file`` for the block: one process at a time."""
    with open(lock_file, "a", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def built_once(tmp_path_factory, name: str, build: Callable[[Path], str | None]) -> Path:
    """``build(folder)`` run once per test run; every process gets the same ``folder``.

    ``build`` returns None on success or the failure to report; a failure is
    remembered, so every process reports it instead of building again.
    """
    shared = run_folder(tmp_path_factory)
    folder = shared / name
    done, failed = shared / f"{name}.done", shared / f"{name}.failed"
    with exclusively(shared / f"{name}.lock"):
        if not done.exists() and not failed.exists():
            folder.mkdir()
            failure = build(folder)
            if failure is None:
                done.touch()
            else:
                failed.write_text(failure, encoding="utf-8")
    if failed.exists():
        pytest.fail(failed.read_text(encoding="utf-8"), pytrace=False)
    return folder


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once with --strict, in <run folder>/real-site/site (CI uploads it)."""

    def build(folder: Path) -> str | None:
        result = mkdocs_build(ROOT, folder / "site")
        (folder / "build.log").write_text(result.stderr, encoding="utf-8")
        return None if result.returncode == 0 else f"mkdocs build --strict failed:\n{result.stderr}"

    return built_once(tmp_path_factory, "real-site", build) / "site"


@pytest.fixture
def project_copy(tmp_path, built_site) -> Path:
    """A private copy of the project (with the warm figure cache) to break on purpose."""
    copy_project(ROOT, tmp_path, with_cache=True)  # warm caches: only what a test changes runs
    return tmp_path


@pytest.fixture(scope="session")
def fixture_course(tmp_path_factory) -> tuple[Path, Path]:
    """The small fixture course (two terms, math, a figure, a notebook), built once: (project, site).

    Its build also records the addresses it publishes (published-links.txt), as
    the real project keeps its own: a copy that moves a page or renames a
    heading is then held to them.
    """

    def build(folder: Path) -> str | None:
        result = mkdocs_build(make_fixture_course(folder / "project"), folder / "site", extra_env={UPDATE_ENV: "1"})
        return None if result.returncode == 0 else f"the fixture course failed to build:\n{result.stderr}"

    folder = built_once(tmp_path_factory, "fixture-course", build)
    return folder / "project", folder / "site"


@pytest.fixture
def fixture_project(tmp_path, fixture_course) -> Path:
    """A private copy of the fixture course with the warm caches of its one build.

    The caches are keyed by content, so a test that adds a page or a figure
    runs only what it added: its build no longer executes the fixture's
    notebook or analyses its pages again.
    """
    project, _ = fixture_course
    return copy_project(project, tmp_path / "project", with_cache=True)


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

    with sync_playwright() as playwright, launched_chromium(playwright) as chromium:
        yield chromium
