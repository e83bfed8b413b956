"""인공지능 ⊃ 머신러닝 ⊃ 딥러닝: 딥러닝은 머신러닝의 한 분야이고, 머신러닝은 인공지능의 한 분야다

세 영역을 겹친 타원으로 그리고, 각 영역에 한 줄 설명과 대표 예시를 붙였다.
"""
from matplotlib.patches import Ellipse

import numpy as np

from diagram_parts import canvas, pill, text
from figure_style import ACCENT, TINT, WIDE as WIDTH

# name, gloss, example, tint, ellipse width, ring thickness at the top
RINGS = [
    ("인공지능 (AI)", "사람의 지적 작업을 자동화", "예: 규칙 기반 전문가 시스템, 탐색",
     "blue", 7.0, "1950년대~"),
    ("머신러닝 (ML)", "데이터로부터 규칙을 학습", "예: 선형 회귀, 결정 트리, SVM",
     "purple", 5.0, "1950년대 말~"),
    ("딥러닝 (DL)", "깊은 인공신경망으로 표현까지 학습", "예: CNN, RNN, Transformer",
     "orange", 3.1, "2010년대~"),
]


def draw(rng):
    height = 4.1
    fig, ax = canvas(WIDTH, height)
    cx = WIDTH / 2
    top, bottom = height - 0.05, 0.05
    ring, foot = 0.98, 0.16  # space above each inner ellipse / below it
    edges = []  # (centre y, half width, half height) of each ellipse
    for i, (name, gloss, example, tint, w, era) in enumerate(RINGS):
        t, b = top - i * ring, bottom + i * foot
        edges.append(((t + b) / 2, w / 2, (t - b) / 2))
        ax.add_patch(Ellipse((cx, (t + b) / 2), w, t - b, facecolor=TINT[tint],
                             edgecolor=ACCENT[tint], lw=1.5, zorder=1 + i))
        inner = i == len(RINGS) - 1
        y = t - 0.3 if not inner else (t + b) / 2 + 0.33
        text(ax, cx, y, name, size=12.5, weight="bold", zorder=5)
        text(ax, cx, y - 0.29, gloss, size=10, zorder=5)
        text(ax, cx, y - 0.52, example, size=9, color="muted", zorder=5)
        if inner:
            pill(ax, cx, y - 0.95, era, tint=tint, size=9, zorder=6)

    # era of each outer ring, on its left side at the height of the DL label
    y_era = edges[-1][0] + 0.1
    for i in range(len(RINGS) - 1):
        def left(j):
            cy, a, bb = edges[j]
            return cx - a * np.sqrt(max(0.0, 1 - ((y_era - cy) / bb) ** 2))
        pill(ax, (left(i) + left(i + 1)) / 2, y_era, RINGS[i][5],
             tint=RINGS[i][3], size=9, zorder=6)
    return fig
