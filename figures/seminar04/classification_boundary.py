"""붓꽃 데이터의 꽃잎 길이·너비로 학습한 k-최근접 이웃(k-NN) 분류기의 결정 경계와 테스트 정확도

데이터: scikit-learn에 내장된 iris(붓꽃) 150개 중 꽃잎 길이·너비 두 특성.
방법: 층화 추출로 학습 70% / 테스트 30%를 나누고, 학습 데이터만으로
k-NN(k=5)을 학습한 뒤 평면 전체 격자를 예측해 결정 영역을 칠한다.
테스트 정확도는 학습에 쓰지 않은 30%로 계산한 실제 값이다.
"""

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from sklearn.datasets import load_iris
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier

from figure_style import ACCENT, INK, TINT, WIDTH

CLASS_NAMES = ["세토사", "버시컬러", "버지니카"]
COLORS = ["blue", "orange", "green"]
MARKERS = ["o", "s", "^"]
K = 5


def draw(rng):
    import matplotlib.pyplot as plt

    iris = load_iris()
    X = iris.data[:, 2:4]  # petal length, petal width (cm)
    y = iris.target
    X_tr, X_te, y_tr, y_te = train_test_split(
        X, y, test_size=0.3, stratify=y, random_state=int(rng.integers(2**31))
    )
    model = KNeighborsClassifier(n_neighbors=K).fit(X_tr, y_tr)
    acc = model.score(X_te, y_te)
    wrong = model.predict(X_te) != y_te
    n_wrong = int(wrong.sum())

    # decision regions on a grid covering the data
    x_min, x_max = 0.6, 7.3
    y_min, y_max = -0.2, 2.8
    xx, yy = np.meshgrid(np.linspace(x_min, x_max, 450), np.linspace(y_min, y_max, 300))
    fig, ax = plt.subplots(figsize=(WIDTH, 5.2))
    proba = model.predict_proba(np.c_[xx.ravel(), yy.ravel()])
    # margin of each class over its strongest rival: > 0 inside its region.
    # Contouring this continuous field (instead of the 0/1/2 label image)
    # gives boundaries without grid staircase steps.
    for k in range(3):
        rival = np.delete(proba, k, axis=1).max(axis=1)
        margin = (proba[:, k] - rival).reshape(xx.shape)
        ax.contourf(xx, yy, margin, levels=[0, 2], colors=[TINT[COLORS[k]]])
        ax.contour(xx, yy, margin, levels=[0], colors=INK["line"], linewidths=0.8)

    # training points: filled; test points: hollow
    for k in range(3):
        pts = X_tr[y_tr == k]
        ax.scatter(
            pts[:, 0], pts[:, 1], s=30, marker=MARKERS[k], color=ACCENT[COLORS[k]],
            edgecolors=INK["text"], linewidths=0.4, zorder=3,
        )
        pts = X_te[y_te == k]
        ax.scatter(
            pts[:, 0], pts[:, 1], s=42, marker=MARKERS[k], facecolors="none",
            edgecolors=ACCENT[COLORS[k]], linewidths=1.4, zorder=4,
        )

    # test points the model got wrong (none: no circles and no legend entry)
    ax.scatter(
        X_te[wrong, 0], X_te[wrong, 1], s=170, marker="o", facecolors="none",
        edgecolors=ACCENT["red"], linewidths=1.3, zorder=5,
    )

    ax.set_xlim(x_min, x_max)
    ax.set_ylim(y_min, y_max)
    ax.set_xlabel("꽃잎 길이 (cm)")
    ax.set_ylabel("꽃잎 너비 (cm)")
    ax.set_title(
        f"k-NN (k={K}) 결정 경계\n테스트 정확도 {acc:.2f} "
        f"({len(y_te) - n_wrong}/{len(y_te)})",
        loc="left",
    )

    # class entry = its region colour with its point marker on top
    handles = [
        (Patch(facecolor=TINT[COLORS[k]], edgecolor=INK["line"], linewidth=0.6),
         Line2D([], [], ls="none", marker=MARKERS[k], ms=6, color=ACCENT[COLORS[k]],
                markeredgecolor=INK["text"], markeredgewidth=0.4))
        for k in range(3)
    ]
    labels = CLASS_NAMES[:]
    handles += [
        Line2D([], [], ls="none", marker="o", ms=6, color=INK["muted"],
               markeredgecolor=INK["text"], markeredgewidth=0.4, label=f"학습 데이터 ({len(y_tr)}개)"),
        Line2D([], [], ls="none", marker="o", ms=6.5, markerfacecolor="none",
               markeredgecolor=INK["muted"], markeredgewidth=1.4, label=f"테스트 데이터 ({len(y_te)}개)"),
    ]
    if n_wrong:
        handles.append(Line2D([], [], ls="none", marker="o", ms=11, markerfacecolor="none",
                              markeredgecolor=ACCENT["red"], markeredgewidth=1.3,
                              label=f"틀린 예측 ({n_wrong}개)"))
    labels += [h.get_label() for h in handles[3:]]
    # below the plot: inside it would cover the regions it explains
    ax.legend(handles=handles, labels=labels, loc="upper left", bbox_to_anchor=(-0.02, -0.14),
              ncols=2, handlelength=1.4, columnspacing=1.0)
    return fig
