"""Save-to-browser latency of ``mkdocs serve``: from writing a file to the reloaded page in Chromium.

A ``ServedSite`` is one ``mkdocs serve`` process with one Chromium tab on a
page. ``time_reload`` writes a file and waits for MkDocs' live reload to load
the page again; when a JavaScript condition is given (the new text is on the
page), reloads that do not satisfy it are waited past.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ServedSite:
    """``mkdocs serve`` of ``config`` with a browser tab on ``page_path`` (a URL path under the site)."""

    def __init__(self, config: Path, page_path: str, browser, *, start_timeout: float = 1800):
        self.config = config
        self.port = free_port()
        mount = re.search(r"^site_url:\s*\S+?://[^/\s]+(/\S*)?\s*$", config.read_text(encoding="utf-8"), re.MULTILINE)
        mount_path = (mount.group(1) if mount and mount.group(1) else "/").rstrip("/") + "/"
        self.url = f"http://127.0.0.1:{self.port}{mount_path}{page_path.lstrip('/')}"
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONIOENCODING="utf-8")
        self.log = config.parent / "serve.log"
        with open(self.log, "w", encoding="utf-8") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{self.port}"],
                cwd=config.parent, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )
        self._wait_until_served(start_timeout)
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.page.goto(self.url, wait_until="load", timeout=start_timeout * 1000)

    def time_reload(self, edit: Callable[[], str | None], timeout: float = 600) -> float:
        """Seconds from ``edit()`` to the reload after which the JS condition ``edit`` returned is true.

        ``edit`` returns None when any reload shows the change (nothing on the page to wait for).
        """
        deadline = time.perf_counter() + timeout
        with self.page.expect_event("load", timeout=timeout * 1000):
            started = time.perf_counter()
            shown = edit()
        while shown is not None and not self.page.evaluate(shown):
            with self.page.expect_event("load", timeout=max(1.0, deadline - time.perf_counter()) * 1000):
                pass
        return time.perf_counter() - started

    def close(self) -> None:
        self.context.close()
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)  # mkdocs serve shuts down cleanly on Ctrl-C
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def _wait_until_served(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"mkdocs serve 가 끝났습니다 ({self.config}):\n{self.log.read_text(encoding='utf-8')[-3000:]}")
            try:
                with urllib.request.urlopen(self.url, timeout=timeout) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        raise RuntimeError(f"mkdocs serve 가 {timeout:.0f}초 안에 {self.url} 을 보여 주지 않았습니다.")


