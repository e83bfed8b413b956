"""When each file last changed, from git history, read in one pass.

Outside a git checkout (a source tarball, a zip download), or where git is
missing, there are simply no dates: the build goes on without them.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def last_change_dates(repo_dir: Path) -> dict[str, dt.date]:
    """POSIX path relative to ``repo_dir`` -> date of the last commit touching it."""
    try:
        result = subprocess.run(
            ["git", "-C", str(repo_dir), "log", "--relative", "--format=%x00%cs", "--name-only", "--no-renames"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if result.returncode != 0:
        return {}
    dates: dict[str, dt.date] = {}
    current = None
    for line in result.stdout.splitlines():
        if line.startswith("\0"):
            current = dt.date.fromisoformat(line[1:].strip())
        elif line.strip() and current is not None:
            dates.setdefault(line.strip(), current)  # log is newest first
    return dates
