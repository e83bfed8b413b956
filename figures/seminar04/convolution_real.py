"""실제 사진에 3×3 Sobel 커널로 합성곱을 적용해 세로·가로 경계를 찾은 결과

데이터: scikit-learn에 내장된 예시 사진 china.jpg(이화원 불향각)에서 탑 부분을
잘라 흑백으로 바꾸고 작게 줄인 이미지.
방법: scipy.signal.correlate2d로 3×3 커널을 이미지 위에서 한 칸씩 밀며
가중합을 계산한다(CNN의 합성곱 층이 하는 계산과 같다. 수학의 합성곱은
커널을 뒤집어 쓰는데, CNN 관례를 따라 뒤집지 않았다). 가장자리는 거울처럼
반사해 채워 출력 크기를 입력과 같게 둔다. 경계 세기는 √(Gx² + Gy²).
"""

import numpy as np
from matplotlib.patches import Rectangle
from PIL import Image
from scipy.signal import correlate2d
from sklearn.datasets import load_sample_image

from figure_style import INK, SMALL, SYMBOLS, TINT, WIDTH

SOBEL_X = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]])  # left-right change: vertical edges
SOBEL_Y = SOBEL_X.T  # top-bottom change: horizontal edges
CROP = (40, 20, 380, 427)  # left, top, right, bottom: the pagoda
SIZE = (120, 143)  # width, height in pixels after downsampling


def _load_gray():
    photo = Image.fromarray(load_sample_image("china.jpg")).crop(CROP).convert("L")
    photo = photo.resize(SIZE, Image.Resampling.LANCZOS)
    return np.asarray(photo, dtype=float) / 255.0


def _kernel_grid(ax, kernel, label):
    """3×3 kernel as a small table: positive cells blue, negative red, zero gray."""
    for r in range(3):
        for c in range(3):
            v = kernel[r, c]
            fill = TINT["blue"] if v > 0 else TINT["red"] if v < 0 else TINT["gray"]
            ax.add_patch(Rectangle((c, 2 - r), 1, 1, facecolor=fill, edgecolor=INK["line"],
                                   linewidth=0.8))
            text = f"{v:d}".replace("-", "−")
            ax.text(c + 0.5, 2 - r + 0.5, text, ha="center", va="center", fontsize=SMALL,
                    color=INK["text"])
    ax.set_xlim(-0.05, 3.05)
    ax.set_ylim(-0.05, 3.05)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(label, fontsize=SMALL, color=INK["muted"], fontweight="normal", pad=4)


def draw(rng):
    import matplotlib.pyplot as plt

    img = _load_gray()
    gx = correlate2d(img, SOBEL_X, mode="same", boundary="symm")
    gy = correlate2d(img, SOBEL_Y, mode="same", boundary="symm")
    mag = np.hypot(gx, gy)
    # shared contrast for the two signed outputs; mid gray = 0
    lim = float(np.percentile(np.abs(np.r_[gx.ravel(), gy.ravel()]), 99))

    # two images a row, the kernels below (four in a row did not fit a phone)
    fig = plt.figure(figsize=(WIDTH, 7.6))
    gs = fig.add_gridspec(3, 2, height_ratios=[2.3, 2.3, 1.0], hspace=0.3, wspace=0.1)
    panels = [
        (f"① 원본 (흑백 {img.shape[1]}×{img.shape[0]})", img, dict(vmin=0, vmax=1)),
        ("② 세로 경계 검출 (Gx)", gx, dict(vmin=-lim, vmax=lim)),
        ("③ 가로 경계 검출 (Gy)", gy, dict(vmin=-lim, vmax=lim)),
        ("④ 경계 세기", mag, dict(vmin=0, vmax=float(np.percentile(mag, 99)))),
    ]
    for i, (title, data, norm) in enumerate(panels):
        ax = fig.add_subplot(gs[i // 2, i % 2])
        ax.imshow(data, cmap="gray", interpolation="none", **norm)
        ax.set_xticks([])
        ax.set_yticks([])
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.set_title(title, fontsize=SMALL, pad=5)

    kax = fig.add_subplot(gs[2, 0])
    _kernel_grid(kax, SOBEL_X, "커널 Gx (Sobel)")
    _kernel_grid(fig.add_subplot(gs[2, 1]), SOBEL_Y, "커널 Gy (Sobel)")
    fig.text(0.5, kax.get_position().y0 - 0.02,
             "②·③의 색: 회색 = 0, 흰색 = 양수, 검정 = 음수\n④ = √(Gx² + Gy²): 밝을수록 강한 경계",
             ha="center", va="top", fontsize=SMALL, color=INK["muted"], linespacing=1.4,
             **SYMBOLS)
    return fig
