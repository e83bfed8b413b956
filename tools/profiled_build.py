"""One `mkdocs build` under cProfile (CPU time), per event (CPU time) or tracemalloc (what holds memory).

    python tools/profiled_build.py OUT.prof -f mkdocs.yml -d site
    python tools/profiled_build.py --events OUT.txt -f mkdocs.yml -d site
    python tools/profiled_build.py --memory OUT.txt -f mkdocs.yml -d site

The benchmark runs the first with ``--measure profile``; read the result with
``python -m pstats OUT.prof`` or ``profile_summary``. CPU time is counted, so
a busy machine's waiting is not. Figure and notebook workers are separate
processes and are not in either profile.

``--events`` writes, as text, the CPU time of every plugin and hook event
(``files:scripts/hook_figures.py``) and of reading and writing each page,
largest first (a page's steps include its page events), measured with
``time.process_time`` around each call and no profiler: cProfile's own cost per Python call makes call-heavy code (Pygments'
lexers, Jinja's compiler) look two to three times its real share, so compare
sides with this one.

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


def time_events(out: str, arguments: list[str]) -> None:
    from mkdocs.commands import build
    from mkdocs.plugins import PluginCollection

    spent: dict[str, float] = {}
    run_event = PluginCollection.run_event
    steps = {name: getattr(build, name) for name in ("_populate_page", "_build_page")}

    def timed_run_event(self, name, item=None, **kwargs):
        # As MkDocs' own run_event, one callback at a time, so each gets its time.
        for method in self.events[name]:
            self._current_plugin = self._event_origins.get(method, "<unknown>")
            started = time.process_time()
            result = method(item, **kwargs) if item is not None else method(**kwargs)
            key = f"{name}:{self._current_plugin}"
            spent[key] = spent.get(key, 0.0) + time.process_time() - started
            if result is not None:
                item = result
        self._current_plugin = None
        return item

    def timed_step(name):
        def step(page, *args, **kwargs):
            started = time.process_time()
            try:
                return steps[name](page, *args, **kwargs)
            finally:
                key = f"{name.strip('_')} {page.file.src_uri}"
                spent[key] = spent.get(key, 0.0) + time.process_time() - started

        return step

    PluginCollection.run_event = timed_run_event
    for name in steps:
        setattr(build, name, timed_step(name))
    try:
        run_build(arguments)
    finally:
        PluginCollection.run_event = run_event
        for name, step in steps.items():
            setattr(build, name, step)
    lines = [f"process CPU: {time.process_time():.3f} s (the whole process, imports included)"]
    lines += [f"{seconds * 1000:9.1f} ms  {key}" for key, seconds in sorted(spent.items(), key=lambda kv: -kv[1])]
    with open(out, "w", encoding="utf-8") as file:
        file.write("\n".join(lines) + "\n")


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
    modes = {"--memory": profile_memory, "--events": time_events}
    run = profile_cpu
    if arguments[:1] and arguments[0] in modes:
        run, arguments = modes[arguments[0]], arguments[1:]
    if not arguments or arguments[0].startswith("-"):
        # No output file first (e.g. --help): say how to call it instead of building into a file named "--help".
        print("\n\n".join(__doc__.strip().split("\n\n")[:2]), file=sys.stderr)
        return 2
    out, arguments = arguments[0], arguments[1:]
    run(out, arguments)
    return 0


if __name__ == "__main__":
    sys.exit(main())
