"""Transformer의 뼈대: 인코더가 입력 문장의 문맥 표현을 만들고, 디코더가 그것을 참고해 다음 단어의 확률을 낸다

원 논문(Vaswani et al., 2017) 그림을 단순화한 개요도. 블록마다 붙는 잔차 연결과
층 정규화(Add & Norm)는 생략했다. 예시는 번역(나는 학생이다 → I am a student).
"""
from diagram_parts import arrow, box, canvas, line, text
from figure_style import WIDE as WIDTH

ENC = [("Multi-Head Self-Attention", "입력 단어끼리 서로 참고"),
       ("Feed Forward", "단어마다 따로 변환")]
DEC = [("Masked Self-Attention", "앞쪽 단어만 참고 (뒤는 가림)"),
       ("Encoder–Decoder Attention", "인코더 출력(입력 문장)을 참고"),
       ("Feed Forward", "단어마다 따로 변환")]


def _stack(ax, cx, blocks, y0, title, tint, width=2.6, step=0.64, bh=0.52):
    """Group box with a title and one block per entry, bottom-up from y0."""
    n = len(blocks)
    top = y0 + 0.12 + n * step + 0.3
    box(ax, cx, (y0 + top) / 2, width, top - y0, tint="gray", edge_tint=tint,
        lw=1.6, zorder=1)
    ys = []
    for i, (name, gloss) in enumerate(blocks):
        yb = y0 + 0.12 + bh / 2 + i * step
        kind = "teal" if name == "Feed Forward" else "orange"
        box(ax, cx, yb, width - 0.26, bh, tint=kind, lw=1.2)
        text(ax, cx, yb + 0.1, name, size=10)
        text(ax, cx, yb - 0.13, gloss, size=9, color="muted")
        ys.append(yb)
        if i:
            arrow(ax, (cx, ys[i - 1] + bh / 2), (cx, yb - bh / 2), lw=1.2, head=8)
    text(ax, cx, top - 0.19, title, size=11, weight="bold")
    return ys, top


def draw(rng):
    height = 4.4
    fig, ax = canvas(WIDTH, height)
    xe, xd = 1.45, 5.55
    y_group = 1.0

    # inputs
    for cx, label, sample in [(xe, "입력 문장", "나는 학생이다"),
                              (xd, "지금까지의 출력", "<시작> I am")]:
        text(ax, cx, 0.12, f"{label}:  {sample}", size=9.5)
        box(ax, cx, 0.57, 2.3, 0.36, "임베딩 + 위치 인코딩", tint="green", size=10,
            lw=1.2)
        arrow(ax, (cx, 0.23), (cx, 0.39), lw=1.2, head=8)
        arrow(ax, (cx, 0.75), (cx, y_group + 0.12), lw=1.2, head=8)

    enc_ys, enc_top = _stack(ax, xe, ENC, y_group, "인코더  × N", "blue")
    dec_ys, dec_top = _stack(ax, xd, DEC, y_group, "디코더  × N", "purple")

    # encoder output feeds every decoder layer's cross-attention
    y_bridge = enc_top + 0.3
    x_turn = 3.6
    line(ax, [xe, xe, x_turn, x_turn], [enc_top, y_bridge, y_bridge, dec_ys[1]],
         color="blue", lw=1.8)
    arrow(ax, (x_turn, dec_ys[1]), (xd - 1.12, dec_ys[1]), color="blue", lw=1.8,
          head=11)
    text(ax, (xe + x_turn) / 2, y_bridge + 0.17, "인코더 출력 (문맥 표현)",
         size=9.5, color="text")
    text(ax, x_turn + 0.22, dec_ys[1] + 0.14, "K, V", size=9.5, color="muted",
         ha="left")

    # decoder head
    y_lin = dec_top + 0.4
    arrow(ax, (xd, dec_top), (xd, y_lin - 0.18), lw=1.2, head=8)
    box(ax, xd, y_lin, 2.3, 0.36, "Linear + Softmax", tint="purple", size=10,
        lw=1.2)
    arrow(ax, (xd, y_lin + 0.18), (xd, y_lin + 0.4), lw=1.2, head=8)
    text(ax, xd, y_lin + 0.53, "다음 단어 확률  →  예: “a”", size=10, weight="bold")

    text(ax, 0.1, height - 0.2, "× N: 같은 층을 N번 쌓음 (원 논문은 N = 6)",
         size=9.5, color="muted", ha="left")
    text(ax, 0.1, height - 0.45, "각 블록 뒤의 잔차 연결·정규화는 생략",
         size=9.5, color="muted", ha="left")
    return fig
