"""전통적 프로그래밍은 규칙으로 해답을 만들고, 머신러닝은 데이터와 해답에서 규칙을 찾는다

같은 개념은 같은 색(규칙 = 파랑, 데이터 = 초록, 해답 = 주황)으로 칠하고,
두 줄 사이의 점선이 규칙과 해답의 자리가 입력 ↔ 출력으로 뒤바뀐다는 것을 보여 준다.
"""
import numpy as np

from diagram_parts import arrow, box, canvas, pill, text
from figure_style import FONT_SIZE, SMALL, SYMBOLS, TITLE_SIZE, WIDTH

COLOUR = {"규칙": "blue", "데이터": "green", "해답": "orange"}


def draw(rng):
    # first row titled above it, second row below it: the space between the
    # rows belongs to the two crossing arrows
    height = 4.3
    fig, ax = canvas(WIDTH, height)
    x_in, x_mid, x_out = 0.55, 2.45, 4.22
    w_in, h_in, w_mid, h_mid = 0.95, 0.42, 1.75, 0.9
    rows = [
        # title, subtitle, y, inputs top→bottom, engine, engine note, output
        ("전통적 프로그래밍", "사람이 규칙을 작성", 3.15, ("데이터", "규칙"),
         "프로그램", "규칙대로 계산", "해답", "gray"),
        ("머신러닝", "컴퓨터가 규칙을 찾음", 1.15, ("해답", "데이터"),
         "학습", "오차를 줄이며 조정", "규칙", "purple"),
    ]
    where = {}
    for title, sub, y, inputs, engine, note, output, tint in rows:
        y_title = y + 0.85 if y > height / 2 else y - 0.85
        text(ax, 0.05, y_title, title, size=TITLE_SIZE, weight="bold", ha="left")
        text(ax, 2.15, y_title, sub, size=SMALL, color="muted", ha="left")
        for name, dy in zip(inputs, (0.36, -0.36)):
            box(ax, x_in, y + dy, w_in, h_in, name, tint=COLOUR[name], size=FONT_SIZE)
            where[(name, y)] = (x_in, y + dy)
            arrow(ax, (x_in + w_in / 2, y + dy), (x_mid - w_mid / 2, y + dy * 0.35),
                  lw=1.4)
        text(ax, x_in, y, "+", size=13, color="muted")
        box(ax, x_mid, y, w_mid, h_mid, tint=tint, lw=1.5)
        text(ax, x_mid, y + 0.15, engine, size=FONT_SIZE, weight="bold")
        text(ax, x_mid, y - 0.18, note, size=SMALL, color="muted")
        arrow(ax, (x_mid + w_mid / 2, y), (x_out - w_in / 2, y), lw=1.4)
        box(ax, x_out, y, w_in, h_in + 0.08, output, tint=COLOUR[output], size=FONT_SIZE,
            weight="bold", lw=1.6)
        where[(output, y)] = (x_out, y)

    # the swap: rules go from input to output, answers from output to input
    y1, y2 = rows[0][2], rows[1][2]
    rule_a = np.array([x_in + 0.25, y1 - 0.36 - h_in / 2 - 0.03])
    rule_b = np.array([x_out - 0.25, y2 + h_in / 2 + 0.07])
    ans_a = np.array([x_out - 0.25, y1 - h_in / 2 - 0.07])
    ans_b = np.array([x_in + 0.25, y2 + 0.36 + h_in / 2 + 0.03])
    arrow(ax, rule_a, rule_b, color="blue", lw=1.3, ls=(0, (4, 3)))
    arrow(ax, ans_a, ans_b, color="orange", lw=1.3, ls=(0, (4, 3)))
    # label where the two dashed lines cross
    d1, d2 = rule_b - rule_a, ans_b - ans_a
    t = np.linalg.solve(np.column_stack([d1, -d2]), ans_a - rule_a)[0]
    cross = rule_a + t * d1
    label = pill(ax, cross[0], cross[1], "입력 ↔ 출력 뒤바뀜", tint="gray", size=SMALL, zorder=6)
    label.set_fontfamily(SYMBOLS["fontfamily"])
    return fig
