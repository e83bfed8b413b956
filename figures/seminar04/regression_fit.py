"""당뇨병 환자 442명의 체질량지수(BMI)로 1년 뒤 당뇨 진행 정도를 예측하는 선형 회귀 직선과 잔차

데이터: scikit-learn에 내장된 diabetes 데이터(load_diabetes, scaled=False)의
BMI(kg/m²)와 목표값(기준 시점 1년 뒤 병의 진행 정도를 나타내는 수치).
방법: 최소제곱 선형 회귀 ŷ = w·x + b 를 전체 442명에 맞추고,
기울기·절편·결정계수 R²를 계산해 그림에 적는다. 무작위로 고른
몇 명의 잔차(실제값 − 예측값)를 세로 선으로 보여 준다.
"""

import numpy as np
from matplotlib.lines import Line2D
from sklearn.datasets import load_diabetes
from sklearn.linear_model import LinearRegression

from figure_style import ACCENT, INK, SYMBOLS, WIDTH

N_RESIDUALS = 12


def _signed(value, fmt):
    """Format with a real minus sign (U+2212) instead of a hyphen."""
    text = format(abs(value), fmt)
    return ("− " if value < 0 else "+ ") + text


def draw(rng):
    import matplotlib.pyplot as plt

    data = load_diabetes(scaled=False)
    bmi = data.data[:, data.feature_names.index("bmi")]
    target = data.target
    X = bmi.reshape(-1, 1)

    model = LinearRegression().fit(X, target)
    w, b = float(model.coef_[0]), float(model.intercept_)
    r2 = model.score(X, target)
    pred = model.predict(X)

    fig, ax = plt.subplots(figsize=(WIDTH, 4.9))
    ax.scatter(bmi, target, s=14, color=ACCENT["blue"], alpha=0.45, linewidths=0, zorder=2)

    # residuals of a few randomly chosen patients, spread over the BMI range
    order = np.argsort(bmi)
    bins = np.array_split(order, N_RESIDUALS)
    picked = np.array([chunk[rng.integers(len(chunk))] for chunk in bins])
    ax.vlines(bmi[picked], pred[picked], target[picked], colors=INK["muted"],
              linewidths=1.1, linestyles=(0, (3, 2)), zorder=3)
    ax.scatter(bmi[picked], target[picked], s=26, color=ACCENT["blue"],
               edgecolors=INK["text"], linewidths=0.6, zorder=4)

    xs = np.array([bmi.min() - 0.5, bmi.max() + 0.5])
    ax.plot(xs, model.predict(xs.reshape(-1, 1)), color=ACCENT["orange"], lw=2.4, zorder=5)

    ax.text(
        0.02, 0.97,
        f"ŷ = {w:.2f} × BMI {_signed(b, '.1f')}\nR² = {r2:.2f}",
        transform=ax.transAxes, va="top", ha="left", color=INK["text"], **SYMBOLS,
        linespacing=1.5,
    )

    ax.set_xlim(xs[0], xs[1])
    ax.set_ylim(0, 370)
    ax.set_xlabel("체질량지수 BMI (kg/m²)", **SYMBOLS)
    ax.set_ylabel("1년 뒤 당뇨 진행 정도")
    ax.set_yticks([0, 100, 200, 300])
    ax.set_title(f"선형 회귀: BMI로 당뇨 진행 정도 예측\n(환자 {len(target)}명)", loc="left")
    ax.grid(True, color=INK["grid"], lw=0.6)
    ax.set_axisbelow(True)

    handles = [
        Line2D([], [], ls="none", marker="o", ms=5, color=ACCENT["blue"], alpha=0.6, label="환자 한 명"),
        Line2D([], [], color=ACCENT["orange"], lw=2.4, label="회귀 직선 (예측값)"),
        Line2D([], [], color=INK["muted"], lw=1.1, ls=(0, (3, 2)), label="잔차 = 실제 − 예측"),
    ]
    # below the plot: inside it would cover patients
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(-0.02, -0.16), handlelength=1.6,
              ncols=2, columnspacing=1.0)
    return fig
