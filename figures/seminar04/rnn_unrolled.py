"""순환 신경망(RNN): 고리(loop)로 그린 한 셀을 시간 순서로 펼치면, 은닉 상태가 다음 시점으로 전달되는 사슬이 된다

왼쪽은 접힌(folded) 그림, 오른쪽은 네 시점으로 펼친(unrolled) 그림이다.
모든 시점의 셀은 같은 가중치를 공유한다.
"""
from diagram_parts import arrow, box, canvas, text
from figure_style import WIDE as WIDTH

WORDS = ["오늘", "날씨가", "정말", "좋다"]
SUB = "₀₁₂₃₄"  # subscript digits: plain text, no mathtext


def _cell(ax, x, y, xin, yout, word=None):
    """One RNN cell with its input below and output above."""
    box(ax, x, y, 0.78, 0.6, "RNN", tint="green", size=11, weight="bold", lw=1.5)
    box(ax, x, y - 0.98, 0.56, 0.34, xin, tint="blue", size=11.5, lw=1.1,
        radius=0.17)
    box(ax, x, y + 0.98, 0.56, 0.34, yout, tint="purple", size=11.5, lw=1.1,
        radius=0.17)
    arrow(ax, (x, y - 0.81), (x, y - 0.31), lw=1.4, head=9)
    arrow(ax, (x, y + 0.31), (x, y + 0.81), lw=1.4, head=9)
    if word:
        text(ax, x, y - 1.35, word, size=9.5, color="muted")


def draw(rng):
    height = 3.45
    fig, ax = canvas(WIDTH, height)
    y = 2.05

    # folded cell with its loop
    xf = 0.55
    _cell(ax, xf, y, "xₜ", "yₜ")
    arrow(ax, (xf + 0.39, y - 0.12), (xf + 0.39, y + 0.12), color="orange", lw=2,
          head=11, connection="arc,angleA=0,angleB=0,armA=22,armB=22,rad=6")
    text(ax, xf + 0.86, y + 0.02, "hₜ", size=13, ha="left")
    text(ax, xf + 0.05, y - 1.35, "접힌 그림", size=9.5, color="muted")
    text(ax, 1.86, y, "=", size=20)

    # unrolled chain
    xs = [2.8 + i * 1.12 for i in range(4)]
    for i, (x, word) in enumerate(zip(xs, WORDS), start=1):
        _cell(ax, x, y, f"x{SUB[i]}", f"y{SUB[i]}", word)
        if i < 4:
            arrow(ax, (x + 0.41, y), (xs[i] - 0.41, y), color="orange", lw=2.2,
                  head=12)
            text(ax, (x + xs[i]) / 2, y + 0.2, f"h{SUB[i]}", size=13)
    arrow(ax, (xs[-1] + 0.41, y), (xs[-1] + 0.8, y), color="orange", lw=2.2, head=12)
    text(ax, xs[-1] + 0.62, y + 0.2, "h₄", size=13)
    arrow(ax, (xs[0] - 0.72, y), (xs[0] - 0.41, y), color="orange", lw=2.2, head=12)
    text(ax, xs[0] - 0.58, y + 0.2, "h₀", size=13)
    text(ax, (xs[0] + xs[-1]) / 2, y - 1.62, "시간 순서 →   (입력 예: 문장의 단어)",
         size=9, color="muted")

    # legend / formula
    text(ax, 0.05, 0.08, "주황 화살표 = 은닉 상태(hidden state) 전달:  "
         "hₜ = tanh(Wₓxₜ + Wₕhₜ₋₁ + b),   모든 시점이 같은 W 공유",
         size=9.5, ha="left")
    return fig
