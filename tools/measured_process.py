"""Run a command and measure its wall time, CPU time and the peak memory of its whole process tree.

The peak is the largest sum of resident set sizes of the process and all its
descendants seen while polling (figure and notebook workers are separate
processes, so the parent's own ``ru_maxrss`` would miss them). Polling every
``POLL_SECONDS`` can miss a peak shorter than that; builds take seconds.
"""

from __future__ import annotations

import os
import resource
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

POLL_SECONDS = 0.1


@dataclass(frozen=True)
class Measured:
    seconds: float
    cpu_seconds: float  # user + system of the whole tree (on a busy machine, steadier than wall time)
    peak_rss: int  # bytes
    returncode: int
    stderr: str


def tree_rss(process: psutil.Process) -> int:
    """Resident bytes of ``process`` and every descendant still alive."""
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            total += member.memory_info().rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return total


def run_measured(command: list[str], *, cwd: Path | None = None, env: dict | None = None,
                 timeout: float = 1800) -> Measured:
    """Run ``command`` to the end; its stderr goes to a file so a chatty build cannot block on a pipe."""
    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"benchmark-stderr-{os.getpid()}.log"
    with open(log, "w+", encoding="utf-8") as stderr:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        watched = psutil.Process(child.pid)
        peak = 0
        while True:
            try:
                peak = max(peak, tree_rss(watched))
            except psutil.NoSuchProcess:
                pass
            try:
                child.wait(timeout=POLL_SECONDS)  # returns the moment the command ends
                break
            except subprocess.TimeoutExpired:
                if time.perf_counter() - started > timeout:
                    child.kill()
                    child.wait()
                    break
        seconds = time.perf_counter() - started
        # Descendants' times reach RUSAGE_CHILDREN as each parent reaps its children.
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        stderr.seek(0)
        text = stderr.read()
    log.unlink(missing_ok=True)
    return Measured(seconds, cpu, peak, child.returncode, text)
