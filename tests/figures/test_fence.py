"""Figure scripts run fenced in: each limit, when crossed, fails the build naming the script and the limit."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest

from conftest import GOOD_SCRIPT, FigureTree
from course_site.errors import CourseBuildError
from course_site.figures.build import build_figures
from course_site.sandbox import Limits, network_namespace_prefix

# Small limits, so the tests are quick; a correct figure passes them easily.
LIMITS = Limits(memory_mb=1024, cpu_seconds=3, output_kb=256, section="figures")

BAD_SCRIPTS = {
    "g/home": '''
        """홈 폴더에 쓰는 그림"""
        from pathlib import Path
        def draw():
            (Path.home() / "notes.txt").write_text("몰래", encoding="utf-8")
    ''',
    "g/savefig": '''
        """저장소 맨 위에 저장하는 그림"""
        from pathlib import Path
        import matplotlib.pyplot as plt
        def draw():
            fig, ax = plt.subplots()
            ax.set_title("저장")
            fig.savefig(Path(__file__).resolve().parents[2] / "leak.png")
            return fig
    ''',
    "g/socket": '''
        """네트워크에 닿는 그림"""
        import socket
        def draw():
            socket.create_connection(("127.0.0.1", PORT), timeout=5)
    ''',
    "g/memory": '''
        """3 GB 를 잡는 그림"""
        import numpy as np
        def draw():
            return np.ones(3 * 1024**3 // 8)
    ''',
    "g/prints": '''
        """50 MB 를 출력하는 그림"""
        def draw():
            for step in range(1_000_000):
                print("x" * 50)
    ''',
    "g/spins": '''
        """끝나지 않는 계산"""
        def draw():
            total = 0
            while True:
                total += 1
    ''',
    "g/huge": '''
        """점이 아주 많은 그림"""
        import matplotlib.pyplot as plt
        def draw(rng):
            fig, ax = plt.subplots()
            ax.set_title("점 2만 개")
            ax.scatter(rng.normal(size=20_000), rng.normal(size=20_000))
            return fig
    ''',
    "g/subprocess": '''
        """다른 프로그램을 부르는 그림"""
        import subprocess
        def draw():
            subprocess.run(["ls"])
    ''',
}


@pytest.fixture(scope="module")
def fenced_build(tmp_path_factory):
    """One build of a good figure beside every kind of misbehaving one; its error and the folders around it."""
    root = tmp_path_factory.mktemp("fence")
    tree = FigureTree(root)
    home = root / "home"
    home.mkdir()
    with socket.create_server(("127.0.0.1", 0)) as server, pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOME", str(home))
        server.settimeout(0.1)
        port = server.getsockname()[1]
        tree.script("g/good")
        for name, body in BAD_SCRIPTS.items():
            tree.script(name, body.replace("PORT", str(port)))
        with pytest.raises(CourseBuildError) as caught:
            build_figures(tree.figures, tree.cache, workers=2, timeout=120, limits=LIMITS)
        try:
            server.accept()
            connected = True
        except TimeoutError:
            connected = False
    blocks = {}
    for block in str(caught.value).split("\n\nfigures/")[1:]:
        blocks["figures/" + block.split(":", 1)[0].split("\n", 1)[0]] = block
    return {"message": str(caught.value), "blocks": blocks, "root": root, "home": home, "connected": connected}


def block(fenced_build, name: str) -> str:
    return fenced_build["blocks"][f"figures/{name}.py"]


def test_every_misbehaving_script_is_named_in_one_summary(fenced_build):
    assert f"그림 스크립트 {len(BAD_SCRIPTS)}개가 실패했습니다" in fenced_build["message"]
    assert set(fenced_build["blocks"]) == {f"figures/{name}.py" for name in BAD_SCRIPTS}


def test_a_script_writing_into_the_home_folder_is_stopped_and_writes_nothing(fenced_build):
    text = block(fenced_build, "g/home")
    assert "home.py:4" in text and "그림 스크립트는 자기 임시 폴더" in text and "notes.txt" in text
    assert not (fenced_build["home"] / "notes.txt").exists()


def test_savefig_into_the_repository_is_stopped_and_writes_nothing(fenced_build):
    text = block(fenced_build, "g/savefig")
    assert "savefig.py:7" in text and "임시 폴더" in text and "return fig" in text
    assert not (fenced_build["root"] / "leak.png").exists()


def test_a_script_opening_a_socket_is_stopped_before_it_connects(fenced_build):
    assert "네트워크를 쓸 수 없습니다" in block(fenced_build, "g/socket")
    assert not fenced_build["connected"]


def test_a_3_gb_allocation_fails_naming_the_memory_limit_and_its_setting(fenced_build):
    text = block(fenced_build, "g/memory")
    assert "MemoryError" in text and "메모리 한도 1024MB" in text and "extra.figures.memory_mb" in text


def test_a_script_printing_50_mb_fails_naming_the_output_limit(fenced_build):
    text = block(fenced_build, "g/prints")
    assert "한도 256KB" in text and "extra.figures.output_kb" in text
    assert len(text) < 10_000  # the prints themselves are not repeated


def test_a_cpu_bound_loop_fails_at_the_cpu_limit_naming_its_setting(fenced_build):
    text = block(fenced_build, "g/spins")
    assert "spins.py:" in text and "CPU 시간 한도 3초" in text and "extra.figures.cpu_seconds" in text


def test_an_svg_larger_than_the_output_limit_fails_naming_it(fenced_build):
    text = block(fenced_build, "g/huge")
    assert "SVG" in text and "한도 256KB" in text and "rasterized=True" in text


def test_a_script_starting_a_program_is_stopped(fenced_build):
    assert "다른 프로그램(프로세스)을 실행할 수 없습니다" in block(fenced_build, "g/subprocess")


def test_the_workers_temporary_folders_are_removed_after_the_build(fenced_build):
    folders = set(re.findall(r"임시 폴더\((/[^)]+)\)", fenced_build["message"]))
    assert folders and not any(Path(folder).exists() for folder in folders)


def test_the_timeout_message_names_the_real_setting(tree):
    tree.script("g/sleeps", '''
        """잠드는 그림"""
        import time
        def draw():
            time.sleep(600)
    ''')
    with pytest.raises(CourseBuildError) as caught:
        build_figures(tree.figures, tree.cache, timeout=3)
    assert "extra.figures.timeout" in str(caught.value) and "figure_timeout" not in str(caught.value)


def test_a_style_module_failing_while_applied_is_blamed_with_its_line_not_the_figure(tree):
    tree.script("g/a")
    style = tree.figures / "figure_style.py"
    text = style.read_text(encoding="utf-8")
    broken_line = text.count("\n") + 3
    style.write_text(text + "\n\ndef apply_style():\n    raise ValueError('스타일 고장')\n", encoding="utf-8")
    with pytest.raises(CourseBuildError) as caught:
        build_figures(tree.figures, tree.cache)
    message = str(caught.value)
    assert f"figures/figure_style.py:{broken_line + 1}" in message and "스타일 고장" in message
    assert "figures/g/a.py:" not in message


@pytest.mark.skipif(not network_namespace_prefix(), reason="unshare -rn is not allowed on this machine")
def test_the_drawing_is_the_same_byte_for_byte_with_or_without_a_network_namespace(tree):
    tree.script("g/good", GOOD_SCRIPT)
    svgs = []
    for fenced in (True, False):
        report = build_figures(tree.figures, tree.cache / str(fenced), network_namespace=fenced)
        figure = next(iter(report.figures.values()))
        svgs.append((figure.drawn.inline.read_bytes(), figure.drawn.standalone.read_bytes()))
    assert svgs[0] == svgs[1]


@pytest.mark.parametrize("mistake, expected", [
    ("timeout: 60s #", "mkdocs.yml: extra.figures.timeout: 숫자(초)(으)로 쓰세요, 예: timeout: 60"),
    ("figure_timeout: 60 #", "mkdocs.yml: extra.figures.figure_timeout: 모르는 설정입니다. 혹시 timeout 인가요?"),
])
def test_a_wrong_figure_setting_in_mkdocs_yml_stops_the_build_without_a_traceback(tmp_path, mistake, expected):
    from support import make_fixture_course, mkdocs_build

    project = make_fixture_course(tmp_path / "course")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "    timeout: 60 " in text
    config.write_text(text.replace("    timeout: 60 ", "    " + mistake, 1), encoding="utf-8")
    run = mkdocs_build(project, tmp_path / "site")
    assert run.returncode != 0
    assert expected in run.stderr
    assert "Traceback" not in run.stderr and not (tmp_path / "site").exists()
