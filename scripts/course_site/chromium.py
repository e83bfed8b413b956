"""Where Debian's Chromium is and how it starts headless here: one definition for tools and tests.

Playwright drives this browser (``executable_path``); it never downloads one.
The flags keep a headless Chromium from reaching for Google's services, which
this machine's closed network refuses.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@contextlib.contextmanager
def launched_chromium(playwright) -> Iterator:
    """Chromium started headless by ``playwright``, closed and cleaned up after the block.

    At every start Chromium makes a folder in TMPDIR for its single-instance lock
    (org.chromium.Chromium.XXXXXX) and never removes it: a test run left a few
    hundred in /tmp. Here it gets a temporary folder of its own, removed with it.
    """
    with tempfile.TemporaryDirectory(prefix="course-chromium-") as folder:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, env={**os.environ, "TMPDIR": folder}
        )
        try:
            yield browser
        finally:
            browser.close()
