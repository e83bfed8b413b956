"""What changed since the base branch: for the tests that check a sample of what grows with the course.

Some checks cost time for every page or figure of the course: opening each page
in a browser, drawing each figure again from cold. Those open or draw a sample,
plus everything a change touched; the rest was checked in the change that made
it. The base is ``COURSE_TESTS_BASE`` when set (CI: the pull request's base
commit, or the commit before a push), else where HEAD left ``origin/main`` (or
``main``). Uncommitted and untracked files count as changed.

When git cannot say (not a repository, no such base), the tests check
everything, as they do with ``COURSE_TESTS_ALL=1``.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

CHECK_ALL = "COURSE_TESTS_ALL"
BASE = "COURSE_TESTS_BASE"

# Changes that can alter every drawing: the renderer and the installed packages (matplotlib).
DRAWING_MACHINERY = ("scripts/course_site/figures/", "requirements.txt", "constraints.txt")


def check_everything() -> bool:
    return os.environ.get(CHECK_ALL) == "1"


def files_changed_since_base(root: Path) -> list[str] | None:
    """Files changed since the base, committed or not, relative to ``root``; None when git cannot say."""
    def git(*arguments: str) -> str | None:
        try:
            result = subprocess.run(["git", *arguments], cwd=root, capture_output=True, text=True,
                                    encoding="utf-8", timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            return None
        return result.stdout if result.returncode == 0 else None

    base = os.environ.get(BASE) or next(
        (found.strip() for ref in ("origin/main", "main") if (found := git("merge-base", "HEAD", ref))), None
    )
    if base is None:
        return None
    # -z: names as they are (git quotes Hangul names otherwise).
    changed = git("diff", "--name-only", "--no-renames", "-z", base, "--")  # committed or not
    untracked = git("ls-files", "--others", "--exclude-standard", "-z")
    if changed is None or untracked is None:
        return None
    return sorted(set(filter(None, (changed + untracked).split("\0"))))


def figure_scripts_to_draw(changed: list[str] | None, scripts: list[str]) -> list[str]:
    """Of ``scripts`` (paths like 'figures/seminar04/plot.py'), the ones a change may draw differently.

    Every script when git cannot say, when everything is asked for, or when a
    change reaches all drawings (a shared module, a font, data, the renderer,
    the pinned packages); else the changed scripts, and the first script, so
    that a run with no change still draws one figure.
    """
    if changed is None or check_everything():
        return list(scripts)
    drawing_files = [file for file in changed if file.startswith("figures/")]
    reaches_all = [file for file in drawing_files if file not in scripts]  # a shared module, a font, data
    if reaches_all or any(file.startswith(DRAWING_MACHINERY) for file in changed):
        return list(scripts)
    return [script for script in scripts if script in drawing_files or script == scripts[0]]
