"""데이터 업무 흐름: 획득에서 배포까지 다섯 단계와 역할별 주 담당 범위

위: 데이터가 서비스가 되기까지의 다섯 단계(왼쪽 → 오른쪽).
아래: 네 직무가 주로 맡는 단계(띠)와 핵심 역량(작은 글씨). 실제 조직에서는
경계가 겹치고 회사마다 다르다는 점을 설명할 때 함께 쓴다.
"""
from diagram_parts import arrow, band, box, canvas, text
from figure_style import WIDE as WIDTH

STEPS = [
    ("데이터 획득", "수집·저장"),
    ("정제", "결측·이상치 처리"),
    ("모델 학습", "ML·DL 모델"),
    ("분석/시각화", "인사이트·리포트"),
    ("서비스 배포", "API·모니터링"),
]

# (role, first step, last step, tint, skills)
ROLES = [
    ("데이터 엔지니어", 0, 1, "orange", "리눅스·클라우드·분산 시스템·SQL"),
    ("데이터 사이언티스트", 2, 3, "purple", "ML·DL·통계·도메인 지식"),
    ("데이터 분석가", 3, 3, "green", "SQL·통계·Python·R·시각화"),
    ("머신러닝 엔지니어", 2, 4, "teal", "Python·DL·CV·NLP"),
]


def draw(rng):
    height = 4.25
    fig, ax = canvas(WIDTH, height)
    pitch, bw = 1.49, 1.24
    cx = [bw / 2 + i * pitch for i in range(len(STEPS))]

    # faint column under every step so each band can be read against it
    for x in cx:
        box(ax, x, 1.47, bw, 2.78, tint="gray", edge=False, zorder=0.5,
            alpha=0.55)

    # the five steps
    y_step = 3.72
    for i, (name, sub) in enumerate(STEPS):
        box(ax, cx[i], y_step, bw, 0.72, tint="blue", lw=1.3)
        text(ax, cx[i], y_step + 0.13, name, size=11.5, weight="bold")
        text(ax, cx[i], y_step - 0.16, sub, size=9, color="muted")
        if i:
            arrow(ax, (cx[i - 1] + bw / 2 + 0.02, y_step),
                  (cx[i] - bw / 2 - 0.02, y_step), lw=1.5, head=10)

    text(ax, cx[0], 3.08, "역할별 주 담당 범위", size=10, color="muted",
         weight="bold")

    # one row per role: band over its steps, skills underneath
    y_rows = [2.62, 1.92, 1.22, 0.52]
    for (role, a, b, tint, skills), y in zip(ROLES, y_rows):
        x0, x1 = cx[a] - bw / 2, cx[b] + bw / 2
        band(ax, x0, x1, y, 0.36, tint=tint)
        text(ax, (x0 + x1) / 2, y, role, size=10.5, weight="bold")
        text(ax, (x0 + x1) / 2, y - 0.33, skills, size=9, color="muted")

    # data engineers also build the pipeline that connects every step
    y = y_rows[0]
    x0 = cx[1] + bw / 2 + 0.12
    arrow(ax, (x0, y), (cx[4] + bw / 2 - 0.05, y), color="orange", lw=1.3,
          head=9, ls=(0, (4, 3)))
    text(ax, (x0 + cx[4] + bw / 2) / 2, y - 0.2, "파이프라인 구축·운영 (전 단계 연결)",
         size=9, color="muted")
    return fig
