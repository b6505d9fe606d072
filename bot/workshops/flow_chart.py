"""The agreed collaboration practices as a flow image: a box per practice, top to bottom,
arrows between them, drawn with matplotlib (its Agg backend) into a small PNG in few colours,
as the rating chart is (bot/ratings/chart.py)."""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence

from bot.ratings.chart import INK, fewer_colours

WIDTH_INCHES, DPI = 6.0, 80  # 480 pixels wide
BOX_INCHES = 0.9  # each practice's row
WRAP = 44  # characters on a box's line
MAX_LINES = 3  # a box's lines; the summary has the whole text


def flow_chart(title: str, practices: Sequence[str]) -> bytes:
    """A PNG of the practices in their order (at least one)."""
    from matplotlib.figure import Figure  # pyplot (and a GUI) never loads
    from matplotlib.patches import FancyBboxPatch

    rows = len(practices)
    figure = Figure(figsize=(WIDTH_INCHES, 0.6 + BOX_INCHES * rows), dpi=DPI)
    axes = figure.add_axes((0.0, 0.0, 1.0, 1.0))
    axes.set_xlim(0, 1)
    axes.set_ylim(rows + 0.1, -0.7)
    axes.axis("off")
    axes.text(0.5, -0.4, title, ha="center", va="center", fontsize=13, weight="bold", color=INK)
    for place, practice in enumerate(practices):
        lines = textwrap.wrap(f"{place + 1}. {practice}", WRAP)
        shown = lines[:MAX_LINES]
        if len(lines) > MAX_LINES:
            shown[-1] = shown[-1][: WRAP - 1] + "…"
        box = FancyBboxPatch(
            (0.08, place + 0.05),
            0.84,
            0.6,
            boxstyle="round,pad=0.02",
            facecolor="#e8f0e8",
            edgecolor=INK,
            linewidth=1.5,
        )
        axes.add_patch(box)
        axes.text(0.5, place + 0.35, "\n".join(shown), ha="center", va="center", fontsize=10)
        if place + 1 < rows:
            axes.annotate(
                "",
                xy=(0.5, place + 1.04),
                xytext=(0.5, place + 0.68),
                arrowprops={"arrowstyle": "-|>", "color": INK, "linewidth": 1.5},
            )
    drawn = io.BytesIO()
    figure.savefig(drawn, format="png", metadata={"Software": None})
    return fewer_colours(drawn.getvalue())
