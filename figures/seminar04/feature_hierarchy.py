"""표현 학습: 딥러닝은 선 → 모서리·질감 → 눈·귀 같은 부분으로, 층을 거칠수록 추상적인 특성을 스스로 만든다

위: 심층 신경망이 층마다 배우는 특성의 모습(그림은 numpy로 만든 도식: 층 1은 방향 있는
가장자리 필터, 층 2는 그 조합, 층 3은 입력 그림의 부분). 아래: 사람이 특성을 설계하던
전통적 머신러닝 파이프라인과의 대비.
"""
import numpy as np
from matplotlib.patches import Rectangle

from diagram_parts import arrow, box, canvas, line, text
from figure_style import ACCENT, INK, WIDE as WIDTH


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
    height = 3.62
    fig, ax = canvas(WIDTH, height)
    face = cat_face(rng)
    n = face.shape[0]

    # --- deep learning row ---------------------------------------------
    text(ax, 0.05, 3.48, "딥러닝: 특성을 데이터에서 스스로 학습 (표현 학습)",
         size=11, weight="bold", ha="left")
    yc, big = 2.62, 0.96
    xs = [0.6, 2.05, 3.5, 4.95]
    _show(ax, face, xs[0] - big / 2, yc - big / 2, big)
    _tiles(ax, [edge_filter(t) for t in (0, np.pi / 4, np.pi / 2, 3 * np.pi / 4)],
           xs[1], yc)
    _tiles(ax, mid_patches(), xs[2], yc)
    s = n / 40  # crops below are for a 40-pixel face
    crop = lambda r0, r1, c0, c1: face[int(r0 * s):int(r1 * s), int(c0 * s):int(c1 * s)]
    parts = [crop(0, 17, 2, 19),    # left ear
             crop(13, 27, 7, 21),   # left eye
             crop(19, 35, 12, 28),  # nose & whiskers
             face]                  # whole face
    _tiles(ax, parts, xs[3], yc)
    labels = [("입력 이미지", "픽셀 값"), ("층 1: 저수준", "선·가장자리"),
              ("층 2: 중간 수준", "코너·질감·곡선"), ("층 3: 고수준", "귀·눈·얼굴")]
    for x, (name, sub) in zip(xs, labels):
        text(ax, x, 1.91, name, size=10.5, weight="bold")
        text(ax, x, 1.69, sub, size=9.5, color="muted")
    for a, b in zip(xs[:-1], xs[1:]):
        arrow(ax, (a + 0.52, yc), (b - 0.52, yc), lw=1.5, head=10)

    # output: class scores
    xo, wo = 6.5, 1.3
    arrow(ax, (xs[3] + 0.52, yc), (xo - wo / 2 - 0.04, yc), lw=1.5, head=10)
    box(ax, xo, yc, wo, 1.1, tint="blue", lw=1.4)
    text(ax, xo, yc + 0.36, "출력", size=10, color="muted")
    for i, (name, p) in enumerate([("고양이", 0.9), ("개", 0.07), ("새", 0.03)]):
        yy = yc + 0.1 - i * 0.23
        text(ax, xo - 0.55, yy, name, size=9.5 if i else 10,
             weight="bold" if i == 0 else "normal", ha="left")
        ax.add_patch(Rectangle((xo - 0.02, yy - 0.06), 0.55 * p, 0.12, lw=0,
                               facecolor=ACCENT["blue" if i == 0 else "gray"],
                               zorder=3))
    text(ax, xo, 1.91, "분류", size=10.5, weight="bold")
    text(ax, xo, 1.69, "클래스 확률", size=9.5, color="muted")

    # --- classic pipeline row ------------------------------------------
    line(ax, [0.05, WIDTH - 0.05], [1.38, 1.38], color="grid", lw=1)
    text(ax, 0.05, 1.15, "전통적 머신러닝: 사람이 특성을 설계",
         size=11, weight="bold", ha="left")
    yb = 0.45
    small = 0.56
    _show(ax, face, xs[0] - small / 2, yb - small / 2, small)
    x_hand = (xs[1] + xs[2]) / 2
    box(ax, x_hand, yb, 2.3, 0.62, tint="orange", lw=1.4)
    text(ax, x_hand, yb + 0.12, "사람이 설계한 특성", size=10.5, weight="bold")
    text(ax, x_hand, yb - 0.14, "윤곽선 검출·색 히스토그램 등", size=9, color="muted")
    box(ax, xs[3], yb, 1.05, 0.62, tint="gray", lw=1.3)
    text(ax, xs[3], yb + 0.12, "모델", size=10.5, weight="bold")
    text(ax, xs[3], yb - 0.14, "SVM 등", size=9, color="muted")
    box(ax, xo, yb, wo, 0.62, "고양이", tint="blue", size=10.5, weight="bold", lw=1.4)
    for a, b in [(xs[0] + small / 2, x_hand - 1.15), (x_hand + 1.15, xs[3] - 0.525),
                 (xs[3] + 0.525, xo - wo / 2)]:
        arrow(ax, (a + 0.05, yb), (b - 0.05, yb), lw=1.5, head=10)
    return fig
