"""One `mkdocs build` under cProfile (CPU time) or tracemalloc (what holds memory).

    python tools/profiled_build.py OUT.prof -f mkdocs.yml -d site
    python tools/profiled_build.py --memory OUT.txt -f mkdocs.yml -d site

The benchmark runs the first with ``--measure profile``; read the result with
``python -m pstats OUT.prof`` or ``profile_summary``. CPU time is counted, so
a busy machine's waiting is not. Figure and notebook workers are separate
processes and are not in either profile.

``--memory`` writes, as text, the Python allocations alive at two moments,
grouped by the line that made them: ``on_env``, when every page has been
converted and none written yet (MkDocs holds every page's HTML then), and
``on_post_build``, when every page has been written; and the peak traced
during the whole build. tracemalloc makes the build several
times slower and sees only Python's own allocations (not a native library's
model, such as the Korean analyser's).
"""

from __future__ import annotations

import cProfile
import io
import pstats
import sys
import time
import tracemalloc


def profile_summary(path: str, top: int = 30) -> str:
    """The ``top`` functions by cumulative and by own CPU time."""
    out = io.StringIO()
    stats = pstats.Stats(path, stream=out)
    stats.strip_dirs()
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def memory_summary(snapshot: tracemalloc.Snapshot, top: int = 30) -> str:
    """The ``top`` lines by memory alive in ``snapshot``, with two frames of where they were called from."""
    snapshot = snapshot.filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
    alive = sum(stat.size for stat in snapshot.statistics("filename"))
    lines = [f"alive: {alive / 2**20:.1f} MiB"]
    for stat in snapshot.statistics("traceback")[:top]:
        lines.append(f"{stat.size / 2**20:8.1f} MiB in {stat.count:7d} blocks")
        lines.extend(f"    {frame.filename}:{frame.lineno}" for frame in reversed(stat.traceback[-3:]))
    return "\n".join(lines) + "\n"


def run_build(arguments: list[str]) -> None:
    from mkdocs.__main__ import cli

    sys.argv = ["mkdocs", "build", *arguments]
    cli(standalone_mode=False)


def profile_cpu(out: str, arguments: list[str]) -> None:
    profile = cProfile.Profile(time.process_time)
    try:
        profile.runcall(run_build, arguments)
    finally:
        profile.dump_stats(out)


def profile_memory(out: str, arguments: list[str]) -> None:
    from mkdocs.plugins import PluginCollection

    taken: dict[str, tracemalloc.Snapshot] = {}
    events = {name: getattr(PluginCollection, name) for name in ("on_env", "on_post_build")}

    def snapshot_first(name: str):
        def event(self, *args, **kwargs):
            taken[name] = tracemalloc.take_snapshot()
            return events[name](self, *args, **kwargs)

        return event

    for name in events:
        setattr(PluginCollection, name, snapshot_first(name))
    tracemalloc.start(3)
    try:
        run_build(arguments)
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        for name, event in events.items():
            setattr(PluginCollection, name, event)
    with open(out, "w", encoding="utf-8") as file:
        file.write(f"peak during the build: {peak / 2**20:.1f} MiB\n")
        for name, snapshot in taken.items():
            file.write(f"\n== when {name} starts: " + memory_summary(snapshot))


def main() -> int:
    arguments = sys.argv[1:]
    memory = arguments[:1] == ["--memory"]
    if memory:
        arguments = arguments[1:]
    if not arguments or arguments[0].startswith("-"):
        # No output file first (e.g. --help): say how to call it instead of building into a file named "--help".
        print("\n\n".join(__doc__.strip().split("\n\n")[:2]), file=sys.stderr)
        return 2
    out, arguments = arguments[0], arguments[1:]
    (profile_memory if memory else profile_cpu)(out, arguments)
    return 0


if __name__ == "__main__":
    sys.exit(main())
