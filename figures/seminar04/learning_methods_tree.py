"""머신러닝의 세 갈래: 지도학습(분류·회귀), 비지도학습(군집화·연관 규칙·차원 축소), 강화학습

각 갈래 아래 줄은 그 방법이 하는 일(검은 글씨)과 대표 예시(오른쪽 회색 글씨)다.
"""
from diagram_parts import box, canvas, line, text
from figure_style import FONT_SIZE, SMALL, TITLE_SIZE, WIDTH

# branch, gloss, tint, leaves (name, what it does, example)
BRANCHES = [
    ("지도학습", "정답(레이블)이 있는 데이터", "blue", [
        ("분류", "범주를 예측", "스팸 메일 판별"),
        ("회귀", "연속 값을 예측", "집값 예측"),
    ]),
    ("비지도학습", "정답 없이 데이터의 구조 찾기", "green", [
        ("군집화", "비슷한 것 묶기", "고객 세분화"),
        ("연관 규칙", "함께 나오는 패턴", "장바구니 분석"),
        ("차원 축소", "특성 수 줄이기", "시각화·압축"),
    ]),
    ("강화학습", "보상으로 행동 학습", "orange", [
        ("정책 학습", "누적 보상 최대화", "게임·로봇 제어"),
    ]),
]


def draw(rng):
    # A tree read from top to bottom (a phone's column is narrow): each branch
    # is a row, its leaves are indented rows below it.
    row_leaf, row_branch = 0.5, 0.74
    height = 0.62 + sum(row_branch + row_leaf * len(leaves) for *_, leaves in BRANCHES) + 0.05
    fig, ax = canvas(WIDTH, height)
    x_trunk, x_branch, x_leaf = 0.22, 0.42, 0.78
    y = height - 0.3
    box(ax, 0.95, y, 1.8, 0.46, "머신러닝", tint="purple", size=TITLE_SIZE, weight="bold", lw=1.5)
    y_root = y - 0.23
    y -= 0.5
    branch_ys = []
    for name, gloss, tint, leaves in BRANCHES:
        y -= row_branch / 2
        branch_ys.append(y)
        box(ax, (x_branch + WIDTH - 0.05) / 2, y, WIDTH - 0.05 - x_branch, 0.56, tint=tint, lw=1.5)
        text(ax, x_branch + 0.14, y, name, size=FONT_SIZE, weight="bold", ha="left")
        text(ax, x_branch + 1.45, y, gloss, size=SMALL, color="muted", ha="left")
        top = y - 0.28
        y -= row_branch / 2
        for leaf, does, example in leaves:
            y -= row_leaf / 2
            line(ax, [x_leaf - 0.18, x_leaf - 0.18], [top, y], color="line", lw=1.3)
            line(ax, [x_leaf - 0.18, x_leaf], [y, y], color="line", lw=1.3)
            top = y
            box(ax, x_leaf + 0.55, y, 1.1, 0.38, leaf, tint=tint, size=SMALL, weight="bold", lw=1.1)
            text(ax, x_leaf + 1.22, y + 0.01, does, size=SMALL, ha="left")
            text(ax, WIDTH - 0.05, y + 0.01, example, size=SMALL, color="muted", ha="right")
            y -= row_leaf / 2
    # root -> branches: one trunk with a tick to each branch
    line(ax, [x_trunk, x_trunk], [y_root, branch_ys[-1]], lw=1.3)
    for by in branch_ys:
        line(ax, [x_trunk, x_branch], [by, by], lw=1.3)
    return fig
