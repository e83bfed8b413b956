"""개념도: 데이터가 많아질수록 전통적 머신러닝은 성능이 정체되지만, 큰 신경망은 계속 좋아진다

Andrew Ng가 강연에서 자주 쓰는 그림을 다시 그린 것으로, 곡선 모양만 의미가 있고
축의 눈금·단위는 없다(실측 자료가 아님).
"""
import numpy as np
from matplotlib.figure import Figure

from diagram_parts import pill
from figure_style import ACCENT, FONT_SIZE, INK, SMALL, SYMBOLS, TINT, WIDTH

# label, accent, line width, ceiling, data scale, dashes
CURVES = [
    ("전통적 ML", "gray", 2.0, 0.46, 1.1, (0, (5, 3))),
    ("작은 신경망", "green", 2.0, 0.58, 2.1, "-"),
    ("중간 신경망", "blue", 2.4, 0.73, 3.1, "-"),
    ("큰 신경망", "purple", 2.9, 0.93, 4.6, "-"),
]


def draw(rng):
    fig = Figure(figsize=(WIDTH, 4.3))
    ax = fig.add_axes((0.03, 0.1, 0.66, 0.8))
    x = np.linspace(0, 10, 300)
    ends = []
    for label, colour, lw, ceiling, scale, ls in CURVES:
        y = ceiling * (1 - np.exp(-x / scale))
        ax.plot(x, y, color=ACCENT[colour], lw=lw, ls=ls, solid_capstyle="round")
        ends.append((y[-1], label, colour))
    for y_end, label, colour in ends:
        ax.text(10.25, y_end, label, color=INK["text"], fontsize=SMALL, va="center",
                ha="left", linespacing=1.2)
        ax.plot([10], [y_end], "o", ms=5, color=ACCENT[colour], clip_on=False)

    # the small-data regime, where the ranking is unclear
    ax.axvspan(0, 2.6, color=TINT["gray"], lw=0, zorder=0)
    ax.text(1.3, 0.95, "데이터가\n적을 때", ha="center", va="top", fontsize=SMALL,
            color=INK["muted"], linespacing=1.3)
    ax.text(1.3, 0.78, "차이가 작고\n순위도\n뒤바뀜", ha="center", va="top",
            fontsize=SMALL, color=INK["muted"], linespacing=1.3)
    ax.annotate("데이터가 많을수록\n큰 신경망이 앞선다", xy=(7.6, 0.755),
                xytext=(5.2, 0.93), fontsize=SMALL, color=INK["text"], ha="center",
                va="center", linespacing=1.3,
                arrowprops=dict(arrowstyle="-|>", color=INK["text"], lw=1.2,
                                connectionstyle="arc3,rad=-0.2", shrinkB=4))
    ax.annotate("전통적 방법(SVM,\n결정 트리 등)은\n일찍 정체", xy=(6.6, 0.455), xytext=(6.6, 0.17),
                fontsize=SMALL, color=INK["muted"], ha="center", va="center",
                linespacing=1.3,
                arrowprops=dict(arrowstyle="-|>", color=INK["muted"], lw=1.1,
                                shrinkB=3))

    ax.set_xlim(0, 10)
    ax.set_ylim(0, 1.0)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("데이터 양 →", fontsize=FONT_SIZE, loc="right", **SYMBOLS)
    ax.text(0, 1.035, "성능 ↑", fontsize=FONT_SIZE, color=INK["text"], ha="center", **SYMBOLS,
            va="bottom", clip_on=False)
    ax.spines[["left", "bottom"]].set_linewidth(1.2)
    pill(ax, 1.1, 1.07, "개념도 · 눈금·단위 없음", tint="gray", size=SMALL, ha="left")
    return fig
