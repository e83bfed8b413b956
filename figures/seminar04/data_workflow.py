"""데이터 업무 흐름: 획득에서 배포까지 다섯 단계와 역할별 주 담당 범위

왼쪽: 데이터가 서비스가 되기까지의 다섯 단계(위 → 아래). 오른쪽: 네 직무가 주로
맡는 단계(띠). 아래: 직무별 핵심 역량. 실제 조직에서는
경계가 겹치고 회사마다 다르다는 점을 설명할 때 함께 쓴다.
"""
from diagram_parts import arrow, box, canvas, text
from figure_style import FONT_SIZE, SMALL, WIDTH

STEPS = [
    ("데이터 획득", "수집·저장"),
    ("정제", "결측·이상치 처리"),
    ("모델 학습", "ML·DL 모델"),
    ("분석/시각화", "인사이트·리포트"),
    ("서비스 배포", "API·모니터링"),
]

# (role, first step, last step, tint, skills, column of its bands)
ROLES = [
    ("데이터 엔지니어", 0, 1, "orange", "리눅스·클라우드·분산 시스템·SQL", 0),
    ("데이터 사이언티스트", 2, 3, "purple", "ML·DL·통계·도메인 지식", 0),
    ("데이터 분석가", 3, 3, "green", "SQL·통계·Python·R·시각화", 1),
    ("머신러닝 엔지니어", 2, 4, "teal", "Python·DL·CV·NLP", 2),
]


def draw(rng):
    # Steps run down the left; each role is a band beside the steps it mainly
    # covers (three columns: up to three roles share a step), skills underneath.
    pitch, step_h = 0.74, 0.58
    legend_h = 0.3 * (len(ROLES) + 1) + 0.35
    height = pitch * len(STEPS) + 0.3 + legend_h
    fig, ax = canvas(WIDTH, height)
    x_step, w_step = 0.78, 1.52
    columns = [(1.7, 2.7), (2.74, 3.74), (3.78, 4.78)]
    text(ax, (columns[0][0] + columns[-1][1]) / 2, height - 0.16, "역할별 주 담당 범위", size=SMALL,
         color="muted", weight="bold")
    ys = [height - 0.3 - pitch / 2 - i * pitch for i in range(len(STEPS))]
    for i, ((name, sub), y) in enumerate(zip(STEPS, ys)):
        box(ax, x_step, y, w_step, step_h, tint="blue", lw=1.3)
        text(ax, x_step, y + 0.12, name, size=FONT_SIZE, weight="bold")
        text(ax, x_step, y - 0.15, sub, size=SMALL, color="muted")
        if i:
            arrow(ax, (x_step, ys[i - 1] - step_h / 2 - 0.01), (x_step, y + step_h / 2 + 0.01),
                  lw=1.4, head=9)
    for role, first, last, tint, _, column in ROLES:
        x0, x1 = columns[column]
        top, bottom = ys[first] + step_h / 2, ys[last] - step_h / 2
        box(ax, (x0 + x1) / 2, (top + bottom) / 2, x1 - x0, top - bottom, tint=tint, lw=1.2)
        text(ax, (x0 + x1) / 2, (top + bottom) / 2, role.replace("데이터 ", "").replace("머신러닝 ", "ML "),
             size=SMALL, weight="bold")

    # skills, and the pipeline data engineers keep running across every step
    y = ys[-1] - step_h / 2 - 0.32
    for role, _, _, tint, skills, _ in ROLES:
        box(ax, 0.14, y, 0.18, 0.18, tint=tint, lw=1, radius=0.04)
        text(ax, 0.32, y, role, size=SMALL, weight="bold", ha="left")
        text(ax, 2.0, y, skills, size=SMALL, color="muted", ha="left")
        y -= 0.3
    text(ax, 0.05, y, "데이터 엔지니어는 전 단계를 잇는 파이프라인도 구축·운영합니다.", size=SMALL,
         color="muted", ha="left")
    return fig
