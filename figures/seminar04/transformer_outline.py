"""Transformer의 뼈대: 인코더가 입력 문장의 문맥 표현을 만들고, 디코더가 그것을 참고해 다음 단어의 확률을 낸다

원 논문(Vaswani et al., 2017) 그림을 단순화한 개요도. 블록마다 붙는 잔차 연결과
층 정규화(Add & Norm)는 생략했다. 예시는 번역(나는 학생이다 → I am a student).
"""
from diagram_parts import arrow, box, canvas, line, text
from figure_style import FONT_SIZE, SMALL, WIDTH

ENC = [("Multi-Head\nSelf-Attention", "입력 단어끼리 참고"),
       ("Feed Forward", "단어마다 따로 변환")]
DEC = [("Masked\nSelf-Attention", "앞쪽 단어만 참고"),
       ("Encoder–Decoder\nAttention", "인코더 출력을 참고"),
       ("Feed Forward", "단어마다 따로 변환")]


def _stack(ax, cx, blocks, y0, title, tint, width=2.2, step=0.9, bh=0.8):
    """Group box with a title and one block per entry, bottom-up from y0."""
    n = len(blocks)
    top = y0 + 0.12 + n * step + 0.36
    box(ax, cx, (y0 + top) / 2, width, top - y0, tint="gray", edge_tint=tint,
        lw=1.6, zorder=1)
    ys = []
    for i, (name, gloss) in enumerate(blocks):
        yb = y0 + 0.12 + bh / 2 + i * step
        kind = "teal" if name == "Feed Forward" else "orange"
        box(ax, cx, yb, width - 0.2, bh, tint=kind, lw=1.2)
        lines = name.count("\n") + 1
        text(ax, cx, yb + 0.2 - (0.1 if lines == 1 else 0), name, size=SMALL, linespacing=1.1)
        text(ax, cx, yb - 0.25, gloss, size=SMALL, color="muted")
        ys.append(yb)
        if i:
            arrow(ax, (cx, ys[i - 1] + bh / 2), (cx, yb - bh / 2), lw=1.2, head=8)
    text(ax, cx, top - 0.2, title, size=FONT_SIZE, weight="bold")
    return ys, top


def draw(rng):
    height = 6.0
    fig, ax = canvas(WIDTH, height)
    xe, xd = 1.12, 3.66
    y_group = 1.55

    # inputs
    for cx, label, sample in [(xe, "입력 문장", "나는 학생이다"),
                              (xd, "지금까지의 출력", "<시작> I am")]:
        text(ax, cx, 0.62, f"{label}:\n{sample}", size=SMALL, linespacing=1.2)
        box(ax, cx, 1.12, 2.2, 0.4, "임베딩 + 위치 인코딩", tint="green", size=SMALL, lw=1.2)
        arrow(ax, (cx, 0.86), (cx, 0.92), lw=1.2, head=8)
        arrow(ax, (cx, 1.32), (cx, y_group + 0.12), lw=1.2, head=8)

    enc_ys, enc_top = _stack(ax, xe, ENC, y_group, "인코더 × N", "blue")
    dec_ys, dec_top = _stack(ax, xd, DEC, y_group, "디코더 × N", "purple")

    # encoder output feeds every decoder layer's cross-attention
    y_bridge = enc_top + 0.3
    x_turn = 2.39
    line(ax, [xe, xe, x_turn, x_turn], [enc_top, y_bridge, y_bridge, dec_ys[1]],
         color="blue", lw=1.8)
    arrow(ax, (x_turn, dec_ys[1]), (xd - 1.0, dec_ys[1]), color="blue", lw=1.8, head=11)
    text(ax, xe, y_bridge + 0.42, "인코더 출력\n(문맥 표현)", size=SMALL, linespacing=1.2)

    # decoder head
    y_lin = dec_top + 0.42
    arrow(ax, (xd, dec_top), (xd, y_lin - 0.2), lw=1.2, head=8)
    box(ax, xd, y_lin, 2.2, 0.4, "Linear + Softmax", tint="purple", size=SMALL, lw=1.2)
    arrow(ax, (xd, y_lin + 0.2), (xd, y_lin + 0.4), lw=1.2, head=8)
    text(ax, xd, y_lin + 0.56, "다음 단어 확률: 예 “a”", size=SMALL, weight="bold")

    text(ax, 0.05, 0.2, "× N: 같은 층을 N번 쌓음 (원 논문은 N = 6)",
         size=SMALL, color="muted", ha="left")
    return fig
