"""강화학습의 상호작용 루프: 에이전트가 행동하면 환경이 다음 상태와 보상을 돌려준다

위는 한 바퀴(행동 → 다음 상태와 보상), 가운데는 게임에 대응시킨 예, 아래는
이 루프가 반복되며 만들어지는 흐름(궤적)이다.
"""
from diagram_parts import arrow, box, canvas, line, text
from figure_style import FONT_SIZE, SMALL, TITLE_SIZE, WIDTH

GAME = [
    ("에이전트", "게임하는 AI", "purple"),
    ("환경", "게임 (규칙·화면)", "teal"),
    ("상태", "현재 화면", "blue"),
    ("행동", "버튼 입력", "orange"),
    ("보상", "점수 변화", "green"),
]

TRAJECTORY = [("상태", "blue"), ("행동", "orange"), ("보상·상태", "green"), ("행동", "orange")]


def draw(rng):
    height = 5.45
    fig, ax = canvas(WIDTH, height)

    # --- the loop -------------------------------------------------------
    y = 4.3
    xa, xe, bw, bh = 0.8, WIDTH - 0.8, 1.45, 0.74
    box(ax, xa, y, bw, bh, tint="purple", lw=1.6)
    text(ax, xa, y + 0.13, "에이전트", size=TITLE_SIZE, weight="bold")
    text(ax, xa, y - 0.17, "행동을 고름", size=SMALL, color="muted")
    box(ax, xe, y, bw, bh, tint="teal", lw=1.6)
    text(ax, xe, y + 0.13, "환경", size=TITLE_SIZE, weight="bold")
    text(ax, xe, y - 0.17, "반응함", size=SMALL, color="muted")

    top, bottom = y + bh / 2, y - bh / 2
    arrow(ax, (xa + 0.2, top), (xe - 0.2, top), color="orange", lw=2,
          head=13, connection="arc3,rad=-0.3")
    text(ax, WIDTH / 2, top + 0.56, "행동", size=FONT_SIZE, weight="bold")
    arrow(ax, (xe - 0.2, bottom), (xa + 0.2, bottom), color="blue", lw=2,
          head=13, connection="arc3,rad=-0.3")
    text(ax, WIDTH / 2, bottom - 0.56, "다음 상태", size=FONT_SIZE, weight="bold")
    arrow(ax, (xe + 0.3, bottom), (xa - 0.3, bottom), color="green", lw=2,
          head=13, connection="arc3,rad=-0.42")
    text(ax, WIDTH / 2, bottom - 1.06, "보상", size=FONT_SIZE, weight="bold")

    # --- game analogy ---------------------------------------------------
    line(ax, [0.05, WIDTH - 0.05], [2.4, 2.4], color="grid", lw=0.9)
    text(ax, 0.05, 2.17, "예: 게임을 배우는 AI", size=FONT_SIZE, weight="bold", ha="left")
    for i, (term, meaning, tint) in enumerate(GAME):
        column, row = divmod(i, 3)
        x0 = 0.05 + column * 2.4
        yy = 1.82 - row * 0.36
        box(ax, x0 + 0.45, yy, 0.9, 0.28, term, tint=tint, size=SMALL, lw=1, radius=0.06)
        text(ax, x0 + 0.98, yy, meaning, size=SMALL, ha="left")

    # --- trajectory -----------------------------------------------------
    y_t = 0.22
    line(ax, [0.05, WIDTH - 0.05], [0.88, 0.88], color="grid", lw=0.9)
    text(ax, 0.05, 0.64, "반복하면 생기는 흐름 (궤적)", size=SMALL, color="muted", ha="left")
    x = 0.05
    for label, tint in TRAJECTORY:
        w = 0.24 + 0.17 * len(label)
        box(ax, x + w / 2, y_t, w, 0.32, label, tint=tint, size=SMALL, lw=1, radius=0.06)
        x += w
        arrow(ax, (x + 0.04, y_t), (x + 0.2, y_t), lw=1.1, head=7)
        x += 0.24
    text(ax, x + 0.02, y_t, "⋯", size=FONT_SIZE, ha="left")
    return fig
