"""Building blocks for box-and-arrow diagrams (shared by the seminar figures).

Every diagram is drawn on a ``canvas``: one axes that fills the figure, with
data coordinates in inches (x from 0 to width, y from 0 to height, origin at
the bottom left). So a box 1.2 wide is 1.2 in on the page, circles stay round
and font sizes in points relate directly to box sizes.

All colours come from ``figure_style`` (``INK`` for text and lines, ``TINT``
for fills, ``ACCENT`` for edges and highlights) so that the dark-mode colour
swap works. Text is always ``INK`` coloured and sits on a ``TINT`` fill or on
the transparent background, never on an ``ACCENT`` fill.
"""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from figure_style import ACCENT, INK, TINT


def canvas(width: float, height: float) -> tuple[Figure, object]:
    """Figure of ``width`` x ``height`` inches and its single inch-unit axes."""
    fig = Figure(figsize=(width, height))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.set_axis_off()
    return fig, ax


def text(ax, x, y, s, size=11, color="text", weight="normal", ha="center",
         va="center", **kwargs):
    """Text in an ``INK`` colour (``color`` is an INK role name)."""
    return ax.text(x, y, s, fontsize=size, color=INK[color], fontweight=weight,
                   ha=ha, va=va, clip_on=False, **kwargs)


def box(ax, x, y, w, h, label="", tint="blue", size=11, weight="normal",
        edge=True, lw=1.2, radius=0.08, ls="-", fill=True, text_color="text",
        zorder=2, linespacing=1.25, alpha=None, edge_tint=None):
    """Rounded box centred on (x, y) filled with ``TINT[tint]``.

    The edge is ``ACCENT[tint]`` (or ``INK['line']`` for ``tint='gray'``);
    ``edge_tint`` takes the edge from another accent; ``edge=False`` draws no
    edge, ``fill=False`` leaves the inside transparent.
    Returns the patch; the label (may contain newlines) is centred in it.
    """
    edge_name = edge_tint or tint
    edge_colour = INK["line"] if edge_name == "gray" else ACCENT[edge_name]
    patch = FancyBboxPatch(
        (x - w / 2, y - h / 2), w, h,
        boxstyle=f"round,pad=0,rounding_size={radius}",
        facecolor=TINT[tint] if fill else "none",
        edgecolor=edge_colour if edge else "none",
        linewidth=lw if edge else 0, linestyle=ls, zorder=zorder, clip_on=False,
        alpha=alpha,
    )
    ax.add_patch(patch)
    if label:
        text(ax, x, y, label, size=size, color=text_color, weight=weight,
             zorder=zorder + 0.1, linespacing=linespacing)
    return patch


def band(ax, x0, x1, y, h, tint="blue", lw=1.2, radius=None, zorder=1):
    """Horizontal rounded bar from x0 to x1 centred at height y (no label)."""
    r = h / 2 if radius is None else radius
    return box(ax, (x0 + x1) / 2, y, x1 - x0, h, tint=tint, lw=lw, radius=r,
               zorder=zorder)


def pill(ax, x, y, label, tint="gray", size=10, pad=0.4, edge=True,
         weight="normal", lw=1.0, zorder=3, ha="center"):
    """Small fully rounded label whose width follows the text."""
    edge_colour = INK["line"] if tint == "gray" else ACCENT[tint]
    return ax.text(
        x, y, label, fontsize=size, color=INK["text"], fontweight=weight,
        ha=ha, va="center", zorder=zorder, clip_on=False,
        bbox=dict(boxstyle=f"round,pad={pad},rounding_size=0.8",
                  facecolor=TINT[tint],
                  edgecolor=edge_colour if edge else "none",
                  linewidth=lw if edge else 0),
    )


def arrow(ax, start, end, color=None, lw=1.4, head=9, style="-|>",
          connection="arc3", shrink=0, ls="-", zorder=4):
    """Arrow from ``start`` to ``end`` (data coordinates).

    ``color`` is an ``ACCENT`` name, an ``INK`` role, or None for INK text.
    ``connection`` is a matplotlib connection style, e.g. ``"arc3,rad=0.3"``
    or ``"angle3,angleA=0,angleB=90"``; ``shrink`` pulls both ends in by that
    many points.
    """
    if color is None:
        colour = INK["text"]
    elif color in INK:
        colour = INK[color]
    else:
        colour = ACCENT[color]
    patch = FancyArrowPatch(
        start, end, arrowstyle=style, mutation_scale=head,
        connectionstyle=connection, color=colour, linewidth=lw,
        linestyle=ls, shrinkA=shrink, shrinkB=shrink, zorder=zorder,
        clip_on=False, joinstyle="miter", capstyle="butt",
    )
    ax.add_patch(patch)
    return patch


def line(ax, xs, ys, color="line", lw=1.2, ls="-", zorder=1.5):
    """Plain polyline in an ``INK`` role colour (or an ``ACCENT`` name)."""
    colour = INK[color] if color in INK else ACCENT[color]
    return ax.plot(xs, ys, color=colour, lw=lw, ls=ls, zorder=zorder,
                   solid_capstyle="round", clip_on=False)[0]
