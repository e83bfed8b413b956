"""The fence around figure scripts and notebook cells (course_site.sandbox), tried in real processes."""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from course_site.sandbox import Limits, OutputBudget, OutputLimitExceeded
from support import ROOT

FENCE = """\
import sys
sys.path.insert(0, {scripts!r})
from pathlib import Path
from course_site import sandbox
limits = sandbox.Limits(**{limits!r})
temp = Path({temp!r})
sandbox.enter_temp_dir(temp)
sandbox.apply_resource_limits(limits)
sandbox.start_cpu_budget(limits)
sandbox.install_audit_fence(temp, limits)
"""


def fenced(tmp_path: Path, code: str, **limits) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh Python process fenced in as a figure worker is."""
    temp = tmp_path / "temp"
    temp.mkdir(exist_ok=True)
    program = FENCE.format(scripts=str(ROOT / "scripts"), limits=limits, temp=str(temp)) + textwrap.dedent(code)
    return subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, encoding="utf-8", timeout=120
    )


def test_writing_outside_the_temporary_folder_is_refused_with_a_korean_reason(tmp_path):
    outside = tmp_path / "outside.txt"
    run = fenced(tmp_path, f"open({str(outside)!r}, 'w').write('x')")
    assert run.returncode != 0
    assert "PermissionError" in run.stderr and "그림 스크립트는 자기 임시 폴더" in run.stderr
    assert str(outside) in run.stderr
    assert not outside.exists()


@pytest.mark.parametrize("call", [
    "import os; os.remove({target!r})",
    "import os; os.rename({target!r}, {target!r} + '.moved')",
    "import shutil; shutil.rmtree({folder!r})",
    "import os; os.mkdir({folder!r} + '/new')",
    "import os; fd = os.open({target!r}, os.O_WRONLY | os.O_TRUNC)",
])
def test_changing_files_outside_the_temporary_folder_is_refused(tmp_path, call):
    folder = tmp_path / "repository"
    folder.mkdir()
    target = folder / "keep.txt"
    target.write_text("원본", encoding="utf-8")
    run = fenced(tmp_path, call.format(target=str(target), folder=str(folder)))
    assert run.returncode != 0 and "임시 폴더" in run.stderr
    assert target.read_text(encoding="utf-8") == "원본" and sorted(p.name for p in folder.iterdir()) == ["keep.txt"]


def test_writing_inside_the_temporary_folder_works_relative_or_through_tempfile(tmp_path):
    run = fenced(tmp_path, """
        import tempfile
        Path("relative.txt").write_text("a", encoding="utf-8")
        with tempfile.NamedTemporaryFile("w", delete=False, encoding="utf-8") as handle:
            handle.write("b")
        print(Path(handle.name).parent == temp, Path("relative.txt").resolve().parent == temp.resolve())
    """)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["True", "True"]


def test_connecting_to_a_local_port_is_refused(tmp_path):
    with socket.create_server(("127.0.0.1", 0)) as server:
        server.settimeout(0.5)
        port = server.getsockname()[1]
        run = fenced(tmp_path, f"""
            import socket
            socket.create_connection(("127.0.0.1", {port}), timeout=5)
        """)
        with pytest.raises(TimeoutError):
            server.accept()  # nobody came
    assert run.returncode != 0 and "네트워크를 쓸 수 없습니다" in run.stderr


def test_starting_a_program_is_refused(tmp_path):
    run = fenced(tmp_path, "import subprocess; subprocess.run(['true'])")
    assert run.returncode != 0 and "다른 프로그램(프로세스)을 실행할 수 없습니다" in run.stderr


def test_a_3_gb_allocation_fails_under_the_memory_limit_while_numpy_and_matplotlib_work(tmp_path):
    run = fenced(tmp_path, """
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import numpy as np
        fig, ax = plt.subplots()
        ax.plot(np.arange(1000))
        print("그림 됨")
        np.ones(3 * 1024**3 // 8)
    """, memory_mb=1024)
    assert "그림 됨" in run.stdout
    assert run.returncode != 0 and "MemoryError" in run.stderr


def test_a_cpu_bound_loop_stops_at_the_cpu_limit_naming_the_setting(tmp_path):
    run = fenced(tmp_path, "while True:\n    pass\n", cpu_seconds=1)
    assert run.returncode != 0
    assert "CpuTimeExceeded" in run.stderr and "CPU 시간 한도 1초" in run.stderr
    assert "extra.figures.cpu_seconds" in run.stderr


def test_the_cpu_budget_is_renewed_for_each_job(tmp_path):
    run = fenced(tmp_path, """
        import time
        def spin(seconds):
            end = sandbox.cpu_seconds_used() + seconds
            while sandbox.cpu_seconds_used() < end:
                pass
        for job in range(3):  # 3 x 1.2 s of CPU, each within its own 2 s budget
            sandbox.start_cpu_budget(limits)
            spin(1.2)
        print("세 작업 모두 끝남")
    """, cpu_seconds=2)
    assert run.returncode == 0, run.stderr
    assert "세 작업 모두 끝남" in run.stdout


def test_output_budget_raises_past_its_limit_naming_the_setting():
    budget = OutputBudget(Limits(output_kb=1, section="notebooks"), "셀 출력")
    budget.spend("가" * 300)  # 900 bytes
    with pytest.raises(OutputLimitExceeded, match=r"한도 1KB .*extra\.notebooks\.output_kb"):
        budget.spend("가" * 100)
    budget.reset()
    budget.spend("가" * 300)
