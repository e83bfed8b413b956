"""The memory profile names the lines of code that hold memory, so a regression can be traced."""

from __future__ import annotations

import subprocess
import sys
import tracemalloc

from support import ROOT

sys.path.insert(0, str(ROOT / "tools"))

from profiled_build import memory_summary  # noqa: E402


def hold_ten_mebibytes() -> list[bytes]:
    return [bytes(1024) for _ in range(10 * 1024)]


def test_memory_summary_puts_the_line_holding_the_most_memory_first_with_its_size():
    tracemalloc.start(3)
    try:
        held = hold_ten_mebibytes()
        snapshot = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    summary = memory_summary(snapshot)
    first = summary.splitlines()[1:]
    size = float(first[0].split()[0])
    assert 10 <= size < 12, summary
    assert first[1].strip() == f"{__file__}:{hold_ten_mebibytes.__code__.co_firstlineno + 1}", summary
    assert len(held) == 10 * 1024


def test_help_prints_the_usage_and_builds_nothing_into_a_file_named_after_the_option(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "profiled_build.py"), "--help"],
        cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", timeout=60,
    )
    assert result.returncode == 2 and "OUT.prof" in result.stderr
    assert not list(tmp_path.iterdir())
