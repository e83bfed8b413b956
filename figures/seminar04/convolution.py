"""합성곱(convolution): 3×3 필터를 입력 위에서 한 칸씩 밀며 겹친 칸끼리 곱해 더하면 출력 특성 맵의 한 칸이 된다

입력 값은 실행 때마다 같은 난수(runner의 rng)로 만들고, 출력과 계산식은 numpy로
실제로 계산한다. 주황색 창(window)과 주황색 출력 칸이 서로 대응한다.
"""
import numpy as np
from matplotlib.patches import Rectangle

from diagram_parts import arrow, canvas, line, text
from figure_style import ACCENT, FONT_SIZE, INK, SMALL, TINT, WIDTH

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
    # Input and filter side by side, the output below them: three grids in a
    # row would not fit a phone's column with readable numbers.
    cell = 0.42
    height = 6.9
    fig, ax = canvas(WIDTH, height)
    image = rng.integers(0, 4, size=(6, 6))
    windows = np.lib.stride_tricks.sliding_window_view(image, KERNEL.shape)
    output = (windows * KERNEL).sum(axis=(2, 3))
    k = KERNEL.shape[0]

    top = height - 0.05
    x_in, x_k = 0.05, WIDTH - 0.05 - 3 * cell
    in_win = lambda r, c: ROW <= r < ROW + k and COL <= c < COL + k
    _grid(ax, image, x_in, top, cell, "gray", highlight=in_win, size=FONT_SIZE)
    ax.add_patch(Rectangle((x_in + COL * cell, top - (ROW + k) * cell), k * cell,
                           k * cell, fill=False, edgecolor=ACCENT["orange"], lw=2.4,
                           zorder=5))
    k_top = top - 1.5 * cell
    _grid(ax, KERNEL, x_k, k_top, cell, "purple", size=FONT_SIZE)
    text(ax, (x_in + 6 * cell + x_k) / 2, k_top - 1.5 * cell, "∗", size=20)

    o_top = top - 6 * cell - 0.9
    x_out = (WIDTH - 4 * cell) / 2 + 0.3
    _grid(ax, output, x_out, o_top, cell, "blue",
          highlight=lambda r, c: (r, c) == (ROW, COL), size=FONT_SIZE)
    ax.add_patch(Rectangle((x_out + COL * cell, o_top - (ROW + 1) * cell), cell, cell,
                           fill=False, edgecolor=ACCENT["orange"], lw=2.4, zorder=5))
    text(ax, x_out - 0.45, o_top - 2 * cell, "=", size=18)

    heads = [(x_in + 3 * cell, top - 6 * cell, "입력 (6×6)", "주황 창 = 필터가 놓인 자리"),
             (x_k + 1.5 * cell, k_top - 3 * cell, "필터·커널 (3×3)", "값은 학습으로\n정해짐"),
             (x_out + 2 * cell, o_top - 4 * cell, "출력 특성 맵 (4×4)",
              "창을 한 칸씩 옮기며 반복: 6 − 3 + 1 = 4")]
    for x, y, label, note in heads:
        text(ax, x, y - 0.2, label, size=SMALL, weight="bold")
        text(ax, x, y - 0.44, note, size=SMALL, color="muted", va="top", linespacing=1.2)

    # worked arithmetic for the highlighted cell
    win = image[ROW:ROW + k, COL:COL + k]
    terms = " + ".join(f"{a}×{b}" for a, b in zip(win.ravel(), KERNEL.ravel()))
    value = int((win * KERNEL).sum())
    assert value == output[ROW, COL]
    line(ax, [0.05, WIDTH - 0.05], [0.78, 0.78], color="grid", lw=1)
    text(ax, 0.05, 0.55, "주황 칸 = 겹친 칸끼리 곱해서 모두 더함:", size=SMALL, color="muted", ha="left")
    text(ax, 0.05, 0.2, f"{terms} = {value}", size=SMALL, ha="left")
    return fig
