"""scripts/review_figures.py on a fixture repository of two commits, as a reviewer runs it.

The fixture carries a copy of our real figure pipeline and five small figures.
The second commit (branch `feature`) redraws one, adds one, removes one and
reorders the drawing of another so that its SVG bytes change but its pixels
do not; one stays as it was.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support import ROOT

FIGURE = '''\
"""{caption}"""

from matplotlib.figure import Figure


def draw():
    fig = Figure(figsize=(3, 2))
    ax = fig.add_subplot()
{body}
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.5, 1.5)
    return fig
'''


def figure(caption: str, body: str) -> str:
    return FIGURE.format(caption=caption, body=textwrap.indent(textwrap.dedent(body).strip(), "    "))


CHANGES_URL = "https://github.com/example/course/pull/7/files"

LOW = 'ax.plot([0, 1], [0, 0], color="#0072b2", linewidth=3)'
HIGH = 'ax.plot([0, 1], [1, 1], color="#d55e00", linewidth=3)'

FIRST_COMMIT = {
    "steady.py": figure("그대로인 그림", LOW),
    "redrawn.py": figure("다시 그린 그림", 'ax.plot([0, 1], [0, 1], color="#0072b2")'),
    "reordered.py": figure("순서만 바뀐 그림", f"{LOW}\n{HIGH}"),
    "retired.py": figure("없어질 그림", HIGH),
}
SECOND_COMMIT = {
    "steady.py": FIRST_COMMIT["steady.py"],
    "redrawn.py": figure("다시 그린 그림", 'ax.plot([0, 1], [1, 0], color="#d55e00")'),
    "reordered.py": figure("순서만 바뀐 그림", f"{HIGH}\n{LOW}"),  # the lines never overlap
    "fresh.py": figure("새 그림", 'ax.bar([0.3, 0.7], [1, 0.5], width=0.2, color="#009e73")'),
}


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=Reviewer", "-c", "user.email=reviewer@example.org", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return result.stdout


def write_figures(repo: Path, scripts: dict[str, str]) -> None:
    group = repo / "figures" / "demo"
    shutil.rmtree(group, ignore_errors=True)
    group.mkdir(parents=True)
    for name, text in scripts.items():
        (group / name).write_text(text, encoding="utf-8")


def review(repo: Path, *args: str) -> subprocess.CompletedProcess:
    """The fixture's own copy of scripts/review_figures.py, run from its root."""
    return subprocess.run(
        [sys.executable, str(repo / "scripts" / "review_figures.py"), *args],
        cwd=repo,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(os.environ, PYTHONIOENCODING="utf-8"),
        timeout=600,
    )


