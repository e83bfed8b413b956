"""정답 없이 붓꽃 150송이를 k-평균(k=3)으로 묶은 결과와 실제 품종의 비교

데이터: scikit-learn에 내장된 iris(붓꽃)의 꽃잎 길이·너비(cm).
방법: 품종 정보(정답)는 쓰지 않고 두 특성만으로 KMeans(k=3)를 학습한다.
군집 번호는 중심의 꽃잎 길이 순으로 1·2·3을 붙인다. 마지막 패널에서만
실제 품종을 보여 주고, 군집과 품종의 일치도를 조정 랜드 지수(ARI)로 계산한다.
"""

import numpy as np
from matplotlib.lines import Line2D
from sklearn.cluster import KMeans
from sklearn.datasets import load_iris
from sklearn.metrics import adjusted_rand_score

from figure_style import ACCENT, INK, WIDTH

CLUSTER_COLORS = ["purple", "teal", "red"]  # clusters have no names, so not the species colours
SPECIES = ["세토사", "버시컬러", "버지니카"]
SPECIES_COLORS = ["blue", "orange", "green"]
SPECIES_MARKERS = ["o", "s", "^"]


def draw(rng):
    import matplotlib.pyplot as plt

    iris = load_iris()
    X = iris.data[:, 2:4]
    y = iris.target

    km = KMeans(n_clusters=3, n_init=10, random_state=int(rng.integers(2**31))).fit(X)
    # stable numbering: cluster 1 has the shortest petals
    order = np.argsort(km.cluster_centers_[:, 0])
    relabel = np.empty(3, dtype=int)
    relabel[order] = np.arange(3)
    labels = relabel[km.labels_]
    centers = km.cluster_centers_[order]
    ari = adjusted_rand_score(y, labels)
    # each cluster's majority species; flowers whose species differs are "mismatches"
    majority = np.array([np.bincount(y[labels == k], minlength=3).argmax() for k in range(3)])
    mismatch = majority[labels] != y

    # one panel per row (a phone's column is narrow); legends in a column at the right
    fig, axes = plt.subplots(3, 1, figsize=(WIDTH, 8.6), sharex=True, sharey=True)
    fig.subplots_adjust(hspace=0.32, right=0.64)
    ax0, ax1, ax2 = axes

    # 1) what the algorithm sees: points without answers
    ax0.scatter(X[:, 0], X[:, 1], s=16, color=INK["muted"], alpha=0.7, linewidths=0)
    ax0.set_title("① 입력: 정답 없는 데이터", loc="left")
    ax0.text(1.04, 1.0, f"붓꽃 {len(X)}송이", transform=ax0.transAxes, ha="left",
             va="top", color=INK["muted"])

    # 2) k-means result
    for k in range(3):
        pts = X[labels == k]
        ax1.scatter(pts[:, 0], pts[:, 1], s=16, color=ACCENT[CLUSTER_COLORS[k]], alpha=0.8,
                    linewidths=0)
    ax1.scatter(centers[:, 0], centers[:, 1], s=140, marker="X",
                c=[ACCENT[c] for c in CLUSTER_COLORS], edgecolors=INK["text"], linewidths=1.2,
                zorder=4)
    ax1.set_title("② k-평균 결과 (k=3)", loc="left")
    handles = [
        Line2D([], [], ls="none", marker="o", ms=5, color=ACCENT[CLUSTER_COLORS[k]],
               label=f"군집 {k + 1}")
        for k in range(3)
    ]
    handles.append(Line2D([], [], ls="none", marker="X", ms=9, color=INK["muted"],
                          markeredgecolor=INK["text"], label="군집 중심"))
    ax1.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.02, 1.0), handletextpad=0.3,
               borderaxespad=0.2, labelspacing=0.3)

    # 3) the answers, used only to check
    for k in range(3):
        pts = X[y == k]
        ax2.scatter(pts[:, 0], pts[:, 1], s=16, marker=SPECIES_MARKERS[k],
                    color=ACCENT[SPECIES_COLORS[k]], alpha=0.8, linewidths=0)
    ax2.scatter(X[mismatch, 0], X[mismatch, 1], s=70, facecolors="none",
                edgecolors=INK["text"], linewidths=0.9, zorder=4)
    ax2.set_title(f"③ 실제 품종 (ARI {ari:.2f})", loc="left")
    handles = [
        Line2D([], [], ls="none", marker=SPECIES_MARKERS[k], ms=5,
               color=ACCENT[SPECIES_COLORS[k]], label=SPECIES[k])
        for k in range(3)
    ]
    handles.append(Line2D([], [], ls="none", marker="o", ms=8, markerfacecolor="none",
                          markeredgecolor=INK["text"], markeredgewidth=0.9,
                          label=f"군집과\n다름 ({int(mismatch.sum())})"))
    ax2.text(1.04, 0.0, "ARI 1 = 일치\nARI 0 = 무작위",
             transform=ax2.transAxes, ha="left", va="bottom",
             color=INK["muted"], linespacing=1.3)
    ax2.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.02, 1.0), handletextpad=0.3,
               borderaxespad=0.2, labelspacing=0.3)

    for ax in axes:
        ax.set_xlim(0.5, 7.4)
        ax.set_ylim(-0.1, 3.4)
        ax.set_yticks([0, 1, 2, 3])
        ax.set_ylabel("꽃잎 너비 (cm)")
    ax2.set_xlabel("꽃잎 길이 (cm)")
    return fig
