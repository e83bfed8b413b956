"""인공지능 ⊃ 머신러닝 ⊃ 딥러닝: 딥러닝은 머신러닝의 한 분야이고, 머신러닝은 인공지능의 한 분야다

세 영역을 안으로 겹친 상자로 그리고, 각 영역에 시작 시기, 한 줄 설명과 대표 예시를 붙였다.
"""
from diagram_parts import box, canvas, pill, text
from figure_style import FONT_SIZE, SMALL, WIDTH

# name, gloss, example, tint, since when
RINGS = [
    ("인공지능 (AI)", "사람의 지적 작업을 자동화", "예: 규칙 기반 전문가 시스템, 탐색",
     "blue", "1950년대~"),
    ("머신러닝 (ML)", "데이터로부터 규칙을 학습", "예: 선형 회귀, 결정 트리, SVM",
     "purple", "1950년대 말~"),
    ("딥러닝 (DL)", "깊은 인공신경망으로 표현까지 학습", "예: CNN, RNN, Transformer",
     "orange", "2010년대~"),
]


def draw(rng):
    # Nested rounded boxes rather than ellipses: every line of text gets the
    # full width of its ring, which a phone's narrow column needs.
    band, inset, pad = 1.02, 0.2, 0.12
    height = band * len(RINGS) + pad * (len(RINGS) - 1) + 0.1
    fig, ax = canvas(WIDTH, height)
    for i, (name, gloss, example, tint, era) in enumerate(RINGS):
        x0, x1 = 0.02 + i * inset, WIDTH - 0.02 - i * inset
        top, bottom = height - 0.02 - i * band, 0.02 + i * pad
        box(ax, (x0 + x1) / 2, (top + bottom) / 2, x1 - x0, top - bottom, tint=tint, lw=1.5,
            radius=0.12, zorder=1 + i)
        y = top - 0.24
        text(ax, x0 + 0.15, y, name, size=FONT_SIZE, weight="bold", ha="left", zorder=5)
        pill(ax, x1 - 0.12, y, era, tint=tint, size=SMALL, ha="right", zorder=6)
        text(ax, x0 + 0.15, y - 0.3, gloss, size=SMALL, ha="left", zorder=5)
        text(ax, x0 + 0.15, y - 0.57, example, size=SMALL, color="muted", ha="left", zorder=5)
    return fig