@pytest.fixture(scope="module")
def fixture_repo(tmp_path_factory) -> Path:
    repo = tmp_path_factory.mktemp("two-commits")
    shutil.copytree(ROOT / "scripts", repo / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    (repo / "figures").mkdir()
    for shared in (ROOT / "figures").glob("*.py"):  # the style module and what it may import
        shutil.copy2(shared, repo / "figures" / shared.name)
    shutil.copytree(ROOT / "figures" / "fonts", repo / "figures" / "fonts")
    (repo / "mkdocs.yml").write_text(
        "site_name: 검토 연습\nrepo_url: https://github.com/example/course\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    (repo / ".gitignore").write_text("/.cache/\n__pycache__/\n", encoding="utf-8")
    write_figures(repo, FIRST_COMMIT)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "Four figures")
    git(repo, "checkout", "-q", "-b", "feature")
    write_figures(repo, SECOND_COMMIT)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Redraw one, add one, remove one, reorder one")
    return repo


@pytest.fixture(scope="module")
def report(fixture_repo, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    result = review(fixture_repo, "--out", str(out), "--changes-url", CHANGES_URL)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return out


def listed(page: BeautifulSoup, section: str) -> list[str]:
    found = page.find("section", id=section)
    return sorted(code.get_text() for code in found.select("h3 code, li code")) if found else []


def test_report_lists_exactly_the_changed_added_removed_and_same_look_figures(report):
    page = BeautifulSoup((report / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert listed(page, "changed") == ["figures/demo/redrawn.py"]
    assert listed(page, "added") == ["figures/demo/fresh.py"]
    assert listed(page, "removed") == ["figures/demo/retired.py"]
    assert listed(page, "same_look") == ["figures/demo/reordered.py"]
    assert "그대로인 그림 1개" in page.get_text()
    assert "steady" not in str(page)  # counted, not shown


def test_changed_figure_shows_before_after_and_difference_for_each_palette(report):
    page = BeautifulSoup((report / "index.html").read_text(encoding="utf-8"), "html.parser")
    (article,) = page.find("section", id="changed").find_all("article")
    headings = [h4.get_text() for h4 in article.find_all("h4")]
    assert [heading.split(":")[0] for heading in headings] == ["밝은 화면", "어두운 화면"]
    assert all("다름" in heading for heading in headings)
    for block in article.select(".variant"):
        assert [caption.get_text() for caption in block.find_all("figcaption")] == ["전", "후", "차이"]
    for image in page.find_all("img"):
        assert (report / image["src"]).stat().st_size > 0


def test_each_shown_figure_links_its_script_in_the_pull_requests_files_view(report):
    page = BeautifulSoup((report / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = {article.find("h3").get_text(): article.find("a")["href"] for article in page.find_all("article")}
    # GitHub anchors each file of the files view at "diff-" + SHA-256 of its path.
    assert links == {
        script: f"{CHANGES_URL}#diff-{hashlib.sha256(script.encode()).hexdigest()}"
        for script in ("figures/demo/redrawn.py", "figures/demo/fresh.py", "figures/demo/retired.py")
    }


def test_changed_figure_embeds_the_diff_of_its_script(report):
    page = BeautifulSoup((report / "index.html").read_text(encoding="utf-8"), "html.parser")
    (article,) = page.find("section", id="changed").find_all("article")
    diff = article.find("pre").get_text()
    assert '-    ax.plot([0, 1], [0, 1], color="#0072b2")' in diff
    assert '+    ax.plot([0, 1], [1, 0], color="#d55e00")' in diff


def test_summary_for_the_job_lists_the_figures_to_look_at(report):
    summary = (report / "summary.md").read_text(encoding="utf-8")
    rows = [line for line in summary.splitlines() if line.startswith("| `")]
    assert [row.split("`")[1] for row in rows] == [
        "figures/demo/fresh.py",
        "figures/demo/redrawn.py",
        "figures/demo/reordered.py",
        "figures/demo/retired.py",
    ]
    assert "그대로인 그림 1" in summary


def test_report_opens_in_chromium_without_any_request_to_another_host(report, browser):
    requests: list[str] = []
    page = browser.new_page()
    page.on("request", lambda request: requests.append(request.url))
    page.goto((report / "index.html").as_uri(), wait_until="networkidle")
    page.evaluate("() => Promise.all([...document.images].map((img) => img.decode()))")
    broken = page.evaluate("() => [...document.images].filter((img) => !img.naturalWidth).length")
    page.close()
    assert broken == 0
    assert requests and all(url.startswith("file://") for url in requests), requests


def test_unknown_base_revision_is_a_clear_error(fixture_repo, tmp_path):
    result = review(fixture_repo, "--base", "no-such-branch", "--out", str(tmp_path))
    assert result.returncode == 1
    assert "'no-such-branch'" in result.stderr and "--base" in result.stderr
    assert "Traceback" not in result.stderr


def test_broken_figure_in_the_working_tree_fails_naming_the_script(fixture_repo, tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(fixture_repo, repo, symlinks=True)  # with .git and the warm cache
    (repo / "figures" / "demo" / "fresh.py").write_text(
        '"""고장 난 그림"""\n\n\ndef draw():\n    return 1 / 0\n', encoding="utf-8"
    )
    result = review(repo, "--out", str(tmp_path / "report"))
    assert result.returncode == 1
    assert "작업 트리" in result.stderr and "figures/demo/fresh.py:5" in result.stderr
    assert "ZeroDivisionError" in result.stderr
    assert not (tmp_path / "report" / "index.html").exists()


def test_a_report_folder_holding_other_files_is_refused_and_left_alone(fixture_repo, tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "notes.md").write_text("내 메모", encoding="utf-8")
    result = review(fixture_repo, "--out", str(tmp_path))
    assert result.returncode == 1
    assert "notes.md" in result.stderr and "--out" in result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "notes.md").exists() and (tmp_path / "images").is_dir()
