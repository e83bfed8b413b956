"""딥러닝이 쓰이는 곳을 입력(행)과 출력(열)의 종류로 나눈 지도

한 줄에 응용 하나: 입력 → 출력의 종류와 하는 일. 입력 칸의 색은 입력의 종류를
뜻한다. 출력이 점선이고 제목이 회색인 줄은 같은 입력·출력 조합의 다른 예다.
"""
from diagram_parts import arrow, box, canvas, text
from figure_style import SMALL, SYMBOLS, WIDTH

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
    # One row per application, input → output as two tags, then what it does:
    # the grid of the wide version did not fit a phone's column.
    rows = []
    for i, (row_name, tint) in enumerate(ROWS):
        for j, output in enumerate(COLS):
            for title, sub in APPS.get((i, j), []):
                rows.append((row_name, tint, output, title, sub, False))
            if (i, j) in EXTRAS:
                rows.append((row_name, tint, output, *EXTRAS[(i, j)], True))
    pitch = 0.62
    height = 0.4 + pitch * len(rows)
    fig, ax = canvas(WIDTH, height)
    x_in, x_out, x_text, w_tag = 0.55, 1.86, 2.5, 1.0
    for x, label in ((x_in, "입력"), (x_out, "출력"), (x_text + 0.45, "예")):
        text(ax, x, height - 0.17, label, size=SMALL, color="muted", weight="bold")
    y = height - 0.4 - pitch / 2
    for row_name, tint, output, title, sub, extra in rows:
        box(ax, x_in, y, w_tag, 0.36, row_name, tint=tint, size=SMALL, lw=1.1, radius=0.06)
        arrow(ax, (x_in + w_tag / 2 + 0.04, y), (x_out - w_tag / 2 - 0.04, y), lw=1.2, head=8)
        box(ax, x_out, y, w_tag, 0.36, output.replace("·레이블", ""), tint="gray", size=SMALL, lw=1,
            radius=0.06, fill=not extra, ls=(0, (3, 2)) if extra else "-")
        text(ax, x_text, y + 0.13, title, size=SMALL, weight="bold", ha="left",
             color="muted" if extra else "text")
        text(ax, x_text, y - 0.14, sub, size=SMALL, color="muted", ha="left", **SYMBOLS)
        y -= pitch
    return fig
