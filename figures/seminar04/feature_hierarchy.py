"""표현 학습: 딥러닝은 선 → 모서리·질감 → 눈·귀 같은 부분으로, 층을 거칠수록 추상적인 특성을 스스로 만든다

위: 심층 신경망이 층마다 배우는 특성의 모습(그림은 numpy로 만든 도식: 층 1은 방향 있는
가장자리 필터, 층 2는 그 조합, 층 3은 입력 그림의 부분). 아래: 사람이 특성을 설계하던
전통적 머신러닝 파이프라인과의 대비.
"""
import numpy as np
from matplotlib.patches import Rectangle

from diagram_parts import arrow, box, canvas, line, text
from figure_style import ACCENT, INK, FONT_SIZE, SMALL, WIDTH


def _grid(n):
    c = np.linspace(-1, 1, n)
    return np.meshgrid(c, -c)


def _smooth(img, passes=1):
    for _ in range(passes):
        p = np.pad(img, 1, mode="edge")
        img = (p[:-2, 1:-1] + p[2:, 1:-1] + p[1:-1, :-2] + p[1:-1, 2:] + 4 * img) / 8
    return img


def cat_face(rng, n=40):
    """A cartoon cat face, grey levels in [0, 1]."""
    x, y = _grid(n)
    img = np.full((n, n), 0.22)
    head = (x / 0.72) ** 2 + ((y + 0.12) / 0.62) ** 2 < 1
    img[head] = 0.78
    for s in (-1, 1):  # ears: triangles on top of the head
        ear = (y > 0.25) & (y < 0.92 - 1.9 * np.abs(x - s * 0.45)) & (np.abs(x) > 0.12)
        img[ear] = 0.78
        inner = (y > 0.36) & (y < 0.78 - 2.3 * np.abs(x - s * 0.45))
        img[inner] = 0.55
        eye = ((x - s * 0.28) / 0.14) ** 2 + ((y + 0.02) / 0.11) ** 2 < 1
        img[eye] = 0.08
        img[((x - s * 0.25) ** 2 + (y - 0.02) ** 2) < 0.0012] = 0.95
        for dy in (-0.26, -0.36):  # whiskers
            w = (np.abs(y - (dy + 0.18 * (np.abs(x) - 0.3))) < 0.025) & \
                (np.abs(x) > 0.3) & (np.abs(x) < 0.85) & (np.sign(x) == s)
            img[w] = 0.1
    nose = (y < -0.18) & (y > -0.3) & (np.abs(x) < (y + 0.3) * 0.9)
    img[nose] = 0.35
    img = img + rng.normal(0, 0.025, img.shape)
    return np.clip(_smooth(img), 0, 1)


def edge_filter(theta, n=9):
    """First-layer style oriented edge detector (a Gabor patch)."""
    x, y = _grid(n)
    u = x * np.cos(theta) + y * np.sin(theta)
    g = np.exp(-(x ** 2 + y ** 2) / 0.9) * np.sin(np.pi * 1.1 * u)
    return 0.5 + 0.5 * g / np.abs(g).max()


def mid_patches(n=11):
    x, y = _grid(n)
    corner = np.where(((np.abs(y - 0.1) < 0.2) & (x > -0.1)) |
                      ((np.abs(x + 0.0) < 0.2) & (y < 0.3)), 0.95, 0.15)
    cross = np.where((np.abs(x) < 0.18) | ((np.abs(y) < 0.18) & (x < 0.1)), 0.95, 0.15)
    texture = 0.5 + 0.42 * np.sign(np.sin(3.2 * np.pi * (x + y)))
    r = np.hypot(x, y)
    ring = np.where(np.abs(r - 0.55) < 0.2, 0.95, 0.15)
    return [_smooth(p) for p in (corner, cross, texture, ring)]


def _show(ax, img, x0, y0, size):
    ax.imshow(img, cmap="gray", vmin=0, vmax=1, interpolation="nearest",
              extent=(x0, x0 + size, y0, y0 + size), zorder=2)
    ax.add_patch(Rectangle((x0, y0), size, size, fill=False, lw=0.8,
                           edgecolor=INK["line"], zorder=3))


def _tiles(ax, imgs, cx, cy, cell=0.43, gap=0.06):
    """2 x 2 grid of patches centred at (cx, cy)."""
    for k, img in enumerate(imgs):
        r, c = divmod(k, 2)
        x0 = cx - cell - gap / 2 + c * (cell + gap)
        y0 = cy + gap / 2 - r * (cell + gap)
        _show(ax, img, x0, y0, cell)


