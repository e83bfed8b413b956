"""A private figure source tree (the real shared style and font) to render in tests."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from support import ROOT

GOOD_SCRIPT = '''
"""한글 캡션: 좋은 그림"""
import matplotlib.pyplot as plt
from figure_style import ACCENT, INK

def draw(rng):
    fig, ax = plt.subplots(figsize=(4, 2.5))
    ax.plot(rng.normal(size=20), color=ACCENT["blue"])
    ax.set_title("무작위 걷기 −1부터", color=INK["text"])
    ax.set_xlim(-2, 20)
    return fig
'''


class FigureTree:
    def __init__(self, root: Path):
        self.root = root
        self.figures = root / "figures"
        self.cache = root / "cache"
        self.figures.mkdir()
        shutil.copy2(ROOT / "figures" / "figure_style.py", self.figures)
        shutil.copytree(ROOT / "figures" / "fonts", self.figures / "fonts")

    def script(self, name: str, body: str = GOOD_SCRIPT) -> Path:
        path = self.figures / f"{name}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(body).lstrip(), encoding="utf-8")
        return path


@pytest.fixture
def tree(tmp_path) -> FigureTree:
    return FigureTree(tmp_path)
