"""강화학습의 상호작용 루프: 에이전트가 행동하면 환경이 다음 상태와 보상을 돌려준다

왼쪽은 시점 t의 한 바퀴(행동 a_t → 상태 s_{t+1}, 보상 r_{t+1}), 오른쪽은 게임에
대응시킨 예, 아래는 이 루프가 반복되며 만들어지는 흐름(궤적)이다.
"""
from diagram_parts import arrow, box, canvas, line, text
from figure_style import WIDTH

GAME = [
    ("에이전트", "게임하는 AI", "purple"),
    ("환경", "게임 (규칙·화면)", "teal"),
    ("상태", "현재 화면", "blue"),
    ("행동", "버튼 입력", "orange"),
    ("보상", "점수 변화", "green"),
]


def draw(rng):
    height = 3.9
    fig, ax = canvas(WIDTH, height)

    # --- the loop -------------------------------------------------------
    y = 2.3
    xa, xe, bw, bh = 0.95, 3.55, 1.7, 0.84
    box(ax, xa, y, bw, bh, tint="purple", lw=1.6)
    text(ax, xa, y + 0.15, "에이전트", size=12.5, weight="bold")
    text(ax, xa, y - 0.17, "agent · 행동을 고름", size=9, color="muted")
    box(ax, xe, y, bw, bh, tint="teal", lw=1.6)
    text(ax, xe, y + 0.15, "환경", size=12.5, weight="bold")
    text(ax, xe, y - 0.17, "environment · 반응함", size=9, color="muted")

    top, bottom = y + bh / 2, y - bh / 2
    arrow(ax, (xa + 0.25, top), (xe - 0.25, top), color="orange", lw=2,
          head=13, connection="arc3,rad=-0.45")
    text(ax, (xa + xe) / 2, top + 0.78, "행동  $a_t$", size=11.5, weight="bold")
    arrow(ax, (xe - 0.1, bottom), (xa + 0.1, bottom), color="blue", lw=2,
          head=13, connection="arc3,rad=-0.32")
    text(ax, (xa + xe) / 2, bottom - 0.22, "상태  $s_{t+1}$", size=11.5,
         weight="bold")
    arrow(ax, (xe + 0.35, bottom), (xa - 0.35, bottom), color="green", lw=2,
          head=13, connection="arc3,rad=-0.4")
    text(ax, (xa + xe) / 2, bottom - 0.95, "보상  $r_{t+1}$", size=11.5,
         weight="bold")

    # --- game analogy ---------------------------------------------------
    x0 = 4.95
    text(ax, x0, 3.55, "예: 게임을 배우는 AI", size=10.5, weight="bold",
         ha="left")
    for i, (term, meaning, tint) in enumerate(GAME):
        yy = 3.12 - i * 0.4
        box(ax, x0 + 0.42, yy, 0.84, 0.3, term, tint=tint, size=9.5, lw=1,
            radius=0.06)
        text(ax, x0 + 0.96, yy, "→  " + meaning, size=9.5, ha="left")
    text(ax, x0, 1.1, "목표: 누적 보상을 최대화", size=10, weight="bold",
         ha="left")
    text(ax, x0, 0.95, "$r_1 + \\gamma\\, r_2 + \\gamma^2 r_3 + \\cdots$   ($\\gamma$: 할인율)",
         size=9.5, ha="left", va="top")

    # --- trajectory -----------------------------------------------------
    y_t = 0.28
    line(ax, [0.05, WIDTH - 0.05], [0.66, 0.66], color="grid", lw=0.9)
    text(ax, 0.05, y_t, "반복하면", size=9.5, color="muted", ha="left")
    seq = [("$s_0$", "blue"), ("$a_0$", "orange"), ("$r_1, s_1$", "green"),
           ("$a_1$", "orange"), ("$r_2, s_2$", "green"), ("$a_2$", "orange"),
           ("$r_3, s_3$", "green")]
    x = 1.0
    for i, (label, tint) in enumerate(seq):
        w = 0.62 if "," in label else 0.42
        box(ax, x + w / 2, y_t, w, 0.32, label, tint=tint, size=10.5, lw=1,
            radius=0.06)
        x += w
        arrow(ax, (x + 0.04, y_t), (x + 0.2, y_t), lw=1.1, head=7)
        x += 0.24
    text(ax, x + 0.02, y_t, "⋯", size=11, ha="left")
    text(ax, WIDTH - 0.05, y_t, "(궤적)", size=9.5, color="muted", ha="right")
    return fig