def draw(rng):
    # The deep-learning path runs in two rows of at most three stages (a
    # phone's column is narrow), the classic pipeline below it.
    height = 5.6
    fig, ax = canvas(WIDTH, height)
    face = cat_face(rng)
    n = face.shape[0]
    xs = [0.8, 2.4, 4.0]
    big = 0.96

    # --- deep learning rows -----------------------------------------------
    text(ax, 0.05, height - 0.16, "딥러닝: 특성을 데이터에서 스스로 학습", size=FONT_SIZE, weight="bold",
         ha="left")
    ya, yb_ = height - 0.9, height - 2.75
    _show(ax, face, xs[0] - big / 2, ya - big / 2, big)
    _tiles(ax, [edge_filter(t) for t in (0, np.pi / 4, np.pi / 2, 3 * np.pi / 4)], xs[1], ya)
    _tiles(ax, mid_patches(), xs[2], ya)
    s = n / 40  # crops below are for a 40-pixel face
    crop = lambda r0, r1, c0, c1: face[int(r0 * s):int(r1 * s), int(c0 * s):int(c1 * s)]
    parts = [crop(0, 17, 2, 19),    # left ear
             crop(13, 27, 7, 21),   # left eye
             crop(19, 35, 12, 28),  # nose & whiskers
             face]                  # whole face
    _tiles(ax, parts, xs[0], yb_)
    stages = [(xs[0], ya, "입력 이미지", "픽셀 값"), (xs[1], ya, "층 1: 저수준", "선·가장자리"),
              (xs[2], ya, "층 2: 중간 수준", "코너·질감·곡선"), (xs[0], yb_, "층 3: 고수준", "귀·눈·얼굴"),
              (xs[1], yb_, "분류", "클래스 확률")]
    for x, y, name, sub in stages:
        text(ax, x, y - 0.68, name, size=SMALL, weight="bold")
        text(ax, x, y - 0.93, sub, size=SMALL, color="muted")
    for a, b in zip(xs[:-1], xs[1:]):
        arrow(ax, (a + 0.52, ya), (b - 0.52, ya), lw=1.5, head=10)
    # row end -> start of the next row
    y_turn = ya - 1.2
    line(ax, [xs[2], xs[2], xs[0]], [ya - 1.06, y_turn, y_turn], color="text", lw=1.5)
    arrow(ax, (xs[0], y_turn), (xs[0], yb_ + 0.52), lw=1.5, head=10)

    # output: class scores
    xo, wo = xs[1], 1.4
    arrow(ax, (xs[0] + 0.52, yb_), (xo - wo / 2 - 0.04, yb_), lw=1.5, head=10)
    box(ax, xo, yb_, wo, 1.0, tint="blue", lw=1.4)
    for i, (name, p) in enumerate([("고양이", 0.9), ("개", 0.07), ("새", 0.03)]):
        yy = yb_ + 0.3 - i * 0.3
        text(ax, xo - 0.6, yy, name, size=SMALL, weight="bold" if i == 0 else "normal", ha="left")
        ax.add_patch(Rectangle((xo - 0.02, yy - 0.06), 0.6 * p, 0.12, lw=0,
                               facecolor=ACCENT["blue" if i == 0 else "gray"], zorder=3))

    # --- classic pipeline row ------------------------------------------
    line(ax, [0.05, WIDTH - 0.05], [1.42, 1.42], color="grid", lw=1)
    text(ax, 0.05, 1.2, "전통적 머신러닝: 사람이 특성을 설계", size=FONT_SIZE, weight="bold", ha="left")
    yb = 0.42
    small = 0.5
    _show(ax, face, 0.05, yb - small / 2, small)
    x_hand, w_hand = 1.72, 1.9
    box(ax, x_hand, yb, w_hand, 0.8, tint="orange", lw=1.4)
    text(ax, x_hand, yb + 0.2, "사람이 설계한 특성", size=SMALL, weight="bold")
    text(ax, x_hand, yb - 0.14, "윤곽선 검출·\n색 히스토그램 등", size=SMALL, color="muted", linespacing=1.1)
    x_model = 3.36
    box(ax, x_model, yb, 0.9, 0.8, tint="gray", lw=1.3)
    text(ax, x_model, yb + 0.14, "모델", size=SMALL, weight="bold")
    text(ax, x_model, yb - 0.16, "SVM 등", size=SMALL, color="muted")
    x_out = 4.34
    box(ax, x_out, yb, 0.8, 0.5, "고양이", tint="blue", size=SMALL, weight="bold", lw=1.4)
    for a, b in [(0.05 + small, x_hand - w_hand / 2), (x_hand + w_hand / 2, x_model - 0.45),
                 (x_model + 0.45, x_out - 0.4)]:
        arrow(ax, (a + 0.03, yb), (b - 0.03, yb), lw=1.5, head=9)
    return fig
