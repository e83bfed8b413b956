"""Worker pools size themselves by the CPUs the build may use, not by the machine's count."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from support import ROOT

SCRIPTS = ROOT / "scripts"


@pytest.mark.skipif(
    not hasattr(os, "sched_setaffinity"), reason="프로세스의 CPU 를 정하는 기능(sched_setaffinity)은 리눅스에만 있습니다"
)
def test_a_process_limited_to_one_cpu_counts_one():
    one = min(os.sched_getaffinity(0))
    code = (
        f"import os, sys; sys.path.insert(0, {str(SCRIPTS)!r}); os.sched_setaffinity(0, {{{one}}}); "
        "from course_site.cpus import available_cpus; print(available_cpus())"
    )
    printed = subprocess.run([sys.executable, "-c", code], capture_output=True, encoding="utf-8", check=True).stdout
    assert printed.strip() == "1"


def test_no_pool_counts_the_whole_machine():
    # A CI runner given two CPUs of a 64-CPU machine would start 64 figure workers or analyser threads.
    counting = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((SCRIPTS / "course_site").rglob("*.py"))
        if path.name != "cpus.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bos\.cpu_count\(", line)
    ]
    assert counting == []
