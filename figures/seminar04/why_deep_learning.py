"""딥러닝이 2010년대에 도약한 이유: 깊은 신경망(알고리즘)·GPU(연산)·빅데이터(데이터)가 함께 갖춰졌다

위: 세 요인과 각 요인의 대표 사실. 아래: 연도에 비례한 연대표(점 색 = 관련 요인).
1989년 LeCun 등의 우편번호 숫자 인식 신경망은 학습에 약 3일이 걸렸다.
"""
from diagram_parts import arrow, box, canvas, line, text
from figure_style import ACCENT, WIDE as WIDTH

PILLARS = [
    ("깊은 신경망 (DNN)", "알고리즘", "purple",
     ["1986 MLP·오차역전파", "층을 깊게 쌓아 표현 학습", "ReLU·드롭아웃 등 학습 기법"]),
    ("GPU", "연산", "orange",
     ["수천 개 코어로 병렬 연산", "2012 AlexNet: GPU로 학습", "NPU·TPU 등 전용 칩"]),
    ("빅데이터", "데이터", "green",
     ["인터넷·모바일로 데이터 폭증", "ImageNet: 약 120만 장", "GPT-3: 3,000억 토큰 학습"]),
]

# year, label, driver colour, label above the line?
EVENTS = [
    (1986, "오차역전파", "purple", True),
    (1989, "숫자 인식 학습에 약 3일", "gray", False),
    (2012, "AlexNet (GPU)", "orange", True),
    (2017, "Transformer", "purple", False),
    (2020, "GPT-3", "green", True),
]


def draw(rng):
    height = 4.35
    fig, ax = canvas(WIDTH, height)

    # --- three drivers ----------------------------------------------------
    y_card, h_card, w_card = 3.56, 1.5, 2.22
    xs = [w_card / 2 + 0.02, WIDTH / 2, WIDTH - w_card / 2 - 0.02]
    y_goal, h_goal = 1.98, 0.6
    for x, (name, kind, tint, facts) in zip(xs, PILLARS):
        box(ax, x, y_card, w_card, h_card, tint=tint, lw=1.5)
        text(ax, x, y_card + 0.53, name, size=12, weight="bold")
        text(ax, x, y_card + 0.3, kind, size=9, color="muted")
        for i, fact in enumerate(facts):
            text(ax, x, y_card + 0.02 - i * 0.25, fact, size=9.5)
        end_x = WIDTH / 2 + (x - WIDTH / 2) * 0.3
        arrow(ax, (x, y_card - h_card / 2 - 0.03), (end_x, y_goal + h_goal / 2 + 0.03),
              color=tint, lw=2, head=12)
    box(ax, WIDTH / 2, y_goal, 3.3, h_goal, tint="blue", lw=1.8)
    text(ax, WIDTH / 2, y_goal + 0.12, "딥러닝의 도약", size=12.5, weight="bold")
    text(ax, WIDTH / 2, y_goal - 0.15, "이미지·음성·언어에서 성능 급상승 (2012~)",
         size=9, color="muted")

    # --- timeline ---------------------------------------------------------
    y_line = 0.72
    y0, y1, x0, x1 = 1984, 2022, 0.55, 6.55

    def xpos(year):
        return x0 + (year - y0) / (y1 - y0) * (x1 - x0)

    arrow(ax, (0.15, y_line), (WIDTH - 0.1, y_line), color="line", lw=1.4,
          head=10)
    # the long quiet stretch between the early ideas and AlexNet
    line(ax, [xpos(1991), xpos(2010)], [y_line + 0.17, y_line + 0.17],
         color="line", lw=1, ls=(0, (2, 2)))
    text(ax, (xpos(1991) + xpos(2010)) / 2, y_line + 0.32,
         "연산·데이터 부족으로 오랜 정체", size=9, color="muted")
    for year, label, tint, above in EVENTS:
        x = xpos(year)
        ax.plot([x], [y_line], "o", ms=8, color=ACCENT[tint], markeredgewidth=0,
                zorder=6, clip_on=False)
        sign = 1 if above else -1
        line(ax, [x, x], [y_line + sign * 0.08, y_line + sign * 0.2],
             color="line", lw=1)
        ha = "center"
        if x < 1.0:
            ha, x = "left", x - 0.12
        elif x > WIDTH - 0.7:
            ha, x = "right", x + 0.12
        if above:
            text(ax, x, y_line + 0.5, str(year), size=10, weight="bold", ha=ha)
            text(ax, x, y_line + 0.3, label, size=9.5, ha=ha)
        else:
            text(ax, x, y_line - 0.3, str(year), size=10, weight="bold", ha=ha)
            text(ax, x, y_line - 0.5, label, size=9.5, ha=ha)
    return fig
