"""합성곱(convolution): 3×3 필터를 입력 위에서 한 칸씩 밀며 겹친 칸끼리 곱해 더하면 출력 특성 맵의 한 칸이 된다

입력 값은 실행 때마다 같은 난수(runner의 rng)로 만들고, 출력과 계산식은 numpy로
실제로 계산한다. 주황색 창(window)과 주황색 출력 칸이 서로 대응한다.
"""
import numpy as np
from matplotlib.patches import Rectangle

from diagram_parts import arrow, canvas, line, text
from figure_style import ACCENT, INK, TINT, WIDE as WIDTH

KERNEL = np.array([[1, 0, 1],
                   [0, 1, 0],
                   [1, 0, 1]])
ROW, COL = 0, 2  # top-left corner of the highlighted window


def _grid(ax, values, x0, y_top, cell, tint, highlight=None, hl_tint="orange",
          size=11.5, shift=False):
    """Draw a matrix with its top-left corner at (x0, y_top)."""
    n_r, n_c = values.shape
    for r in range(n_r):
        for c in range(n_c):
            hit = highlight is not None and highlight(r, c)
            ax.add_patch(Rectangle(
                (x0 + c * cell, y_top - (r + 1) * cell), cell, cell,
                facecolor=TINT[hl_tint if hit else tint], edgecolor=INK["line"],
                lw=0.8, zorder=2))
            dx, dy = (-0.14, 0.1) if (hit and shift) else (0, 0)
            text(ax, x0 + (c + 0.5 + dx) * cell, y_top - (r + 0.5 - dy) * cell,
                 f"{values[r, c]}", size=size, weight="bold" if hit else "normal",
                 zorder=3)
    ax.add_patch(Rectangle((x0, y_top - n_r * cell), n_c * cell, n_r * cell,
                           fill=False, edgecolor=INK["line"], lw=1.2, zorder=3))


def draw(rng):
    height = 4.0
    fig, ax = canvas(WIDTH, height)
    image = rng.integers(0, 4, size=(6, 6))
    windows = np.lib.stride_tricks.sliding_window_view(image, KERNEL.shape)
    output = (windows * KERNEL).sum(axis=(2, 3))
    k = KERNEL.shape[0]

    cell = 0.38
    top = 3.34
    x_in, x_k, x_out = 0.1, 3.05, 5.35
    in_win = lambda r, c: ROW <= r < ROW + k and COL <= c < COL + k
    _grid(ax, image, x_in, top, cell, "gray", highlight=in_win, shift=True)
    # kernel weights as small tags inside the window
    for r in range(k):
        for c in range(k):
            text(ax, x_in + (COL + c + 0.93) * cell, top - (ROW + r + 0.74) * cell,
                 f"×{KERNEL[r, c]}", size=9, color="muted", ha="right", zorder=4)
    ax.add_patch(Rectangle((x_in + COL * cell, top - (ROW + k) * cell), k * cell,
                           k * cell, fill=False, edgecolor=ACCENT["orange"], lw=2.4,
                           zorder=5))

    k_top = top - (6 - k) / 2 * cell
    _grid(ax, KERNEL, x_k, k_top, cell, "purple")
    o_top = top - 1 * cell
    _grid(ax, output, x_out, o_top, cell, "blue",
          highlight=lambda r, c: (r, c) == (ROW, COL))
    ax.add_patch(Rectangle((x_out + COL * cell, o_top - (ROW + 1) * cell), cell, cell,
                           fill=False, edgecolor=ACCENT["orange"], lw=2.4, zorder=5))

    mid_y = top - 3 * cell
    text(ax, (x_in + 6 * cell + x_k) / 2, mid_y, "∗", size=20)
    text(ax, (x_k + 3 * cell + x_out) / 2, mid_y, "=", size=18)

    heads = [(x_in + 3 * cell, top - 6 * cell, "입력 (6×6)", "주황 창 = 필터가 놓인 자리"),
             (x_k + 1.5 * cell, k_top - 3 * cell, "필터·커널 (3×3)", "값은 학습으로 정해짐"),
             (x_out + 2 * cell, o_top - 4 * cell, "출력 특성 맵 (4×4)",
              "한 칸씩 이동: 6 − 3 + 1 = 4")]
    for x, y, label, note in heads:
        text(ax, x, y - 0.2, label, size=10.5, weight="bold")
        text(ax, x, y - 0.42, note, size=9, color="muted")

    # window → output cell
    arrow(ax, (x_in + (COL + k / 2) * cell, top + 0.04),
          (x_out + (COL + 0.5) * cell, o_top + 0.04), color="orange",
          lw=1.4, ls=(0, (4, 3)), connection="arc3,rad=-0.18", head=11)
    text(ax, (x_in + (COL + k / 2) * cell + x_out + (COL + 0.5) * cell) / 2, top + 0.5,
         "겹친 칸끼리 곱해서 모두 더함", size=9.5, color="muted")

    # worked arithmetic for the highlighted cell
    win = image[ROW:ROW + k, COL:COL + k]
    terms = " + ".join(f"{a}×{b}" for a, b in zip(win.ravel(), KERNEL.ravel()))
    value = int((win * KERNEL).sum())
    assert value == output[ROW, COL]
    line(ax, [0.1, WIDTH - 0.1], [0.5, 0.5], color="grid", lw=1)
    text(ax, WIDTH / 2, 0.22, f"주황 칸:  {terms} = {value}", size=10.5)
    return fig
