"""What every figure and notebook depends on, hashed once per process while nothing changes."""

from __future__ import annotations

import shutil

from course_site.figures import discover
from course_site.figures.discover import shared_fingerprint
from support import ROOT


def test_the_fingerprint_follows_an_edited_shared_module_within_one_process(tmp_path):
    figures = tmp_path / "figures"
    shutil.copytree(ROOT / "figures", figures, ignore=shutil.ignore_patterns("__pycache__", "seminar*"))
    before = shared_fingerprint(figures)
    assert shared_fingerprint(figures) == before
    style = figures / "figure_style.py"
    style.write_text(style.read_text(encoding="utf-8") + "\n# 바뀐 공용 스타일\n", encoding="utf-8")
    assert shared_fingerprint(figures) != before


def test_the_fingerprint_is_computed_once_while_nothing_changes(tmp_path, monkeypatch):
    figures = tmp_path / "figures"
    shutil.copytree(ROOT / "figures", figures, ignore=shutil.ignore_patterns("__pycache__", "seminar*"))
    first = shared_fingerprint(figures)
    hashed = []
    real_sha256 = discover.hashlib.sha256
    monkeypatch.setattr(discover.hashlib, "sha256", lambda *data: hashed.append(1) or real_sha256(*data))
    assert shared_fingerprint(figures) == first and not hashed
