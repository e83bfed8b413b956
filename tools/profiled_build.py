"""One `mkdocs build` under cProfile, counting CPU time (a busy machine's waiting is not counted).

    python tools/profiled_build.py OUT.prof -f mkdocs.yml -d site

The benchmark runs it with ``--measure profile``; read the result with
``python -m pstats OUT.prof`` or ``profile_summary``. Figure and notebook
workers are separate processes and are not in the profile.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import sys
import time


def profile_summary(path: str, top: int = 30) -> str:
    """The ``top`` functions by cumulative and by own CPU time."""
    out = io.StringIO()
    stats = pstats.Stats(path, stream=out)
    stats.strip_dirs()
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def main() -> int:
    from mkdocs.__main__ import cli

    out, arguments = sys.argv[1], sys.argv[2:]
    sys.argv = ["mkdocs", "build", *arguments]
    profile = cProfile.Profile(time.process_time)
    try:
        profile.runcall(cli, standalone_mode=False)
    finally:
        profile.dump_stats(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
