"""Render figure scripts in parallel worker processes, each job with a time limit.

Why our own small pool instead of ``concurrent.futures``: a stuck script must
be stopped after its own time limit, counted from when *it* started, and only
its worker killed. Each worker is a plain subprocess speaking JSON lines
(``worker.py``), read by one thread per worker, which works the same on
Linux, macOS and Windows and never forks a process that has threads.

Each worker is fenced in (``course_site.sandbox``): it gets its own empty
temporary folder, removed when it exits, and the limits it is given; where
the platform allows, it also starts in a network namespace of its own.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict
from dataclasses import dataclass, field
from pathlib import Path

from course_site.cpus import available_cpus
from course_site.figures.discover import FigureSource
from course_site.sandbox import FIGURE_LIMITS, Limits, network_namespace_prefix

SCRIPTS_DIR = Path(__file__).resolve().parents[2]  # the folder holding course_site/
log = logging.getLogger("mkdocs.plugins.figures")


@dataclass
class RenderResult:
    source: FigureSource
    ok: bool
    inline: str = ""  # the <svg> element a page inlines
    standalone: str = ""  # the same drawing as an SVG file with its fonts embedded
    fonts: dict[str, str] = field(default_factory=dict)  # font file -> characters drawn
    dark_colours: dict[str, str] = field(default_factory=dict)  # light colour -> dark twin
    width_px: int = 0
    height_px: int = 0
    smallest_text_px_on_phone: float = 0.0
    narrowest_px: int = 0  # never shown narrower: its smallest text would fall below the minimum
    legibility: str = ""  # what to change if text is too small on a phone
    warnings: list[str] = field(default_factory=list)
    file: str = ""  # the file to blame when not the script itself (a shared module)
    line: int = 0
    message: str = ""
    traceback: str = ""
    style_broken: bool = False  # figures/figure_style.py failed: no figure could be drawn


class _Worker:
    def __init__(self, figures_dir: Path, events: queue.Queue, limits: Limits, fenced_network: tuple[str, ...]):
        self.temp_dir = Path(tempfile.mkdtemp(prefix="course-figure-"))
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SCRIPTS_DIR), env.get("PYTHONPATH")]))
        env["MPLBACKEND"] = "Agg"
        env["SOURCE_DATE_EPOCH"] = "0"
        env.setdefault("PYTHONIOENCODING", "utf-8")
        env["TMPDIR"] = str(self.temp_dir)
        self.process = subprocess.Popen(
            [*fenced_network, sys.executable, "-m", "course_site.figures.worker", str(figures_dir),
             str(self.temp_dir), json.dumps(asdict(limits))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            text=True,
            encoding="utf-8",
        )
        self.job: FigureSource | None = None
        self.ready = False
        self.started = 0.0
        self.reader = threading.Thread(target=self._read, args=(events,), daemon=True)
        self.reader.start()

    def _read(self, events: queue.Queue) -> None:
        with self.process.stdout:
            for line in self.process.stdout:
                events.put((self, json.loads(line)))
        events.put((self, None))  # end of output: the process has exited

    def send(self, source: FigureSource) -> None:
        self.job, self.started = source, time.monotonic()
        job = {"script": str(source.script), "name": source.name, "seed": source.seed}
        self.process.stdin.write(json.dumps(job) + "\n")
        self.process.stdin.flush()

    def close(self) -> None:
        """Let the worker finish: it exits when its job input ends."""
        try:
            self.process.stdin.close()
        except OSError:
            pass

    def remove_temp_dir(self) -> None:
        """After the process has exited: what the scripts left in their folder goes."""
        shutil.rmtree(self.temp_dir, ignore_errors=True)

    def kill(self) -> None:
        self.process.kill()
        self.close()
        self.process.wait()
        self.reader.join(timeout=5)
        self.remove_temp_dir()


def render_all(
    sources: list[FigureSource],
    figures_dir: Path,
    *,
    workers: int | None = None,
    timeout: float = 60.0,
    limits: Limits = FIGURE_LIMITS,
    network_namespace: bool | None = None,
) -> list[RenderResult]:
    """Render every source; results come back in the order of ``sources``.

    ``network_namespace``: None uses one where the platform allows it; tests
    force it on or off to show the drawings do not depend on it.
    """
    if not sources:
        return []
    fenced_network = network_namespace_prefix() if network_namespace is not False else ()
    if network_namespace and not fenced_network:
        raise RuntimeError("network namespace requested but unshare -rn does not work here")
    log.debug("그림 작업 프로세스의 네트워크: %s", "네임스페이스로 끊음" if fenced_network else "감사 훅으로 막음")

    pending = list(sources)
    results: dict[str, RenderResult] = {}
    events: queue.Queue = queue.Queue()

    def start_worker() -> _Worker:
        return _Worker(figures_dir, events, limits, fenced_network)

    count = max(1, min(workers or available_cpus(), len(sources)))
    pool = [start_worker() for _ in range(count)]

    def give_work(worker: _Worker) -> None:
        if pending:
            worker.send(pending.pop(0))
        else:
            worker.job = None
            worker.close()

    try:
        while len(results) < len(sources):
            busy = [w for w in pool if w.job is not None]
            wait = min((w.started + timeout - time.monotonic() for w in busy), default=timeout)
            try:
                worker, message = events.get(timeout=max(0.0, wait))
            except queue.Empty:
                worker, message = None, None
            if worker is None:  # someone's time is up
                for late in [w for w in busy if time.monotonic() - w.started >= timeout]:
                    results[late.job.name] = RenderResult(
                        late.job,
                        ok=False,
                        message=f"{timeout:g}초 안에 끝나지 않아 중단했습니다 (무한 루프나 너무 큰 계산이 없는지 "
                        "확인하거나, 정말 오래 걸리는 그림이면 mkdocs.yml 의 extra.figures.timeout 을 늘리세요).",
                    )
                    late.kill()
                    pool.remove(late)
                    if pending:
                        pool.append(start_worker())
                continue
            if worker not in pool:
                continue  # a killed worker's last words
            if message is None:  # the worker's output ended: it has exited
                pool.remove(worker)
                worker.close()
                code = worker.process.wait()
                worker.remove_temp_dir()
                if not worker.ready:  # before it could start: don't respawn forever
                    for source in pending:
                        results[source.name] = RenderResult(
                            source,
                            ok=False,
                            message=f"그림 작업 프로세스가 시작하지 못했습니다 (종료 코드 {code}; 위의 오류 출력을 보세요).",
                        )
                    pending.clear()
                    continue
                if worker.job is not None:
                    results[worker.job.name] = RenderResult(
                        worker.job,
                        ok=False,
                        message=f"그림을 그리던 프로세스가 종료 코드 {code} 로 갑자기 끝났습니다 "
                        f"(os._exit, 메모리 한도 {limits.memory_mb}MB(extra.figures.memory_mb) 초과, "
                        "네이티브 코드 오류 등).",
                    )
                if pending:
                    pool.append(start_worker())
                continue
            if "ready" in message:
                if message["ready"]:
                    worker.ready = True
                    give_work(worker)
                    continue
                # The shared style module is broken: no figure can be drawn.
                for source in pending:
                    results[source.name] = RenderResult(source, ok=False, **startup_failure(message))
                pending.clear()
                continue
            source = worker.job
            results[source.name] = RenderResult(
                source,
                ok=message["ok"],
                inline=message.get("inline", ""),
                standalone=message.get("standalone", ""),
                fonts=message.get("fonts", {}),
                dark_colours=message.get("dark_colours", {}),
                width_px=message.get("width_px", 0),
                height_px=message.get("height_px", 0),
                smallest_text_px_on_phone=message.get("smallest_text_px_on_phone", 0.0),
                legibility=message.get("legibility", ""),
                narrowest_px=message.get("narrowest_px", 0),
                warnings=message.get("warnings", []),
                file=message.get("file", ""),
                line=message.get("line", 0),
                message=message.get("message", ""),
                traceback=message.get("traceback", ""),
            )
            give_work(worker)
    finally:
        for worker in pool:
            worker.close()
        for worker in pool:
            try:
                worker.process.wait(timeout=5)
                worker.reader.join(timeout=5)
            except subprocess.TimeoutExpired:
                worker.kill()
            worker.remove_temp_dir()
    return [results[source.name] for source in sources]


def startup_failure(message: dict) -> dict:
    return {
        "style_broken": True,
        "file": message.get("file", ""),
        "line": message.get("line", 0),
        "message": "공용 모듈 figures/figure_style.py 를 불러오지 못해 그림을 그리지 못했습니다:\n  "
        + message.get("message", ""),
        "traceback": message.get("traceback", ""),
    }
