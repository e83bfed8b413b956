"""머신러닝의 세 갈래: 지도학습(분류·회귀), 비지도학습(군집화·연관 규칙·차원 축소), 강화학습

맨 아래 칸은 각 방법이 하는 일(검은 글씨)과 대표 예시(회색 글씨)다.
"""
from diagram_parts import box, canvas, line, text
from figure_style import WIDE as WIDTH

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
    height = 3.15
    fig, ax = canvas(WIDTH, height)
    pitches = [1.17] * 5 + [WIDTH - 5 * 1.17]
    y_root, y_branch, y_leaf = 2.88, 1.85, 0.55
    h_root, h_branch, h_leaf = 0.46, 0.66, 1.02

    box(ax, WIDTH / 2, y_root, 1.6, h_root, "머신러닝", tint="purple",
        size=12.5, weight="bold", lw=1.5)
    x = 0.0
    bus = (y_root - h_root / 2 + y_branch + h_branch / 2) / 2
    tops = []
    for name, gloss, tint, leaves in BRANCHES:
        widths = pitches[:len(leaves)]
        pitches = pitches[len(leaves):]
        x0, x1 = x + 0.05, x + sum(widths) - 0.05
        cx = (x0 + x1) / 2
        box(ax, cx, y_branch, x1 - x0, h_branch, tint=tint, lw=1.5)
        text(ax, cx, y_branch + 0.14, name, size=12, weight="bold")
        text(ax, cx, y_branch - 0.16, gloss, size=9, color="muted")
        tops.append(cx)
        for (leaf, does, example), w in zip(leaves, widths):
            lx = x + w / 2
            box(ax, lx, y_leaf, w - 0.1, h_leaf, tint=tint, lw=1.1, fill=True)
            text(ax, lx, y_leaf + 0.29, leaf, size=11.5, weight="bold")
            text(ax, lx, y_leaf - 0.02, does, size=9)
            text(ax, lx, y_leaf - 0.29, example, size=9, color="muted")
            line(ax, [lx, lx], [y_branch - h_branch / 2, y_leaf + h_leaf / 2],
                 color="line", lw=1.3)
            x += w
    # root → branches: one bus line with drops
    line(ax, [WIDTH / 2, WIDTH / 2], [y_root - h_root / 2, bus], lw=1.3)
    line(ax, [tops[0], tops[-1]], [bus, bus], lw=1.3)
    for cx in tops:
        line(ax, [cx, cx], [bus, y_branch + h_branch / 2], lw=1.3)
    return fig
