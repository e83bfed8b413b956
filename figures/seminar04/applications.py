"""딥러닝이 쓰이는 곳을 입력(행)과 출력(열)의 종류로 나눈 지도

칸의 색은 입력의 종류(텍스트·이미지·음성·사용 기록)를 뜻한다. 점선 칸의 회색
글씨는 같은 칸에 들어가는 다른 예다.
"""
from diagram_parts import box, canvas, line, text
from figure_style import WIDE as WIDTH

ROWS = [("텍스트", "blue"), ("이미지·영상", "green"), ("음성", "orange"),
        ("사용 기록", "purple")]
COLS = ["텍스트·레이블", "이미지", "음성", "결정·행동"]

# (row, col): list of (title, subtitle); extra=True marks a muted example
APPS = {
    (0, 0): [("기계 번역", "한국어 → 영어"), ("대규모 언어 모델", "챗봇·코드 생성")],
    (0, 1): [("Text-to-Image", "문장 → 그림")],
    (0, 2): [("Text-to-Speech", "문장 → 음성")],
    (1, 0): [("이미지 분류·객체 탐지", "무엇이 어디에?")],
    (1, 3): [("자율 주행", "카메라·센서 → 조향")],
    (2, 0): [("음성 인식", "말 → 자막·명령")],
    (3, 3): [("추천 시스템", "시청 기록 → 다음 영상")],
}
EXTRAS = {
    (1, 1): ("화질 개선", "저해상도 → 고해상도"),
    (2, 2): ("음성 향상", "녹음 속 잡음 제거"),
}


def draw(rng):
    x0, cw = 1.2, (WIDTH - 1.2) / len(COLS)
    heights = [1.3, 0.78, 0.78, 0.78]
    head = 0.62
    height = head + sum(heights) + 0.05
    fig, ax = canvas(WIDTH, height)

    # headers
    top = height - head
    text(ax, x0 + 2 * cw, height - 0.14, "출력 →", size=9.5, color="muted")
    for j, name in enumerate(COLS):
        text(ax, x0 + (j + 0.5) * cw, top + 0.2, name, size=10.5, weight="bold")
    text(ax, 0.08, height - 0.14, "입력 ↓", size=9.5, color="muted", ha="left")

    y = top
    for i, ((row_name, tint), h) in enumerate(zip(ROWS, heights)):
        yc = y - h / 2
        box(ax, 0.55, yc, 1.0, h - 0.1, row_name, tint=tint, size=10.5,
            weight="bold", lw=1.3)
        for j in range(len(COLS)):
            cx = x0 + (j + 0.5) * cw
            apps = APPS.get((i, j), [])
            if apps:
                n = len(apps)
                th = (h - 0.1 - 0.08 * (n - 1)) / n
                for k, (title, sub) in enumerate(apps):
                    ty = y - 0.05 - th / 2 - k * (th + 0.08)
                    box(ax, cx, ty, cw - 0.1, th, tint=tint, lw=1.2)
                    text(ax, cx, ty + 0.12, title, size=10 if len(title) < 10 else 9.5,
                         weight="bold")
                    text(ax, cx, ty - 0.13, sub, size=9, color="muted")
            elif (i, j) in EXTRAS:
                title, sub = EXTRAS[(i, j)]
                box(ax, cx, yc, cw - 0.1, h - 0.1, tint=tint, lw=1, fill=False,
                    ls=(0, (3, 2)))
                text(ax, cx, yc + 0.12, title, size=9.5, color="muted")
                text(ax, cx, yc - 0.13, sub, size=9, color="muted")
        y -= h
        if i < len(ROWS) - 1:
            line(ax, [x0, WIDTH], [y, y], color="grid", lw=0.8)
    for j in range(1, len(COLS)):
        x = x0 + j * cw
        line(ax, [x, x], [y, top], color="grid", lw=0.8)
    return fig
