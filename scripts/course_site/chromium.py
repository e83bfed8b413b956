"""Where Debian's Chromium is and how it starts headless here: one definition for tools and tests.

Playwright drives this browser (``executable_path``); it never downloads one.
The flags keep a headless Chromium from reaching for Google's services, which
this machine's closed network refuses.
"""

from __future__ import annotations

import os
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
