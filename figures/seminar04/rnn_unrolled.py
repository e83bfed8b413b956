"""순환 신경망(RNN): 고리(loop)로 그린 한 셀을 시간 순서로 펼치면, 은닉 상태가 다음 시점으로 전달되는 사슬이 된다

왼쪽은 접힌(folded) 그림, 오른쪽은 세 시점으로 펼친(unrolled) 그림이다.
모든 시점의 셀은 같은 가중치를 공유한다.
"""
from diagram_parts import arrow, box, canvas, text
from figure_style import FONT_SIZE, SMALL, SYMBOLS, WIDTH

WORDS = ["오늘", "날씨가", "좋다"]
SUB = "₀₁₂₃₄"  # subscript digits: plain text, no mathtext


def _cell(ax, x, y, xin, yout, word=None):
    """One RNN cell with its input below and output above."""
    box(ax, x, y, 0.66, 0.6, "RNN", tint="green", size=SMALL, weight="bold", lw=1.5)
    box(ax, x, y - 0.98, 0.56, 0.36, tint="blue", lw=1.1, radius=0.17)
    text(ax, x, y - 0.98, xin, size=FONT_SIZE, **SYMBOLS)
    box(ax, x, y + 0.98, 0.56, 0.36, tint="purple", lw=1.1, radius=0.17)
    text(ax, x, y + 0.98, yout, size=FONT_SIZE, **SYMBOLS)
    arrow(ax, (x, y - 0.8), (x, y - 0.31), lw=1.4, head=9)
    arrow(ax, (x, y + 0.31), (x, y + 0.8), lw=1.4, head=9)
    if word:
        text(ax, x, y - 1.38, word, size=SMALL, color="muted")


def draw(rng):
    height = 3.95
    fig, ax = canvas(WIDTH, height)
    y = 2.55

    # folded cell with its loop
    xf = 0.42
    _cell(ax, xf, y, "xₜ", "yₜ")
    arrow(ax, (xf + 0.33, y - 0.12), (xf + 0.33, y + 0.12), color="orange", lw=2,
          head=11, connection="arc,angleA=0,angleB=0,armA=20,armB=20,rad=6")
    text(ax, xf + 0.72, y + 0.2, "hₜ", size=FONT_SIZE, ha="left", **SYMBOLS)
    text(ax, xf, y - 1.38, "접힌 그림", size=SMALL, color="muted")
    text(ax, 1.5, y, "=", size=20)

    # unrolled chain
    xs = [2.3 + i * 0.9 for i in range(len(WORDS))]
    for i, (x, word) in enumerate(zip(xs, WORDS), start=1):
        _cell(ax, x, y, f"x{SUB[i]}", f"y{SUB[i]}", word)
        if i < len(WORDS):
            arrow(ax, (x + 0.34, y), (xs[i] - 0.34, y), color="orange", lw=2.2, head=12)
            text(ax, (x + xs[i]) / 2, y + 0.2, f"h{SUB[i]}", size=FONT_SIZE, **SYMBOLS)
    n = len(WORDS)
    arrow(ax, (xs[-1] + 0.34, y), (xs[-1] + 0.68, y), color="orange", lw=2.2, head=12)
    text(ax, xs[-1] + 0.52, y + 0.2, f"h{SUB[n]}", size=FONT_SIZE, **SYMBOLS)
    arrow(ax, (xs[0] - 0.62, y), (xs[0] - 0.34, y), color="orange", lw=2.2, head=12)
    text(ax, xs[0] - 0.5, y + 0.2, "h₀", size=FONT_SIZE, **SYMBOLS)
    text(ax, (xs[0] + xs[-1]) / 2, y - 1.66, "시간 순서 → (입력 예: 문장의 단어)",
         size=SMALL, color="muted", **SYMBOLS)

    # legend / formula
    text(ax, 0.05, 0.42, "주황 화살표 = 은닉 상태(hidden state) 전달", size=SMALL, ha="left")
    text(ax, 0.05, 0.14, "hₜ = tanh(Wₓxₜ + Wₕhₜ₋₁ + b), 모든 시점이 같은 W 공유",
         size=SMALL, ha="left", **SYMBOLS)
    return fig
