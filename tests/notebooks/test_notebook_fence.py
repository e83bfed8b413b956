"""Notebook cells run fenced in, and every failing notebook is named in one message at its real line."""

from __future__ import annotations

import shutil
import socket
import textwrap
import time

import nbformat
import pytest

from course_site.errors import CourseBuildError
from course_site.notebooks import build_notebooks, cell_start_lines
from course_site.sandbox import Limits, network_namespace_prefix
from support import ROOT

HEADER = """\
# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---
"""  # 7 lines: a notebook's first cell mark is on line 8
LIMITS = Limits(memory_mb=1024, cpu_seconds=20, output_kb=1024, section="notebooks")

NOTEBOOKS = {
    "good": """
        # %%
        import tempfile
        from pathlib import Path
        scratch = Path(tempfile.gettempdir()) / "scratch.txt"
        scratch.write_text("임시 파일은 됩니다", encoding="utf-8")
        print(scratch.read_text(encoding="utf-8"))
    """,
    "writes": """
        # %%
        x = 1

        # %%
        open(OUTSIDE, "w").write("몰래")
    """,
    "flood": """
        # %%
        for step in range(1_000_000):
            print("x" * 50)
    """,
    "network": """
        # %%
        import socket
        socket.create_connection(("127.0.0.1", PORT), timeout=5)
    """,
    "memory": """
        # %%
        import numpy as np
        big = np.ones(3 * 1024**3 // 8)
    """,
    "repeated": """
        # %%
        x = 1

        # %%
        print(x)

        # %%
        x = 1
        x[3]
    """,
}


def write_notebooks(folder, sources: dict[str, str], **replacements) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in sources.items():
        for key, value in replacements.items():
            body = body.replace(key, value)
        (folder / f"{name}.py").write_text(HEADER + textwrap.dedent(body).lstrip("\n"), encoding="utf-8")


@pytest.fixture(scope="module")
def fenced_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("notebook-fence")
    outside = root / "outside.txt"
    with socket.create_server(("127.0.0.1", 0)) as server:
        server.settimeout(0.1)
        write_notebooks(root / "notebooks" / "demo", NOTEBOOKS, OUTSIDE=repr(str(outside)),
                        PORT=str(server.getsockname()[1]))
        started = time.monotonic()
        with pytest.raises(CourseBuildError) as caught:
            build_notebooks(root / "notebooks", ROOT / "figures", root / "cache", timeout=120, limits=LIMITS)
        seconds = time.monotonic() - started
        try:
            server.accept()
            connected = True
        except TimeoutError:
            connected = False
    message = str(caught.value)
    blocks = {part.split(".py", 1)[0]: part for part in message.split("\n\nnotebooks/demo/")[1:]}
    return {"message": message, "blocks": blocks, "root": root, "outside": outside, "connected": connected,
            "seconds": seconds}


def test_every_failing_notebook_is_named_in_one_summary(fenced_run):
    assert "노트북 5개가 실패했습니다" in fenced_run["message"]
    assert set(fenced_run["blocks"]) == {"writes", "flood", "network", "memory", "repeated"}


def test_the_notebooks_that_ran_are_cached_although_others_failed(fenced_run):
    cached = [path.name for path in (fenced_run["root"] / "cache").rglob("*.ipynb")]
    assert cached == ["good.ipynb"]


def test_a_cell_writing_outside_its_temporary_folder_is_named_and_writes_nothing(fenced_run):
    block = fenced_run["blocks"]["writes"]
    assert block.startswith("writes.py 셀 2 (12번째 줄)")
    assert "노트북 셀은 자기 임시 폴더" in block and "outside.txt" in block
    assert not fenced_run["outside"].exists()


def test_a_cell_printing_50_mb_fails_naming_the_cell_and_the_output_limit(fenced_run):
    block = fenced_run["blocks"]["flood"]
    assert block.startswith("flood.py 셀 1 (9번째 줄)")
    assert "한도 1024KB" in block and "extra.notebooks.output_kb" in block
    assert len(fenced_run["message"]) < 20_000  # the flood is not repeated in the message


def test_a_cell_reaching_the_network_is_stopped_before_it_connects(fenced_run):
    assert "네트워크를 쓸 수 없습니다" in fenced_run["blocks"]["network"]
    assert not fenced_run["connected"]


def test_a_3_gb_allocation_fails_naming_the_memory_limit(fenced_run):
    block = fenced_run["blocks"]["memory"]
    assert "MemoryError" in block and "메모리 한도 1024MB" in block and "extra.notebooks.memory_mb" in block


def test_a_cell_whose_first_line_appears_earlier_is_named_at_its_own_line(fenced_run):
    # Cells 1 and 3 both begin with "x = 1": cell 3 starts on line 15, not line 9.
    assert fenced_run["blocks"]["repeated"].startswith("repeated.py 셀 3 (15번째 줄)")
    assert "(오류가 난 줄: 16번째 줄)" in fenced_run["blocks"]["repeated"]


def test_the_failing_line_is_counted_from_the_cells_text_not_from_other_cells_frames(tmp_path):
    write_notebooks(tmp_path / "notebooks" / "demo", {"lines": """
        # %%
        def first(values):
            return values[5]

        # %%

        values = [1, 2]
        first(values)
    """})
    with pytest.raises(CourseBuildError) as caught:
        build_notebooks(tmp_path / "notebooks", ROOT / "figures", tmp_path / "cache", timeout=120)
    # Cell 2's mark is line 12, a blank line, its text from line 14; the call that fails is on
    # line 15 (IPython skips the blank line too), the IndexError itself in cell 1's function.
    assert "notebooks/demo/lines.py 셀 2 (14번째 줄)" in str(caught.value)
    assert "(오류가 난 줄: 15번째 줄)" in str(caught.value)


