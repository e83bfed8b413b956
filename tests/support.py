"""Helpers shared by the tests (the fixtures are in conftest.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from course_site.project_copy import copy_project

ROOT = Path(__file__).resolve().parents[1]


def mkdocs_build(
    project: Path, site_dir: Path, *, strict: bool = True, unimportable: str | None = None,
    extra_env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of ``project`` in a subprocess, as CI runs it (``strict=False``: as a preview).

    ``unimportable``: a package whose import fails in that build, so that a
    build that passes proves it never loaded the package. ``extra_env``: more
    environment variables for the build.
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONIOENCODING="utf-8", **(extra_env or {}))
    if unimportable:
        shadow = site_dir.parent / f"unimportable-{unimportable}"
        (shadow / unimportable).mkdir(parents=True, exist_ok=True)
        (shadow / unimportable / "__init__.py").write_text(
            f"raise ImportError('{unimportable} was imported')\n", encoding="utf-8"
        )
        env["PYTHONPATH"] = str(shadow)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []),
         "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=600,
    )


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def run_script(name: str, *args: str) -> subprocess.CompletedProcess:
    """Run one of scripts/*.py as a maintainer would, capturing what it prints."""
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / name), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


FIXTURE_COURSE = ROOT / "tests" / "fixtures" / "course"


def make_fixture_course(target: Path) -> Path:
    """The small fixture course (tests/fixtures/course) on the real project's machinery.

    Everything that builds the site (mkdocs.yml, scripts/, overrides/, the
    shared figure modules and fonts) is the real project's; the pages, figure
    groups and notebooks are the fixture's.
    """
    copy_project(ROOT, target)
    (target / "published-links.txt").unlink(missing_ok=True)  # the real site's addresses, not the fixture's
    for part in ("docs", "notebooks"):
        shutil.rmtree(target / part, ignore_errors=True)
    for group in (target / "figures").iterdir():
        if group.is_dir() and group.name != "fonts":
            shutil.rmtree(group)
    for part in ("docs", "figures", "notebooks"):
        shutil.copytree(FIXTURE_COURSE / part, target / part, dirs_exist_ok=True)
    return target
