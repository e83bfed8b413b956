"""64차원(8×8 픽셀) 손글씨 숫자 1,797장을 PCA로 2차원에 투영한 결과

데이터: scikit-learn에 내장된 digits(load_digits): 0–9 손글씨 숫자,
한 장이 8×8 = 64개 픽셀 밝기(0–16)로 된 64차원 벡터.
방법: 숫자 정답은 쓰지 않고 64차원 픽셀 벡터에 PCA(주성분 2개)를 맞춘 뒤,
각 점을 정답 숫자 색으로만 칠해 구조를 확인한다. 숫자 라벨은 각 숫자의
투영 좌표 중앙값에 놓고, 두 주성분의 설명된 분산 비율을 축 이름에 적는다.
"""

import numpy as np
from sklearn.datasets import load_digits
from sklearn.decomposition import PCA

from figure_style import INK, SYMBOLS, TINT, WIDTH

PER_DIGIT = 100


def draw(rng):
    import matplotlib.pyplot as plt

    digits = load_digits()
    X, y = digits.data, digits.target
    pca = PCA(n_components=2, random_state=int(rng.integers(2**31)))
    Z = pca.fit_transform(X)
    ratio = pca.explained_variance_ratio_

    cmap = plt.get_cmap("tab10")  # qualitative data colours, one per digit
    # scatter on top, the ten input images in a row below (a phone's column is narrow)
    fig = plt.figure(figsize=(WIDTH, 6.3))
    gs = fig.add_gridspec(2, 1, height_ratios=[4.6, 1.0], hspace=0.42)
    ax = fig.add_subplot(gs[0])

    # PCA is fitted on all images; to keep the SVG small the plot shows a random
    # PER_DIGIT images of each digit (one scatter call per digit shares the marker)
    for d in range(10):
        idx = rng.choice(np.flatnonzero(y == d), size=PER_DIGIT, replace=False)
        # 1,000 dots stay vector: measured, they gzip to less than one
        # rasterised (transparent, sharp on phones) image of them
        ax.scatter(Z[idx, 0], Z[idx, 1], color=cmap(d), s=8, alpha=0.6, linewidths=0)
    for d in range(10):
        cx, cy = np.median(Z[y == d], axis=0)
        ax.text(cx, cy, str(d), ha="center", va="center", fontsize=12, fontweight="bold",
                color=INK["text"],
                bbox=dict(boxstyle="round,pad=0.25", facecolor=TINT["gray"],
                          edgecolor=cmap(d), linewidth=1.6))

    ax.set_xlabel(f"주성분 1 (분산의 {ratio[0] * 100:.1f}%)")
    ax.set_ylabel(f"주성분 2 (분산의 {ratio[1] * 100:.1f}%)")
    ax.set_title(
        f"64차원 → 2차원\n두 축이 전체 분산의 {ratio.sum() * 100:.1f}%를 설명",
        loc="left", **SYMBOLS,
    )
    ax.grid(True, color=INK["grid"], lw=0.6)
    ax.set_axisbelow(True)
    ax.text(0.015, 0.015,
            f"PCA는 {len(X):,}장 전체로 계산,\n점은 숫자별 {PER_DIGIT}장씩 표시",
            transform=ax.transAxes, ha="left", va="bottom", color=INK["muted"], zorder=5,
            bbox=dict(boxstyle="round,pad=0.2", facecolor=TINT["gray"], edgecolor="none", alpha=0.85),
            linespacing=1.4)

    # inset column: one real 8x8 input image per digit
    sub = gs[1].subgridspec(1, 10, wspace=0.15)
    first = [int(np.flatnonzero(y == d)[0]) for d in range(10)]
    for d, idx in enumerate(first):
        a = fig.add_subplot(sub[0, d])
        a.imshow(digits.images[idx], cmap="gray", vmin=0, vmax=16, interpolation="nearest")
        a.set_xticks([])
        a.set_yticks([])
        for spine in a.spines.values():
            spine.set_visible(True)
            spine.set_color(cmap(d))
            spine.set_linewidth(1.6)
    # heading of the image row
    row = gs[1].get_position(fig)
    fig.text(row.x0, row.y1 + 0.006, "입력 예시: 숫자마다 한 장 (8×8 픽셀)", ha="left", va="bottom",
             fontweight="bold", color=INK["text"])
    return fig