def test_cell_start_lines_count_the_cell_marks():
    text = HEADER + "# %%\nx = 1\n\n# %% [markdown]\n# 설명\n\n# %%\n\nx = 1\n"
    assert cell_start_lines(text) == [9, 12, 16]
    assert cell_start_lines("import os\n\n# %%\nprint(os.sep)\n") == [1, 4]


def test_a_cpu_bound_cell_stops_at_the_cpu_limit(tmp_path):
    write_notebooks(tmp_path / "notebooks" / "demo", {"spins": "# %%\nx = 1\n\n# %%\nwhile True:\n    x += 1\n"})
    with pytest.raises(CourseBuildError) as caught:
        build_notebooks(tmp_path / "notebooks", ROOT / "figures", tmp_path / "cache", timeout=300,
                        limits=Limits(memory_mb=1024, cpu_seconds=4, output_kb=1024, section="notebooks"))
    message = str(caught.value)
    assert "notebooks/demo/spins.py 셀 2 (12번째 줄)" in message
    assert "CPU 시간 한도 4초" in message and "extra.notebooks.cpu_seconds" in message


def test_a_timeout_stops_the_kernel_without_zmq_noise(tmp_path, capfd):
    write_notebooks(tmp_path / "notebooks" / "demo", {"slow": "# %%\nimport time\n\n# %%\ntime.sleep(600)\n"})
    with pytest.raises(CourseBuildError) as caught:
        # Long enough for a busy machine to start the kernel and run the first cells.
        build_notebooks(tmp_path / "notebooks", ROOT / "figures", tmp_path / "cache", timeout=12)
    assert "notebooks/demo/slow.py 셀 2 (12번째 줄)" in str(caught.value) and "12초" in str(caught.value)
    printed = capfd.readouterr()
    for noise in ("Traceback", "ZMQError", "IPKernelApp"):
        assert noise not in printed.err + printed.out


def test_a_broken_shared_style_module_is_blamed_with_its_line_not_a_notebook_cell(tmp_path):
    figures = tmp_path / "figures"
    figures.mkdir()
    shutil.copytree(ROOT / "figures" / "fonts", figures / "fonts")
    style = (ROOT / "figures" / "figure_style.py").read_text(encoding="utf-8")
    broken_line = style.count("\n") + 2
    (figures / "figure_style.py").write_text(style + "\nraise ValueError('스타일 고장')\n", encoding="utf-8")
    write_notebooks(tmp_path / "notebooks" / "demo", {"one": "# %%\nx = 1\n", "two": "# %%\ny = 2\n"})
    with pytest.raises(CourseBuildError) as caught:
        build_notebooks(tmp_path / "notebooks", figures, tmp_path / "cache", timeout=120)
    message = str(caught.value)
    assert message.startswith(f"figures/figure_style.py:{broken_line}:") and "스타일 고장" in message
    assert "셀" not in message.split("\n")[0] and "notebooks/demo" not in message


def test_a_cell_printing_50_mb_with_the_default_limits_fails_within_a_minute(tmp_path):
    write_notebooks(tmp_path / "notebooks" / "demo", {"flood": NOTEBOOKS["flood"]})
    started = time.monotonic()
    with pytest.raises(CourseBuildError) as caught:
        build_notebooks(tmp_path / "notebooks", ROOT / "figures", tmp_path / "cache", timeout=600)
    assert time.monotonic() - started < 60  # kernel start included; the flood itself stops at 8 MB
    assert "notebooks/demo/flood.py 셀 1 (9번째 줄)" in str(caught.value)
    assert "한도 8192KB" in str(caught.value) and "extra.notebooks.output_kb" in str(caught.value)


@pytest.mark.skipif(not network_namespace_prefix(), reason="unshare -rn is not allowed on this machine")
def test_where_allowed_the_kernel_runs_without_a_network_and_publishes_the_same_bytes(tmp_path):
    folder = tmp_path / "notebooks" / "demo"
    write_notebooks(folder, {"interfaces": "# %%\nimport socket\nprint([name for _, name in socket.if_nameindex()])\n"})
    report = build_notebooks(tmp_path / "notebooks", ROOT / "figures", tmp_path / "fenced", network_namespace=True)
    printed = nbformat.read(next(iter(report.notebooks.values())), as_version=4).cells[-1].outputs[0].text
    assert printed.strip() == "['lo']"  # loopback only, and it is not even up

    (folder / "interfaces.py").unlink()
    write_notebooks(folder, {"plot": """
        # %%
        import matplotlib.pyplot as plt
        print("같은 바이트")
        fig, ax = plt.subplots()
        ax.set_title("네임스페이스와 상관없이")
        ax.plot([3, 1, 2])
        plt.show()
    """})
    published = []
    for fenced in (True, False):
        report = build_notebooks(tmp_path / "notebooks", ROOT / "figures", tmp_path / f"cache-{fenced}",
                                 network_namespace=fenced)
        path = next(iter(report.notebooks.values()))
        published.append((path.read_bytes(), path.with_suffix(".figures.json").read_bytes()))
    assert published[0] == published[1]
