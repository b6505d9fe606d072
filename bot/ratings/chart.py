"""The results as a chart image: the latest shown round's distribution beside the mean of
each shown round, drawn with matplotlib (its Agg backend, no display) into a small PNG.

The image is 640×360 pixels in 16 colours (a few kilobytes), small enough for a Teams card
to carry it inline; matplotlib is imported on first use, so a bot that never draws never
loads it."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from bot.ratings.figures import SCORES

WIDTH_INCHES, HEIGHT_INCHES, DPI = 8.0, 4.5, 80  # 640×360 pixels
COLOURS = 16
INK = "#2c5f2d"  # the app's colour (manifest.json)


@dataclass(frozen=True)
class ChartText:
    """The chart's words in the reader's language."""

    distribution_title: str
    trend_title: str
    score_label: str
    answers_label: str
    decimal_mark: str  # `,` or `.`


def rating_chart(
    text: ChartText,
    *,
    distribution: Sequence[int],
    trend: Sequence[tuple[str, float]],
) -> bytes:
    """A PNG of the distribution (how many gave 1…5) and the trend (a label and a mean per
    round, oldest first)."""
    from matplotlib.figure import Figure  # the Agg canvas; pyplot (and a GUI) never loads
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    figure = Figure(figsize=(WIDTH_INCHES, HEIGHT_INCHES), dpi=DPI)
    bars, line = figure.subplots(1, 2)
    bars.bar(list(SCORES), list(distribution), color=INK)
    bars.set_title(text.distribution_title)
    bars.set_xlabel(text.score_label)
    bars.set_ylabel(text.answers_label)
    bars.set_xticks(list(SCORES))
    bars.yaxis.set_major_locator(MaxNLocator(integer=True))
    labels = [label for label, _ in trend]
    line.plot(range(len(trend)), [mean for _, mean in trend], marker="o", color=INK)
    line.set_xticks(range(len(trend)), labels, rotation=30 if len(trend) > 4 else 0)
    line.set_xlim(-0.5, len(trend) - 0.5)
    line.set_ylim(1, 5)
    line.set_title(text.trend_title)
    mark = text.decimal_mark
    line.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.1f}".replace(".", mark)))
    line.grid(axis="y", alpha=0.3)
    figure.tight_layout()
    drawn = io.BytesIO()
    figure.savefig(drawn, format="png", metadata={"Software": None})
    return fewer_colours(drawn.getvalue())


def fewer_colours(png: bytes) -> bytes:
    """The PNG in a palette of COLOURS colours: a few kilobytes instead of some twenty."""
    from PIL import Image  # matplotlib's own dependency

    with Image.open(io.BytesIO(png)) as image:
        palette = image.convert("RGB").quantize(colors=COLOURS)
    small = io.BytesIO()
    palette.save(small, format="PNG", optimize=True)
    return small.getvalue()
