"""딥러닝이 2010년대에 도약한 이유: 깊은 신경망(알고리즘)·GPU(연산)·빅데이터(데이터)가 함께 갖춰졌다

위: 세 요인과 각 요인의 대표 사실, 그 결과. 아래: 연표(점 색 = 관련 요인).
1989년 LeCun 등의 우편번호 숫자 인식 신경망은 학습에 약 3일이 걸렸다.
"""
from diagram_parts import arrow, box, canvas, line, text
from figure_style import ACCENT, FONT_SIZE, SMALL, WIDTH

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
    # Read top to bottom (a phone's column is narrow): three drivers, what they
    # led to, then the years as a list.
    card_h, event_h = 0.92, 0.3
    height = 3 * (card_h + 0.1) + 0.85 + 0.45 + len(EVENTS) * event_h + 0.05
    fig, ax = canvas(WIDTH, height)
    x_bus, w_card = WIDTH - 0.15, WIDTH - 0.4

    # --- three drivers ----------------------------------------------------
    y = height - 0.02
    ends = []
    for name, kind, tint, facts in PILLARS:
        y -= card_h / 2
        box(ax, 0.02 + w_card / 2, y, w_card, card_h, tint=tint, lw=1.5)
        text(ax, 0.15, y + 0.12, name, size=FONT_SIZE, weight="bold", ha="left")
        text(ax, 0.15, y - 0.16, kind, size=SMALL, color="muted", ha="left")
        for i, fact in enumerate(facts):
            text(ax, 1.75, y + 0.26 - i * 0.26, fact, size=SMALL, ha="left")
        line(ax, [0.02 + w_card, x_bus], [y, y], color=tint, lw=2)
        ends.append(y)
        y -= card_h / 2 + 0.1
    y_goal = y - 0.38
    line(ax, [x_bus, x_bus], [ends[0], y_goal + 0.3], color="line", lw=2)
    arrow(ax, (x_bus, y_goal + 0.32), (x_bus - 0.45, y_goal + 0.32), lw=1.8, head=11)
    box(ax, (x_bus - 0.45) / 2 + 0.02, y_goal, x_bus - 0.49, 0.64, tint="blue", lw=1.8)
    text(ax, 0.15, y_goal + 0.12, "딥러닝의 도약", size=FONT_SIZE, weight="bold", ha="left")
    text(ax, 0.15, y_goal - 0.16, "이미지·음성·언어에서 성능 급상승 (2012~)", size=SMALL,
         color="muted", ha="left")

    # --- years --------------------------------------------------------------
    y = y_goal - 0.32 - 0.3
    text(ax, 0.05, y, "연표 (1990년대~2000년대: 연산·데이터 부족으로 정체)", size=SMALL, color="muted",
         ha="left")
    y -= 0.1
    for year, label, tint, _ in EVENTS:
        y -= event_h
        ax.plot([0.15], [y], "o", ms=8, color=ACCENT[tint], markeredgewidth=0, clip_on=False)
        text(ax, 0.32, y, str(year), size=SMALL, weight="bold", ha="left")
        text(ax, 0.9, y, label, size=SMALL, ha="left")
    return fig
