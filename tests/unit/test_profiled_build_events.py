"""tools/profiled_build.py --events: the CPU time of each hook event and page, to compare builds."""

from __future__ import annotations

import os
import subprocess
import sys

from support import ROOT

BUSY_HOOK = '''\
import time


def on_files(files, config):
    started = time.process_time()
    while time.process_time() - started < 0.2:  # CPU, not sleep: the tool counts CPU time
        pass
'''


def test_events_lists_each_hooks_cpu_time_largest_first_with_every_page(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# 홈\n", encoding="utf-8")
    (tmp_path / "busy_hook.py").write_text(BUSY_HOOK, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: 측정\nhooks:\n  - busy_hook.py\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "profiled_build.py"), "--events", str(tmp_path / "events.txt"),
         "-q", "-f", str(tmp_path / "mkdocs.yml"), "-d", str(tmp_path / "site")],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert result.returncode == 0, result.stderr
    lines = (tmp_path / "events.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("process CPU: ")
    milliseconds, event = lines[1].split(maxsplit=2)[0], lines[1].split(maxsplit=2)[2]
    assert event == "files:busy_hook.py" and 200 <= float(milliseconds) < 1000
    assert any(line.endswith("populate_page index.md") for line in lines)
    assert (tmp_path / "site" / "index.html").is_file()
