"""What changed since the base branch (tests/changed_files.py), for the tests that check a sample."""

from __future__ import annotations

import subprocess

import pytest

from changed_files import BASE, CHECK_ALL, figure_scripts_to_draw, files_changed_since_base


def git(folder, *arguments):
    subprocess.run(["git", "-C", str(folder), "-c", "user.name=t", "-c", "user.email=t@t", *arguments],
                   check=True, capture_output=True)


def test_what_changed_is_read_from_git_since_the_base_branch_including_untracked_files(tmp_path, monkeypatch):
    monkeypatch.delenv(BASE, raising=False)
    assert files_changed_since_base(tmp_path) is None  # not a repository: nobody can say
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "commit", "-q", "--allow-empty", "-m", "base")
    assert files_changed_since_base(tmp_path) == []
    git(tmp_path, "checkout", "-q", "-b", "new-seminar")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "committed.md").write_text("# 글\n", encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "seminar")
    (tmp_path / "docs" / "05-신경망.md").write_text("# 새 글\n", encoding="utf-8")
    assert files_changed_since_base(tmp_path) == ["docs/05-신경망.md", "docs/committed.md"]
    monkeypatch.setenv(BASE, "HEAD")
    assert files_changed_since_base(tmp_path) == ["docs/05-신경망.md"]
    monkeypatch.setenv(BASE, "no-such-ref")
    assert files_changed_since_base(tmp_path) is None


SCRIPTS = ["figures/a/first.py", "figures/b/plot.py", "figures/b/table.py"]


@pytest.mark.parametrize("changed, drawn", [
    ([], ["figures/a/first.py"]),  # nothing changed: still one figure
    (["docs/index.md", "figures/b/plot.py"], ["figures/a/first.py", "figures/b/plot.py"]),
    (["figures/figure_style.py"], SCRIPTS),  # shared by every figure
    (["figures/fonts/NanumGothic.ttf"], SCRIPTS),
    (["figures/b/data/scores.csv"], SCRIPTS),
    (["figures/b/removed.py"], SCRIPTS),  # gone: maybe a module others imported
    (["scripts/course_site/figures/web_svg.py"], SCRIPTS),
    (["constraints.txt"], SCRIPTS),  # a new matplotlib
    (None, SCRIPTS),  # git could not say
], ids=["nothing", "one-script", "style", "font", "data", "removed", "renderer", "packages", "unknown"])
def test_figures_drawn_again_are_the_changed_scripts_or_all_when_a_change_reaches_every_drawing(changed, drawn):
    assert figure_scripts_to_draw(changed, SCRIPTS) == drawn


def test_everything_is_drawn_when_asked(monkeypatch):
    monkeypatch.setenv(CHECK_ALL, "1")
    assert figure_scripts_to_draw([], SCRIPTS) == SCRIPTS
